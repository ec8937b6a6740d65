//! Which letters a case can produce, and which one its stage calls for.
//! The reply's kind follows from the decisions (all released → release,
//! mixed → partial, …), never from a field the clerk types, so a case
//! cannot describe one kind and be rendered as another.

use super::{Case, Date, Decision, Exemption, Ground, Outcome, Response};
use crate::kind::LetterKind;

impl Response {
    /// The kind of reply these decisions make.
    pub fn kind(&self) -> LetterKind {
        if let Some(refusal) = &self.refusal {
            return match refusal.ground {
                Ground::CostLimit => LetterKind::CostLimit,
                Ground::Vexatious => LetterKind::Vexatious,
                Ground::Repeated => LetterKind::Repeated,
            };
        }
        if !self.items.is_empty() {
            let all = |f: fn(Decision) -> bool| self.items.iter().all(|i| f(i.decision));
            return if all(|d| d == Decision::Released) {
                LetterKind::Release
            } else if all(|d| d == Decision::NotHeld) {
                LetterKind::NotHeld
            } else if all(|d| d == Decision::Ncnd) {
                LetterKind::Ncnd
            } else if all(|d| matches!(d, Decision::Withheld | Decision::Accessible | Decision::FuturePublication)) {
                LetterKind::Refusal
            } else {
                LetterKind::PartialRelease
            };
        }
        match (self.held, self.outcome) {
            (Some(false), _) => LetterKind::NotHeld,
            (_, Some(Outcome::Release)) => LetterKind::Release,
            (_, Some(Outcome::Partial)) => LetterKind::PartialRelease,
            _ => LetterKind::Refusal,
        }
    }
}

impl Case {
    /// The reply's kind, once the authority has decided.
    pub fn reply_kind(&self) -> Option<LetterKind> {
        self.response.as_ref().map(Response::kind)
    }

    /// The letter the case's stage calls for: the review outcome once a
    /// review is concluded, else the reply once decided, else the holding
    /// notice once time is extended, else the clarification once asked for,
    /// else the acknowledgement.
    pub fn stage_kind(&self) -> LetterKind {
        if self.internal_review.is_some() {
            LetterKind::ReviewOutcome
        } else if let Some(kind) = self.reply_kind() {
            kind
        } else if self.extension.is_some() {
            LetterKind::HoldingNotice
        } else if self.clarification.is_some() {
            LetterKind::Clarification
        } else {
            LetterKind::Acknowledgement
        }
    }

    /// The date of the letter of `kind`, if the case has that letter.
    pub fn letter_date(&self, kind: LetterKind) -> Option<Date> {
        match kind {
            LetterKind::Acknowledgement => Some(self.acknowledged.unwrap_or(self.request.received)),
            LetterKind::Clarification => self.clarification.as_ref().map(|c| c.date),
            LetterKind::HoldingNotice => self.extension.as_ref().map(|e| e.date),
            LetterKind::ReviewOutcome => self.internal_review.as_ref().map(|r| r.date),
            k if k.is_reply() => self.response.as_ref().filter(|r| r.kind() == k).map(|r| r.date),
            _ => None,
        }
    }

    /// Every provision the reply relies on, as cited: its exemptions and,
    /// for a refusal of the whole request, the ground (FOIA s12, s14(1),
    /// s14(2)), so a requester's review can answer each.
    pub fn relied_on(&self) -> Vec<String> {
        let mut out: Vec<String> = self.all_exemptions().into_iter().map(|(_, e)| e.section.clone()).collect();
        let law = self.regime.kinds();
        let ground = self.response.as_ref().and_then(|r| r.refusal.as_ref()).and_then(|r| match r.ground {
            Ground::CostLimit => law.cost_notice.map(|_| "12"),
            Ground::Vexatious => law.vexatious,
            Ground::Repeated => law.repeated,
        });
        out.extend(ground.map(str::to_string));
        out
    }

    /// Every exemption the reply relies on, with its field path: the case's
    /// own list and each item's.
    pub fn all_exemptions(&self) -> Vec<(String, &Exemption)> {
        let mut out: Vec<(String, &Exemption)> =
            self.exemptions.iter().enumerate().map(|(i, e)| (format!("exemptions[{i}]"), e)).collect();
        for (i, item) in self.response.iter().flat_map(|r| r.items.iter()).enumerate() {
            for (j, e) in item.exemptions.iter().enumerate() {
                out.push((format!("response.items[{i}].exemptions[{j}]"), e));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Item, Refusal};

    fn item(decision: Decision) -> Item {
        Item {
            asked: "x".into(),
            decision,
            body: vec![],
            annex: None,
            withheld: None,
            exemptions: vec![],
            search: None,
            holder: None,
            location: None,
            publication: None,
            reasons: vec![],
        }
    }

    fn response(items: &[Decision]) -> Response {
        Response {
            date: Date::parse_iso("2026-01-05").unwrap(),
            held: None,
            outcome: None,
            body: vec![],
            withheld: None,
            explanation: None,
            items: items.iter().map(|d| item(*d)).collect(),
            refusal: None,
        }
    }

    #[test]
    fn the_reply_kind_follows_from_the_decisions() {
        use Decision::*;
        for (items, kind) in [
            (&[Released, Released][..], LetterKind::Release),
            (&[NotHeld, NotHeld], LetterKind::NotHeld),
            (&[Ncnd], LetterKind::Ncnd),
            (&[Withheld, Accessible, FuturePublication], LetterKind::Refusal),
            (&[Released, NotHeld], LetterKind::PartialRelease),
            (&[Ncnd, NotHeld], LetterKind::PartialRelease),
            (&[PartReleased], LetterKind::PartialRelease),
        ] {
            assert_eq!(response(items).kind(), kind, "{items:?}");
        }
        let mut whole = response(&[]);
        for (ground, kind) in [
            (Ground::CostLimit, LetterKind::CostLimit),
            (Ground::Vexatious, LetterKind::Vexatious),
            (Ground::Repeated, LetterKind::Repeated),
        ] {
            whole.refusal = Some(Refusal { ground, estimate: vec![], advice: vec![], reasons: vec![], previous: None });
            assert_eq!(whole.kind(), kind);
        }
        let mut single = response(&[]);
        single.held = Some(false);
        assert_eq!(single.kind(), LetterKind::NotHeld);
        single.held = None;
        single.outcome = Some(Outcome::Partial);
        assert_eq!(single.kind(), LetterKind::PartialRelease);
    }
}
