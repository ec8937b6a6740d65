//! Inputs the fuzzer (`fuzz/`, README "Fuzzing") found crashing, hanging or
//! exhausting memory, kept in `fixtures/fuzz-regressions/<target>/`: each is
//! fed through its target's entry point and must end in success or a clear
//! error, never a panic.

use crate::fuzz_entries;
use crate::support;

fn replay(target: &str, entry: fn(&[u8]) -> Result<(), String>) {
    let dir = support::root().join("fixtures/fuzz-regressions").join(target);
    let Ok(files) = std::fs::read_dir(&dir) else { return };
    for file in files {
        let path = file.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Err(message) = entry(&bytes) {
            assert!(!message.trim().is_empty(), "{}: an error must say what is wrong", path.display());
        }
    }
}

#[test]
fn case_file() {
    replay("case_file", fuzz_entries::case_file);
}

#[test]
fn compose() {
    replay("compose", fuzz_entries::compose);
}

#[test]
fn markup() {
    replay("markup", fuzz_entries::markup);
}

#[test]
fn letter() {
    replay("letter", fuzz_entries::letter);
}

/// The cases the compose target starts from are valid and render, so its
/// effort goes into the edits rather than into cases refused at once.
#[test]
fn compose_starts_from_valid_cases() {
    for base in 0..=u8::MAX {
        fuzz_entries::compose(&[base]).unwrap_or_else(|e| panic!("base {base}: {e}"));
    }
}
