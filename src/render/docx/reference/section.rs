//! The page of the reference document: the size, margins and header and
//! footer references of its final section (`w:sectPr`, ECMA-376 Part 1
//! §17.6.17), and writing them as the letter's one section.

use std::fmt::Write as _;

use super::walk::{Node, walk};

/// Which pages a header or footer is for (`ST_HdrFtr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pages {
    Default,
    First,
    Even,
}

impl Pages {
    fn parse(value: Option<&str>) -> Pages {
        match value {
            Some("first") => Pages::First,
            Some("even") => Pages::Even,
            _ => Pages::Default,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Pages::Default => "default",
            Pages::First => "first",
            Pages::Even => "even",
        }
    }
}

/// A header or footer reference of the final section, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reference {
    pub header: bool,
    pub pages: Pages,
    /// Its relationship id in the reference's `document.xml.rels`.
    pub rid: String,
}

/// Page size and margins, twips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Page {
    pub width: u32,
    pub height: u32,
    pub landscape: bool,
    pub top: i32,
    pub right: u32,
    pub bottom: i32,
    pub left: u32,
    pub header: u32,
    pub footer: u32,
    pub gutter: u32,
}

/// foikit's own page (A4, 25 mm margins), for a reference without `w:pgSz`
/// or `w:pgMar`.
const OURS: Page = Page {
    width: 11906,
    height: 16838,
    landscape: false,
    top: 1418,
    right: 1418,
    bottom: 1418,
    left: 1418,
    header: 709,
    footer: 709,
    gutter: 0,
};

/// Narrowest text block we lay a letter into (40 mm).
const MIN_TEXT_WIDTH: i32 = 2268;

/// What the final section says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Section {
    pub page: Page,
    pub references: Vec<Reference>,
    /// `w:titlePg`: the first page has its own header and footer.
    pub title_page: bool,
}

impl Section {
    /// Reads the final `w:sectPr` of `document.xml` (`part` names it).
    pub(super) fn read(part: &str, xml: &str) -> Result<Section, String> {
        let mut section = None::<Section>;
        let mut inside = false;
        walk(part, xml, |node| {
            match node {
                // document (0) > body (1) > sectPr (2): the final section.
                Node::Open(e) if e.in_w && e.depth == 2 && e.name == "sectPr" => {
                    inside = true;
                    section = Some(Section { page: OURS, references: Vec::new(), title_page: false });
                }
                Node::Open(e) if inside && e.in_w && e.depth == 3 => {
                    let Some(s) = section.as_mut() else { return Ok(()) };
                    let number = |name: &str, default: i64| -> Result<i64, String> {
                        e.attr(name).map_or(Ok(default), |v| twips(v).ok_or_else(|| bad_measure(&e.name, name, v)))
                    };
                    match e.name.as_str() {
                        "headerReference" | "footerReference" => {
                            let rid = e.attr("id").ok_or_else(|| format!("{part}: a {} without r:id", e.name))?;
                            let header = e.name == "headerReference";
                            s.references.push(Reference {
                                header,
                                pages: Pages::parse(e.attr("type")),
                                rid: rid.into(),
                            });
                        }
                        "pgSz" => {
                            s.page.width = unsigned(number("w", OURS.width.into())?);
                            s.page.height = unsigned(number("h", OURS.height.into())?);
                            s.page.landscape = e.attr("orient") == Some("landscape");
                        }
                        "pgMar" => {
                            s.page.top = signed(number("top", OURS.top.into())?);
                            s.page.right = unsigned(number("right", OURS.right.into())?);
                            s.page.bottom = signed(number("bottom", OURS.bottom.into())?);
                            s.page.left = unsigned(number("left", OURS.left.into())?);
                            s.page.header = unsigned(number("header", OURS.header.into())?);
                            s.page.footer = unsigned(number("footer", OURS.footer.into())?);
                            s.page.gutter = unsigned(number("gutter", 0)?);
                        }
                        "titlePg" => s.title_page = on(e.attr("val")),
                        _ => {}
                    }
                }
                Node::Close { element, .. } if element.in_w && element.depth == 2 && element.name == "sectPr" => {
                    inside = false;
                }
                _ => {}
            }
            Ok(())
        })?;
        let section = section.unwrap_or(Section { page: OURS, references: Vec::new(), title_page: false });
        if section.text_width() < MIN_TEXT_WIDTH {
            return Err(format!(
                "its page ({} × {} mm, margins {} and {} mm) leaves less than 40 mm for text",
                mm(section.page.width),
                mm(section.page.height),
                mm(section.page.left),
                mm(section.page.right)
            ));
        }
        Ok(section)
    }

