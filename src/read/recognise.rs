//! Recognising a letter's parts and facts from its wording. Real letters
//! say the same things in many ways; these patterns are deliberately broad
//! and are tested on real letters (the seeds and `fixtures/letters/`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::case::Date;
use crate::check::letter::{Cited, Paragraph};
use crate::law::RegimeId;
use crate::read::pattern::re;
use crate::read::wording::{boundary, is_digit, prefix, spaces};

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December";

/// A date as written, its parts as the text spells them.
#[derive(Debug, PartialEq)]
enum Written<'a> {
    /// "26th April 2017": day, month name, year.
    Named(&'a str, &'a str, &'a str),
    /// "26/04/2017": day, month, year.
    Slashed(&'a str, &'a str, &'a str),
    /// "2017-04-26": year, month, day.
    Iso(&'a str, &'a str, &'a str),
}

/// Every date written in `text`, with its byte offset.
pub fn dates(text: &str) -> Vec<(Date, usize)> {
    written_dates(text)
        .into_iter()
        .filter_map(|(at, written)| {
            let (y, m, d) = match written {
                Written::Named(day, month, year) => {
                    let month = MONTHS.split('|').position(|m| m.eq_ignore_ascii_case(month))? + 1;
                    (year.parse().ok()?, month as u8, day.parse().ok()?)
                }
                Written::Slashed(day, month, year) => (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?),
                Written::Iso(year, month, day) => (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?),
            };
            let month = time::Month::try_from(m).ok()?;
            Some((Date(time::Date::from_calendar_date(y, month, d).ok()?), at))
        })
        .collect()
}

/// The dates written in `text`, with their byte offsets, as the pattern
/// `(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|…|December)\s+(\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b`
/// (compiled by [`re`]) found them, one after another, each at the first
/// place one begins (its test holds it to that). Written out: the pattern
/// took 5.9 million instructions to compile, in every process that looked
/// for a date.
fn written_dates(text: &str) -> Vec<(usize, Written<'_>)> {
    let mut out = Vec::new();
    let mut from = 0;
    // Every form begins with a digit.
    let begins = |from: usize| text[from..].char_indices().filter(|&(_, c)| is_digit(c)).map(move |(i, _)| from + i);
    while let Some((at, (end, written))) =
        begins(from).find_map(|at| boundary(text, at).then(|| written_date(text, at)).flatten().map(|w| (at, w)))
    {
        out.push((at, written));
        // A date is never empty, so the search moves on.
        from = end;
    }
    out
}

/// The date written at `at`, if one is, and where it ends: the pattern's
/// three forms in its order, each trying the longer count of digits first.
fn written_date(text: &str, at: usize) -> Option<(usize, Written<'_>)> {
    // `n` digits at `i`, and where they end.
    let digits = |i: usize, n: usize| {
        let mut chars = text[i..].char_indices();
        for _ in 0..n {
            chars.next().filter(|&(_, c)| is_digit(c))?;
        }
        Some(chars.next().map_or(text.len(), |(j, _)| i + j))
    };
    let spaced = |i: usize| (spaces(&text[i..]) > 0).then(|| i + spaces(&text[i..]));
    let slash = |i: usize, c: char| text[i..].starts_with(c).then_some(i + 1);
    let named = [2, 1].into_iter().find_map(|n| {
        let day = digits(at, n)?;
        let suffixed = ["st", "nd", "rd", "th"].iter().find_map(|s| prefix(&text[day..], s)).map(|len| day + len);
        suffixed.into_iter().chain([day]).find_map(|after| {
            let month = spaced(after)?;
            let month_end = MONTHS.split('|').find_map(|m| prefix(&text[month..], &m.to_ascii_lowercase()))? + month;
            let year = spaced(month_end)?;
            let end = digits(year, 4).filter(|&end| boundary(text, end))?;
            Some((end, Written::Named(&text[at..day], &text[month..month_end], &text[year..end])))
        })
    });
    let slashed = || {
        [2, 1].into_iter().find_map(|n| {
            let day = digits(at, n)?;
            [2, 1].into_iter().find_map(|m| {
                let month = slash(day, '/')?;
                let month_end = digits(month, m)?;
                let year = slash(month_end, '/')?;
                let end = digits(year, 4).filter(|&end| boundary(text, end))?;
                Some((end, Written::Slashed(&text[at..day], &text[month..month_end], &text[year..end])))
            })
        })
    };
    let iso = || {
        let year = digits(at, 4)?;
        let month = slash(year, '-')?;
        let month_end = digits(month, 2)?;
        let day = slash(month_end, '-')?;
        let end = digits(day, 2).filter(|&end| boundary(text, end))?;
        Some((end, Written::Iso(&text[at..year], &text[month..month_end], &text[day..end])))
    };
    named.or_else(slashed).or_else(iso)
}

/// The date of the reply a requester's letter refers to.
pub fn reply_date(text: &str) -> Option<Date> {
    static REPLY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:(?:your|the(?: [A-Z][\w']*){0,3}) (?:response|reply|letter|decision|refusal notice)(?: to my request)? (?:of|dated|sent on|on|received on)|to which you (?:replied|responded) on|the (?:response|reply) I received on)\s+(?:the\s+)?",
        )
    });
    let m = REPLY.find(text)?;
    dates(&text[m.end()..]).into_iter().find(|(_, at)| *at <= 4).map(|(d, _)| d)
}

/// When the requester asked for the review a review outcome answers: the
/// date of the e-mail, letter or request that a sentence speaking of a
/// review ties to it ("your email of 6 May 2024, in which you required the
/// Council to review", "your request for an internal review received on
/// 24/04/2024"). The first such date, not the original request's.
pub fn review_requested(text: &str) -> Option<Date> {
    static ASKED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:your (?:e-?mail|letter|correspondence|message|request|requirement|application|representations)(?: for (?:an? )?(?:internal )?(?:review|reconsideration))?|(?:request|requirement) for (?:an? )?(?:internal )?(?:review|reconsideration))(?:,)?(?: (?:was |were )?received)? (?:of|dated|on|received on)\s+(?:the\s+)?",
        )
    });
    let about_review = |s: &str| {
        let lower = s.to_ascii_lowercase();
        ["review", "reconsider", "representations"].iter().any(|w| lower.contains(w))
    };
    sentences(text).filter(|s| about_review(s)).find_map(|sentence| {
        ASKED
            .find_iter(sentence)
            .find_map(|m| dates(&sentence[m.end()..]).into_iter().find(|(_, at)| *at <= 4).map(|(d, _)| d))
    })
}

/// Estimates given as a month rather than a day ("by the end of May 2024",
/// "in June 2024", "by mid-June 2024"), each as that month's last day: a
/// s17(2) estimate of the date may be a month.
pub fn month_estimates(text: &str) -> Vec<Date> {
    static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b(?:(?:by|before|during|in|within) (?:the )?(?:(?:end|middle|beginning|start) of |mid-?|late |early )?|(?:end|middle) of )({MONTHS}),? (\d{{4}})\b"
        ))
    });
    MONTH
        .captures_iter(text)
        .filter_map(|c| {
            let month = MONTHS.split('|').position(|m| m.eq_ignore_ascii_case(&c[1]))? + 1;
            let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
            let year: i32 = c[2].parse().ok()?;
            let last = time::util::days_in_month(month, year);
            time::Date::from_calendar_date(year, month, last).ok().map(Date)
        })
        .collect()
}

