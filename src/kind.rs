//! What a letter is. One enum names every kind of FOI letter foikit writes
//! or recognises, so composition, the validator and the readers agree on
//! what a "refusal" or a "holding notice" is. The law attaches duties to a
//! kind (a s17 refusal notice, a FOISA s19 notice, a review outcome), so
//! rules say which kinds they apply to by these names or by the groups below.

use serde::Serialize;

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
    /// Every kind, in the order a case's life meets them.
    pub const ALL: [LetterKind; 17] = [
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
        LetterKind::ReviewRequest,
        LetterKind::Complaint,
        LetterKind::DecisionNotice,
        LetterKind::ReleasePage,
        LetterKind::NotFoi,
    ];

    /// Replies that answer the request (the reply to which s17, reg 14 or
    /// FOISA s16/s19 and the review and Commissioner particulars attach).
    pub const REPLIES: &'static [LetterKind] = &[
        LetterKind::Release,
        LetterKind::PartialRelease,
        LetterKind::Refusal,
        LetterKind::Ncnd,
        LetterKind::NotHeld,
        LetterKind::CostLimit,
        LetterKind::Vexatious,
        LetterKind::Repeated,
    ];

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
            LetterKind::ReviewRequest => "review-request",
            LetterKind::Complaint => "complaint",
            LetterKind::DecisionNotice => "decision-notice",
            LetterKind::ReleasePage => "release-page",
            LetterKind::NotFoi => "not-foi",
        }
    }

    /// Whether this kind answers the request (one of [`LetterKind::REPLIES`]).
    pub fn is_reply(self) -> bool {
        LetterKind::REPLIES.contains(&self)
    }
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
