//! Composing the requester's letters: a request for internal review and a
//! complaint to the Commissioner, from the reply and the requester file.

use serde_json::{Value, json};

use super::{ComposeError, Composer, helpers};
use crate::case::Date;
use crate::check::Severity;
use crate::doc::{Document, Meta};
use crate::law::deadline::Clock;
use crate::requester::{Reply, RequesterFile};

impl Composer {
    /// A request for internal review (FOIA), reconsideration (EIR) or
    /// review (FOISA) of `reply`, dated `date`.
    pub fn compose_review_request(
        &self,
        reply: &Reply,
        who: &RequesterFile,
        date: Date,
    ) -> Result<Document, ComposeError> {
        let ctx = self.requester_context(reply, who, date)?;
        let parsed = self.parse("requester/review-request", &ctx.into())?;
        Ok(Document {
            meta: meta(reply, who, date, "Request for review"),
            letterhead: parsed.letterhead,
            body: parsed.blocks,
            annexes: Vec::new(),
            house: Default::default(),
        })
    }

    /// An application to the Commissioner about `reply`, dated `date`, with
    /// warnings about its timing.
    pub fn compose_complaint(
        &self,
        reply: &Reply,
        who: &RequesterFile,
        date: Date,
    ) -> Result<(Document, Vec<String>), ComposeError> {
        let mut ctx = self.requester_context(reply, who, date)?;
        let (chronology, warnings) = chronology(self, reply, who, date);
        ctx["chronology"] = chronology;
        let parsed = self.parse("requester/complaint", &ctx.into())?;
        let doc = Document {
            meta: meta(reply, who, date, "Complaint to the Commissioner"),
            letterhead: parsed.letterhead,
            body: parsed.blocks,
            annexes: Vec::new(),
            house: Default::default(),
        };
        Ok((doc, warnings))
    }

    fn requester_context(&self, reply: &Reply, who: &RequesterFile, date: Date) -> Result<Value, ComposeError> {
        let regime = reply.regime.regime();
        let mut exemptions = Vec::new();
        for cited in &reply.exemptions {
            let Ok(c) = regime.cite(cited) else { continue };
            let exemption = json!({
                "section": cited,
                "name": regime.heading(cited),
                "title": c.def.title,
                "qualified": c.qualified(),
                // s14(2): a repeated request.
                "repeated": c.def.harm == crate::law::Harm::Conduct && c.subsection.starts_with("(2)"),
                "prejudice": matches!(c.def.harm, crate::law::Harm::Prejudice | crate::law::Harm::SubstantialPrejudice | crate::law::Harm::AdverselyAffect),
            });
            let template = self.grounds_template(reply.regime, c.def.section);
            let grounds = self.render_text(&template, &json!({ "exemption": exemption, "regime": regime }).into())?;
            // A key may name several provisions or limbs ("31(1)(a) & (e)",
            // "sections 24(1) and 41"): its points go with each of them.
            let own: Vec<String> = who
                .exemptions
                .iter()
                .filter(|(k, _)| {
                    compact(k) == compact(cited)
                        || crate::law::exemption::split_citations(k)
                            .iter()
                            .any(|s| regime.cite(s).is_ok_and(|o| o.def.section == c.def.section))
                })
                .flat_map(|(_, v)| v.iter().cloned())
                .collect();
            let mut e = exemption;
            e["grounds"] = grounds.into();
            e["own"] = own.into();
            exemptions.push(e);
        }
        let procedural: Vec<Value> = reply
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Error || d.code == "FOI301")
            .filter(|d| !who.drop.iter().any(|code| code.eq_ignore_ascii_case(d.code) || code == d.name))
            .map(|d| json!({ "code": d.code, "name": d.name, "message": capitalise(&d.message) }))
            .collect();
        let mut clock = Clock::new(&self.calendar, reply.regime);
        let review_by =
            reply.replied.and_then(|r| clock.review_window(reply.requested.map(|d| d.0), r.0).ok()).map(|w| w.due);
        let reply_due =
            clock.deadline(date.0, regime.review.answer_within, &[]).map_err(|e| error("dates", e.to_string()))?.due;
        Ok(json!({
            "date": date.iso(),
            "regime": regime,
            "requester": {
                "name": who.name.clone().or_else(|| reply.requester.clone()).unwrap_or_else(|| "[YOUR NAME]".into()),
                "email": who.email.clone().or_else(|| reply.requester_email.clone()),
                "address": who.address,
            },
            "authority": reply.authority,
            "reference": reply.reference,
            "reply": { "requested": reply.requested.map(|d| d.iso()), "replied": reply.replied.map(|d| d.iso()) },
            "review": { "email": reply.review_email, "address": reply.review_address },
            "recipient": recipient(reply),
            "procedural": procedural,
            "exemptions": exemptions,
            "arguments": who.arguments,
            "remedy": who.remedy,
            "attachments": who.attachments,
            "dates": {
                "review_by": review_by.map(|d| d.iso()),
                "in_time": review_by.is_none_or(|by| date <= by),
                "reply_due": reply_due.iso(),
            },
        }))
    }

    /// The most specific grounds template for a provision: the regime's
    /// file for the section, the regime's default, then the general default.
    fn grounds_template(&self, regime: crate::law::RegimeId, section: &str) -> String {
        let id = regime.name();
        let section = section.split('(').next().unwrap_or(section);
        [format!("grounds/{id}/{section}"), format!("grounds/{id}/default"), "grounds/default".to_string()]
            .into_iter()
            .find(|n| self.set.contains(n))
            .unwrap_or_else(|| "grounds/default".to_string())
    }
}

