//! `foikit golden update|check` end to end, on copies of the fixture cases
//! in a scratch folder: the workflow a user's CI runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::{schema, support};

fn foikit(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foikit"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A scratch folder with `cases/` (the fixture cases, not the broken
/// variants), `profiles/` (the authority profiles they name) and `golden/`
/// made by `foikit golden update`.
fn workspace(name: &str) -> PathBuf {
    let dir = support::scratch(name);
    for folder in ["cases", "profiles"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        for entry in std::fs::read_dir(support::root().join("fixtures").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, dir.join(folder).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let out = foikit(&["golden", "update", "cases", "--dir", "golden"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    dir
}

fn schema(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(support::root().join("fixtures/schemas").join(name)).unwrap())
        .unwrap()
}

#[test]
fn update_then_check_passes_and_a_second_update_writes_nothing() {
    let dir = workspace("golden-roundtrip");
    let out = foikit(&["golden", "check", "cases", "--dir", "golden"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 changed, 0 new; 0 stale"), "{}", stdout(&out));
    let again = foikit(&["golden", "update", "cases", "--dir", "golden"], &dir);
    assert!(stdout(&again).contains("0 snapshots written"), "{}", stdout(&again));
    // Files and globs name the same cases as the folder.
    let out = foikit(&["golden", "check", "cases/*.yaml", "--dir", "golden"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// The phrase the edited template changes, and the letters that print it.
const PHRASE: &str = "has been handled as a request";

#[test]
fn a_template_edit_shows_the_changed_words_in_every_affected_letter_and_nothing_else() {
    let dir = workspace("golden-template-edit");
    let templates = dir.join("templates/partials");
    std::fs::create_dir_all(&templates).unwrap();
    let original = std::fs::read_to_string(support::root().join("templates/partials/request.hbs")).unwrap();
    assert!(original.contains(PHRASE), "the test edits this phrase");
    std::fs::write(templates.join("request.hbs"), original.replace(PHRASE, "has been treated as a request")).unwrap();
    // Which letters print the phrase, read from their snapshots.
    let mut affected = Vec::new();
    for case in std::fs::read_dir(dir.join("golden")).unwrap() {
        for file in std::fs::read_dir(case.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Some(letter) = name.strip_suffix(".txt").filter(|l| !l.contains('.'))
                && std::fs::read_to_string(&path)
                    .unwrap()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(PHRASE)
            {
                let case = path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
                affected.push(format!("{case}/{letter}"));
            }
        }
    }
    assert!(affected.len() >= 2, "{affected:?}");

    let human = foikit(&["golden", "check", "cases", "--dir", "golden", "--templates", "templates"], &dir);
    assert_eq!(human.status.code(), Some(1), "{}", stdout(&human));
    let text = stdout(&human);
    assert_eq!(text.matches("[-handled-] as a request").count(), affected.len(), "{text}");
    assert_eq!(text.matches("{+treated+} as a request").count(), affected.len(), "{text}");

    let out =
        foikit(&["golden", "check", "cases", "--dir", "golden", "--templates", "templates", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema::validate(&schema("golden.schema.json"), &json), Vec::<String>::new());
    let mut changed = Vec::new();
    for l in json["letters"].as_array().unwrap() {
        let name = format!("{}/{}", l["case"].as_str().unwrap(), l["letter"].as_str().unwrap());
        if l["status"] != "changed" {
            continue;
        }
        let text = l["parts"].as_array().unwrap().iter().find(|p| p["part"] == "text").expect("the text changed");
        assert_eq!(text["inserted"], serde_json::json!(["treated"]), "{name}");
        assert_eq!(text["deleted"], serde_json::json!(["handled"]), "{name}");
        assert!(l["trace"]["file"].as_str().unwrap().ends_with("request.hbs"), "{name}: {}", l["trace"]);
        changed.push(name);
    }
    changed.sort();
    affected.sort();
    assert_eq!(changed, affected);

    let out =
        foikit(&["golden", "check", "cases", "--dir", "golden", "--templates", "templates", "--format", "sarif"], &dir);
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema::validate(&schema("sarif-2.1.0-subset.schema.json"), &sarif), Vec::<String>::new());
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), affected.len());
    let line = original.lines().position(|l| l.contains(PHRASE)).unwrap() + 1;
    for r in results {
        let at = &r["locations"][0]["physicalLocation"];
        assert!(at["artifactLocation"]["uri"].as_str().unwrap().ends_with("request.hbs"), "{r}");
        assert_eq!(at["region"]["startLine"], line, "{r}");
    }
}

#[test]
fn deleted_and_new_cases_are_reported_and_fail_unless_allowed() {
    let dir = workspace("golden-new-stale");
    std::fs::rename(dir.join("cases/ho-78814-release.yaml"), dir.join("cases/renamed-78814.yaml")).unwrap();
    let out = foikit(&["golden", "check", "cases", "--dir", "golden"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("new: reply has no snapshot yet"), "{text}");
    assert!(text.contains("stale: ho-78814-release/reply"), "{text}");
    assert!(text.contains("1 new; 1 stale snapshot"), "{text}");
    let allowed = foikit(&["golden", "check", "cases", "--dir", "golden", "--allow-new"], &dir);
    assert_eq!(allowed.status.code(), Some(0), "{}", stdout(&allowed));

    let out = foikit(&["golden", "check", "cases", "--dir", "golden", "--format", "sarif"], &dir);
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema::validate(&schema("sarif-2.1.0-subset.schema.json"), &sarif), Vec::<String>::new());
    let rules: Vec<&str> =
        sarif["runs"][0]["results"].as_array().unwrap().iter().map(|r| r["ruleId"].as_str().unwrap()).collect();
    assert_eq!(rules, ["GOLDEN2", "GOLDEN3"]);

    // update accepts the rename: the stale snapshot goes, the new one comes.
    let update = foikit(&["golden", "update", "cases", "--dir", "golden"], &dir);
    assert!(stdout(&update).contains("removed stale ho-78814-release/reply"), "{}", stdout(&update));
    assert!(!dir.join("golden/ho-78814-release").exists());
    assert!(dir.join("golden/renamed-78814/reply.txt").exists());
    assert_eq!(foikit(&["golden", "check", "cases", "--dir", "golden"], &dir).status.code(), Some(0));
}

#[test]
fn bad_input_exits_2() {
    let dir = workspace("golden-bad-input");
    let missing = foikit(&["golden", "check", "no-such-case.yaml", "--dir", "golden"], &dir);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-case.yaml"));
    std::fs::write(dir.join("cases/broken.yaml"), "reference: [\n").unwrap();
    let broken = foikit(&["golden", "check", "cases", "--dir", "golden"], &dir);
    assert_eq!(broken.status.code(), Some(2), "{}", stdout(&broken));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("broken.yaml"));
}

#[test]
fn the_worked_example_is_current() {
    let cases = ["fixtures/cases/ho-43342-refusal.yaml", "fixtures/cases/ho-78814-release.yaml"];
    let mut args = vec!["golden", "check"];
    args.extend(cases);
    args.extend(["--dir", "examples/golden-ci/golden"]);
    let out = foikit(&args, &support::root());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\nIf the change is intended: sh examples/golden-ci/golden-check.sh update",
        stdout(&out)
    );
}

#[test]
fn a_case_edit_is_annotated_on_its_line_and_letter_narrows_the_run() {
    let dir = workspace("golden-case-edit");
    let path = dir.join("cases/ho-43342-refusal.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let after = before.replace("a full list of participants", "the complete list of participants");
    assert_ne!(before, after);
    std::fs::write(&path, &after).unwrap();
    let line = after.lines().position(|l| l.contains("the complete list")).unwrap() + 1;
    let out = foikit(&["golden", "check", "cases", "--dir", "golden", "--format", "sarif"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{sarif}");
    let at = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(at["artifactLocation"]["uri"], "cases/ho-43342-refusal.yaml");
    assert_eq!(at["region"]["startLine"], line);
    assert!(results[0]["message"]["text"].as_str().unwrap().contains("added \"the complete\""), "{}", results[0]);

    // Only the review outcomes: the changed reply is out of scope, and so
    // are reply snapshots without a case.
    let out = foikit(&["golden", "check", "cases", "--dir", "golden", "--letter", "review-outcome"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(" unchanged, 0 changed, 0 new; 0 stale"), "{}", stdout(&out));
    let bad = foikit(&["golden", "check", "cases", "--dir", "golden", "--letter", "answer"], &dir);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn update_writes_nothing_when_a_case_does_not_load() {
    let dir = workspace("golden-update-atomic");
    let snapshot = dir.join("golden/ho-43342-refusal/reply.txt");
    std::fs::write(&snapshot, "edited by hand\n").unwrap();
    std::fs::write(dir.join("cases/zz-broken.yaml"), "reference: [\n").unwrap();
    let out = foikit(&["golden", "update", "cases", "--dir", "golden"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&snapshot).unwrap(), "edited by hand\n");
}
