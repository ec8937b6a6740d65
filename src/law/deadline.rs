//! Working days and deadlines.
//!
//! A working day is any day but a Saturday, a Sunday, Christmas Day, Good
//! Friday or a bank holiday "in any part of the United Kingdom" (FOIA
//! s10(6); EIR reg 2(1)), or, under FOISA s73, any day but a Saturday, a
//! Sunday, Christmas Day or a bank holiday in Scotland. Day 1 is the first
//! working day after the date of receipt (a request received at a weekend
//! counts from the next working day), and the limit is the 20th.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use time::{Date, Weekday};

use super::RegimeId;
use super::calendar::{Calendar, DayTable, OutOfRange};
use super::time_for_compliance::Variation;
use crate::case;

/// A weekday that did not count, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The day.
    pub date: case::Date,
    /// Why it is not a working day, e.g. "St Patrick's Day (Northern Ireland)".
    pub reason: String,
}

/// A period during which the clock does not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStop {
    /// FOIA s10(2): working days from the day a fees notice is given to the
    /// day the fee is received are disregarded.
    FeesNotice {
        /// The day the notice was given.
        given: Date,
        /// The day the fee was received.
        paid: Date,
    },
    /// Days that are not school days, for a school's 20 days (SI 2004/3364
    /// as amended): from and to, inclusive.
    NotSchoolDays {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
    },
}

/// Counts working days under one regime.
#[derive(Debug)]
pub struct Clock<'a> {
    calendar: &'a Calendar,
    regime: RegimeId,
    /// Non-working weekdays of each year seen so far, with their reasons
    /// (the calendar's tables, which it builds once per process).
    years: BTreeMap<i32, Arc<DayTable>>,
}

/// A computed deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The regime.
    pub regime: RegimeId,
    /// The date of receipt (or of clarification, s1(3)/s10(6)(b)).
    pub received: case::Date,
    /// The first working day counted.
    pub day_one: case::Date,
    /// The last day for the reply.
    pub due: case::Date,
    /// How many working days were counted.
    pub working_days: u32,
    /// Weekdays passed over between receipt and the due date, and why.
    pub skipped: Vec<Skipped>,
}

impl<'a> Clock<'a> {
    /// A clock for `regime` over `calendar`.
    pub fn new(calendar: &'a Calendar, regime: RegimeId) -> Clock<'a> {
        Clock { calendar, regime, years: BTreeMap::new() }
    }

    /// The bank holiday `date` is, if it is one: looked up in its year's
    /// table, built on first use, without allocating, since counting a
    /// deadline asks this of every weekday it passes.
    fn holiday(&mut self, date: Date) -> Result<Option<&str>, OutOfRange> {
        if !self.years.contains_key(&date.year()) {
            // The error names the day being counted, not its year's first.
            let scope = self.regime.regime().holidays;
            let table = self.calendar.non_working(date.year(), scope).map_err(|_| OutOfRange(date))?;
            self.years.insert(date.year(), table);
        }
        Ok(self.years.get(&date.year()).and_then(|table| table.get(&date)).map(String::as_str))
    }

    /// Whether `date` is a working day that no clock stop covers.
    fn counts(&mut self, date: Date, stops: &[ClockStop]) -> Result<bool, OutOfRange> {
        if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) || self.holiday(date)?.is_some() {
            return Ok(false);
        }
        Ok(stopped(stops, date, self.regime).is_none())
    }

