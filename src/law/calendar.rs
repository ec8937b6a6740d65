//! UK bank holidays, 2000–2035, for England and Wales, Scotland and
//! Northern Ireland, each day with where it comes from.
//!
//! Sources:
//! - Banking and Financial Dealings Act 1971, Schedule 1
//!   (<https://www.legislation.gov.uk/ukpga/1971/80/schedule/1>): para 1
//!   (England and Wales), para 2 (Scotland), para 3 (Northern Ireland), with
//!   their Sunday substitutes;
//! - St Andrew's Day Bank Holiday (Scotland) Act 2007 s1 (30 November, or the
//!   following Monday when it falls at a weekend), in force from 2007;
//! - the annual Royal Proclamations under s1(3) of the 1971 Act (New Year's
//!   Day outside Scotland, the early May Monday outside Scotland, the last
//!   Monday in May and Boxing Day in Scotland, 12 July in Northern Ireland,
//!   and the substitutes for days falling on a Saturday), and the one-off
//!   proclamations in [`PROCLAIMED`], each for the jurisdictions it names;
//! - Good Friday and Christmas Day are common-law holidays in England, Wales
//!   and Northern Ireland (FOIA s10(6) names them for that reason).
//!
//! Checked against gov.uk's published data (<https://www.gov.uk/bank-holidays.json>)
//! for every year it has published, 2012–2027 (`fixtures/holidays/`; 2028 checked by hand), and for
//! 2000–2011, which gov.uk never published, against the proclamations
//! listed below and an independent implementation (PyPI `holidays` 0.109,
//! `UnitedKingdom` with subdivisions ENG, SCT, NIR, weekdays only).
//!
//! Years are computed by rule; days that a proclamation added or moved are
//! data. A user can add later proclamations, or load gov.uk's own
//! `bank-holidays.json`, without a new release ([`Calendar::from_file_text`]).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, Weekday};

use super::HolidayScope;

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

    /// The division's key in gov.uk's `bank-holidays.json`, also the name
    /// used on the command line: "england-and-wales", "scotland", "northern-ireland".
    pub fn key(self) -> &'static str {
        match self {
            Jurisdiction::EnglandAndWales => "england-and-wales",
            Jurisdiction::Scotland => "scotland",
            Jurisdiction::NorthernIreland => "northern-ireland",
        }
    }
}

impl std::str::FromStr for Jurisdiction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Jurisdiction::ALL.into_iter().find(|j| j.key().eq_ignore_ascii_case(s)).ok_or_else(|| {
            format!("unknown jurisdiction `{s}` (expected england-and-wales, scotland or northern-ireland)")
        })
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
    /// The provision or publication that makes it one.
    #[serde(default)]
    pub source: String,
}

/// The first and last years with data.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2035;

use Jurisdiction::{EnglandAndWales as EW, NorthernIreland as NI, Scotland as SC};

/// A day a proclamation appointed, in the jurisdictions it names, and the
/// regular holiday it replaced there, if any.
#[derive(Debug, Clone, Copy)]
pub struct Proclaimed {
    /// The day.
    pub date: Date,
    /// Its name.
    pub name: &'static str,
    /// Where the proclamation made it a bank holiday.
    pub jurisdictions: &'static [Jurisdiction],
    /// The regular holiday it replaced (by date) in those jurisdictions.
    pub replaces: Option<Date>,
    /// The proclamation and where its effect is published.
    pub source: &'static str,
}

/// gov.uk's list, where each day below is published (2012 onwards).
const GOVUK: &str = "gov.uk/bank-holidays (bank-holidays.json)";