/// Which regime the letter says it is under.
pub fn regime(text: &str) -> RegimeId {
    static FOISA: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|\bFOISA\b|Scottish\s+Information\s+Commissioner")
    });
    static EIR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)Environmental\s+Information\s+Regulations|\bEIRs?\b"));
    static EISR: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)Environmental\s+Information\s+\(Scotland\)\s+Regulations|\bEISRs?\b"));
    if EISR.is_match(text) {
        RegimeId::Eisr
    } else if FOISA.is_match(text) {
        RegimeId::Foisa
    } else if EIR.is_match(text) {
        RegimeId::Eir
    } else {
        RegimeId::Foia
    }
}

/// The reference the letter gives itself.
pub fn reference(text: &str) -> Option<String> {
    static REF: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:FOI\s*ref(?:erence)?|our\s+ref(?:erence)?|ref(?:erence)?(?:\s+(?:no\.?|number))?)\s*[:.\-]?\s*((?-i:[A-Z]{2,8}) [0-9][A-Z0-9/\-.]*|[A-Z]{0,8}(?:[-/][A-Z]{1,8})*[-/]?[0-9][A-Z0-9/\-.]*)",
        )
    });
    REF.captures_iter(text).map(|c| c[1].trim_end_matches(['.', '-', '/']).to_string()).next()
}

/// When the request was received, from "your email of 27 March 2017" and the like.
pub fn received(text: &str) -> Option<Date> {
    let m = RECEIVED.find(text)?;
    dates(&text[m.end()..]).into_iter().find(|(_, at)| *at <= 4).map(|(d, _)| d)
}

/// [`received`] for a date written without its year ("your email of 27
/// August"), as letters write a request of the last weeks: the last such
/// day on or before the letter's date `sent`.
pub fn received_before(text: &str, sent: Date) -> Option<Date> {
    static DAY_MONTH: LazyLock<Regex> =
        LazyLock::new(|| re(&format!(r"(?i)^(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\b(,?\s+\d{{4}})?")));
    let m = RECEIVED.find(text)?;
    let c = DAY_MONTH.captures(&text[m.end()..])?;
    if c.get(3).is_some() {
        return None; // the year is given: `received` reads it
    }
    let day: u8 = c[1].parse().ok()?;
    let number = MONTHS.split('|').position(|n| n.eq_ignore_ascii_case(&c[2]))? + 1;
    let month = time::Month::try_from(u8::try_from(number).ok()?).ok()?;
    let in_year = |year: i32| time::Date::from_calendar_date(year, month, day).ok().map(Date);
    in_year(sent.0.year()).filter(|d| *d <= sent).or_else(|| in_year(sent.0.year() - 1))
}

/// Where a reply says when the request came: what [`received`] and
/// [`received_before`] read the date after.
static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:your\s+(?:e-?mail|letter|request|correspondence|message|application|online request|web ?form(?: submission)?)(?:\s+for\s+(?:recorded\s+|environmental\s+)?information)?,?\s+(?:of|dated|received(?: on)?|sent on|on|(?:that|which)\s+(?:we|the\s+\w+(?:\s+\w+)?)\s+received\s+on|(?:that|which)\s+was\s+received(?:\s+by\s+[^,.;]{1,40}?)?\s+on)|we received your (?:request|e-?mail|letter)(?:\s+for\s+(?:recorded\s+|environmental\s+)?information)? on|request (?:was )?received(?:\s+by\s+[^,.;]{1,40}?)?\s+on)\s+(?:the\s+)?",
    )
});

/// The day a clarification of the request arrived, where the letter says
/// so ("You replied on 23 September 2024 clarifying…"): the date of
/// receipt the time for the reply runs from (FOIA s10(6)(b), EIR reg 9(4),
/// FOISA s1(3) with s10(1)(b)). Sentences in which the authority tells of
/// its own asking ("we wrote to you asking you to clarify") are passed over.
pub fn clarified(text: &str) -> Option<Date> {
    static ASKED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:we|I)\s+(?:wrote|asked|sought|requested|contacted|e-?mailed)\b|\bplease\b|\bby\s+(?:no later than\s+)?\d",
        )
    });
    sentences(text)
        .filter(|s| s.to_ascii_lowercase().contains("clarif") && !ASKED.is_match(s))
        .flat_map(|s| dates(s).into_iter().map(|(date, _)| date))
        .max()
}

/// Whether the letter says the time for the reply was extended: a s10(3)
/// public interest extension or an EIR reg 7 one, told of earlier.
pub fn extended(text: &str) -> bool {
    static EXTENDED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bextend(?:ed|ing)? the (?:time|deadline|period)|\bextension (?:of|to) the (?:time|deadline)|(?:further|additional) (?:20|twenty) working days|under (?:section 10\s?\(3\)|s\.?\s?10\(3\)|regulation 7\b)|\b(?:further|more|additional) time\b[^.]{0,60}\bpublic interest",
        )
    });
    EXTENDED.is_match(text)
}

/// The letter's own date: the last date before the salutation.
pub fn letter_date(paragraphs: &[Paragraph]) -> Option<Date> {
    let greeting = |p: &Paragraph| ["Dear ", "Annwyl "].iter().any(|g| p.text.contains(g));
    // Without a salutation the head ends where the body starts: a letter
    // copied without its greeting tells of other dates (the request's, a
    // document's) in its first sentences.
    let greeted = paragraphs.iter().take(20).any(greeting);
    let body = |p: &Paragraph| {
        let text = p.text.trim_end().trim_end_matches(':');
        (p.text.split_whitespace().count() >= 12 && text.ends_with('.'))
            || ["request", "response", "in response", "our response", "your request"]
                .iter()
                .any(|h| text.eq_ignore_ascii_case(h))
    };
    let mut head = String::new();
    for p in paragraphs.iter().take(20).take_while(|p| greeted || !body(p)) {
        // The salutation, in English or Welsh.
        match ["Dear ", "Annwyl "].iter().filter_map(|greeting| p.text.find(greeting)).min() {
            Some(i) => {
                head.push_str(&p.text[..i]);
                break;
            }
            None => {
                head.push_str(&p.text);
                head.push('\n');
            }
        }
    }
    // A "Date:" label names the letter's own date, wherever the head puts
    // the reference, the recipient or the request's dates around it.
    let labelled = head.match_indices("Date:").find_map(|(at, label)| {
        dates(&head[at + label.len()..]).first().filter(|(_, offset)| *offset <= 40).map(|(d, _)| *d)
    });
    labelled.or_else(|| dates(&head).last().map(|(d, _)| *d)).or_else(|| signed_date(paragraphs))
}

/// A date set under the signature, as some authorities date their letters:
/// the first date within the few short lines after the sign-off.
fn signed_date(paragraphs: &[Paragraph]) -> Option<Date> {
    let signed = sign_off(paragraphs)?;
    paragraphs[signed..]
        .iter()
        .take(6)
        .filter(|p| p.text.len() <= 80)
        .find_map(|p| dates(&p.text).first().map(|(d, _)| *d))
}

/// The last paragraph that signs the letter off ("Yours sincerely", "Kind regards").
pub fn sign_off(paragraphs: &[Paragraph]) -> Option<usize> {
    paragraphs.iter().rposition(|p| SIGN_OFF.is_match(&p.text))
}

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\byours (?:sincerely|faithfully|truly)|\b(?:kind |best |warm )?regards\b|\bbest wishes\b|\bmany thanks\b|\bthank you\b[^.]{0,40}$|^\s*thanks\W*$|\bsigned\b",
    )
});

