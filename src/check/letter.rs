//! The letter as the rules see it: paragraphs of text (with the named
//! section each came from, when foikit composed it) and the facts the rules
//! need. Built from a composed [`Document`] and its case, or from the text
//! of a letter drafted elsewhere, so every rule judges both the same way.

use crate::case::{Case, Date};
use crate::doc::{Block, Document, Inline, Section, line_text};
use crate::law::RegimeId;

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

/// Text withheld under a provision, marked in the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The provision it is withheld under, as marked: "40(2)".
    pub provision: String,
    /// The paragraph it is in.
    pub paragraph: usize,
    /// The request item (0-based) whose decision it is part of, in a
    /// composed letter; `None` elsewhere (an annex, a letter's text).
    pub item: Option<usize>,
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
    /// Whether the time for the reply was extended (FOIA s10(3), EIR reg 7),
    /// so the extended limit is the one the reply is held to.
    pub extended: bool,
    /// Exemptions relied on.
    pub cited: Vec<Cited>,
    /// Redactions, in order.
    pub redactions: Vec<Redacted>,
    /// Labels of the annexes present ("Annex A"); unlabelled annexes count in `annexes`.
    pub annex_labels: Vec<String>,
    /// How many annexes the letter has.
    pub annexes: usize,
    /// True when built from a case file (facts are exact, not recognised).
    pub from_case: bool,
    /// The case file's text and format, so findings can name its lines.
    pub source: Option<(String, crate::case::SourceFormat)>,
    /// What the reader recognised, for a letter drafted elsewhere (`None`
    /// when foikit composed it and knows its facts).
    pub recognised: Option<crate::read::Recognition>,
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
        let mut redactions = Vec::new();
        let mut into = Into { paragraphs: &mut paragraphs, starts: &mut sections, redactions: &mut redactions };
        collect_marking(&doc.body, None, None, false, &mut into);
        for annex in &doc.annexes {
            if let Some(label) = &annex.label {
                into.paragraphs.push(Paragraph { text: label.clone(), section: None, line: None, in_annex: true });
            }
            collect_marking(&annex.blocks, None, None, true, &mut into);
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
            extended: case.extension.is_some(),
            cited,
            redactions,
            annex_labels: doc.annexes.iter().filter_map(|a| a.label.clone()).collect(),
            annexes: doc.annexes.len(),
            from_case: true,
            source: None,
            recognised: None,
        }
    }

    /// The same letter, able to point findings at lines of its case file.
    pub fn with_source(mut self, source: String, format: crate::case::SourceFormat) -> Letter {
        self.source = Some((source, format));
        self
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
        let mut redactions = Vec::new();
        let mut into = Into { paragraphs: &mut paragraphs, starts: &mut Vec::new(), redactions: &mut redactions };
        collect_marking(&doc.body, None, None, false, &mut into);
        for annex in &doc.annexes {
            collect_marking(&annex.blocks, None, None, true, &mut into);
        }
        Letter {
            file: file.to_string(),
            kind,
            reply_date: dates.0,
            regime,
            cited: Vec::new(),
            redactions,
            reference: Some(doc.meta.reference.clone()),
            received: None,
            sent: dates.1,
            extended: false,
            annex_labels: doc.annexes.iter().filter_map(|a| a.label.clone()).collect(),
            annexes: doc.annexes.len(),
            paragraphs,
            from_case: true,
            source: None,
            recognised: None,
        }
    }

    /// The whole text, paragraphs separated by newlines.
    pub fn text(&self) -> String {
        self.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// The exemptions (exceptions) relied on, one per provision of the
    /// regime's catalogue: "41" and a later "41 (1)(a)(b)" are the same one,
    /// and a section cited in passing ("section 1(1)(b)") is none.
    pub fn exemptions(&self) -> Vec<&Cited> {
        let mut seen = Vec::new();
        self.cited
            .iter()
            .filter(|c| match self.regime.regime().cite(&c.provision) {
                Ok(r) if !seen.contains(&r.def.section) => {
                    seen.push(r.def.section);
                    true
                }
                _ => false,
            })
            .collect()
    }

    /// Indices of the paragraphs of the letter proper (not annexes).
    pub fn body(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs.iter().enumerate().filter(|(_, p)| !p.in_annex)
    }
}

/// Where [`collect_marking`] puts what it finds.
struct Into<'a> {
    paragraphs: &'a mut Vec<Paragraph>,
    /// (section, index of its first paragraph), for each section entered.
    starts: &'a mut Vec<(Section, usize)>,
    redactions: &'a mut Vec<Redacted>,
}

/// The paragraphs of `blocks`, noting where each named section starts and
/// every redaction with the request item it belongs to (the n-th `item`
/// section is the case's n-th item).
fn collect_marking(blocks: &[Block], section: Option<Section>, item: Option<usize>, in_annex: bool, into: &mut Into) {
    let push = |lines: &[&[Inline]], into: &mut Into| {
        let text = lines.iter().map(|l| line_text(l).replace('\n', " ")).collect::<Vec<_>>().join(" ");
        if text.trim().is_empty() {
            return;
        }
        for inline in lines.iter().flat_map(|l| l.iter()) {
            if let Inline::Redaction { provision, .. } = inline {
                let paragraph = into.paragraphs.len();
                into.redactions.push(Redacted { provision: provision.clone(), paragraph, item });
            }
        }
        into.paragraphs.push(Paragraph { text, section, line: None, in_annex });
    };
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => push(&[content], into),
            Block::Lines { lines, .. } => push(&lines.iter().map(Vec::as_slice).collect::<Vec<_>>(), into),
            Block::List { items, .. } => {
                for line in items {
                    push(&[line], into);
                }
            }
            Block::Table { header, rows } => {
                for row in header.iter().chain(rows) {
                    push(&row.iter().map(Vec::as_slice).collect::<Vec<_>>(), into);
                }
            }
            Block::Quote(inner) => collect_marking(inner, section, item, in_annex, into),
            Block::Section { name, blocks } => {
                let item = match name {
                    Section::Item => Some(into.starts.iter().filter(|(s, _)| *s == Section::Item).count()),
                    _ => item,
                };
                into.starts.push((*name, into.paragraphs.len()));
                collect_marking(blocks, Some(*name), item, in_annex, into)
            }
        }
    }
}
