//! The ZIP container of a `.docx` (APPNOTE.TXT 6.3.10, the subset OPC
//! uses: ECMA-376 Part 2 annex C), written directly.
//!
//! A letter's package is a dozen small entries in memory, so the writer
//! needs none of a general zip writer's machinery (seeking, streaming,
//! data descriptors, Zip64, a compressor made for every entry): each entry
//! is deflated by [`crate::render::deflate`], whose compressors are reused
//! and whose cache holds the parts every letter shares, and is stored
//! instead when deflating would not make it smaller. Every entry carries
//! the same date and Unix permissions 0644, so the same parts give the
//! same bytes.

use crate::render::deflate::{Format, deflate, deflate_shared};

/// A date and time as ZIP headers hold them (MS-DOS format: two-second
/// steps, years 1980 to 2107, no time zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DosTime {
    date: u16,
    time: u16,
}

impl DosTime {
    /// 1980-01-01 00:00:00, the earliest time ZIP can hold.
    pub(super) const EARLIEST: DosTime = DosTime { date: (1 << 5) | 1, time: 0 };
    /// 2107-12-31 23:59:58, the latest.
    pub(super) const LATEST: DosTime = DosTime { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };

    /// The time, or `None` when the year is outside 1980 to 2107.
    pub(super) fn new(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Option<DosTime> {
        let years = u16::try_from(year.checked_sub(1980)?).ok().filter(|years| *years < 128)?;
        let date = (years << 9) | (u16::from(month) << 5) | u16::from(day);
        let time = (u16::from(hour) << 11) | (u16::from(minute) << 5) | u16::from(second / 2);
        Some(DosTime { date, time })
    }
}

/// How an entry's bytes are packed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Packing {
    /// Deflated for this letter alone (the document, its properties).
    Letter,
    /// Deflated once and cached: the bytes recur from letter to letter.
    Shared,
    /// Stored as they are: already compressed (pictures).
    Stored,
}

/// Version 2.0 of the format: deflate (APPNOTE 4.4.3.2).
const VERSION: u16 = 20;
/// Made by a Unix system, version 2.0 (APPNOTE 4.4.2), so readers take
/// the permissions from the external attributes.
const MADE_BY: u16 = (3 << 8) | VERSION;
/// A regular file, `rw-r--r--`, in the high half of the external attributes.
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;
/// General purpose flag bit 11: the name is UTF-8 (APPNOTE 4.4.4, appendix D).
const UTF8_NAME: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// A ZIP archive being written in memory, entry by entry.
pub(super) struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    when: DosTime,
}

impl ZipWriter {
    /// An empty archive whose entries will be dated `when`.
    pub(super) fn new(when: DosTime, capacity: usize) -> ZipWriter {
        ZipWriter { out: Vec::with_capacity(capacity), central: Vec::with_capacity(1024), entries: 0, when }
    }

    /// Adds entry `name` holding `data`, packed as `packing` says (stored
    /// when deflating does not make it smaller).
    pub(super) fn add(&mut self, name: &str, data: &[u8], packing: Packing) -> Result<(), String> {
        match packing {
            Packing::Letter => self.entry(name, data, &deflate(data, Format::Raw)?),
            Packing::Shared => self.entry(name, data, &deflate_shared(data, Format::Raw)?),
            Packing::Stored => self.entry(name, data, data),
        }
    }

