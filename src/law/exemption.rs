//! Exemptions (FOIA, FOISA), exceptions (EIR) and refusal grounds (FOIA
//! s12, s14) as the statute defines them, and citations resolved against
//! them.

use serde::Serialize;

/// What a provision is, for a letter's purposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An exemption or exception: information is withheld under it.
    Exemption,
    /// A ground for refusing the whole request (FOIA s12 cost, s14
    /// vexatious or repeated; FOISA s12, s14): no exemption is engaged and
    /// no public interest test applies, but a notice is still required
    /// (FOIA s17(5), FOISA s16(4)/(5)).
    RefusalGround,
}

/// The test that engages the provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Harm {
    /// A class of information: no harm need be shown.
    Class,
    /// Disclosure "would, or would be likely to, prejudice" (FOIA).
    Prejudice,
    /// Disclosure "would, or would be likely to, prejudice substantially" (FOISA).
    SubstantialPrejudice,
    /// Exemption "is required for the purpose of" (FOIA s24, s34; FOISA s31).
    RequiredFor,
    /// Disclosure "would, or would be likely to, endanger" (FOIA s38; FOISA s39).
    Endangerment,
    /// Disclosure "would adversely affect" (EIR reg 12(5)).
    AdverselyAffect,
    /// The test is the cost of compliance (s12).
    Cost,
    /// The request's character (s14: vexatious or repeated; EIR 12(4)(b) manifestly unreasonable).
    Conduct,
}

impl Harm {
    /// The test in a few words, for lists and hints ("prejudice").
    pub fn describe(self) -> &'static str {
        match self {
            Harm::Class => "class-based",
            Harm::Prejudice => "prejudice",
            Harm::SubstantialPrejudice => "substantial prejudice",
            Harm::RequiredFor => "\"required for\"",
            Harm::Endangerment => "endangerment",
            Harm::AdverselyAffect => "adverse effect",
            Harm::Cost => "cost",
            Harm::Conduct => "the request's character",
        }
    }
}

/// One provision as the statute defines it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ExemptionDef {
    /// The provision a citation starts with: "24", "22A", or for EIR the
    /// whole exception "12(4)(a)"; "13" for EIR personal data.
    pub section: &'static str,
    /// The heading in the legislation (EIR: a short description).
    pub title: &'static str,
    /// Exemption or refusal ground.
    pub kind: Kind,
    /// Absolute (no public interest test) for the whole provision.
    pub absolute: bool,
    /// Subsections that are absolute although the provision is not
    /// (FOIA s36 for the Houses, s37(1)(a)–(ab), s40(1), s40(2) first condition).
    pub absolute_subsections: &'static [&'static str],
    /// Authorities, by the words of their name, for which the whole
    /// provision is absolute (FOIA s2(3)(e): s36 "so far as relating to
    /// information held by the House of Commons or the House of Lords").
    pub absolute_when_held_by: &'static [&'static str],
    /// The engaging test.
    pub harm: Harm,
    /// The provision removing the duty to confirm or deny, e.g. "24(2)".
    pub ncnd: Option<&'static str>,
    /// Subsections letters cite, e.g. ["(1)", "(2)"] or ["(1)(a)", "(1)(b)"]:
    /// a citation must match one of these, be a prefix of one, or extend one.
    pub subsections: &'static [&'static str],
    /// Statutory wording of subsections letters quote, keyed by subsection.
    pub provisions: &'static [(&'static str, &'static str)],
    /// A legal point letters make about this provision's public interest.
    pub public_interest_note: Option<&'static str>,
    /// Where a qualified citation of this provision takes its public
    /// interest test from, when not the regime's general provision (EIR
    /// reg 13(1)(b) has its own test, outside reg 12(1)(b)).
    pub public_interest_provision: Option<&'static str>,
    /// Why no public interest test is applied although the statute does not
    /// list the provision as absolute (EIR reg 12(4)(a): nothing is held, so
    /// there is nothing to weigh), with its source.
    pub no_public_interest_test: Option<&'static str>,
    /// Citations (as subsection paths, "" for the bare provision) that do not
    /// say which limb is relied on where the limbs differ in whether a
    /// public interest test applies (FOIA "40", EIR "13" or "13(1)").
    pub undecided: &'static [&'static str],
    /// What to cite instead of an undecided citation.
    pub limb_hint: Option<&'static str>,
    /// Whose opinion engages the provision, when the statute makes the harm
    /// a matter of someone's judgement (FOIA s36(2): "in the reasonable
    /// opinion of a qualified person"), as a letter names them.
    pub opinion_of: Option<&'static str>,
    /// Where the facts above come from.
    pub source: &'static str,
}

