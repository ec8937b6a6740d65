//! The language of a run of text in another script than the letter's, so
//! that a screen reader switches voice for a requester's name in Arabic,
//! Hebrew, Chinese, Japanese or Korean (PDF/UA-1 7.2: a change of natural
//! language is declared).
//!
//! The case file does not say what language a name is in, so this goes by
//! script, and names a language only where the script points to one: the
//! one a screen reader needs to read the script at all (Arabic script is
//! also Persian and Urdu, Han characters also Japanese kanji; a voice for
//! the script's main language reads them far better than an English one,
//! which spells them out or skips them). Latin, Greek and Cyrillic text
//! gets no tag: the letter's English voice reads it, and the script alone
//! does not tell Welsh from English or Russian from Ukrainian.

/// The BCP 47 tag for `text`: the script of its first letter decides,
/// except that kana anywhere makes Han text Japanese.
pub fn of(text: &str) -> Option<&'static str> {
    let mut han = false;
    for c in text.chars() {
        match u32::from(c) {
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => return Some("he"),
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                return Some("ar");
            }
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => return Some("ko"),
            0x3040..=0x30FF | 0x31F0..=0x31FF => return Some("ja"),
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han = true,
            _ => {}
        }
    }
    han.then_some("zh")
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn names_the_language_a_script_points_to() {
        assert_eq!(of("محمد"), Some("ar"));
        assert_eq!(of("דוד"), Some("he"));
        assert_eq!(of("김민준"), Some("ko"));
        assert_eq!(of("王芳"), Some("zh"));
        assert_eq!(of("山田 はるか"), Some("ja"));
        assert_eq!(of("Siân Llŷr"), None);
        assert_eq!(of("Ｆｕｌｌ"), None);
    }
}