/// The annex mentions in `text`, as byte ranges: "Annex", "ANNEX",
/// "Appendix" or "APPENDIX" at the start of a word, with the label that
/// follows after white space when it is one or two capitals or digits
/// forming a whole word ("Annex A", "Appendix 12"). Written out rather
/// than as a pattern, which took 0.4 to 0.7 million instructions to
/// compile in every process that read a letter naming an annex; it finds
/// what the tests' `ANNEX_PATTERN` finds.
fn annexes(text: &str) -> Vec<Range<usize>> {
    const WORDS: [&str; 4] = ["Annex", "ANNEX", "Appendix", "APPENDIX"];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find('A').map(|i| from + i) {
        match WORDS.iter().find(|word| text[at..].starts_with(**word)) {
            Some(word) if boundary(text, at) => {
                let end = at + word.len();
                let end = annex_label_end(text, end).unwrap_or(end);
                out.push(at..end);
                from = end;
            }
            _ => from = at + 1,
        }
    }
    out
}

/// Where the label after an annex word ending at `from` ends: white space,
/// then one or two of `A-Z0-9` not followed by a word character.
fn annex_label_end(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let label = rest.trim_start_matches(char::is_whitespace);
    let spaces = rest.len() - label.len();
    let bytes = label.as_bytes();
    let is_label = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let word_ends = |i: usize| boundary(label, i);
    let len = match () {
        _ if spaces == 0 || !is_label(0) => return None,
        _ if is_label(1) && word_ends(2) => 2,
        _ if word_ends(1) => 1,
        _ => return None,
    };
    Some(from + spaces + len)
}

/// Words that make an "Annex A" a reference to an annex rather than its heading.
fn is_reference(before: &str, after: &str) -> bool {
    let prev = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    let next =
        after.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "at" | "in" | "see" | "the" | "attached" | "enclosed" | "to" | "under" | "of" | "and" | "an" | "this"
    ) || matches!(next.as_str(), "below" | "above" | "attached" | "enclosed")
}

/// Annex headings: (paragraph, label such as "Annex A" or "Annex").
pub fn annex_headings(paragraphs: &[Paragraph]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for m in annexes(&p.text) {
            if !is_reference(&p.text[..m.start], &p.text[m.end..]) {
                out.push((i, normalise_annex(&p.text[m])));
            }
        }
    }
    out
}

/// Annexes the text refers to: (paragraph, label, or "Annex" when unlabelled).
pub fn annex_references(paragraphs: &[(usize, &Paragraph)]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, p) in paragraphs {
        for m in annexes(&p.text) {
            if is_reference(&p.text[..m.start], &p.text[m.end..]) {
                out.push((*i, normalise_annex(&p.text[m])));
            }
        }
        out.extend(lower_case_references(&p.text).map(|word| (*i, normalise_annex(word))));
    }
    out
}

/// Annexes named in lower case, which only a reference does ("set out in
/// the annex below", "the attached appendix"); a heading never is. A
/// scan, not a pattern: every letter is read for these, and most have none.
fn lower_case_references(text: &str) -> impl Iterator<Item = &'static str> + '_ {
    ["annex", "appendix"].into_iter().flat_map(move |word| {
        text.match_indices(word).filter_map(move |(at, _)| {
            let (before, after) = (&text[..at], &text[at + word.len()..]);
            if !boundary(text, at) || after.starts_with(|c: char| c.is_alphanumeric()) {
                return None;
            }
            let previous = before.split_whitespace().next_back().unwrap_or("");
            let next = after.split_whitespace().next().unwrap_or("");
            let bare = next.trim_end_matches(['.', ',', ';', ':']);
            let referred = matches!(previous, "attached" | "enclosed" | "accompanying")
                || matches!(bare, "below" | "attached" | "enclosed")
                || (matches!(previous, "the" | "an")
                    && before.trim_end().ends_with(&format!("in {previous}"))
                    && (after.is_empty() || after.starts_with(['.', ',', ';', ':'])));
            referred.then_some(word)
        })
    })
}

fn normalise_annex(s: &str) -> String {
    let mut words = s.split_whitespace();
    let kind = words.next().unwrap_or("Annex");
    let kind = if kind.eq_ignore_ascii_case("appendix") { "Appendix" } else { "Annex" };
    match words.next() {
        Some(label) => format!("{kind} {label}"),
        None => kind.to_string(),
    }
}

/// Words that show a sentence relies on an exemption.
static EXEMPT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)exempt|exception|excepted|withh[oe]ld|redact|removed|engaged|rel(?:y|ies|ying) on|applies|refus|by virtue of|neither confirm nor deny|not obliged|under no obligation|not required to (?:confirm|provide|disclose|supply|release)",
    )
});

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(sections?\s*|secs?\.?\s*|ss?\.\s?|ss?|exclusions?\s+|regulations?\s*|regs?\.?\s*)(\d+[A-Z]?(?:\s?\([0-9a-z]{1,4}\))*)((?:\s*(?:,|and|or|&)\s*\d+[A-Z]?(?:\s?\([0-9a-z]{1,4}\))*)*)",
    )
});
/// The end of a sentence that introduces a list of provisions without a
/// colon: "…we rely on the following exemptions."
static LIST_INTRO: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bthe following (?:exemptions?|exceptions?|sections?|provisions?)\.?$"));
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\d+[A-Z]?(?:\s?\([0-9a-z]{1,4}\))*"));

/// Exemptions named by title alone, in a sentence that relies on them and
/// cites no provision: "withheld under the commercial interests exemption"
/// is section 43 (the whole section: which subsection is not said).
/// Titles of one word ("Defence", "Research") are left alone: "the
/// defence exemption" is rare and "research" is common.
pub fn titled_citations(paragraphs: &[Paragraph], regime: RegimeId) -> Vec<Cited> {
    let law = regime.regime();
    let titles: Vec<(String, &str)> = law
        .exemptions
        .iter()
        .map(|def| (def.title.trim_end_matches(", etc.").trim_end_matches(" etc.").to_ascii_lowercase(), def.section))
        .filter(|(title, _)| title.contains(' '))
        .collect();
    let mut out: Vec<Cited> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for sentence in sentences(&p.text) {
            if !EXEMPT_WORDS.is_match(sentence) || CITATION.is_match(sentence) {
                continue;
            }
            let lower = sentence.to_ascii_lowercase();
            for (title, section) in &titles {
                let named =
                    lower.contains(&format!("{title} exemption")) || lower.contains(&format!("exemption for {title}"));
                if named && !out.iter().any(|c| c.provision == *section) {
                    out.push(Cited {
                        provision: section.to_string(),
                        word: law.provision_word.to_string(),
                        paragraph: i,
                        field: None,
                    });
                }
            }
        }
    }
    out
}

/// A redaction's label as foikit's templates word it: "[Redacted – section
/// 40(2)]", "[Redacted - regulation 13(1)]".
static REDACTED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\[Redacted\s*[–—-]\s*(?:section|regulation|s\.|reg\.)\s*(\d+[A-Z]?(?:\s?\([0-9a-z]{1,4}\))*)\s*\]")
});

/// Redactions marked by their labels: (paragraph, provision).
pub fn redactions(paragraphs: &[Paragraph]) -> Vec<(usize, String)> {
    paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| REDACTED.captures_iter(&p.text).map(move |c| (i, c[1].to_string())))
        .collect()
}

