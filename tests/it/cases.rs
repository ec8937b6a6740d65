//! `foikit cases`: a temp folder of cases (the fixtures, their profile, and
//! late, on-time, on-hold and broken ones) read as a register on fixed days.
//! Due dates are counted by hand in the comments, so the clock is checked,
//! not copied.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use foikit::case::Date;
use foikit::cases::{self, Filter, Hold, Register, Row, Status};
use foikit::law::calendar::Calendar;

use crate::support::{root, scratch};

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// The acknowledgement fixture (FOIA, received Monday 5 October 2026,
/// due Monday 2 November) under a new reference, with `extra` appended.
fn variant(reference: &str, extra: &str) -> String {
    let base = std::fs::read_to_string(root().join("fixtures/cases/council-acknowledgement-foia.yaml")).unwrap();
    format!("{}\n{extra}\n", base.replace("COUNCIL-2026-0111", reference))
}

/// fixtures/cases in `cases/`, the profiles beside it,
/// and in `cases/more/` cases made for these tests, one of them broken.
fn folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    let cases = dir.join("cases");
    std::fs::create_dir_all(cases.join("more")).unwrap();
    std::fs::create_dir_all(dir.join("profiles")).unwrap();
    for entry in std::fs::read_dir(root().join("fixtures/cases")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, cases.join(path.file_name().unwrap())).unwrap();
        }
    }
    for entry in std::fs::read_dir(root().join("fixtures/profiles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("profiles").join(path.file_name().unwrap())).unwrap();
    }
    let more = cases.join("more");
    let write = |file: &str, text: String| std::fs::write(more.join(file), text).unwrap();
    // Answered on Friday 30 October: in time.
    write(
        "on-time.yaml",
        variant(
            "T-ONTIME-1",
            "response:\n  date: 2026-10-30\n  items:\n    - asked: the risk assessments\n      decision: released\n      body: [\"They are attached.\"]\n",
        ),
    );
    // Answered on Wednesday 4 November: 2 working days late.
    write(
        "late.yaml",
        variant(
            "T-LATE-1",
            "response:\n  date: 2026-11-04\n  items:\n    - asked: the risk assessments\n      decision: released\n      body: [\"They are attached.\"]\n",
        ),
    );
    // A fee asked for on 7 October and paid on 13 October: five working
    // days (7, 8, 9, 12, 13) do not count, so due Monday 9 November.
    write("fee-paid.yaml", variant("T-FEE-1", "fees:\n  notice: 2026-10-07\n  paid: 2026-10-13\n"));
    write("fee-unpaid.yaml", variant("T-FEE-2", "fees:\n  notice: 2026-10-07\n"));
    // Clarification answered on Monday 12 October (FOISA): the clock
    // restarts; 20 working days later is Monday 9 November.
    let scot = std::fs::read_to_string(cases.join("scottish-clarification-foisa.yaml")).unwrap();
    write(
        "clarified.yaml",
        scot.replace("SCOT-2026-0110", "T-CLAR-1")
            .replace("  date: 2026-10-07\n", "  date: 2026-10-07\n  answered: 2026-10-12\n"),
    );
    // A holding notice given on day 22 (4 November) extends nothing: the
    // reply of 20 November is 14 working days late.
    let holding = std::fs::read_to_string(cases.join("council-holding-foia.yaml")).unwrap();
    write(
        "late-notice.yaml",
        holding.replace("COUNCIL-2026-0108", "T-LATENOTICE-1").replace("  date: 2026-10-30", "  date: 2026-11-04")
            + "response:\n  date: 2026-11-20\n  items:\n    - asked: the risk assessments\n      decision: released\n      body: [\"They are attached.\"]\n",
    );
    // A requester named with a comma, for CSV quoting.
    write("comma.yaml", variant("T-COMMA-1", "").replace("name: Ms A Requester", "name: \"Requester, A\""));
    // A profile kept inside the folder, named by a case: not a case.
    std::fs::create_dir_all(more.join("profiles")).unwrap();
    std::fs::copy(root().join("fixtures/profiles/home-office.yaml"), more.join("profiles/home-office.yaml")).unwrap();
    let ho = std::fs::read_to_string(cases.join("ho-cost-limit-foia.yaml")).unwrap();
    write("ho-profile.yaml", ho.replace("HO-2026-0201", "T-PROFILE-1").replace("../profiles/", "profiles/"));
    write("broken.yaml", variant("T-BROKEN-1", "").replace("  received: 2026-10-05", "  recieved: 2026-10-05"));
    std::fs::write(more.join("notes.txt"), "not a case").unwrap();
    cases
}

