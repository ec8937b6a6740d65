//! The `foikit` binary end to end.

use std::path::Path;
use std::process::{Command, Output};

use foikit::case::{self, SourceFormat};

use crate::support;

fn foikit(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foikit"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn render_writes_docx_and_pdf_named_by_reference() {
    let dir = support::scratch("cli-render");
    let case = support::root().join("fixtures/cases/ho-43342-refusal.yaml");
    ok(&foikit(&["render", case.to_str().unwrap(), "-o", "out"], &dir));
    let mut files: Vec<String> =
        std::fs::read_dir(dir.join("out")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    assert_eq!(files, ["43342.docx", "43342.pdf"]);
}

#[test]
fn two_runs_give_identical_bytes_and_source_date_epoch_is_honoured() {
    let dir = support::scratch("cli-determinism");
    let case = support::root().join("fixtures/cases/ho-78814-release.yaml");
    let case = case.to_str().unwrap();
    for out in ["a", "b"] {
        ok(&foikit(&["render", case, "-o", out, "--format", "docx,pdf,txt,html"], &dir));
    }
    for ext in ["docx", "pdf", "txt", "html"] {
        let a = std::fs::read(dir.join(format!("a/78814.{ext}"))).unwrap();
        let b = std::fs::read(dir.join(format!("b/78814.{ext}"))).unwrap();
        assert!(a == b, "{ext} differs between runs");
    }
    let with_epoch = Command::new(env!("CARGO_BIN_EXE_foikit"))
        .args(["render", case, "-o", "c", "--format", "docx"])
        .current_dir(&dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    ok(&with_epoch);
    let core = |sub: &str| {
        let parts = support::docx_parts(&std::fs::read(dir.join(sub).join("78814.docx")).unwrap());
        parts.into_iter().find(|(n, _)| n == "docProps/core.xml").unwrap().1
    };
    assert!(core("a").contains("2024-01-09T00:00:00Z"), "{}", core("a"));
    assert!(core("c").contains("2023-11-14T22:13:20Z"), "{}", core("c"));
}

#[test]
fn new_prints_starters_that_render() {
    let dir = support::scratch("cli-new");
    for kind in ["refusal", "release"] {
        let yaml = ok(&foikit(&["new", "--kind", kind], &dir));
        assert!(yaml.starts_with("# foikit case file"));
        let case = case::parse(&yaml, SourceFormat::Yaml, kind).unwrap_or_else(|e| panic!("{e}"));
        support::composer().compose(&case).unwrap();
    }
}

#[test]
fn templates_export_edit_and_overlay() {
    let dir = support::scratch("cli-templates");
    let out = ok(&foikit(&["templates", "export", "theme"], &dir));
    assert!(out.contains("wrote"), "{out}");
    assert!(dir.join("theme/letter.hbs").exists() && dir.join("theme/README.md").exists());
    // Exporting again would overwrite edits: refused without --force.
    let again = foikit(&["templates", "export", "theme"], &dir);
    assert_eq!(again.status.code(), Some(2));
    let signoff = dir.join("theme/partials/sign-off.hbs");
    let edited = std::fs::read_to_string(&signoff).unwrap().replace("Yours sincerely,", "With kind regards,");
    std::fs::write(&signoff, edited).unwrap();
    std::fs::write(dir.join("theme/partials/sign-of.hbs"), "typo").unwrap();
    let case = support::root().join("fixtures/cases/ho-78814-release.yaml");
    let run = foikit(&["render", case.to_str().unwrap(), "--templates", "theme", "--format", "txt", "-o", "out"], &dir);
    ok(&run);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("sign-of.hbs matches no built-in template"), "{stderr}");
    let text = std::fs::read_to_string(dir.join("out/78814.txt")).unwrap();
    assert!(text.contains("With kind regards,") && !text.contains("Yours sincerely,\n\nTackling"), "{text}");
    let list = ok(&foikit(&["templates", "list", "--templates", "theme"], &dir));
    assert!(list.lines().any(|l| l.starts_with("partials/sign-off") && l.contains("theme")), "{list}");
}

#[test]
fn bad_arguments_exit_2() {
    let dir = support::scratch("cli-args");
    assert_eq!(foikit(&["render", "x.yaml", "--format", "odt"], &dir).status.code(), Some(2));
    let missing = foikit(&["render", "nope.yaml"], &dir);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.yaml"));
    assert_eq!(foikit(&["render", "case.txt"], &dir).status.code(), Some(2));
}

#[test]
fn deadline_prints_the_due_date_and_why() {
    let dir = support::scratch("cli-deadline");
    let text = ok(&foikit(&["deadline", "2017-03-27"], &dir));
    assert!(text.contains("Wednesday 26 April 2017 (2017-04-26)"), "{text}");
    assert!(text.contains("Good Friday") && text.contains("Easter Monday"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&foikit(&["deadline", "2023-03-10", "--format", "json"], &dir))).unwrap();
    assert_eq!(json["regime"], "foia");
    assert_eq!(json["received"], "2023-03-10");
    assert_eq!(json["due"], "2023-04-12");
    assert_eq!(json["skipped"][0]["reason"], "St Patrick's Day (Northern Ireland)");
    let scot: serde_json::Value =
        serde_json::from_str(&ok(&foikit(&["deadline", "2023-03-10", "--regime", "foisa", "--format", "json"], &dir)))
            .unwrap();
    assert_eq!(scot["due"], "2023-04-10");
    let eir: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &["deadline", "2023-03-10", "--regime", "eir", "--extended", "--format", "json"],
        &dir,
    )))
    .unwrap();
    assert_eq!(eir["working_days"], 40);
    assert_eq!(foikit(&["deadline", "2023-03-10", "--regime", "foisa", "--extended"], &dir).status.code(), Some(2));
    // Clarification restarts the clock from the day it arrives (s1(3), s10(6)(b)).
    let clarified: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &["deadline", "2017-03-01", "--clarified", "2017-03-27", "--format", "json"],
        &dir,
    )))
    .unwrap();
    assert_eq!((clarified["received"].as_str(), clarified["due"].as_str()), (Some("2017-03-27"), Some("2017-04-26")));
    let extended: serde_json::Value =
        serde_json::from_str(&ok(&foikit(&["deadline", "2017-03-27", "--extended", "--format", "json"], &dir)))
            .unwrap();
    assert_eq!(extended["working_days"], 40);
    assert_eq!(foikit(&["deadline", "2023-02-30"], &dir).status.code(), Some(2));
    std::fs::write(
        dir.join("days.yaml"),
        "- date: 2023-03-13\n  name: A new proclamation\n  jurisdictions: [scotland]\n",
    )
    .unwrap();
    let extra: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &["deadline", "2023-03-10", "--regime", "foisa", "--holidays", "days.yaml", "--format", "json"],
        &dir,
    )))
    .unwrap();
    assert_eq!(extra["day_one"], "2023-03-14");
}

