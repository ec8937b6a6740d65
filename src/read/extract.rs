//! The text of letters drafted elsewhere: DOCX (body, headers and
//! footers), PDF (every page), HTML and plain text. Paragraphs come out
//! separated by blank lines, which is how [`crate::check::Letter::from_text`]
//! finds them. A file with no letter text in it is an error saying why.

use std::path::Path;

use crate::limits::{self, TooLarge};

/// A letter's text could not be extracted.
#[derive(Debug)]
pub struct ExtractError {
    /// The file.
    pub file: String,
    /// Why.
    pub message: String,
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: cannot read the letter in {}: {}", self.file, self.message)
    }
}

impl std::error::Error for ExtractError {}

/// The kinds of letter file foikit can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterFormat {
    /// Word document.
    Docx,
    /// PDF.
    Pdf,
    /// Plain text.
    Text,
    /// HTML: a web page, foikit's HTML, a WhatDoTheyKnow request page.
    Html,
}

impl LetterFormat {
    /// The format a file name implies, if it is a letter rather than a case file.
    pub fn from_path(path: &Path) -> Option<LetterFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "docx" => Some(LetterFormat::Docx),
            "pdf" => Some(LetterFormat::Pdf),
            "txt" | "text" | "eml" | "md" => Some(LetterFormat::Text),
            "html" | "htm" | "xhtml" => Some(LetterFormat::Html),
            _ => None,
        }
    }
}

/// The text of a letter file; an error when it holds no letter to read.
pub fn text(file: &str, format: LetterFormat, bytes: &[u8]) -> Result<String, ExtractError> {
    let fail = |message: String| ExtractError { file: file.to_string(), message };
    if bytes.len() as u64 > limits::LETTER_FILE_BYTES {
        return Err(fail(TooLarge::new("the file", limits::LETTER_FILE_BYTES, "bytes").to_string()));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail("the file is empty".into()));
    }
    let text = match format {
        LetterFormat::Text => plain(bytes),
        LetterFormat::Html => plain(bytes).map(|t| super::html::text(&t)),
        LetterFormat::Docx => docx(bytes),
        LetterFormat::Pdf => pdf(bytes),
    }
    .map_err(fail)?;
    if text.len() > limits::LETTER_TEXT_BYTES {
        let limit = limits::LETTER_TEXT_BYTES as u64;
        return Err(fail(TooLarge::new("its text", limit, "bytes").to_string()));
    }
    // A letter has words; a scan, a form or a file of symbols does not.
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count();
    if letters < MIN_LETTERS {
        let why = match format {
            LetterFormat::Pdf => "the PDF has no text layer (a scanned image?); run it through OCR and check the text",
            _ => "it contains no letter text",
        };
        return Err(fail(why.into()));
    }
    Ok(text)
}

/// Fewer letters than this is not a letter (a salutation and a sentence are more).
const MIN_LETTERS: usize = 40;

/// Text that is text: UTF-8 (or Latin-1 from older mail clients), not a
/// binary file misnamed `.txt`.
fn plain(bytes: &[u8]) -> Result<String, String> {
    let controls = bytes.iter().filter(|&&b| b == 0 || (b < 0x20 && !b"\t\n\r\x0c".contains(&b))).count();
    if controls * 100 > bytes.len() {
        return Err("it is a binary file, not text (is it a DOCX or PDF with the wrong extension?)".into());
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    })
}

fn docx(bytes: &[u8]) -> Result<String, String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a DOCX (zip) file: {e}"))?;
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    // Headers first, then the body, then footers: the order a reader meets them.
    let rank = |n: &str| {
        if n.starts_with("word/header") {
            0
        } else if n == "word/document.xml" {
            1
        } else {
            2
        }
    };
    names.retain(|n| {
        n == "word/document.xml"
            || (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
    });
    names.sort_by_key(|n| (rank(n), n.clone()));
    if !names.iter().any(|n| n == "word/document.xml") {
        return Err("no word/document.xml: not a Word document".into());
    }
    let mut out = String::new();
    let mut budget = limits::ZipBudget::default();
    for name in names {
        let bytes = budget.read(&mut zip, &name)?.unwrap_or_default();
        let xml = String::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))?;
        for para in paragraphs_of(&xml) {
            if !para.trim().is_empty() {
                out.push_str(para.trim());
                out.push_str("\n\n");
            }
        }
    }
    Ok(out)
}

