//! Checks on the decision: the single-decision form, one decision per item,
//! or a refusal of the whole request; and on a holding notice. Each names
//! the provision the law has for it in the case's regime, or says what to
//! use where the regime has none.

use super::checks::{blank_texts, exemption};
use super::{Case, Decision, Extension, Ground, Item, Outcome, Refusal, Response};
use crate::law::cost_limit;

type Err<'a> = &'a mut dyn FnMut(String, String);

/// The response: exactly one form, each complete.
pub(super) fn response(err: Err, case: &Case, r: &Response) {
    let single = r.outcome.is_some() || r.held.is_some();
    let forms = usize::from(single) + usize::from(!r.items.is_empty()) + usize::from(r.refusal.is_some());
    if forms == 0 {
        err(
            "response".into(),
            "give one decision per item in `items`, a refusal of the whole request in `refusal`, or one `outcome` for the whole request".into(),
        );
        return;
    }
    if forms > 1 {
        err("response".into(), "give only one of `items`, `refusal` and `outcome`/`held`".into());
        return;
    }
    for (i, item) in r.body.iter().enumerate() {
        blank_texts(&mut *err, &format!("response.body[{i}]"), item.texts());
    }
    if single {
        single_decision(err, case, r);
    } else if !case.exemptions.is_empty() {
        err(
            "exemptions".into(),
            "with `items` or `refusal`, give exemptions under the item they apply to; the case's own list is for `outcome`"
                .into(),
        );
    }
    for (i, item) in r.items.iter().enumerate() {
        self::item(err, case, &format!("response.items[{i}]"), item);
    }
    // The decision record says "the information is exempt", which would
    // reveal that information neither confirmed nor denied exists.
    let ncnd = r.items.iter().any(|i| i.decision == Decision::Ncnd);
    for (i, annex) in case.annexes.iter().enumerate() {
        if ncnd && annex.kind == super::AnnexKind::PublicInterest {
            err(
                format!("annexes[{i}].kind"),
                "a reply that neither confirms nor denies cannot attach a public interest decision record, which states that the information is exempt (and so held): give the public interest in each exemption instead".into(),
            );
        }
    }
    if let Some(refusal) = &r.refusal {
        self::refusal(err, case, refusal);
    }
}

fn single_decision(err: Err, case: &Case, r: &Response) {
    let held = r.held.unwrap_or(true);
    if !held {
        if matches!(r.outcome, Some(Outcome::Release | Outcome::Partial)) {
            err("response.held".into(), "information that is not held cannot be released".into());
        }
        return;
    }
    let Some(outcome) = r.outcome else {
        err("response.outcome".into(), "say what was decided: `release`, `partial` or `refusal`".into());
        return;
    };
    let withholds = matches!(outcome, Outcome::Partial | Outcome::Refusal);
    if withholds && case.exemptions.is_empty() {
        err(
            "exemptions".into(),
            format!(
                "a refusal or partial release must cite at least one {} ({})",
                case.regime.kinds().exemption_word,
                case.regime.regime().notice.specify
            ),
        );
    }
    if withholds && r.withheld.as_deref().is_none_or(|w| w.trim().is_empty()) {
        err("response.withheld".into(), "say what is withheld, e.g. \"the names of the attendees\"".into());
    }
    if !withholds && !case.exemptions.is_empty() {
        err(
            "exemptions".into(),
            "a full release cites no exemptions: use `outcome: partial` if some information is withheld".into(),
        );
    }
}

fn item(err: Err, case: &Case, path: &str, item: &Item) {
    let law = case.regime.kinds();
    let word = law.exemption_word;
    let needs = |err: Err, field: &str, present: bool, what: &str| {
        if !present {
            err(format!("{path}.{field}"), what.to_string());
        }
    };
    let released = !item.body.is_empty() || item.annex.is_some();
    let cites = !item.exemptions.is_empty();
    match item.decision {
        Decision::Released => {
            needs(err, "body", released, "say what is released in `body`, or the `annex` it is in");
            needs(err, "exemptions", !cites, "a released item cites nothing: use `part-released` if some is withheld");
        }
        Decision::PartReleased => {
            needs(err, "body", released, "say what is released in `body`, or the `annex` it is in");
            needs(err, "withheld", item.withheld.is_some(), "say what is withheld, e.g. \"the names of junior staff\"");
            needs(err, "exemptions", cites, &format!("cite the {word} the withheld part falls under"));
        }
        Decision::Withheld => {
            needs(err, "exemptions", cites, &format!("cite the {word} the information falls under"));
        }
        Decision::NotHeld => {
            needs(err, "search", item.search.is_some(), "say what searches were made (where, and for what)");
            needs(err, "exemptions", !cites, "information that is not held is not withheld: cite nothing");
        }
        Decision::Ncnd => {
            needs(err, "exemptions", cites, &format!("cite the {word} whose neither-confirm-nor-deny provision applies"));
            needs(
                err,
                "body",
                item.body.is_empty() && item.annex.is_none() && item.search.is_none() && item.holder.is_none(),
                "a neither-confirm-nor-deny item says nothing else: anything released or searched reveals whether it is held",
            );
            for (j, ex) in item.exemptions.iter().enumerate() {
                if let Err(message) = case.regime.ncnd(&ex.section) {
                    err(format!("{path}.exemptions[{j}].section"), message);
                }
            }
        }
        Decision::Accessible => match law.accessible {
            Some(section) => {
                needs(err, "location", item.location.is_some(), "say where the requester can find it (a URL or a place)");
                needs(
                    err,
                    "exemptions",
                    !cites,
                    &format!("the letter cites section {section} itself: give only `location`"),
                );
            }
            None => err(
                format!("{path}.decision"),
                "the EIR have no exception for information accessible elsewhere: release it, saying where it is published (regulation 6(1)(b))".into(),
            ),
        },
        Decision::FuturePublication => match law.future_publication {
            Some(section) => {
                needs(err, "publication", item.publication.is_some(), "say when and where it will be published");
                let cites_it = item
                    .exemptions
                    .iter()
                    .any(|e| case.regime.regime().cite(&e.section).is_ok_and(|c| c.def.section == section));
                needs(
                    err,
                    "exemptions",
                    cites_it,
                    &format!(
                        "cite section {section} with its public interest factors: it is a qualified exemption"
                    ),
                );
            }
            None => err(
                format!("{path}.decision"),
                "the EIR have no exception for future publication: consider regulation 12(4)(d) (material in the course of completion) as a `withheld` item".into(),
            ),
        },
    }
    for (j, ex) in item.exemptions.iter().enumerate() {
        exemption(&mut *err, case, &format!("{path}.exemptions[{j}]"), ex);
    }
    for (key, texts) in [("reasons", &item.reasons)] {
        if !texts.is_empty() {
            blank_texts(&mut *err, &format!("{path}.{key}"), texts);
        }
    }
}