#[test]
fn holidays_lists_days_with_their_source_and_reads_govuk_json() {
    let dir = support::scratch("cli-holidays");
    let text = ok(&foikit(&["holidays", "--year", "2026", "--jurisdiction", "scotland"], &dir));
    assert!(text.contains("2026-06-15") && text.contains("World Cup bank holiday"), "{text}");
    assert!(text.contains("St Andrew's Day Bank Holiday (Scotland) Act 2007"), "{text}");
    assert!(!text.contains("Easter Monday"), "{text}");
    let ni = ok(&foikit(&["holidays", "--year", "2026", "--jurisdiction", "northern-ireland"], &dir));
    assert!(!ni.contains("2026-06-15") && ni.contains("2026-07-13"), "{ni}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&foikit(&["holidays", "--year", "2022", "--format", "json"], &dir))).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .any(|h| h["date"] == "2022-09-19" && h["jurisdictions"].as_array().unwrap().len() == 3)
    );
    assert_eq!(foikit(&["holidays", "--jurisdiction", "wales"], &dir).status.code(), Some(2));
    // gov.uk's own file, as --holidays.
    let govuk = support::root().join("fixtures/holidays/govuk-bank-holidays.json");
    let due: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &[
            "deadline",
            "2026-06-12",
            "--regime",
            "foisa",
            "--working-days",
            "1",
            "--holidays",
            govuk.to_str().unwrap(),
            "--format",
            "json",
        ],
        &dir,
    )))
    .unwrap();
    assert_eq!(due["due"], "2026-06-16");
}