/// Provisions cited in sentences that rely on an exemption, deduplicated.
/// A redaction's label names a provision but cites nothing: the letter
/// must do that in its own words.
pub fn citations(paragraphs: &[Paragraph]) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    // "…by virtue of the following exemptions:" and then one line a
    // provision ("Section 30(3) – investigations"): the lines rely on it too.
    let mut listing = false;
    for (i, p) in paragraphs.iter().enumerate() {
        let text = REDACTED.replace_all(&p.text, "");
        let item = text.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '•' | '-' | '–' | '*' | '·' | '\u{F0B7}' | '\u{F0A7}' | '▪' | '◦' | '\u{FFFD}')
        });
        // "FOIA Section 35(1)(a) – …": the Act named first.
        let item = ["FOIA ", "FOISA ", "FOI Act ", "EIR ", "EIRs "]
            .iter()
            .find_map(|act| {
                item.get(..act.len()).filter(|head| head.eq_ignore_ascii_case(act)).map(|_| &item[act.len()..])
            })
            .unwrap_or(item);
        // An item names the provision and then, if anything, what it is
        // about ("– investigations", ": law enforcement", "of the Act").
        let listed = listing
            && CITATION.find(item).is_some_and(|m| {
                let rest = item[m.end()..].trim_start();
                m.start() == 0
                    && (rest.is_empty()
                        || rest.starts_with(['–', '—', '-', ':', '(', ','])
                        || rest.to_ascii_lowercase().starts_with("of the")
                        // A title without a dash ("S40(5) Personal Information"),
                        // not a sentence ("Section 50 gives you the right…").
                        || (!rest.ends_with('.') && rest.split_whitespace().count() <= 5))
            });
        let introduces = |text: &str| {
            let end = text.trim_end();
            end.ends_with(':') || LIST_INTRO.is_match(end)
        };
        listing = listed || (EXEMPT_WORDS.is_match(&text) && introduces(&text));
        for sentence in sentences(&text) {
            if !listed && !EXEMPT_WORDS.is_match(sentence) {
                continue;
            }
            for c in CITATION.captures_iter(sentence) {
                // "does not fall within section 23(1)" describes another
                // provision, as statute text quoted in letters does.
                let before = sentence[..c.get(0).expect("whole match").start()].trim_end();
                if before.ends_with("within") {
                    continue;
                }
                let word = if c[1].to_ascii_lowercase().starts_with("reg") { "regulation" } else { "section" };
                let items =
                    std::iter::once(c[2].to_string()).chain(LIST_ITEM.find_iter(&c[3]).map(|m| m.as_str().to_string()));
                for provision in items {
                    let compact: String = provision.chars().filter(|c| !c.is_whitespace()).collect();
                    // "section 35" after "section 35(1)(a)" is the same exemption again.
                    let same = |o: &Cited| {
                        let seen: String = o.provision.chars().filter(|c| !c.is_whitespace()).collect();
                        seen == compact
                            || (!compact.contains('(')
                                && seen.starts_with(&compact)
                                && seen[compact.len()..].starts_with('('))
                    };
                    if !out.iter().any(same) {
                        // "12(5) (b)", a citation wrapped at a line end, is 12(5)(b).
                        let provision = compact.clone();
                        out.push(Cited { provision, word: word.to_string(), paragraph: i, field: None });
                    }
                }
            }
        }
    }
    out
}

/// Sentences of a paragraph: split after ".", ";", "?" or "!" where white
/// space (or the end) follows, but not after the abbreviations citations
/// use ("s. 43(2)", "reg. 12", "sec. 40", "para. 5", "No. 3"), nor inside
/// "s.43(2)" or "£1.50".
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    const ABBREVIATIONS: [&str; 10] = ["s", "ss", "reg", "regs", "sec", "secs", "para", "paras", "no", "art"];
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut ends = Vec::new();
    for (at, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b';' | b'?' | b'!') || !bytes.get(at + 1).is_none_or(u8::is_ascii_whitespace) {
            continue;
        }
        if b == b'.' {
            let word_start = text[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_ascii_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            if ABBREVIATIONS.iter().any(|a| text[word_start..at].eq_ignore_ascii_case(a)) {
                continue;
            }
        }
        ends.push(start..at + 1);
        start = at + 1;
    }
    ends.push(start..text.len());
    ends.into_iter().map(move |range| text[range].trim()).filter(|s| !s.is_empty())
}

static REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)internal review|(?:request|require|ask for|requirement for|ask us to (?:carry out|conduct|undertake|do)) (?:a |an )?review|review (?:of )?(?:our|the|this) (?:decision|handling|response)|reconsider|make representations|representations under regulation 11|complaints? (?:procedure|process)|no (?:internal review|complaints) procedure|\b(?:ask|request|require)(?:ing)? (?:for )?(?:it|this|that|the \w+|our \w+|your \w+)(?: \w+){0,2} to be reviewed\b|\b(?:ask|request|require|like|want) (?:us|the \w+(?: \w+)?) to review\b|\bask (?:us |the \w+ )?for (?:an? )?(?:independent |internal )?review\b",
    )
});

/// Where `text` first speaks of asking for a review.
pub fn review_mention(text: &str) -> Option<usize> {
    REVIEW.find(text).map(|m| m.start())
}

/// Paragraphs (of the letter proper) that tell the requester how to ask for a review.
pub fn review_paragraphs<'a>(body: impl Iterator<Item = (usize, &'a Paragraph)>) -> Vec<usize> {
    // "If you remain dissatisfied after the internal review, complain to the
    // Commissioner" is about the regulator, not about asking for a review.
    static ASKS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:request|require|ask for|apply for|seek|ask us to (?:carry out|conduct|undertake|do)) (?:an? )?(?:independent )?(?:internal )?review|reconsider|make representations|\b(?:ask|request|require)(?:ing)? (?:for )?(?:it|this|that|the \w+|our \w+|your \w+)(?: \w+){0,2} to be reviewed\b|\b(?:ask|request|require|like|want) (?:us|the \w+(?: \w+)?) to review\b|\bask (?:us |the \w+ )?for (?:an? )?(?:independent |internal )?review\b",
        )
    });
    // "after we have reconsidered your request" looks back on a review, it does not offer one.
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:after|following) (?:we have |the |our |an? |your |this )[^,.]{0,60}"));
    body.filter(|(_, p)| {
        REVIEW.is_match(&p.text) && (!p.text.contains("Commissioner") || ASKS.is_match(&AFTER.replace_all(&p.text, "")))
    })
    .map(|(i, _)| i)
    .collect()
}

/// Paragraphs that tell the requester about the regulator.
pub fn regulator_paragraphs<'a>(body: impl Iterator<Item = (usize, &'a Paragraph)>) -> Vec<usize> {
    static ICO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)information commissioner|\bICO\b|\bSIC\b"));
    static RIGHT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)complain|complaint|apply|application|appeal|right|decision"));
    body.filter(|(_, p)| ICO.is_match(&p.text) && RIGHT.is_match(&p.text)).map(|(i, _)| i).collect()
}

/// Whether `text` says where to write: an e-mail address, a postcode, a web
/// address, "the address below", "reply to this email", or the placeholder
/// WhatDoTheyKnow shows for a masked address ("[… request email]",
/// "[email address]").
///
/// Nearly every review paragraph gives an e-mail address or points to "the
/// address below", which plain scans find; the pattern, whose Unicode
/// classes took 1.9 million instructions to compile (a sixth of a `check`
/// process), is compiled only for text the scans leave in doubt. A scan
/// says yes only where an alternative of the pattern matches (tested
/// against it), so the answer is the pattern's either way.
pub fn has_contact(text: &str) -> bool {
    static CONTACT: LazyLock<Regex> = LazyLock::new(|| re(CONTACT_PATTERN));
    plain_email(text) || plain_contact_wording(text) || CONTACT.is_match(text)
}

