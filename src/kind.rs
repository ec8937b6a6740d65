//! What a letter is. One enum names every kind of FOI letter foikit writes
//! or recognises, so composition, the validator and the readers agree on
//! what a "refusal" or a "holding notice" is. The law attaches duties to a
//! kind (a s17 refusal notice, a FOISA s19 notice, a review outcome), so
//! rules say which kinds they apply to by these names or by the groups below.

use serde::Serialize;

use crate::law::RegimeId;

/// A kind of letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    /// The authority acknowledges a request and gives the due date.
    Acknowledgement,
    /// The authority asks what the requester wants (FOIA s1(3), EIR reg 9(2), FOISA s1(3)).
    Clarification,
    /// More time: a FOIA s17(2) notice with the s10(3) estimate, or an EIR reg 7 extension.
    HoldingNotice,
    /// Everything asked for is released.
    Release,
    /// Some items released, others withheld, not held or NCND.
    PartialRelease,
    /// Information held but withheld under exemptions/exceptions.
    Refusal,
    /// Neither confirm nor deny that the information is held.
    Ncnd,
    /// The information is not held.
    NotHeld,
    /// Refused because compliance would exceed the appropriate limit (FOIA s12, FOISA s12, EIR 12(4)(b)).
    CostLimit,
    /// Refused as vexatious (FOIA s14(1), FOISA s14(1), EIR 12(4)(b) manifestly unreasonable).
    Vexatious,
    /// Refused as a repeated request (FOIA s14(2), FOISA s14(2)).
    Repeated,
    /// The authority's internal review (reconsideration, review) outcome.
    ReviewOutcome,
    /// A request for information itself (FOIA s8, EIR reg 5, FOISA s8).
    Request,
    /// A requester asks for an internal review.
    ReviewRequest,
    /// A requester complains to (applies to) the Commissioner.
    Complaint,
    /// A Commissioner's decision notice.
    DecisionNotice,
    /// A published release (disclosure-log entry) rather than a letter to a requester.
    ReleasePage,
    /// Not FOI correspondence at all.
    NotFoi,
}

impl LetterKind {
    /// Every kind: the authority's letters in the order a case's life meets
    /// them, then the requester's, then what others publish.
    pub const ALL: [LetterKind; 18] = [
        LetterKind::Acknowledgement,
        LetterKind::Clarification,
        LetterKind::HoldingNotice,
        LetterKind::Release,
        LetterKind::PartialRelease,
        LetterKind::Refusal,
        LetterKind::Ncnd,
        LetterKind::NotHeld,
        LetterKind::CostLimit,
        LetterKind::Vexatious,
        LetterKind::Repeated,
        LetterKind::ReviewOutcome,
        LetterKind::Request,
        LetterKind::ReviewRequest,
        LetterKind::Complaint,
        LetterKind::DecisionNotice,
        LetterKind::ReleasePage,
        LetterKind::NotFoi,
    ];

    /// Replies that answer the request (the reply to which s17, reg 14 or
    /// FOISA s16/s19 and the review and Commissioner particulars attach).
    pub const REPLIES: &'static [LetterKind] = LetterKind::span(3, 11);

    /// Letters that may owe the requester review and Commissioner
    /// particulars: the replies and the holding notice (a s17(1) notice too).
    pub const NOTICES: &'static [LetterKind] = LetterKind::span(2, 11);

    /// [`LetterKind::NOTICES`] and the review outcome: the authority's
    /// decisions on a request, each with a further remedy to tell of.
    pub const DECISIONS: &'static [LetterKind] = LetterKind::span(2, 12);

    /// Every kind of FOI correspondence: all but [`LetterKind::NotFoi`].
    pub const CORRESPONDENCE: &'static [LetterKind] = LetterKind::span(0, 17);

