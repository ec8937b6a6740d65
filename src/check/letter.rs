//! The letter as the rules see it: paragraphs of text (with the named
//! section each came from, when foikit composed it) and the facts the rules
//! need. Built from a composed [`Document`] and its case, or from the text
//! of a letter drafted elsewhere, so every rule judges both the same way.

use crate::case::{Case, Date};
use crate::doc::{Block, Document, Section, line_text};
use crate::law::RegimeId;

use super::recognise;

/// One paragraph of the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its text, on one line.
    pub text: String,
    /// The innermost named section it belongs to (composed letters only).
    pub section: Option<Section>,
    /// Its first line in the checked file (plain-text letters only).
    pub line: Option<usize>,
    /// Whether it is part of an annex rather than the letter proper.
    pub in_annex: bool,
}

/// An exemption (or exception) the letter relies on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// As written: "24(1)", "12(5)(b)".
    pub provision: String,
    /// "section" or "regulation".
    pub word: String,
    /// The paragraph that cites it.
    pub paragraph: usize,
    /// Its entry in the case file (`exemptions[1]`), for a composed letter.
    pub field: Option<String>,
}

pub use crate::kind::LetterKind;

/// A letter ready for the rules.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The file, as named to the user.
    pub file: String,
    /// What the letter is.
    pub kind: LetterKind,
    /// For a review request or complaint: the date of the reply it challenges.
    pub reply_date: Option<Date>,
    /// The regime the letter is under (from the case, or from its wording).
    pub regime: RegimeId,
    /// The paragraphs, letter first, then annexes.
    pub paragraphs: Vec<Paragraph>,
    /// The case reference, if known.
    pub reference: Option<String>,
    /// When the request was received, if known.
    pub received: Option<Date>,
    /// The letter's date, if known.
    pub sent: Option<Date>,
    /// Exemptions relied on.
    pub cited: Vec<Cited>,
    /// Labels of the annexes present ("Annex A"); unlabelled annexes count in `annexes`.
    pub annex_labels: Vec<String>,
    /// How many annexes the letter has.
    pub annexes: usize,
    /// True when built from a case file (facts are exact, not recognised).
    pub from_case: bool,
    /// The case file's text and format, so findings can name its lines.
    pub source: Option<(String, crate::case::SourceFormat)>,
}

impl Letter {
    /// The letter of `kind` composed from `case`. Its facts come from the
    /// case and its paragraphs keep the named sections they were composed
    /// in, so rules judge foikit's own letters by structure: the n-th
    /// exemption of the case is the n-th `exemption` section, never a
    /// paragraph that happens to contain its number.
    pub fn from_case(file: &str, case: &Case, kind: LetterKind, doc: &Document) -> Letter {
        let mut paragraphs = Vec::new();
        let mut sections = Vec::new();
        collect_marking(&doc.body, None, false, &mut paragraphs, &mut sections);
        for annex in &doc.annexes {
            if let Some(label) = &annex.label {
                paragraphs.push(Paragraph { text: label.clone(), section: None, line: None, in_annex: true });
            }
            collect_marking(&annex.blocks, None, true, &mut paragraphs, &mut sections);
        }
        let regime = case.regime.regime();
        let starts: Vec<usize> = sections.iter().filter(|(s, _)| *s == Section::Exemption).map(|(_, i)| *i).collect();
        let fallback = paragraphs.iter().position(|p| p.section == Some(Section::Exemptions)).unwrap_or(0);
        let cited = if kind.is_reply() {
            case.all_exemptions()
                .into_iter()
                .enumerate()
                .map(|(i, (field, e))| Cited {
                    field: Some(field),
                    provision: e.section.clone(),
                    word: regime.provision_word.to_string(),
                    paragraph: starts.get(i).copied().unwrap_or(fallback),
                })
                .collect()
        } else {
            Vec::new()
        };
        Letter {
            file: file.to_string(),
            kind,
            reply_date: if kind == LetterKind::ReviewOutcome { case.response.as_ref().map(|r| r.date) } else { None },
            regime: case.regime,
            paragraphs,
            reference: Some(case.reference.clone()),
            received: Some(case.request.received),
            sent: case.letter_date(kind),
            cited,
            annex_labels: doc.annexes.iter().filter_map(|a| a.label.clone()).collect(),
            annexes: doc.annexes.len(),
            from_case: true,
            source: None,
        }
    }