/// The text of each `<w:p>` in a WordprocessingML part, in the order the
/// paragraphs start. A paragraph that anchors a text box keeps its own text
/// (the box's paragraphs come after it), and a box given twice, as
/// `mc:Choice` and as its VML `mc:Fallback`, is read once.
fn paragraphs_of(xml: &str) -> Vec<String> {
    // Each paragraph open, with where its text goes in `out`.
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        let after = &rest[lt + gt + 1..];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        rest = after;
        match name {
            "w:p" if !tag.starts_with('/') && !tag.ends_with('/') => {
                open.push((out.len(), String::new()));
                out.push(String::new());
            }
            "" if tag == "/w:p" => {
                if let Some((slot, text)) = open.pop() {
                    out[slot] = text;
                }
            }
            "mc:Fallback" if !tag.ends_with('/') => {
                rest = after.find("</mc:Fallback>").map_or("", |end| &after[end..]);
            }
            "w:t" if !tag.ends_with('/') => {
                let end = after.find("</w:t>").unwrap_or(after.len());
                if let Some((_, text)) = open.last_mut() {
                    text.push_str(&unescape(&after[..end]));
                }
                rest = &after[end..];
            }
            // A line break (Shift+Enter, as letterheads and addresses are
            // typed) keeps its lines apart: the letterhead is read by line.
            "w:br" | "w:cr" if !tag.contains("w:type=\"page\"") => {
                if let Some((_, text)) = open.last_mut() {
                    text.push('\n');
                }
            }
            "w:tab" | "w:br" | "w:cr" => {
                if let Some((_, text)) = open.last_mut() {
                    text.push(' ');
                }
            }
            // Word's non-breaking hyphen is a hyphen to a reader ("FOI-24-0387").
            "w:noBreakHyphen" => {
                if let Some((_, text)) = open.last_mut() {
                    text.push('-');
                }
            }
            _ => {}
        }
    }
    // A paragraph never closed keeps what it had.
    for (slot, text) in open {
        out[slot] = text;
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn pdf(bytes: &[u8]) -> Result<String, String> {
    Ok(super::pages::join(pages(bytes)?))
}

/// The text of each page of a PDF, in page order: where a letter's pages
/// break matters to a reader (and to golden snapshots), not only its words.
pub fn pdf_pages(file: &str, bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
    pages(bytes).map_err(|message| ExtractError { file: file.to_string(), message })
}

fn pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    // Object streams are inflated while loading: cap them there too.
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits::PDF_OBJECT_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let encrypted = "the PDF is encrypted with a password; save an unprotected copy and check that";
    let doc = lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            let limit = limits::PDF_OBJECT_STREAM_BYTES as u64;
            TooLarge::new("an object stream, decompressed,", limit, "bytes").to_string()
        }
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword | lopdf::Error::AlreadyEncrypted => {
            encrypted.to_string()
        }
        e => format!("not a readable PDF: {e}"),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(encrypted.into());
    }
    let pages = doc.get_pages();
    if pages.len() > limits::PDF_PAGES {
        return Err(TooLarge::new(format!("its {} pages", pages.len()), limits::PDF_PAGES as u64, "pages").to_string());
    }
    let mut out = Vec::new();
    let mut total = 0;
    for (number, id) in pages {
        let mut page = String::new();
        page_text(&doc, id, &mut page).map_err(|e| format!("page {number}: {e}"))?;
        total += page.len() + 2;
        if total > limits::LETTER_TEXT_BYTES {
            return Err(TooLarge::new("its text", limits::LETTER_TEXT_BYTES as u64, "bytes").to_string());
        }
        out.push(page);
    }
    Ok(out)
}

/// The text of one page in content order, with a newline where the
/// baseline moves down and a blank line where it moves down by more than
/// a line and a half (a paragraph break), since letters are set that way.
/// Text in Form XObjects the page draws is read where they are drawn: a
/// letter merged onto stationery (`qpdf --overlay`) is nothing but forms.
fn page_text(doc: &lopdf::Document, page: lopdf::ObjectId, out: &mut String) -> Result<(), String> {
    let cap = limits::PDF_PAGE_CONTENT_BYTES;
    let fonts = doc.get_page_fonts(page).map_err(|e| e.to_string())?;
    let encodings = fonts
        .into_iter()
        .filter_map(|(name, font)| font.get_font_encoding_with_limit(doc, cap).ok().map(|e| (name, e)))
        .collect();
    let raw = doc.get_page_content_with_limit(page, cap).map_err(|e| decompress_error(e, cap))?;
    let (inline, referenced) = doc.get_page_resources(page).map_err(|e| e.to_string())?;
    let resources: Vec<&lopdf::Dictionary> =
        inline.into_iter().chain(referenced.iter().filter_map(|id| doc.get_dictionary(*id).ok())).collect();
    let mut reader = PageReader {
        doc,
        out,
        operators: 0,
        bytes: raw.len(),
        line_y: None,
        moved: false,
        skia: skia(doc),
        jump: 0.0,
        shown: 0,
    };
    reader.run(&raw, &[&encodings], &resources, 0)
}

