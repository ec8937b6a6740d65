//! The share of replies sent in time, overall, by regime and by outcome:
//! the measures the Cabinet Office publishes for central government
//! ([`crate::law::timeliness::IN_TIME`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Row;

/// How many replies were sent, and how many of them in time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Share {
    /// Replies sent.
    pub answered: u32,
    /// Of which in time.
    pub on_time: u32,
}

impl Share {
    fn add(&mut self, on_time: bool) {
        self.answered += 1;
        self.on_time += u32::from(on_time);
    }

    /// The share in time as a whole percentage, rounded half up; `None`
    /// when nothing was answered.
    pub fn percent(&self) -> Option<u32> {
        (self.answered > 0).then(|| (200 * self.on_time + self.answered) / (2 * self.answered))
    }
}

/// The register's totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Cases read.
    pub cases: u32,
    /// Cases still owed a letter.
    pub open: u32,
    /// Open cases past their due date.
    pub overdue: u32,
    /// Open cases whose clock is on hold.
    pub on_hold: u32,
    /// Every reply sent.
    pub all: Share,
    /// By regime ("foia", "eir", "foisa").
    pub by_regime: BTreeMap<&'static str, Share>,
    /// By the reply's kind ("refusal", "release"…).
    pub by_outcome: BTreeMap<&'static str, Share>,
}

impl Summary {
    /// The totals over `rows`.
    pub fn of(rows: &[Row]) -> Summary {
        let mut s = Summary::default();
        for row in rows {
            s.cases += 1;
            if row.status.is_open() {
                s.open += 1;
                s.overdue += u32::from(row.is_overdue());
                s.on_hold += u32::from(row.on_hold.is_some());
            }
            if let Some(on_time) = row.on_time {
                s.all.add(on_time);
                s.by_regime.entry(row.regime).or_default().add(on_time);
                if let Some(outcome) = row.outcome {
                    s.by_outcome.entry(outcome).or_default().add(on_time);
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::Share;

    #[test]
    fn percentages_round_half_up() {
        for (answered, on_time, percent) in
            [(0, 0, None), (3, 2, Some(67)), (8, 1, Some(13)), (200, 1, Some(1)), (4, 4, Some(100))]
        {
            assert_eq!(Share { answered, on_time }.percent(), percent, "{on_time}/{answered}");
        }
    }
}
