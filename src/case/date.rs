//! Calendar dates in case files: ISO 8601 `YYYY-MM-DD`, checked on read so
//! that "2017-02-30" is an error at its line rather than a surprise later.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Month;

/// Years a date in a case file may have: years 0000 or 9999 are typos, and
/// would give nonsense deadlines.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// For `26/04/2017` (the British order): the message that suggests the ISO
/// form, so a clerk sees "did you mean 2017-04-26".
fn day_first(s: &str) -> Option<String> {
    let mut parts = s.split(['/', '.', '-']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let (d, m, y) = (d.parse::<u8>().ok()?, m.parse::<u8>().ok()?, y.parse::<i32>().ok()?);
    Some(format!("`{s}` is not a date in the form YYYY-MM-DD: did you mean {y:04}-{m:02}-{d:02}?"))
}

/// A calendar date (no time, no zone: FOI deadlines count whole days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub time::Date);

impl Date {
    /// Parses `YYYY-MM-DD`, naming what is wrong when it is not a real date.
    pub fn parse_iso(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let bad = || format!("`{s}` is not a date in the form YYYY-MM-DD (e.g. 2017-03-27)");
        let mut parts = s.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(day_first(s).unwrap_or_else(bad));
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(day_first(s).unwrap_or_else(bad));
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
            return Err(bad());
        };
        if !YEARS.contains(&year) {
            return Err(format!(
                "`{s}` is outside the years foikit accepts ({} to {}): check the year",
                YEARS.start(),
                YEARS.end()
            ));
        }
        let month = Month::try_from(month).map_err(|_| format!("`{s}` has no month {month}: months run 01 to 12"))?;
        time::Date::from_calendar_date(year, month, day)
            .map(Date)
            .map_err(|_| format!("`{s}` is not a real date: {month} {year} has no day {day}"))
    }

    /// ISO 8601 form, as written in case files.
    pub fn iso(self) -> String {
        let d = self.0;
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

/// The key under which the toml crate passes a native date.
const TOML_DATETIME: &str = "$__toml_private_datetime";

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date in the form YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse_iso(v).map_err(E::custom)
    }

    /// TOML hands native dates over as a one-entry map under a private
    /// key; any other map (an inline table) is not a date.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        match map.next_entry::<String, String>() {
            Ok(Some((key, v))) if key == TOML_DATETIME => Date::parse_iso(&v).map_err(de::Error::custom),
            _ => Err(de::Error::custom("expected a date in the form YYYY-MM-DD, not a table")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse_iso("2017-03-27").unwrap().iso(), "2017-03-27");
        assert!(Date::parse_iso("2017-02-30").unwrap_err().contains("no day 30"));
        assert!(Date::parse_iso("2017-13-01").unwrap_err().contains("no month 13"));
        assert!(Date::parse_iso("27/03/2017").unwrap_err().contains("did you mean 2017-03-27?"));
        assert!(Date::parse_iso("0000-01-01").unwrap_err().contains("outside the years"));
        assert!(Date::parse_iso("9999-12-31").unwrap_err().contains("outside the years"));
        assert!(Date::parse_iso("2017-3-27").is_err());
    }
}
