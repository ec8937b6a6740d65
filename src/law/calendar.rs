//! UK bank holidays, 2000–2035, for England and Wales, Scotland and
//! Northern Ireland, and which days are working days under each regime.
//!
//! Sources:
//! - Banking and Financial Dealings Act 1971, Schedule 1
//!   (<https://www.legislation.gov.uk/ukpga/1971/80/schedule/1>): the
//!   statutory days of each jurisdiction and their Sunday substitutes;
//! - St Andrew's Day Bank Holiday (Scotland) Act 2007 (30 November, or the
//!   following Monday when it falls at a weekend), in force from 2007;
//! - the annual Royal Proclamations under s1(3) of the 1971 Act (New Year's
//!   Day and Saturday substitutes; the early May Monday; 12 July in Northern
//!   Ireland) and the one-off proclamations listed in [`PROCLAIMED`], as
//!   published by the Cabinet Office at <https://www.gov.uk/bank-holidays>
//!   and in The Gazette.
//!
//! Years are computed by rule; days that a proclamation added or moved are
//! data. A user can add later proclamations with [`Calendar::with_extra`]
//! without a new release.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, Month, Weekday};

/// A part of the United Kingdom with its own bank holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Jurisdiction {
    /// England and Wales.
    EnglandAndWales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
}

impl Jurisdiction {
    /// All three.
    pub const ALL: [Jurisdiction; 3] =
        [Jurisdiction::EnglandAndWales, Jurisdiction::Scotland, Jurisdiction::NorthernIreland];

    /// "England and Wales", …
    pub fn name(self) -> &'static str {
        match self {
            Jurisdiction::EnglandAndWales => "England and Wales",
            Jurisdiction::Scotland => "Scotland",
            Jurisdiction::NorthernIreland => "Northern Ireland",
        }
    }
}

/// A bank holiday in one or more jurisdictions. Also the shape of a
/// user's file of newly proclaimed days (YAML list of these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The day.
    #[serde(with = "iso")]
    pub date: Date,
    /// Its name, e.g. "Easter Monday" or "Christmas Day (substitute day)".
    pub name: String,
    /// Where it is a bank holiday.
    pub jurisdictions: Vec<Jurisdiction>,
}

/// The first and last years with data.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2035;

use Jurisdiction::{EnglandAndWales as EW, NorthernIreland as NI, Scotland as SC};

/// A day a proclamation added, or moved a regular holiday to: (date, name,
/// the regular holiday it replaces (by date) if any). All were UK-wide.
const PROCLAIMED: &[(Date, &str, Option<Date>)] = {
    use time::macros::date;
    &[
        (date!(2002 - 06 - 03), "Golden Jubilee of Queen Elizabeth II", None),
        (date!(2002 - 06 - 04), "Spring bank holiday (moved from 27 May)", Some(date!(2002 - 05 - 27))),
        (date!(2011 - 04 - 29), "Wedding of Prince William and Catherine Middleton", None),
        (date!(2012 - 06 - 04), "Spring bank holiday (moved from 28 May)", Some(date!(2012 - 05 - 28))),
        (date!(2012 - 06 - 05), "Diamond Jubilee of Queen Elizabeth II", None),
        (date!(2020 - 05 - 08), "Early May bank holiday (VE Day, moved from 4 May)", Some(date!(2020 - 05 - 04))),
        (date!(2022 - 06 - 02), "Spring bank holiday (moved from 30 May)", Some(date!(2022 - 05 - 30))),
        (date!(2022 - 06 - 03), "Platinum Jubilee of Queen Elizabeth II", None),
        (date!(2022 - 09 - 19), "State Funeral of Queen Elizabeth II", None),
        (date!(2023 - 05 - 08), "Coronation of King Charles III", None),
    ]
};

/// The days proclamations added or moved, for listing and tests.
pub fn proclaimed() -> impl Iterator<Item = (Date, &'static str)> {
    PROCLAIMED.iter().map(|(d, n, _)| (*d, *n))
}

/// Bank holidays by rule and proclamation, plus any a user added.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    extra: Vec<Holiday>,
}

/// A date outside the years the calendar covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRange(pub Date);

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is outside the years foikit has bank holidays for ({}–{})", self.0, YEARS.start(), YEARS.end())
    }
}

impl std::error::Error for OutOfRange {}

impl Calendar {
    /// The built-in calendar.
    pub fn builtin() -> Calendar {
        Calendar::default()
    }

    /// The built-in calendar plus days proclaimed since this release.
    pub fn with_extra(extra: Vec<Holiday>) -> Calendar {
        Calendar { extra }
    }

