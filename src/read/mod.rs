//! The reader: a letter written anywhere (DOCX, PDF, plain text, HTML,
//! including WhatDoTheyKnow pages and foikit's own HTML) becomes the same
//! [`Letter`] facts: its paragraphs, what kind of letter it is and why, its
//! regime, reference, dates, authority and the provisions it relies on. The
//! validator (`check/`) and the requester side (`requester/`) both read
//! letters through here, so they never disagree about what a letter says.
//!
//! A file that cannot be read as a letter (an encrypted PDF, a scan with no
//! text layer, an empty or binary file) is an [`extract::ExtractError`],
//! never an empty letter: judging nothing would accuse the authority of
//! omitting everything.

pub mod extract;
mod html;
pub mod kind;
mod pages;
pub mod pattern;
pub mod recognise;
mod text;
pub(crate) mod wording;

use crate::check::{Letter, LetterKind};

pub use extract::{ExtractError, LetterFormat};
pub use kind::{KindSource, Recognition};

/// Reads the letter in `bytes` (named `file` to the user): extracts its
/// text, refuses it if there is no letter to read, and recognises its facts.
/// `kind`, when given, overrides the recognised kind.
pub fn letter(
    file: &str,
    format: LetterFormat,
    bytes: &[u8],
    kind: Option<LetterKind>,
) -> Result<Letter, ExtractError> {
    let text = extract::text(file, format, bytes)?;
    let mut letter = Letter::from_text(file, &text);
    if let Some(kind) = kind {
        letter.override_kind(kind);
    }
    Ok(letter)
}
