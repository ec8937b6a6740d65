//! Batches and hostile input through the command line: every good letter
//! written, every bad file named with its own error, nothing panics.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support;

fn foikit(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).args(paths).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn case_source() -> String {
    std::fs::read_to_string(support::root().join("fixtures/cases/ho-78814-release.yaml")).unwrap()
}

/// The 78814 case with another reference, written to `dir/name`.
fn case_with_reference(dir: &Path, name: &str, reference: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, case_source().replace("reference: \"78814\"", &format!("reference: \"{reference}\"")))
        .unwrap();
    path
}

/// What some entries of the corpus must say, beyond a clear error.
const EXPECTED: &[(&str, &str)] = &[
    ("day-first-date.yaml", "did you mean 2017-04-26?"),
    ("held-as-text.yaml", "write true or false"),
    ("control-characters.yaml", "control character U+001B"),
    ("nul.yaml", "control character U+0000"),
    ("year-0000.yaml", "outside the years"),
    ("year-9999.yaml", "outside the years"),
    ("toml-table-as-date.toml", "not a table"),
    ("invalid-utf8.yaml", "not UTF-8"),
    ("bom-crlf-bad-date.yaml", "bom-crlf-bad-date.yaml:21:"),
    ("unknown-field.yaml", "did you mean `name`?"),
    ("encrypted.pdf", "encrypted"),
    ("stream-bomb.pdf", "limit of 8 MiB"),
    ("operator-bomb.pdf", "limit of 200000 operators"),
    ("zip-bomb.docx", "limit of 16 MiB"),
    ("alias-flood.yaml", "`requester.address[50000]`: the file expands to 50001 aliases"),
    ("alias-text-bomb.yaml", "`review.address`: the file expands to"),
];

