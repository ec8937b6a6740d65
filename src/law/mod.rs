//! Legal facts as data, each with its source. Nothing else in foikit spells
//! out a section number, an Act's name or a commissioner: templates and the
//! validator take them from here.

mod foia;

use serde::{Deserialize, Serialize};

use crate::case::Date;

/// An access-to-information regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegimeId {
    /// Freedom of Information Act 2000 (England, Wales, Northern Ireland, UK-wide bodies).
    #[default]
    Foia,
}

/// What a letter needs to know about a regime.
#[derive(Debug, Clone, Serialize)]
pub struct Regime {
    /// Which regime.
    pub id: RegimeId,
    /// The Act's full title, e.g. "Freedom of Information Act 2000".
    pub act: &'static str,
    /// The short form letters use, e.g. "FOI Act".
    pub act_short: &'static str,
    /// The regulator a requester complains to.
    pub commissioner: &'static str,
    /// The provision giving the right to complain, e.g. "section 50".
    pub complaint_provision: &'static str,
    /// First day requests could be made under the regime.
    #[serde(skip)]
    pub in_force: Date,
    /// Where these facts come from.
    pub source: &'static str,
    /// The exemptions (Part II for FOIA).
    #[serde(skip)]
    pub exemptions: &'static [ExemptionDef],
}

/// One exemption as the statute defines it.
#[derive(Debug, Clone, Copy)]
pub struct ExemptionDef {
    /// Section number, e.g. "24" or "22A".
    pub section: &'static str,
    /// The section's heading in the Act.
    pub title: &'static str,
    /// Absolute under s2(3): no public interest test. Where only some
    /// subsections are absolute (s36, s37, s40), this is false and
    /// `absolute_subsections` lists them.
    pub absolute: bool,
    /// Subsections that are absolute although the section is not.
    pub absolute_subsections: &'static [&'static str],
    /// Statutory wording of subsections letters quote, keyed by subsection.
    pub provisions: &'static [(&'static str, &'static str)],
    /// A legal point letters make about this exemption's public interest.
    pub public_interest_note: Option<&'static str>,
}

/// An exemption cited in a case, resolved against the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Citation<'a> {
    /// As cited, e.g. "24(1)".
    pub cited: &'a str,
    /// The subsection part, e.g. "(1)", or "" for the whole section.
    pub subsection: &'a str,
    /// The statute's definition.
    pub def: &'static ExemptionDef,
}

impl Citation<'_> {
    /// Whether a public interest test is required (s2(1)(b), s2(2)(b)).
    pub fn qualified(&self) -> bool {
        !self.def.absolute && !self.def.absolute_subsections.iter().any(|s| self.subsection.starts_with(s))
    }

    /// The statutory wording for the cited provision, if catalogued: the
    /// cited subsection, or the section's first subsection when the whole
    /// section is cited.
    pub fn provision(&self) -> Option<(&'static str, &'static str)> {
        let want = if self.subsection.is_empty() { "(1)" } else { self.subsection };
        self.def.provisions.iter().find(|(sub, _)| want.starts_with(sub)).copied()
    }
}

impl RegimeId {
    /// The regime's facts.
    pub fn regime(self) -> &'static Regime {
        match self {
            RegimeId::Foia => &foia::FOIA,
        }
    }
}

impl Regime {
    /// Resolves a citation such as "24(1)" or "41". `Err` carries the nearest
    /// section that does exist, for the "did you mean" hint.
    pub fn cite<'a>(&self, cited: &'a str) -> Result<Citation<'a>, Option<&'static str>> {
        let cited = cited.trim();
        let split = cited.find('(').unwrap_or(cited.len());
        let (number, subsection) = cited.split_at(split);
        let number = number.trim().trim_start_matches(['s', 'S']).trim_start_matches("ection").trim();
        let well_formed = subsection.is_empty() || is_subsection_path(subsection);
        match self.exemptions.iter().find(|d| d.section.eq_ignore_ascii_case(number)) {
            Some(def) if well_formed => Ok(Citation { cited, subsection, def }),
            Some(def) => Err(Some(def.section)),
            None => Err(self.nearest(number)),
        }
    }

    fn nearest(&self, number: &str) -> Option<&'static str> {
        let n: i32 = number.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
        self.exemptions
            .iter()
            .min_by_key(|d| (d.section.trim_end_matches(|c: char| c.is_alphabetic()).parse::<i32>().unwrap_or(0) - n).abs())
            .map(|d| d.section)
    }
}

/// "(1)", "(1)(a)", "(2)(b)(i)": balanced groups of alphanumerics.
fn is_subsection_path(s: &str) -> bool {
    let mut rest = s.trim();
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
        rest = inner[close + 1..].trim_start();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_sections_and_subsections() {
        let foia = RegimeId::Foia.regime();
        let c = foia.cite("24(1)").unwrap();
        assert_eq!(c.def.title, "National security");
        assert!(c.qualified());
        assert!(c.provision().unwrap().1.contains("safeguarding national security"));
        let c = foia.cite("41").unwrap();
        assert!(!c.qualified());
        assert!(c.provision().is_some());
        assert!(!foia.cite("40(2)").unwrap().qualified() || foia.cite("40(2)").unwrap().def.absolute_subsections.is_empty());
        assert!(foia.cite("40(1)").map(|c| !c.qualified()).unwrap());
        assert_eq!(foia.cite("25").unwrap_err(), Some("24"));
        assert_eq!(foia.cite("24(").unwrap_err(), Some("24"));
        assert_eq!(foia.cite("99").unwrap_err(), Some("44"));
    }
}