/// The review request's address block: the authority, unless its postal
/// address already names it, then that address and the e-mail address.
fn recipient(reply: &Reply) -> Vec<String> {
    let named = reply.authority.as_ref().filter(|a| !reply.review_address.iter().any(|l| l.contains(a.as_str())));
    named.into_iter().chain(&reply.review_address).chain(&reply.review_email).cloned().collect()
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn error(what: &str, message: String) -> ComposeError {
    ComposeError { template: what.into(), line: None, column: None, message }
}

fn meta(reply: &Reply, who: &RequesterFile, date: Date, what: &str) -> Meta {
    let reference = reply.reference.clone().unwrap_or_default();
    let about = if reference.is_empty() { "the reply".to_string() } else { format!("reply {reference}") };
    Meta {
        title: if reference.is_empty() { what.to_string() } else { format!("{what}: {reference}") },
        author: who.name.clone().or_else(|| reply.requester.clone()).unwrap_or_default(),
        subject: format!("{what} about {about}"),
        reference,
        date: date.0,
        draft: false,
    }
}

/// The complaint's chronology rows and the warnings about its timing.
fn chronology(composer: &Composer, reply: &Reply, who: &RequesterFile, date: Date) -> (Value, Vec<String>) {
    let regime = reply.regime.regime();
    let mut clock = Clock::new(&composer.calendar, reply.regime);
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    let mut late = |from: Date, due: Date, done: Option<Date>| -> u32 {
        let until = done.unwrap_or(date);
        if until <= due {
            0
        } else {
            clock
                .working_days_between(from.0, until.0, &[])
                .unwrap_or(0)
                .saturating_sub(clock.working_days_between(from.0, due.0, &[]).unwrap_or(0))
        }
    };
    let add = |rows: &mut Vec<Value>, event: &str, at: Option<Date>, due: Option<Date>, late: u32| {
        rows.push(json!({ "event": event, "date": at.map(|d| d.iso()), "due": due.map(|d| d.iso()), "late": if late > 0 { late.to_string() } else { String::new() } }));
    };
    let working =
        |from: Date, n: u32| Clock::new(&composer.calendar, reply.regime).deadline(from.0, n, &[]).ok().map(|d| d.due);
    add(&mut rows, "Request", reply.requested, None, 0);
    let reply_due = reply.requested.and_then(|r| working(r, regime.time_limit));
    let reply_late = match (reply.requested, reply_due) {
        (Some(r), Some(due)) => late(r, due, reply.replied),
        _ => 0,
    };
    add(&mut rows, "Reply", reply.replied, reply_due, reply_late);
    let review_by = reply.replied.and_then(|r| {
        Clock::new(&composer.calendar, reply.regime)
            .review_window(reply.requested.map(|d| d.0), r.0)
            .ok()
            .map(|w| w.due)
    });
    match who.review_requested {
        Some(asked) => {
            add(&mut rows, &format!("Request for {}", regime.review.name), Some(asked), review_by, 0);
            let review_due = working(asked, regime.review.answer_within);
            let review_late = review_due.map_or(0, |due| late(asked, due, who.review_outcome));
            add(&mut rows, &format!("Outcome of {}", regime.review.name), who.review_outcome, review_due, review_late);
            if who.review_outcome.is_none() && review_due.is_some_and(|due| date <= due) {
                warnings.push(format!(
                    "the {} is not late yet: the authority has until {} to reply; the {} usually expects you to wait until then",
                    regime.review.name,
                    review_due.map(|d| helpers::format_date(d, helpers::DateStyle::Long)).unwrap_or_default(),
                    regime.regulator.name
                ));
            }
        }
        None => warnings.push(format!(
            "no {} has been requested: the {} expects one first{}",
            regime.review.name,
            regime.regulator.name,
            review_by
                .map(|d| format!(" (ask by {})", helpers::format_date(d, helpers::DateStyle::Long)))
                .unwrap_or_default()
        )),
    }
    // The regulator's clock runs from the last word from the authority, or
    // from when the review outcome was due if none came.
    let review_due = who.review_requested.and_then(|asked| working(asked, regime.review.answer_within));
    let last = who.review_outcome.or(review_due).or(reply.replied);
    if let Some(last) = last {
        let limit = if regime.regulator.window_months > 0 {
            Date(crate::law::calendar::add_months(last.0, regime.regulator.window_months))
        } else {
            Date(last.0 + time::Duration::weeks(i64::from(regime.regulator.window_weeks)))
        };
        if date > limit {
            warnings.push(format!(
                "this complaint is dated after {}: the {} expects applications {} ({}); explain the delay",
                helpers::format_date(limit, helpers::DateStyle::Long),
                regime.regulator.name,
                regime.regulator.window,
                regime.regulator.source
            ));
        }
    }
    // After the Commissioner: the appeal and the last day for it (FOIA
    // s57 to the First-tier Tribunal, 28 days; FOISA s56 to the Court of
    // Session on a point of law).
    if let Some(decided) = who.decision_notice {
        let appeal = regime.appeal;
        let by = Date(decided.0 + time::Duration::days(i64::from(appeal.days)));
        add(&mut rows, &format!("Decision of the {}", regime.regulator.name), Some(decided), None, 0);
        add(
            &mut rows,
            &format!(
                "Appeal to the {} {} ({}; {} days from {})",
                appeal.to, appeal.grounds, appeal.provision, appeal.days, appeal.from
            ),
            None,
            Some(by),
            0,
        );
    }
    (Value::Array(rows), warnings)
}
