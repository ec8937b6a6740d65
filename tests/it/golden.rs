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

use foikit::case::Date;
use foikit::check::{self, Letter, LetterKind};
use foikit::doc::Document;
use foikit::golden::{self, Produced, Settings, source};
use foikit::law::deadline::Clock;
use foikit::render::{Format, RenderOptions};
use foikit::requester::RequesterFile;

use crate::support;

/// The letter's own date as the file timestamp, whatever the environment
/// says, so the hashes are the same on every machine and in CI.
fn fixed(doc: &Document) -> RenderOptions {
    RenderOptions { timestamp: doc.meta.date.midnight().assume_utc() }
}

/// Every golden letter: the cases' letters, then the requester fixtures'.
fn letters() -> Vec<Produced> {
    let cases = source::discover(&[support::root().join("fixtures/cases")]).unwrap_or_else(|e| panic!("{e}"));
    let mut out: Vec<Produced> = cases
        .iter()
        .flat_map(|c| source::letters(c, support::composer(), &[]).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    out.extend(requester_letters(&cases));
    out
}

/// A requester file `<who>-<reference>.yaml` answers the fixture case with
/// that reference: it gives a review request dated the file's `date`, and a
/// complaint dated the first day the Commissioner expects one (the day after
/// the review outcome was due).
fn requester_letters(cases: &[source::CaseFile]) -> Vec<Produced> {
    let dir = support::root().join("fixtures/requester");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let who: RequesterFile =
            foikit::case::load_as(&path, foikit::requester::facts).unwrap_or_else(|e| panic!("{e}"));
        let (case, parsed) = cases
            .iter()
            .map(|c| (c, foikit::case::load(&c.path).unwrap()))
            .find(|(_, parsed)| stem.ends_with(&format!("-{}", parsed.reference)))
            .unwrap_or_else(|| panic!("{}: no fixture case has the reference its name ends with", path.display()));
        let file = case.path.display().to_string();
        let doc = support::composer().compose(&parsed).unwrap();
        let reply = foikit::requester::Reply::from_case(&file, &parsed, &doc);
        let asked = who.date.unwrap_or_else(|| panic!("{}: give the `date` of the review request", path.display()));
        let calendar = foikit::law::calendar::Calendar::builtin();
        let mut clock = Clock::new(&calendar, reply.regime);
        let review_due = clock.deadline(asked.0, reply.regime.regime().review.answer_within, &[]).unwrap().due;
        let complained = Date(review_due.0.next_day().unwrap());
        let review = support::composer().compose_review_request(&reply, &who, asked).unwrap();
        let (complaint, _) = support::composer().compose_complaint(&reply, &who, complained).unwrap();
        for (letter, kind, doc, date) in [
            ("review-request", LetterKind::ReviewRequest, review, asked),
            ("complaint", LetterKind::Complaint, complaint, complained),
        ] {
            let name = path.display().to_string();
            let findings =
                check::check(&Letter::composed(&name, kind, reply.regime, &doc, (reply.replied, Some(date))));
            let source = std::fs::read_to_string(&path).ok();
            out.push(Produced { case: stem.clone(), file: name, letter: letter.into(), doc, findings, source });
        }
    }
    out
}

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
            let later = RenderOptions { timestamp: time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap() };
            let moved = render(a, &later);
            match format {
                Format::Docx | Format::Pdf => assert_ne!(bytes, moved, "{}/{} {format}", a.case, a.letter),
                Format::Txt | Format::Html => assert_eq!(bytes, moved, "{}/{} {format}", a.case, a.letter),
            }
        }
    }
}
