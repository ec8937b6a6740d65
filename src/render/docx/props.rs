//! Property elements, written in the order ECMA-376 defines for their
//! children.
//!
//! WordprocessingML property elements are XML Schema sequences: `w:pStyle`
//! must come first in `w:pPr`, `w:footerReference` before `w:pgSz` in
//! `w:sectPr`, and so on. Word reports a file that breaks the order as
//! unreadable or silently drops the misplaced property (LibreOffice does
//! not mind, so the fault is easy to miss). Each property set here is a
//! struct whose fields are declared in schema order and written in field
//! order, so the order holds by construction; `super::schema` checks every
//! part against the schema's sequences.

use std::fmt::Write as _;

use super::xml::push_escaped;

/// Paragraph properties (`w:pPr`, ECMA-376 Part 1 §17.3.1.26, CT_PPrBase).
#[derive(Debug, Default, Clone)]
pub(super) struct ParaProps {
    /// `w:pStyle`: the paragraph style id.
    pub style: Option<&'static str>,
    /// `w:keepNext`: on the same page as the next paragraph.
    pub keep_next: bool,
    /// `w:keepLines`: never split across pages.
    pub keep_lines: bool,
    /// `w:pageBreakBefore`: starts a page (an annex).
    pub page_break_before: bool,
    /// `w:numPr`: the numbering instance of a list item (level 0).
    pub num_id: Option<usize>,
    /// `w:spacing w:before`, twips.
    pub space_before: Option<u32>,
    /// `w:spacing w:after`, twips.
    pub space_after: Option<u32>,
    /// `w:ind`.
    pub indent: Option<Indent>,
    /// `w:jc w:val="right"`; left is every style's default.
    pub align_right: bool,
}

/// Paragraph indentation in twips.
#[derive(Debug, Clone, Copy)]
pub(super) struct Indent {
    pub left: i32,
    pub right: i32,
    /// How far the first line (a list number) hangs left of `left`.
    pub hanging: Option<i32>,
}

impl ParaProps {
    /// Paragraph properties naming only a style.
    pub(super) fn styled(style: &'static str) -> ParaProps {
        ParaProps { style: Some(style), ..ParaProps::default() }
    }