/// Issue 10: the Time for Compliance Regulations, the s17(2) notice with a
/// s10(3) extension, and the regime's own fee provision, as deadline options.
#[test]
fn deadline_options_for_variations_extensions_and_fees() {
    let dir = support::scratch("cli-deadline-options");
    let school: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &[
            "deadline",
            "2023-07-10",
            "--variation",
            "school",
            "--not-school-days",
            "2023-07-21..2023-09-04",
            "--format",
            "json",
        ],
        &dir,
    )))
    .unwrap();
    assert_eq!(school["due"], "2023-09-21");
    let records: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &["deadline", "2023-07-10", "--variation", "public-records", "--format", "json"],
        &dir,
    )))
    .unwrap();
    assert_eq!(records["working_days"], 30);
    assert_eq!(
        foikit(&["deadline", "2023-07-10", "--regime", "foisa", "--variation", "school"], &dir).status.code(),
        Some(2)
    );
    let text = ok(&foikit(&["deadline", "2023-03-10", "--extended"], &dir));
    assert!(text.contains("Notice:") && text.contains("2023-04-12") && text.contains("s17(2)"), "{text}");
    let fees = ok(&foikit(
        &["deadline", "2023-03-10", "--regime", "foisa", "--fees-notice", "2023-03-14", "--fee-paid", "2023-03-20"],
        &dir,
    ));
    assert!(fees.contains("FOISA s10(2)") && !fees.contains("FOIA s10(2)"), "{fees}");
}

/// Dates that cannot be (clarification or a fees notice before the request,
/// a backwards range, no days or more than the Regulations allow) are
/// refused; a fee paid out of time, or a notice that came after the reply
/// was due, is said.
#[test]
fn deadline_refuses_impossible_dates_and_notes_fees_out_of_time() {
    let dir = support::scratch("cli-deadline-impossible");
    for args in [
        &["deadline", "2023-03-10", "--clarified", "2023-03-01"][..],
        &["deadline", "2023-03-10", "--fees-notice", "2023-03-01", "--fee-paid", "2023-03-14"],
        &["deadline", "2023-03-10", "--working-days", "0"],
        &["deadline", "2023-06-01", "--variation", "school", "--not-school-days", "2023-09-04..2023-07-21"],
        &["deadline", "2023-06-01", "--variation", "held-abroad", "--specified", "90"],
    ] {
        let out = foikit(args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error:"), "{args:?}");
    }
    let late: serde_json::Value = serde_json::from_str(&ok(&foikit(
        &["deadline", "2023-03-10", "--fees-notice", "2023-03-14", "--fee-paid", "2023-09-14", "--format", "json"],
        &dir,
    )))
    .unwrap();
    let notes = late["notes"].to_string();
    assert!(notes.contains("2023-06-13") && notes.contains("FOIA s9(2)"), "{notes}");
    let eir = ok(&foikit(
        &["deadline", "2023-03-10", "--regime", "eir", "--fees-notice", "2023-03-14", "--fee-paid", "2023-06-15"],
        &dir,
    ));
    assert!(eir.contains("Note:") && eir.contains("2023-06-14") && eir.contains("EIR reg 8(5)"), "{eir}");
    let after =
        ok(&foikit(&["deadline", "2023-03-10", "--fees-notice", "2023-05-15", "--fee-paid", "2023-05-20"], &dir));
    assert!(after.contains("2023-04-12") && after.contains("stopped no days"), "{after}");
    let on_time =
        ok(&foikit(&["deadline", "2023-03-10", "--fees-notice", "2023-03-14", "--fee-paid", "2023-06-13"], &dir));
    assert!(!on_time.contains("Note:"), "{on_time}");
}

#[test]
fn exemptions_lists_the_catalogue() {
    let dir = support::scratch("cli-exemptions");
    let text = ok(&foikit(&["exemptions"], &dir));
    assert!(text.contains("s 24  National security") && text.contains("absolute"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&foikit(&["exemptions", "--regime", "foia", "--format", "json"], &dir))).unwrap();
    assert!(json.as_array().unwrap().iter().any(|e| e["section"] == "41" && e["absolute"] == true));
}

#[test]
fn render_refuses_a_letter_with_errors_unless_draft() {
    let dir = support::scratch("cli-draft");
    std::fs::create_dir_all(dir.join("theme/partials")).unwrap();
    std::fs::write(dir.join("theme/partials/ico-complaint.hbs"), "{{!-- dropped --}}\n").unwrap();
    // A refusal notice must tell of the right to complain (FOIA s17(7)(b)).
    let case = support::root().join("fixtures/cases/ho-43342-refusal.yaml");
    let case = case.to_str().unwrap();
    let refused = foikit(&["render", case, "--templates", "theme", "--format", "txt,pdf", "-o", "out"], &dir);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("FOI102"));
    assert!(!dir.join("out").exists(), "nothing written");
    ok(&foikit(&["render", case, "--templates", "theme", "--format", "txt,pdf", "-o", "out", "--draft"], &dir));
    let text = std::fs::read_to_string(dir.join("out/43342.txt")).unwrap();
    assert!(text.starts_with("DRAFT"), "{text}");
    if support::tool("pdftotext") {
        let pdf = support::pdftotext(&dir.join("out/43342.pdf"));
        let pages = pdf.split('\x0c').filter(|p| !p.trim().is_empty()).count();
        assert_eq!(pdf.matches("DRAFT").count(), pages, "DRAFT on every page: {pdf}");
    }
}