/// Every one-off day appointed by Royal Proclamation under s1(3) of the
/// 1971 Act, 2000–2026. Those from 2012 are checked against gov.uk's data;
/// 2002 and 2011 against the proclamations as reported at the time and an
/// independent implementation (python-holidays).
pub const PROCLAIMED: &[Proclaimed] = {
    use time::macros::date;
    const UK: &[Jurisdiction] = &[EW, SC, NI];
    &[
        Proclaimed {
            date: date!(2002 - 06 - 03),
            name: "Golden Jubilee of Queen Elizabeth II",
            jurisdictions: UK,
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) (Golden Jubilee, 2002)",
        },
        Proclaimed {
            date: date!(2002 - 06 - 04),
            name: "Spring bank holiday (moved from 27 May)",
            jurisdictions: UK,
            replaces: Some(date!(2002 - 05 - 27)),
            source: "Royal Proclamation under the 1971 Act s1(2)–(3) (Golden Jubilee, 2002)",
        },
        Proclaimed {
            date: date!(2011 - 04 - 29),
            name: "Wedding of Prince William and Catherine Middleton",
            jurisdictions: UK,
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) (Royal Wedding, 2011)",
        },
        Proclaimed {
            date: date!(2012 - 06 - 04),
            name: "Spring bank holiday (moved from 28 May)",
            jurisdictions: UK,
            replaces: Some(date!(2012 - 05 - 28)),
            source: "Royal Proclamation under the 1971 Act s1(2)–(3) (Diamond Jubilee); gov.uk/bank-holidays (bank-holidays.json)",
        },
        Proclaimed {
            date: date!(2012 - 06 - 05),
            name: "Diamond Jubilee of Queen Elizabeth II",
            jurisdictions: UK,
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) (Diamond Jubilee); gov.uk/bank-holidays (bank-holidays.json)",
        },
        Proclaimed {
            date: date!(2020 - 05 - 08),
            name: "Early May bank holiday (VE day, moved from 4 May)",
            jurisdictions: UK,
            replaces: Some(date!(2020 - 05 - 04)),
            source: "Royal Proclamation under the 1971 Act s1(3) (VE Day 75); gov.uk/bank-holidays (bank-holidays.json)",
        },
        Proclaimed {
            date: date!(2022 - 06 - 02),
            name: "Spring bank holiday (moved from 30 May)",
            jurisdictions: UK,
            replaces: Some(date!(2022 - 05 - 30)),
            source: "Royal Proclamation under the 1971 Act s1(2)–(3) (Platinum Jubilee); gov.uk/bank-holidays (bank-holidays.json)",
        },
        Proclaimed {
            date: date!(2022 - 06 - 03),
            name: "Platinum Jubilee bank holiday",
            jurisdictions: UK,
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) (Platinum Jubilee); gov.uk/bank-holidays (bank-holidays.json)",
        },
        Proclaimed {
            date: date!(2022 - 09 - 19),
            name: "Bank Holiday for the State Funeral of Queen Elizabeth II",
            jurisdictions: UK,
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) (September 2022); gov.uk/bank-holidays (bank-holidays.json)",
        },
        Proclaimed {
            date: date!(2023 - 05 - 08),
            name: "Bank holiday for the coronation of King Charles III",
            jurisdictions: UK,
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) (Coronation); gov.uk/bank-holidays (bank-holidays.json)",
        },
        // Scotland only: proposed by the First Minister on 5 January 2026 and
        // approved by the King under the 1971 Act (the power for Scotland is
        // devolved by the Scotland Act 1998); gov.uk lists it for Scotland alone.
        Proclaimed {
            date: date!(2026 - 06 - 15),
            name: "World Cup bank holiday",
            jurisdictions: &[SC],
            replaces: None,
            source: "Royal Proclamation under the 1971 Act s1(3) for Scotland (FIFA World Cup, 2026); gov.uk/bank-holidays (bank-holidays.json)",
        },
    ]
};

/// Bank holidays by rule and proclamation, plus any a user added.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Days added on top (a YAML list of newly proclaimed days).
    extra: Vec<Holiday>,
    /// Whole years of one jurisdiction taken from gov.uk's published data,
    /// replacing the built-in days of that jurisdiction and year.
    published: BTreeMap<(Jurisdiction, i32), Vec<(Date, String)>>,
    /// The non-working weekdays of each year and scope asked for so far.
    tables: Tables,
}

/// The weekdays of one year that are not working days, with the reason
/// each is not.
pub type DayTable = BTreeMap<Date, String>;

/// [`Calendar::non_working`]'s tables, built once a process: every letter
/// counts its deadlines over the same few years, and building a year's
/// table (its holidays by rule, merged and named) costs far more than
/// counting the days. A clone starts empty, as the data it was built from
/// may be about to change.
#[derive(Debug, Default)]
struct Tables(Mutex<BTreeMap<(HolidayScope, i32), Arc<DayTable>>>);

impl Clone for Tables {
    fn clone(&self) -> Self {
        Tables::default()
    }
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

/// The fewest bank holidays any jurisdiction has had in a year (England and
/// Wales: 8).
const MIN_PER_YEAR: usize = 8;

/// gov.uk's `bank-holidays.json`: one division per jurisdiction.
#[derive(Deserialize)]
struct GovUkDivision {
    events: Vec<GovUkEvent>,
}

#[derive(Deserialize)]
struct GovUkEvent {
    title: String,
    #[serde(with = "iso")]
    date: Date,
    #[serde(default)]
    notes: String,
}

/// One day of one jurisdiction before days are merged across jurisdictions.
struct Day {
    date: Date,
    name: String,
    jurisdiction: Jurisdiction,
    source: String,
}

impl Calendar {
    /// The built-in calendar.
    pub fn builtin() -> Calendar {
        Calendar::default()
    }

