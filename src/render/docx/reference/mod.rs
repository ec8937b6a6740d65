//! The organisation's own Word file as the letter's house style
//! (`--reference-doc house.docx`, the convention pandoc users know).
//!
//! From the reference document we take its styles (completed with ours
//! where it lacks one, see [`styles`]), theme and font table, its final
//! section's page size, margins and header/footer references, and the
//! header and footer parts with the images they show. foikit's content
//! fills the body; nothing else of the reference (its body text, document
//! properties, comments, macros) reaches the letter. A `.dotx` template
//! works the same: the letter's main part is always a document.
//!
//! The file is the user's input, so it is read within the zip limits of
//! [`crate::limits`] and its XML without DTDs or entities ([`walk`]); a
//! file we cannot use is an error naming it, never a letter quietly in our
//! own style.
//!
//! Parts taken over are renamed into our package: headers and footers to
//! `word/header-house1.xml`…, `word/footer-house1.xml`…,
//! media to `word/media/house/`, document relationships to `rIdHouseN`, so
//! nothing clashes with the parts and relationship ids we write.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

mod numbering;
mod opc;
mod section;
mod styles;
mod walk;

use numbering::Numbering;
use opc::{Package, Rel};
use section::{Pages, Section};

use super::styles::{NumberingIds, numbering_definitions};
use super::xml::escape;
use crate::doc::ListKind;

/// A reference document, read and checked once, used for many letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceDoc {
    /// `styles.xml`: the reference's, with ours it lacks.
    styles: String,
    /// The reference's theme, unless it has none (or needs parts of its own).
    theme: Option<Vec<u8>>,
    /// The reference's font table, likewise.
    font_table: Option<Vec<u8>>,
    /// The reference's numbering, when its styles use it.
    numbering: Option<Numbering>,
    /// `w:evenAndOddHeaders` in the reference's settings.
    even_and_odd: bool,
    section: Section,
    /// Header and footer parts, their relationships and media, renamed.
    parts: Vec<Part>,
    /// For each of `section.references`: the new relationship id and the
    /// header or footer part (an index into `parts`).
    references: Vec<(String, usize)>,
}

/// One part taken over from the reference, under its new name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    pub name: String,
    /// `None` for relationship parts, which the package's default covers.
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// A reference document that cannot be used: exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceError {
    /// The file as given.
    pub file: String,
    /// Why.
    pub message: String,
}

impl std::fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: cannot use {} as the reference document: {}", self.file, self.message)
    }
}

impl std::error::Error for ReferenceError {}

/// Main-part content types of a Word document or template (with or
/// without macros, which are left behind).
const MAIN_TYPES: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

impl ReferenceDoc {
    /// Reads the reference document at `path` (a `.docx` or `.dotx`),
    /// at most [`crate::limits::LETTER_FILE_BYTES`].
    pub fn load(path: &Path) -> Result<ReferenceDoc, ReferenceError> {
        let file = path.display().to_string();
        let bytes = crate::limits::read_file(path, crate::limits::LETTER_FILE_BYTES)
            .map_err(|e| ReferenceError { file: file.clone(), message: e.to_string() })?;
        ReferenceDoc::from_bytes(&file, &bytes)
    }

    /// Reads a reference document from its bytes; `file` names it in errors.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<ReferenceDoc, ReferenceError> {
        read(bytes).map_err(|message| ReferenceError { file: file.to_string(), message })
    }

    /// Width of the text block, twips.
    pub(super) fn text_width(&self) -> i32 {
        self.section.text_width()
    }

    /// The `numId` of a letter's first list.
    pub(super) fn first_num_id(&self) -> usize {
        self.numbering.as_ref().map_or(NumberingIds::default(), |n| n.ids).num
    }

    /// The reference's `numbering.xml` with the numbering of a letter's
    /// `lists` added; `None` when the reference's is not needed.
    pub(super) fn numbering(&self, lists: &[ListKind]) -> Option<String> {
        let theirs = self.numbering.as_ref()?;
        if lists.is_empty() {
            return Some(theirs.with("", ""));
        }
        let (abstracts, nums) = numbering_definitions(lists, theirs.ids);
        Some(theirs.with(&abstracts, &nums))
    }

    /// What one letter takes from the reference: `draft_paragraph` is the
    /// DRAFT mark, put at the top of every header a draft's pages show.
    pub(super) fn letter(&self, draft_paragraph: Option<&str>) -> House<'_> {
        let mut parts = Cow::Borrowed(&self.parts[..]);
        let mut references: Vec<(bool, Pages, String)> = Vec::new();
        let mut rels = Vec::new();
        for (n, (reference, (rid, index))) in self.section.references.iter().zip(&self.references).enumerate() {
            let kind = if reference.header { "header" } else { "footer" };
            references.push((reference.header, reference.pages, rid.clone()));
            rels.push((rid.clone(), kind, self.parts[*index].name.trim_start_matches("word/").to_string()));
            // A part several references share is marked once.
            let first_use = self.references.iter().position(|(_, i)| i == index) == Some(n);
            if let (Some(mark), true, true) = (draft_paragraph, reference.header, first_use) {
                let part = &mut parts.to_mut()[*index];
                part.data = with_mark(&part.data, mark);
            }
        }
        let has =
            |header: bool, pages: Pages| self.section.references.iter().any(|r| r.header == header && r.pages == pages);
        let our_footer = !has(false, Pages::Default);
        if our_footer {
            references.push((false, Pages::Default, super::body::FOOTER_RID.to_string()));
        }
        let mut our_header = false;
        if draft_paragraph.is_some() {
            // Every page a draft prints shows the mark, even where the
            // reference has no header of its own.
            let shown =
                [(Pages::Default, true), (Pages::First, self.section.title_page), (Pages::Even, self.even_and_odd)];
            for (pages, _) in shown.into_iter().filter(|(p, shown)| *shown && !has(true, *p)) {
                references.push((true, pages, super::body::HEADER_RID.to_string()));
                our_header = true;
            }
        }
        House {
            styles: &self.styles,
            theme: self.theme.as_deref(),
            font_table: self.font_table.as_deref(),
            even_and_odd: self.even_and_odd,
            section: self.section.write(&references, self.section.title_page),
            parts,
            rels,
            our_header,
            our_footer,
        }
    }
}

