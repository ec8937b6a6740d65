//! The requester's side: requests for internal review and complaints to the
//! Commissioner, drafted from the reply the requester received.
//!
//! The reply may be a foikit case file or a letter from anyone (DOCX, PDF,
//! text); either way it becomes a [`Reply`] (the facts a requester's letter
//! needs) plus the validator's findings on it, which become grounds.

mod reply;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::case::Date;

pub use reply::{Reply, today};

/// What the requester writes in a requester file (YAML, JSON or TOML).
/// Everything is optional: without it, the name and contact come from the
/// reply and the letter makes only the arguments foikit can make itself.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct RequesterFile {
    /// The requester's name as they sign.
    #[serde(default)]
    #[validate(length(min = 1, message = "must not be empty"))]
    pub name: Option<String>,
    /// Their e-mail address.
    #[serde(default)]
    #[validate(email(message = "is not a valid e-mail address"))]
    pub email: Option<String>,
    /// Their postal address lines.
    #[serde(default)]
    pub address: Vec<String>,
    /// The date of the letter being drafted (default: today, or
    /// SOURCE_DATE_EPOCH when set).
    #[serde(default)]
    pub date: Option<Date>,
    /// The requester's own arguments, paragraph by paragraph.
    #[serde(default)]
    pub arguments: Vec<String>,
    /// Arguments about particular exemptions, keyed by the section as the
    /// reply cites it ("24(1)", "41").
    #[serde(default)]
    pub exemptions: BTreeMap<String, Vec<String>>,
    /// For a complaint: when the internal review was requested.
    #[serde(default)]
    pub review_requested: Option<Date>,
    /// For a complaint: when the review outcome arrived (omit if none came).
    #[serde(default)]
    pub review_outcome: Option<Date>,
    /// For a complaint: what the requester asks the Commissioner to do.
    #[serde(default)]
    pub remedy: Vec<String>,
    /// For a complaint: documents attached (the request, the reply, …).
    #[serde(default)]
    pub attachments: Vec<String>,
    /// Grounds foikit generates from its findings that the requester does
    /// not want to make, by rule code ("FOI203").
    #[serde(default)]
    pub drop: Vec<String>,
    /// When the Commissioner's decision notice was sent, for the appeal's
    /// date in a complaint's chronology.
    #[serde(default)]
    pub decision_notice: Option<Date>,
}

/// Cross-field checks for a requester file.
pub fn facts(file: &RequesterFile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in file.arguments.iter().enumerate() {
        if a.trim().is_empty() {
            out.push((format!("arguments[{i}]"), "must not be empty".to_string()));
        }
    }
    for (i, code) in file.drop.iter().enumerate() {
        if crate::check::rules::find(code).is_none() {
            out.push((format!("drop[{i}]"), format!("`{code}` is not a rule code (see `foikit rules`)")));
        }
    }
    if let (Some(asked), Some(outcome)) = (file.review_requested, file.review_outcome)
        && outcome < asked
    {
        out.push((
            "review_outcome".into(),
            format!("the review outcome ({outcome}) cannot come before the review was requested ({asked})"),
        ));
    }
    out
}

/// The provisions a requester's own arguments name that the reply does not
/// rely on: a point about an exemption the authority never cited is usually
/// a slip (the wrong section number) or belongs in another letter.
pub fn uncited_sections(reply: &Reply, who: &RequesterFile) -> Vec<String> {
    use std::sync::LazyLock;
    static MENTION: LazyLock<regex::Regex> = LazyLock::new(|| {
        crate::read::pattern::re(
            r"(?i)\b(?:sections?|regulations?|regs?\.?|s\.)\s*\d+[A-Z]?(?:\([0-9A-Za-z]+\))*(?:\s*(?:,|&|and)\s*(?:(?:sections?|regulations?|s\.)\s*)?(?:\d+[A-Z]?)?(?:\([0-9A-Za-z]+\))+|\s*(?:,|&|and)\s*(?:sections?\s*)?\d+[A-Z]?)*",
        )
    });
    let law = reply.regime.regime();
    let cited: Vec<&str> = reply.exemptions.iter().filter_map(|c| law.cite(c).ok()).map(|c| c.def.section).collect();
    let mut named: Vec<String> =
        who.exemptions.keys().flat_map(|k| crate::law::exemption::split_citations(k)).collect();
    for a in who.arguments.iter().chain(who.exemptions.values().flatten()) {
        named.extend(MENTION.find_iter(a).flat_map(|m| crate::law::exemption::split_citations(m.as_str())));
    }
    let relied = if reply.exemptions.is_empty() { "none".to_string() } else { reply.exemptions.join(", ") };
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for n in named {
        let Ok(c) = law.cite(&n) else { continue };
        if cited.contains(&c.def.section) || seen.contains(&c.def.section) {
            continue;
        }
        seen.push(c.def.section);
        out.push(format!(
            "your arguments name {} {n}, which the reply does not rely on (it cites: {relied})",
            law.provision_word
        ));
    }
    out
}

/// The commented starter printed by `foikit review --new`.
pub const STARTER: &str = include_str!("../../templates/starter/requester.yaml");