    /// Appends `<w:pPr>`, or nothing when no property is set.
    pub(super) fn write(&self, out: &mut String) {
        let start = out.len();
        out.push_str("<w:pPr>");
        let empty = out.len();
        if let Some(style) = self.style {
            val(out, "pStyle", style);
        }
        flag(out, "keepNext", self.keep_next);
        flag(out, "keepLines", self.keep_lines);
        flag(out, "pageBreakBefore", self.page_break_before);
        if let Some(num_id) = self.num_id {
            let _ = write!(out, r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>"#);
        }
        if self.space_before.is_some() || self.space_after.is_some() {
            out.push_str("<w:spacing");
            if let Some(before) = self.space_before {
                let _ = write!(out, r#" w:before="{before}""#);
            }
            if let Some(after) = self.space_after {
                let _ = write!(out, r#" w:after="{after}""#);
            }
            out.push_str("/>");
        }
        if let Some(Indent { left, right, hanging }) = self.indent {
            let _ = write!(out, r#"<w:ind w:left="{left}" w:right="{right}""#);
            if let Some(hanging) = hanging {
                let _ = write!(out, r#" w:hanging="{hanging}""#);
            }
            out.push_str("/>");
        }
        if self.align_right {
            val(out, "jc", "right");
        }
        close(out, start, empty, "</w:pPr>");
    }
}

/// Run properties (`w:rPr`, §17.3.2.28, CT_RPr).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct RunProps {
    /// `w:rStyle`: the character style id.
    pub style: Option<&'static str>,
    /// `w:b` and `w:bCs`.
    pub bold: bool,
    /// `w:i` and `w:iCs`.
    pub italic: bool,
}

impl RunProps {
    /// Appends `<w:rPr>`, or nothing when no property is set.
    pub(super) fn write(self, out: &mut String) {
        let start = out.len();
        out.push_str("<w:rPr>");
        let empty = out.len();
        if let Some(style) = self.style {
            val(out, "rStyle", style);
        }
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        close(out, start, empty, "</w:rPr>");
    }
}

/// Table properties (`w:tblPr`, §17.4.60, CT_TblPr).
#[derive(Debug, Clone, Copy)]
pub(super) struct TableProps {
    /// `w:tblStyle`.
    pub style: &'static str,
    /// `w:tblW`, twips.
    pub width: i32,
    /// `w:tblInd`, twips from the margin.
    pub indent: i32,
    /// `w:tblBorders`: the same half-point grid as the table style, on
    /// the table too so readers that ignore table styles still draw it.
    pub grid_borders: bool,
    /// `w:tblLayout w:type="fixed"`: columns keep their widths.
    pub fixed: bool,
}

impl TableProps {
    /// Appends `<w:tblPr>` (never empty: the style and width are always set).
    pub(super) fn write(&self, out: &mut String) {
        out.push_str("<w:tblPr>");
        val(out, "tblStyle", self.style);
        let _ =
            write!(out, r#"<w:tblW w:w="{}" w:type="dxa"/><w:tblInd w:w="{}" w:type="dxa"/>"#, self.width, self.indent);
        if self.grid_borders {
            out.push_str("<w:tblBorders>");
            for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                let _ = write!(out, r#"<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="auto"/>"#);
            }
            out.push_str("</w:tblBorders>");
        }
        if self.fixed {
            out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
        }
        out.push_str("</w:tblPr>");
    }
}

/// Table row properties (`w:trPr`, §17.4.82, CT_TrPr).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct RowProps {
    /// `w:cantSplit`: the row never breaks across pages.
    pub cant_split: bool,
    /// `w:tblHeader`: a header row, repeated at the top of every page the
    /// table runs onto, and announced as headers by screen readers.
    pub header: bool,
}

impl RowProps {
    /// Appends `<w:trPr>`, or nothing when no property is set.
    pub(super) fn write(self, out: &mut String) {
        let start = out.len();
        out.push_str("<w:trPr>");
        let empty = out.len();
        flag(out, "cantSplit", self.cant_split);
        flag(out, "tblHeader", self.header);
        close(out, start, empty, "</w:trPr>");
    }
}

/// Table cell properties (`w:tcPr`, §17.4.70, CT_TcPr).
#[derive(Debug, Clone, Copy)]
pub(super) struct CellProps {
    /// `w:tcW`, twips.
    pub width: usize,
    /// `w:shd`: a background colour (RGB hex).
    pub fill: Option<&'static str>,
}

impl CellProps {
    /// Appends `<w:tcPr>` (never empty: the width is always set).
    pub(super) fn write(self, out: &mut String) {
        let _ = write!(out, r#"<w:tcPr><w:tcW w:w="{}" w:type="dxa"/>"#, self.width);
        if let Some(fill) = self.fill {
            let _ = write!(out, r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#);
        }
        out.push_str("</w:tcPr>");
    }
}

/// Section properties (`w:sectPr`, §17.6.17, CT_SectPr): page size,
/// margins and the header and footer of the letter's one section.
#[derive(Debug, Clone, Copy)]
pub(super) struct SectionProps {
    /// `w:headerReference`: the relationship id of the default header.
    pub header: Option<&'static str>,
    /// `w:headerReference` of type first: the first page's header.
    pub first_header: Option<&'static str>,
    /// `w:titlePg`: the first page has its own header (blank without
    /// `first_header`).
    pub title_page: bool,
    /// `w:footerReference`: the relationship id of the default footer.
    pub footer: &'static str,
    /// `w:pgSz`, twips.
    pub page_width: u32,
    pub page_height: u32,
    /// `w:pgMar`: every side, twips.
    pub margin: i32,
    /// `w:pgMar` header and footer distance from the edge, twips.
    pub header_distance: i32,
}

impl SectionProps {
    /// Appends `<w:sectPr>`.
    pub(super) fn write(&self, out: &mut String) {
        out.push_str("<w:sectPr>");
        if let Some(rid) = self.header {
            let _ = write!(out, r#"<w:headerReference w:type="default" r:id="{rid}"/>"#);
        }
        if let Some(rid) = self.first_header {
            let _ = write!(out, r#"<w:headerReference w:type="first" r:id="{rid}"/>"#);
        }
        let _ = write!(out, r#"<w:footerReference w:type="default" r:id="{}"/>"#, self.footer);
        let _ = write!(out, r#"<w:pgSz w:w="{}" w:h="{}"/>"#, self.page_width, self.page_height);
        let (m, d) = (self.margin, self.header_distance);
        let _ = write!(
            out,
            r#"<w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="{d}" w:footer="{d}" w:gutter="0"/>"#
        );
        flag(out, "titlePg", self.title_page);
        out.push_str("</w:sectPr>");
    }
}

/// `<w:name/>` when `on`.
fn flag(out: &mut String, name: &str, on: bool) {
    if on {
        let _ = write!(out, "<w:{name}/>");
    }
}

/// `<w:name w:val="value"/>`.
fn val(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, r#"<w:{name} w:val=""#);
    push_escaped(out, value);
    out.push_str(r#""/>"#);
}

/// Closes a property element opened at `start`, or removes it again when
/// nothing was written after its opening tag (which ended at `empty`).
fn close(out: &mut String, start: usize, empty: usize, end: &str) {
    if out.len() == empty {
        out.truncate(start);
    } else {
        out.push_str(end);
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema::assert_schema_order;
    use super::*;

    /// Writes `f`'s element and checks it against the schema's sequence.
    fn written(f: impl FnOnce(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        assert_schema_order(&out);
        out
    }

    #[test]
    fn paragraph_properties_follow_ct_ppr_with_every_property_set() {
        let props = ParaProps {
            style: Some("ListParagraph"),
            keep_next: true,
            keep_lines: true,
            page_break_before: true,
            num_id: Some(3),
            space_before: Some(120),
            space_after: Some(240),
            indent: Some(Indent { left: 1400, right: 680, hanging: Some(425) }),
            align_right: true,
        };
        let xml = written(|out| props.write(out));
        assert!(xml.starts_with(r#"<w:pPr><w:pStyle w:val="ListParagraph"/><w:keepNext/>"#), "{xml}");
        assert!(xml.contains(r#"<w:spacing w:before="120" w:after="240"/><w:ind w:left="1400" w:right="680" w:hanging="425"/><w:jc w:val="right"/></w:pPr>"#), "{xml}");
    }

    #[test]
    fn empty_property_sets_write_nothing() {
        let mut out = String::from("<w:p>");
        ParaProps::default().write(&mut out);
        RunProps::default().write(&mut out);
        RowProps::default().write(&mut out);
        assert_eq!(out, "<w:p>");
    }

    #[test]
    fn run_properties_follow_ct_rpr() {
        let xml = written(|out| RunProps { style: Some("Hyperlink"), bold: true, italic: true }.write(out));
        assert_eq!(xml, r#"<w:rPr><w:rStyle w:val="Hyperlink"/><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>"#);
    }

    #[test]
    fn table_properties_follow_ct_tblpr() {
        let props = TableProps { style: "TableGrid", width: 9070, indent: 680, grid_borders: true, fixed: true };
        let xml = written(|out| props.write(out));
        assert!(xml.starts_with(
            r#"<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9070" w:type="dxa"/><w:tblInd w:w="680""#
        ));
        assert!(xml.ends_with(r#"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>"#), "{xml}");
    }

    #[test]
    fn row_properties_follow_ct_trpr() {
        let xml = written(|out| RowProps { cant_split: true, header: true }.write(out));
        assert_eq!(xml, "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    }

    #[test]
    fn cell_properties_follow_ct_tcpr() {
        let xml = written(|out| CellProps { width: 2000, fill: Some("E7E7E7") }.write(out));
        assert_eq!(
            xml,
            r#"<w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E7E7E7"/></w:tcPr>"#
        );
    }

    #[test]
    fn section_properties_put_header_and_footer_references_first() {
        let props = SectionProps {
            header: Some("rIdHeader1"),
            first_header: None,
            title_page: false,
            footer: "rIdFooter1",
            page_width: 11906,
            page_height: 16838,
            margin: 1418,
            header_distance: 709,
        };
        let xml = written(|out| props.write(out));
        assert!(
            xml.starts_with(r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference"#)
        );
        assert!(xml.contains(r#"w:gutter="0"/></w:sectPr>"#), "{xml}");
    }
}