/// What one letter's package takes from the reference document.
pub(super) struct House<'r> {
    pub styles: &'r str,
    pub theme: Option<&'r [u8]>,
    pub font_table: Option<&'r [u8]>,
    /// `w:evenAndOddHeaders` goes into our settings.
    pub even_and_odd: bool,
    /// The letter's `w:sectPr`.
    pub section: String,
    pub parts: Cow<'r, [Part]>,
    /// Document relationships: id, kind (`header`/`footer`), target.
    pub rels: Vec<(String, &'static str, String)>,
    /// Whether our DRAFT header and our page-number footer are referenced.
    pub our_header: bool,
    pub our_footer: bool,
}

/// `header` (a `w:hdr` part, checked at load) with `mark` as its first
/// paragraph.
fn with_mark(header: &[u8], mark: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(header);
    let mut at = None;
    let _ = walk::walk("header", &text, |node| {
        if let walk::Node::Open(e) = node
            && e.depth == 0
        {
            at = Some(e.after_start);
        }
        Ok(())
    });
    let Some(at) = at else { return header.to_vec() };
    let mut out = String::with_capacity(text.len() + mark.len());
    out.push_str(&text[..at]);
    out.push_str(mark);
    out.push_str(&text[at..]);
    out.into_bytes()
}

/// Reads everything we take from the package `bytes`.
fn read(bytes: &[u8]) -> Result<ReferenceDoc, String> {
    let mut package = Package::open(bytes)?;
    let main = package
        .rels("")?
        .into_iter()
        .find(|r| r.kind == "officeDocument" && !r.external)
        .ok_or("it has no main document part: not a Word file")?
        .target;
    let main_type = package.content_type(&main).unwrap_or_default();
    if !MAIN_TYPES.contains(&main_type) {
        return Err(format!("it is not a Word document or template (its main part is `{main_type}`)"));
    }
    let document = package.xml(&main)?.ok_or_else(|| format!("its main part {main} is missing"))?;
    let section = Section::read(&main, &document)?;
    let rels = package.rels(&main)?;
    let target = |kind: &str| rels.iter().find(|r| r.kind == kind && !r.external).map(|r| r.target.clone());

    let styles_part = target("styles").ok_or("it has no styles part (word/styles.xml)")?;
    let their_styles = package.xml(&styles_part)?.ok_or_else(|| format!("its styles part {styles_part} is missing"))?;
    let (styles, _added) = styles::merge(&styles_part, &their_styles)?;
    let numbering = match target("numbering") {
        Some(part) if styles::uses_numbering(&styles_part, &their_styles)? && !package.has_rels(&part) => {
            package.xml(&part)?.map(|xml| Numbering::read(&part, xml)).transpose()?
        }
        _ => None,
    };
    let theme = standalone(&mut package, target("theme"))?;
    let font_table = standalone(&mut package, target("fontTable"))?;
    let even_and_odd = match target("settings") {
        Some(part) => package.xml(&part)?.is_some_and(|xml| has_flag(&part, &xml, "evenAndOddHeaders")),
        None => false,
    };

    let mut copied = Copied::default();
    let mut references = Vec::new();
    for (n, reference) in section.references.iter().enumerate() {
        let rel = rels.iter().find(|r| r.id == reference.rid).ok_or_else(|| {
            format!("its section names header or footer {} but {main} has no such relationship", reference.rid)
        })?;
        let index = copied.header_or_footer(&mut package, rel, reference.header)?;
        references.push((format!("rIdHouse{}", n + 1), index));
    }
    Ok(ReferenceDoc { styles, theme, font_table, numbering, even_and_odd, section, parts: copied.parts, references })
}