/// Whether Skia (Chrome's PDF engine, "Print to PDF") made the file: it
/// places every glyph, or every run between kerning pairs, with a move of
/// its own and shows word spaces as glyphs, so a move on the same baseline
/// is a word gap only where it jumps well past what was shown.
fn skia(doc: &lopdf::Document) -> bool {
    let info = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok(),
        lopdf::Object::Dictionary(d) => Some(d),
        _ => None,
    });
    info.and_then(|i| i.get(b"Producer").ok()).and_then(|p| p.as_str().ok()).is_some_and(|p| p.starts_with(b"Skia/PDF"))
}

fn decompress_error(e: lopdf::Error, cap: usize) -> String {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            TooLarge::new("its content, decompressed,", cap as u64, "bytes").to_string()
        }
        e => e.to_string(),
    }
}

/// How deep forms may nest inside forms: stationery is one level.
const FORM_DEPTH: usize = 3;

/// Reads a page's content and the forms it draws, counting their
/// operators together against the page's limit.
struct PageReader<'a, 'o> {
    doc: &'a lopdf::Document,
    out: &'o mut String,
    operators: usize,
    /// Content read so far, the page's and every form's each time it is
    /// drawn: a form drawn ten thousand times counts ten thousand times.
    bytes: usize,
    line_y: Option<f32>,
    /// Runs shown one after another with no positioning between them
    /// continue the same word; a repositioning on the same baseline is a gap.
    moved: bool,
    /// A Skia file (see [`skia`]).
    skia: bool,
    /// In a Skia file, how far the moves since the last run went along the
    /// baseline, and how many characters that run showed.
    jump: f32,
    shown: usize,
}

type Encodings<'a> = std::collections::BTreeMap<Vec<u8>, lopdf::Encoding<'a>>;

impl<'a> PageReader<'a, '_> {
    fn run(
        &mut self,
        raw: &[u8],
        encodings: &[&Encodings<'a>],
        resources: &[&'a lopdf::Dictionary],
        depth: usize,
    ) -> Result<(), String> {
        use lopdf::Object;
        let limit = limits::PDF_PAGE_OPERATORS;
        // Counted before decoding: every operator is an allocation, and a page
        // of nothing but `q Q` is small on disk but enormous in memory.
        if operators_over(raw, limit.saturating_sub(self.operators)) {
            return Err(TooLarge::new("its content", limit as u64, "operators").to_string());
        }
        let content = lopdf::content::Content::decode(raw).map_err(|e| e.to_string())?;
        self.operators += content.operations.len();
        let number = |o: &Object| o.as_float().ok().or_else(|| o.as_i64().ok().map(|i| i as f32)).unwrap_or(0.0);
        let (mut font, mut size, mut leading) = (None, 11.0f32, 0.0f32);
        let mut y = 0.0f32;
        for op in &content.operations {
            let args = &op.operands;
            if matches!(op.operator.as_str(), "BT" | "Tm" | "Td" | "TD" | "T*") {
                self.moved = true;
            }
            match op.operator.as_str() {
                "BT" => y = 0.0,
                "Tf" => {
                    // A form's own fonts first, then those of what draws it.
                    font = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| encodings.iter().find_map(|m| m.get(n)));
                    size = args.get(1).map(number).unwrap_or(size).abs().max(1.0);
                }
                "TL" => leading = args.first().map(number).unwrap_or(0.0),
                "Tm" => {
                    y = args.get(5).map(number).unwrap_or(y);
                    self.jump = f32::INFINITY;
                }
                "Td" => {
                    y += args.get(1).map(number).unwrap_or(0.0);
                    self.jump += args.first().map(number).unwrap_or(0.0);
                }
                // `TD` is `Td` that also sets the leading to the move down.
                "TD" => {
                    let dy = args.get(1).map(number).unwrap_or(0.0);
                    y += dy;
                    leading = -dy;
                    self.jump += args.first().map(number).unwrap_or(0.0);
                }
                "T*" | "'" | "\"" => y -= leading,
                "Do" if depth < FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, encodings, resources, depth)?;
                    }
                    continue;
                }
                _ => {}
            }
            if !matches!(op.operator.as_str(), "Tj" | "TJ" | "'" | "\"") {
                continue;
            }
            let Some(encoding) = font else { continue };
            // A Skia move is a gap only past the run shown, taken as half an
            // em a character, by more than one and a half ems (a column).
            let gap = !self.skia || self.jump.abs() > size * (0.5 * self.shown as f32 + 1.5);
            match self.line_y {
                Some(prev) if (prev - y).abs() > size * 1.6 => self.out.push_str("\n\n"),
                Some(prev) if (prev - y).abs() > size * 0.3 => self.out.push('\n'),
                Some(_) if self.moved && gap => self.out.push(' '),
                _ => {}
            }
            self.line_y = Some(y);
            self.moved = false;
            self.jump = 0.0;
            let before = self.out.len();
            for operand in args {
                show(encoding, operand, self.out);
            }
            self.shown = self.out[before..].chars().count();
        }
        Ok(())
    }

    /// The text of the Form XObject `name` of `resources`, as a block of
    /// its own, read with its own fonts (and the page's, which it may use).
    fn form(
        &mut self,
        name: &[u8],
        encodings: &[&Encodings<'a>],
        resources: &[&'a lopdf::Dictionary],
        depth: usize,
    ) -> Result<(), String> {
        let doc = self.doc;
        let dict_of = |o: &'a lopdf::Object| match o {
            lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok(),
            lopdf::Object::Dictionary(d) => Some(d),
            _ => None,
        };
        let Some(stream) = resources
            .iter()
            .filter_map(|r| r.get(b"XObject").ok().and_then(dict_of))
            .find_map(|xobjects| xobjects.get(name).ok())
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_object(id).ok())
            .and_then(|o| o.as_stream().ok())
            .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).is_ok_and(|t| t == b"Form"))
        else {
            return Ok(());
        };
        let cap = limits::PDF_PAGE_CONTENT_BYTES;
        let left = cap.saturating_sub(self.bytes);
        let raw = stream.decompressed_content_with_limit(left).map_err(|e| decompress_error(e, cap))?;
        self.bytes += raw.len();
        let own = stream.dict.get(b"Resources").ok().and_then(dict_of);
        let mut own_fonts = Encodings::new();
        if let Some(fonts) = own.and_then(|r| r.get(b"Font").ok()).and_then(dict_of) {
            for (font_name, font) in fonts.iter() {
                if let Some(encoding) = dict_of(font).and_then(|f| f.get_font_encoding_with_limit(doc, cap).ok()) {
                    own_fonts.insert(font_name.clone(), encoding);
                }
            }
        }
        let layers: Vec<&Encodings<'a>> = std::iter::once(&own_fonts).chain(encodings.iter().copied()).collect();
        let inner: Vec<&lopdf::Dictionary> = own.into_iter().chain(resources.iter().copied()).collect();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push_str("\n\n");
        }
        self.line_y = None;
        self.run(&raw, &layers, &inner, depth + 1)
    }
}