    /// Width of the text block, twips: what a full-width table spans.
    pub(super) fn text_width(&self) -> i32 {
        let p = &self.page;
        let used = i64::from(p.left) + i64::from(p.right) + i64::from(p.gutter);
        i32::try_from(i64::from(p.width) - used).unwrap_or(i32::MIN)
    }

    /// Writes `<w:sectPr>` with `references` (type, relationship id) in
    /// their order, then the page; the child order is CT_SectPr's.
    pub(super) fn write(&self, references: &[(bool, Pages, String)], title_page: bool) -> String {
        let mut out = String::from("<w:sectPr>");
        for (header, pages, rid) in references {
            let element = if *header { "headerReference" } else { "footerReference" };
            let _ = write!(out, r#"<w:{element} w:type="{}" r:id="{rid}"/>"#, pages.name());
        }
        let p = &self.page;
        let orient = if p.landscape { r#" w:orient="landscape""# } else { "" };
        let _ = write!(out, r#"<w:pgSz w:w="{}" w:h="{}"{orient}/>"#, p.width, p.height);
        let _ = write!(
            out,
            r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="{}"/>"#,
            p.top, p.right, p.bottom, p.left, p.header, p.footer, p.gutter
        );
        if title_page {
            out.push_str("<w:titlePg/>");
        }
        out.push_str("</w:sectPr>");
        out
    }
}

/// An `ST_OnOff` value: absent means on.
pub(super) fn on(value: Option<&str>) -> bool {
    !matches!(value, Some("0" | "false" | "off"))
}

fn bad_measure(element: &str, attr: &str, value: &str) -> String {
    format!("its page setting w:{element} w:{attr}=\"{value}\" is not a measurement")
}

/// A measurement in twips: a number of twips, or a number with a unit
/// (`ST_UniversalMeasure`: mm, cm, in, pt, pc, pi).
fn twips(value: &str) -> Option<i64> {
    let value = value.trim();
    if let Ok(n) = value.parse::<i64>() {
        return Some(n);
    }
    let split = value.len().checked_sub(2)?;
    let (number, unit) = (value.get(..split)?, value.get(split..)?);
    let per_unit = match unit {
        "mm" => 1440.0 / 25.4,
        "cm" => 1440.0 / 2.54,
        "in" => 1440.0,
        "pt" => 20.0,
        "pc" | "pi" => 240.0,
        _ => return None,
    };
    let n: f64 = number.parse().ok()?;
    let twips = (n * per_unit).round();
    (twips.is_finite() && twips.abs() < 1e9).then_some(twips as i64)
}

/// Clamps to what `ST_TwipsMeasure` holds; no page is a mile wide.
fn unsigned(n: i64) -> u32 {
    u32::try_from(n.clamp(0, 31_680)).unwrap_or(0)
}

fn signed(n: i64) -> i32 {
    i32::try_from(n.clamp(-31_680, 31_680)).unwrap_or(0)
}

fn mm(twips: u32) -> u32 {
    (f64::from(twips) * 25.4 / 1440.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::schema::assert_schema_order;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="r""#;

    #[test]
    fn the_final_section_gives_page_margins_and_references() {
        let xml = format!(
            concat!(
                r#"<w:document {}><w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr></w:p>"#,
                r#"<w:sectPr><w:headerReference w:type="first" r:id="rId7"/><w:footerReference w:type="default" r:id="rId8"/>"#,
                r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="2880" w:bottom="1440" w:left="50mm" "#,
                r#"w:header="720" w:footer="720" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>"#
            ),
            W
        );
        let s = Section::read("word/document.xml", &xml).unwrap();
        assert_eq!((s.page.width, s.page.right, s.page.left), (12240, 2880, 2835));
        assert!(s.title_page);
        assert_eq!(s.references[0], Reference { header: true, pages: Pages::First, rid: "rId7".into() });
        assert_eq!(s.text_width(), 12240 - 2880 - 2835);
        let written = s.write(&[(false, Pages::Default, "rIdHouse1".into())], true);
        assert_schema_order(&written);
        assert!(written.contains(r#"<w:footerReference w:type="default" r:id="rIdHouse1"/><w:pgSz w:w="12240""#));
    }

    #[test]
    fn bad_measures_and_pages_without_room_for_text_are_refused() {
        let page = |attrs: &str| {
            let xml =
                format!(r#"<w:document {W}><w:body><w:sectPr><w:pgMar {attrs}/></w:sectPr></w:body></w:document>"#);
            Section::read("d.xml", &xml)
        };
        assert!(page(r#"w:left="wide""#).unwrap_err().contains(r#"w:left="wide""#));
        assert!(page(r#"w:left="6000" w:right="5000""#).unwrap_err().contains("less than 40 mm"));
        assert_eq!(page("").unwrap().page, OURS);
    }
}