fn register(dir: &Path, today: &str) -> Register {
    cases::register(dir, &Calendar::builtin(), date(today)).unwrap()
}

fn row<'a>(reg: &'a Register, reference: &str) -> &'a Row {
    reg.cases.iter().find(|r| r.reference == reference).unwrap_or_else(|| panic!("no {reference}"))
}

fn foikit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).output().unwrap()
}

#[test]
fn due_dates_follow_the_clock_and_what_the_case_records() {
    let dir = folder("cases-due");
    let reg = register(&dir, "2026-11-02");
    let due = |r: &str| row(&reg, r).due.map(Date::iso);
    assert_eq!(due("COUNCIL-2026-0111").as_deref(), Some("2026-11-02"));
    assert_eq!(due("T-FEE-1").as_deref(), Some("2026-11-09"));
    assert_eq!(due("T-CLAR-1").as_deref(), Some("2026-11-09"));
    // FOIA extension: 40 working days, and St Andrew's Day (Monday 30
    // November, Scotland) is a holiday for FOIA: Tuesday 1 December.
    assert_eq!(due("COUNCIL-2026-0108").as_deref(), Some("2026-12-01"));
    // EIR reg 7: 40 working days, the same day.
    assert_eq!(due("COUNCIL-2026-0109").as_deref(), Some("2026-12-01"));
    // Awaiting clarification or a fee: the clock is on hold.
    let scot = row(&reg, "SCOT-2026-0110");
    assert_eq!((scot.due, scot.on_hold, scot.status), (None, Some(Hold::AwaitingClarification), Status::Clarified));
    assert_eq!(row(&reg, "T-FEE-2").on_hold, Some(Hold::AwaitingFee));
    // 78814: due 19 October 2023, answered 9 January 2024: 53 working days
    // late (Christmas, Boxing Day, 1 and 2 January and St Andrew's Day skipped).
    let ho = row(&reg, "78814");
    assert_eq!((ho.late_by, ho.on_time, ho.due.map(Date::iso).as_deref()), (Some(53), Some(false), Some("2023-10-19")));
    assert_eq!(row(&reg, "43342").on_time, Some(true));
}

#[test]
fn a_proclaimed_holiday_moves_the_due_date() {
    let dir = folder("cases-holidays");
    let file = dir.parent().unwrap().join("holidays.yaml");
    std::fs::write(&file, "- date: 2026-10-20\n  name: A proclaimed day\n  jurisdictions: [england-and-wales]\n")
        .unwrap();
    let args = ["cases", dir.to_str().unwrap(), "--today", "2026-11-02", "--format", "json"];
    let out = foikit(&[&args[..], &["--holidays", file.to_str().unwrap()]].concat());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let due = |r: &str| v["cases"].as_array().unwrap().iter().find(|c| c["reference"] == r).unwrap()["due"].clone();
    assert_eq!(due("COUNCIL-2026-0111"), "2026-11-03");
    // FOISA counts Scotland's holidays only.
    assert_eq!(due("T-CLAR-1"), "2026-11-09");
}

