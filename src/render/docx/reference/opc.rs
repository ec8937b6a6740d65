//! The reference document as an Open Packaging Conventions package: its
//! parts read within [`crate::limits`], its relationships and the content
//! type of each part.

use std::io::Cursor;

use zip::ZipArchive;

use super::walk::{Node, walk};
use crate::limits::ZipBudget;

/// A relationship of one part.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    pub id: String,
    /// The relationship type, a URI.
    pub type_uri: String,
    /// The last segment of the relationship type (`header`, `image`…): the
    /// same in transitional and strict OOXML.
    pub kind: String,
    /// The target: a part name without leading `/` for internal targets,
    /// the URI as written for external ones.
    pub target: String,
    pub external: bool,
}

/// An open package and what is left of its read budget.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: ZipBudget,
    /// `(extension, type)` defaults and `(part name, type)` overrides.
    defaults: Vec<(String, String)>,
    overrides: Vec<(String, String)>,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a package and reads its content types.
    pub(super) fn open(bytes: &'a [u8]) -> Result<Package<'a>, String> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("it is not a Word file (zip): {e}"))?;
        let mut package = Package { zip, budget: ZipBudget::default(), defaults: Vec::new(), overrides: Vec::new() };
        let types = package.xml("[Content_Types].xml")?.ok_or("it has no [Content_Types].xml: not a Word file")?;
        let (mut defaults, mut overrides) = (Vec::new(), Vec::new());
        walk("[Content_Types].xml", &types, |node| {
            if let Node::Open(e) = node {
                let kind = e.attr("ContentType").unwrap_or_default().to_string();
                match (e.name.as_str(), e.attr("Extension"), e.attr("PartName")) {
                    ("Default", Some(ext), _) => defaults.push((ext.to_ascii_lowercase(), kind)),
                    ("Override", _, Some(name)) => overrides.push((name.trim_start_matches('/').to_string(), kind)),
                    _ => {}
                }
            }
            Ok(())
        })?;
        package.defaults = defaults;
        package.overrides = overrides;
        Ok(package)
    }

    /// The bytes of part `name`, `None` when the package has no such part.
    pub(super) fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        self.budget.read(&mut self.zip, name)
    }

    /// Part `name` as text: UTF-8, any byte order mark dropped.
    pub(super) fn xml(&mut self, name: &str) -> Result<Option<String>, String> {
        let Some(bytes) = self.bytes(name)? else { return Ok(None) };
        let mut text =
            String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8; re-save the file in Word"))?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Ok(Some(text))
    }

    /// The content type of part `name`.
    pub(super) fn content_type(&self, name: &str) -> Option<&str> {
        let name = name.trim_start_matches('/');
        if let Some((_, kind)) = self.overrides.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Some(kind);
        }
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        self.defaults.iter().find(|(e, _)| *e == ext).map(|(_, kind)| kind.as_str())
    }

    /// Whether part `name` has relationships of its own.
    pub(super) fn has_rels(&self, name: &str) -> bool {
        self.zip.index_for_name(&rels_name(name)).is_some()
    }

    /// The relationships of part `source` (`""` for the package), targets
    /// resolved to part names.
    pub(super) fn rels(&mut self, source: &str) -> Result<Vec<Rel>, String> {
        let name = rels_name(source);
        let Some(xml) = self.xml(&name)? else { return Ok(Vec::new()) };
        let mut rels = Vec::new();
        walk(&name, &xml, |node| {
            if let Node::Open(e) = node
                && e.name == "Relationship"
            {
                let (Some(id), Some(kind), Some(target)) = (e.attr("Id"), e.attr("Type"), e.attr("Target")) else {
                    return Err(format!("{name} has a relationship without Id, Type or Target"));
                };
                let external = e.attr("TargetMode") == Some("External");
                let target = if external { target.to_string() } else { resolve(source, target, &name)? };
                let kind_uri = kind.to_string();
                let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                rels.push(Rel { id: id.to_string(), type_uri: kind_uri, kind, target, external });
            }
            Ok(())
        })?;
        Ok(rels)
    }
}

/// The relationships part of `source`: `word/_rels/document.xml.rels`
/// for `word/document.xml`, `_rels/.rels` for the package.
pub(super) fn rels_name(source: &str) -> String {
    match source.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{source}.rels"),
    }
}

/// The part name `target` names, relative to the folder of part `source`
/// (or absolute when it starts with `/`).
fn resolve(source: &str, target: &str, rels: &str) -> Result<String, String> {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => source.rsplit_once('/').map_or_else(Vec::new, |(dir, _)| dir.split('/').collect()),
    };
    for segment in target.trim_start_matches('/').split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or_else(|| format!("{rels} has a target outside the package: {target}"))?;
            }
            s => parts.push(s),
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_relative_to_the_source_part() {
        assert_eq!(resolve("word/header1.xml", "media/image1.png", "r").unwrap(), "word/media/image1.png");
        assert_eq!(resolve("word/header1.xml", "../customXml/a.xml", "r").unwrap(), "customXml/a.xml");
        assert_eq!(resolve("word/document.xml", "/word/styles.xml", "r").unwrap(), "word/styles.xml");
        assert_eq!(resolve("", "word/document.xml", "r").unwrap(), "word/document.xml");
        assert!(resolve("word/a.xml", "../../x", "r").is_err());
        assert_eq!(rels_name("word/document.xml"), "word/_rels/document.xml.rels");
        assert_eq!(rels_name(""), "_rels/.rels");
    }
}