fn refusal(err: Err, case: &Case, r: &Refusal) {
    let law = case.regime.kinds();
    if law.cost_notice.is_none() {
        err("response.refusal".into(), law.instead_of_ground.to_string());
        return;
    }
    match r.ground {
        Ground::CostLimit => {
            let Some(limit) = cost_limit::limit(case.regime, case.authority.limit) else { return };
            if r.estimate.is_empty() {
                err(
                    "response.refusal.estimate".into(),
                    format!("give the estimate: each activity and its hours ({})", limit.activities),
                );
            } else {
                let hours: f64 = r.estimate.iter().map(|a| a.hours).sum();
                if !limit.exceeds(hours) {
                    err(
                        "response.refusal.estimate".into(),
                        format!(
                            "{hours} hours at £{} an hour is within the £{} limit ({} hours): the request must be answered",
                            limit.rate,
                            limit.pounds,
                            limit.hours()
                        ),
                    );
                }
            }
            if r.advice.is_empty() {
                err(
                    "response.refusal.advice".into(),
                    format!(
                        "say what could be provided within the limit, or how to narrow the request ({})",
                        case.regime.regime().notice.advice
                    ),
                );
            }
        }
        Ground::Vexatious => {
            if r.reasons.is_empty() {
                err("response.refusal.reasons".into(), "say why the request is vexatious".into());
            }
        }
        Ground::Repeated => {
            if r.previous.is_none() {
                err(
                    "response.refusal.previous".into(),
                    "give the earlier request it repeats (`received`, `answered`)".into(),
                );
            }
        }
    }
    if r.ground != Ground::CostLimit && !r.estimate.is_empty() {
        err("response.refusal.estimate".into(), "an estimate belongs to a cost-limit refusal".into());
    }
    for (key, texts) in [("advice", &r.advice), ("reasons", &r.reasons)] {
        if !texts.is_empty() {
            blank_texts(&mut *err, &format!("response.refusal.{key}"), texts);
        }
    }
}

/// A holding notice: FOIA s17(2) names the exemptions and estimates a
/// date; the EIR extend to 40 working days (reg 7(1)); FOISA has none.
pub(super) fn extension(err: Err, case: &Case, ext: &Extension) {
    let Some(provision) = case.regime.kinds().extension else {
        err(
            "extension".into(),
            format!(
                "the {} allows no extension of time: reply within 20 working days (section 10(1))",
                case.regime.regime().act
            ),
        );
        return;
    };
    if let Some(until) = ext.until.filter(|u| *u <= ext.date) {
        err("extension.until".into(), format!("the estimate ({until}) must be after the notice ({})", ext.date));
    }
    if case.regime == crate::law::RegimeId::Foia {
        if ext.considering.is_empty() {
            err(
                "extension.considering".into(),
                format!(
                    "a {provision} notice names the qualified exemptions whose public interest test needs the time"
                ),
            );
        }
        for (i, s) in ext.considering.iter().enumerate() {
            match case.regime.regime().cite(s) {
                Ok(c) if c.qualified() => {}
                Ok(c) => err(
                    format!("extension.considering[{i}]"),
                    format!(
                        "section {} is not a qualified exemption: only the public interest test can take longer (section 10(3))",
                        c.cited
                    ),
                ),
                Err(_) => {
                    err(format!("extension.considering[{i}]"), format!("section {s} is not an exemption in the Act"))
                }
            }
        }
    } else if !ext.considering.is_empty() || ext.until.is_some() {
        err(
            "extension".into(),
            "under the EIR the extension is to 40 working days for complexity and volume (regulation 7(1)); `until` and `considering` are FOIA's".into(),
        );
    }
}