/// Whether a content stream has more than `limit` operators, estimated
/// from its words: an operator is a run of letters (or `'`, `"`) standing
/// alone, so counting such runs outside strings over-counts only slightly.
fn operators_over(content: &[u8], limit: usize) -> bool {
    let mut count = 0;
    let mut in_string = 0u32;
    let mut word = false;
    let mut prev = b' ';
    for &b in content {
        match b {
            b'(' if prev != b'\\' => in_string += 1,
            b')' if prev != b'\\' && in_string > 0 => in_string -= 1,
            _ => {}
        }
        let letter = in_string == 0 && (b.is_ascii_alphabetic() || b == b'*' || b == b'\'' || b == b'"');
        if letter && !word {
            count += 1;
            if count > limit {
                return true;
            }
        }
        word = letter;
        prev = b;
    }
    false
}

/// A word space, where the text does not already end in one.
fn space(out: &mut String) {
    if !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn show(encoding: &lopdf::Encoding, operand: &lopdf::Object, out: &mut String) {
    match operand {
        lopdf::Object::String(bytes, _) => {
            if let Ok(text) = lopdf::Document::decode_text(encoding, bytes) {
                out.push_str(&text);
            }
        }
        lopdf::Object::Array(items) => {
            for item in items {
                match item {
                    // A large negative adjustment is a word space set as a
                    // kern, unless it only widens a space already shown (a
                    // justified line).
                    lopdf::Object::Integer(i) if *i < -200 => space(out),
                    lopdf::Object::Real(r) if *r < -200.0 => space(out),
                    other => show(encoding, other, out),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs_of;

    /// A text box anchored in a paragraph: the paragraph keeps its text,
    /// the box's paragraphs follow it, and the VML fallback copy is not read
    /// a second time.
    #[test]
    fn a_text_box_leaves_its_anchor_paragraph_whole() {
        let xml = concat!(
            "<w:body><w:p><w:r><w:t>Dear Mr Roe,</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">",
            "<w:drawing><w:txbxContent><w:p><w:r><w:t>Our ref: FOI</w:t><w:noBreakHyphen/><w:t>1</w:t></w:r></w:p>",
            "<w:p><w:r><w:t>Date: 1 May 2024</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>",
            "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Our ref: FOI-1</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>",
            "</mc:AlternateContent></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">thank you.</w:t></w:r></w:p>",
            "<w:p/><w:p><w:pPr/><w:r><w:t>Yours sincerely</w:t></w:r></w:p></w:body>"
        );
        assert_eq!(
            paragraphs_of(xml),
            ["Dear Mr Roe, thank you.", "Our ref: FOI-1", "Date: 1 May 2024", "Yours sincerely"]
        );
    }
}
