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
}

/// Cross-field checks for a requester file.
pub fn facts(file: &RequesterFile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in file.arguments.iter().enumerate() {
        if a.trim().is_empty() {
            out.push((format!("arguments[{i}]"), "must not be empty".to_string()));
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

/// The commented starter printed by `foikit review --new`.
pub const STARTER: &str = include_str!("../../templates/starter/requester.yaml");