    /// `ALL[from..to]`: the groups below are runs of [`LetterKind::ALL`],
    /// whose order is a case's life, so each kind is listed once.
    const fn span(from: usize, to: usize) -> &'static [LetterKind] {
        LetterKind::ALL.split_at(to).0.split_at(from).1
    }

    /// The name used on the command line and in reports: "partial-release".
    pub fn slug(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "acknowledgement",
            LetterKind::Clarification => "clarification",
            LetterKind::HoldingNotice => "holding-notice",
            LetterKind::Release => "release",
            LetterKind::PartialRelease => "partial-release",
            LetterKind::Refusal => "refusal",
            LetterKind::Ncnd => "ncnd",
            LetterKind::NotHeld => "not-held",
            LetterKind::CostLimit => "cost-limit",
            LetterKind::Vexatious => "vexatious",
            LetterKind::Repeated => "repeated",
            LetterKind::ReviewOutcome => "review-outcome",
            LetterKind::Request => "request",
            LetterKind::ReviewRequest => "review-request",
            LetterKind::Complaint => "complaint",
            LetterKind::DecisionNotice => "decision-notice",
            LetterKind::ReleasePage => "release-page",
            LetterKind::NotFoi => "not-foi",
        }
    }

    /// The kinds foikit writes from a case file, in the order of a case's life.
    pub const WRITTEN: &'static [LetterKind] = LetterKind::span(0, 12);

    /// How foikit writes this kind, if it does.
    pub fn written(self) -> Option<Written> {
        let reply = |decision| Written {
            template: "letter",
            decision,
            title: "",
            subject: "Response to a request for information",
            prefix: "",
        };
        Some(match self {
            LetterKind::Acknowledgement => Written {
                template: "acknowledgement",
                decision: None,
                title: "acknowledgement",
                subject: "Acknowledgement of a request for information",
                prefix: "acknowledgement-",
            },
            LetterKind::Clarification => Written {
                template: "clarification",
                decision: None,
                title: "clarification",
                subject: "Clarification of a request for information",
                prefix: "clarification-",
            },
            LetterKind::HoldingNotice => Written {
                template: "holding-notice",
                decision: None,
                title: "more time",
                subject: "More time to reply to a request for information",
                prefix: "holding-notice-",
            },
            LetterKind::ReviewOutcome => Written {
                template: "review-outcome",
                decision: None,
                title: "internal review",
                subject: "Internal review of the reply to a request for information",
                prefix: "review-outcome-",
            },
            LetterKind::CostLimit => reply(Some("decisions/cost-limit")),
            LetterKind::Vexatious => reply(Some("decisions/vexatious")),
            LetterKind::Repeated => reply(Some("decisions/repeated")),
            k if k.is_reply() => reply(None),
            _ => return None,
        })
    }

    /// Whether `regime` has this kind of letter; if not, what to use instead.
    pub fn available(self, regime: RegimeId) -> Result<(), String> {
        let law = regime.kinds();
        let missing = match self {
            LetterKind::CostLimit | LetterKind::Vexatious | LetterKind::Repeated if law.cost_notice.is_none() => {
                law.instead_of_ground.to_string()
            }
            LetterKind::HoldingNotice if law.extension.is_none() => format!(
                "the {} allows no extension of time: reply within 20 working days (section 10(1)), or send a clarification (`--kind clarification`) if the request is unclear",
                regime.regime().act
            ),
            k if k.written().is_none() => format!("foikit recognises {k} letters but does not write them"),
            _ => return Ok(()),
        };
        Err(missing)
    }

    /// Whether this kind answers the request (one of [`LetterKind::REPLIES`]).
    pub fn is_reply(self) -> bool {
        LetterKind::REPLIES.contains(&self)
    }
}

/// How foikit writes a kind of letter: the registry entry adding a kind
/// touches (with its templates, starter and fixtures; see README,
/// "Extending foikit").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// The template (under `templates/`, without `.hbs`).
    pub template: &'static str,
    /// For a reply refusing the whole request, the partial stating the
    /// decision; other replies state theirs item by item
    /// (`decisions/items`) or as one decision (`decisions/single`).
    pub decision: Option<&'static str>,
    /// What the document title adds after the regime's request heading and
    /// the reference ("Freedom of Information Request 43342: acknowledgement");
    /// empty for replies.
    pub title: &'static str,
    /// The document subject, before "received <date>".
    pub subject: &'static str,
    /// The output file name's prefix before the reference. Replies have
    /// none, so a file name never tells a requester whether an NCND reply
    /// found anything.
    pub prefix: &'static str,
}

impl std::fmt::Display for LetterKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

impl std::str::FromStr for LetterKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LetterKind::ALL.into_iter().find(|k| k.slug() == s).ok_or_else(|| {
            let all: Vec<_> = LetterKind::ALL.iter().map(|k| k.slug()).collect();
            format!("unknown letter kind `{s}` (expected one of {})", all.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::LetterKind;

    #[test]
    fn the_groups_nest_as_the_law_does() {
        assert!(!LetterKind::CORRESPONDENCE.contains(&LetterKind::NotFoi));
        assert_eq!(LetterKind::CORRESPONDENCE.len(), LetterKind::ALL.len() - 1);
        assert!(LetterKind::REPLIES.iter().all(|k| LetterKind::NOTICES.contains(k)));
        assert_eq!(LetterKind::DECISIONS[..LetterKind::NOTICES.len()], *LetterKind::NOTICES);
        assert_eq!(LetterKind::DECISIONS.last(), Some(&LetterKind::ReviewOutcome));
        // The spans of ALL hold exactly the kinds their names promise.
        use LetterKind::*;
        assert_eq!(
            LetterKind::REPLIES,
            [Release, PartialRelease, Refusal, Ncnd, NotHeld, CostLimit, Vexatious, Repeated]
        );
        assert_eq!(LetterKind::NOTICES, [&[HoldingNotice][..], LetterKind::REPLIES].concat());
        assert_eq!(LetterKind::WRITTEN, [&[Acknowledgement, Clarification][..], LetterKind::DECISIONS].concat());
    }
}
