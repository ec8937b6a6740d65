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

/// `word/styles.xml`. Arial 11 pt (LibreOffice substitutes the metrically
/// compatible Liberation Sans), 6 pt after paragraphs, 1.15 line spacing.
pub(super) const STYLES_XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
    r#"<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>"#,
    r#"<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>"#,
    r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#,
    r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#,
    r#"</w:pPr></w:pPrDefault></w:docDefaults>"#,
    // Normal.
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:widowControl/><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:style>"#,
    r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#,
    r#"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
    r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#,
    r#"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#,
    r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
    r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    // Headings: names "heading N" so Word and LibreOffice map them to their
    // built-ins (navigation pane, outline, table of contents).
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"#,
    r#"<w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"#,
    r#"<w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"#,
    r#"<w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
    // Lines printed as given: single spaced, nothing between them.
    r#"<w:style w:type="paragraph" w:styleId="NoSpacing"><w:name w:val="No Spacing"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:uiPriority w:val="1"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Letterhead"><w:name w:val="Letterhead"/><w:basedOn w:val="NoSpacing"/>"#,
    r#"<w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/><w:pPr><w:ind w:left="680" w:right="680"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="80"/><w:ind w:left="720"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>"#,
    r#"<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="NoSpacing"/>"#,
    r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>"#,
    // In a style rather than on the run, so a clerk can restyle every page's
    // mark at once.
    r#"<w:style w:type="paragraph" w:styleId="DraftMark"><w:name w:val="Draft Mark"/><w:basedOn w:val="Header"/>"#,
    r#"<w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/><w:spacing w:val="40"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="NoSpacing"/>"#,
    r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:jc w:val="center"/></w:pPr>"#,
    r#"<w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
    r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>"#,
    r#"<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
    r#"<w:rPr><w:color w:val="1D70B8"/><w:u w:val="single"/></w:rPr></w:style>"#,
    r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>"#,
    r#"<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>"#,
    r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>"#,
    r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>"#,
    r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>"#,
    r#"</w:tblBorders></w:tblPr></w:style>"#,
    r#"</w:styles>"#,
);

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
