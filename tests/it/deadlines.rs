//! Deadlines against a second, deliberately simple implementation: every
//! received date from 2005 to 2035 in all three regimes, random working-day
//! counts and clock stops, and known answers worked out by hand.

use std::collections::BTreeSet;

use foikit::law::RegimeId;
use foikit::law::calendar::{Calendar, Jurisdiction, PROCLAIMED};
use foikit::law::deadline::{Clock, ClockStop};
use proptest::prelude::*;
use time::macros::date;
use time::{Date, Duration, Month, Weekday};

/// Easter Sunday from published tables, not computed: an independent oracle.
const EASTER: [(i32, u8, u8); 36] = [
    (2000, 4, 23),
    (2001, 4, 15),
    (2002, 3, 31),
    (2003, 4, 20),
    (2004, 4, 11),
    (2005, 3, 27),
    (2006, 4, 16),
    (2007, 4, 8),
    (2008, 3, 23),
    (2009, 4, 12),
    (2010, 4, 4),
    (2011, 4, 24),
    (2012, 4, 8),
    (2013, 3, 31),
    (2014, 4, 20),
    (2015, 4, 5),
    (2016, 3, 27),
    (2017, 4, 16),
    (2018, 4, 1),
    (2019, 4, 21),
    (2020, 4, 12),
    (2021, 4, 4),
    (2022, 4, 17),
    (2023, 4, 9),
    (2024, 3, 31),
    (2025, 4, 20),
    (2026, 4, 5),
    (2027, 3, 28),
    (2028, 4, 16),
    (2029, 4, 1),
    (2030, 4, 21),
    (2031, 4, 13),
    (2032, 3, 28),
    (2033, 4, 17),
    (2034, 4, 9),
    (2035, 3, 25),
];

/// Days proclamations added, where, and regular days they moved away.
const UK: &[Jurisdiction] = &Jurisdiction::ALL;
const ADDED: [(Date, &[Jurisdiction]); 11] = [
    (date!(2002 - 06 - 03), UK),
    (date!(2002 - 06 - 04), UK),
    (date!(2011 - 04 - 29), UK),
    (date!(2012 - 06 - 04), UK),
    (date!(2012 - 06 - 05), UK),
    (date!(2020 - 05 - 08), UK),
    (date!(2022 - 06 - 02), UK),
    (date!(2022 - 06 - 03), UK),
    (date!(2022 - 09 - 19), UK),
    (date!(2023 - 05 - 08), UK),
    (date!(2026 - 06 - 15), &[Jurisdiction::Scotland]),
];
const REMOVED: [Date; 4] = [date!(2002 - 05 - 27), date!(2012 - 05 - 28), date!(2020 - 05 - 04), date!(2022 - 05 - 30)];

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap(), day).unwrap()
}

