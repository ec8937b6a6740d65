//! FOI208 cost-limit-figures

use std::sync::LazyLock;

use regex::Regex;

use super::{cost_refusal, excerpt, re};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::RegimeId;
use crate::law::cost_limit::{self, CostLimit, LimitClass};
use crate::read::recognise::sentences;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI208",
    name: "cost-limit-figures",
    severity: Severity::Error,
    summary: "a cost-limit refusal states a limit, hourly rate or number of hours the regulations do not set",
    doc: DOC,
    help: "state the limit the regulations set for this authority and the hours it buys at the prescribed rate",
    kinds: &[LetterKind::CostLimit, LetterKind::PartialRelease, LetterKind::Refusal],
    check,
};

const DOC: &str = "\
## What it checks
That the figures a cost-limit refusal gives are the ones the regulations set. Under FOIA the
appropriate limit is £600 for the central government bodies in Part I of Schedule 1 and £450 for
every other authority (SI 2004/3244 reg 3), with staff time at £25 an hour (reg 4(4)): 24 or 18
hours. Under FOISA the limit is £600 (SSI 2004/467 reg 5) with staff time at no more than £15 an
hour (reg 3). A limit, rate or number of hours that matches neither is reported.

## Why it matters
A refusal under s12 stands on the estimate being above the limit the law sets. A letter that states
a wrong limit, or converts it to hours at a wrong rate, refuses on a ground the law does not give and
is overturned at review or by the Commissioner.

## Example
\"Complying would exceed the appropriate limit of £450, which represents 24 hours of work.\"

## Fix
\"The appropriate limit for this authority is £450, which represents 18 hours of work at £25 an
hour (regulations 3 and 4 of SI 2004/3244).\"";

/// Every limit the regime's regulations set, whichever class of authority.
fn limits(regime: RegimeId) -> Vec<CostLimit> {
    [LimitClass::CentralGovernment, LimitClass::Other]
        .into_iter()
        .filter_map(|c| cost_limit::limit(regime, c))
        .collect()
}

fn pounds(s: &str) -> Option<u32> {
    s.replace(',', "").parse().ok()
}

/// The limits `pattern` finds in `text`, in pounds, leaving out the hourly
/// rates it also finds ("the limit is based on £25 an hour").
fn limits_stated<'t>(pattern: &'t Regex, text: &'t str) -> impl Iterator<Item = u32> + 't {
    pattern
        .captures_iter(text)
        .filter(|c| !c[0].ends_with("hour"))
        .filter_map(|c| c.get(1).or(c.get(2)).and_then(|m| pounds(m.as_str())))
}

