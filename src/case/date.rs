//! Calendar dates in case files: ISO 8601 `YYYY-MM-DD`, checked on read so
//! that "2017-02-30" is an error at its line rather than a surprise later.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Month;

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
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
            return Err(bad());
        };
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

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date in the form YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse_iso(v).map_err(E::custom)
    }

    /// TOML hands native dates over as a one-entry map holding the text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        match map.next_entry::<String, String>()? {
            Some((_, v)) => Date::parse_iso(&v).map_err(de::Error::custom),
            None => Err(de::Error::custom("expected a date in the form YYYY-MM-DD")),
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
        assert!(Date::parse_iso("27/03/2017").is_err());
        assert!(Date::parse_iso("2017-3-27").is_err());
    }
}
