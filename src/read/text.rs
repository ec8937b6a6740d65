//! Plain text into a [`Letter`]: paragraphs, then the facts recognised from
//! their wording.

use super::kind::{KindSource, Recognition};
use super::recognise;
use crate::check::letter::{Letter, LetterKind, Paragraph, Redacted};

impl Letter {
    /// The same letter judged as `kind`, as the user says it is (`--kind`).
    pub fn override_kind(&mut self, kind: LetterKind) {
        self.kind = kind;
        if let Some(r) = &mut self.recognised {
            r.by = KindSource::Given;
            r.evidence = format!("given on the command line (--kind {kind})");
        }
    }

    /// A letter drafted elsewhere, from its text. Paragraphs are separated
    /// by blank lines; facts are recognised from the wording.
    pub fn from_text(file: &str, text: &str) -> Letter {
        let mut paragraphs = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut start = 0;
        for (i, line) in text.lines().chain([""]).enumerate() {
            // A form feed (pdftotext's page break) also ends a paragraph.
            let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
            // A salutation or sign-off is a paragraph of its own even with
            // no blank line around it (text from a PDF often has none
            // between a date, "Dear Ms Roe," and the first sentence).
            let alone = stands_alone(line);
            if line.is_empty() || alone {
                end_paragraph(&mut paragraphs, &mut current, start);
            }
            if line.is_empty() {
                continue;
            }
            if current.is_empty() {
                start = i;
            }
            current.push(line);
            if alone {
                end_paragraph(&mut paragraphs, &mut current, start);
            }
        }
        for p in &mut paragraphs {
            p.text = normalise(&p.text);
        }
        let annexes = recognise::annex_headings(&paragraphs);
        // Only a heading standing on its own starts the annexes; one run
        // into other text (a letter extracted as a single line) cannot say
        // where the letter ends.
        let standalone = annexes.iter().find(|(i, _)| paragraphs[*i].text.chars().count() <= 60).map(|(i, _)| *i);
        if let Some(first) = standalone {
            for p in &mut paragraphs[first..] {
                p.in_annex = true;
            }
        }
        let whole = paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
        let regime = recognise::regime(&whole);
        let (kind, evidence) = super::kind::kind(&whole);
        let requester_side = matches!(kind, LetterKind::ReviewRequest | LetterKind::Complaint);
        let salutation = recognise::salutation(&whole);
        let recognised = Recognition {
            by: KindSource::Wording,
            evidence,
            // A requester writes "Dear <authority>" in a review request; a complaint
            // is addressed to the Commissioner and names the authority in its text.
            authority: match kind {
                LetterKind::ReviewRequest => recognise::addressee(&whole).or_else(|| recognise::authority(&whole)),
                LetterKind::Complaint => recognise::authority(&whole),
                // A reply's letterhead names its authority, line by line.
                _ => recognise::letterhead_authority(text).or_else(|| recognise::authority(&whole)),
            },
            requester: if requester_side { None } else { salutation },
            incomplete: super::kind::covering(&whole).or_else(|| recognise::incomplete(&paragraphs)),
        };
        let dated = recognise::letter_date(&paragraphs);
        let received = received(&whole, kind, dated);
        // A reply is not written before the request came: a "date" that
        // says so was taken from the request or a document it names.
        let sent = dated.filter(|sent| received.is_none_or(|r| *sent >= r));
        Letter {
            file: file.to_string(),
            kind,
            recognised: Some(recognised),
            reply_date: if kind.is_reply() { None } else { recognise::reply_date(&whole) },
            regime,
            cited: recognise::citations(&paragraphs)
                .into_iter()
                .chain(recognise::titled_citations(&paragraphs, regime))
                .collect(),
            redactions: recognise::redactions(&paragraphs)
                .into_iter()
                .map(|(paragraph, provision)| Redacted { provision, paragraph, item: None })
                .collect(),
            reference: recognise::reference(&whole),
            received,
            sent,
            extended: recognise::extended(&whole),
            annex_labels: annexes.iter().map(|(_, l)| l.clone()).collect(),
            annexes: annexes.len(),
            paragraphs,
            from_case: false,
            source: None,
        }
    }
}

