//! The requester's letters: review requests from every form of reply,
//! complaints with their chronology, and review outcomes.

use foikit::case::{Date, SourceFormat};
use foikit::check::{self, Letter, LetterKind, Severity};
use foikit::read::extract::{self, LetterFormat};
use foikit::render::{self, Format};
use foikit::requester::{Reply, RequesterFile};

use crate::support;

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn errors(letter: &Letter) -> Vec<&'static str> {
    check::check(letter).into_iter().filter(|d| d.severity == Severity::Error).map(|d| d.code).collect()
}

#[test]
fn a_review_request_against_43342_cites_the_reply_dates_and_both_exemptions() {
    let reply = support::reply("ho-43342-refusal");
    let who = support::gallagher();
    let doc = support::composer().compose_review_request(&reply, &who, who.date.unwrap()).unwrap();
    let text = support::flat_text(&doc);
    for needle in [
        "your reference 43342",
        "request for information of 27 March 2017",
        "you replied on 26 April 2017",
        "Section 24(1) – National security",
        "Section 41 – Information provided in confidence",
        "obtained from another person",
        "required for the purpose of safeguarding national security",
        "which end on 23 June 2017",
        "that is by 31 May 2017",
        "Ryan Gallagher",
        "info.access@homeoffice.gsi.gov.uk",
    ] {
        assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
    }
    let letter = Letter::composed("review", LetterKind::ReviewRequest, reply.regime, &doc, (reply.replied, who.date));
    assert_eq!(errors(&letter), Vec::<&str>::new());
}

#[test]
fn a_reply_as_docx_pdf_or_text_gives_the_same_facts() {
    let seed = std::fs::read_to_string(support::root().join("fixtures/seeds/ho-43342-refusal.txt")).unwrap();
    let mut texts = vec![("seed.txt".to_string(), seed)];
    for format in [Format::Docx, Format::Pdf, Format::Txt] {
        let bytes = support::render("ho-43342-refusal", format);
        let kind = LetterFormat::from_path(format!("x.{}", format.extension()).as_ref()).unwrap();
        texts.push((format.to_string(), extract::text("x", kind, &bytes).unwrap()));
    }
    let who = RequesterFile::default();
    for (name, text) in texts {
        let reply = Reply::from_letter(&Letter::from_text(&name, &text));
        assert_eq!(reply.reference.as_deref(), Some("43342"), "{name}");
        assert_eq!(reply.requested, Some(date("2017-03-27")), "{name}");
        assert_eq!(reply.replied, Some(date("2017-04-26")), "{name}");
        assert_eq!(reply.exemptions, ["24(1)", "41"], "{name}");
        assert_eq!(reply.review_email.as_deref(), Some("info.access@homeoffice.gsi.gov.uk"), "{name}");
        let doc = support::composer().compose_review_request(&reply, &who, date("2017-05-02")).unwrap();
        let out = render::text::text(&doc);
        assert!(
            out.contains("Section 24(1) – National security") && out.contains("Section 41 – Information"),
            "{name}: {out}"
        );
        let letter = Letter::composed(
            &name,
            LetterKind::ReviewRequest,
            reply.regime,
            &doc,
            (reply.replied, Some(date("2017-05-02"))),
        );
        assert_eq!(errors(&letter), Vec::<&str>::new(), "{name}");
    }
}

#[test]
fn a_late_review_request_is_warned_about() {
    let reply = support::reply("ho-43342-refusal");
    let doc =
        support::composer().compose_review_request(&reply, &RequesterFile::default(), date("2017-09-01")).unwrap();
    let text = support::flat_text(&doc);
    assert!(text.contains("ended on 23 June 2017"), "{text}");
    let found: Vec<_> = check::check(&Letter::composed(
        "late",
        LetterKind::ReviewRequest,
        reply.regime,
        &doc,
        (reply.replied, Some(date("2017-09-01"))),
    ))
    .into_iter()
    .map(|d| d.name)
    .collect();
    assert_eq!(found, ["review-out-of-time"]);
    // The same letter read back as text, as a reviewer receiving it would:
    // its own wording of the reply's date is understood.
    let read = Letter::from_text("late.txt", &text);
    assert_eq!(read.reply_date, reply.replied, "{text}");
    let names: Vec<_> = check::check(&read).into_iter().map(|d| d.name).collect();
    assert!(names.contains(&"review-out-of-time"), "{names:?}");
}