fn weekend(x: Date) -> bool {
    matches!(x.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Mondays of a month, found by scanning every day.
fn mondays(y: i32, m: u8) -> Vec<Date> {
    (1..=31)
        .filter_map(|day| Date::from_calendar_date(y, Month::try_from(m).unwrap(), day).ok())
        .filter(|x| x.weekday() == Weekday::Monday)
        .collect()
}

/// One jurisdiction's holidays in one year: nominal days, then every one at
/// a weekend moves to the next weekday that is not already a holiday.
fn jurisdiction_days(y: i32, j: Jurisdiction) -> BTreeSet<Date> {
    let (_, em, ed) = EASTER.iter().find(|e| e.0 == y).copied().unwrap();
    let easter = d(y, em, ed);
    let mut nominal = vec![
        d(y, 1, 1),
        easter - Duration::days(2),
        mondays(y, 5)[0],
        *mondays(y, 5).last().unwrap(),
        d(y, 12, 25),
        d(y, 12, 26),
    ];
    match j {
        Jurisdiction::EnglandAndWales => nominal.extend([easter + Duration::days(1), *mondays(y, 8).last().unwrap()]),
        Jurisdiction::Scotland => {
            nominal.extend([d(y, 1, 2), mondays(y, 8)[0]]);
            if y >= 2007 {
                nominal.push(d(y, 11, 30));
            }
        }
        Jurisdiction::NorthernIreland => {
            nominal.extend([easter + Duration::days(1), *mondays(y, 8).last().unwrap(), d(y, 3, 17), d(y, 7, 12)])
        }
    }
    nominal.retain(|x| !REMOVED.contains(x));
    let mut days: BTreeSet<Date> = nominal.iter().copied().filter(|x| !weekend(*x)).collect();
    let mut moved: Vec<Date> = nominal.iter().copied().filter(|x| weekend(*x)).collect();
    moved.sort();
    for x in moved {
        let mut sub = x;
        while weekend(sub) || days.contains(&sub) {
            sub += Duration::days(1);
        }
        days.insert(sub);
    }
    days.extend(ADDED.iter().filter(|(x, js)| x.year() == y && js.contains(&j)).map(|(x, _)| *x));
    days
}

struct Simple {
    uk: BTreeSet<Date>,
    scotland: BTreeSet<Date>,
}

impl Simple {
    fn new() -> Simple {
        let mut uk = BTreeSet::new();
        let mut scotland = BTreeSet::new();
        for y in 2000..=2035 {
            for j in Jurisdiction::ALL {
                let days = jurisdiction_days(y, j);
                if j == Jurisdiction::Scotland {
                    scotland.extend(days.iter().copied());
                }
                uk.extend(days);
            }
        }
        Simple { uk, scotland }
    }

    fn working(&self, regime: RegimeId, x: Date) -> bool {
        let christmas = x.month() == Month::December && x.day() == 25;
        let (_, em, ed) = EASTER.iter().find(|e| e.0 == x.year()).copied().unwrap();
        let good_friday = x == d(x.year(), em, ed) - Duration::days(2);
        !weekend(x)
            && !christmas
            && match regime {
                // FOISA s73 and EISR reg 2(1): bank holidays in Scotland.
                RegimeId::Foisa | RegimeId::Eisr => !self.scotland.contains(&x),
                _ => !good_friday && !self.uk.contains(&x),
            }
    }

    fn due(&self, regime: RegimeId, received: Date, n: u32, stop: Option<(Date, Date)>) -> Date {
        let mut x = received;
        let mut counted = 0;
        while counted < n {
            x += Duration::days(1);
            let stopped = stop.is_some_and(|(a, b)| a <= x && x <= b);
            if self.working(regime, x) && !stopped {
                counted += 1;
            }
        }
        x
    }
}

fn due(regime: RegimeId, received: Date) -> Date {
    Clock::new(&Calendar::builtin(), regime).deadline(received, 20, &[]).unwrap().due.0
}

#[test]
fn every_date_2005_to_2035_agrees_with_the_simple_implementation() {
    let simple = Simple::new();
    let cal = Calendar::builtin();
    for regime in RegimeId::ALL {
        let mut clock = Clock::new(&cal, regime);
        let mut received = date!(2005 - 01 - 01);
        while received <= date!(2035 - 10 - 31) {
            let ours = clock.deadline(received, 20, &[]).unwrap().due.0;
            assert_eq!(ours, simple.due(regime, received, 20, None), "{regime:?} received {received}");
            received += Duration::days(1);
        }
    }
}

#[test]
fn holiday_lists_agree_with_the_simple_implementation() {
    let cal = Calendar::builtin();
    for y in 2000..=2035 {
        let ours = cal.holidays(y).unwrap();
        for j in Jurisdiction::ALL {
            let mine: BTreeSet<Date> = ours.iter().filter(|h| h.jurisdictions.contains(&j)).map(|h| h.date).collect();
            assert_eq!(mine, jurisdiction_days(y, j), "{y} {j:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_count_and_clock_stop_agrees(offset in 0i64..11_000, n in 0u32..80, stop_at in 0i64..40, stop_len in 0i64..30, regime in 0usize..4) {
        let regime = RegimeId::ALL[regime];
        let received = date!(2005 - 01 - 01) + Duration::days(offset);
        let given = received + Duration::days(stop_at);
        let paid = given + Duration::days(stop_len);
        let cal = Calendar::builtin();
        let ours = Clock::new(&cal, regime).deadline(received, n, &[ClockStop::FeesNotice { given, paid }]).unwrap();
        prop_assert_eq!(ours.due.0, Simple::new().due(regime, received, n, Some((given, paid))));
        let taken = Clock::new(&cal, regime).working_days_between(received, ours.due.0, &[]).unwrap();
        prop_assert!(taken >= n);
    }
}

#[test]
fn known_answers() {
    use RegimeId::{Eir, Foia, Foisa};
    let cases = [
        // The issue's anchors.
        (Foia, date!(2017 - 03 - 27), date!(2017 - 04 - 26)),
        (Foia, date!(2023 - 09 - 21), date!(2023 - 10 - 19)),
        // Easter Monday is a working day in Scotland.
        (Foisa, date!(2017 - 03 - 27), date!(2017 - 04 - 25)),
        // St Patrick's Day (NI) counts for FOIA and EIR, not FOISA.
        (Foia, date!(2023 - 03 - 10), date!(2023 - 04 - 12)),
        (Eir, date!(2023 - 03 - 10), date!(2023 - 04 - 12)),
        (Foisa, date!(2023 - 03 - 10), date!(2023 - 04 - 10)),
        // 12 July (NI) and the first Monday of August (Scotland).
        (Foia, date!(2023 - 07 - 11), date!(2023 - 08 - 10)),
        (Foisa, date!(2023 - 07 - 11), date!(2023 - 08 - 09)),
        // St Andrew's Day, Christmas, New Year and 2 January.
        (Foia, date!(2023 - 11 - 29), date!(2024 - 01 - 03)),
        (Foisa, date!(2023 - 11 - 29), date!(2024 - 01 - 03)),
        // The Scottish EIR count Scotland's bank holidays (reg 2(1)), as FOISA does.
        (RegimeId::Eisr, date!(2023 - 03 - 10), date!(2023 - 04 - 10)),
        (RegimeId::Eisr, date!(2023 - 07 - 11), date!(2023 - 08 - 09)),
        // Christmas and Boxing Day substitutes (2021: Sat/Sun), New Year substitutes (2022: Sat).
        (Foia, date!(2021 - 12 - 20), date!(2022 - 01 - 21)),
        (Foisa, date!(2021 - 12 - 20), date!(2022 - 01 - 21)),
    ];
    for (regime, received, expected) in cases {
        assert_eq!(due(regime, received), expected, "{regime:?} received {received}");
    }
}

#[test]
fn every_proclaimed_day_is_skipped_where_it_applies() {
    let cal = Calendar::builtin();
    for p in PROCLAIMED {
        for regime in RegimeId::ALL {
            let d = Clock::new(&cal, regime).deadline(p.date - Duration::days(1), 20, &[]).unwrap();
            let skipped = d.skipped.iter().any(|s| s.date.0 == p.date);
            // FOIA s10(6) and EIR reg 2(1): a bank holiday in any part of the
            // UK; FOISA s73: in Scotland.
            let scottish = matches!(regime, RegimeId::Foisa | RegimeId::Eisr);
            let applies = !scottish || p.jurisdictions.contains(&Jurisdiction::Scotland);
            assert_eq!(skipped, applies, "{} ({}) under {regime:?}: {:?}", p.name, p.date, d.skipped);
        }
    }
}

/// The day the issue found missing: Scotland's World Cup bank holiday,
/// Monday 15 June 2026 (Scotland only), counts for FOISA and, as a bank
/// holiday in a part of the UK, for FOIA and EIR too.
#[test]
fn the_2026_scottish_day_counts_everywhere_it_should() {
    let cal = Calendar::builtin();
    let day = cal.holidays(2026).unwrap().into_iter().find(|h| h.date == date!(2026 - 06 - 15)).unwrap();
    assert_eq!(day.jurisdictions, [Jurisdiction::Scotland]);
    for regime in RegimeId::ALL {
        let d = Clock::new(&cal, regime).deadline(date!(2026 - 06 - 12), 1, &[]).unwrap();
        assert_eq!(d.due.0, date!(2026 - 06 - 16), "{regime:?}");
    }
    let d = Clock::new(&cal, RegimeId::Foia).deadline(date!(2026 - 06 - 12), 1, &[]).unwrap();
    assert_eq!(d.skipped[0].reason, "World Cup bank holiday (Scotland)");
}

/// gov.uk's `bank-holidays.json` in the format gov.uk publishes it.
fn govuk_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/holidays/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The dates a gov.uk-format file lists, by jurisdiction and year.
fn published(json: &str) -> std::collections::BTreeMap<(Jurisdiction, i32), BTreeSet<Date>> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for j in Jurisdiction::ALL {
        for e in v[j.key()]["events"].as_array().unwrap() {
            let date = foikit::case::Date::parse_iso(e["date"].as_str().unwrap()).unwrap().0;
            out.entry((j, date.year())).or_insert_with(BTreeSet::new).insert(date);
        }
    }
    out
}

fn builtin_days(y: i32, j: Jurisdiction) -> BTreeSet<Date> {
    Calendar::builtin()
        .holidays(y)
        .unwrap()
        .into_iter()
        .filter(|h| h.jurisdictions.contains(&j))
        .map(|h| h.date)
        .collect()
}

#[test]
fn calendar_matches_govuk_for_every_year_it_published() {
    let govuk = published(&govuk_file("govuk-bank-holidays.json"));
    let years: BTreeSet<i32> = govuk.keys().map(|(_, y)| *y).collect();
    assert_eq!((years.first(), years.last()), (Some(&2012), Some(&2027)));
    for ((j, y), days) in &govuk {
        assert_eq!(&builtin_days(*y, *j), days, "{y} {j:?}");
    }
}

#[test]
fn calendar_matches_an_independent_implementation_before_gov_uk_published() {
    let independent = published(&govuk_file("python-holidays-2000-2011.json"));
    assert_eq!(independent.len(), 3 * 12);
    for ((j, y), days) in &independent {
        let mut days = days.clone();
        // St Andrew's Day became a bank holiday by the 2007 Act (Royal Assent
        // 15 January 2007); the independent list has it a year early.
        days.remove(&date!(2006 - 11 - 30));
        assert_eq!(builtin_days(*y, *j), days, "{y} {j:?}");
    }
}

#[test]
fn govuk_json_replaces_the_years_it_lists() {
    // gov.uk's own file reproduces the built-in deadlines…
    let cal = Calendar::from_file_text(&govuk_file("govuk-bank-holidays.json")).unwrap();
    let builtin = Calendar::builtin();
    for regime in RegimeId::ALL {
        let mut received = date!(2012 - 01 - 01);
        while received <= date!(2027 - 11 - 01) {
            let a = Clock::new(&cal, regime).deadline(received, 20, &[]).unwrap().due;
            let b = Clock::new(&builtin, regime).deadline(received, 20, &[]).unwrap().due;
            assert_eq!(a, b, "{regime:?} {received}");
            received += Duration::days(7);
        }
    }
    // …and a day it adds, moves or drops is followed for that year only.
    let mut scotland = builtin_days(2030, Jurisdiction::Scotland);
    let dropped = *scotland.iter().nth(3).unwrap();
    scotland.remove(&dropped);
    scotland.insert(date!(2030 - 03 - 04));
    let events: Vec<String> = scotland
        .iter()
        .map(|d| format!(r#"{{"title":"Day","date":"{}","notes":"","bunting":true}}"#, foikit::case::Date(*d).iso()))
        .collect();
    let json = format!(r#"{{"scotland":{{"division":"scotland","events":[{}]}}}}"#, events.join(","));
    let cal = Calendar::from_file_text(&json).unwrap();
    let loaded: BTreeSet<Date> = cal
        .holidays(2030)
        .unwrap()
        .into_iter()
        .filter(|h| h.jurisdictions.contains(&Jurisdiction::Scotland))
        .map(|h| h.date)
        .collect();
    assert_eq!(loaded, scotland);
    assert!(!loaded.contains(&dropped));
    assert_eq!(builtin_days(2030, Jurisdiction::EnglandAndWales), {
        cal.holidays(2030)
            .unwrap()
            .into_iter()
            .filter(|h| h.jurisdictions.contains(&Jurisdiction::EnglandAndWales))
            .map(|h| h.date)
            .collect::<BTreeSet<_>>()
    });
    // A cut-down file is refused rather than silently dropping days.
    let short = r#"{"scotland":{"division":"scotland","events":[
        {"title":"New Year's Day","date":"2030-01-01","notes":"","bunting":true}]}}"#;
    assert!(Calendar::from_file_text(short).unwrap_err().contains("is the file complete"));
    assert!(Calendar::from_file_text(r#"{"wales":{"division":"wales","events":[]}}"#).is_err());
}

#[test]
fn user_proclamations_extend_the_calendar() {
    let extra = foikit::law::calendar::Holiday {
        date: date!(2030 - 06 - 17),
        name: "Proclaimed day".into(),
        jurisdictions: vec![Jurisdiction::Scotland],
        source: String::new(),
    };
    let cal = Calendar::with_extra(vec![extra]);
    let d = Clock::new(&cal, RegimeId::Foisa).deadline(date!(2030 - 06 - 14), 1, &[]).unwrap();
    assert_eq!(d.due.0, date!(2030 - 06 - 18));
    assert_eq!(d.skipped[0].reason, "Proclaimed day");
}
