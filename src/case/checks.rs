//! Rules a case must satisfy beyond its shape: field formats (called by the
//! `validator` derive) and facts that involve more than one field.

use std::borrow::Cow;

use validator::ValidationError;

use super::{AnnexKind, Case, Outcome};
use crate::law::Citation;

fn invalid(code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

/// References are what clerks file by: 1–40 letters, digits and `-/._`,
/// with at least one digit.
pub fn reference(r: &str) -> Result<(), ValidationError> {
    let ok_chars = r.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'));
    if r.is_empty() || r.len() > 40 || !ok_chars || !r.chars().any(|c| c.is_ascii_digit()) {
        return Err(invalid(
            "reference",
            format!(
                "`{r}` is not a reference: use 1–40 letters, digits, `-`, `/`, `.` or `_`, including a digit (e.g. 43342 or FOI-2024-0012)"
            ),
        ));
    }
    Ok(())
}

/// Text that must say something.
pub fn non_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() {
        return Err(invalid("blank", "must not be empty"));
    }
    Ok(())
}

/// Cross-field facts, each as (field path, message).
pub fn cross_field(case: &Case) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut err = |path: String, msg: String| out.push((path, msg));
    let regime = case.regime.regime();

    if case.request.received < regime.in_force {
        err(
            "request.received".into(),
            format!("the {} applies to requests received from {}", regime.act, regime.in_force),
        );
    }
    for (path, date) in [("request.received", case.request.received), ("response.date", case.response.date)] {
        if !crate::law::calendar::YEARS.contains(&date.0.year()) {
            let years = crate::law::calendar::YEARS;
            err(
                path.into(),
                format!("{date} is outside the years foikit has bank holidays for ({}–{})", years.start(), years.end()),
            );
        }
    }
    if case.response.date < case.request.received {
        err(
            "response.date".into(),
            format!(
                "the reply ({}) cannot be dated before the request was received ({})",
                case.response.date, case.request.received
            ),
        );
    }

    let withholds = matches!(case.response.outcome, Outcome::Partial | Outcome::Refusal);
    if withholds && case.exemptions.is_empty() {
        err(
            "exemptions".into(),
            format!("a refusal or partial release must cite at least one exemption ({})", regime.notice.specify),
        );
    }
    if withholds && case.response.withheld.as_deref().is_none_or(|w| w.trim().is_empty()) {
        err("response.withheld".into(), "say what is withheld, e.g. \"the names of the attendees\"".into());
    }
    if !withholds && !case.exemptions.is_empty() {
        err(
            "exemptions".into(),
            "a full release cites no exemptions: use `outcome: partial` if some information is withheld".into(),
        );
    }
    if !case.response.held && case.response.outcome != Outcome::Refusal {
        err("response.held".into(), "information that is not held cannot be released".into());
    }
    for (i, item) in case.response.body.iter().enumerate() {
        blank_texts(&mut err, &format!("response.body[{i}]"), item.texts());
    }

    for (i, ex) in case.exemptions.iter().enumerate() {
        let path = format!("exemptions[{i}]");
        match regime.cite(&ex.section) {
            Ok(c) if c.def.kind == crate::law::Kind::RefusalGround => err(
                format!("{path}.section"),
                format!(
                    "{} {} ({}) is a ground for refusing the whole request, not an exemption to withhold information under",
                    regime.provision_word, c.cited, c.def.title
                ),
            ),
            Ok(c) => exemption_facts(&mut err, &path, &c, ex, regime),
            Err(near) => err(
                format!("{path}.section"),
                format!(
                    "section {} is not an exemption in the {}{}",
                    ex.section,
                    regime.act,
                    near.map(|n| format!("; did you mean section {n}?")).unwrap_or_default()
                ),
            ),
        }
    }

    if case.review.email.is_none() && case.review.address.is_empty() {
        err(
            "review".into(),
            format!("give an `email` or an `address` for {} requests ({})", regime.review.name, regime.notice.review),
        );
    }

    if let Some(review) = &case.internal_review {
        if review.received < case.response.date {
            err(
                "internal_review.received".into(),
                format!(
                    "the review cannot be requested ({}) before the reply ({})",
                    review.received, case.response.date
                ),
            );
        }
        if review.date < review.received {
            err(
                "internal_review.date".into(),
                format!(
                    "the outcome ({}) cannot come before the review was requested ({})",
                    review.date, review.received
                ),
            );
        }
        if review.conclusion != crate::case::Conclusion::Upheld && review.released.is_empty() {
            err(
                "internal_review.released".into(),
                "a review that overturns the decision, wholly or in part, must say what is now released".into(),
            );
        }
    }
    for (i, annex) in case.annexes.iter().enumerate() {
        annex_facts(&mut err, &format!("annexes[{i}]"), annex, case);
    }
    out
}