#[test]
fn a_foisa_review_without_grounds_is_refused() {
    let src = std::fs::read_to_string(support::root().join("fixtures/cases/ho-78814-release.yaml"))
        .unwrap()
        .replace("regime: foia", "regime: foisa")
        .replace("  date: 2024-01-09", "  date: 2023-10-10");
    let case = foikit::case::parse(&src, SourceFormat::Yaml, "78814.yaml").unwrap();
    let doc = support::composer().compose(&case).unwrap();
    let reply = Reply::from_case("78814", &case, &doc);
    let request =
        support::composer().compose_review_request(&reply, &RequesterFile::default(), date("2023-10-20")).unwrap();
    let letter = Letter::composed(
        "foisa",
        LetterKind::ReviewRequest,
        reply.regime,
        &request,
        (reply.replied, Some(date("2023-10-20"))),
    );
    assert_eq!(errors(&letter), ["FOI501"]);
    let with_grounds = RequesterFile {
        arguments: vec!["I do not accept that the list is complete.".into()],
        ..RequesterFile::default()
    };
    let request = support::composer().compose_review_request(&reply, &with_grounds, date("2023-10-20")).unwrap();
    let text = support::flat_text(&request);
    assert!(text.contains("review under section 20 of the Freedom of Information (Scotland) Act 2002"), "{text}");
    let letter = Letter::composed(
        "foisa",
        LetterKind::ReviewRequest,
        reply.regime,
        &request,
        (reply.replied, Some(date("2023-10-20"))),
    );
    assert_eq!(errors(&letter), Vec::<&str>::new());
}

#[test]
fn a_complaint_has_a_chronology_with_working_days_late() {
    let reply = support::reply("ho-43342-refusal");
    let who = support::gallagher();
    let (doc, warnings) = support::composer().compose_complaint(&reply, &who, date("2017-07-03")).unwrap();
    assert_eq!(warnings, Vec::<String>::new());
    let text = render::text::text(&doc);
    assert!(text.contains("Reply | 26 April 2017 | 26 April 2017\n"), "{text}");
    assert!(text.contains("Request for internal review | 2 May 2017 | 23 June 2017\n"), "{text}");
    // Due 31 May 2017; by 3 July no outcome: 23 working days late (June has 22).
    assert!(text.contains("Outcome of internal review | none received | 31 May 2017 | 23\n"), "{text}");
    assert!(text.contains("section 50 of the Freedom of Information Act 2000"));
    // Too early and too late.
    let early = RequesterFile { review_requested: None, ..who.clone() };
    let (_, w) = support::composer().compose_complaint(&reply, &early, date("2017-05-10")).unwrap();
    assert!(w.iter().any(|w| w.contains("no internal review has been requested")), "{w:?}");
    let waiting = support::composer().compose_complaint(&reply, &who, date("2017-05-20")).unwrap().1;
    assert!(waiting.iter().any(|w| w.contains("not late yet")), "{waiting:?}");
    let stale = support::composer().compose_complaint(&reply, &who, date("2017-09-01")).unwrap().1;
    assert!(stale.iter().any(|w| w.contains("within six weeks")), "{stale:?}");
}

#[test]
fn the_review_outcome_states_what_the_law_expects() {
    let path = support::root().join("fixtures/cases/example-review-outcome.yaml");
    let case = foikit::case::load(&path).unwrap();
    let doc = support::composer().compose_review_outcome(&case).unwrap();
    let text = support::flat_text(&doc);
    for needle in [
        "our reply of 30 October 2026",
        "I was not involved in the original handling",
        "upheld in part",
        "now released",
        "This completes the internal review process",
        "complain to the Information Commissioner under section 50",
    ] {
        assert!(text.contains(needle), "`{needle}` missing: {text}");
    }
    let letter = Letter::composed(
        "outcome",
        LetterKind::ReviewOutcome,
        case.regime,
        &doc,
        (case.response.as_ref().map(|r| r.date), None),
    );
    assert_eq!(errors(&letter), Vec::<&str>::new());
    let composer = foikit::compose::Composer::new(override_ico()).unwrap();
    let dropped = composer.compose_review_outcome(&case).unwrap();
    let letter = Letter::composed(
        "outcome",
        LetterKind::ReviewOutcome,
        case.regime,
        &dropped,
        (case.response.as_ref().map(|r| r.date), None),
    );
    // Under FOIA only the s45 Code asks a review outcome for the Commissioner paragraph.
    let found: Vec<_> = foikit::check::check(&letter).into_iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(found, [("FOI102", foikit::check::Severity::Warning)]);
}

fn override_ico() -> foikit::compose::TemplateSet {
    let dir = support::scratch("outcome-override");
    let text = std::fs::read_to_string(support::root().join("templates/review-outcome.hbs")).unwrap();
    let start = text.find("::: section ico-complaint").unwrap();
    let end = start + text[start..].find(":::\n\n").unwrap() + 5;
    std::fs::write(dir.join("review-outcome.hbs"), format!("{}{}", &text[..start], &text[end..])).unwrap();
    foikit::compose::TemplateSet::with_overlay(&dir).unwrap()
}