impl ExemptionDef {
    /// Whether and how the public interest test applies, in a few words:
    /// "absolute", "qualified", "qualified; absolute: 40(1)", "refusal ground".
    pub fn test(&self) -> String {
        match (self.kind, self.absolute, self.absolute_subsections) {
            (Kind::RefusalGround, _, _) => "refusal ground".to_string(),
            _ if self.no_public_interest_test.is_some() => "no public interest test".to_string(),
            (_, true, _) => "absolute".to_string(),
            (_, false, []) => "qualified".to_string(),
            (_, false, subs) => format!(
                "qualified; absolute: {}",
                subs.iter().map(|s| format!("{}{s}", self.section)).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

/// A provision cited in a case, resolved against the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Citation<'a> {
    /// As cited, e.g. "24(1)".
    pub cited: &'a str,
    /// The subsection part after the provision, e.g. "(1)", or "".
    pub subsection: &'a str,
    /// The statute's definition.
    pub def: &'static ExemptionDef,
}

impl Citation<'_> {
    /// Whether the provision is absolute for information held by the
    /// authority named `authority` ([`ExemptionDef::absolute_when_held_by`]).
    pub fn absolute_for(&self, authority: &str) -> bool {
        let name = authority.to_ascii_lowercase();
        self.def.absolute_when_held_by.iter().any(|holder| name.contains(holder))
    }

    /// Whether a public interest test is required. An undecided citation
    /// (see [`Citation::limb_needed`]) is taken as qualified, the safer
    /// reading, so that a case file still gives the factors.
    pub fn qualified(&self) -> bool {
        self.def.kind == Kind::Exemption
            && !self.def.absolute
            && self.def.no_public_interest_test.is_none()
            && !self
                .def
                .absolute_subsections
                .iter()
                .any(|s| !self.subsection.is_empty() && self.subsection.starts_with(s))
    }

    /// When the citation does not say which limb is relied on and the limbs
    /// differ in whether a public interest test applies: what to cite.
    pub fn limb_needed(&self) -> Option<&'static str> {
        let sub: String = self.subsection.chars().filter(|c| !c.is_whitespace()).collect();
        self.def.limb_hint.filter(|_| self.def.undecided.iter().any(|u| u.eq_ignore_ascii_case(&sub)))
    }

    /// The provision requiring the public interest reasons for this
    /// citation: its own (EIR reg 13(1)(b)) or the regime's general one.
    pub fn public_interest_provision(&self, regime_default: &'static str) -> &'static str {
        self.def.public_interest_provision.unwrap_or(regime_default)
    }

    /// The statutory wording for the cited provision, if catalogued: the
    /// cited subsection, or the first catalogued one when the whole
    /// provision is cited.
    pub fn provision(&self) -> Option<(&'static str, &'static str)> {
        if self.subsection.is_empty() {
            return self.def.provisions.first().copied();
        }
        self.def.provisions.iter().find(|(sub, _)| self.subsection.starts_with(sub)).copied()
    }
}

/// Strips "s", "s.", "section", "reg", "regulation" from a citation.
fn bare(cited: &str) -> &str {
    let lower = cited.to_ascii_lowercase();
    for prefix in ["regulation", "section", "reg.", "reg", "s.", "s"] {
        if lower.starts_with(prefix) && cited[prefix.len()..].trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            return cited[prefix.len()..].trim_start();
        }
    }
    cited
}

/// Resolves `cited` against `defs`: the longest provision the citation
/// starts with, followed by a well-formed subsection path that the
/// catalogue knows. `Err` carries the nearest provision for a hint.
pub fn cite<'a>(defs: &'static [ExemptionDef], cited: &'a str) -> Result<Citation<'a>, Option<&'static str>> {
    let cited = cited.trim();
    let b = bare(cited);
    let compact: String = b.chars().filter(|c| !c.is_whitespace()).collect();
    let best = defs
        .iter()
        // `get`, not slicing: the citation is the clerk's text, and its
        // first bytes may be part of a non-ASCII character.
        .filter(|d| compact.get(..d.section.len()).is_some_and(|p| p.eq_ignore_ascii_case(d.section)))
        .filter(|d| compact.get(d.section.len()..).is_some_and(|rest| rest.is_empty() || rest.starts_with('(')))
        .max_by_key(|d| d.section.len());
    let Some(def) = best else { return Err(nearest(defs, &compact)) };
    // The subsection starts after the provision's own characters (which may
    // contain brackets, as EIR "12(5)(f)" does); index into the original
    // text, skipping spaces, so `subsection` borrows from it.
    let mut seen = 0;
    let sub_start = b.char_indices().find(|(_, c)| {
        if seen == def.section.len() {
            return true;
        }
        if !c.is_whitespace() {
            seen += c.len_utf8();
        }
        false
    });
    let subsection = sub_start.map_or("", |(i, _)| b[i..].trim());
    let sub_compact: String = subsection.chars().filter(|c| !c.is_whitespace()).collect();
    let known = sub_compact.is_empty()
        || (is_subsection_path(&sub_compact)
            && (def.subsections.is_empty()
                || def.subsections.iter().any(|s| s.starts_with(sub_compact.as_str()) || sub_compact.starts_with(s))));
    if known { Ok(Citation { cited, subsection, def }) } else { Err(Some(def.section)) }
}