fn check(letter: &Letter) -> Vec<Finding> {
    // "the appropriate limit of £450", "the £600 cost limit", "the limit
    // has been set in regulations, and for us it is £450"
    static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\blimit\b[^£.;\d]{0,80}?£\s?(\d{1,3}(?:,\d{3})*|\d+)\b(?: (?:an|a|per|for each) (?:person[- ])?hour)?|£\s?(\d{1,3}(?:,\d{3})*|\d+) (?:appropriate |cost )?limit",
        )
    });
    // "£450, which represents 24 hours", "£600 (24 hours)"
    static AS_HOURS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)£\s?(\d{1,3}(?:,\d{3})*|\d+)\)?,? (?:which )?(?:represents|equates to|is equivalent to|equivalent to|amounts to|is the same as|i\.e\.|or|\()\s*(\d+(?:\.\d+)?) hours",
        )
    });
    // "… This represents 24 hours of work."
    static HOURS_LATER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:represents|equates to|is equivalent to|equivalent to|amounts to)\s+(?:approximately |about |around )?(\d+(?:\.\d+)?) hours",
        )
    });
    static RATE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)£\s?(\d+(?:\.\d{2})?) (?:per|an|a|for each) (?:person[- ])?hour\b|£\s?(\d+(?:\.\d{2})?)/h(?:ou)?r\b")
    });
    let known = limits(letter.regime);
    if known.is_empty() || !cost_refusal(letter) {
        return Vec::new();
    }
    let allowed: Vec<String> = known.iter().map(|l| format!("£{}", l.pounds)).collect();
    let regulations = known[0].source;
    // The limit for this authority, where its name shows its class.
    let authority = letter.recognised.as_ref().and_then(|r| r.authority.as_deref());
    let own = authority
        .and_then(LimitClass::from_name)
        .and_then(|class| cost_limit::limit(letter.regime, class))
        .zip(authority);
    let mut out = Vec::new();
    for (i, p) in letter.body() {
        // "£450. This represents 24 hours": the limit and its hours in
        // different sentences of one paragraph.
        let mut stated: Vec<u32> = limits_stated(&LIMIT, &p.text).collect();
        stated.dedup();
        if let ([stated], Some(c)) = (stated.as_slice(), HOURS_LATER.captures(&p.text))
            && !AS_HOURS.is_match(&p.text)
            && let (Some(limit), Ok(hours)) = (known.iter().find(|l| l.pounds == *stated), c[1].parse::<f64>())
            && !(if limit.rate_is_ceiling { hours >= limit.hours() } else { hours == limit.hours() })
        {
            out.push(Finding::at(
                i,
                format!(
                    "£{stated} at £{} an hour is {} hours, not {hours}: \"{}\"",
                    limit.rate,
                    limit.hours(),
                    excerpt(&p.text)
                ),
            ));
        }
        for s in sentences(&p.text) {
            if let Some((limit, name)) = own {
                for stated in limits_stated(&LIMIT, s) {
                    if stated != limit.pounds && known.iter().any(|l| l.pounds == stated) {
                        out.push(Finding::at(
                            i,
                            format!(
                                "the letter states a cost limit of £{stated}, but the limit for {name} is £{} ({} {}): \"{}\"",
                                limit.pounds,
                                limit.regulations,
                                limit.limit_regulation,
                                excerpt(s)
                            ),
                        ));
                    }
                }
            }
            for stated in limits_stated(&LIMIT, s) {
                if !known.iter().any(|l| l.pounds == stated) {
                    out.push(Finding::at(
                        i,
                        format!(
                            "the letter states a cost limit of £{stated}, but the regulations set {} ({regulations}): \"{}\"",
                            allowed.join(" or "),
                            excerpt(s)
                        ),
                    ));
                }
            }
            for c in AS_HOURS.captures_iter(s) {
                let (Some(stated), Ok(hours)) = (pounds(&c[1]), c[2].parse::<f64>()) else { continue };
                let Some(limit) = known.iter().find(|l| l.pounds == stated) else { continue };
                // A ceiling rate (FOISA) may give more hours, never fewer.
                let fits = if limit.rate_is_ceiling { hours >= limit.hours() } else { hours == limit.hours() };
                if !fits {
                    out.push(Finding::at(
                        i,
                        format!(
                            "£{stated} at £{} an hour is {} hours, not {hours}: \"{}\"",
                            limit.rate,
                            limit.hours(),
                            excerpt(s)
                        ),
                    ));
                }
            }
            for c in RATE.captures_iter(s) {
                let Some(rate) = c.get(1).or(c.get(2)).and_then(|m| m.as_str().parse::<f64>().ok()) else { continue };
                let fits = known.iter().any(|l| {
                    let set = f64::from(l.rate);
                    if l.rate_is_ceiling { rate <= set } else { rate == set }
                });
                if !fits {
                    let limit = &known[0];
                    let set = if limit.rate_is_ceiling { "at most" } else { "exactly" };
                    out.push(Finding::at(
                        i,
                        format!(
                            "staff time is counted at {set} £{} an hour ({} {}), not £{rate}: \"{}\"",
                            limit.rate,
                            limit.regulations,
                            limit.rate_regulation,
                            excerpt(s)
                        ),
                    ));
                }
            }
        }
    }
    out
}
