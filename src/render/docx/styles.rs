//! The formatting half of the package: `styles.xml` and `numbering.xml`.
//!
//! Like every part, they are written directly (docx-rs, used before, emitted
//! its own bare `Normal` without `w:default="1"`, so Word did not treat it as
//! the default style, and prepended a nine-level default numbering); their
//! children follow the schema's order, which `super::schema` checks.
//!
//! A clerk who opens the letter must find the built-in styles they know
//! (Normal, Heading 1, Quote, List Paragraph, Table Grid) carrying the
//! formatting, not direct formatting on every paragraph, so the body only
//! names styles and the styles say how they look.

use std::fmt::Write as _;

use crate::doc::ListKind;

/// Paragraph style of body text inside a quotation.
pub(super) const QUOTE: &str = "Quote";
/// Paragraph style of one list item; the number comes from `numbering.xml`.
pub(super) const LIST_PARAGRAPH: &str = "ListParagraph";
/// Paragraph style of lines printed as given (addresses, date, signature).
pub(super) const NO_SPACING: &str = "NoSpacing";
/// Paragraph style of the sender's letterhead at the top right.
pub(super) const LETTERHEAD: &str = "Letterhead";
/// Paragraph style of text inside table cells.
pub(super) const TABLE_TEXT: &str = "TableText";
/// Table style: a plain grid.
pub(super) const TABLE_GRID: &str = "TableGrid";
/// Character style of hyperlinks.
pub(super) const HYPERLINK: &str = "Hyperlink";
/// Paragraph style of the DRAFT mark in the page header.
pub(super) const DRAFT_MARK: &str = "DraftMark";
/// Paragraph style of the page footer ("Page X of Y").
pub(super) const FOOTER: &str = "Footer";

/// Left and right indentation of quoted material, per level of nesting
/// (680 twips = 12 mm).
pub(super) const QUOTE_INDENT: i32 = 680;
/// Left indentation of list text from the margin (12.7 mm).
pub(super) const LIST_INDENT: i32 = 720;
/// How far the number or bullet hangs left of the list text; wide enough
/// for "10." at 11 pt.
pub(super) const LIST_HANGING: i32 = 425;

/// The paragraph style for a heading level; levels outside 1..=3 are
/// clamped so a bad level still gives a heading rather than an error.
pub(super) fn heading(level: u8) -> &'static str {
    match level {
        0 | 1 => "Heading1",
        2 => "Heading2",
        _ => "Heading3",
    }
}

/// `abstractNumId` of the decimal "1." definition, counted from the first
/// id that is ours (0, or after a reference document's).
const DECIMAL: u32 = 0;
/// `abstractNumId` of the bullet definition, likewise.
const BULLET: u32 = 1;

/// The first numbering ids that are ours: 0 and 1 for our own package,
/// past a reference document's ids when its numbering is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NumberingIds {
    /// Our first `abstractNumId`.
    pub abstract_num: u32,
    /// Our first `numId`: list *n* (from 0) is `num + n`.
    pub num: usize,
}

impl Default for NumberingIds {
    fn default() -> NumberingIds {
        NumberingIds { abstract_num: 0, num: 1 }
    }
}

/// `word/numbering.xml` for a letter whose lists, in order, are `lists`.
///
/// List *n* (from 0) is numbering instance `n + 1`. Every numbered list gets
/// its own instance with a `startOverride`, because lists sharing an
/// instance continue each other's numbering: the second "1." would print as
/// "4.". The numbers are real Word numbering, so a clerk who inserts an item
/// gets the rest renumbered.
pub(super) fn numbering_xml(lists: &[ListKind]) -> String {
    let (abstracts, nums) = numbering_definitions(lists, NumberingIds::default());
    let mut xml = String::with_capacity(200 + abstracts.len() + nums.len());
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    ));
    xml.push_str(&abstracts);
    xml.push_str(&nums);
    xml.push_str("</w:numbering>");
    xml
}

/// The abstract definitions and the numbering instances of `lists`, as
/// two runs of elements (the schema puts every `w:abstractNum` before
/// every `w:num`), numbered from `ids`.
pub(super) fn numbering_definitions(lists: &[ListKind], ids: NumberingIds) -> (String, String) {
    let mut abstracts = String::with_capacity(1000);
    let (decimal, bullet) = (ids.abstract_num + DECIMAL, ids.abstract_num + BULLET);
    abstract_num(&mut abstracts, decimal, "decimal", "%1.", "");
    abstract_num(
        &mut abstracts,
        bullet,
        "bullet",
        "\u{2022}",
        r#"<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/></w:rPr>"#,
    );
    let mut nums = String::with_capacity(lists.len() * 140);
    for (index, kind) in lists.iter().enumerate() {
        let num_id = ids.num + index;
        match kind {
            ListKind::Numbered { start } => {
                // ST_DecimalNumber is a signed 32-bit integer.
                let start = (*start).min(i32::MAX as u32);
                let _ = write!(
                    nums,
                    r#"<w:num w:numId="{num_id}"><w:abstractNumId w:val="{decimal}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#
                );
            }
            ListKind::Bullet => {
                let _ = write!(nums, r#"<w:num w:numId="{num_id}"><w:abstractNumId w:val="{bullet}"/></w:num>"#);
            }
        }
    }
    (abstracts, nums)
}

/// One single-level abstract numbering definition.
fn abstract_num(xml: &mut String, id: u32, format: &str, text: &str, run_props: &str) {
    let _ = write!(
        xml,
        concat!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>"#,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/>"#,
            r#"<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{run_props}</w:lvl></w:abstractNum>"#,
        ),
        id = id,
        format = format,
        text = text,
        left = LIST_INDENT,
        hanging = LIST_HANGING,
        run_props = run_props,
    );
}
