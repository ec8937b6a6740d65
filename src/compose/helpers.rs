//! Handlebars helpers. Names carry a `foi_` prefix because a helper shadows a
//! data field of the same name (a helper `section` would break `{{section}}`).

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError, RenderErrorReason};

use crate::case::Date;

/// Registers every helper on `hb`.
pub fn register(hb: &mut Handlebars<'static>) {
    hb.register_helper("foi_date", Box::new(foi_date));
    hb.register_helper("foi_ordinal", Box::new(foi_ordinal));
    hb.register_helper("foi_join", Box::new(foi_join));
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "26 April 2017": the house style for letters.
    Long,
    /// "21st September 2023".
    Ordinal,
    /// "03/04/2017": decision records.
    Numeric,
}

/// Formats `date` in `style`.
pub fn format_date(date: Date, style: DateStyle) -> String {
    let d = date.0;
    match style {
        DateStyle::Long => format!("{} {} {}", d.day(), d.month(), d.year()),
        DateStyle::Ordinal => format!("{} {} {}", ordinal(u64::from(d.day())), d.month(), d.year()),
        DateStyle::Numeric => format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year()),
    }
}

/// 1 → "1st", 12 → "12th", 22 → "22nd".
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// ["a", "b", "c"] → "a, b and c" (or "or").
pub fn join_words(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

fn param<'a>(h: &'a Helper, i: usize, name: &'static str) -> Result<&'a serde_json::Value, RenderError> {
    h.param(i).map(|p| p.value()).ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex(name, i).into())
}

fn invalid(helper: &str, message: String) -> RenderError {
    RenderErrorReason::Other(format!("{helper}: {message}")).into()
}

/// `{{foi_date request.received}}`, `{{foi_date d "ordinal"}}`, `{{foi_date d "numeric"}}`.
fn foi_date(h: &Helper, _: &Handlebars, _: &Context, _: &mut RenderContext, out: &mut dyn Output) -> HelperResult {
    let value = param(h, 0, "foi_date")?;
    let text = value.as_str().ok_or_else(|| invalid("foi_date", format!("expected a date, got {value}")))?;
    let date = Date::parse_iso(text).map_err(|e| invalid("foi_date", e))?;
    let style = match h.param(1).and_then(|p| p.value().as_str()) {
        None | Some("long") => DateStyle::Long,
        Some("ordinal") => DateStyle::Ordinal,
        Some("numeric") => DateStyle::Numeric,
        Some(other) => return Err(invalid("foi_date", format!("unknown style `{other}` (long, ordinal or numeric)"))),
    };
    out.write(&format_date(date, style))?;
    Ok(())
}

/// `{{foi_ordinal 3}}` → "3rd".
fn foi_ordinal(h: &Helper, _: &Handlebars, _: &Context, _: &mut RenderContext, out: &mut dyn Output) -> HelperResult {
    let value = param(h, 0, "foi_ordinal")?;
    let n = value.as_u64().ok_or_else(|| invalid("foi_ordinal", format!("expected a number, got {value}")))?;
    out.write(&ordinal(n))?;
    Ok(())
}

/// `{{foi_join list}}` → "a, b and c"; `{{foi_join list "or"}}`.
fn foi_join(h: &Helper, hb: &Handlebars, _: &Context, _: &mut RenderContext, out: &mut dyn Output) -> HelperResult {
    let value = param(h, 0, "foi_join")?;
    let items = value.as_array().ok_or_else(|| invalid("foi_join", format!("expected a list, got {value}")))?;
    let items: Vec<String> = items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect();
    let conj = h.param(1).and_then(|p| p.value().as_str()).unwrap_or("and");
    let escaped: Vec<String> = items.iter().map(|s| hb.get_escape_fn()(s)).collect();
    out.write(&join_words(&escaped, conj))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_of_huge_numbers_are_exact() {
        assert_eq!(ordinal(4_294_967_296), "4294967296th");
        assert_eq!(ordinal(u64::MAX), "18446744073709551615th");
    }

    #[test]
    fn formats_dates_and_ordinals() {
        let d = Date::parse_iso("2023-09-21").unwrap();
        assert_eq!(format_date(d, DateStyle::Long), "21 September 2023");
        assert_eq!(format_date(d, DateStyle::Ordinal), "21st September 2023");
        assert_eq!(format_date(Date::parse_iso("2017-04-03").unwrap(), DateStyle::Numeric), "03/04/2017");
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal).to_vec();
        assert_eq!(got, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]);
        assert_eq!(join_words(&["24(1)".into(), "41".into()], "and"), "24(1) and 41");
        assert_eq!(join_words(&["a".into(), "b".into(), "c".into()], "or"), "a, b or c");
    }
}
