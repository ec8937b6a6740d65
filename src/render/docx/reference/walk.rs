//! A strict walk over one XML part of the reference document.
//!
//! The reference document is the user's file, so its XML is read with a
//! parser that never expands entities and refuses a DTD outright: Office
//! never writes one, and a DTD is how entity bombs and external entities
//! (reading local files) get in. We only need element names, a few
//! attributes and byte positions (to splice text in), so this is a pull
//! parser walk rather than a tree.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

/// The WordprocessingML namespace (transitional, the one Word saves).
pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// One element met on the walk.
#[derive(Debug)]
pub(super) struct Element {
    /// Local name, without prefix.
    pub name: String,
    /// In the WordprocessingML namespace, written with the `w` prefix: the
    /// only form we splice our own `w:` elements next to.
    pub w: bool,
    /// In the WordprocessingML namespace, whatever its prefix.
    pub in_w: bool,
    /// Nesting depth: the root is 0.
    pub depth: usize,
    /// Attributes by local name (prefixes dropped), values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Byte offset of `<`.
    pub start: usize,
    /// Byte offset just after the start tag (`>` or `/>`).
    pub after_start: usize,
}

impl Element {
    /// The value of the attribute whose local name is `name`.
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What the walk reports.
pub(super) enum Node<'e> {
    /// An element starts (an empty element is an `Open` then a `Close`).
    Open(&'e Element),
    /// An element ends; `start` is where its end tag starts (for an empty
    /// element, where the element starts) and `after` is just past it.
    Close { element: &'e Element, start: usize, after: usize },
}

/// Walks `xml` (the part `part`), calling `visit` for every element.
///
/// # Errors
///
/// Malformed XML, a DTD, or an error `visit` returns.
pub(super) fn walk(part: &str, xml: &str, mut visit: impl FnMut(Node<'_>) -> Result<(), String>) -> Result<(), String> {
    let bad = |what: String| format!("{part} is not well-formed XML: {what}");
    let mut reader = NsReader::from_str(xml);
    let mut open: Vec<Element> = Vec::new();
    let mut at = 0usize;
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|e| bad(e.to_string()))?;
        let in_w = matches!(resolved, ResolveResult::Bound(ns) if ns.as_ref() == W_NS.as_bytes());
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let empty = matches!(event, Event::Empty(_));
                let element = element(tag, in_w, open.len(), at, after).map_err(bad)?;
                visit(Node::Open(&element))?;
                if empty {
                    visit(Node::Close { element: &element, start: at, after })?;
                } else {
                    open.push(element);
                }
            }
            Event::End(_) => {
                let element = open.pop().ok_or_else(|| bad("an end tag without a start".into()))?;
                visit(Node::Close { element: &element, start: at, after })?;
            }
            Event::DocType(_) => {
                return Err(format!("{part} has a DTD (<!DOCTYPE>), which Word never writes; refused for safety"));
            }
            Event::Eof => break,
            _ => {}
        }
        at = after;
    }
    if open.is_empty() { Ok(()) } else { Err(bad("it ends inside an element".into())) }
}

fn element(tag: &BytesStart<'_>, in_w: bool, depth: usize, start: usize, after: usize) -> Result<Element, String> {
    let qname = tag.name();
    let w = in_w && qname.prefix().is_some_and(|p| p.as_ref() == b"w");
    let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in tag.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?.into_owned();
        attrs.push((key, value));
    }
    Ok(Element { name, w, in_w, depth, attrs, start, after_start: after })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(xml: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        walk("t.xml", xml, |node| {
            match node {
                Node::Open(e) => out.push(format!("+{}{}", e.name, if e.w { ":w" } else { "" })),
                Node::Close { element, .. } => out.push(format!("-{}", element.name)),
            }
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn elements_open_and_close_in_order_with_their_namespace() {
        let xml = format!(r#"<w:a xmlns:w="{W_NS}"><w:b/><c/></w:a>"#);
        assert_eq!(names(&xml).unwrap(), ["+a:w", "+b:w", "-b", "+c", "-c", "-a"]);
    }

    #[test]
    fn a_dtd_or_an_unknown_entity_is_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>"#;
        assert!(names(bomb).unwrap_err().contains("DTD"));
        let external = r#"<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>"#;
        assert!(names(external).unwrap_err().contains("DTD"));
        assert!(names(r#"<a b="&x;"/>"#).is_err());
        assert!(names("<a><b></a>").is_err());
    }
}
