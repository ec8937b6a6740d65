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
            if line.is_empty() {
                if !current.is_empty() {
                    paragraphs.push(Paragraph {
                        text: current.join(" "),
                        section: None,
                        line: Some(start + 1),
                        in_annex: false,
                    });
                    current.clear();
                }
            } else {
                if current.is_empty() {
                    start = i;
                }
                current.push(line);
            }
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
            received: recognise::received(&whole),
            sent: recognise::letter_date(&paragraphs),
            extended: recognise::extended(&whole),
            annex_labels: annexes.iter().map(|(_, l)| l.clone()).collect(),
            annexes: annexes.len(),
            paragraphs,
            from_case: false,
            source: None,
        }
    }
}