/// Every entry of fixtures/bad-input (plus large ones made here): a clear
/// error naming the file, exit status 2, no panic, no output file.
#[test]
fn bad_input_corpus() {
    let scratch = support::scratch("corpus");
    let big = scratch.join("big");
    std::fs::create_dir_all(&big).unwrap();
    let long = case_source().replace("  name: Owen Boswarva\n", &format!("  name: {}\n", "x".repeat(10 << 20)));
    std::fs::write(big.join("ten-megabyte-string.yaml"), long).unwrap();
    let items: String = (0..100_000).map(|i| format!("    - item {i}\n")).collect();
    let many = case_source().replace("  address:\n", &format!("  address:\n{items}"));
    std::fs::write(big.join("hundred-thousand-items.yaml"), many).unwrap();
    std::fs::write(big.join("huge.txt"), "See Annex X\n".repeat(1 << 19)).unwrap();
    // Alias floods: 60 000 aliases, and one 1 MB text repeated into 100 MB.
    let aliases = "  email: owen.boswarva@gmail.com\n  address:\n".to_string() + &"    - *name\n".repeat(60_000);
    let flood = case_source()
        .replace("  name: Owen Boswarva\n", "  name: &name Owen Boswarva\n")
        .replace("  email: owen.boswarva@gmail.com\n", &aliases);
    std::fs::write(big.join("alias-flood.yaml"), flood).unwrap();
    let text = format!("  name: &name \"{}\"\n", "x".repeat(1 << 20));
    let repeated = format!("review:\n  address: [{}]\n", vec!["*name"; 100].join(", "));
    let bytes = case_source().replace("  name: Owen Boswarva\n", &text).replace("review:\n", &repeated);
    std::fs::write(big.join("alias-text-bomb.yaml"), bytes).unwrap();

    let corpus = support::root().join("fixtures/bad-input");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .chain(std::fs::read_dir(&big).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    assert!(entries.len() >= 30, "corpus has {} entries", entries.len());
    for entry in &entries {
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        let out = scratch.join("out");
        let is_letter = ["pdf", "docx", "txt"].iter().any(|e| name.ends_with(e));
        let run = if is_letter {
            foikit(&["check"], &[entry])
        } else {
            foikit(&["render", "--format", "txt,pdf,docx", "-o", out.to_str().unwrap()], &[entry])
        };
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{name}: exit {:?}\n{err}", run.status.code());
        assert!(err.starts_with("error"), "{name}: every message starts with `error`:\n{err}");
        assert!(err.contains(&name), "{name}: the message names the file:\n{err}");
        assert!(
            !err.contains("panicked") && !err.contains("Some(") && !err.contains("Os {") && !err.contains("breached"),
            "{name}:\n{err}"
        );
        assert!(files_in(&out).is_empty(), "{name}: wrote {:?}", files_in(&out));
        if let Some((_, words)) = EXPECTED.iter().find(|(n, _)| *n == name) {
            assert!(err.contains(words), "{name}: expected `{words}` in:\n{err}");
        }
    }
}

/// Inputs that look hostile but are valid: special characters print
/// literally, names in any script render, entities in a DOCX are never
/// expanded.
#[test]
fn odd_but_valid_input() {
    let odd = support::root().join("fixtures/odd-input");
    let out = support::scratch("odd");
    let special = odd.join("special-characters.yaml");
    // --draft: the validator rightly takes `{{reference}}` for an unfilled placeholder.
    let run = foikit(&["render", "--draft", "-f", "txt,html,docx,pdf", "-q", "-o", out.to_str().unwrap()], &[&special]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = std::fs::read_to_string(out.join("78814.txt")).unwrap();
    assert!(text.contains(r"<w:t>&amp; </p> %PDF ( ) \\ {{reference}} {{> letter}}"), "printed literally:\n{text}");

    let unicode = odd.join("unicode-names.yaml");
    let run = foikit(&["render", "--format", "txt", "-q", "-o", out.to_str().unwrap()], &[&unicode]);
    assert!(run.status.success(), "names in any script are not bad input: {}", stderr(&run));
    let text = std::fs::read_to_string(out.join("78814.txt")).unwrap();
    assert!(text.contains("محمد عبد الله") && text.contains("信息公开组 📨"), "{text}");
    // No bundled font has the envelope emoji: its PDF is refused, naming the
    // file, the line, the column and the field that hold it.
    let run = foikit(&["render", "--format", "pdf", "-q", "-o", out.to_str().unwrap()], &[&unicode]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    let place =
        format!("{}:45:26: `sign_off.team`: cannot render pdf: no bundled font can print 📨", unicode.display());
    assert!(err.contains(&place), "{err}");

    let entities = odd.join("entities.docx");
    let run = foikit(&["check", "--format", "json"], &[&entities]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_ne!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(!stdout.contains("root:") && !stdout.contains("lollol"), "entities are not expanded: {stdout}");
}

#[test]
fn one_bad_file_does_not_stop_a_batch() {
    let dir = support::scratch("fail-soft");
    let cases = dir.join("cases");
    std::fs::create_dir_all(cases.join("nested")).unwrap();
    case_with_reference(&cases, "a.yaml", "A-1");
    case_with_reference(&cases.join("nested"), "b.yaml", "B-2");
    std::fs::write(cases.join("broken.yaml"), "reference: [\n").unwrap();
    std::fs::write(cases.join("empty.json"), "").unwrap();
    let out = dir.join("out");
    // A folder, searched recursively.
    let run = foikit(&["render", "--format", "txt", "-o", out.to_str().unwrap()], &[&cases]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.contains("broken.yaml") && err.contains("empty.json"), "each bad file named:\n{err}");
    assert!(err.contains("2 letters rendered as txt; 2 files written; 2 inputs failed"), "summary:\n{err}");
    assert_eq!(files_in(&out), ["A-1.txt", "B-2.txt"]);

    // A glob pattern, as a shell that did not expand it passes it on.
    let out = dir.join("glob");
    let pattern = format!("{}/*.yaml", cases.display());
    let run = foikit(&["render", "--format", "txt", "-q", "-o", out.to_str().unwrap(), &pattern], &[]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(files_in(&out), ["A-1.txt"]);
}

#[test]
fn two_cases_writing_one_file_are_both_refused() {
    let dir = support::scratch("collide");
    let first = case_with_reference(&dir, "first.yaml", "FOI/2024/1");
    let second = case_with_reference(&dir, "second.yaml", "FOI-2024-1");
    let other = case_with_reference(&dir, "other.yaml", "FOI-2024-2");
    let out = dir.join("out");
    let run = foikit(&["render", "--format", "txt", "-o", out.to_str().unwrap()], &[&first, &second, &other]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.contains("first.yaml and") && err.contains("second.yaml") && err.contains("FOI-2024-1.txt"), "{err}");
    assert_eq!(files_in(&out), ["FOI-2024-2.txt"]);
}

#[test]
fn check_reports_every_readable_file_when_one_is_unreadable() {
    let dir = support::scratch("check-json");
    let letter = dir.join("letter.txt");
    std::fs::write(&letter, "Dear Sir,\n\nWe hold the information but it is exempt under section 99.\n").unwrap();
    let broken = dir.join("broken.pdf");
    std::fs::write(&broken, "not a pdf").unwrap();
    for format in ["json", "sarif"] {
        let run = foikit(&["check", "--format", format], &[&letter, &broken]);
        assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("stdout stays valid JSON");
        let text = report.to_string();
        assert!(text.contains("letter.txt") && text.contains("broken.pdf"), "{format}: {text}");
        let schema = if format == "json" { "check.schema.json" } else { "sarif-2.1.0-subset.schema.json" };
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(support::root().join("fixtures/schemas").join(schema)).unwrap(),
        )
        .unwrap();
        assert_eq!(crate::schema::validate(&schema, &report), Vec::<String>::new());
    }
}

#[test]
fn closed_or_full_stdout_never_panics() {
    let case = support::root().join("fixtures/cases/ho-43342-refusal.yaml");
    for args in
        [vec!["rules"], vec!["check", "--format", "json", case.to_str().unwrap()], vec!["deadline", "2024-01-02"]]
    {
        let mut child = Command::new(env!("CARGO_BIN_EXE_foikit"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_foikit")).args(&args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("error: cannot write to standard output"), "{}", stderr(&out));
    }
}

#[test]
fn closed_or_full_stderr_never_panics() {
    let bad = support::root().join("fixtures/bad-input/empty.yaml");
    let good = support::root().join("fixtures/cases/ho-78814-release.yaml");
    let out = support::scratch("stderr-closed");
    for (case, status) in [(&bad, 2), (&good, 0)] {
        let args = ["render", "-f", "txt", "-o", out.to_str().unwrap(), case.to_str().unwrap()];
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let run = Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).stderr(full).output().unwrap();
        assert_eq!(run.status.code(), Some(status), "stderr full: {case:?}");
        // A pipe whose reader has gone: every write fails with EPIPE.
        let mut child = Command::new(env!("CARGO_BIN_EXE_foikit"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        assert_eq!(child.wait().unwrap().code(), Some(status), "stderr closed: {case:?}");
    }
}

#[test]
fn invalid_source_date_epoch_is_an_error() {
    let case = support::root().join("fixtures/cases/ho-78814-release.yaml");
    let out = support::scratch("epoch");
    for value in ["abc", "-1", "99999999999999999"] {
        let run = Command::new(env!("CARGO_BIN_EXE_foikit"))
            .args(["render", "-f", "txt", "-o", out.to_str().unwrap()])
            .arg(&case)
            .env("SOURCE_DATE_EPOCH", value)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{value}");
        assert!(stderr(&run).starts_with("error: SOURCE_DATE_EPOCH"), "{}", stderr(&run));
    }
    assert!(files_in(&out).is_empty());
}

#[test]
fn a_fee_cannot_be_paid_before_the_notice() {
    let run = foikit(&["deadline", "2024-01-02", "--fees-notice", "2024-01-10", "--fee-paid", "2024-01-05"], &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("before the fees notice"), "{}", stderr(&run));
}

#[test]
fn completions_and_manual() {
    let bash = foikit(&["completions", "bash"], &[]);
    assert!(bash.status.success() && String::from_utf8_lossy(&bash.stdout).contains("foikit"));
    let man = foikit(&["man"], &[]);
    assert!(man.status.success() && String::from_utf8_lossy(&man.stdout).contains(".TH foikit"));
}

/// A batch run on this thread (`--jobs 1`, as a single case is) writes what
/// the thread pool writes, reports the same, and still stops at the first
/// failure under `--fail-fast`.
#[test]
fn one_job_renders_as_the_pool_does() {
    let dir = support::scratch("one-job");
    let cases = dir.join("cases");
    std::fs::create_dir_all(&cases).unwrap();
    for (name, reference) in [("a.yaml", "J-1"), ("b.yaml", "J-2"), ("c.yaml", "J-3")] {
        case_with_reference(&cases, name, reference);
    }
    std::fs::write(cases.join("broken.yaml"), "reference: [\n").unwrap();
    let run = |jobs: &str, out: &str, extra: &[&str]| {
        let out = dir.join(out);
        let args = [&["render", "--format", "txt,pdf", "--jobs", jobs, "-o", out.to_str().unwrap()], extra].concat();
        let run = foikit(&args, &[&cases]);
        // The summary's last part is the time taken.
        let summary: Vec<String> = stderr(&run)
            .lines()
            .map(|l| l.rsplit_once("; ").filter(|_| l.ends_with(" s")).map_or(l, |(a, _)| a).to_owned())
            .collect();
        let files: Vec<(String, Vec<u8>)> =
            files_in(&out).into_iter().map(|f| (f.clone(), std::fs::read(out.join(&f)).unwrap())).collect();
        (run.status.code(), summary, files)
    };
    let serial = run("1", "serial", &[]);
    assert_eq!(serial.0, Some(2));
    assert_eq!(serial.2.len(), 6, "{:?}", serial.1);
    assert_eq!(serial, run("0", "pool", &[]));
    let stopped = run("1", "stopped", &["--fail-fast"]);
    assert_eq!((stopped.0, stopped.2.len()), (Some(2), 0), "{:?}", stopped.1);
}
