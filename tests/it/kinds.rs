//! Every kind of letter in every regime that has it: the starter composes,
//! renders to DOCX, PDF, text and HTML, and `foikit check` finds no errors
//! in any output file. Kinds a regime lacks are refused with advice, and the
//! letters say per item what was decided.

use std::process::Command;

use foikit::case::{Case, SourceFormat};
use foikit::check::{self, Letter, Severity};
use foikit::kind::LetterKind;
use foikit::law::RegimeId;
use foikit::render::Format;

use crate::support;

fn starter_case(kind: LetterKind, regime: RegimeId) -> Option<Case> {
    let text = foikit::starter::starter(kind, regime).ok()?;
    Some(
        foikit::case::parse(&text, SourceFormat::Yaml, "starter.yaml")
            .unwrap_or_else(|e| panic!("{kind} {regime:?}: {e}")),
    )
}

fn flat(kind: LetterKind, case: &Case) -> String {
    support::flat_text(&support::composer().compose_letter(case, kind).unwrap())
}

#[test]
fn every_kind_and_regime_renders_and_passes_check_in_every_format() {
    let dir = support::scratch("kinds");
    let mut files = Vec::new();
    for &kind in LetterKind::WRITTEN {
        for regime in RegimeId::ALL {
            let Some(case) = starter_case(kind, regime) else {
                assert!(kind.available(regime).is_err(), "{kind} {regime:?} has no starter");
                continue;
            };
            assert_eq!(case.stage_kind(), kind, "a plain render of the {kind} starter writes its own kind");
            let doc = support::composer().compose_letter(&case, kind).unwrap();
            let errors: Vec<_> = check::check(&Letter::from_case("starter", &case, kind, &doc))
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{kind} {regime:?}: {errors:#?}");
            for format in Format::ALL {
                let path = dir.join(format!("{kind}-{}.{}", regime.name(), format.extension()));
                std::fs::write(&path, support::render_doc(&doc, format)).unwrap();
                files.push(path);
            }
        }
    }
    assert_eq!(files.len(), 41 * 4, "41 kind × regime combinations, four formats each");
    let out = Command::new(env!("CARGO_BIN_EXE_foikit")).arg("check").args(&files).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn kinds_a_regime_lacks_say_what_to_use_instead() {
    for kind in [LetterKind::CostLimit, LetterKind::Vexatious, LetterKind::Repeated] {
        let err = foikit::starter::starter(kind, RegimeId::Eir).unwrap_err();
        assert!(err.contains("12(4)(b)"), "{err}");
    }
    let err = foikit::starter::starter(LetterKind::HoldingNotice, RegimeId::Foisa).unwrap_err();
    assert!(err.contains("no extension"), "{err}");
}

#[test]
fn regime_true_wording() {
    let eir = flat(LetterKind::Refusal, &starter_case(LetterKind::Refusal, RegimeId::Eir).unwrap());
    for needle in [
        "regulation 12(5)(e)",
        "presumption in favour of disclosure in regulation 12(2)",
        "regulation 11",
        "regulation 18",
        "Environmental Information Regulations request",
    ] {
        assert!(eir.contains(needle), "EIR refusal lacks `{needle}`");
    }
    assert!(!eir.contains("Freedom of Information Request"));
    let foisa = flat(LetterKind::Refusal, &starter_case(LetterKind::Refusal, RegimeId::Foisa).unwrap());
    for needle in ["section 20", "Scottish Information Commissioner", "section 47"] {
        assert!(foisa.contains(needle), "FOISA refusal lacks `{needle}`");
    }
    let review = flat(LetterKind::ReviewOutcome, &starter_case(LetterKind::ReviewOutcome, RegimeId::Foisa).unwrap());
    for needle in ["section 47", "Court of Session", "section 56"] {
        assert!(review.contains(needle), "FOISA review outcome lacks `{needle}`");
    }
    let cost = flat(LetterKind::CostLimit, &starter_case(LetterKind::CostLimit, RegimeId::Foia).unwrap());
    for needle in ["£450", "£25 an hour", "18 hours", "44 hours", "£1,100", "section 16", "section 17(5)"] {
        assert!(cost.contains(needle), "cost-limit letter lacks `{needle}`");
    }
}

#[test]
fn a_councils_letter_has_nothing_of_the_home_office() {
    for &kind in LetterKind::WRITTEN {
        let Some(case) = starter_case(kind, RegimeId::Foia) else { continue };
        let text = flat(kind, &case);
        for needle in ["Home Office", "the Department", "threat to the UK"] {
            assert!(!text.contains(needle), "{kind}: `{needle}`");
        }
    }
}

#[test]
fn each_item_says_what_was_decided_and_ncnd_reveals_nothing() {
    let partial = flat(LetterKind::PartialRelease, &starter_case(LetterKind::PartialRelease, RegimeId::Foia).unwrap());
    assert!(!partial.contains("holds the information that you have requested"));
    assert!(partial.contains("We do not hold this information"));
    assert!(partial.contains("we are releasing part of it"));
    let case = starter_case(LetterKind::Ncnd, RegimeId::Foia).unwrap();
    let doc = support::composer().compose_letter(&case, LetterKind::Ncnd).unwrap();
    let text = support::flat_text(&doc);
    assert!(text.contains("neither confirm nor deny") && text.contains("section 31(3)"));
    for leak in ["We hold", "we hold this", "not hold", "searched", "released"] {
        assert!(!text.contains(leak), "the NCND letter says `{leak}`");
    }
    let meta = format!("{} {} {}", doc.meta.title, doc.meta.subject, doc.meta.reference);
    assert!(!meta.to_lowercase().contains("ncnd") && !meta.contains("held"), "{meta}");
}

#[test]
fn a_requester_at_flat_41_does_not_break_a_section_41_refusal() {
    let src = std::fs::read_to_string(support::root().join("fixtures/cases/ho-43342-refusal.yaml"))
        .unwrap()
        .replace("  email: ryan@rjgallagher.co.uk", "  address: [Flat 41, 24 High Street]");
    let case = foikit::case::parse(&src, SourceFormat::Yaml, "43342.yaml").unwrap();
    let doc = support::composer().compose_reply(&case).unwrap();
    let codes: Vec<_> = check::check(&Letter::from_case("43342", &case, LetterKind::Refusal, &doc))
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(!codes.contains(&"FOI201"), "{codes:?}");
}

/// Each file in `fixtures/broken-cases/` names on its first line
/// (`# expect: X`) the rule code or case field that must reject it.
#[test]
fn each_broken_fixture_fails_with_its_rule() {
    let dir = support::root().join("fixtures/broken-cases");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text.lines().next().and_then(|l| l.strip_prefix("# expect: ")).expect("an `# expect:` line");
        let found: Vec<String> = match foikit::case::load(&path) {
            Err(e) => e.problems().iter().map(|p| p.path.clone()).collect(),
            Ok(case) => {
                let kind = case.stage_kind();
                let doc = support::composer().compose_letter(&case, kind).unwrap();
                check::check(&Letter::from_case("broken", &case, kind, &doc))
                    .iter()
                    .map(|d| d.code.to_string())
                    .collect()
            }
        };
        assert!(found.iter().any(|f| f == expect), "{}: expected {expect}, found {found:?}", path.display());
        seen += 1;
    }
    assert!(seen >= 12, "{seen} broken fixtures");
}

/// Rules judge foikit's own letters by their sections: a template that
/// sets out an exemption without its reasons, or a cost-limit letter without
/// its advice, is caught, however its words read.
#[test]
fn own_letters_are_judged_by_their_sections() {
    let dir = support::scratch("kinds-override");
    std::fs::create_dir_all(dir.join("partials")).unwrap();
    std::fs::create_dir_all(dir.join("decisions")).unwrap();
    std::fs::write(dir.join("partials/exemption.hbs"), "::: section exemption\n### {{cited_name}} – {{title}}\n:::\n")
        .unwrap();
    let cost = foikit::compose::templates::BUILTIN.iter().find(|(n, _)| *n == "decisions/cost-limit").unwrap().1;
    let start = cost.find("::: section advice").unwrap();
    let end = start + cost[start..].find(":::\n:::").unwrap();
    std::fs::write(dir.join("decisions/cost-limit.hbs"), format!("{}{}", &cost[..start], &cost[end + 4..])).unwrap();
    let composer = foikit::compose::Composer::new(foikit::compose::TemplateSet::with_overlay(&dir).unwrap()).unwrap();
    let codes = |kind: LetterKind, regime: RegimeId| -> Vec<&'static str> {
        let case = starter_case(kind, regime).unwrap();
        let doc = composer.compose_letter(&case, kind).unwrap();
        check::check(&Letter::from_case("override", &case, kind, &doc)).into_iter().map(|d| d.code).collect()
    };
    let refusal = codes(LetterKind::Refusal, RegimeId::Foia);
    assert!(refusal.contains(&"FOI201") && refusal.contains(&"FOI203"), "{refusal:?}");
    assert!(codes(LetterKind::CostLimit, RegimeId::Foia).contains(&"FOI205"));
    assert!(codes(LetterKind::Release, RegimeId::Foia).is_empty());
}

