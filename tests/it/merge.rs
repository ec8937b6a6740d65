//! Mail merge through the command line: one base case, a letter per row,
//! bad rows named by line and field while every good row is written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support;

fn foikit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn example(name: &str) -> String {
    support::root().join("examples/mail-merge").join(name).display().to_string()
}

fn written(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// The rows of the README's example, as `(reference, requester name)`,
/// read from the CSV itself so the test follows the example.
fn example_rows() -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_path(example("rows.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (reference, requester) = (at("reference"), at("requester.name"));
    reader.records().map(|r| r.unwrap()).map(|r| (r[reference].to_string(), r[requester].to_string())).collect()
}

#[test]
fn the_readme_example_writes_one_letter_per_row() {
    let out = support::scratch("merge-example");
    let dir = out.display().to_string();
    let run = foikit(&["render", &example("base.yaml"), "--merge", &example("rows.csv"), "-o", &dir, "-f", "txt,pdf"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let rows = example_rows();
    assert!(rows.len() >= 3);
    assert_eq!(written(&out).len(), rows.len() * 2, "{:?}", written(&out));
    for (reference, name) in &rows {
        let text = std::fs::read_to_string(out.join(format!("acknowledgement-{reference}.txt"))).unwrap();
        assert!(text.contains(name.as_str()) && text.contains(reference.as_str()), "{reference}: {text}");
        assert!(!text.contains("Set by each row"), "the base's placeholder leaked into {reference}");
    }
    assert!(stderr(&run).contains(&format!("{} letters rendered", rows.len())), "{}", stderr(&run));
}

#[test]
fn json_lines_rows_merge_over_the_base() {
    let out = support::scratch("merge-jsonl");
    let dir = out.display().to_string();
    let run = foikit(&["render", &example("base.yaml"), "--merge", &example("rows.jsonl"), "-o", &dir, "-f", "txt"]);
    assert!(run.status.success(), "{}", stderr(&run));
    for line in std::fs::read_to_string(example("rows.jsonl")).unwrap().lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let reference = row["reference"].as_str().unwrap();
        let text = std::fs::read_to_string(out.join(format!("acknowledgement-{reference}.txt"))).unwrap();
        assert!(text.contains(row["requester"]["name"].as_str().unwrap()));
        // The base's authority is kept where the row says nothing of it.
        assert!(text.contains("Example Borough Council"));
    }
}

/// A rows file with good rows and one of each kind of bad row.
fn bad_rows(dir: &Path) -> PathBuf {
    let rows = dir.join("rows.csv");
    std::fs::write(
        &rows,
        "reference,requester.name,requester.email,request.received,requester.nmae\n\
         M-1,Ms A,a@example.org,2026-10-05,\n\
         M-2,Ms B,not-an-email,2026-10-05,\n\
         M-3,Ms C,,05/10/2026,\n\
         M/4,Ms D,,2026-10-05,\n\
         M-4,Ms E,,2026-10-05,\n\
         M-5,,,2026-10-05,\n\
         M-6,Ms F,,2026-10-05,typo\n\
         M-7,too,few\n\
         M-8,\"Ms \"\"Quoted\"\"\nSecond line\",,2026-10-05,\n",
    )
    .unwrap();
    rows
}

#[test]
fn bad_rows_are_named_by_line_and_field_and_good_rows_are_written() {
    let out = support::scratch("merge-bad");
    let rows = bad_rows(&out);
    let dir = out.join("out");
    let run = foikit(&[
        "render",
        &example("base.yaml"),
        "--merge",
        &rows.display().to_string(),
        "-o",
        &dir.display().to_string(),
        "-f",
        "txt",
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let err = stderr(&run);
    let rows = rows.display().to_string();
    for expected in [
        format!("error: {rows}:3: field requester.email: is not a valid e-mail address"),
        format!(
            "error: {rows}:4: field request.received: `05/10/2026` is not a date in the form YYYY-MM-DD: did you mean 2026-10-05?"
        ),
        format!("error: {rows}:5 and {rows}:6 would both be written to"),
        format!("error: {rows}:6 and {rows}:5 would both be written to"),
        format!("error: {rows}:7: field requester.name: missing field `name`"),
        format!("error: {rows}:8: field requester.nmae: unknown field `nmae`"),
        format!("error: {rows}:9: this row has 3 cells, the header 5"),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    // A quoted cell over two lines is one row, and the next line number is right.
    assert_eq!(written(&dir), ["acknowledgement-M-1.txt", "acknowledgement-M-8.txt"], "{err}");
    assert!(err.contains("7 inputs failed"), "{err}");
}

#[test]
fn fail_fast_writes_nothing_and_check_validates_every_row() {
    let out = support::scratch("merge-fail-fast");
    let rows = bad_rows(&out).display().to_string();
    let dir = out.join("out");
    let run =
        foikit(&["render", &example("base.yaml"), "--merge", &rows, "--fail-fast", "-o", &dir.display().to_string()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(written(&dir).is_empty(), "{:?}", written(&dir));

    let check = foikit(&["check", &example("base.yaml"), "--merge", &rows, "--format", "json"]);
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let files: Vec<&str> = report["letters"].as_array().unwrap().iter().map(|l| l["file"].as_str().unwrap()).collect();
    // Rows 2, 5, 6 and 10 make cases (a collision is only a problem when writing).
    assert_eq!(files, [2, 5, 6, 10].map(|l| format!("{rows}:{l}")), "{report}");
    let unreadable = report["unreadable"].as_array().unwrap();
    assert_eq!(unreadable.len(), 5, "{report}");
    let good = foikit(&["check", &example("base.yaml"), "--merge", &example("rows.csv")]);
    assert!(good.status.success(), "{}", stderr(&good));
}

#[test]
fn a_bad_header_or_base_stops_before_any_row() {
    let out = support::scratch("merge-header");
    let rows = out.join("rows.csv");
    std::fs::write(&rows, "reference,requester..name\nX,Y\n").unwrap();
    let run = foikit(&["render", &example("base.yaml"), "--merge", &rows.display().to_string(), "-o", "/nonexistent"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains(":1: column 2: column `requester..name` is not a field path"), "{}", stderr(&run));
    let other = support::root().join("fixtures/cases/ho-78814-release.yaml").display().to_string();
    let twice = foikit(&["render", &example("base.yaml"), &other, "--merge", &example("rows.csv")]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr(&twice).contains("--merge takes one base case file"), "{}", stderr(&twice));
}