    /// The `n`th working day after `from` (n = 0 gives `from`), skipping
    /// `stops`, with the weekdays passed over.
    pub fn add_working_days(
        &mut self,
        from: Date,
        n: u32,
        stops: &[ClockStop],
    ) -> Result<(Date, Vec<Skipped>), OutOfRange> {
        let mut day = from;
        let mut counted = 0;
        let mut skipped = Vec::new();
        while counted < n {
            day = day.next_day().ok_or(OutOfRange(day))?;
            if self.counts(day, stops)? {
                counted += 1;
            } else if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
                // A weekday passed over: a bank holiday, or a clock stop.
                let reason = match self.holiday(day)? {
                    Some(holiday) => holiday.to_owned(),
                    None => stopped(stops, day, self.regime).unwrap_or_default(),
                };
                skipped.push(Skipped { date: case::Date(day), reason });
            }
        }
        Ok((day, skipped))
    }

    /// Working days after `from` up to and including `to` (0 when `to` is
    /// not after `from`): how many working days a reply took.
    pub fn working_days_between(&mut self, from: Date, to: Date, stops: &[ClockStop]) -> Result<u32, OutOfRange> {
        let mut n = 0;
        let mut day = from;
        while day < to {
            day = day.next_day().ok_or(OutOfRange(day))?;
            if self.counts(day, stops)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// The day the reply is due after the regime's permitted extension:
    /// the estimate a FOIA s17(2) notice gave (`until`), else 20 further
    /// working days (ICO guidance on s10(3)); the EIR's 40 working days
    /// (reg 7(1)); the plain time limit where there is no extension (FOISA).
    pub fn extended_due(
        &mut self,
        received: Date,
        until: Option<case::Date>,
        stops: &[ClockStop],
    ) -> Result<case::Date, OutOfRange> {
        let regime = self.regime.regime();
        let days = match (regime.extension, until) {
            (_, Some(until)) => return Ok(until),
            (super::Extension::Complexity { total }, None) => total,
            (super::Extension::PublicInterest { guidance_extra }, None) => regime.time_limit + guidance_extra,
            (super::Extension::None, None) => regime.time_limit,
        };
        Ok(self.deadline(received, days, stops)?.due)
    }

    /// The deadline `working_days` after `received`.
    pub fn deadline(&mut self, received: Date, working_days: u32, stops: &[ClockStop]) -> Result<Deadline, OutOfRange> {
        let (day_one, _) = self.add_working_days(received, 1.min(working_days), stops)?;
        let (due, skipped) = self.add_working_days(received, working_days, stops)?;
        Ok(Deadline {
            regime: self.regime,
            received: case::Date(received),
            day_one: case::Date(day_one),
            due: case::Date(due),
            working_days,
            skipped,
        })
    }
}

/// The window for asking for a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewWindow {
    /// The day the working days are counted from.
    pub from: case::Date,
    /// The last day to ask.
    pub due: case::Date,
    /// True when the reply came after the time to comply (FOISA s20(5)(b)).
    pub reply_late: bool,
    /// The provision.
    pub provision: &'static str,
}

impl Clock<'_> {
    /// The last day to ask for a review of a reply dated `replied` to a
    /// request received on `requested` (if known). Under FOISA s20(5) the 40
    /// working days run from the end of the 20 working days the authority
    /// had, or from the reply if it came later; without the request date the
    /// reply date is used, which can only give an earlier, safer date. The
    /// reply's date stands for its receipt.
    pub fn review_window(&mut self, requested: Option<Date>, replied: Date) -> Result<ReviewWindow, OutOfRange> {
        let law = self.regime.regime();
        let (from, reply_late) = match (law.review.ask_from, requested) {
            (super::ReviewFrom::EndOfTimeToComply, Some(requested)) => {
                let expiry = self.deadline(requested, law.time_limit, &[])?.due.0;
                if replied > expiry { (replied, true) } else { (expiry, false) }
            }
            _ => (replied, false),
        };
        let due = self.add_working_days(from, law.review.ask_within, &[])?.0;
        Ok(ReviewWindow {
            from: case::Date(from),
            due: case::Date(due),
            reply_late,
            provision: law.review.ask_provision,
        })
    }
}

impl Clock<'_> {
    /// The last day a fee asked for on `given` can be paid before the
    /// authority no longer has to comply (the regime's `fee_payment`: FOIA
    /// s9(2) three months beginning with the day the notice is given; EIR
    /// reg 8(5) 60 working days after it).
    pub fn last_day_to_pay(&mut self, given: Date) -> Result<Date, OutOfRange> {
        Ok(match self.regime.regime().fee_payment.period {
            super::FeePeriod::Months(n) => super::calendar::last_day_of_months_from(given, n),
            super::FeePeriod::WorkingDays(n) => self.add_working_days(given, n, &[])?.0,
        })
    }
}

fn stopped(stops: &[ClockStop], day: Date, regime: RegimeId) -> Option<String> {
    stops.iter().find_map(|s| match *s {
        ClockStop::FeesNotice { given, paid } if given <= day && day <= paid => {
            Some(format!("clock stopped: awaiting the fee ({})", regime.regime().fees_provision))
        }
        ClockStop::NotSchoolDays { from, to } if from <= day && day <= to => {
            Some("not a school day (SI 2004/3364, schools)".to_string())
        }
        _ => None,
    })
}