const CONTACT_PATTERN: &str = r"(?i)[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|https?://|www\.|address (?:below|above|at the top)|address(?:es)? (?:given |shown |set out |printed )?(?:below|above|overleaf|at the (?:top|head|foot))|contact details (?:below|above|overleaf|at the (?:top|head|foot))|(?:write|writing) to (?:us|the)|repl(?:y|ying) to this (?:email|e-mail|letter|message)|request email\]|\[email address\]";

/// An ASCII e-mail address as [`CONTACT_PATTERN`] finds one: a local-part
/// character, `@`, then a domain run holding a dot after its first
/// character and two letters after the dot.
fn plain_email(text: &str) -> bool {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    bytes.iter().enumerate().filter(|&(_, &b)| b == b'@').any(|(at, _)| {
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        let run: Vec<u8> = bytes[at + 1..].iter().copied().take_while(domain).collect();
        before.is_some_and(|&b| local(b))
            && run.windows(3).skip(1).any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic() && w[2].is_ascii_alphabetic())
    })
}

/// The literal alternatives of [`CONTACT_PATTERN`], in any ASCII case.
fn plain_contact_wording(text: &str) -> bool {
    const WORDING: [&str; 20] = [
        "http://",
        "https://",
        "www.",
        "address below",
        "address above",
        "address at the top",
        "write to us",
        "write to the",
        "writing to us",
        "writing to the",
        "reply to this email",
        "reply to this e-mail",
        "reply to this letter",
        "reply to this message",
        "replying to this email",
        "replying to this e-mail",
        "replying to this letter",
        "replying to this message",
        "request email]",
        "[email address]",
    ];
    let lower = text.to_ascii_lowercase();
    WORDING.iter().any(|w| lower.contains(w))
}

/// The name after "Dear", as the letter addresses its reader.
pub fn salutation(text: &str) -> Option<String> {
    static DEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\bDear ([^,\n]{2,60}),"));
    let name = DEAR.captures(text)?[1].trim().to_string();
    // "Dear Sir or Madam" names nobody.
    let generic = ["sir", "madam", "sir or madam", "sir/madam", "sirs", "requester", "applicant", "all"];
    (!generic.contains(&name.to_lowercase().as_str())).then_some(name)
}

/// Whom a letter is addressed to, whole: "Dear Ministry of Housing,
/// Communities and Local Government," names the authority a requester
/// writes to (its own commas included).
pub fn addressee(text: &str) -> Option<String> {
    static DEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?m)^\s*Dear ([^\n]{2,120}?)[,:]?\s*$"));
    let name = DEAR.captures(text)?[1].trim().to_string();
    let generic = ["sir", "madam", "sir or madam", "sir/madam", "sirs", "commissioner", "all"];
    (!generic.contains(&name.to_lowercase().as_str())).then_some(name)
}

/// The first e-mail address in `text`.
pub fn email(text: &str) -> Option<String> {
    static EMAIL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b"));
    EMAIL.find(text).map(|m| m.as_str().to_string())
}

/// Whether `text` contains a UK postcode.
pub fn has_postcode(text: &str) -> bool {
    static POSTCODE: LazyLock<Regex> = LazyLock::new(|| re(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"));
    POSTCODE.is_match(text)
}

/// An information team's name at the end of a signature block's line.
static TEAM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r" (?:Information (?:Rights|Governance|Management|Access|Compliance|Security)|Freedom of Information|FOI|Data Protection|Access to Information|Corporate Information)(?: [A-Z][a-z]+)* (?:Team|Unit|Office|Service|Section)$",
    )
});

/// The authority as its letterhead names it: among the short lines before
/// the salutation, the first that names a kind of public body ("Westbury
/// and District NHS Foundation Trust", "UNIVERSITY OF HARLOWMERE", "Office
/// for Rail Standards"), taken whole. Team lines ("Information Governance
/// Department"), addresses and dates are passed over; of a bilingual line
/// ("Cyngor … / … Council") the part in English is taken.
pub fn letterhead_authority(text: &str) -> Option<String> {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:council|police|constabulary|nhs|trust|university|college|board|agency|authority|government|ministry|commission|executive|parliament|assembly|association|office|department|service|commissioner|house of (?:commons|lords))\b",
        )
    });
    static TEAM_LINE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:information|freedom of information|foi\b|disclosure|data|corporate|legal|customer|records|access|our |your |the information|dear\b)|\b(?:team|unit|section|directorate)$",
        )
    });
    let head = &text[..text.find("Dear ").or_else(|| text.find("Annwyl "))?];
    let parts: Vec<&str> = head
        .lines()
        .take(12)
        .flat_map(|line| line.split(" / "))
        .map(|part| part.trim().trim_end_matches([',', '.']))
        .filter(|part| !part.is_empty())
        .collect();
    let usable = |part: &str| part.len() <= 80 && !part.chars().any(|c| c.is_ascii_digit() || c == '@' || c == ':');
    let named = |part: &str| part.split_whitespace().count() >= 2 && BODY.is_match(part) && !TEAM_LINE.is_match(part);
    // A name set large wraps onto a second line: "UNIVERSITY OF" /
    // "EASTBRIDGE", "Fenmarsh Internal Drainage" / "Board", "Northfield
    // Community NHS" / "Foundation Trust".
    static DANGLING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:of|for|and|the|&)$"));
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:(?:NHS )?(?:Foundation )?Trust|(?:Health )?Board|Council|Service|Authority|Agency|Police|Constabulary)$",
        )
    });
    parts.iter().enumerate().filter(|(_, part)| usable(part)).find_map(|(i, &part)| {
        let next = parts.get(i + 1).copied().filter(|n| usable(n) && n.split_whitespace().count() <= 3);
        let joined = next.map(|n| format!("{part} {n}"));
        match joined {
            Some(joined) if (DANGLING.is_match(part) || TAIL.is_match(next?)) && named(&joined) => Some(joined),
            Some(joined) if !BODY.is_match(part) && named(&joined) && TAIL.is_match(next?) => Some(joined),
            _ => named(part).then(|| part.to_string()),
        }
    })
}

/// The authority a letter comes from, by the usual shapes of their names.
pub fn authority(text: &str) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:[A-Z][a-z]+ )*(?:Office|Council|Department|Ministry|Police|Service|Trust|University|Agency|Authority|Commission|Executive)\b(?: (?:for|of) [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)*)?",
        )
    });
    // "The Department" or a bare "Council" names no one in particular.
    NAME.find_iter(text)
        .map(|m| m.as_str().strip_prefix("The ").or_else(|| m.as_str().strip_prefix("Dear ")).unwrap_or(m.as_str()))
        // A "Chief Executive" is a person; "of X Council" after it is the body.
        .filter_map(|name| match name.strip_prefix("Chief ") {
            Some(title) => title.split_once(" of ").map(|(_, body)| body),
            None => Some(name),
        })
        // A signature block runs the team into the body: "Information
        // Governance Team Anyshire County Council".
        .map(|name| ["Team ", "Unit "].iter().find_map(|t| name.split_once(t).map(|(_, body)| body)).unwrap_or(name))
        // ... or the body into the team: "Department for Examples Information Rights Team".
        .map(|name| TEAM.find(name).map_or(name, |m| &name[..m.start()]))
        .find(|name| name.split(' ').count() >= 2)
        .map(str::to_string)
}

