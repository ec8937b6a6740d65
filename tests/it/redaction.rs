//! Redaction: withheld text never reaches an output byte. Every output of
//! every fixture with redactions, in every format, is taken apart (each DOCX
//! part unzipped, each PDF stream decompressed, the document info and XMP)
//! and searched for each withheld string in UTF-8, UTF-16 (both byte
//! orders) and the PDF fonts' own codes; so are `check` and `review` output
//! and every file name written.

use std::path::{Path, PathBuf};
use std::process::Command;

use foikit::render::Format;
use lopdf::Object;

use crate::support;

/// Fixture case files with redaction markup, in them or in their annexes.
fn redacted_fixtures() -> Vec<PathBuf> {
    support::fixture_cases()
        .into_iter()
        .map(|n| support::root().join("fixtures/cases").join(format!("{n}.yaml")))
        .filter(|p| std::fs::read_to_string(p).unwrap().contains("[[redact "))
        .collect()
}

/// The withheld strings of a case file and its Markdown annexes, read raw
/// (never through foikit, which masks them): each whole, white space
/// collapsed, and each of its words of five or more characters.
fn secrets(case: &Path) -> Vec<String> {
    let dir = case.parent().unwrap();
    let mut texts = vec![std::fs::read_to_string(case).unwrap()];
    for line in texts[0].clone().lines() {
        if let Some(file) = line.trim().strip_prefix("file:") {
            texts.push(std::fs::read_to_string(dir.join(file.trim())).unwrap());
        }
    }
    let mut out = Vec::new();
    for text in &texts {
        for piece in text.split("[[redact ").skip(1) {
            let withheld = piece.split("]]").next().unwrap().split_once(':').unwrap().1;
            let words: Vec<&str> = withheld.split_whitespace().collect();
            out.push(words.join(" "));
            out.extend(words.iter().filter(|w| w.chars().count() >= 5).map(|w| w.to_string()));
        }
    }
    assert!(!out.is_empty(), "{} has no redactions", case.display());
    out.sort();
    out.dedup();
    out
}

/// Every way `secret` could be spelt in bytes, besides the PDF font codes.
fn spellings(secret: &str) -> Vec<Vec<u8>> {
    let utf16: Vec<u16> = secret.encode_utf16().collect();
    vec![
        secret.as_bytes().to_vec(),
        utf16.iter().flat_map(|u| u.to_le_bytes()).collect(),
        utf16.iter().flat_map(|u| u.to_be_bytes()).collect(),
    ]
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every byte string a PDF holds, streams decompressed: content, fonts,
/// ToUnicode maps, metadata, the trailer's info dictionary.
fn pdf_pieces(bytes: &[u8]) -> Vec<Vec<u8>> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let mut out = vec![bytes.to_vec()];
    for object in doc.objects.values() {
        match object {
            Object::Stream(s) => out.push(s.decompressed_content().unwrap_or_else(|_| s.content.clone())),
            other => out.push(format!("{other:?}").into_bytes()),
        }
    }
    out.push(format!("{:?}", doc.trailer).into_bytes());
    out
}