fn blank_texts(err: &mut impl FnMut(String, String), path: &str, texts: &[String]) {
    if texts.is_empty() {
        err(path.to_string(), "an empty list: give at least one item".into());
    }
    for (j, t) in texts.iter().enumerate() {
        if t.trim().is_empty() {
            let p = if texts.len() == 1 && !path.ends_with(']') { path.to_string() } else { format!("{path}[{j}]") };
            err(p, "must not be empty".into());
        }
    }
}

fn exemption_facts(
    err: &mut impl FnMut(String, String),
    path: &str,
    c: &Citation,
    ex: &super::Exemption,
    regime: &crate::law::Regime,
) {
    let pi = &ex.public_interest;
    let word = regime.provision_word;
    let reasons = || format!("say why {word} {} applies ({})", c.cited, regime.notice.reasons);
    if let Some(hint) = c.limb_needed() {
        err(format!("{path}.section"), format!("{word} {} does not say which limb is relied on: {hint}", c.cited));
    }
    if c.qualified() {
        if ex.reasons.is_empty() && pi.against_disclosure.is_empty() {
            err(format!("{path}.reasons"), reasons());
        }
        if pi.for_disclosure.is_empty() || pi.against_disclosure.is_empty() {
            err(
                format!("{path}.public_interest"),
                format!(
                    "{word} {} is a qualified exemption: give the public interest factors `for` and `against` disclosure ({})",
                    c.cited,
                    c.public_interest_provision(regime.notice.public_interest)
                ),
            );
        }
    } else if ex.reasons.is_empty() {
        err(format!("{path}.reasons"), reasons());
    }
    for (key, texts) in [
        ("reasons", &ex.reasons),
        ("public_interest.for", &pi.for_disclosure),
        ("public_interest.against", &pi.against_disclosure),
    ] {
        if !texts.is_empty() {
            blank_texts(err, &format!("{path}.{key}"), texts);
        }
    }
}

fn annex_facts(err: &mut impl FnMut(String, String), path: &str, annex: &super::Annex, case: &Case) {
    let letter_fields = !annex.to.is_empty()
        || annex.date.is_some()
        || annex.salutation.is_some()
        || !annex.body.is_empty()
        || annex.closing.is_some()
        || !annex.signatories.is_empty();
    match annex.kind {
        AnnexKind::PublicInterest => {
            if case.exemptions.is_empty() {
                err(format!("{path}.kind"), "a public interest annex needs exemptions to weigh".into());
            }
            if annex.decided.is_none() {
                err(format!("{path}.decided"), "give the date the public interest test was decided".into());
            }
            if annex.balance.is_none() {
                err(format!("{path}.balance"), "say where the balance lies: `withhold` or `disclose`".into());
            }
            if letter_fields {
                err(
                    path.to_string(),
                    "`to`, `date`, `salutation`, `body`, `closing` and `signatories` belong to `kind: letter` annexes"
                        .into(),
                );
            }
        }
        AnnexKind::Letter => {
            if annex.body.is_empty() {
                err(format!("{path}.body"), "an annexed letter needs its text in `body`".into());
            }
            if annex.decided.is_some() || annex.balance.is_some() {
                err(path.to_string(), "`decided` and `balance` belong to `kind: public-interest` annexes".into());
            }
            for (i, item) in annex.body.iter().enumerate() {
                blank_texts(err, &format!("{path}.body[{i}]"), item.texts());
            }
        }
    }
}