    /// The built-in calendar plus days proclaimed since this release.
    pub fn with_extra(extra: Vec<Holiday>) -> Calendar {
        Calendar { extra, ..Calendar::default() }
    }

    /// The built-in calendar updated from gov.uk's `bank-holidays.json`
    /// (<https://www.gov.uk/bank-holidays.json>): for every jurisdiction and
    /// year the file lists, its days replace the built-in ones, so a day
    /// gov.uk adds, moves or drops is followed. Years the file does not list
    /// keep the built-in days.
    pub fn from_govuk(json: &str) -> Result<Calendar, String> {
        let divisions: BTreeMap<String, GovUkDivision> =
            serde_json::from_str(json).map_err(|e| format!("not gov.uk's bank-holidays.json: {e}"))?;
        let mut published: BTreeMap<(Jurisdiction, i32), Vec<(Date, String)>> = BTreeMap::new();
        for (key, division) in divisions {
            let j: Jurisdiction = key.parse()?;
            for e in division.events {
                if !YEARS.contains(&e.date.year()) {
                    continue;
                }
                let name =
                    if e.notes.is_empty() { e.title } else { format!("{} ({})", e.title, e.notes.to_lowercase()) };
                published.entry((j, e.date.year())).or_default().push((e.date, name));
            }
        }
        if published.is_empty() {
            return Err("gov.uk's bank-holidays.json lists no day in the years foikit covers".into());
        }
        // Each year replaces the built-in one, so a cut-down file would drop
        // days silently: every jurisdiction has at least 8 a year.
        if let Some(((j, year), days)) = published.iter().find(|(_, days)| days.len() < MIN_PER_YEAR) {
            return Err(format!(
                "bank-holidays.json lists {} day(s) for {} in {year}; every year has at least {MIN_PER_YEAR}: is the file complete?",
                days.len(),
                j.name()
            ));
        }
        Ok(Calendar { published, ..Calendar::default() })
    }

    /// Reads a file of bank holidays: gov.uk's `bank-holidays.json` (a JSON
    /// object keyed by division), or a YAML (or JSON) list of [`Holiday`]s
    /// proclaimed after this release.
    pub fn from_file_text(text: &str) -> Result<Calendar, String> {
        if text.trim_start().starts_with('{') {
            return Calendar::from_govuk(text);
        }
        serde_saphyr::from_str::<Vec<Holiday>>(text).map(Calendar::with_extra).map_err(|e| e.to_string())
    }

    /// The weekdays of `year` that are not working days where `scope`'s
    /// bank holidays apply, each with why: its holidays (named with where
    /// they are kept, when not everywhere), Christmas Day and, for the
    /// whole United Kingdom, Good Friday.
    pub fn non_working(&self, year: i32, scope: HolidayScope) -> Result<Arc<DayTable>, OutOfRange> {
        let lock = || self.tables.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(table) = lock().get(&(scope, year)) {
            return Ok(Arc::clone(table));
        }
        let table = Arc::new(self.day_table(year, scope)?);
        lock().insert((scope, year), Arc::clone(&table));
        Ok(table)
    }

    fn day_table(&self, year: i32, scope: HolidayScope) -> Result<DayTable, OutOfRange> {
        let mut table = DayTable::new();
        for h in self.holidays(year)? {
            let applies = match scope {
                HolidayScope::UnitedKingdom => true,
                HolidayScope::Scotland => h.jurisdictions.contains(&Jurisdiction::Scotland),
            };
            if !applies {
                continue;
            }
            let everywhere = h.jurisdictions.len() == Jurisdiction::ALL.len();
            let reason = if everywhere || scope == HolidayScope::Scotland {
                h.name.clone()
            } else {
                let names: Vec<&str> = h.jurisdictions.iter().map(|j| j.name()).collect();
                format!("{} ({})", h.name, names.join(", "))
            };
            // One day can carry two names (2 January 2023: New Year's Day
            // substitute in England, 2nd January in Scotland): give both.
            table.entry(h.date).and_modify(|r: &mut String| *r = format!("{r}; {reason}")).or_insert(reason);
        }
        // Christmas Day and (for FOIA and EIR) Good Friday are named in the
        // definition itself, whatever the bank holiday lists say.
        let christmas = Date::from_calendar_date(year, Month::December, 25).expect("exists");
        table.entry(christmas).or_insert_with(|| "Christmas Day".into());
        if scope == HolidayScope::UnitedKingdom {
            let good_friday = easter_sunday(year) - Duration::days(2);
            table.entry(good_friday).or_insert_with(|| "Good Friday".into());
        }
        Ok(table)
    }