    /// Every bank holiday of `year` in any jurisdiction, in date order;
    /// holidays on the same day in several jurisdictions are merged.
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, OutOfRange> {
        if !YEARS.contains(&year) {
            return Err(OutOfRange(jan(year, 1)));
        }
        let mut by_date: BTreeMap<Date, Holiday> = BTreeMap::new();
        let mut add = |date: Date, name: &str, js: &[Jurisdiction]| {
            let h = by_date.entry(date).or_insert_with(|| Holiday {
                date,
                name: name.to_string(),
                jurisdictions: Vec::new(),
            });
            for j in js {
                if !h.jurisdictions.contains(j) {
                    h.jurisdictions.push(*j);
                }
            }
            h.jurisdictions.sort();
        };
        for (date, name, js) in by_rule(year) {
            if !PROCLAIMED.iter().any(|(_, _, moved)| *moved == Some(date)) {
                add(date, name, js);
            }
        }
        for (date, name, _) in PROCLAIMED.iter().filter(|(d, _, _)| d.year() == year) {
            add(*date, name, &Jurisdiction::ALL);
        }
        for h in self.extra.iter().filter(|h| h.date.year() == year) {
            add(h.date, &h.name, &h.jurisdictions);
        }
        Ok(by_date.into_values().collect())
    }
}

/// The regular bank holidays of `year` under the 1971 Act and the annual
/// proclamations.
fn by_rule(year: i32) -> Vec<(Date, &'static str, &'static [Jurisdiction])> {
    let mut days: Vec<(Date, &'static str, &'static [Jurisdiction])> = Vec::new();
    let easter = easter_sunday(year);

    // New Year: 1 January (E&W, NI by proclamation; Scotland by statute) and
    // 2 January (Scotland), moved to the next free weekday at a weekend.
    let new_year = jan(year, 1);
    match new_year.weekday() {
        Weekday::Friday => {
            days.push((new_year, "New Year's Day", &[EW, SC, NI]));
            days.push((jan(year, 4), "2nd January (substitute day)", &[SC]));
        }
        Weekday::Saturday => {
            days.push((jan(year, 3), "New Year's Day (substitute day)", &[EW, SC, NI]));
            days.push((jan(year, 4), "2nd January (substitute day)", &[SC]));
        }
        Weekday::Sunday => {
            days.push((jan(year, 2), "2nd January", &[SC]));
            days.push((jan(year, 2), "New Year's Day (substitute day)", &[EW, NI]));
            days.push((jan(year, 3), "New Year's Day (substitute day)", &[SC]));
        }
        _ => {
            days.push((new_year, "New Year's Day", &[EW, SC, NI]));
            days.push((jan(year, 2), "2nd January", &[SC]));
        }
    }

    days.push((weekday_on_or_after(date(year, Month::March, 17)), st_patrick_name(year), &[NI]));
    days.push((easter - time::Duration::days(2), "Good Friday", &[EW, SC, NI]));
    days.push((easter + time::Duration::days(1), "Easter Monday", &[EW, NI]));
    days.push((nth_monday(year, Month::May, 1), "Early May bank holiday", &[EW, SC, NI]));
    days.push((last_monday(year, Month::May), "Spring bank holiday", &[EW, SC, NI]));
    let boyne = date(year, Month::July, 12);
    let boyne_name = if boyne.weekday() == Weekday::Saturday || boyne.weekday() == Weekday::Sunday {
        "Battle of the Boyne (Orangemen's Day) (substitute day)"
    } else {
        "Battle of the Boyne (Orangemen's Day)"
    };
    days.push((weekday_on_or_after(boyne), boyne_name, &[NI]));
    days.push((nth_monday(year, Month::August, 1), "Summer bank holiday", &[SC]));
    days.push((last_monday(year, Month::August), "Summer bank holiday", &[EW, NI]));
    if year >= 2007 {
        let andrew = date(year, Month::November, 30);
        let name = if matches!(andrew.weekday(), Weekday::Saturday | Weekday::Sunday) {
            "St Andrew's Day (substitute day)"
        } else {
            "St Andrew's Day"
        };
        days.push((weekday_on_or_after(andrew), name, &[SC]));
    }

    // Christmas and Boxing Day, with substitutes that keep both on weekdays.
    let christmas = date(year, Month::December, 25);
    let (xmas, boxing) = match christmas.weekday() {
        Weekday::Friday => {
            ((christmas, "Christmas Day"), (date(year, Month::December, 28), "Boxing Day (substitute day)"))
        }
        Weekday::Saturday => (
            (date(year, Month::December, 27), "Christmas Day (substitute day)"),
            (date(year, Month::December, 28), "Boxing Day (substitute day)"),
        ),
        Weekday::Sunday => (
            (date(year, Month::December, 27), "Christmas Day (substitute day)"),
            (date(year, Month::December, 26), "Boxing Day"),
        ),
        _ => ((christmas, "Christmas Day"), (date(year, Month::December, 26), "Boxing Day")),
    };
    days.push((xmas.0, xmas.1, &[EW, SC, NI]));
    days.push((boxing.0, boxing.1, &[EW, SC, NI]));
    days
}

