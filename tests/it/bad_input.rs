//! Bad case files: each error names the field and its line, the command
//! exits 2, and no output file is written or replaced.

use std::process::Command;

use foikit::case::{self, CaseError, SourceFormat};

use crate::support;

fn fixture() -> String {
    std::fs::read_to_string(support::root().join("fixtures/cases/ho-78814-release.yaml")).unwrap()
}

/// `fixture()` with `from` replaced by `to` (which must occur once).
fn mutated(from: &str, to: &str) -> String {
    let src = fixture();
    assert_eq!(src.matches(from).count(), 1, "fixture must contain `{from}` once");
    src.replace(from, to)
}

fn line_of(src: &str, needle: &str) -> usize {
    src.lines().position(|l| l.contains(needle)).expect("needle in source") + 1
}

/// Parses `src`, expects exactly the problems to name `path` at `line`, and
/// the message to contain `words`; returns the rendered report.
fn expect_problem(src: &str, path: &str, line: usize, words: &str) -> String {
    let err = case::parse(src, SourceFormat::Yaml, "bad.yaml").expect_err("must be rejected");
    let CaseError::Invalid { problems, .. } = &err else { panic!("{err}") };
    let p = problems.iter().find(|p| p.path == path).unwrap_or_else(|| panic!("no problem at `{path}` in:\n{err}"));
    assert_eq!(p.line, Some(line), "line for `{path}` in:\n{err}");
    assert!(p.message.contains(words), "`{words}` not in `{}`", p.message);
    let report = err.to_string();
    assert!(report.contains(&format!("bad.yaml:{line}:")), "report names file and line:\n{report}");
    assert!(report.contains(path), "report names the field:\n{report}");
    report
}

#[test]
fn malformed_yaml() {
    let src = mutated("  outcome: release\n", "  outcome: [release\n");
    let err = case::parse(&src, SourceFormat::Yaml, "bad.yaml").unwrap_err();
    let p = &err.problems()[0];
    assert!(p.line.is_some_and(|l| l >= line_of(&src, "outcome: [release")), "{err}");
}

#[test]
fn wrong_type() {
    let src = mutated("  held: true\n", "  held: maybe\n");
    expect_problem(&src, "response.held", line_of(&src, "held: maybe"), "");
}

#[test]
fn unknown_field_gets_a_hint() {
    let src = mutated("  name: Owen Boswarva\n", "  naem: Owen Boswarva\n");
    let report = expect_problem(&src, "requester.naem", line_of(&src, "naem:"), "did you mean `name`?");
    assert!(report.contains("unknown field"), "{report}");
}

#[test]
fn impossible_date() {
    let src = mutated("  received: 2023-09-21\n", "  received: 2023-02-30\n");
    expect_problem(&src, "request.received", line_of(&src, "2023-02-30"), "no day 30");
}

#[test]
fn missing_required_field() {
    let src = mutated("sign_off:\n  team: Tackling Child Sexual Abuse Unit\n", "");
    let err = case::parse(&src, SourceFormat::Yaml, "bad.yaml").unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.path, "sign_off", "{err}");
    assert!(p.message.contains("missing field `sign_off`") && p.line.is_some(), "{err}");
}

#[test]
fn invalid_email_and_reference() {
    let src = mutated("  email: owen.boswarva@gmail.com\n", "  email: owen at example\n");
    expect_problem(&src, "requester.email", line_of(&src, "owen at example"), "e-mail");
    let src = mutated("reference: \"78814\"\n", "reference: \"78 814\"\n");
    expect_problem(&src, "reference", 4, "not a reference");
}

#[test]
fn reply_before_request() {
    let src = mutated("  date: 2024-01-09\n", "  date: 2023-01-09\n");
    expect_problem(&src, "response.date", line_of(&src, "2023-01-09"), "before the request");
}

#[test]
fn unknown_exemption_is_named_with_the_nearest() {
    let src = std::fs::read_to_string(support::root().join("fixtures/cases/ho-43342-refusal.yaml"))
        .unwrap()
        .replace("section: \"41\"", "section: \"25\"");
    expect_problem(&src, "exemptions[1].section", line_of(&src, "section: \"25\""), "did you mean section 24?");
}