    /// Every bank holiday of `year` in any jurisdiction, in date order;
    /// a day with the same name in several jurisdictions is one entry.
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, OutOfRange> {
        if !YEARS.contains(&year) {
            return Err(OutOfRange(jan(year, 1)));
        }
        let mut days: Vec<Day> = Vec::new();
        for j in Jurisdiction::ALL {
            if let Some(list) = self.published.get(&(j, year)) {
                let source = format!("{GOVUK}, as loaded");
                days.extend(list.iter().map(|(date, name)| Day {
                    date: *date,
                    name: name.clone(),
                    jurisdiction: j,
                    source: source.clone(),
                }));
                continue;
            }
            let proclaimed: Vec<&Proclaimed> =
                PROCLAIMED.iter().filter(|p| p.date.year() == year && p.jurisdictions.contains(&j)).collect();
            for r in by_rule(year).into_iter().filter(|r| r.jurisdictions.contains(&j)) {
                if !proclaimed.iter().any(|p| p.replaces == Some(r.date)) {
                    days.push(Day { date: r.date, name: r.name.into(), jurisdiction: j, source: r.source.into() });
                }
            }
            days.extend(proclaimed.iter().map(|p| Day {
                date: p.date,
                name: p.name.into(),
                jurisdiction: j,
                source: p.source.into(),
            }));
        }
        for h in self.extra.iter().filter(|h| h.date.year() == year) {
            for j in &h.jurisdictions {
                let source = if h.source.is_empty() { "added with --holidays".to_string() } else { h.source.clone() };
                days.push(Day { date: h.date, name: h.name.clone(), jurisdiction: *j, source });
            }
        }
        let mut merged: BTreeMap<(Date, String), (Holiday, Vec<String>)> = BTreeMap::new();
        for d in days {
            let (h, sources) = merged.entry((d.date, d.name.clone())).or_insert_with(|| {
                (Holiday { date: d.date, name: d.name, jurisdictions: Vec::new(), source: String::new() }, Vec::new())
            });
            if !h.jurisdictions.contains(&d.jurisdiction) {
                h.jurisdictions.push(d.jurisdiction);
                h.jurisdictions.sort();
            }
            if !sources.contains(&d.source) {
                sources.push(d.source);
            }
        }
        Ok(merged.into_values().map(|(h, sources)| Holiday { source: sources.join("; "), ..h }).collect())
    }
}

/// A regular holiday: by statute or by the annual proclamation.
struct Rule {
    date: Date,
    name: &'static str,
    jurisdictions: &'static [Jurisdiction],
    source: &'static str,
}

const ANNUAL: &str = "annual Royal Proclamation under the 1971 Act s1(3)";
const NEW_YEAR: &str = "1971 Act Sch 1 para 2 (Scotland); annual Royal Proclamation elsewhere";

/// The regular bank holidays of `year` under the 1971 Act, the 2007 Act
/// and the annual proclamations.
fn by_rule(year: i32) -> Vec<Rule> {
    let mut days = Vec::new();
    let mut push = |date: Date, name: &'static str, jurisdictions: &'static [Jurisdiction], source: &'static str| {
        days.push(Rule { date, name, jurisdictions, source })
    };
    let easter = easter_sunday(year);

    // New Year: 1 January (England, Wales and NI by the annual proclamation;
    // Scotland by Sch 1 para 2, which also gives 2 January and moves either
    // from a Sunday to 3 January); Saturday substitutes by proclamation.
    let new_year = jan(year, 1);
    match new_year.weekday() {
        Weekday::Friday => {
            push(new_year, "New Year's Day", &[EW, NI], NEW_YEAR);
            push(new_year, "New Year's Day", &[SC], NEW_YEAR);
            push(jan(year, 4), "2nd January (substitute day)", &[SC], ANNUAL);
        }
        Weekday::Saturday => {
            push(jan(year, 3), "New Year's Day (substitute day)", &[EW, SC, NI], ANNUAL);
            push(jan(year, 4), "2nd January (substitute day)", &[SC], ANNUAL);
        }
        Weekday::Sunday => {
            push(jan(year, 2), "New Year's Day (substitute day)", &[EW, NI], ANNUAL);
            push(jan(year, 2), "2nd January", &[SC], "1971 Act Sch 1 para 2");
            push(jan(year, 3), "New Year's Day (substitute day)", &[SC], "1971 Act Sch 1 para 2");
        }
        _ => {
            push(new_year, "New Year's Day", &[EW, NI], NEW_YEAR);
            push(new_year, "New Year's Day", &[SC], NEW_YEAR);
            push(jan(year, 2), "2nd January", &[SC], "1971 Act Sch 1 para 2");
        }
    }