impl Clock<'_> {
    /// The deadline under a variation of the time for compliance (FOIA
    /// s10(4), SI 2004/3364). `specified` is the Commissioner's time where
    /// the Commissioner specifies it (armed forces, held abroad; default and
    /// cap 60). For a school, the 20th school day or the 60th working day,
    /// whichever is sooner.
    pub fn varied_deadline(
        &mut self,
        received: Date,
        variation: Variation,
        specified: Option<u32>,
        stops: &[ClockStop],
    ) -> Result<Deadline, OutOfRange> {
        let a = variation.allowance();
        match variation {
            Variation::School => {
                let school = self.deadline(received, a.working_days, stops)?;
                let fees: Vec<ClockStop> =
                    stops.iter().copied().filter(|s| matches!(s, ClockStop::FeesNotice { .. })).collect();
                let cap = self.deadline(received, a.cap, &fees)?;
                Ok(if cap.due < school.due { cap } else { school })
            }
            Variation::PublicRecords => self.deadline(received, a.working_days, stops),
            Variation::ArmedForces | Variation::HeldAbroad => {
                self.deadline(received, specified.unwrap_or(a.cap).min(a.cap), stops)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn due(regime: RegimeId, received: Date) -> Date {
        let cal = Calendar::builtin();
        Clock::new(&cal, regime).deadline(received, 20, &[]).unwrap().due.0
    }

    #[test]
    fn the_time_to_pay_a_fee() {
        let cal = Calendar::builtin();
        let last = |regime, given| Clock::new(&cal, regime).last_day_to_pay(given).unwrap();
        // Three months beginning with the day of the notice end the day
        // before the corresponding date, or at the end of a shorter month.
        assert_eq!(last(RegimeId::Foia, date!(2023 - 03 - 14)), date!(2023 - 06 - 13));
        assert_eq!(last(RegimeId::Foia, date!(2023 - 11 - 30)), date!(2024 - 02 - 29));
        assert_eq!(last(RegimeId::Foisa, date!(2023 - 01 - 31)), date!(2023 - 04 - 30));
        // 60 working days, skipping St Patrick's Day, Easter, the three May
        // bank holidays of 2023 (the Coronation among them).
        assert_eq!(last(RegimeId::Eir, date!(2023 - 03 - 14)), date!(2023 - 06 - 14));
    }

    #[test]
    fn known_answers() {
        assert_eq!(due(RegimeId::Foia, date!(2017 - 03 - 27)), date!(2017 - 04 - 26));
        assert_eq!(due(RegimeId::Foia, date!(2023 - 09 - 21)), date!(2023 - 10 - 19));
        // Received on a Saturday: day 1 is Monday.
        let cal = Calendar::builtin();
        let d = Clock::new(&cal, RegimeId::Foia).deadline(date!(2023 - 09 - 23), 20, &[]).unwrap();
        assert_eq!(d.day_one.0, date!(2023 - 09 - 25));
        assert_eq!(d.due.0, date!(2023 - 10 - 20));
    }

    #[test]
    fn regional_days_count_for_foia_but_not_foisa() {
        // St Patrick's Day 2023 (Fri 17 March) is a holiday in NI only.
        // Easter Monday is not a Scottish bank holiday.
        assert_eq!(due(RegimeId::Foia, date!(2023 - 03 - 10)), date!(2023 - 04 - 12));
        assert_eq!(due(RegimeId::Foisa, date!(2023 - 03 - 10)), date!(2023 - 04 - 10));
        let cal = Calendar::builtin();
        let d = Clock::new(&cal, RegimeId::Foia).deadline(date!(2023 - 03 - 10), 20, &[]).unwrap();
        assert!(d.skipped.iter().any(|s| s.reason == "St Patrick's Day (Northern Ireland)"), "{:?}", d.skipped);
    }

    #[test]
    fn fees_notice_stops_the_clock() {
        let cal = Calendar::builtin();
        let mut clock = Clock::new(&cal, RegimeId::Foia);
        let plain = clock.deadline(date!(2023 - 09 - 21), 20, &[]).unwrap().due.0;
        let stop = ClockStop::FeesNotice { given: date!(2023 - 09 - 25), paid: date!(2023 - 09 - 29) };
        let stopped = clock.deadline(date!(2023 - 09 - 21), 20, &[stop]).unwrap().due.0;
        assert_eq!(stopped, date!(2023 - 10 - 26));
        assert!(stopped > plain);
    }

    /// Issue 10, finding 3: FOISA s20(5) counts the 40 working days from
    /// the end of the authority's 20, not from the reply.
    #[test]
    fn foisa_review_window_runs_from_the_end_of_the_time_to_comply() {
        let cal = Calendar::builtin();
        let mut foisa = Clock::new(&cal, RegimeId::Foisa);
        // Request 1 March 2023; the 20 working days end on 29 March; a reply
        // on 10 March (in time) leaves until 40 working days after 29 March.
        let w = foisa.review_window(Some(date!(2023 - 03 - 01)), date!(2023 - 03 - 10)).unwrap();
        assert_eq!(w.from.0, date!(2023 - 03 - 29));
        assert!(!w.reply_late);
        let from_reply = foisa.deadline(date!(2023 - 03 - 10), 40, &[]).unwrap().due;
        assert!(w.due > from_reply, "{:?} vs {:?}", w.due, from_reply);
        assert_eq!(w.due, foisa.deadline(date!(2023 - 03 - 29), 40, &[]).unwrap().due);
        // A late reply (s20(5)(b)): from the reply.
        let late = foisa.review_window(Some(date!(2023 - 03 - 01)), date!(2023 - 04 - 20)).unwrap();
        assert!(late.reply_late);
        assert_eq!(late.due, foisa.deadline(date!(2023 - 04 - 20), 40, &[]).unwrap().due);
        // FOIA (s45 Code) and EIR (reg 11(2)): from the reply.
        let mut foia = Clock::new(&cal, RegimeId::Foia);
        let w = foia.review_window(Some(date!(2023 - 03 - 01)), date!(2023 - 03 - 10)).unwrap();
        assert_eq!(w.due, foia.deadline(date!(2023 - 03 - 10), 40, &[]).unwrap().due);
    }

    /// Issue 10: the Time for Compliance Regulations as deadline options.
    #[test]
    fn schools_get_twenty_school_days_or_sixty_working_days() {
        let cal = Calendar::builtin();
        let mut clock = Clock::new(&cal, RegimeId::Foia);
        // Received 10 July 2023; the summer holiday runs 21 July to 4
        // September: 7 school days in July (12 July is a bank holiday in
        // Northern Ireland), 13 in September: 21 September, before the 60th
        // working day.
        let summer = ClockStop::NotSchoolDays { from: date!(2023 - 07 - 21), to: date!(2023 - 09 - 04) };
        let d = clock.varied_deadline(date!(2023 - 07 - 10), Variation::School, None, &[summer]).unwrap();
        let school_days = clock.deadline(date!(2023 - 07 - 10), 20, &[summer]).unwrap().due;
        let sixty = clock.deadline(date!(2023 - 07 - 10), 60, &[]).unwrap().due;
        assert_eq!(d.due, school_days.min(sixty));
        assert_eq!(d.due.0, date!(2023 - 09 - 21));
        // A long closure: the 60th working day comes first.
        let closed = ClockStop::NotSchoolDays { from: date!(2023 - 07 - 11), to: date!(2023 - 12 - 31) };
        let d = clock.varied_deadline(date!(2023 - 07 - 10), Variation::School, None, &[closed]).unwrap();
        assert_eq!(d.due, sixty);
        let d = clock.varied_deadline(date!(2023 - 07 - 10), Variation::PublicRecords, None, &[]).unwrap();
        assert_eq!(d.working_days, 30);
        let d = clock.varied_deadline(date!(2023 - 07 - 10), Variation::HeldAbroad, Some(90), &[]).unwrap();
        assert_eq!(d.working_days, 60, "capped by s10(5)");
    }

    #[test]
    fn counts_days_taken() {
        let cal = Calendar::builtin();
        let mut clock = Clock::new(&cal, RegimeId::Foia);
        assert_eq!(clock.working_days_between(date!(2017 - 03 - 27), date!(2017 - 04 - 26), &[]).unwrap(), 20);
        assert_eq!(clock.working_days_between(date!(2017 - 03 - 27), date!(2017 - 03 - 27), &[]).unwrap(), 0);
    }
}