#[test]
fn days_left_late_and_the_stage_as_at_today() {
    let dir = folder("cases-days");
    let reg = register(&dir, "2026-10-27");
    let ack = row(&reg, "COUNCIL-2026-0111");
    // 28, 29, 30 October, 2 November.
    assert_eq!((ack.days_left, ack.late_by, ack.status), (Some(4), None, Status::Received));
    // The late reply is not sent yet on 27 October.
    assert_eq!(row(&reg, "T-LATE-1").status, Status::Received);

    let reg = register(&dir, "2026-11-12");
    // 3–6 and 9–12 November.
    assert_eq!(row(&reg, "COUNCIL-2026-0111").late_by, Some(8));
    let late = row(&reg, "T-LATE-1");
    assert_eq!(
        (late.status, late.late_by, late.on_time, late.outcome),
        (Status::Replied, Some(2), Some(false), Some("release"))
    );

    // The review: asked for on 9 November, answered on 3 December; FOIA
    // Code 5.4: 20 working days, so due Tuesday 8 December (30 November skipped).
    let reg_late = register(&dir, "2026-11-20");
    let notice = row(&reg_late, "T-LATENOTICE-1");
    assert_eq!(
        (notice.due.map(Date::iso).as_deref(), notice.late_by, notice.on_time),
        (Some("2026-11-02"), Some(14), Some(false))
    );
    let review = row(&reg, "FOI-2026-0001");
    assert_eq!((review.status, review.due.map(Date::iso).as_deref()), (Status::ReviewRequested, Some("2026-12-08")));
    let reg = register(&dir, "2026-12-10");
    let review = row(&reg, "FOI-2026-0001");
    assert_eq!(review.status, Status::ReviewReplied);
    assert!(review.review.is_some() && review.outcome.is_some(), "{review:?}");
}

#[test]
fn filters_keep_what_is_due_soon_or_overdue() {
    let dir = folder("cases-filters");
    let reg = register(&dir, "2026-11-02");
    let refs = |f: Filter| -> Vec<String> {
        let mut v: Vec<String> = reg.clone().filtered(f).cases.into_iter().map(|r| r.reference).collect();
        v.sort();
        v
    };
    // Due today: the acknowledged cases (0 left); due 9 November: 5 left.
    let soon = refs(Filter { due_within: Some(5), overdue: false });
    assert!(soon.contains(&"COUNCIL-2026-0111".to_string()) && soon.contains(&"T-FEE-1".to_string()), "{soon:?}");
    assert!(soon.contains(&"T-CLAR-1".to_string()));
    assert!(!soon.contains(&"COUNCIL-2026-0108".to_string()), "due 1 December is not within 5: {soon:?}");
    assert!(refs(Filter { due_within: Some(4), overdue: false }).iter().all(|r| r != "T-FEE-1"));
    assert!(refs(Filter { due_within: None, overdue: true }).is_empty());
    let reg = register(&dir, "2026-11-03");
    let overdue = reg.filtered(Filter { overdue: true, ..Filter::default() }).cases;
    let refs: Vec<&str> = overdue.iter().map(|r| r.reference.as_str()).collect();
    assert!(refs.contains(&"COUNCIL-2026-0111") && refs.contains(&"T-COMMA-1"), "{refs:?}");
    assert!(overdue.iter().all(|r| r.status.is_open() && r.late_by == Some(1)), "{overdue:?}");
}

#[test]
fn the_summary_counts_replies_in_time_by_regime_and_outcome() {
    let dir = folder("cases-summary");
    let reg = register(&dir, "2026-11-12");
    let s = reg.summary();
    let answered = reg.cases.iter().filter(|r| r.replied.is_some()).count() as u32;
    let late: Vec<&str> = reg.cases.iter().filter(|r| r.on_time == Some(false)).map(|r| r.reference.as_str()).collect();
    let mut late_sorted = late.clone();
    late_sorted.sort();
    assert_eq!(late_sorted, ["78814", "T-LATE-1"]);
    assert_eq!((s.all.answered, s.all.on_time), (answered, answered - 2));
    // 16 fixture replies and 3 of ours, 17 in time: 89.5%.
    assert_eq!((s.all.answered, s.all.percent()), (19, Some(89)));
    let release = s.by_outcome["release"];
    // 78814 (late), T-LATE-1 (late), T-ONTIME-1, COUNCIL-2026-0113.
    assert_eq!((release.answered, release.on_time, release.percent()), (4, 2, Some(50)));
    assert_eq!(s.by_regime["foisa"].percent(), Some(100));
    assert_eq!(s.by_regime.values().map(|r| r.answered).sum::<u32>(), s.all.answered);
}

