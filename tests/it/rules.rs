//! The validator: every rule against its pass and fail fixtures, the seed
//! letters as real-world input, composed letters, and the report formats
//! against their schemas.

use std::process::Command;

use foikit::check::{self, Letter, rules::RULES};
use foikit::compose::{Composer, TemplateSet};

use crate::{schema, support};

fn fixture(rule: &str, kind: &str) -> Letter {
    let path = support::root().join("fixtures/rules").join(rule).join(format!("{kind}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Letter::from_text(&format!("{rule}/{kind}.txt"), &text)
}

#[test]
fn every_rule_fails_its_fail_fixture_and_only_there() {
    for rule in RULES {
        let fail = check::check_with(&fixture(rule.name, "fail"), &[rule]);
        assert!(!fail.is_empty(), "{} ({}) does not fire on its fail fixture", rule.name, rule.code);
        assert!(fail.iter().all(|d| d.code == rule.code));
        // A pass fixture is a letter with nothing wrong at all.
        let pass = check::check(&fixture(rule.name, "pass"));
        assert!(pass.is_empty(), "{} pass fixture has findings: {pass:#?}", rule.name);
    }
}

/// The NCND pass fixture with one sentence put before its review paragraph.
fn ncnd_with(sentence: &str) -> Vec<String> {
    let text = std::fs::read_to_string(support::root().join("fixtures/rules/ncnd-reveals-holding/pass.txt")).unwrap();
    let text = text.replacen("If you are dissatisfied", &format!("{sentence}\n\nIf you are dissatisfied"), 1);
    graded("ncnd.txt", &text)
}

#[test]
fn an_ncnd_reply_gives_nothing_away_by_a_search_result_or_a_denial() {
    assert_eq!(ncnd_with("We searched our files and found a number of relevant records."), ["FOI206"]);
    assert_eq!(ncnd_with("The Department does not hold any information about these contracts."), ["FOI206"]);
    // The usual caveats reveal nothing.
    assert!(ncnd_with("This should not be taken as an indication that the information is or is not held.").is_empty());
    assert!(ncnd_with("Any records, if they were held, would be exempt under section 31(1).").is_empty());
}

#[test]
fn a_review_paragraph_need_not_ask_for_the_reference() {
    // Neither the statutes nor the Codes ask for it: no finding at all.
    let text = std::fs::read_to_string(support::root().join("fixtures/rules/ncnd-reveals-holding/pass.txt")).unwrap();
    let text = text.replace(", quoting reference FOI-2024-0101", "");
    assert!(text.contains("internal review") && !text.contains("FOI-2024-0101,"));
    assert!(graded("no-quote.txt", &text).is_empty());
}

#[test]
fn a_reply_after_an_extension_is_held_to_the_extended_limit() {
    let late = std::fs::read_to_string(support::root().join("fixtures/rules/late-response/fail.txt")).unwrap();
    assert_eq!(graded("late.txt", &late), ["FOI301w"]);
    // 29 working days, after a s10(3) notice: within the further 20 the ICO accepts.
    let notice = "Further to our letter of 29 January 2024, in which we extended the time to consider the public interest under section 10(3), we have now reached a decision.";
    let after = late.replacen("Your request has been handled", &format!("{notice} Your request has been handled"), 1);
    assert!(graded("extended.txt", &after).is_empty());
    // Past the extended limit it is late again, and says so.
    let later = after.replacen("12 February 2024", "12 April 2024", 1);
    let found = check::check(&Letter::from_text("later.txt", &later));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("as extended"), "{}", found[0].message);
}

#[test]
fn an_eir_refusal_on_cost_is_a_cost_limit_owing_advice_and_a_public_interest_test() {
    let path = support::root().join("fixtures/rules/probes/eir-manifestly-unreasonable-cost.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let letter = Letter::from_text("eir-cost.txt", &text);
    assert_eq!(letter.kind, foikit::kind::LetterKind::CostLimit);
    assert!(graded("eir-cost.txt", &text).is_empty());
    // Reg 9 advice and assistance, and the reg 12(1)(b) test, are each owed.
    let advice = "Under regulation 9 we can advise that if you narrowed your request to a single year, or to one ward, we may be able to provide it.";
    assert_eq!(graded("no-advice.txt", &text.replace(advice, "")), ["FOI205"]);
    let weighed = text.find("We have considered the public interest").unwrap();
    let end = weighed + text[weighed..].find("\n\n").unwrap() + 2;
    assert_eq!(graded("no-pit.txt", &format!("{}{}", &text[..weighed], &text[end..])), ["FOI203"]);
    // The same refusal on the requester's conduct is vexatious.
    let conduct = text.replace(
        "We consider the request manifestly unreasonable",
        "We consider the request vexatious and manifestly unreasonable",
    );
    assert_eq!(Letter::from_text("vex.txt", &conduct).kind, foikit::kind::LetterKind::Vexatious);
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(support::root().join("fixtures/seeds").join(format!("{name}.txt"))).unwrap()
}

fn codes(name: &str, text: &str) -> Vec<&'static str> {
    check::check(&Letter::from_text(name, text))
        .into_iter()
        .filter(|d| d.severity == check::Severity::Error)
        .map(|d| d.code)
        .collect()
}

/// Removes the text from `from` up to (not including) `to`.
fn cut(text: &str, from: &str, to: &str) -> String {
    let a = text.find(from).unwrap_or_else(|| panic!("`{from}` not in seed"));
    let b = a + text[a..].find(to).unwrap_or_else(|| panic!("`{to}` not in seed"));
    format!("{}{}", &text[..a], &text[b..])
}

/// Every finding as "FOI101" (an error) or "FOI101w" (a warning).
fn graded(name: &str, text: &str) -> Vec<String> {
    check::check(&Letter::from_text(name, text))
        .into_iter()
        .map(|d| format!("{}{}", d.code, if d.severity == check::Severity::Warning { "w" } else { "" }))
        .collect()
}

#[test]
fn seed_letters_pass_and_fail_when_a_required_paragraph_is_deleted() {
    // A refusal notice owes both paragraphs by statute (FOIA s17(7)); a full
    // release only under the s45 Code, so there they are warnings.
    for (name, grade, review_start, review_end, ico_start, ico_end) in [
        (
            "ho-43342-refusal",
            "",
            "If you are dissatisfied",
            "If you remain dissatisfied",
            "If you remain dissatisfied",
            "Yours sincerely",
        ),
        (
            "ho-78814-release",
            "w",
            "If you are dissatisfied",
            "As part of any internal review",
            "If you were to remain",
            "A link to the Home Office",
        ),
    ] {
        let text = seed(name);
        assert_eq!(codes(name, &text), Vec::<&str>::new(), "{name} as written");
        let without_review = cut(&text, review_start, review_end);
        assert!(
            graded(name, &without_review).contains(&format!("FOI101{grade}")),
            "{name} without its review paragraph"
        );
        let without_ico = cut(&text, ico_start, ico_end);
        let found: Vec<String> = graded(name, &without_ico).into_iter().filter(|c| !c.starts_with("FOI301")).collect();
        assert_eq!(found, [format!("FOI102{grade}")], "{name} without its ICO paragraph");
    }
}

#[test]
fn the_fixture_cases_pass_in_every_format() {
    for case in support::CASES {
        let doc = support::document(case);
        let path = support::root().join("fixtures/cases").join(format!("{case}.yaml"));
        let c = foikit::case::load(&path).unwrap();
        let errors: Vec<_> = check::check(&Letter::from_case(case, &c, c.stage_kind(), &doc))
            .into_iter()
            .filter(|d| d.severity == check::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{case}: {errors:#?}");
        for format in [foikit::render::Format::Docx, foikit::render::Format::Pdf, foikit::render::Format::Txt] {
            let bytes = support::render(case, format);
            let fmt =
                foikit::read::extract::LetterFormat::from_path(format!("x.{}", format.extension()).as_ref()).unwrap();
            let text = foikit::read::extract::text(case, fmt, &bytes).unwrap();
            let errors: Vec<_> = check::check(&Letter::from_text(case, &text))
                .into_iter()
                .filter(|d| d.severity == check::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{case} as {format}: {errors:#?}");
        }
    }
}

#[test]
fn a_template_that_drops_the_review_paragraph_is_caught() {
    let dir = support::scratch("rules-override");
    std::fs::create_dir_all(dir.join("partials")).unwrap();
    std::fs::write(dir.join("partials/internal-review.hbs"), "{{!-- dropped --}}\n").unwrap();
    let composer = Composer::new(TemplateSet::with_overlay(&dir).unwrap()).unwrap();
    let path = support::root().join("fixtures/cases/ho-78814-release.yaml");
    let case = foikit::case::load(&path).unwrap();
    let doc = composer.compose(&case).unwrap();
    let found: Vec<_> =
        check::check(&Letter::from_case("78814", &case, case.stage_kind(), &doc)).into_iter().map(|d| d.code).collect();
    assert!(found.contains(&"FOI101"), "{found:?}");
}

fn foikit(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).current_dir(support::root()).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn reports_validate_against_their_schemas_and_exit_codes_follow_findings() {
    let load = |f: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(support::root().join("fixtures/schemas").join(f)).unwrap())
            .unwrap()
    };
    let fail = "fixtures/rules/missing-internal-review/fail.txt";
    let late = "fixtures/rules/late-response/fail.txt";
    let (code, json) = foikit(&["check", fail, late, "--format", "json"]);
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(schema::validate(&load("check.schema.json"), &json), Vec::<String>::new());
    assert_eq!(json["errors"], 1);
    assert_eq!(json["diagnostics"][0]["code"], "FOI101");
    let (_, sarif) = foikit(&["check", fail, late, "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(schema::validate(&load("sarif-2.1.0-subset.schema.json"), &sarif), Vec::<String>::new());
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    // The checker itself catches a broken report.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!schema::validate(&load("sarif-2.1.0-subset.schema.json"), &broken).is_empty());
    // Warnings alone pass unless denied.
    assert_eq!(foikit(&["check", late]).0, Some(0));
    assert_eq!(foikit(&["check", late, "--deny-warnings"]).0, Some(1));
    assert_eq!(foikit(&["check", "fixtures/rules/late-response/pass.txt"]).0, Some(0));
    assert_eq!(foikit(&["check", "no-such-letter.pdf"]).0, Some(2));
    let (code, human) = foikit(&["check", fail]);
    assert_eq!(code, Some(1));
    assert!(human.contains("error[FOI101] missing-internal-review") && human.contains("= help:"), "{human}");
}

#[test]
fn explain_and_rules_document_every_rule() {
    let (code, list) = foikit(&["rules"]);
    assert_eq!(code, Some(0));
    for rule in RULES {
        assert!(list.contains(rule.code) && list.contains(rule.name));
        let (code, doc) = foikit(&["explain", rule.name]);
        assert_eq!(code, Some(0));
        assert!(doc.contains("## Why it matters") && doc.contains(rule.code), "{doc}");
    }
    assert_eq!(foikit(&["explain", "FOI999"]).0, Some(2));
}

#[test]
fn findings_on_a_case_file_name_its_line() {
    let dir = support::scratch("rules-case-lines");
    std::fs::create_dir_all(dir.join("theme/partials")).unwrap();
    std::fs::write(dir.join("theme/partials/internal-review.hbs"), "{{!-- dropped --}}\n").unwrap();
    let theme = dir.join("theme");
    let (code, json) = foikit(&[
        "check",
        "fixtures/cases/ho-78814-release.yaml",
        "--templates",
        theme.to_str().unwrap(),
        "--format",
        "json",
    ]);
    // A release owes the review paragraph only under the s45 Code: a warning.
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let by_code = |c: &str| json["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == c).cloned().unwrap();
    let source = std::fs::read_to_string(support::root().join("fixtures/cases/ho-78814-release.yaml")).unwrap();
    let line_of = |needle: &str| source.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
    assert_eq!(by_code("FOI101")["line"], line_of("review:"));
    assert_eq!(by_code("FOI301")["line"], line_of("  date: 2024-01-09"));
}

mod no_panic {
    use foikit::check::{self, Letter};
    use foikit::read::extract::{self, LetterFormat};
    use foikit::render::Format;
    use proptest::prelude::*;

    use crate::support;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Any text is a letter the rules can read, even nonsense.
        #[test]
        fn any_text_is_checked(text in "(?s)[ -~\n£é–’\u{c}]{0,600}") {
            let letter = Letter::from_text("fuzz.txt", &text);
            let _ = check::check(&letter);
            // …read as HTML, or as a text file, it is refused or read, never a panic.
            for format in [LetterFormat::Html, LetterFormat::Text] {
                if let Ok(l) = foikit::read::letter("fuzz", format, text.as_bytes(), None) {
                    let _ = check::check(&l);
                }
            }
            // …and any text is a reply a requester can answer.
            let reply = foikit::requester::Reply::from_letter(&letter);
            let date = foikit::case::Date::parse_iso("2024-06-03").unwrap();
            let _ = support::composer().compose_review_request(&reply, &Default::default(), date);
        }

        /// Damaged DOCX and PDF files are refused with an error, never a panic.
        #[test]
        fn damaged_files_are_refused_or_read(at in 0usize..40_000, len in 1usize..400, byte in any::<u8>(), pdf in any::<bool>()) {
            let (format, kind) = if pdf { (Format::Pdf, LetterFormat::Pdf) } else { (Format::Docx, LetterFormat::Docx) };
            let mut bytes = support::render("ho-78814-release", format);
            let start = at % bytes.len();
            let end = (start + len).min(bytes.len());
            // Even bytes truncate the file (an interrupted download); odd ones corrupt a run.
            if byte % 2 == 0 {
                bytes.truncate(start);
            } else {
                bytes[start..end].iter_mut().for_each(|b| *b ^= byte);
            }
            if let Ok(text) = extract::text("fuzz", kind, &bytes) {
                let _ = check::check(&Letter::from_text("fuzz", &text));
            }
        }
    }
}

/// Letters written to probe the law, each as an authority might word it
/// (abbreviated citations, lists of provisions, other words for a review,
/// advice or a weighing, wrong cost limits for the kind of authority, an
/// NCND reply that gives the answer away): each gets what the law says of
/// it, listed in `fixtures/rules/probes/law/EXPECTED`.
#[test]
fn probe_letters_get_what_the_law_says() {
    let dir = support::root().join("fixtures/rules/probes/law");
    let expected = std::fs::read_to_string(dir.join("EXPECTED")).unwrap();
    let mut wrong = Vec::new();
    let mut seen = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut words = line.split_whitespace();
        let (name, want) = (words.next().unwrap(), words.next().unwrap());
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let mut got: Vec<String> = check::check(&Letter::from_text(name, &text))
            .into_iter()
            .map(|d| format!("{}{}", d.code, if d.severity == check::Severity::Warning { "w" } else { "" }))
            .collect();
        got.sort();
        got.dedup();
        let got = if got.is_empty() { "-".to_string() } else { got.join(",") };
        if got != want {
            wrong.push(format!("{name}: expected {want}, got {got}"));
        }
        seen += 1;
    }
    let letters = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(seen, letters, "every letter is listed");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
