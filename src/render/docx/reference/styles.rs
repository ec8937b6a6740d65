//! The reference document's styles, completed with ours.
//!
//! The letter's paragraphs name foikit's style ids (`Heading1`,
//! `Letterhead`, `ListParagraph`…). Every one the reference defines is
//! used as the reference defines it (that is the point: its fonts, sizes,
//! colours and spacing); every one it lacks is added from our own
//! `styles.xml`, so the letter still has its heading structure, list
//! indents and table grid, and no paragraph names a missing style.

use super::walk::{Node, walk};
use crate::render::docx::fixed::STYLES_XML;

/// The style ids a `styles.xml` defines.
fn style_ids(part: &str, xml: &str) -> Result<Vec<String>, String> {
    let mut ids = Vec::new();
    walk(part, xml, |node| {
        if let Node::Open(e) = node
            && e.in_w
            && e.depth == 1
            && e.name == "style"
            && let Some(id) = e.attr("styleId")
        {
            ids.push(id.to_string());
        }
        Ok(())
    })?;
    Ok(ids)
}

/// Whether a style of `styles.xml` names a list numbering (`w:numId`
/// other than 0, which means none): then its `numbering.xml` is needed.
pub(super) fn uses_numbering(part: &str, xml: &str) -> Result<bool, String> {
    let mut uses = false;
    walk(part, xml, |node| {
        if let Node::Open(e) = node
            && e.in_w
            && e.name == "numId"
        {
            uses |= e.attr("val").is_some_and(|v| v.trim() != "0");
        }
        Ok(())
    })?;
    Ok(uses)
}

/// Our style definitions as `(id, XML)`, in the order we define them.
fn our_styles() -> Vec<(String, &'static str)> {
    let mut styles = Vec::new();
    let mut start = None;
    // Our own constant: well-formed, tested below.
    let _ = walk("styles.xml", STYLES_XML, |node| {
        match node {
            Node::Open(e) if e.depth == 1 && e.name == "style" => start = Some(e.start),
            Node::Close { element, after, .. } if element.depth == 1 && element.name == "style" => {
                if let (Some(from), Some(id)) = (start.take(), element.attr("styleId")) {
                    styles.push((id.to_string(), &STYLES_XML[from..after]));
                }
            }
            _ => {}
        }
        Ok(())
    });
    styles
}

/// The reference's `styles.xml` (part `part`) with every style of ours it
/// lacks added at the end; the names of those added, for the report.
pub(super) fn merge(part: &str, xml: &str) -> Result<(String, Vec<String>), String> {
    let theirs = style_ids(part, xml)?;
    let mut end = None;
    let mut root_ok = false;
    walk(part, xml, |node| {
        match node {
            Node::Open(e) if e.depth == 0 => root_ok = e.w && e.name == "styles",
            Node::Close { element, start, .. } if element.depth == 0 => end = Some(start),
            _ => {}
        }
        Ok(())
    })?;
    let end = end.filter(|_| root_ok).ok_or_else(|| {
        format!("{part} is not WordprocessingML styles with the usual `w:` prefix (is it Strict Open XML? save it as a Word Document)")
    })?;
    let mut merged = String::with_capacity(xml.len() + STYLES_XML.len());
    merged.push_str(&xml[..end]);
    let mut added = Vec::new();
    for (id, style) in our_styles() {
        if !theirs.contains(&id) {
            merged.push_str(style);
            added.push(id);
        }
    }
    merged.push_str(&xml[end..]);
    Ok((merged, added))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_of_ours_is_found() {
        let ids: Vec<String> = our_styles().into_iter().map(|(id, _)| id).collect();
        for id in ["Normal", "Heading1", "Heading3", "Letterhead", "ListParagraph", "TableGrid", "Hyperlink", "Footer"]
        {
            assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
        }
        assert_eq!(ids.len(), STYLES_XML.matches("<w:style ").count());
    }

    #[test]
    fn the_reference_keeps_its_styles_and_gains_the_missing_ones() {
        let theirs = concat!(
            r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>"#,
            r#"<w:rPr><w:color w:val="8B0000"/></w:rPr></w:style></w:styles>"#
        );
        let (merged, added) = merge("word/styles.xml", theirs).unwrap();
        assert!(merged.contains(r#"<w:color w:val="8B0000"/>"#));
        assert_eq!(merged.matches(r#"w:styleId="Heading1""#).count(), 1);
        assert!(added.contains(&"Letterhead".to_string()) && !added.contains(&"Heading1".to_string()));
        assert!(merged.ends_with("</w:style></w:styles>"));
        assert_eq!(style_ids("s", &merged).unwrap().len(), STYLES_XML.matches("<w:style ").count());
    }

    #[test]
    fn styles_in_another_prefix_or_namespace_are_refused() {
        let strict = r#"<w:styles xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>"#;
        assert!(merge("word/styles.xml", strict).unwrap_err().contains("Strict"));
    }
}
