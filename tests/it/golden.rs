//! foikit's own goldens, in the snapshot format `foikit golden` gives users
//! (`src/golden/`): every letter of every case in `fixtures/cases/`, and the
//! review request and complaint of every requester file in
//! `fixtures/requester/`, each as text, layout, document model, DOCX XML,
//! PDF text, HTML and hashes under `fixtures/golden/<case>/`. Nothing is
//! listed by hand: a new fixture gets snapshots, a deleted one leaves stale
//! snapshots that fail the test. After an intended change:
//!
//!     UPDATE_GOLDEN=1 cargo test --test it golden
//!     git diff fixtures/golden        # review every change
//!
//! Byte identity is a determinism test here, not committed binaries.

use foikit::golden::{self, Produced, Settings};
use foikit::render::{Format, RenderOptions};

use crate::support::{self, fixed, letters};

#[test]
fn golden_snapshots_match() {
    let dir = support::root().join("fixtures/golden");
    let settings = Settings { options: fixed, letters: None, templates: None };
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let done = golden::update(&dir, letters().into_iter().map(Ok), &settings).unwrap();
        eprint!("{}", golden::report::updated(&done));
        return;
    }
    let outcome = golden::check(&dir, letters().into_iter().map(Ok), &settings).unwrap();
    assert!(
        outcome.passed(false),
        "{}\nIf the change is intended: UPDATE_GOLDEN=1 cargo test --test it golden, then review `git diff fixtures/golden`.",
        golden::report::human(&outcome, false)
    );
}

#[test]
fn golden_letters_cover_every_fixture() {
    let names: Vec<String> = letters().iter().map(|p| format!("{}/{}", p.case, p.letter)).collect();
    for expected in ["ho-43342-refusal/reply", "ho-78814-release/reply", "example-review-outcome/review-outcome"] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
    }
    assert!(names.iter().any(|n| n.ends_with("/review-request")) && names.iter().any(|n| n.ends_with("/complaint")));
}

#[test]
fn every_format_is_byte_identical_across_renders_and_follows_the_timestamp() {
    let (first, second) = (letters(), letters());
    for (a, b) in first.iter().zip(&second) {
        for format in Format::ALL {
            let render = |p: &Produced, opts: &RenderOptions| foikit::render::render(&p.doc, format, opts).unwrap();
            let bytes = render(a, &fixed(&a.doc));
            assert_eq!(bytes, render(b, &fixed(&b.doc)), "{}/{} {format}", a.case, a.letter);
            // The timestamp (SOURCE_DATE_EPOCH on the command line) reaches
            // the files that carry one, and nothing else changes.
            let later = RenderOptions {
                timestamp: time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap(),
                reference_doc: None,
            };
            let moved = render(a, &later);
            match format {
                Format::Docx | Format::Pdf => assert_ne!(bytes, moved, "{}/{} {format}", a.case, a.letter),
                Format::Txt | Format::Html => assert_eq!(bytes, moved, "{}/{} {format}", a.case, a.letter),
            }
        }
    }
}