    /// The same letter, able to point findings at lines of its case file.
    pub fn with_source(mut self, source: String, format: crate::case::SourceFormat) -> Letter {
        self.source = Some((source, format));
        self
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
        let regime = recognise::regime(text);
        let whole = paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
        let kind = recognise::kind(&whole);
        Letter {
            file: file.to_string(),
            kind,
            reply_date: if kind.is_reply() { None } else { recognise::reply_date(&whole) },
            regime,
            cited: recognise::citations(&paragraphs),
            reference: recognise::reference(&whole),
            received: recognise::received(&whole),
            sent: recognise::letter_date(&paragraphs),
            annex_labels: annexes.iter().map(|(_, l)| l.clone()).collect(),
            annexes: annexes.len(),
            paragraphs,
            from_case: false,
            source: None,
        }
    }

    /// A letter composed by foikit for `kind` (a review request, a
    /// complaint, a review outcome) from its document.
    pub fn composed(
        file: &str,
        kind: LetterKind,
        regime: RegimeId,
        doc: &Document,
        dates: (Option<Date>, Option<Date>),
    ) -> Letter {
        let mut paragraphs = Vec::new();
        collect(&doc.body, None, false, &mut paragraphs);
        for annex in &doc.annexes {
            collect(&annex.blocks, None, true, &mut paragraphs);
        }
        Letter {
            file: file.to_string(),
            kind,
            reply_date: dates.0,
            regime,
            cited: Vec::new(),
            reference: Some(doc.meta.reference.clone()),
            received: None,
            sent: dates.1,
            annex_labels: doc.annexes.iter().filter_map(|a| a.label.clone()).collect(),
            annexes: doc.annexes.len(),
            paragraphs,
            from_case: true,
            source: None,
        }
    }

    /// The whole text, paragraphs separated by newlines.
    pub fn text(&self) -> String {
        self.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// Indices of the paragraphs of the letter proper (not annexes).
    pub fn body(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs.iter().enumerate().filter(|(_, p)| !p.in_annex)
    }
}

fn collect(blocks: &[Block], section: Option<Section>, in_annex: bool, out: &mut Vec<Paragraph>) {
    collect_marking(blocks, section, in_annex, out, &mut Vec::new());
}

/// [`collect`], noting where each named section starts: (section, index of
/// its first paragraph).
fn collect_marking(
    blocks: &[Block],
    section: Option<Section>,
    in_annex: bool,
    out: &mut Vec<Paragraph>,
    starts: &mut Vec<(Section, usize)>,
) {
    let push = |text: String, out: &mut Vec<Paragraph>| {
        if !text.trim().is_empty() {
            out.push(Paragraph { text, section, line: None, in_annex });
        }
    };
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                push(line_text(content).replace('\n', " "), out)
            }
            Block::Lines { lines, .. } => push(lines.iter().map(|l| line_text(l)).collect::<Vec<_>>().join(" "), out),
            Block::List { items, .. } => {
                for item in items {
                    push(line_text(item), out);
                }
            }
            Block::Table { header, rows } => {
                for row in header.iter().chain(rows) {
                    push(row.iter().map(|c| line_text(c)).collect::<Vec<_>>().join(" "), out);
                }
            }
            Block::Quote(inner) => collect_marking(inner, section, in_annex, out, starts),
            Block::Section { name, blocks } => {
                starts.push((*name, out.len()));
                collect_marking(blocks, Some(*name), in_annex, out, starts)
            }
        }
    }
}