    // St Patrick's Day: Sch 1 para 3 (a Sunday moves to 18 March); a
    // Saturday's substitute is proclaimed.
    let patrick = date(year, Month::March, 17);
    let (name, source) = match patrick.weekday() {
        Weekday::Saturday => ("St Patrick's Day (substitute day)", ANNUAL),
        Weekday::Sunday => ("St Patrick's Day (substitute day)", "1971 Act Sch 1 para 3"),
        _ => ("St Patrick's Day", "1971 Act Sch 1 para 3"),
    };
    push(weekday_on_or_after(patrick), name, &[NI], source);
    push(
        easter - time::Duration::days(2),
        "Good Friday",
        &[EW, SC, NI],
        "1971 Act Sch 1 para 2 (Scotland); a common-law holiday elsewhere, named in FOIA s10(6)",
    );
    push(easter + time::Duration::days(1), "Easter Monday", &[EW, NI], "1971 Act Sch 1 paras 1 and 3");
    push(
        nth_monday(year, Month::May, 1),
        "Early May bank holiday",
        &[EW, SC, NI],
        "1971 Act Sch 1 para 2 (Scotland); annual Royal Proclamation elsewhere",
    );
    push(
        last_monday(year, Month::May),
        "Spring bank holiday",
        &[EW, SC, NI],
        "1971 Act Sch 1 paras 1 and 3; annual Royal Proclamation in Scotland",
    );
    let boyne = date(year, Month::July, 12);
    let boyne_name = if matches!(boyne.weekday(), Weekday::Saturday | Weekday::Sunday) {
        "Battle of the Boyne (Orangemen's Day) (substitute day)"
    } else {
        "Battle of the Boyne (Orangemen's Day)"
    };
    push(weekday_on_or_after(boyne), boyne_name, &[NI], ANNUAL);
    push(nth_monday(year, Month::August, 1), "Summer bank holiday", &[SC], "1971 Act Sch 1 para 2");
    push(last_monday(year, Month::August), "Summer bank holiday", &[EW, NI], "1971 Act Sch 1 paras 1 and 3");
    if year >= 2007 {
        let andrew = date(year, Month::November, 30);
        let name = if matches!(andrew.weekday(), Weekday::Saturday | Weekday::Sunday) {
            "St Andrew's Day (substitute day)"
        } else {
            "St Andrew's Day"
        };
        push(weekday_on_or_after(andrew), name, &[SC], "St Andrew's Day Bank Holiday (Scotland) Act 2007 s1");
    }

    // Christmas and Boxing Day, with substitutes that keep both on weekdays
    // (Sch 1 gives 27 December when 25 or 26 December is a Sunday; the
    // other substitutes, and Boxing Day in Scotland, are proclaimed).
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
    push(
        xmas.0,
        xmas.1,
        &[EW, SC, NI],
        "1971 Act Sch 1 para 2 (Scotland); a common-law holiday elsewhere, named in FOIA s10(6); substitutes by annual Royal Proclamation",
    );
    push(
        boxing.0,
        boxing.1,
        &[EW, SC, NI],
        "1971 Act Sch 1 paras 1 and 3; annual Royal Proclamation in Scotland and for substitutes",
    );
    days
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

/// The same day of the month `months` later, or the month's last day where
/// it has no such day (31 January + 1 month = 28 or 29 February).
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months as i32;
    let (year, month) = (total / 12, Month::try_from((total % 12 + 1) as u8).expect("1..=12"));
    let day = d.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).expect("clamped to the month")
}

/// The last day of a period of `months` months beginning with `d`: the day
/// before the corresponding date, or, where the last month has no
/// corresponding date, that month's last day (the corresponding date rule,
/// Dodds v Walker [1981] 1 WLR 1027).
pub fn last_day_of_months_from(d: Date, months: u32) -> Date {
    let end = add_months(d, months);
    if end.day() < d.day() { end } else { end.previous_day().unwrap_or(end) }
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
