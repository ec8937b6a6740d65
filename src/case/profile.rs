//! Authority profiles: the letterhead, review contact, sign-off and privacy
//! notice an authority uses on every letter, in one YAML file that many
//! case files name with `profile: council.yaml` (relative to the case file).
//! A case's own `authority`, `review`, `sign_off`, `privacy_notice` or
//! `house` replaces the profile's. The Home Office house style is one such profile
//! (`fixtures/profiles/home-office.yaml`).

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::{Authority, Review, SignOff};

/// What a profile may hold: the parts of a case that belong to the authority.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The letterhead, house style and cost-limit class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub authority: Option<Authority>,
    /// Where reviews are asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub review: Option<Review>,
    /// Who signs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub sign_off: Option<SignOff>,
    /// The information-rights privacy notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(url(message = "must be a full URL, e.g. https://www.gov.uk/..."))]
    pub privacy_notice: Option<String>,
    /// Logo, body font, footer and running header; files named here are
    /// relative to the profile's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub house: Option<super::House>,
}

/// A profile has no facts beyond its fields' own rules.
pub fn facts(_: &Profile) -> Vec<(String, String)> {
    Vec::new()
}

/// The profile's blocks added to `case` where the case has none of its own.
pub fn fill(case: &mut serde_json::Value, profile: &Profile) {
    let (Some(case), Ok(serde_json::Value::Object(blocks))) = (case.as_object_mut(), serde_json::to_value(profile))
    else {
        return;
    };
    for (key, value) in blocks {
        case.entry(key).or_insert(value);
    }
}