/// Unicode → code maps of the PDF's fonts, from their ToUnicode CMaps
/// (`<code> <unicode>` pairs), so a secret can be spelt in glyph codes.
fn font_codes(bytes: &[u8]) -> Vec<std::collections::HashMap<char, u16>> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut maps = Vec::new();
    for object in doc.objects.values() {
        let Object::Stream(s) = object else { continue };
        let Ok(data) = s.decompressed_content() else { continue };
        let text = String::from_utf8_lossy(&data);
        if !text.contains("beginbfchar") && !text.contains("beginbfrange") {
            continue;
        }
        let mut map = std::collections::HashMap::new();
        for line in text.lines() {
            let hex: Vec<&str> = line.split(['<', '>']).filter(|p| !p.trim().is_empty()).collect();
            let parse = |h: &str| u32::from_str_radix(h.trim(), 16).ok();
            match hex.as_slice() {
                [code, uni] => {
                    if let (Some(c), Some(u)) = (parse(code), parse(uni).and_then(char::from_u32)) {
                        map.insert(u, c as u16);
                    }
                }
                [lo, hi, uni] => {
                    if let (Some(lo), Some(hi), Some(u)) = (parse(lo), parse(hi), parse(uni)) {
                        for (i, code) in (lo..=hi).enumerate() {
                            if let Some(ch) = char::from_u32(u + i as u32) {
                                map.insert(ch, code as u16);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        maps.push(map);
    }
    assert!(!maps.is_empty(), "the PDF has ToUnicode maps to check against");
    maps
}

fn assert_clean(what: &str, pieces: &[Vec<u8>], secrets: &[String], codes: &[std::collections::HashMap<char, u16>]) {
    for secret in secrets {
        let mut needles = spellings(secret);
        for map in codes {
            let coded: Option<Vec<u8>> = secret
                .chars()
                .map(|c| map.get(&c).map(|code| code.to_be_bytes()))
                .collect::<Option<Vec<_>>>()
                .map(|v| v.concat());
            // A secret whose characters are not all in the subset cannot be shown by it.
            needles.extend(coded);
        }
        for piece in pieces {
            for needle in &needles {
                assert!(!contains(piece, needle), "{what} holds withheld text `{secret}`");
            }
        }
    }
}

#[test]
fn withheld_text_reaches_no_output_byte() {
    let fixtures = redacted_fixtures();
    assert!(!fixtures.is_empty());
    for path in fixtures {
        let secrets = secrets(&path);
        let case = foikit::case::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let doc = support::composer().compose(&case).unwrap();
        assert!(!format!("{doc:?}").contains(secrets[0].as_str()), "the document model holds withheld text");
        let mut redactions = 0;
        for inline in doc.clone().inlines_mut() {
            redactions += usize::from(matches!(inline, foikit::doc::Inline::Redaction { .. }));
        }
        assert!(redactions >= 2, "{}: redactions rendered", path.display());
        for format in Format::ALL {
            let bytes = support::render_doc(&doc, format);
            let what = format!("{} as {format}", path.display());
            match format {
                Format::Pdf => {
                    let codes = font_codes(&bytes);
                    assert_clean(&what, &pdf_pieces(&bytes), &secrets, &codes);
                }
                Format::Docx => {
                    let parts: Vec<Vec<u8>> = support::docx_parts(&bytes)
                        .into_iter()
                        .flat_map(|(name, xml)| [name.into_bytes(), xml.into_bytes()])
                        .collect();
                    assert_clean(&what, &[parts.concat(), bytes], &secrets, &[]);
                }
                _ => assert_clean(&what, &[bytes], &secrets, &[]),
            }
        }
    }
}

fn foikit(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).output().unwrap();
    [out.stdout, out.stderr].concat()
}

#[test]
fn check_review_and_file_names_hold_no_withheld_text() {
    for path in redacted_fixtures() {
        let secrets = secrets(&path);
        let dir = support::scratch(&format!("redact-{}", path.file_stem().unwrap().to_string_lossy()));
        let mut said = foikit(&[
            "render".as_ref(),
            path.as_os_str(),
            "-o".as_ref(),
            dir.as_os_str(),
            "--format".as_ref(),
            "docx,pdf,txt,html".as_ref(),
        ]);
        said.extend(foikit(&["check".as_ref(), path.as_os_str()]));
        let outputs: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(outputs.len(), 4);
        for output in &outputs {
            said.extend(output.file_name().unwrap().as_encoded_bytes());
            said.extend(foikit(&["check".as_ref(), output.as_os_str()]));
            let review = dir.join("review");
            said.extend(foikit(&[
                "review".as_ref(),
                output.as_os_str(),
                "-o".as_ref(),
                review.as_os_str(),
                "--format".as_ref(),
                "txt".as_ref(),
            ]));
            for file in std::fs::read_dir(&review).into_iter().flatten() {
                said.extend(std::fs::read(file.unwrap().path()).unwrap());
            }
        }
        assert_clean(&path.display().to_string(), &[said], &secrets, &[]);
    }
}

#[test]
fn check_never_echoes_a_withheld_value_from_a_case_file_line() {
    let dir = support::scratch("redact-echo");
    let case = dir.join("case.yaml");
    let source = std::fs::read_to_string(support::root().join("fixtures/cases/council-partial-foia.yaml")).unwrap();
    // An unknown field is reported with its line shown.
    std::fs::write(&case, format!("{source}\nnickname: \"[[redact 40(2): Zebedee Quarrington]]\"\n")).unwrap();
    let said = foikit(&["check".as_ref(), case.as_os_str()]);
    let said = String::from_utf8_lossy(&said);
    assert!(said.contains("nickname"), "the line is shown: {said}");
    assert!(!said.contains("Zebedee") && !said.contains("Quarrington"), "{said}");
}

#[test]
fn labels_follow_the_regime() {
    let text = String::from_utf8(support::render("council-redacted-foia", Format::Txt)).unwrap();
    assert!(text.contains("[Redacted – section 40(2)]"), "{text}");
    let path = support::root().join("fixtures/cases/council-refusal-eir.yaml");
    let mut case = foikit::case::load(&path).unwrap();
    case.request.text = "Ask about [[redact 13: Jane Smith]].".into();
    let doc = support::composer().compose(&case).unwrap();
    let text = String::from_utf8(support::render_doc(&doc, Format::Txt)).unwrap();
    assert!(text.contains("Ask about [Redacted – regulation 13]."), "{text}");
    assert!(!text.contains("Jane"));
}

#[test]
fn annex_paths_out_of_the_case_folder_are_refused() {
    let dir = support::scratch("redact-paths");
    let source = std::fs::read_to_string(support::root().join("fixtures/cases/council-redacted-foia.yaml")).unwrap();
    for bad in ["../annex.md", "/etc/passwd", "sub/../../x.md"] {
        let case = dir.join("case.yaml");
        std::fs::write(&case, source.replace("file: council-redacted-annex-a.md", &format!("file: \"{bad}\"")))
            .unwrap();
        let err = foikit::case::load(&case).unwrap_err().to_string();
        assert!(err.contains("case.yaml") && err.contains("annexes[0].file"), "{err}");
        assert!(err.contains("must be inside the case file's folder"), "{err}");
    }
}

#[test]
fn the_schedule_lists_every_redaction() {
    let doc = support::document("council-redacted-foia");
    let mut redactions = 0;
    for inline in doc.clone().inlines_mut() {
        redactions += usize::from(matches!(inline, foikit::doc::Inline::Redaction { .. }));
    }
    let schedule = doc.annexes.iter().find(|a| a.label.as_deref() == Some("Annex B")).expect("the schedule");
    let rows = schedule.blocks.iter().find_map(|b| match b {
        foikit::doc::Block::Table { rows, .. } => Some(rows),
        _ => None,
    });
    let rows = rows.expect("a table");
    assert_eq!(rows.len(), redactions);
    let text = String::from_utf8(support::render_doc(&doc, Format::Txt)).unwrap().replace('\u{a0}', " ");
    assert!(text.contains("Part 2 of the request | section 40(2) | Personal information"), "{text}");
    assert!(text.contains("Annex A | section 43(2) | Commercial interests"), "{text}");
}

/// A DOCX whose body is `body` (WordprocessingML).
fn docx(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    write!(zip, "<w:document><w:body>{body}</w:body></w:document>").unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn docx_annexes_carry_plain_content_and_refuse_tracked_changes() {
    let dir = support::scratch("redact-docx");
    let source = std::fs::read_to_string(support::root().join("fixtures/cases/council-redacted-foia.yaml")).unwrap();
    let case = dir.join("case.yaml");
    std::fs::write(&case, source.replace("file: council-redacted-annex-a.md", "file: annex-a.docx")).unwrap();

    let plain =
        "<w:p><w:r><w:t>Present: [[redact 40(2): Ottoline</w:t></w:r><w:r><w:t> Featherstonehaugh]]</w:t></w:r></w:p>";
    std::fs::write(dir.join("annex-a.docx"), docx(plain)).unwrap();
    let loaded = foikit::case::load(&case).unwrap_or_else(|e| panic!("{e}"));
    let doc = support::composer().compose(&loaded).unwrap();
    for format in Format::ALL {
        let bytes = support::render_doc(&doc, format);
        assert!(!contains(&bytes, b"Ottoline") && !contains(&bytes, b"Featherstonehaugh"), "{format}");
    }
    let text = String::from_utf8(support::render_doc(&doc, Format::Txt)).unwrap();
    assert!(text.contains("Present: [Redacted – section 40(2)]"), "{text}");

    let tracked = "<w:p><w:del w:id=\"1\"><w:r><w:delText>Ottoline</w:delText></w:r></w:del></w:p>";
    std::fs::write(dir.join("annex-a.docx"), docx(tracked)).unwrap();
    let err = foikit::case::load(&case).unwrap_err().to_string();
    assert!(err.contains("case.yaml") && err.contains("annexes[0].file"), "{err}");
    assert!(err.contains("annex file `annex-a.docx` has tracked changes"), "{err}");
    assert!(!err.contains("Ottoline"), "{err}");
}
