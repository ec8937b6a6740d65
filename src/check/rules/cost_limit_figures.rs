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

fn check(letter: &Letter) -> Vec<Finding> {
    // "the appropriate limit of £450", "the £600 cost limit"
    static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:appropriate|cost|fees?) limit (?:(?:is|of|set at|which is)\s+)?£\s?(\d{1,3}(?:,\d{3})*|\d+)\b|£\s?(\d{1,3}(?:,\d{3})*|\d+) (?:appropriate |cost )?limit",
        )
    });
    // "£450, which represents 24 hours", "£600 (24 hours)"
    static AS_HOURS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)£\s?(\d{1,3}(?:,\d{3})*|\d+)\)?,? (?:which )?(?:represents|equates to|is equivalent to|equivalent to|amounts to|is the same as|i\.e\.|or|\()\s*(\d+(?:\.\d+)?) hours",
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
    let mut out = Vec::new();
    for (i, p) in letter.body() {
        for s in sentences(&p.text) {
            for c in LIMIT.captures_iter(s) {
                let Some(stated) = c.get(1).or(c.get(2)).and_then(|m| pounds(m.as_str())) else { continue };
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