/// The date of receipt a reply's time runs from: the request's, or a later
/// clarification's the letter tells of (never one after the letter's date,
/// `sent`).
fn received(whole: &str, kind: LetterKind, sent: Option<crate::case::Date>) -> Option<crate::case::Date> {
    let request = recognise::received(whole).or_else(|| sent.and_then(|sent| recognise::received_before(whole, sent)));
    if !kind.is_reply() {
        return request;
    }
    let clarified =
        recognise::clarified(whole).filter(|c| request.is_none_or(|r| *c > r) && sent.is_none_or(|s| *c <= s));
    clarified.or(request)
}

/// The lines in `current`, the first of them line `start` (from 0), as the
/// next paragraph, if there are any.
fn end_paragraph(paragraphs: &mut Vec<Paragraph>, current: &mut Vec<&str>, start: usize) {
    if !current.is_empty() {
        paragraphs.push(Paragraph { text: join_lines(current), section: None, line: Some(start + 1), in_annex: false });
        current.clear();
    }
}

/// Whether `line` is a salutation ("Dear Ms Roe,") or a sign-off ("Yours
/// sincerely", "Kind regards"), which always stand as paragraphs of their own.
fn stands_alone(line: &str) -> bool {
    const SIGN_OFFS: [&str; 9] = [
        "Yours sincerely",
        "Yours faithfully",
        "Yours truly",
        "Kind regards",
        "Best regards",
        "With kind regards",
        "Warm regards",
        "Regards",
        "Best wishes",
    ];
    let bare = line.trim_end_matches([',', '.', '!']);
    (line.starts_with("Dear ") && line.chars().count() <= 80 && !line.contains(". "))
        || SIGN_OFFS.iter().any(|s| bare.eq_ignore_ascii_case(s))
}

/// The lines of a paragraph as one text: a word hyphenated at a line end
/// ("Scot-" then "tish", "inter-" then "nal review") is joined again, as
/// pdftotext does; other lines are joined with a space.
fn join_lines(lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines {
        let hyphenated = text.ends_with('-')
            && text[..text.len() - 1].ends_with(|c: char| c.is_alphabetic())
            && line.starts_with(|c: char| c.is_lowercase());
        if hyphenated {
            text.pop();
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// A paragraph's text as the wording tests read it, whatever produced the
/// file: runs of white space (a justified PDF line's widened spaces,
/// no-break spaces) as one space, a non-breaking hyphen as a hyphen, a
/// Symbol-font or unknown bullet as "•", and an ordinal whose suffix was
/// raised into a line of its own ("1 st July 2024") closed up.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word = match word {
            "\u{F0B7}" | "\u{B7}" | "\u{FFFD}" | "\u{F0A7}" | "\u{25AA}" => "•",
            "st" | "nd" | "rd" | "th" if out.ends_with(|c: char| c.is_ascii_digit()) && ordinal_number(&out) => {
                out.push_str(word);
                continue;
            }
            _ => word,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| if c == '\u{2011}' { '-' } else { c }));
    }
    out
}

/// Whether `text` ends in a day of the month standing as a word ("… 1"),
/// which a raised ordinal suffix belongs to.
fn ordinal_number(text: &str) -> bool {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = text[..text.len() - digits].chars().next_back();
    (1..=2).contains(&digits) && before.is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::{join_lines, normalise};

    #[test]
    fn lines_are_joined_and_hyphenation_undone() {
        assert_eq!(
            join_lines(&["apply to the Scot-", "tish Information Commissioner"]),
            "apply to the Scottish Information Commissioner"
        );
        assert_eq!(join_lines(&["an inter-", "nal review within 40"]), "an internal review within 40");
        assert_eq!(join_lines(&["in 2023-", "24 we", "held it"]), "in 2023- 24 we held it");
        assert_eq!(join_lines(&["Ref FOI-", "Q2"]), "Ref FOI- Q2");
    }

    #[test]
    fn white_space_bullets_and_raised_ordinals_are_normalised() {
        assert_eq!(normalise("request\u{a0}an   internal  review"), "request an internal review");
        assert_eq!(normalise("\u{F0B7} Section 30(3) – investigations"), "• Section 30(3) – investigations");
        assert_eq!(
            normalise("Date: 1 st July 2024, your email of 4 th June"),
            "Date: 1st July 2024, your email of 4th June"
        );
        assert_eq!(normalise("Ref FOI\u{2011}24\u{2011}0387"), "Ref FOI-24-0387");
        assert_eq!(normalise("the 10 th floor and item 123 st"), "the 10th floor and item 123 st");
    }
}