/// Part `name`, when it exists and needs no parts of its own (a theme
/// with pictures, a font table with embedded fonts): those fall back to
/// ours rather than arriving with dangling relationships.
fn standalone(package: &mut Package<'_>, name: Option<String>) -> Result<Option<Vec<u8>>, String> {
    match name {
        Some(name) if !package.has_rels(&name) => {
            let bytes = package.bytes(&name)?;
            if let Some(text) = bytes.as_deref() {
                let text = std::str::from_utf8(text).map_err(|_| format!("{name} is not UTF-8"))?;
                walk::walk(&name, text, |_| Ok(()))?;
            }
            Ok(bytes)
        }
        _ => Ok(None),
    }
}

/// Whether a top-level element `flag` of the settings part is on.
fn has_flag(part: &str, xml: &str, flag: &str) -> bool {
    let mut found = false;
    let _ = walk::walk(part, xml, |node| {
        if let walk::Node::Open(e) = node
            && e.in_w
            && e.depth == 1
            && e.name == flag
        {
            found = section::on(e.attr("val"));
        }
        Ok(())
    });
    found
}

/// The parts copied so far, and which reference part each came from.
#[derive(Default)]
struct Copied {
    parts: Vec<Part>,
    from: Vec<String>,
    headers: usize,
    footers: usize,
}

impl Copied {
    /// Copies the header or footer `rel` points to, with its relationships
    /// and their targets; returns its index in `parts` (a part several
    /// references share is copied once).
    fn header_or_footer(&mut self, package: &mut Package<'_>, rel: &Rel, header: bool) -> Result<usize, String> {
        if let Some(index) = self.from.iter().position(|f| *f == rel.target) {
            return Ok(index);
        }
        let (root, kind) = if header { ("hdr", "header") } else { ("ftr", "footer") };
        let source = &rel.target;
        let xml = package.xml(source)?.ok_or_else(|| format!("its {kind} part {source} is missing"))?;
        let mut root_ok = false;
        walk::walk(source, &xml, |node| {
            if let walk::Node::Open(e) = node
                && e.depth == 0
            {
                root_ok = e.w && e.name == root;
            }
            Ok(())
        })?;
        if !root_ok {
            return Err(format!("{source} is not a Word {kind} with the usual `w:` prefix"));
        }
        let count = if header { &mut self.headers } else { &mut self.footers };
        *count += 1;
        let name = format!("word/{kind}-house{}.xml", *count);
        let mut rels_xml = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        ));
        let own = package.rels(source)?;
        for r in &own {
            let target = if r.external {
                let _ = write!(
                    rels_xml,
                    r#"<Relationship Id="{}" Type="{}" Target="{}" TargetMode="External"/>"#,
                    escape(&r.id),
                    escape(&r.type_uri),
                    escape(&r.target)
                );
                continue;
            } else {
                self.media(package, &r.target)?
            };
            let _ = write!(
                rels_xml,
                r#"<Relationship Id="{}" Type="{}" Target="{}"/>"#,
                escape(&r.id),
                escape(&r.type_uri),
                escape(&target)
            );
        }
        rels_xml.push_str("</Relationships>");
        let content_type = package.content_type(source).map(str::to_string);
        self.push(source, Part { name: name.clone(), content_type, data: xml.into_bytes() });
        if !own.is_empty() {
            let rels_name = opc::rels_name(&name);
            self.push("", Part { name: rels_name, content_type: None, data: rels_xml.into_bytes() });
        }
        Ok(self.from.iter().position(|f| f == source).unwrap_or_default())
    }

    /// Copies a picture (or other leaf part) a header or footer shows to
    /// `word/media/house/`; returns its target relative to `word/`.
    fn media(&mut self, package: &mut Package<'_>, source: &str) -> Result<String, String> {
        if let Some(index) = self.from.iter().position(|f| f == source) {
            return Ok(self.parts[index].name.trim_start_matches("word/").to_string());
        }
        if package.has_rels(source) {
            return Err(format!(
                "a header or footer uses {source}, which has parts of its own; foikit takes over pictures only"
            ));
        }
        let content_type =
            package.content_type(source).ok_or_else(|| format!("{source} has no content type"))?.to_string();
        let data =
            package.bytes(source)?.ok_or_else(|| format!("a header or footer uses {source}, which is missing"))?;
        // Only characters a part name may hold unescaped.
        let file: String = source
            .rsplit('/')
            .next()
            .unwrap_or(source)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
            .collect();
        let name = format!("word/media/house/{}-{file}", self.parts.len() + 1);
        self.push(source, Part { name: name.clone(), content_type: Some(content_type), data });
        Ok(name.trim_start_matches("word/").to_string())
    }

    fn push(&mut self, from: &str, part: Part) {
        self.from.push(from.to_string());
        self.parts.push(part);
    }
}