/// Why the letter appears cut short: it greets its reader but never signs
/// off, so what usually stands before the sign-off (the review and
/// Commissioner paragraphs) may be in the part that is missing.
pub fn incomplete(paragraphs: &[Paragraph]) -> Option<String> {
    static GREETING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:Dear|Hello|Hi)\b"));
    let greeted = paragraphs.iter().take(30).position(|p| GREETING.is_match(&p.text))?;
    if paragraphs[greeted..].iter().any(|p| SIGN_OFF.is_match(&p.text)) {
        return None;
    }
    let last = paragraphs.iter().rev().find(|p| !p.in_annex)?;
    let cut = if last.text.trim_end().ends_with(['.', '!', '?', ':', ')', '"', '”']) {
        "it ends without a sign-off"
    } else {
        "it stops mid-sentence, without a sign-off"
    };
    Some(format!("{cut}: \"{}\"", tail(&last.text)))
}

fn tail(text: &str) -> String {
    let n = text.chars().count();
    if n <= 60 { text.to_string() } else { format!("…{}", text.chars().skip(n - 60).collect::<String>()) }
}

/// Placeholders and bracketed drafting instructions left in the text: what
/// a drafter left to fill (`{{name}}`, `<name>`, `[INSERT DATE]`, `[ GIVE
/// DETAILS HERE ]`, `XX/XX/XXXX`). Not a hosting site's masking: WhatDoTheyKnow
/// hides addresses as `xxxxx@…` or `[email address]` and marks redactions
/// `[REDACTED]`, none of which a drafter should fill.
pub fn placeholders(text: &str) -> Vec<&str> {
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\{\{[^}]*\}\}|<<[^>]*>>|<[A-Za-z][A-Za-z _-]{1,30}>|\[\s*[A-Z][A-Z0-9 '/,_-]{2,}\s*\]|(?i:\[\s*(?:insert|enter|give|add|delete|choose|select|name of|date of|x+)\b[^\]]*\]|\[[^\]\[]{0,80}\bhere\s*\]|\bxx/xx/xx(?:xx)?\b)",
        )
    });
    static REDACTION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)redact|removed|withheld|\bsic\b|\bFOI #"));
    // Every placeholder starts with `{`, `<` or `[`, or is an `xx/xx/xx`
    // date ("x" has no other case forms): text with none of them has no
    // placeholder, and need not compile the pattern to say so.
    let bytes = text.as_bytes();
    let opens = memchr::memchr3(b'{', b'<', b'[', bytes).is_some();
    let dated = || {
        memchr::memchr_iter(b'/', bytes)
            .any(|at| at >= 2 && bytes.get(at - 2..at + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"xx/xx/xx")))
    };
    if !opens && !dated() {
        return Vec::new();
    }
    PLACEHOLDER
        .find_iter(text)
        .filter(|m| {
            let s = m.as_str();
            let masking = s.starts_with('[') && REDACTION.is_match(s);
            // An HTML or mail tag such as <br> or <html> is markup, not a gap.
            let tag = s.starts_with('<')
                && !s.starts_with("<<")
                && matches!(
                    s.trim_matches(['<', '>']).to_ascii_lowercase().as_str(),
                    "br" | "p" | "b" | "i" | "html" | "div" | "span" | "eom"
                );
            !masking && !tag
        })
        .map(|m| m.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Paragraph {
        Paragraph { text: t.to_string(), section: None, line: None, in_annex: false }
    }

    /// The pattern dates were found by; [`written_dates`] finds the same.
    fn dates_by_pattern(text: &str) -> Vec<(usize, Vec<&str>)> {
        static DATE: LazyLock<Regex> = LazyLock::new(|| {
            re(&format!(
                r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\s+(\d{{4}})\b|\b(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})\b|\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b"
            ))
        });
        DATE.captures_iter(text)
            .map(|c| (c.get(0).unwrap().start(), c.iter().skip(1).flatten().map(|m| m.as_str()).collect()))
            .collect()
    }

    fn dates_written_out(text: &str) -> Vec<(usize, Vec<&str>)> {
        written_dates(text)
            .into_iter()
            .map(|(at, w)| {
                let (Written::Named(a, b, c) | Written::Slashed(a, b, c) | Written::Iso(a, b, c)) = w;
                (at, vec![a, b, c])
            })
            .collect()
    }

    #[test]
    fn dates_are_what_the_pattern_found() {
        for text in [
            "26 April 2017, 21st September 2023, 03/04/2017 and 2024-01-09; not 31 June 2020",
            "1st  JANUARY\n2020x 123 May 2020 12 May 20201 12 May 2020_ 4/5/2020 12/1/2020 1/12/20201",
            "2020-1-01 2020-01-011 x2020-01-01 é2020-01-01 \u{663}\u{660}/1/2020 1\u{663} May 2020",
            "5th\u{a0}Augu\u{17f}t 2019, 5tH may 2019, 5 Mayday 2019, 31/12/2019/ 2019-12-31-",
            "12 may 2019\u{663}",
            "",
        ] {
            assert_eq!(dates_written_out(text), dates_by_pattern(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any arrangement of the pattern's pieces.
        #[test]
        fn dates_agree_with_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec![
            "1", "12", "2020", "\u{663}", "st", "th", " ", "\n", "\u{a0}", "May", "AUGUST", "Augu\u{17f}t", "/", "-",
            "x", "_", "é", ".", "0",
        ]), 0..12)) {
            let text = parts.concat();
            proptest::prop_assert_eq!(dates_written_out(&text), dates_by_pattern(&text), "{:?}", text);
        }
    }

    /// The pattern annex mentions were found by; [`annexes`] finds the same.
    const ANNEX_PATTERN: &str = r"\b(?:Annex|ANNEX|Appendix|APPENDIX)(?:\s+([A-Z0-9]{1,2})\b)?";

    fn annexes_by_pattern(text: &str) -> Vec<Range<usize>> {
        re(ANNEX_PATTERN).find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn annex_mentions_are_what_the_pattern_finds() {
        for text in [
            "See Annex A below and Appendix 12, not ANNEX AB1 or APPENDIX\u{a0}Z.",
            "Annexes, Annex, Annex\tB, Annex  C1, Annex a, Annex AB, Annex ABC, Annex A_, Annex Aé, Annex A-",
            "xAnnex A, _Annex B, éAnnex C, (Annex D), Annex\u{2003}E, AnnexAnnex F, ANNEXE G, Appendices",
            "Annex 1\u{301}, Annex 12\u{200d}, Annex\n\nQ, AAnnex A, Annex A\u{17f}",
            "",
            "A",
        ] {
            assert_eq!(annexes(text), annexes_by_pattern(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any arrangement of the pieces the pattern turns on.
        #[test]
        fn annex_mentions_agree_with_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Annex", "ANNEX", "Appendix", "APPENDIX", "A", "B", "1", "Z9", " ", "\n", "\u{a0}", "\u{3000}", "_", "é",
            "\u{301}", "\u{200c}", "-", ".", "x", "Ann", "ex", "٣", "ſ",
        ]), 0..14)) {
            let text = parts.concat();
            proptest::prop_assert_eq!(annexes(&text), annexes_by_pattern(&text), "{:?}", text);
        }
    }

    /// Text that says where to write, or nearly does, in the ways letters do.
    const CONTACTS: &[&str] = &[
        "write to foi@homeoffice.gov.uk quoting 43342",
        "e-mail FOI.Requests@Example.GOV.UK.",
        "a@b.co",
        "x@y.c",
        "@example.com",
        "foi@.uk",
        "foi@a.b1",
        "foi@a..uk",
        "foi@-.uk",
        "mail foi@localhost today",
        "foi\u{17f}@exa\u{212a}ple.\u{212a}\u{17f}",
        "by writing to the address below",
        "WRITE TO US at",
        "to the Address At The Top of this letter",
        "the address overleaf",
        "see https://ico.org.uk/ or HTTP://x",
        "visit WWW.gov.uk",
        "London SW1P 4DF",
        "London SW1P4DF.",
        "postcode ec1a 1bb",
        "not a postcode: SW1P 4DFX",
        "Edinburgh EH1 2AB",
        "writing to thee",
        "http\u{17f}://",
        "",
    ];

    #[test]
    fn contact_scans_never_say_yes_where_the_pattern_says_no() {
        let pattern = re(CONTACT_PATTERN);
        for text in CONTACTS {
            if plain_email(text) || plain_contact_wording(text) {
                assert!(pattern.is_match(text), "{text:?}");
            }
            assert_eq!(has_contact(text), pattern.is_match(text), "{text:?}");
        }
        // The usual forms are found without the pattern.
        for text in ["write to foi@homeoffice.gov.uk", "to the address below", "www.gov.uk", "foi@a.b1.co"] {
            assert!(plain_email(text) || plain_contact_wording(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any arrangement of the pattern's pieces: where a scan says yes,
        /// so does the pattern.
        #[test]
        fn contact_scans_agree_with_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec![
            "@", ".", "-", "_", "a", "Z", "9", "uk", "gov", "\u{17f}", "\u{212a}", " ", "é", "http", "s", "://", "www",
            "address ", "below", "above", "at the top", "write", "writing", " to ", "us", "the", "SW1P", "4DF", "\n",
        ]), 0..16)) {
            let text = parts.concat();
            if plain_email(&text) || plain_contact_wording(&text) {
                proptest::prop_assert!(re(CONTACT_PATTERN).is_match(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn a_request_date_without_its_year_is_the_last_before_the_letter() {
        let sent = Date(time::macros::date!(2024 - 01 - 10));
        let text = "Thank you for your email of 27 December, in which you asked for the figures.";
        assert_eq!(received_before(text, sent).map(|d| d.iso()), Some("2023-12-27".to_string()));
        let text = "Thank you for your email of 3rd January about the figures.";
        assert_eq!(received_before(text, sent).map(|d| d.iso()), Some("2024-01-03".to_string()));
        assert_eq!(received_before("Thank you for your email of 3 January 2024.", sent), None);
    }

    #[test]
    fn the_letters_own_date_not_the_requests() {
        let ps = [
            para("OFFICIAL Our Ref: Date: IM-FOI-2018-1421 06 July 2018 FREEDOM OF INFORMATION (SCOTLAND) ACT 2002"),
            para("Our records from 1 April 2017 to 31 March 2018"),
        ];
        assert_eq!(letter_date(&ps).map(|d| d.iso()), Some("2018-07-06".to_string()));
        // No salutation: the head stops where the body starts.
        let ps = [
            para("TfL Ref: 3284-2223"),
            para(
                "Thank you for your request about a letter dated 30 September 2014 from the Commissioner to the Mayor.",
            ),
        ];
        assert_eq!(letter_date(&ps), None);
    }

    #[test]
    fn a_clarification_is_the_date_of_receipt() {
        let text = "Thank you for your email of 2 September 2024. On 4 September 2024 we wrote to you asking you to clarify it. You replied on 23 September 2024 clarifying that you want three years.";
        assert_eq!(clarified(text).map(|d| d.iso()), Some("2024-09-23".to_string()));
        assert_eq!(clarified("Please clarify your request by 30 October 2024."), None);
    }

    #[test]
    fn finds_dates_in_each_style() {
        let got: Vec<String> = dates("26 April 2017, 21st September 2023, 03/04/2017 and 2024-01-09; not 31 June 2020")
            .into_iter()
            .map(|(d, _)| d.iso())
            .collect();
        assert_eq!(got, ["2017-04-26", "2023-09-21", "2017-04-03", "2024-01-09"]);
    }

    #[test]
    fn finds_citations_only_where_exemptions_are_relied_on() {
        let ps = [
            para("We have decided that the list is exempt from disclosure under sections 24(1) and 41 of the Act."),
            para("You may complain under section 50 of the Act."),
            para("The information is excepted under regulations 12(4)(e) and 12(5)(f)."),
        ];
        let got: Vec<String> = citations(&ps).into_iter().map(|c| format!("{} {}", c.word, c.provision)).collect();
        assert_eq!(got, ["section 24(1)", "section 41", "regulation 12(4)(e)", "regulation 12(5)(f)"]);
    }

    /// Citations as practitioners abbreviate them, redactions, and a list
    /// of provisions under a sentence that relies on them.
    #[test]
    fn finds_citations_however_written() {
        let cited = |texts: &[&str]| -> Vec<String> {
            let ps: Vec<Paragraph> = texts.iter().map(|t| para(t)).collect();
            citations(&ps).into_iter().map(|c| format!("{} {}", c.word, c.provision)).collect()
        };
        for text in [
            "The rates are withheld under s.43(2) of the Act.",
            "The rates are withheld under s43(2) of the Act.",
            "The rates are withheld under S. 43(2) of the Act.",
            "The rates are withheld under sec. 43(2) of the Act.",
            "The hourly rates have been redacted under section 43(2).",
        ] {
            assert_eq!(cited(&[text]), ["section 43(2)"], "{text}");
        }
        assert_eq!(cited(&["The information is excepted under reg. 12(5)(e)."]), ["regulation 12(5)(e)"]);
        assert_eq!(
            cited(&[
                "We can neither confirm nor deny that we hold it, by virtue of the following exemptions:",
                "Section 30(3) – investigations",
                "• Section 31(3) – law enforcement",
                "Section 50 gives you the right to complain.",
            ]),
            ["section 30(3)", "section 31(3)"]
        );
        assert_eq!(cited(&["This letter's 4 pages are exempt from nothing."]), Vec::<String>::new());
        // A list after a sentence ending in a full stop, titles without a
        // dash; the Act named first; "not obliged" relies on a provision.
        assert_eq!(
            cited(&[
                "We will neither confirm nor deny that it is held, and rely on the following exemptions.",
                "S40(5) Personal Information",
                "FOIA Section 31(3) – law enforcement",
            ]),
            ["section 40(5)", "section 31(3)"]
        );
        assert_eq!(
            cited(&["In accordance with section 21 of the FOI Act, we are not obliged to supply a copy."]),
            ["section 21"]
        );
        let titled = |text: &str, regime| -> Vec<String> {
            titled_citations(&[para(text)], regime).into_iter().map(|c| format!("{} {}", c.word, c.provision)).collect()
        };
        assert_eq!(
            titled("The schedules are withheld under the commercial interests exemption.", RegimeId::Foia),
            ["section 43"]
        );
        assert_eq!(
            titled("It is exempt under the health and safety exemption of the FOIA.", RegimeId::Foia),
            ["section 38"]
        );
        assert!(
            titled("The commercial interests exemption is withheld under section 43(2).", RegimeId::Foia).is_empty()
        );
        assert!(titled("We considered the law enforcement position.", RegimeId::Foia).is_empty());
        let split: Vec<&str> = sentences("Withheld under s. 43(2). Fees are £1.50 each; see para. 5 below.").collect();
        assert_eq!(split, ["Withheld under s. 43(2).", "Fees are £1.50 each;", "see para. 5 below."]);
        // A sentence ending in a quotation mark or an accented word.
        let split: Vec<&str> = sentences("You asked for “the rates”. We hold them in Môn. Thank you.").collect();
        assert_eq!(split, ["You asked for “the rates”.", "We hold them in Môn.", "Thank you."]);
    }

    #[test]
    fn finds_facts() {
        assert_eq!(reference("FOI Ref: 43342 26 April 2017"), Some("43342".into()));
        assert_eq!(reference("Freedom of Information Request reference: 78814"), Some("78814".into()));
        assert_eq!(reference("Our ref: FOI/SB/2025/101\n12 May 2025"), Some("FOI/SB/2025/101".into()));
        assert_eq!(reference("Our ref: FOI 2024/3321\n15 March 2024"), Some("FOI 2024/3321".into()));
        assert_eq!(reference("our reference is 123"), None);
        assert_eq!(
            received("your request for information received on 14 February 2024 about").map(|d| d.iso()),
            Some("2024-02-14".into())
        );
        assert_eq!(
            received("Thank you for your email of 21st September 2023, in which").map(|d| d.iso()),
            Some("2023-09-21".into())
        );
        assert_eq!(regime("under the Environmental Information Regulations 2004"), RegimeId::Eir);
        let offered = [para("If you are unhappy, you can ask us to carry out a review within 40 working days.")];
        assert_eq!(review_paragraphs(offered.iter().enumerate()), [0]);
        // However an authority words the offer of a review.
        for offer in [
            "If you are unhappy with the way your request has been handled you may ask for it to be reviewed.",
            "You can ask the Council to review it by writing to us within 40 working days.",
            "You may ask us for a review within 40 working days.",
            "Contact us within 40 working days to ask for our decision to be reviewed, under regulation 11 of the EIR.",
            "You may require the Council to review its decision within 40 working days (section 20 of FOISA).",
            "If you would like us to review our decision, write to the Information Rights Team.",
        ] {
            assert_eq!(review_paragraphs([para(offer)].iter().enumerate()), [0], "{offer}");
        }
        for text in [
            "our letter of 3 April 2024 in which we needed further time, until 2 May 2024, to consider the public interest under section 10(3) of the Act.",
            "We wrote to extend the time under s10(3).",
            "we need more time to consider the public interest in disclosure",
        ] {
            assert!(extended(text), "{text}");
        }
        assert!(!extended("Section 10 of the Act sets a time limit of 20 working days."));
        assert_eq!(
            month_estimates("We expect to send our decision by the end of May 2024, or in June 2024.")
                .iter()
                .map(|d| d.iso())
                .collect::<Vec<_>>(),
            ["2024-05-31", "2024-06-30"]
        );
        assert!(month_estimates("We received it in May.").is_empty());
        for (text, iso) in [
            (
                "I refer to your email of 6 May 2024, received on that date, in which you required the Council to review its response to your request of 1 April 2024.",
                "2024-05-06",
            ),
            (
                "I write in response to your request for an internal review received on 24/04/2024, concerning the reply of 15/04/2024.",
                "2024-04-24",
            ),
            (
                "Thank you for your email of 7 May 2024 asking the Trust to review its response of 23 April 2024.",
                "2024-05-07",
            ),
        ] {
            assert_eq!(review_requested(text).map(|d| d.iso()), Some(iso.into()), "{text}");
        }
        assert_eq!(review_requested("Thank you for your request of 1 April 2024 for the report."), None);
        let work = para("To find them for your request we would have to review every file by hand.");
        assert!(review_paragraphs([work].iter().enumerate()).is_empty());
        let regulator = para("You may complain to the Information Commissioner once the review has been completed.");
        assert!(review_paragraphs([regulator].iter().enumerate()).is_empty());
        for (text, iso) in [
            ("Thank you for your request, which we received on 8 January 2024, for", "2024-01-08"),
            ("Your request was received by the Council on 1 July 2024 and", "2024-07-01"),
            ("We received your email on 3 May 2023.", "2023-05-03"),
            ("your request which the Information Office received on 2 June 2022", "2022-06-02"),
        ] {
            assert_eq!(received(text).map(|d| d.iso()), Some(iso.into()), "{text}");
        }
        assert_eq!(
            authority("sent by the Chief Executive of Anytown Borough Council"),
            Some("Anytown Borough Council".into())
        );
        assert_eq!(
            authority("Information Governance Team Anyshire County Council"),
            Some("Anyshire County Council".into())
        );
        assert_eq!(
            authority("Department for Examples Information Rights Team"),
            Some("Department for Examples".into())
        );
        assert_eq!(authority("Home Office"), Some("Home Office".into()));
        for (letterhead, name) in [
            (
                "Westbury and District NHS Foundation Trust\nInformation Governance Department\nTrust HQ, 1 Road",
                "Westbury and District NHS Foundation Trust",
            ),
            ("UNIVERSITY OF HARLOWMERE\nInformation Compliance Office\n\nOur ref: X", "UNIVERSITY OF HARLOWMERE"),
            (
                "Environment Protection Agency for England\nHorizon House\nBristol BS1 5AH",
                "Environment Protection Agency for England",
            ),
            (
                "Bwrdd Iechyd Prifysgol Dyffryn Teifi / Dyffryn Teifi University Health Board\nInformation Governance",
                "Dyffryn Teifi University Health Board",
            ),
            ("Freedom of Information Team\nSevernvale District Council\nLegal Services", "Severnvale District Council"),
            ("UNIVERSITY OF\nEASTBRIDGE\nInformation Compliance Office", "UNIVERSITY OF EASTBRIDGE"),
            ("Fenmarsh Internal Drainage\nBoard\nPO Box 1", "Fenmarsh Internal Drainage Board"),
            ("Northfield Community NHS\nFoundation Trust\nTrust HQ", "Northfield Community NHS Foundation Trust"),
            ("Home Office\nOffice for Security and Counter-Terrorism", "Home Office"),
        ] {
            let letter = format!("{letterhead}\n\nDear Ms Roe,\n\nThank you.");
            assert_eq!(letterhead_authority(&letter), Some(name.into()), "{letterhead}");
        }
        assert_eq!(
            received("your request for information received 3 June 2024.").map(|d| d.iso()),
            Some("2024-06-03".into())
        );
        let signed_below = [
            para("Dear Mr Jones,"),
            para("Body."),
            para("Yours sincerely,"),
            para("Information Officer"),
            para("29 April 2024"),
        ];
        assert_eq!(letter_date(&signed_below).map(|d| d.iso()), Some("2024-04-29".into()));
        assert_eq!(regime("under the Environmental Information (Scotland) Regulations 2004 (EISRs)"), RegimeId::Eisr);
        assert_eq!(
            placeholders("[ GIVE DETAILS ABOUT YOUR COMPLAINT HERE ] [Mr Gallagher] [DATE] {{name}} [insert date]"),
            ["[ GIVE DETAILS ABOUT YOUR COMPLAINT HERE ]", "[DATE]", "{{name}}", "[insert date]"]
        );
        // A drafter's gaps, not a hosting site's masking or a redaction.
        assert_eq!(
            placeholders(
                "<name> on XX/XX/XXXX [INSERT REFERENCE] [your reasons here] xxxxx@example.gov.uk [email address] [REDACTED] [FOI #5 email] <br>"
            ),
            ["<name>", "XX/XX/XXXX", "[INSERT REFERENCE]", "[your reasons here]"]
        );
    }

    #[test]
    fn tells_annex_headings_from_references() {
        let ps = [
            para("The statement is at Annex A below and the test in the attached Annex."),
            para("Annex A:"),
            para("Annex B"),
        ];
        assert_eq!(annex_headings(&ps), [(1, "Annex A".to_string()), (2, "Annex B".to_string())]);
        let refs = annex_references(&ps.iter().enumerate().collect::<Vec<_>>());
        assert_eq!(refs, [(0, "Annex A".to_string()), (0, "Annex".to_string())]);
    }
}
