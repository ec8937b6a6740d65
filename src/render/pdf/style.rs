//! Page geometry and typography: every number that decides how the letter
//! looks, in one place, in PDF points (1/72 inch) unless named otherwise.

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// A4 width in millimetres.
pub const PAGE_WIDTH_MM: f32 = 210.0;
/// A4 height in millimetres.
pub const PAGE_HEIGHT_MM: f32 = 297.0;
/// A4 width.
pub const PAGE_WIDTH: f32 = PAGE_WIDTH_MM * MM;
/// A4 height.
pub const PAGE_HEIGHT: f32 = PAGE_HEIGHT_MM * MM;

/// Left and right margin.
pub const SIDE_MARGIN: f32 = 25.0 * MM;
/// Where the first line of a page may start.
pub const BODY_TOP: f32 = 20.0 * MM;
/// Where the last line of a page must end; below it is the footer.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 22.0 * MM;
/// The text width between the side margins.
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * SIDE_MARGIN;

/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.3;

/// Body text size.
pub const BODY_SIZE: f32 = 11.0;
/// Letterhead size: smaller than the body, as on printed stationery.
pub const LETTERHEAD_SIZE: f32 = 9.5;
/// Footer ("Page N of M") size.
pub const FOOTER_SIZE: f32 = 9.0;
/// Footer baseline, measured from the top of the page.
pub const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.0 * MM;
/// Size of the DRAFT mark printed in the top margin.
pub const DRAFT_SIZE: f32 = 18.0;
/// DRAFT mark baseline, measured from the top of the page.
pub const DRAFT_BASELINE: f32 = 12.0 * MM;

/// Space between paragraphs and other blocks.
pub const BLOCK_GAP: f32 = 6.0;
/// Space between the logo and the letterhead lines beside it.
pub const LOGO_GAP: f32 = 6.0 * MM;
/// Space between the letterhead and the first body block.
pub const LETTERHEAD_GAP: f32 = 24.0;
/// Space between a heading and what follows it: smaller than the gap
/// above, so the heading reads as belonging to its section.
pub const HEADING_GAP_AFTER: f32 = 3.0;
/// Space between list items.
pub const ITEM_GAP: f32 = 3.0;

/// Size and space above for headings of level 1, 2 and 3.
pub const HEADINGS: [(f32, f32); 3] = [(13.5, 16.0), (12.0, 13.0), (11.0, 10.0)];

/// Indent of quoted material on both sides.
pub const QUOTE_INDENT: f32 = 12.0 * MM;
/// Narrowest frame that still gets a further quote indent; deeper nesting
/// stops indenting rather than squeezing text into a sliver.
pub const MIN_FRAME_WIDTH: f32 = 40.0 * MM;

/// Smallest indent between a list marker and the item text.
pub const LIST_INDENT: f32 = 6.5 * MM;
/// Space between the widest marker and the item text.
pub const MARKER_GAP: f32 = 2.0 * MM;

/// Horizontal padding inside a table cell.
pub const CELL_PAD_X: f32 = 4.0;
/// Vertical padding inside a table cell.
pub const CELL_PAD_Y: f32 = 3.0;
/// Table rule thickness.
pub const RULE_WIDTH: f32 = 0.5;

/// Grey level of table rules (0 = black, 1 = white).
pub const RULE_GREY: f32 = 0.45;
/// Grey level of the table header background.
pub const HEADER_FILL_GREY: f32 = 0.92;
/// Link colour: GOV.UK link blue (#1d70b8).
pub const LINK_RGB: [f32; 3] = [0.114, 0.439, 0.722];
/// Grey level of the footer.
pub const FOOTER_GREY: f32 = 0.3;
/// Grey level of the DRAFT mark.
pub const DRAFT_GREY: f32 = 0.5;
