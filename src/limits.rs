//! Input size limits: what foikit will read before refusing a file.
//!
//! Case files and letters come from outside (uploads, CI gates), so every
//! reader stops at a limit far above any real letter instead of letting a
//! small hostile file inflate to gigabytes or run for minutes. Going over a
//! limit is bad input (exit status 2) with a message naming the limit.
//!
//! | what | limit |
//! |---|---|
//! | a case or requester file | 4 MiB |
//! | items in one list of a case file | 1 000 |
//! | a letter file (DOCX, PDF or text) as given | 32 MiB |
//! | one part of a DOCX, decompressed | 16 MiB |
//! | all parts of a DOCX read, decompressed | 32 MiB |
//! | one object stream of a PDF, decompressed | 16 MiB |
//! | pages of a PDF | 2 000 |
//! | one PDF page's content, decompressed | 8 MiB |
//! | operators on one PDF page | 200 000 |
//! | text extracted from a letter | 4 MiB |
//! | a logo image file | 2 MiB |
//! | pixels of a logo image | 16 million |
//! | a font file | 32 MiB |

use std::fmt;

/// A case or requester file (a real one is a few KB).
pub const CASE_FILE_BYTES: u64 = 4 * MIB;
/// Items in any one list of a case file (address lines, reasons, annexes…).
pub const LIST_ITEMS: usize = 1_000;
/// A letter file as given, before any decompression.
pub const LETTER_FILE_BYTES: u64 = 32 * MIB;
/// One part (e.g. `word/document.xml`) of a DOCX, decompressed.
pub const DOCX_PART_BYTES: u64 = 16 * MIB;
/// Every part of a DOCX that is read, decompressed, together.
pub const DOCX_TOTAL_BYTES: u64 = 32 * MIB;
/// Pages of a PDF letter.
pub const PDF_PAGES: usize = 2_000;
/// One PDF page's content stream, decompressed.
pub const PDF_PAGE_CONTENT_BYTES: usize = 8 * MIB as usize;
/// One object stream of a PDF (which packs many small objects), decompressed.
pub const PDF_OBJECT_STREAM_BYTES: usize = 16 * MIB as usize;
/// Content operators on one PDF page (a dense page of text has a few thousand).
pub const PDF_PAGE_OPERATORS: usize = 200_000;
/// Text extracted from one letter (a long letter is under 100 KB).
pub const LETTER_TEXT_BYTES: usize = 4 * MIB as usize;

/// A logo image file (a letterhead logo is tens of KB; every PDF and DOCX
/// letter carries it).
pub const LOGO_FILE_BYTES: u64 = 2 * MIB;
/// Pixels of a logo image: a PNG with transparency is decoded to split off
/// its alpha channel, so this bounds the memory that takes.
pub const LOGO_PIXELS: u64 = 16_000_000;
/// A font file given for the PDF body text (a large CJK font is ~20 MB).
pub const FONT_FILE_BYTES: u64 = 32 * MIB;

const MIB: u64 = 1024 * 1024;

/// An input went over one of the limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// What was measured, e.g. "word/document.xml, decompressed".
    pub what: String,
    /// The limit, in the unit of `unit`.
    pub limit: u64,
    /// "bytes", "pages", "operators".
    pub unit: &'static str,
}

impl TooLarge {
    /// `what` is over `limit` `unit`s.
    pub fn new(what: impl Into<String>, limit: u64, unit: &'static str) -> TooLarge {
        TooLarge { what: what.into(), limit, unit }
    }
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = if self.unit == "bytes" && self.limit >= MIB {
            format!("{} MiB", self.limit / MIB)
        } else {
            format!("{} {}", self.limit, self.unit)
        };
        write!(f, "{} is over foikit's limit of {limit} (see `foikit check --help` for the input limits)", self.what)
    }
}

impl std::error::Error for TooLarge {}

/// Reads at most `limit` bytes of a file, failing with [`TooLarge`] (as an
/// `io::Error` of kind `FileTooLarge`) rather than reading more.
pub fn read_file(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"));
    }
    let mut file = std::fs::File::open(path)?;
    // Room for the whole file and one byte more, so that one read takes it
    // all and the next says it ended (`read_to_end` reads 8 KiB first: a
    // third system call for a typical case file). A file that grew since
    // is read on, up to one byte over the limit.
    let mut bytes = vec![0; meta.len().min(limit) as usize + 1];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            if filled as u64 > limit {
                break;
            }
            bytes.resize((filled * 2).min(limit as usize + 1), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            TooLarge::new("the file", limit, "bytes").to_string(),
        ));
    }
    Ok(bytes)
}

/// What is left of [`DOCX_TOTAL_BYTES`] while the parts of one zip
/// package (a letter, a reference document) are read.
#[derive(Debug)]
pub struct ZipBudget {
    left: u64,
}

impl Default for ZipBudget {
    fn default() -> ZipBudget {
        ZipBudget { left: DOCX_TOTAL_BYTES }
    }
}

impl ZipBudget {
    /// The part `name` of `zip`, decompressed, or `Ok(None)` when there is
    /// no such part. Read through a cap whatever size the zip directory
    /// claims, so a zip bomb stops at [`DOCX_PART_BYTES`] or at what is left
    /// of the budget instead of exhausting memory.
    pub fn read<R: std::io::Read + std::io::Seek>(
        &mut self,
        zip: &mut zip::ZipArchive<R>,
        name: &str,
    ) -> Result<Option<Vec<u8>>, String> {
        use std::io::Read;
        let part = match zip.by_name(name) {
            Ok(part) => part,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("{name}: {e}")),
        };
        let cap = DOCX_PART_BYTES.min(self.left);
        let mut bytes = Vec::new();
        part.take(cap + 1).read_to_end(&mut bytes).map_err(|e| format!("{name}: {e}"))?;
        if bytes.len() as u64 > cap {
            let (what, limit) = if cap == DOCX_PART_BYTES {
                (format!("{name}, decompressed,"), DOCX_PART_BYTES)
            } else {
                ("the document, decompressed,".to_string(), DOCX_TOTAL_BYTES)
            };
            return Err(TooLarge::new(what, limit, "bytes").to_string());
        }
        self.left -= bytes.len() as u64;
        Ok(Some(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert_eq!(read_file(&path, 4096).unwrap().len(), 2048);
        let err = read_file(&path, 1024).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("limit of 1024 bytes"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_file(dir.path(), 1024).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    }
}