#[test]
fn the_cli_drafts_review_requests_and_complaints() {
    let dir = support::scratch("cli-requester");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_foikit"))
            .args(args)
            .current_dir(support::root())
            .output()
            .unwrap()
    };
    let out = dir.to_str().unwrap();
    let r = run(&[
        "review",
        "fixtures/cases/ho-43342-refusal.yaml",
        "--requester",
        "fixtures/requester/gallagher-43342.yaml",
        "-o",
        out,
        "--format",
        "txt,docx",
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(dir.join("review-request-43342.txt").exists() && dir.join("review-request-43342.docx").exists());
    let c = run(&[
        "complain",
        "fixtures/cases/ho-43342-refusal.yaml",
        "--requester",
        "fixtures/requester/gallagher-43342.yaml",
        "-o",
        out,
        "--format",
        "txt",
        "--date",
        "2017-09-01",
    ]);
    assert!(c.status.success());
    assert!(String::from_utf8_lossy(&c.stderr).contains("warning: this complaint is dated after"));
    let starter = run(&["review", "--new"]);
    let yaml = String::from_utf8(starter.stdout).unwrap();
    foikit::case::parse_as::<RequesterFile>(&yaml, SourceFormat::Yaml, "starter", foikit::requester::facts).unwrap();
    let o = run(&[
        "render",
        "fixtures/cases/example-review-outcome.yaml",
        "--letter",
        "review-outcome",
        "-o",
        out,
        "--format",
        "txt",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.join("review-outcome-FOI-2026-0001.txt").exists());
    let checked = run(&["check", &dir.join("review-outcome-FOI-2026-0001.txt").display().to_string()]);
    assert_eq!(checked.status.code(), Some(0), "{}", String::from_utf8_lossy(&checked.stdout));
}

#[test]
fn a_review_request_with_no_name_is_refused_until_one_is_given() {
    let dir = support::scratch("requester-no-name");
    std::fs::write(dir.join("reply.txt"), "Dear Sir or Madam,\n\nYour request is refused under section 43(2).\n")
        .unwrap();
    std::fs::write(
        dir.join("me.yaml"),
        "name: A Requester\narguments:\n  - I do not accept that the prices are still sensitive.\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_foikit"))
            .args(["review", "reply.txt", "-o", "out", "--format", "txt", "--date", "2024-06-03"])
            .args(extra)
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("[YOUR NAME]"));
    assert!(!dir.join("out").exists());
    let named = run(&["--requester", "me.yaml"]);
    assert!(named.status.success(), "{}", String::from_utf8_lossy(&named.stderr));
    let text = std::fs::read_to_string(dir.join("out/review-request.txt")).unwrap();
    assert!(text.contains("A Requester") && text.contains("Section 43(2) – Commercial interests"), "{text}");
}

/// Issue 10, finding 3: under FOISA s20(5) the 40 working days run from the
/// end of the authority's 20, so a review asked for more than 40 working
/// days after an early reply can still be in time, and the drafted request
/// must not apologise for being late.
#[test]
fn a_foisa_review_window_runs_from_the_end_of_the_time_to_comply() {
    let src = std::fs::read_to_string(support::root().join("fixtures/cases/ho-78814-release.yaml")).unwrap();
    let with = |regime: &str| {
        let src = src
            .replace("regime: foia", &format!("regime: {regime}"))
            .replace("  date: 2024-01-09", "  date: 2023-10-02");
        let case = foikit::case::parse(&src, SourceFormat::Yaml, "78814.yaml").unwrap();
        let doc = support::composer().compose(&case).unwrap();
        Reply::from_case("78814", &case, &doc)
    };
    let who = RequesterFile { arguments: vec!["The list is incomplete.".into()], ..RequesterFile::default() };
    // Received 21 September 2023, answered 2 October; 8 December is more
    // than 40 working days after the reply but within 40 after 19 October.
    let asked = date("2023-12-08");
    let reply = with("foisa");
    let request = support::composer().compose_review_request(&reply, &who, asked).unwrap();
    let text = support::flat_text(&request);
    assert!(text.contains("I am making this request within"), "{text}");
    assert!(!text.contains("I recognise"), "{text}");
    let letter = Letter {
        received: reply.requested,
        ..Letter::composed("foisa", LetterKind::ReviewRequest, reply.regime, &request, (reply.replied, Some(asked)))
    };
    assert!(check::check(&letter).iter().all(|d| d.code != "FOI502"), "{:?}", check::check(&letter));
    // Under FOIA the s45 Code counts from the reply: the same date is late.
    let reply = with("foia");
    let text = support::flat_text(&support::composer().compose_review_request(&reply, &who, asked).unwrap());
    assert!(text.contains("I recognise"), "{text}");
}