#[test]
fn a_profile_supplies_the_authority_and_a_case_may_replace_its_blocks() {
    let path = support::root().join("fixtures/cases/ho-cost-limit-foia.yaml");
    let case = foikit::case::load(&path).unwrap();
    assert_eq!(case.authority.name, "Home Office");
    let text = flat(LetterKind::CostLimit, &case);
    for needle in ["£600", "24 hours", "the Department's handling", "foirequests@homeoffice.gov.uk"] {
        assert!(text.contains(needle), "`{needle}` missing");
    }
    let src = std::fs::read_to_string(&path).unwrap();
    let dir = support::scratch("kinds-profile");
    let own = src.replace("requester:", "sign_off:\n  team: Press Office FOI Team\n\nrequester:");
    std::fs::copy(support::root().join("fixtures/profiles/home-office.yaml"), dir.join("ho.yaml")).unwrap();
    std::fs::write(dir.join("case.yaml"), own.replace("../profiles/home-office.yaml", "ho.yaml")).unwrap();
    let case = foikit::case::load(&dir.join("case.yaml")).unwrap();
    assert_eq!(case.sign_off.team, "Press Office FOI Team");
    assert_eq!(case.review.email.as_deref(), Some("foirequests@homeoffice.gov.uk"));
    std::fs::write(dir.join("missing.yaml"), src.replace("../profiles/home-office.yaml", "nowhere.yaml")).unwrap();
    let err = foikit::case::load(&dir.join("missing.yaml")).unwrap_err().to_string();
    assert!(err.contains("nowhere.yaml"), "{err}");
}

/// A requester's review of a whole-request refusal answers its ground.
#[test]
fn a_review_of_a_repeated_request_refusal_answers_section_14_2() {
    let path = support::root().join("fixtures/cases/scottish-repeated-foisa.yaml");
    let case = foikit::case::load(&path).unwrap();
    assert_eq!(case.relied_on(), ["14(2)"]);
    let foia = foikit::case::load(&support::root().join("fixtures/cases/council-vexatious-foia.yaml")).unwrap();
    assert_eq!(foia.relied_on(), ["14(1)"]);
    let doc = support::composer().compose_reply(&foia).unwrap();
    let reply = foikit::requester::Reply::from_case("vexatious", &foia, &doc);
    let who = foikit::requester::RequesterFile::default();
    let date = foikit::case::Date::parse_iso("2026-11-10").unwrap();
    let text = support::flat_text(&support::composer().compose_review_request(&reply, &who, date).unwrap());
    assert!(text.contains("The reply treats my request as vexatious under section 14(1)"), "{text}");
}