#[test]
fn new_writes_a_starter_that_renders_its_own_kind_and_refuses_what_the_law_lacks() {
    let dir = support::scratch("cli-new");
    let starter = ok(&foikit(&["new", "--kind", "cost-limit", "--regime", "foisa"], &dir));
    std::fs::write(dir.join("case.yaml"), starter).unwrap();
    let wrote = ok(&foikit(&["render", "case.yaml", "-o", "out", "--format", "txt"], &dir));
    assert!(wrote.contains("FOI-2026-0001.txt"), "{wrote}");
    let text = std::fs::read_to_string(dir.join("out/FOI-2026-0001.txt")).unwrap();
    assert!(text.contains("£600") && text.contains("section 12"), "{text}");
    let ack =
        ok(&foikit(&["render", "case.yaml", "-o", "out", "--format", "txt", "--letter", "acknowledgement"], &dir));
    assert!(ack.contains("acknowledgement-FOI-2026-0001.txt"), "{ack}");
    let out = foikit(&["new", "--kind", "vexatious", "--regime", "eir"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("12(4)(b)"));
    let out = foikit(&["render", "case.yaml", "-o", "out", "--letter", "holding-notice"], &dir);
    assert_eq!(out.status.code(), Some(2), "no extension in the case");
}

#[test]
fn render_font_sets_the_pdf_body_font_and_a_bad_one_is_bad_input() {
    let dir = support::scratch("cli-font");
    let case = support::root().join("fixtures/cases/council-house-style-foia.yaml");
    let font = support::root().join("assets/fonts/LiberationSans-Italic.ttf");
    let (case, font) = (case.to_str().unwrap(), font.to_str().unwrap());
    ok(&foikit(&["render", case, "-o", "out", "--format", "pdf", "--font", font], &dir));
    let pdf = lopdf::Document::load(dir.join("out/COUNCIL-2026-0150.pdf")).unwrap();
    let fonts: Vec<Vec<u8>> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok()?.get(b"BaseFont").ok()?.as_name().ok().map(<[u8]>::to_vec))
        .collect();
    assert!(fonts.iter().any(|f| f == b"AAAAAA+LiberationSans-Italic"), "the body is set in the given font: {fonts:?}");
    let bad = foikit(&["render", case, "-o", "bad", "--format", "pdf", "--font", "no-such-font.ttf"], &dir);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot read the font file no-such-font.ttf"));
}