/// Issue 10, finding 7: a FOISA review outcome gives the s47(1) application
/// and the s56 appeal to the Court of Session (s21(10)); FOIA's does not
/// mention the Court of Session.
#[test]
fn a_foisa_review_outcome_gives_the_appeal_to_the_court_of_session() {
    let path = support::root().join("fixtures/cases/example-review-outcome.yaml");
    let src = std::fs::read_to_string(&path).unwrap();
    let src = src.replace("regime: foia", "regime: foisa").replace("\"43(2)\"", "\"33(1)(b)\"");
    let foisa = foikit::case::parse(&src, SourceFormat::Yaml, "o.yaml");
    let case = foisa.unwrap();
    assert_eq!(case.regime, foikit::law::RegimeId::Foisa);
    let text = support::flat_text(&support::composer().compose_review_outcome(&case).unwrap());
    assert!(text.contains("Scottish Information Commissioner for a decision under section 47"), "{text}");
    assert!(text.contains("appeal to the Court of Session on a point of law under section 56"), "{text}");
    let foia = foikit::case::load(&path).unwrap();
    let text = support::flat_text(&support::composer().compose_review_outcome(&foia).unwrap());
    assert!(!text.contains("Court of Session"), "{text}");
    let law = foikit::law::RegimeId::Foisa.regime();
    assert!(law.regulator.source.contains("(4)(a)"), "{}", law.regulator.source);
    assert!(law.review.outcome_must_state.iter().any(|s| s.contains("section 56")));
}

/// Issue 10, the grounds library: multi-limb keys carry the requester's
/// points to each provision; a point about a section the reply does not
/// cite is warned about; a generated ground is dropped by its rule code;
/// the letters speak in the first person; the appeal after the
/// Commissioner's decision is dated in the chronology.
#[test]
fn requester_points_limbs_drops_and_the_appeal_date() {
    let reply = support::reply("ho-43342-refusal");
    let mut who = support::gallagher();
    let points = who.exemptions.remove("24(1)").unwrap();
    who.exemptions.insert("sections 24(1) and 41".into(), vec!["Both exemptions fail for one reason.".into()]);
    who.exemptions.insert("24(1)".into(), points);
    let text =
        support::flat_text(&support::composer().compose_review_request(&reply, &who, date("2017-05-02")).unwrap());
    assert_eq!(text.matches("Both exemptions fail for one reason.").count(), 2, "{text}");
    // First person, and the s24 test as the ICO reads it.
    assert!(text.contains("reasonably necessary") && !text.contains("stricter test"), "{text}");
    assert!(!text.contains("the Department must") && text.contains("I ask the authority"), "{text}");
    assert!(foikit::requester::uncited_sections(&reply, &who).is_empty());
    let stray = RequesterFile {
        arguments: vec!["The information is not exempt under section 43(2) or sections 31(1)(a) & (e).".into()],
        ..who.clone()
    };
    let warnings = foikit::requester::uncited_sections(&reply, &stray);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("section 43(2)") && warnings[0].contains("24(1), 41"), "{warnings:?}");
    // Drop a generated ground by its rule code.
    let late = support::reply("ho-78814-release");
    let grounds = |who: &RequesterFile| {
        support::flat_text(&support::composer().compose_review_request(&late, who, date("2024-01-20")).unwrap())
    };
    let all = grounds(&RequesterFile::default());
    let codes: Vec<&str> = late.findings.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"FOI301"), "{codes:?}");
    let dropped = grounds(&RequesterFile { drop: vec!["FOI301".into()], ..RequesterFile::default() });
    assert!(all.contains("working days late") || all.len() > dropped.len(), "{all}");
    assert!(dropped.len() < all.len());
    assert!(
        foikit::requester::facts(&RequesterFile { drop: vec!["FOI999".into()], ..RequesterFile::default() })
            .iter()
            .any(|(path, _)| path == "drop[0]")
    );
    // After the Commissioner's decision: the appeal and its date.
    let decided = RequesterFile { decision_notice: Some(date("2017-10-02")), ..support::gallagher() };
    let (doc, _) = support::composer().compose_complaint(&reply, &decided, date("2017-07-03")).unwrap();
    let text = render::text::text(&doc);
    assert!(text.contains("Appeal to the First-tier Tribunal (General Regulatory Chamber)"), "{text}");
    assert!(text.contains("30 October 2017"), "{text}");
}