#[test]
fn json_and_toml_errors_name_the_field_and_line() {
    let json = "{\n  \"reference\": \"1\",\n  \"requester\": {\"name\": 5}\n}\n";
    let err = case::parse(json, SourceFormat::Json, "bad.json").unwrap_err();
    assert_eq!(err.problems()[0].line, Some(3), "{err}");
    let toml = "reference = \"1\"\n[requester]\nnaem = \"x\"\n";
    let err = case::parse(toml, SourceFormat::Toml, "bad.toml").unwrap_err();
    assert_eq!(err.problems()[0].line, Some(3), "{err}");
    assert!(err.problems()[0].message.contains("did you mean `name`?"), "{err}");
}

#[test]
fn fail_fast_writes_nothing_and_keeps_the_previous_output() {
    let dir = support::scratch("bad-cli");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let previous = out.join("78814.txt");
    std::fs::write(&previous, "the previous good letter").unwrap();
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, mutated("  received: 2023-09-21\n", "  received: 2023-02-30\n")).unwrap();
    let good = support::root().join("fixtures/cases/ho-78814-release.yaml");
    // A good case first and a bad one second: with --fail-fast the batch fails as a whole.
    let run = Command::new(env!("CARGO_BIN_EXE_foikit"))
        .args(["render", "--fail-fast", "--format", "txt,pdf,docx", "-o"])
        .arg(&out)
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("request.received") && stderr.contains("bad.yaml:"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&previous).unwrap(), "the previous good letter");
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, vec![std::ffi::OsString::from("78814.txt")], "no other file, no temporary left behind");
}

mod no_panic {
    use foikit::case::{self, SourceFormat};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Any edit of a valid case file is either accepted or rejected with
        /// a report that renders; nothing panics (positions past the end of a
        /// line or file, multi-byte characters, broken nesting).
        #[test]
        fn any_edit_is_handled(start in 0usize..6000, len in 0usize..200, insert in "[a-z:\\-\\[\\]{}\"' \n\té—]{0,12}") {
            let src = super::fixture();
            let mut cut = start.min(src.len());
            while !src.is_char_boundary(cut) { cut -= 1; }
            let mut end = (cut + len).min(src.len());
            while !src.is_char_boundary(end) { end -= 1; }
            let edited = format!("{}{insert}{}", &src[..cut], &src[end..]);
            for format in [SourceFormat::Yaml, SourceFormat::Json, SourceFormat::Toml] {
                if let Err(e) = case::parse(&edited, format, "edited") {
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }
    }
}

#[test]
fn refusal_grounds_are_not_exemptions() {
    let src = std::fs::read_to_string(support::root().join("fixtures/cases/ho-43342-refusal.yaml"))
        .unwrap()
        .replace("section: \"41\"", "section: \"12\"");
    expect_problem(
        &src,
        "exemptions[1].section",
        line_of(&src, "section: \"12\""),
        "ground for refusing the whole request",
    );
}

/// Issue 10: case-file checks cite the regime's own provision, and a bare
/// "40" is asked for its limb.
#[test]
fn case_checks_cite_the_regimes_own_provisions() {
    let refusal = std::fs::read_to_string(support::root().join("fixtures/cases/ho-43342-refusal.yaml")).unwrap();
    let eir = refusal
        .replace("regime: foia", "regime: eir")
        .replace("section: \"24(1)\"", "section: \"12(5)(a)\"")
        .replace("section: \"41\"", "section: \"13(1)(b)\"");
    let line = eir.lines().collect::<Vec<_>>().iter().rposition(|l| l.contains("public_interest:")).unwrap() + 1;
    let report = expect_problem(&eir, "exemptions[1].public_interest", line, "reg 13(1)(b)");
    assert!(!report.contains("FOIA s17"), "{report}");
    let bare = refusal.replace("section: \"41\"", "section: \"40\"");
    expect_problem(&bare, "exemptions[1].section", line_of(&bare, "section: \"40\""), "cite the limb");
}