/// Splits a citation of several provisions or limbs into single citations:
/// "31(1)(a) & (e)" → "31(1)(a)", "31(1)(e)"; "sections 24(1) and 41" →
/// "24(1)", "41"; "40(2) and (3A)(a)" → "40(2)", "40(3A)(a)". A part that
/// starts with a bracket continues the previous citation, replacing as many
/// of its last brackets as it has (never the number itself). Parts that are
/// not citations are dropped.
pub fn split_citations(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in text.split([',', '&', '/', ';']) {
        for part in split_and(chunk) {
            let compact: String = part.chars().filter(|c| !c.is_whitespace()).collect();
            let bare = strip_words(&compact);
            if bare.starts_with('(') {
                let Some(prev) = out.last() else { continue };
                let brackets: Vec<usize> = prev.match_indices('(').map(|(i, _)| i).collect();
                let keep = brackets.len().saturating_sub(bare.matches('(').count());
                let cut = brackets.get(keep).copied().unwrap_or(prev.len());
                out.push(format!("{}{bare}", &prev[..cut]));
            } else if bare.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(bare.to_string());
            }
        }
    }
    out
}

/// `text` split at the word "and".
fn split_and(text: &str) -> Vec<&str> {
    let lower = text.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in lower.match_indices("and") {
        let before = lower[..i].chars().next_back();
        let after = lower[i + 3..].chars().next();
        let word =
            before.is_none_or(|c| c.is_whitespace() || c == ')') && after.is_none_or(|c| c.is_whitespace() || c == '(');
        if word && i >= start {
            parts.push(&text[start..i]);
            start = i + 3;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Drops a leading "section(s)", "regulation(s)", "reg", "s." or "s".
fn strip_words(compact: &str) -> &str {
    let lower = compact.to_ascii_lowercase();
    for w in ["regulations", "regulation", "sections", "section", "regs.", "regs", "reg.", "reg", "ss.", "ss", "s."] {
        if lower.starts_with(w) {
            return &compact[w.len()..];
        }
    }
    if lower.starts_with('s') && compact[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return &compact[1..];
    }
    compact
}

/// The provision whose number is closest to the citation's.
fn nearest(defs: &'static [ExemptionDef], compact: &str) -> Option<&'static str> {
    let number = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<i64>().ok();
    let n = number(compact)?;
    defs.iter()
        .filter(|d| d.kind == Kind::Exemption)
        .min_by_key(|d| number(d.section).map_or(i64::MAX, |m| (m - n).abs()))
        .map(|d| d.section)
}

/// "(1)", "(1)(a)", "(2)(b)(i)": groups of letters and digits in brackets.
fn is_subsection_path(s: &str) -> bool {
    let mut rest = s;
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix('(') else { return false };
        let Some(close) = inner.find(')') else { return false };
        let part = &inner[..close];
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
        rest = &inner[close + 1..];
    }
    true
}

#[cfg(test)]
mod split_tests {
    use super::split_citations;

    #[test]
    fn multi_limb_citations_split() {
        assert_eq!(split_citations("31(1)(a) & (e)"), ["31(1)(a)", "31(1)(e)"]);
        assert_eq!(split_citations("sections 24(1) and 41"), ["24(1)", "41"]);
        assert_eq!(split_citations("40(2) and (3A)(a)"), ["40(2)", "40(3A)(a)"]);
        assert_eq!(split_citations("regulation 12(5)(b) and (e)"), ["12(5)(b)", "12(5)(e)"]);
        assert_eq!(split_citations("s.43(2), s 41"), ["43(2)", "41"]);
        assert_eq!(split_citations("41 and (2)"), ["41", "41(2)"]);
        assert_eq!(split_citations("Sandwich and nothing"), Vec::<String>::new());
        assert_eq!(split_citations("22A"), ["22A"]);
    }
}
