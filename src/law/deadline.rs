//! Working days and deadlines.
//!
//! A working day is any day but a Saturday, a Sunday, Christmas Day, Good
//! Friday or a bank holiday "in any part of the United Kingdom" (FOIA
//! s10(6); EIR reg 2(1)), or, under FOISA s73, any day but a Saturday, a
//! Sunday, Christmas Day or a bank holiday in Scotland. Day 1 is the first
//! working day after the date of receipt (a request received at a weekend
//! counts from the next working day), and the limit is the 20th.

use std::collections::BTreeMap;

use serde::Serialize;
use time::{Date, Duration, Weekday};

use super::calendar::{Calendar, Jurisdiction, OutOfRange};
use super::{HolidayScope, RegimeId};
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
}

/// Counts working days under one regime.
#[derive(Debug)]
pub struct Clock<'a> {
    calendar: &'a Calendar,
    regime: RegimeId,
    /// Non-working weekdays of each year seen so far, with their reasons.
    years: BTreeMap<i32, BTreeMap<Date, String>>,
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

    /// Why `date` is not a working day, or `None` if it is one.
    pub fn non_working(&mut self, date: Date) -> Result<Option<String>, OutOfRange> {
        match date.weekday() {
            Weekday::Saturday => return Ok(Some("Saturday".into())),
            Weekday::Sunday => return Ok(Some("Sunday".into())),
            _ => {}
        }
        if !self.years.contains_key(&date.year()) {
            let table = self.year_table(date.year())?;
            self.years.insert(date.year(), table);
        }
        Ok(self.years[&date.year()].get(&date).cloned())
    }

    fn year_table(&self, year: i32) -> Result<BTreeMap<Date, String>, OutOfRange> {
        let scope = self.regime.regime().holidays;
        let mut table = BTreeMap::new();
        for h in self.calendar.holidays(year)? {
            let applies = match scope {
                HolidayScope::UnitedKingdom => true,
                HolidayScope::Scotland => h.jurisdictions.contains(&Jurisdiction::Scotland),
            };
            if applies {
                let everywhere = h.jurisdictions.len() == Jurisdiction::ALL.len();
                let reason = if everywhere || scope == HolidayScope::Scotland {
                    h.name.clone()
                } else {
                    let names: Vec<&str> = h.jurisdictions.iter().map(|j| j.name()).collect();
                    format!("{} ({})", h.name, names.join(", "))
                };
                table.insert(h.date, reason);
            }
        }
        // Christmas Day and (for FOIA and EIR) Good Friday are named in the
        // definition itself, whatever the bank holiday lists say.
        let christmas = Date::from_calendar_date(year, time::Month::December, 25).expect("exists");
        table.entry(christmas).or_insert_with(|| "Christmas Day".into());
        if scope == HolidayScope::UnitedKingdom {
            let good_friday = super::calendar::easter_sunday(year) - Duration::days(2);
            table.entry(good_friday).or_insert_with(|| "Good Friday".into());
        }
        Ok(table)
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
            let reason = match self.non_working(day)? {
                Some(r) => Some(r),
                None => stopped(stops, day),
            };
            match reason {
                None => counted += 1,
                Some(r) if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) => {
                    skipped.push(Skipped { date: case::Date(day), reason: r })
                }
                Some(_) => {}
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
            if self.non_working(day)?.is_none() && stopped(stops, day).is_none() {
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

fn stopped(stops: &[ClockStop], day: Date) -> Option<String> {
    stops.iter().find_map(|s| match *s {
        ClockStop::FeesNotice { given, paid } if given <= day && day <= paid => {
            Some("clock stopped: awaiting the fee (s10(2))".to_string())
        }
        _ => None,
    })
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

    #[test]
    fn counts_days_taken() {
        let cal = Calendar::builtin();
        let mut clock = Clock::new(&cal, RegimeId::Foia);
        assert_eq!(clock.working_days_between(date!(2017 - 03 - 27), date!(2017 - 04 - 26), &[]).unwrap(), 20);
        assert_eq!(clock.working_days_between(date!(2017 - 03 - 27), date!(2017 - 03 - 27), &[]).unwrap(), 0);
    }
}
