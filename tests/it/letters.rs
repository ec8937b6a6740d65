//! The reader on letters written anywhere: every kind of letter in every
//! input format is recognised as its kind and judged only by the rules the
//! law attaches to that kind; real letters; foikit's own letters read back;
//! unreadable files refused; the regressions of the statute audit (issue 10)
//! that concern which rule applies to which letter.

use std::process::Command;

use foikit::check::{self, Letter, LetterKind, Severity};
use foikit::law::RegimeId;
use foikit::read::{self, LetterFormat};

use crate::support;

const FORMATS: [&str; 4] = ["txt", "docx", "pdf", "html"];

/// The letter fixtures: `fixtures/letters/<kind>.<regime>.<format>`.
fn fixtures() -> Vec<(String, LetterKind, RegimeId)> {
    let dir = support::root().join("fixtures/letters");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix(".txt") else { continue };
        let (kind, regime) = stem.split_once('.').unwrap();
        out.push((stem.to_string(), kind.parse().unwrap(), regime.parse().unwrap()));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn read_file(path: &std::path::Path) -> Letter {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let format = LetterFormat::from_path(path).unwrap();
    read::letter(&path.display().to_string(), format, &bytes, None).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(letter: &Letter) -> Vec<String> {
    check::check(letter)
        .into_iter()
        .map(|d| format!("{}{}", d.code, if d.severity == Severity::Warning { "w" } else { "" }))
        .collect()
}

#[test]
fn every_kind_is_recognised_in_every_format_and_a_good_letter_has_no_findings() {
    let all = fixtures();
    // Every kind the issue names has a fixture.
    for kind in LetterKind::ALL {
        assert!(all.iter().any(|(_, k, _)| *k == kind), "no fixture of kind {kind}");
    }
    for (stem, kind, regime) in &all {
        for format in FORMATS {
            let path = support::root().join("fixtures/letters").join(format!("{stem}.{format}"));
            let letter = read_file(&path);
            assert_eq!((letter.kind, letter.regime), (*kind, *regime), "{stem}.{format}: {:?}", letter.recognised);
            assert_eq!(codes(&letter), Vec::<String>::new(), "{stem}.{format}");
            let evidence = &letter.recognised.as_ref().unwrap().evidence;
            assert!(!evidence.is_empty() && !evidence.contains('\n'), "{stem}.{format}: {evidence:?}");
        }
    }
}

/// The text of a letter fixture.
fn text(stem: &str) -> String {
    std::fs::read_to_string(support::root().join("fixtures/letters").join(format!("{stem}.txt"))).unwrap()
}

/// The fixture with `from` replaced by `to` (which must be there).
fn edited(stem: &str, from: &str, to: &str) -> Letter {
    let t = text(stem);
    assert!(t.contains(from), "`{from}` not in {stem}");
    Letter::from_text(stem, &t.replacen(from, to, 1))
}

/// The fixture without the paragraph starting with `start`.
fn without(stem: &str, start: &str) -> Letter {
    let t = text(stem);
    let at = t.find(start).unwrap_or_else(|| panic!("`{start}` not in {stem}"));
    let end = t[at..].find("\n\n").map_or(t.len(), |e| at + e + 2);
    Letter::from_text(stem, &format!("{}{}", &t[..at], &t[end..]))
}

#[test]
fn review_and_commissioner_particulars_follow_the_law_of_each_kind() {
    let review = "If you are dissatisfied";
    let unhappy = "If you are unhappy";
    // Statute: FOIA s17(7) refusal notices (including s12, s14 and NCND), EIR reg 14 (including not held),
    // FOISA s19 (including s17 not held).
    for (stem, start) in [
        ("refusal.foia", review),
        ("ncnd.foia", review),
        ("cost-limit.foia", review),
        ("vexatious.foia", review),
        ("holding-notice.foia", review),
        ("refusal.foisa", unhappy),
        ("not-held.foisa", unhappy),
    ] {
        assert!(codes(&without(stem, start)).contains(&"FOI101".to_string()), "{stem}");
    }
    // Only the Codes: a full release, a FOIA "not held".
    for stem in ["release.foia", "not-held.foia"] {
        assert_eq!(codes(&without(stem, review)), ["FOI101w"], "{stem}");
        assert_eq!(codes(&without(stem, "If you remain dissatisfied")), ["FOI102w"], "{stem}");
    }
    // EIR: "not held" is a reg 12(4)(a) refusal, so reg 14(5) applies.
    assert!(codes(&without("not-held.eir", "If you consider")).contains(&"FOI101".to_string()));
    // A review outcome owes no review paragraph; FOISA's owes the Commissioner and the Court of Session (s21(10)).
    assert!(codes(&Letter::from_text("x", &text("review-outcome.foia"))).is_empty());
    assert_eq!(codes(&without("review-outcome.foisa", "If you are dissatisfied with the Commissioner")), ["FOI102"]);
    assert_eq!(codes(&without("review-outcome.foia", "This completes")), ["FOI102w"]);
    // Letters that decide nothing owe nothing.
    for stem in ["acknowledgement.foia", "clarification.foia", "clarification.eir", "holding-notice.eir"] {
        let bare = Letter::from_text(stem, &text(stem));
        assert!(codes(&bare).is_empty(), "{stem}");
    }
}

#[test]
fn a_letter_cut_short_is_called_incomplete_rather_than_missing_a_paragraph() {
    let t = text("refusal.foia");
    let cut = &t[..t.find("If you are dissatisfied").unwrap()];
    let letter = Letter::from_text("cut", cut);
    let found = check::check(&letter);
    assert_eq!(
        found.iter().map(|d| (d.code, d.severity)).collect::<Vec<_>>(),
        [("FOI101", Severity::Warning), ("FOI102", Severity::Warning)]
    );
    assert!(found.iter().all(|d| d.message.contains("appears incomplete")), "{found:#?}");
    // A complete letter that simply lacks the paragraph is still an error.
    assert_eq!(codes(&without("refusal.foia", "If you are dissatisfied")), ["FOI101"]);
}

#[test]
fn eir_routing_statutory_wording_and_foisa_privacy_notices_are_not_mismatches() {
    // The fixtures pass as written: an EIR reply citing FOIA s39 to route the request, "make
    // representations under regulation 11" as the review particulars, the ICO named as the
    // enforcer without the words "regulation 18", and a FOISA privacy notice naming the ICO.
    for stem in ["refusal.eir", "refusal.foisa"] {
        assert!(codes(&Letter::from_text(stem, &text(stem))).is_empty(), "{stem}");
    }
    // A FOISA reply sending the requester to the UK Commissioner is still a mismatch.
    let wrong = edited(
        "refusal.foisa",
        "you may apply to the Scottish Information Commissioner for a decision under section 47 of the Act",
        "you may complain to the Information Commissioner under section 50",
    );
    assert!(codes(&wrong).contains(&"FOI104".to_string()), "{:?}", codes(&wrong));
    // And an EIR reply relying on a FOIA exemption other than s39 too.
    let wrong =
        edited("refusal.eir", "excepted from disclosure under regulation 12(5)(e)", "exempt under section 43(2)");
    assert!(codes(&wrong).contains(&"FOI104".to_string()), "{:?}", codes(&wrong));
}

#[test]
fn grounds_are_required_only_where_foisa_requires_them() {
    let bare_foisa = edited(
        "review-request.foisa",
        "I am dissatisfied because the Council has already summarised the advice in a public committee report, so any privilege has been waived for that part, and the public interest in the compulsory purchase is exceptional.",
        "",
    );
    assert_eq!(codes(&bare_foisa), ["FOI501"]);
    assert!(check::check(&bare_foisa)[0].message.contains("s20(3)(c)"));
    // An ICO complaint and a FOIA review request need no grounds.
    let complaint = edited(
        "complaint.foia",
        "I ask the Commissioner to decide whether the Department was entitled to withhold the whole assessment.",
        "",
    );
    assert_eq!(complaint.kind, LetterKind::Complaint);
    assert!(codes(&complaint).is_empty());
    let review = edited(
        "review-request.foia",
        "I do not accept that section 24(1) applies to the whole assessment. Much of it describes the project's budget and timetable, which reveal nothing about the centre's defences and could be released with redactions.",
        "",
    );
    assert!(codes(&review).is_empty());
    // A FOISA application to the Commissioner cites s47(3)(c).
    let sic = Letter::from_text(
        "sic",
        "Dear Commissioner,\n\nI wish to apply to the Scottish Information Commissioner for a decision under section 47 of the Freedom of Information (Scotland) Act 2002 about Loch Arden Council's response to my request.\n\nYours faithfully,\n\nC Reid\n",
    );
    assert_eq!((sic.kind, codes(&sic)), (LetterKind::Complaint, vec!["FOI501".to_string()]));
    assert!(check::check(&sic)[0].message.contains("s47(3)(c)"));
}

#[test]
fn reasons_are_not_demanded_where_apparent_or_withheld_under_s17_4() {
    let refusal = "We hold the information, but we have decided that it is exempt from disclosure under section 24(1) of the Act, because it describes the weaknesses of critical national infrastructure and its release would give hostile actors information they could use to disrupt it.";
    let section_21 = edited(
        "refusal.foia",
        refusal,
        "The report is exempt under section 21 of the Act, as it is reasonably accessible to you on our website at https://drt.example.gov.uk/reports.",
    );
    assert!(!codes(&section_21).contains(&"FOI201".to_string()), "{:?}", codes(&section_21));
    let s17_4 = edited(
        "refusal.foia",
        refusal,
        "The information is exempt under section 31(1)(a) of the Act. Stating our reasons would itself disclose exempt information, so under section 17(4) we do not give them.",
    );
    assert!(!codes(&s17_4).contains(&"FOI201".to_string()), "{:?}", codes(&s17_4));
    let bare = edited("refusal.foia", refusal, "The information is exempt under section 31(1)(a) of the Act.");
    assert!(codes(&bare).contains(&"FOI201".to_string()), "{:?}", codes(&bare));
}

#[test]
fn subsections_cited_in_passing_are_not_unknown_and_a_bare_40_is_told_to_cite_its_limb() {
    for (stem, sentence) in [
        (
            "refusal.foia",
            "Under section 21(2) information is reasonably accessible if it is published, so that exemption does not apply.",
        ),
        ("refusal.foia", "The refusal is not on cost: section 12(4) aggregation does not apply here."),
        ("refusal.foia", "Section 35(2) does not apply, as this is not statistical information."),
        ("refusal.foia", "We considered whether the exemption in section 40(8) applies."),
        ("refusal.foisa", "We considered whether the exemption in section 38(5A) applies."),
    ] {
        let letter = edited(stem, "Yours sincerely,", &format!("{sentence}\n\nYours sincerely,"));
        assert!(!codes(&letter).contains(&"FOI202".to_string()), "{sentence}: {:?}", codes(&letter));
    }
    let forty = edited(
        "refusal.foia",
        "exempt from disclosure under section 24(1) of the Act, because it describes the weaknesses of critical national infrastructure and its release would give hostile actors information they could use to disrupt it.",
        "exempt under section 40 of the Act.",
    );
    let found = check::check(&forty);
    let f203: Vec<_> = found.iter().filter(|d| d.code == "FOI203").collect();
    assert!(f203.iter().any(|d| d.message.contains("cite the limb")), "{found:#?}");
}

#[test]
fn placeholders_are_a_drafters_gaps_not_a_hosting_sites_masking() {
    let masked = edited(
        "review-request.foia",
        "Yours faithfully,",
        "Please reply to xxxxxxxx@whatdotheyknow.com, not [email address] or [FOI #712345 email]. [REDACTED]\n\nYours faithfully,",
    );
    assert!(codes(&masked).is_empty(), "{:?}", codes(&masked));
    for gap in ["[ GIVE DETAILS ABOUT YOUR COMPLAINT HERE ]", "{{requester}}", "<name>", "XX/XX/XXXX", "[INSERT DATE]"]
    {
        let letter = edited("review-request.foia", "Yours faithfully,", &format!("{gap}\n\nYours faithfully,"));
        assert_eq!(codes(&letter), ["FOI402"], "{gap}");
    }
}

#[test]
fn a_whatdotheyknow_thread_is_read_as_the_authoritys_latest_message() {
    let letter = read_file(&support::root().join("fixtures/letters/whatdotheyknow/not-held-thread.html"));
    assert_eq!(letter.kind, LetterKind::NotHeld);
    assert_eq!(letter.sent.map(|d| d.iso()), Some("2024-04-19".into()));
    // The message header stands in for the letterhead an e-mail lacks.
    assert_eq!(letter.recognised.as_ref().unwrap().authority.as_deref(), Some("Northshire County Council"));
    assert!(letter.text().contains("does not hold") && !letter.text().contains("Please send me"));
}

#[test]
fn real_letters_are_recognised() {
    // `shared/` stands beside the checkout (as CI lays it) or at /work/shared.
    let shared = [support::root().join("../shared"), std::path::PathBuf::from("/work/shared")]
        .into_iter()
        .find(|p| p.is_dir())
        .unwrap_or_default();
    let seeds = shared.join("seeds");
    let mut tried = 0;
    for (file, kind) in [
        ("000_27ad7c47d7595f72.txt", LetterKind::Refusal),
        ("003_cc5d12faf67a24c6.txt", LetterKind::Release),
        ("001_601b139676f85f5c.txt", LetterKind::NotFoi),
        ("002_a6710382e93bf129.txt", LetterKind::NotFoi),
        ("004_593d3a0421df5b38.txt", LetterKind::NotFoi),
    ] {
        let Ok(text) = std::fs::read_to_string(seeds.join(file)) else { continue };
        tried += 1;
        assert_eq!(Letter::from_text(file, &text).kind, kind, "{file}");
    }
    // The checked-in copies of the two Home Office seeds.
    for (name, kind) in [("ho-43342-refusal", LetterKind::Refusal), ("ho-78814-release", LetterKind::Release)] {
        let text = std::fs::read_to_string(support::root().join(format!("fixtures/seeds/{name}.txt"))).unwrap();
        assert_eq!(Letter::from_text(name, &text).kind, kind, "{name}");
    }
    // The reference letters are real WhatDoTheyKnow review requests (after their metadata header).
    let refs = shared.join("reference-letters");
    for file in [
        "09_mhclg_eir-review-request_epc-data_knowles.txt",
        "10_mhclg_review-request_template-placeholder-unfilled_rodgers.txt",
    ] {
        let Ok(text) = std::fs::read_to_string(refs.join(file)) else { continue };
        tried += 1;
        let letter = text.split_once("\n---\n").map_or(text.as_str(), |(_, l)| l);
        let letter = Letter::from_text(file, letter);
        assert_eq!(letter.kind, LetterKind::ReviewRequest, "{file}");
        assert_eq!(
            letter.recognised.as_ref().unwrap().authority.as_deref(),
            Some("Ministry of Housing, Communities and Local Government"),
            "{file}"
        );
    }
    if tried == 0 {
        eprintln!("skipping the shared real letters: no shared/ beside the checkout");
    }
}

/// The kind foikit wrote a golden letter as: the requester's letters and a
/// review outcome by their names, a fixture case's letter as its case says.
fn written_kind(p: &foikit::golden::Produced) -> LetterKind {
    for kind in [LetterKind::ReviewRequest, LetterKind::Complaint, LetterKind::ReviewOutcome] {
        if p.letter == kind.slug() {
            return kind;
        }
    }
    let case = foikit::case::load(p.file.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", p.file));
    case.stage_kind()
}

#[test]
fn foikits_own_letters_are_recognised_as_the_kind_foikit_wrote() {
    use foikit::render::Format;
    for p in support::letters() {
        let kind = written_kind(&p);
        let name = format!("{}/{}", p.case, p.letter);
        for format in [Format::Txt, Format::Docx, Format::Pdf, Format::Html] {
            let bytes = support::render_doc(&p.doc, format);
            let read_as = LetterFormat::from_path(format!("x.{}", format.extension()).as_ref()).unwrap();
            let letter = read::letter(&name, read_as, &bytes, None).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(letter.kind, kind, "{name} as {format}: {:?}", letter.recognised);
        }
    }
}

fn foikit(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).current_dir(support::root()).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn check_says_what_it_read_and_kind_overrides_it() {
    let release = "fixtures/letters/release.foia.txt";
    let (code, human, _) = foikit(&["check", release]);
    assert_eq!(code, Some(0));
    assert!(
        human.contains("read as a release under FOI Act, from \"") && human.contains("reference DRT-2024-01830"),
        "{human}"
    );
    let (_, json, _) = foikit(&["check", release, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let letter = &json["letters"][0];
    assert_eq!((letter["kind"].as_str(), letter["kind_from"].as_str()), (Some("release"), Some("wording")));
    assert_eq!(letter["date"], "2024-03-26");
    // Judged as a refusal notice, the same letter owes the particulars by statute; it has them.
    let (code, json, _) =
        foikit(&["check", "fixtures/letters/not-held.foia.txt", "--kind", "refusal", "--format", "sarif"]);
    assert_eq!(code, Some(0));
    let sarif: serde_json::Value = serde_json::from_str(&json).unwrap();
    let letter = &sarif["runs"][0]["properties"]["letters"][0];
    assert_eq!((letter["kind"].as_str(), letter["kind_from"].as_str()), (Some("refusal"), Some("given")));
    assert_eq!(foikit(&["check", release, "--kind", "nonsense"]).0, Some(2));
    // `explain` says which kinds a rule is for.
    let (_, doc, _) = foikit(&["explain", "missing-internal-review"]);
    assert!(doc.contains("Applies to: holding-notice, release,") && !doc.contains("review-outcome"), "{doc}");
}

#[test]
fn a_request_itself_is_not_judged_as_a_reply() {
    let request = Letter::from_text(
        "request",
        "Dear Northshire County Council,\n\nUnder the Freedom of Information Act 2000, please provide the minutes of the highways committee for 2023.\n\nYours faithfully,\n\nH Dale\n",
    );
    assert_eq!(request.kind, LetterKind::Request);
    assert!(
        request
            .recognised
            .as_ref()
            .unwrap()
            .evidence
            .starts_with("Under the Freedom of Information Act 2000, please provide")
    );
    // No reply rule applies to asking; only the request's own formalities (s8(1)).
    assert!(check::check(&request).iter().all(|d| d.code == "FOI503"));
}

#[test]
fn unreadable_letters_are_refused_with_a_reason_not_judged_empty() {
    let dir = support::scratch("unreadable");
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.pdf");
    std::fs::write(&empty, b"").unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, (0..2000u32).map(|i| (i * 7 % 256) as u8).collect::<Vec<_>>()).unwrap();
    let blank = dir.join("blank.docx");
    std::fs::write(&blank, support::render_doc(&blank_document(), foikit::render::Format::Docx)).unwrap();
    let scan = support::root().join("fixtures/letters/unreadable/no-text-layer.pdf");
    let encrypted = support::root().join("fixtures/letters/unreadable/encrypted.pdf");
    for (path, reason) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&blank, "no letter text"),
        (&scan, "no text layer"),
        (&encrypted, "encrypted"),
    ] {
        for command in ["check", "review"] {
            let (code, _, err) = foikit(&[command, path.to_str().unwrap()]);
            assert_eq!(code, Some(2), "{command} {}: {err}", path.display());
            assert!(err.contains(reason), "{command} {}: {err}", path.display());
        }
    }
}

#[test]
fn a_pdf_protected_only_against_editing_is_read() {
    if !support::tool("qpdf") {
        return;
    }
    let dir = support::scratch("permissions-only");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("refusal.pdf");
    let source = support::root().join("fixtures/letters/refusal.foia.pdf");
    let status =
        Command::new("qpdf").args(["--encrypt", "", "owner", "256", "--"]).arg(&source).arg(&out).status().unwrap();
    assert!(status.success());
    assert_eq!(read_file(&out).kind, LetterKind::Refusal);
}

/// A document with no words in it.
fn blank_document() -> foikit::doc::Document {
    let mut doc = support::document("ho-78814-release");
    doc.letterhead = Default::default();
    doc.body.clear();
    doc.annexes.clear();
    doc
}

/// A letter merged onto stationery (`qpdf --overlay`) has its text only in
/// Form XObjects the page draws: it is read as the letter it is, with the
/// same kind, facts and findings, not refused as having no text layer.
#[test]
fn text_in_form_xobjects_is_read() {
    use lopdf::{Dictionary, Object, Stream};
    let path = support::root().join("fixtures/letters/refusal.foia.pdf");
    let plain = read_file(&path);
    let mut doc = lopdf::Document::load(&path).unwrap();
    for (_, page) in doc.get_pages() {
        let content = doc.get_page_content(page);
        let resources = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap().clone();
        let mut form = Dictionary::new();
        form.set("Type", "XObject");
        form.set("Subtype", "Form");
        form.set("BBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
        form.set("Resources", resources);
        let form = doc.add_object(Stream::new(form, content));
        let drawn = doc.add_object(Stream::new(Dictionary::new(), b"q /Fx0 Do Q".to_vec()));
        let mut xobjects = Dictionary::new();
        xobjects.set("Fx0", form);
        let mut own = Dictionary::new();
        own.set("XObject", xobjects);
        let dict = doc.get_object_mut(page).unwrap().as_dict_mut().unwrap();
        dict.set("Resources", own);
        dict.set("Contents", Object::Reference(drawn));
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let merged = read::letter("merged.pdf", LetterFormat::Pdf, &bytes, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.kind, plain.kind);
    assert_eq!(
        (merged.reference.clone(), merged.sent, merged.received),
        (plain.reference.clone(), plain.sent, plain.received)
    );
    let codes = |l: &Letter| check::check(l).into_iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(codes(&merged), codes(&plain));
    assert!(!merged.exemptions().is_empty());
}

/// A form drawn over and over counts each time against the page's limits:
/// a small file cannot make the reader do unbounded work.
#[test]
fn a_form_drawn_many_times_is_held_to_the_page_limits() {
    use lopdf::{Dictionary, Stream};
    let mut doc = lopdf::Document::with_version("1.7");
    let text = format!("BT /F1 12 Tf 72 700 Td ({}) Tj ET", "word ".repeat(20_000));
    let form_resources = helvetica(&mut doc);
    let mut form = Dictionary::new();
    form.set("Type", "XObject");
    form.set("Subtype", "Form");
    form.set("BBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
    form.set("Resources", form_resources);
    let form = doc.add_object(Stream::new(form, text.into_bytes()));
    let drawn = doc.add_object(Stream::new(Dictionary::new(), b"q /Fx0 Do Q\n".repeat(1_000)));
    let mut xobjects = Dictionary::new();
    xobjects.set("Fx0", form);
    let mut resources = Dictionary::new();
    resources.set("XObject", xobjects);
    let bytes = one_page(doc, resources, drawn, None);
    let error = read::letter("drawn.pdf", LetterFormat::Pdf, &bytes, None).expect_err("refused");
    assert!(error.to_string().contains("over foikit's limit"), "{error}");
}

/// Chrome's "Print to PDF" (Skia) places every glyph with a move of its own
/// and shows word spaces as glyphs: its moves along a line are not word
/// gaps, except a jump well past the glyph shown (a table column).
#[test]
fn a_skia_pdf_reads_as_words() {
    use lopdf::{Dictionary, Stream};
    let mut content = String::from("BT /F1 12 Tf 1 0 0 1 72 700 Tm\n");
    for (i, word) in ["Dear", "Ms", "Roe,"].iter().enumerate() {
        if i > 0 {
            content.push_str("(\\040) Tj 3.3 0 Td\n");
        }
        for c in word.chars() {
            content.push_str(&format!("({c}) Tj 7.2 0 Td\n"));
        }
    }
    content.push_str("120 0 Td (Our) Tj 18 0 Td (\\040) Tj 3.3 0 Td (ref) Tj ET");
    let mut doc = lopdf::Document::with_version("1.7");
    let resources = helvetica(&mut doc);
    let contents = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    let bytes = one_page(doc, resources, contents, Some("Skia/PDF m156"));
    let text = read::extract::pdf_pages("skia.pdf", &bytes).unwrap().concat();
    assert_eq!(text.trim(), "Dear Ms Roe, Our ref");
}

/// A one-page PDF of `doc`'s objects: the page with `resources` and
/// `contents`, and `producer` in its document information.
fn one_page(
    mut doc: lopdf::Document,
    resources: lopdf::Dictionary,
    contents: lopdf::ObjectId,
    producer: Option<&str>,
) -> Vec<u8> {
    use lopdf::{Dictionary, Object};
    let pages = doc.new_object_id();
    let mut page = Dictionary::new();
    page.set("Type", "Page");
    page.set("Parent", pages);
    page.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
    page.set("Resources", resources);
    page.set("Contents", contents);
    let page = doc.add_object(page);
    let mut tree = Dictionary::new();
    tree.set("Type", "Pages");
    tree.set("Kids", vec![Object::Reference(page)]);
    tree.set("Count", 1);
    doc.objects.insert(pages, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", "Catalog");
    catalog.set("Pages", pages);
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    if let Some(producer) = producer {
        let mut info = Dictionary::new();
        info.set("Producer", Object::string_literal(producer));
        let info = doc.add_object(info);
        doc.trailer.set("Info", info);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// Resources naming Helvetica as font `F1`.
fn helvetica(doc: &mut lopdf::Document) -> lopdf::Dictionary {
    use lopdf::Dictionary;
    let mut font = Dictionary::new();
    font.set("Type", "Font");
    font.set("Subtype", "Type1");
    font.set("BaseFont", "Helvetica");
    let font = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", font);
    let mut resources = Dictionary::new();
    resources.set("Font", fonts);
    resources
}