fn st_patrick_name(year: i32) -> &'static str {
    if matches!(date(year, Month::March, 17).weekday(), Weekday::Saturday | Weekday::Sunday) {
        "St Patrick's Day (substitute day)"
    } else {
        "St Patrick's Day"
    }
}

fn date(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).expect("fixed calendar dates exist in every year")
}

fn jan(year: i32, day: u8) -> Date {
    date(year, Month::January, day)
}

fn weekday_on_or_after(d: Date) -> Date {
    match d.weekday() {
        Weekday::Saturday => d + time::Duration::days(2),
        Weekday::Sunday => d + time::Duration::days(1),
        _ => d,
    }
}

fn nth_monday(year: i32, month: Month, n: u8) -> Date {
    let first = date(year, month, 1);
    let offset = (7 - i64::from(first.weekday().number_days_from_monday())) % 7;
    first + time::Duration::days(offset + 7 * (i64::from(n) - 1))
}

fn last_monday(year: i32, month: Month) -> Date {
    let last = date(year, month, time::util::days_in_month(month, year));
    last - time::Duration::days(i64::from(last.weekday().number_days_from_monday()))
}

/// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/
/// Butcher" algorithm).
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, Month::try_from(month as u8).expect("3 or 4"), day as u8)
}

mod iso {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::case::Date(*d).iso())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        crate::case::Date::deserialize(d).map(|d| d.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn days(year: i32, j: Jurisdiction) -> Vec<Date> {
        Calendar::builtin()
            .holidays(year)
            .unwrap()
            .into_iter()
            .filter(|h| h.jurisdictions.contains(&j))
            .map(|h| h.date)
            .collect()
    }

    #[test]
    fn easter_known_years() {
        assert_eq!(easter_sunday(2017), date!(2017 - 04 - 16));
        assert_eq!(easter_sunday(2024), date!(2024 - 03 - 31));
        assert_eq!(easter_sunday(2000), date!(2000 - 04 - 23));
        assert_eq!(easter_sunday(2035), date!(2035 - 03 - 25));
    }

    /// The published lists for a few years (gov.uk/bank-holidays).
    #[test]
    fn matches_published_lists() {
        assert_eq!(
            days(2022, EW),
            [
                date!(2022 - 01 - 03),
                date!(2022 - 04 - 15),
                date!(2022 - 04 - 18),
                date!(2022 - 05 - 02),
                date!(2022 - 06 - 02),
                date!(2022 - 06 - 03),
                date!(2022 - 08 - 29),
                date!(2022 - 09 - 19),
                date!(2022 - 12 - 26),
                date!(2022 - 12 - 27)
            ]
        );
        assert_eq!(
            days(2022, SC),
            [
                date!(2022 - 01 - 03),
                date!(2022 - 01 - 04),
                date!(2022 - 04 - 15),
                date!(2022 - 05 - 02),
                date!(2022 - 06 - 02),
                date!(2022 - 06 - 03),
                date!(2022 - 08 - 01),
                date!(2022 - 09 - 19),
                date!(2022 - 11 - 30),
                date!(2022 - 12 - 26),
                date!(2022 - 12 - 27)
            ]
        );
        assert_eq!(
            days(2023, NI),
            [
                date!(2023 - 01 - 02),
                date!(2023 - 03 - 17),
                date!(2023 - 04 - 07),
                date!(2023 - 04 - 10),
                date!(2023 - 05 - 01),
                date!(2023 - 05 - 08),
                date!(2023 - 05 - 29),
                date!(2023 - 07 - 12),
                date!(2023 - 08 - 28),
                date!(2023 - 12 - 25),
                date!(2023 - 12 - 26)
            ]
        );
        assert_eq!(
            days(2021, SC),
            [
                date!(2021 - 01 - 01),
                date!(2021 - 01 - 04),
                date!(2021 - 04 - 02),
                date!(2021 - 05 - 03),
                date!(2021 - 05 - 31),
                date!(2021 - 08 - 02),
                date!(2021 - 11 - 30),
                date!(2021 - 12 - 27),
                date!(2021 - 12 - 28)
            ]
        );
        assert_eq!(days(2020, EW)[3], date!(2020 - 05 - 08));
        assert!(!days(2006, SC).iter().any(|d| d.month() == Month::November), "St Andrew's Day from 2007");
        assert_eq!(days(2024, NI)[1], date!(2024 - 03 - 18));
        assert_eq!(days(2026, NI)[3], date!(2026 - 04 - 06));
    }

    #[test]
    fn out_of_range_years_are_errors() {
        assert!(Calendar::builtin().holidays(1999).is_err());
        assert!(Calendar::builtin().holidays(2036).is_err());
    }
}