    /// Writes the local header and the packed bytes, and records the
    /// central directory's header.
    fn entry(&mut self, name: &str, data: &[u8], deflated: &[u8]) -> Result<(), String> {
        let (method, packed) = if deflated.len() < data.len() { (DEFLATED, deflated) } else { (STORED, data) };
        let too_big = || format!("{name} is too big for a zip entry");
        let offset = fits_u32(self.out.len()).ok_or_else(|| "the package is too big for a zip file".to_owned())?;
        let header = Header {
            flags: if name.is_ascii() { 0 } else { UTF8_NAME },
            method,
            when: self.when,
            crc: crc32fast::hash(data),
            packed_size: fits_u32(packed.len()).ok_or_else(too_big)?,
            size: fits_u32(data.len()).ok_or_else(too_big)?,
            name_len: u16::try_from(name.len()).map_err(|_| format!("entry name too long: {name}"))?,
        };
        self.entries = self.entries.checked_add(1).filter(|n| *n < u16::MAX).ok_or("too many zip entries")?;
        // Local file header (APPNOTE 4.3.7).
        put32(&mut self.out, 0x0403_4b50);
        put16(&mut self.out, VERSION);
        header.write(&mut self.out);
        put16(&mut self.out, 0); // extra field length
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(packed);
        // Central directory header (APPNOTE 4.3.12).
        put32(&mut self.central, 0x0201_4b50);
        put16(&mut self.central, MADE_BY);
        put16(&mut self.central, VERSION);
        header.write(&mut self.central);
        for _ in 0..4 {
            put16(&mut self.central, 0); // extra field, comment, disk number, internal attributes
        }
        put32(&mut self.central, EXTERNAL_ATTRIBUTES);
        put32(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The archive: the entries, their central directory and its end record.
    pub(super) fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the package is too big for a zip file".to_owned();
        let offset = fits_u32(self.out.len()).ok_or_else(too_big)?;
        let size = fits_u32(self.central.len()).ok_or_else(too_big)?;
        fits_u32(self.out.len() + self.central.len()).ok_or_else(too_big)?;
        self.out.append(&mut self.central);
        // End of central directory record (APPNOTE 4.3.16).
        put32(&mut self.out, 0x0605_4b50);
        put16(&mut self.out, 0); // this disk
        put16(&mut self.out, 0); // the disk the directory starts on
        put16(&mut self.out, self.entries);
        put16(&mut self.out, self.entries);
        put32(&mut self.out, size);
        put32(&mut self.out, offset);
        put16(&mut self.out, 0); // comment length
        Ok(self.out)
    }
}

/// The fields local and central headers share, from the flags to the name
/// length.
struct Header {
    flags: u16,
    method: u16,
    when: DosTime,
    crc: u32,
    packed_size: u32,
    size: u32,
    name_len: u16,
}

impl Header {
    fn write(&self, out: &mut Vec<u8>) {
        put16(out, self.flags);
        put16(out, self.method);
        put16(out, self.when.time);
        put16(out, self.when.date);
        put32(out, self.crc);
        put32(out, self.packed_size);
        put32(out, self.size);
        put16(out, self.name_len);
    }
}

/// `n` as a 32-bit field, unless it needs Zip64 (0xFFFFFFFF itself means
/// "see the Zip64 record").
fn fits_u32(n: usize) -> Option<u32> {
    u32::try_from(n).ok().filter(|n| *n < u32::MAX)
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use zip::{CompressionMethod, DateTime, ZipArchive};

    use super::*;

    #[test]
    fn the_zip_crate_reads_every_entry_back_byte_equal() {
        let text = "<w:p>a paragraph of a letter</w:p>".repeat(50);
        // xorshift64: bytes deflate cannot shrink.
        let noise: Vec<u8> = std::iter::successors(Some(0x9e37_79b9_7f4a_7c15_u64), |x| {
            let x = x ^ (x << 13);
            let x = x ^ (x >> 7);
            Some(x ^ (x << 17))
        })
        .take(500)
        .map(|x| (x >> 32) as u8)
        .collect();
        let entries: [(&str, &[u8], Packing); 6] = [
            ("[Content_Types].xml", b"<Types/>", Packing::Shared),
            ("word/document.xml", text.as_bytes(), Packing::Letter),
            ("word/styles.xml", text.as_bytes(), Packing::Shared),
            ("word/media/image1.png", &noise, Packing::Stored),
            ("word/media/noise.bin", &noise, Packing::Letter),
            ("word/media/ü.xml", b"", Packing::Letter),
        ];
        let when = DosTime::new(2024, 5, 17, 9, 30, 15).unwrap();
        let mut writer = ZipWriter::new(when, 0);
        for (name, data, packing) in entries {
            writer.add(name, data, packing).unwrap();
        }
        let bytes = writer.finish().unwrap();
        let mut zip = ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        assert_eq!(zip.len(), entries.len());
        for (index, (name, data, packing)) in entries.into_iter().enumerate() {
            let mut file = zip.by_index(index).unwrap();
            assert_eq!(file.name(), name);
            let compressible = packing != Packing::Stored && data.len() > 100 && name.ends_with(".xml");
            let method = if compressible { CompressionMethod::Deflated } else { CompressionMethod::Stored };
            assert_eq!(file.compression(), method, "{name}");
            assert_eq!(file.last_modified(), Some(DateTime::from_date_and_time(2024, 5, 17, 9, 30, 14).unwrap()));
            assert_eq!(file.unix_mode(), Some(0o100_644));
            let mut back = Vec::new();
            file.read_to_end(&mut back).unwrap();
            assert_eq!(back, data, "{name}");
        }
    }

    #[test]
    fn dates_outside_what_zip_holds_are_refused() {
        assert_eq!(DosTime::new(1979, 12, 31, 23, 59, 59), None);
        assert_eq!(DosTime::new(2108, 1, 1, 0, 0, 0), None);
        assert_eq!(DosTime::new(1980, 1, 1, 0, 0, 0), Some(DosTime::EARLIEST));
        assert_eq!(DosTime::new(2107, 12, 31, 23, 59, 59), Some(DosTime::LATEST));
    }
}
