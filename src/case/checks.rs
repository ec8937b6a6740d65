//! Rules a case must satisfy beyond its shape: field formats (called by the
//! `validator` derive) and facts that involve more than one field.

use std::borrow::Cow;

use validator::ValidationError;

use super::{AnnexKind, Case};
use crate::law::Citation;

fn invalid(code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

/// References are what clerks file by: 1–40 letters, digits and `-/._`,
/// with at least one digit.
pub fn reference(r: &str) -> Result<(), ValidationError> {
    let ok_chars = r.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'));
    if r.is_empty() || r.len() > 40 || !ok_chars || !r.chars().any(|c| c.is_ascii_digit()) {
        return Err(invalid(
            "reference",
            format!(
                "`{r}` is not a reference: use 1–40 letters, digits, `-`, `/`, `.` or `_`, including a digit (e.g. 43342 or FOI-2024-0012)"
            ),
        ));
    }
    Ok(())
}

/// Control characters (ESC, BEL, NUL…) in any text: invisible in an
/// editor, and in a `.txt` letter they would drive the reader's terminal
/// (tabs and line breaks are text). And lists longer than any letter could
/// hold, which would only make pages of nonsense.
fn hostile_values<'a>(value: &'a serde_json::Value, path: &mut Vec<Step<'a>>, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match value {
        Value::String(s) if !holds_control(s) => {}
        Value::String(s) => {
            if let Some(c) = s.chars().find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
                let message = format!("contains the control character U+{:04X}: remove it", c as u32);
                out.push((field_path(path), message));
            }
        }
        Value::Array(items) if items.len() > crate::limits::LIST_ITEMS => {
            let message = format!("has {} items: foikit accepts at most {}", items.len(), crate::limits::LIST_ITEMS);
            out.push((field_path(path), message));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                hostile_values(item, path, out);
                path.pop();
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                path.push(Step::Key(key));
                hostile_values(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Whether `s` holds a control character other than a tab or line break,
/// found by bytes: U+0000–U+001F and U+007F are single bytes, and
/// U+0080–U+009F are 0xC2 then 0x80–0x9F in UTF-8. Lets most text skip
/// decoding (a pound sign is 0xC2 0xA3).
fn holds_control(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Blocks of 32 bytes are screened without branching (the compiler
    // vectorises it); only a block with a candidate byte is looked at closely.
    bytes.chunks(32).enumerate().any(|(n, block)| {
        let candidate = block.iter().fold(false, |seen, &b| seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2));
        candidate
            && block.iter().enumerate().any(|(i, &b)| match b {
                b'\t' | b'\n' | b'\r' => false,
                0..0x20 | 0x7f => true,
                0xc2 => bytes.get(n * 32 + i + 1).is_some_and(|next| (0x80..0xa0).contains(next)),
                _ => false,
            })
    })
}

/// One step down into a value; the path is spelt out only for a problem.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `response.items[0].asked`.
fn field_path(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(key) if path.is_empty() => path.push_str(key),
            Step::Key(key) => {
                path.push('.');
                path.push_str(key);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

/// Text that must say something.
pub fn non_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() {
        return Err(invalid("blank", "must not be empty"));
    }
    Ok(())
}

/// E-mail addresses, judged by the `validator` crate's `email` check (the
/// WHATWG form, IDN and IP-literal domains). An address in the plain form
/// that check accepts first (an ASCII local part of its characters, ASCII
/// labels of letters, digits and inner hyphens) is accepted without it: the
/// check compiles two regular expressions on first use, 0.7 million
/// instructions, a fifth of reading a case. Anything else goes to the
/// check itself, so what is accepted and refused is exactly what it decides.
pub fn email(address: &str) -> Result<(), ValidationError> {
    use validator::ValidateEmail;
    if plain_email(address) || address.validate_email() {
        return Ok(());
    }
    Err(ValidationError::new("email"))
}

/// Whether `address` is in the plain form: what `validator`'s local-part
/// and domain patterns match, within its length limits.
fn plain_email(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else { return false };
    let local_ok = |b: u8| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b);
    let label_ok = |label: &str| {
        let bytes = label.as_bytes();
        (1..=63).contains(&bytes.len())
            && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
            && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
            && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
    };
    (1..=64).contains(&local.len())
        && local.bytes().all(local_ok)
        && domain.len() <= 255
        && domain.split('.').all(label_ok)
}

/// Cross-field facts, each as (field path, message).
pub fn cross_field(case: &Case) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(value) = serde_json::to_value(case) {
        hostile_values(&value, &mut Vec::new(), &mut out);
    }
    let mut err = |path: String, msg: String| out.push((path, msg));
    let regime = case.regime.regime();

    if case.request.received < regime.in_force {
        err(
            "request.received".into(),
            format!("the {} applies to requests received from {}", regime.act, regime.in_force),
        );
    }
    let dates = [
        ("request.received", Some(case.request.received)),
        ("response.date", case.response.as_ref().map(|r| r.date)),
        ("clarification.date", case.clarification.as_ref().map(|c| c.date)),
        ("extension.date", case.extension.as_ref().map(|e| e.date)),
        ("acknowledged", case.acknowledged),
        ("clarification.answered", case.clarification.as_ref().and_then(|c| c.answered)),
        ("fees.notice", case.fees.as_ref().map(|f| f.notice)),
        ("fees.paid", case.fees.as_ref().and_then(|f| f.paid)),
    ];
    for (path, date) in dates.iter().filter_map(|(p, d)| d.map(|d| (*p, d))) {
        if !crate::law::calendar::YEARS.contains(&date.0.year()) {
            let years = crate::law::calendar::YEARS;
            err(
                path.into(),
                format!("{date} is outside the years foikit has bank holidays for ({}–{})", years.start(), years.end()),
            );
        }
    }
    for (path, date) in dates.iter().skip(1).filter_map(|(p, d)| d.map(|d| (*p, d))) {
        if date < case.request.received {
            let what = if path == "response.date" { "the reply" } else { "this letter" };
            err(
                path.into(),
                format!("{what} ({date}) cannot be dated before the request was received ({})", case.request.received),
            );
        }
    }
    if let Some(ext) = &case.extension {
        super::decisions::extension(&mut err, case, ext);
    }
    if let Some(answered) = case.clarification.as_ref().and_then(|c| c.answered.filter(|a| *a < c.date)) {
        err("clarification.answered".into(), format!("the answer ({answered}) cannot come before the question"));
    }
    if let Some((fees, paid)) = case.fees.as_ref().and_then(|f| f.paid.filter(|p| *p < f.notice).map(|p| (f, p))) {
        err("fees.paid".into(), format!("the fee ({paid}) cannot be paid before the notice ({})", fees.notice));
    }
    match &case.response {
        Some(r) => super::decisions::response(&mut err, case, r),
        None if !case.exemptions.is_empty() => {
            err("exemptions".into(), "exemptions belong to a decision: add the `response`".into())
        }
        None => {}
    }
    for (i, ex) in case.exemptions.iter().enumerate() {
        exemption(&mut err, case, &format!("exemptions[{i}]"), ex);
    }

    if case.review.email.is_none() && case.review.address.is_empty() {
        err(
            "review".into(),
            format!("give an `email` or an `address` for {} requests ({})", regime.review.name, regime.notice.review),
        );
    }

    if let Some(review) = &case.internal_review {
        let Some(response) = &case.response else {
            err("internal_review".into(), "a review needs the reply it reviews: add the `response`".into());
            return out;
        };
        if review.received < response.date {
            err(
                "internal_review.received".into(),
                format!("the review cannot be requested ({}) before the reply ({})", review.received, response.date),
            );
        }
        if review.date < review.received {
            err(
                "internal_review.date".into(),
                format!(
                    "the outcome ({}) cannot come before the review was requested ({})",
                    review.date, review.received
                ),
            );
        }
        if review.conclusion != crate::case::Conclusion::Upheld && review.released.is_empty() {
            err(
                "internal_review.released".into(),
                "a review that overturns the decision, wholly or in part, must say what is now released".into(),
            );
        }
    }
    for (i, annex) in case.annexes.iter().enumerate() {
        annex_facts(&mut err, &format!("annexes[{i}]"), annex, case);
    }
    out
}

/// Checks one exemption: it exists in the regime, is not a refusal ground,
/// and says why it applies (and, if qualified, gives the public interest).
pub(super) fn exemption(
    err: &mut (impl FnMut(String, String) + ?Sized),
    case: &Case,
    path: &str,
    ex: &super::Exemption,
) {
    let regime = case.regime.regime();
    match regime.cite(&ex.section) {
        Ok(c) if c.def.kind == crate::law::Kind::RefusalGround => err(
            format!("{path}.section"),
            format!(
                "{} {} ({}) is a ground for refusing the whole request, not an exemption to withhold information under: use `response.refusal`",
                regime.provision_word, c.cited, c.def.title
            ),
        ),
        Ok(c) => exemption_facts(err, path, &c, ex, regime),
        Err(near) => err(
            format!("{path}.section"),
            format!(
                "{} {} is not an {} in the {}{}",
                regime.provision_word,
                ex.section,
                case.regime.kinds().exemption_word,
                regime.act,
                near.map(|n| format!("; did you mean {} {n}?", regime.provision_word)).unwrap_or_default()
            ),
        ),
    }
}

pub(super) fn blank_texts(err: &mut (impl FnMut(String, String) + ?Sized), path: &str, texts: &[String]) {
    if texts.is_empty() {
        err(path.to_string(), "an empty list: give at least one item".into());
    }
    for (j, t) in texts.iter().enumerate() {
        if t.trim().is_empty() {
            let p = if texts.len() == 1 && !path.ends_with(']') { path.to_string() } else { format!("{path}[{j}]") };
            err(p, "must not be empty".into());
        }
    }
}

fn exemption_facts(
    err: &mut (impl FnMut(String, String) + ?Sized),
    path: &str,
    c: &Citation,
    ex: &super::Exemption,
    regime: &crate::law::Regime,
) {
    let pi = &ex.public_interest;
    let word = regime.provision_word;
    let reasons = || format!("say why {word} {} applies ({})", c.cited, regime.notice.reasons);
    if let Some(hint) = c.limb_needed() {
        err(format!("{path}.section"), format!("{word} {} does not say which limb is relied on: {hint}", c.cited));
    }
    if c.qualified() {
        if ex.reasons.is_empty() && pi.against_disclosure.is_empty() {
            err(format!("{path}.reasons"), reasons());
        }
        if pi.for_disclosure.is_empty() || pi.against_disclosure.is_empty() {
            err(
                format!("{path}.public_interest"),
                format!(
                    "{word} {} is a qualified exemption: give the public interest factors `for` and `against` disclosure ({})",
                    c.cited,
                    c.public_interest_provision(regime.notice.public_interest)
                ),
            );
        }
    } else if ex.reasons.is_empty() {
        err(format!("{path}.reasons"), reasons());
    }
    for (key, texts) in [
        ("reasons", &ex.reasons),
        ("public_interest.for", &pi.for_disclosure),
        ("public_interest.against", &pi.against_disclosure),
    ] {
        if !texts.is_empty() {
            blank_texts(err, &format!("{path}.{key}"), texts);
        }
    }
}

fn annex_facts(err: &mut (impl FnMut(String, String) + ?Sized), path: &str, annex: &super::Annex, case: &Case) {
    let letter_fields = !annex.to.is_empty()
        || annex.date.is_some()
        || annex.salutation.is_some()
        || !annex.body.is_empty()
        || annex.closing.is_some()
        || !annex.signatories.is_empty();
    match annex.kind {
        AnnexKind::PublicInterest => {
            if case.all_exemptions().is_empty() {
                err(format!("{path}.kind"), "a public interest annex needs exemptions to weigh".into());
            }
            if annex.decided.is_none() {
                err(format!("{path}.decided"), "give the date the public interest test was decided".into());
            }
            if annex.balance.is_none() {
                err(format!("{path}.balance"), "say where the balance lies: `withhold` or `disclose`".into());
            }
            if letter_fields {
                err(
                    path.to_string(),
                    "`to`, `date`, `salutation`, `body`, `closing` and `signatories` belong to `kind: letter` annexes"
                        .into(),
                );
            }
        }
        AnnexKind::Letter => {
            if annex.body.is_empty() {
                err(format!("{path}.body"), "an annexed letter needs its text in `body`".into());
            }
            if annex.decided.is_some() || annex.balance.is_some() {
                err(path.to_string(), "`decided` and `balance` belong to `kind: public-interest` annexes".into());
            }
            for (i, item) in annex.body.iter().enumerate() {
                blank_texts(err, &format!("{path}.body[{i}]"), item.texts());
            }
        }
        AnnexKind::Document | AnnexKind::RedactionSchedule => {
            if letter_fields || annex.decided.is_some() || annex.balance.is_some() {
                err(path.to_string(), "a `kind: document` annex takes its content from `file` only, a `kind: redaction-schedule` from the letter".into());
            }
        }
    }
    match (annex.kind, &annex.file) {
        (AnnexKind::Document, None) => {
            err(format!("{path}.file"), "give the Markdown file the document is in, e.g. `file: annex-a.md`".into())
        }
        (AnnexKind::PublicInterest | AnnexKind::Letter | AnnexKind::RedactionSchedule, Some(_)) => {
            err(format!("{path}.file"), "`file` belongs to `kind: document` annexes".into())
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Addresses of every shape `validator`'s check distinguishes: plain,
    /// odd local-part characters, quoted local parts, IDN, IP literals,
    /// label and part lengths at and over their limits, and broken forms.
    fn addresses() -> Vec<String> {
        let mut out: Vec<String> = [
            "foi@homeoffice.gov.uk",
            "FOI.Requests@Example.GOV.UK",
            "a@b",
            "a@localhost",
            "x@1.2.3.4",
            "email@here.com",
            "weirder-email@here.and.there.com",
            "!def!xyz%abc@example.com",
            "a'b`c{d}|e~f^g=h?i#j$k&l*m+n/o@example.org",
            "first.last@sub-domain.example.co.uk",
            ".dot@example.com",
            "dot.@example.com",
            "two..dots@example.com",
            "email@[127.0.0.1]",
            "email@[2001:dB8::1]",
            "email@[2001:dB8:0:0:0:0:0:1]",
            "email@[::fffF:127.0.0.1]",
            "email@[256.1.1.1]",
            "email@[127.0.0.1",
            "email@127.0.0.1]",
            "email@x[127.0.0.1]",
            "email@[]",
            "email@[::1]x",
            "example@valid-----hyphens.com",
            "example@valid-with-hyphens.com",
            "test@domain.with.idn.tld.उदाहरण.परीक्षा",
            "user@bücher.example",
            "user@xn--bcher-kva.example",
            "user@ÄÖÜ.de",
            "user@münchen.de",
            "user@例え.テスト",
            "用户@例子.广告",
            "josé@example.com",
            "\"quoted\"@example.com",
            "\"quoted@at\"@example.com",
            "\"a b\"@example.com",
            "\"\\\"\"@example.com",
            "a\"b(c)d,e:f;g<h>i[j\\k]l@example.com",
            "just\"not\"right@example.com",
            "this is\"not\\allowed@example.com",
            "this\\ still\\\"not\\\\allowed@example.com",
            "a@b@example.com",
            "@example.com",
            "user@",
            "user",
            "",
            "@",
            "user@.example.com",
            "user@example.com.",
            "user@example..com",
            "user@-example.com",
            "user@example-.com",
            "user@exa_mple.com",
            "user@exa mple.com",
            " user@example.com",
            "user@example.com ",
            "user@example.com\n",
            "user\n@example.com",
            "trailingdot@shouldfail.com.",
            "a@b.c-",
            "a@1-2.3",
            "a@-",
            "a@a-b-c",
            "user@localhost.",
            "example@inv-.alid-.com",
            "example@-inv.alid-.com",
            "user@bücher..example",
            "user@.bücher.example",
            "user@xn--.example",
            "user@xn--zz.example",
            "user@ｅｘａｍｐｌｅ.com",
            "user@EXAMPLE。com",
            "user@example\u{200b}.com",
            "user@\u{ad}example.com",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Label, local-part and domain lengths at and past the limits
        // (63, 64 and 255 characters; a hyphen at a label's end).
        for n in [62, 63, 64] {
            out.push(format!("a@{}.com", "x".repeat(n)));
            out.push(format!("a@{}-.com", "x".repeat(n)));
            out.push(format!("a@{}.com", "ü".repeat(n)));
        }
        for n in [63, 64, 65] {
            out.push(format!("{}@example.com", "l".repeat(n)));
            out.push(format!("{}@example.com", "é".repeat(n)));
        }
        for labels in [3, 4, 5] {
            let domain = vec!["d".repeat(63); labels].join(".");
            out.push(format!("a@{domain}"));
            out.push(format!("a@{}", &domain[..domain.len().min(255)]));
            out.push(format!("a@{}", &domain[..domain.len().min(256)]));
        }
        out
    }

    #[test]
    fn email_accepts_and_refuses_exactly_what_validator_does() {
        use validator::ValidateEmail;
        let all = addresses();
        for address in &all {
            assert_eq!(email(address).is_ok(), address.validate_email(), "{address:?}");
            // The plain form is a part of what the check accepts.
            assert!(!plain_email(address) || address.validate_email(), "{address:?}");
        }
        // The table has both verdicts, and both paths are taken.
        assert!(all.iter().any(|a| email(a).is_err()));
        assert!(all.iter().any(|a| !plain_email(a) && email(a).is_ok()), "some accepted only by the check");
        assert!(plain_email("foi@homeoffice.gov.uk"));
        assert_eq!(email("not an address").unwrap_err().code, "email");
    }

    proptest::proptest! {
        /// Any arrangement of the characters the check turns on.
        #[test]
        fn email_agrees_with_validator(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Z", "0", "-", ".", "@", "_", "+", "'", "\"", " ", "[", "]", ":", "1.2.3.4", "::1", "ü", "xn--",
            "com", "\\", "(", ",",
        ]), 0..14)) {
            use validator::ValidateEmail;
            let address = parts.concat();
            proptest::prop_assert_eq!(email(&address).is_ok(), address.validate_email(), "{:?}", address);
        }
    }

    #[test]
    fn the_byte_test_finds_exactly_the_control_characters() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let hostile = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
            assert_eq!(hostile, holds_control(&format!("text {c} text")), "U+{:04X}", c as u32);
        }
        assert!(!holds_control("A letter\nwith lines,\ttabs and “quotes” — £5 █"));
        // A two-byte control character across the 32-byte blocks screened.
        assert!(holds_control(&format!("{}\u{9b}", "a".repeat(31))));
        assert!(!holds_control(&format!("{}£", "a".repeat(31))));
    }

    #[test]
    fn hostile_values_name_the_field() {
        let value = serde_json::json!({ "request": { "items": ["fine", "bell\u{7}"] }, "name": "esc\u{9b}" });
        let mut out = Vec::new();
        hostile_values(&value, &mut Vec::new(), &mut out);
        let paths: Vec<&str> = out.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["name", "request.items[1]"]);
        assert!(out[0].1.contains("U+009B"), "{}", out[0].1);
    }
}