#[test]
fn a_broken_file_is_listed_and_does_not_stop_the_list() {
    let dir = folder("cases-broken");
    let reg = register(&dir, "2026-11-02");
    assert_eq!(reg.broken.len(), 1, "{:?}", reg.broken);
    let b = &reg.broken[0];
    assert_eq!(b.file, Path::new("more").join("broken.yaml").display().to_string());
    assert_eq!(b.line, Some(26));
    assert!(b.field.starts_with("request"), "{b:?}");
    assert!(reg.cases.len() > 20, "the others are listed");
    // Profiles load, and one inside the folder is not taken for a broken case.
    assert!(reg.cases.iter().any(|r| r.reference == "HO-2026-0201"));
    assert!(reg.cases.iter().any(|r| r.reference == "T-PROFILE-1"));

    let out = foikit(&["cases", dir.to_str().unwrap(), "--today", "2026-11-02"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("broken.yaml:26") && text.contains("T-ONTIME-1"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line}");
    }
    let fine = dir.join("more");
    std::fs::remove_file(fine.join("broken.yaml")).unwrap();
    assert_eq!(foikit(&["cases", fine.to_str().unwrap(), "--today", "2026-11-02"]).status.code(), Some(0));
}

#[test]
fn json_and_csv_have_one_record_per_case() {
    let dir = folder("cases-formats");
    let d = dir.to_str().unwrap();
    let json = foikit(&["cases", d, "--today", "2026-11-12", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let schema = std::fs::read_to_string(root().join("fixtures/schemas/cases.schema.json")).unwrap();
    assert_eq!(crate::schema::validate(&serde_json::from_str(&schema).unwrap(), &v), Vec::<String>::new());
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(v["today"], "2026-11-12");
    assert_eq!(v["broken"].as_array().unwrap().len(), 1);
    let ack = cases.iter().find(|c| c["reference"] == "COUNCIL-2026-0111").unwrap();
    assert_eq!((&ack["status"], &ack["due"], &ack["late_by"]), (&"received".into(), &"2026-11-02".into(), &8.into()));
    assert_eq!(v["summary"]["all"]["answered"], 19);
    assert_eq!(v["summary"]["by_regime"]["eir"]["on_time"], 3);

    let csv = foikit(&["cases", d, "--today", "2026-11-12", "--format", "csv", "--overdue"]);
    assert_eq!(csv.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&csv.stderr).contains("broken.yaml"));
    let text = String::from_utf8(csv.stdout).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[..3], ["file", "reference", "requester"]);
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), cases.iter().filter(|c| c["late_by"].is_u64() && c["replied"].is_null()).count());
    let comma = rows.iter().find(|r| r.contains("T-COMMA-1")).unwrap();
    assert!(comma.contains(",\"Requester, A\","), "{comma}");
    assert_eq!(comma.replace("\"Requester, A\"", "x").split(',').count(), header.len());
}

#[test]
fn clock_restarts_and_stops_cannot_run_backwards() {
    for (extra, field) in [
        ("fees:\n  notice: 2026-10-09\n  paid: 2026-10-07\n", "fees.paid"),
        (
            "clarification:\n  date: 2026-10-09\n  questions: [Which year?]\n  answered: 2026-10-07\n",
            "clarification.answered",
        ),
    ] {
        let err = foikit::case::parse(&variant("T-1", extra), foikit::case::SourceFormat::Yaml, "t.yaml").unwrap_err();
        assert!(err.problems().iter().any(|p| p.path == field), "{err}");
    }
}

#[test]
fn two_cases_with_one_reference_are_both_listed_and_the_second_reported() {
    let dir = scratch("cases-duplicate");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.yaml"), variant("T-DUP-1", "")).unwrap();
    std::fs::write(dir.join("sub").join("b.yaml"), variant("T-DUP-1", "")).unwrap();
    let reg = register(&dir, "2026-10-20");
    assert_eq!(reg.cases.iter().filter(|r| r.reference == "T-DUP-1").count(), 2, "neither deadline drops out");
    assert_eq!(reg.broken.len(), 1, "{:?}", reg.broken);
    let b = &reg.broken[0];
    assert_eq!((b.file.as_str(), b.field.as_str()), (Path::new("sub").join("b.yaml").to_str().unwrap(), "reference"));
    assert!(b.message.contains("also used by a.yaml"), "{}", b.message);
}
