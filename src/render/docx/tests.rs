//! Tests of the DOCX backend on hand-built letters.

use std::io::{Cursor, Read as _};

use time::macros::{date, datetime};
use zip::{CompressionMethod, DateTime, ZipArchive};

use super::docx;
use crate::doc::{Align, Annex, Block, Document, Inline, Line, ListKind, Meta};
use crate::render::RenderOptions;

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

fn line(s: &str) -> Line {
    vec![text(s)]
}

fn para(s: &str) -> Block {
    Block::Paragraph(line(s))
}

fn lines(align: Align, items: &[&str]) -> Block {
    Block::Lines { lines: items.iter().map(|s| line(s)).collect(), align }
}

fn numbered(items: &[&str]) -> Block {
    Block::List { kind: ListKind::Numbered { start: 1 }, items: items.iter().map(|s| line(s)).collect() }
}

/// A five-page refusal letter exercising every block kind.
fn sample(draft: bool) -> Document {
    let months = [
        "April 2022",
        "May 2022",
        "June 2022",
        "July 2022",
        "August 2022",
        "September 2022",
        "October 2022",
        "November 2022",
        "December 2022",
        "January 2023",
        "February 2023",
        "March 2023",
        "April 2023",
        "May 2023",
        "June 2023",
        "July 2023",
        "August 2023",
        "September 2023",
        "October 2023",
    ];
    let rows = months.iter().enumerate().map(|(i, m)| vec![line(m), line(&format!("{}", 1200 + i * 37))]).collect();
    let reasons = "Disclosure would reveal personal data of individual caseworkers. The information is exempt \
                   under section 40(2) of the FOIA because the individuals would have no expectation that \
                   their names and grades would be placed in the public domain, and disclosure would breach \
                   the first data protection principle. Section 40(2) is an absolute exemption, so no public \
                   interest test is needed.";
    let public_interest = "Section 31(1)(e) of the FOIA provides that information is exempt if its disclosure \
                           would, or would be likely to, prejudice the operation of the immigration controls. \
                           Section 31 is a qualified exemption and we have considered whether the public interest \
                           in maintaining the exemption outweighs the public interest in disclosure. We recognise \
                           the public interest in knowing how the Home Office allocates its caseworking resources, \
                           but releasing the information would allow those seeking to abuse the asylum system to \
                           target particular teams and times.";
    let advice = "Under section 16 of the FOIA we have a duty to provide advice and assistance. You may wish \
                  to narrow your request, for example by asking for the number of caseworkers in each grade \
                  rather than their names, or by limiting it to a shorter period. Any new request will be \
                  considered afresh and will receive a new reference number. Published immigration statistics \
                  are available on GOV.UK and are updated every quarter.";
    Document {
        meta: Meta {
            title: "FOI response 43342".into(),
            author: "Freedom of Information Team".into(),
            subject: "Freedom of Information request".into(),
            reference: "43342".into(),
            date: date!(2024 - 05 - 17),
            draft,
        },
        letterhead: vec![
            vec![Inline::Strong("Home Office".into())],
            line("Freedom of Information Team"),
            line("2 Marsham Street"),
            line("London SW1P 4DF"),
            line("www.gov.uk/home-office"),
        ],
        body: vec![
            lines(Align::Left, &["Ms J Smith", "By email: j.smith@example.org"]),
            lines(Align::Right, &["Reference: FOI 43342", "17 May 2024"]),
            para("Dear Ms Smith,"),
            Block::Heading { level: 1, content: line("Freedom of Information request: reference 43342") },
            Block::Paragraph(vec![
                text("Thank you for your email of 19 April 2024, in which you asked for the following information "),
                text("about the asylum casework teams (“the request”):"),
            ]),
            Block::Quote(vec![
                para("Please provide the following for each month from April 2022 to October 2023 – A & B <c>:"),
                numbered(&[
                    "the number of asylum applications received;",
                    "the names and grades of the caseworkers who decided them;",
                    "any guidance issued to caseworkers on ‘priority’ cases.",
                ]),
            ]),
            para(
                "We have handled your email as a request for information under section 1(1) of the Freedom of \
                 Information Act 2000 (FOIA). We can confirm that the Home Office holds information within the \
                 scope of your request.",
            ),
            Block::Heading { level: 2, content: line("Our response") },
            numbered(&[
                "The number of applications received each month is given in the table at Annex A.",
                "We are not able to provide the names and grades of caseworkers. The reasons are set out below.",
                "Guidance on priority cases is already published, so it is exempt under section 21 of the FOIA.",
            ]),
            Block::Paragraph(vec![
                text("The guidance is available on "),
                Inline::Link {
                    text: "GOV.UK".into(),
                    url:
                        "https://www.gov.uk/government/collections/asylum-decision-making-guidance-asylum-instructions"
                            .into(),
                },
                text(". "),
                Inline::Strong("Section 21".into()),
                text(" applies to information that is "),
                Inline::Emphasis("reasonably accessible".into()),
                text(" to the applicant by other means."),
            ]),
            Block::Heading { level: 3, content: line("Section 40(2): personal information") },
            para(reasons),
            Block::Heading { level: 3, content: line("Section 31(1)(e): immigration controls") },
            para(public_interest),
            Block::Heading { level: 3, content: line("Public interest test") },
            Block::List {
                kind: ListKind::Bullet,
                items: vec![
                    line("There is a general public interest in openness and transparency in government."),
                    line("Disclosure would increase public understanding of how asylum claims are decided."),
                ],
            },
            para(public_interest),
            para(public_interest),
            Block::Heading { level: 2, content: line("Advice and assistance") },
            para(advice),
            para(advice),
            Block::Section {
                name: crate::doc::Section::InternalReview,
                blocks: vec![
                    Block::Heading { level: 2, content: line("Internal review") },
                    para(
                        "If you are dissatisfied with this response you may request an independent internal review \
                         of our handling of your request by submitting a complaint within two months to \
                         foirequests@homeoffice.gov.uk, quoting reference 43342. If you ask for an internal review, \
                         it would help us if you would say why you are dissatisfied with the response.",
                    ),
                ],
            },
            Block::Section {
                name: crate::doc::Section::IcoComplaint,
                blocks: vec![Block::Paragraph(vec![
                    text(
                        "As part of any internal review the Department's handling of your information request will be \
                          reassessed by staff who were not involved in providing you with this response. If you \
                          remain dissatisfied after an internal review decision, you have the right to complain to \
                          the Information Commissioner as established by section 50 of the FOIA: ",
                    ),
                    Inline::Link {
                        text: "ico.org.uk/make-a-complaint".into(),
                        url: "https://ico.org.uk/make-a-complaint/".into(),
                    },
                    text("."),
                ])],
            },
            para("Yours sincerely,"),
            lines(Align::Left, &["", "Freedom of Information Team", "Home Office"]),
        ],
        annexes: vec![
            Annex {
                label: Some("Annex A".into()),
                blocks: vec![
                    Block::Heading { level: 2, content: line("Asylum applications received, by month") },
                    Block::Table { header: Some(vec![line("Month"), line("Applications received")]), rows },
                    para("Figures are provisional and may change as records are updated."),
                ],
            },
            Annex {
                label: Some("Annex B".into()),
                blocks: vec![
                    Block::Heading { level: 2, content: line("Decision record") },
                    Block::List {
                        kind: ListKind::Bullet,
                        items: vec![line("Request received: 19 April 2024"), line("Response sent: 17 May 2024")],
                    },
                ],
            },
        ],
        house: Default::default(),
    }
}

fn options() -> RenderOptions {
    RenderOptions { timestamp: datetime!(2024-05-17 09:30:15 UTC), reference_doc: None }
}

/// One zip entry, as read back.
struct Entry {
    name: String,
    method: CompressionMethod,
    modified: Option<DateTime>,
    text: String,
}

fn entries(bytes: &[u8]) -> Vec<Entry> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("an entry");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("UTF-8 XML");
            Entry { name: file.name().to_owned(), method: file.compression(), modified: file.last_modified(), text }
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    entries(bytes).into_iter().find(|e| e.name == name).map(|e| e.text).unwrap_or_else(|| panic!("no {name}"))
}

fn render(doc: &Document) -> Vec<u8> {
    docx(doc, &options()).expect("renders")
}

#[test]
fn same_input_gives_identical_bytes() {
    let doc = sample(false);
    let first = render(&doc);
    // Another letter in between must not shift list or link numbering.
    render(&sample(true));
    assert_eq!(first, render(&doc));
    let elsewhere = std::thread::spawn(move || render(&doc)).join().unwrap();
    assert_eq!(first, elsewhere);
}

#[test]
fn every_part_has_its_children_in_schema_order() {
    for draft in [false, true] {
        for entry in entries(&render(&sample(draft))) {
            if entry.name.starts_with("word/") && !entry.name.contains("_rels") {
                super::schema::assert_schema_order(&entry.text);
            }
        }
    }
}

#[test]
fn entries_are_deflated_in_fixed_order_and_dated_from_options() {
    let bytes = render(&sample(true));
    let entries = entries(&bytes);
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/webSettings.xml",
            "word/fontTable.xml",
            "word/theme/theme1.xml",
            "word/header1.xml",
            "word/footer1.xml",
        ]
    );
    let expected = DateTime::from_date_and_time(2024, 5, 17, 9, 30, 14).unwrap();
    for entry in &entries {
        assert_eq!(entry.method, CompressionMethod::Deflated, "{}", entry.name);
        assert_eq!(entry.modified, Some(expected), "{}", entry.name);
    }
    assert!(bytes.len() < 15 * 1024, "{} bytes", bytes.len());
}

#[test]
fn zip_dates_are_clamped_to_what_zip_can_hold() {
    let opts = RenderOptions { timestamp: datetime!(1970-01-01 0:00 UTC), reference_doc: None };
    let bytes = docx(&sample(false), &opts).unwrap();
    assert!(entries(&bytes).iter().all(|e| e.modified == Some(DateTime::default())));
    assert!(part(&bytes, "docProps/core.xml").contains(">1970-01-01T00:00:00Z<"));
}

#[test]
fn unwritable_timestamps_are_errors_not_panics() {
    let timestamp = time::Date::from_calendar_date(-5, time::Month::June, 1).unwrap().midnight().assume_utc();
    let err = docx(&sample(false), &RenderOptions { timestamp, reference_doc: None }).unwrap_err();
    assert_eq!(err.format, crate::render::Format::Docx);
}

#[test]
fn document_uses_our_styles() {
    let bytes = render(&sample(false));
    let xml = part(&bytes, "word/document.xml");
    for style in ["Heading1", "Heading2", "Heading3", "Quote", "ListParagraph", "NoSpacing", "Letterhead", "TableText"]
    {
        assert!(xml.contains(&format!(r#"<w:pStyle w:val="{style}"/>"#)), "{style} not used");
    }
    assert!(xml.contains(r#"<w:tblStyle w:val="TableGrid"/>"#));
    assert!(xml.contains(r#"<w:rStyle w:val="Hyperlink"/>"#));
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:default="1" w:styleId="Normal""#));
    for (id, name) in [("Heading1", "heading 1"), ("Quote", "Quote"), ("ListParagraph", "List Paragraph")] {
        assert!(styles.contains(&format!(r#"w:styleId="{id}"><w:name w:val="{name}"/>"#)), "{id}");
    }
    // Styles are defined once each.
    assert_eq!(styles.matches(r#"w:styleId="Normal""#).count(), 1);
}

#[test]
fn annexes_start_on_a_new_page_with_their_label() {
    let xml = part(&render(&sample(false)), "word/document.xml");
    assert_eq!(xml.matches("<w:pageBreakBefore/>").count(), 2);
    for label in ["Annex A", "Annex B"] {
        let at = xml.find(&format!(">{label}</w:t>")).unwrap();
        let paragraph = &xml[xml[..at].rfind("<w:p>").unwrap()..at];
        assert!(paragraph.contains(r#"<w:pStyle w:val="Heading1"/>"#), "{label}");
        assert!(paragraph.contains("<w:pageBreakBefore/>"), "{label}");
    }
}

#[test]
fn an_unlabelled_annex_starting_with_a_table_still_breaks_the_page() {
    let mut doc = sample(false);
    doc.annexes = vec![Annex { label: None, blocks: vec![Block::Table { header: None, rows: vec![vec![line("x")]] }] }];
    let xml = part(&render(&doc), "word/document.xml");
    let at = xml.find("<w:pageBreakBefore/>").unwrap();
    assert!(xml[at..].find("</w:p>").unwrap() < xml[at..].find("<w:tbl>").unwrap());
}

#[test]
fn footer_has_live_page_fields_and_draft_has_a_header() {
    let bytes = render(&sample(true));
    let footer = part(&bytes, "word/footer1.xml");
    for field in ["PAGE", "NUMPAGES"] {
        assert!(footer.contains(&format!(r#"<w:instrText xml:space="preserve"> {field} </w:instrText>"#)), "{field}");
    }
    assert!(footer.contains(">Page </w:t>") && footer.contains("> of </w:t>"));
    let header = part(&bytes, "word/header1.xml");
    assert!(header.contains(r#"<w:pStyle w:val="DraftMark"/>"#) && header.contains(">DRAFT</w:t>"));
    let final_copy = render(&sample(false));
    assert!(entries(&final_copy).iter().all(|e| e.name != "word/header1.xml"));
    assert!(!part(&final_copy, "word/document.xml").contains("headerReference"));
}

#[test]
fn every_relationship_id_used_is_defined() {
    let bytes = render(&sample(true));
    let xml = part(&bytes, "word/document.xml");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    let used: Vec<&str> = xml.split("r:id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(used.len(), 4, "two links, the header and the footer: {used:?}");
    for id in used {
        assert!(rels.contains(&format!(r#"Id="{id}""#)), "{id} undefined");
    }
    assert!(rels.contains(r#"Target="https://ico.org.uk/make-a-complaint/" TargetMode="External""#));
}

#[test]
fn core_properties_carry_meta_and_timestamp() {
    let mut doc = sample(false);
    doc.meta.title = "FOI 43342 – “A & B”".into();
    let core = part(&render(&doc), "docProps/core.xml");
    for expected in [
        "<dc:title>FOI 43342 – “A &amp; B”</dc:title>",
        "<dc:creator>Freedom of Information Team</dc:creator>",
        "<cp:lastModifiedBy>Freedom of Information Team</cp:lastModifiedBy>",
        "<dc:subject>Freedom of Information request</dc:subject>",
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-17T09:30:15Z</dcterms:created>"#,
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-17T09:30:15Z</dcterms:modified>"#,
    ] {
        assert!(core.contains(expected), "{expected} missing from {core}");
    }
}

#[test]
fn the_language_is_declared_once_for_readers_and_for_spelling() {
    let bytes = render(&sample(false));
    let core = part(&bytes, "docProps/core.xml");
    let language = &core[core.find("<dc:language>").unwrap() + 13..core.find("</dc:language>").unwrap()];
    assert_eq!(language, "en-GB");
    assert!(part(&bytes, "word/styles.xml").contains(&format!(r#"<w:lang w:val="{language}""#)));
    assert!(part(&bytes, "word/settings.xml").contains(&format!(r#"<w:themeFontLang w:val="{language}"/>"#)));
}

#[test]
fn text_is_escaped_exactly_once() {
    let xml = part(&render(&sample(false)), "word/document.xml");
    assert_eq!(xml.matches("A &amp; B &lt;c&gt;").count(), 1);
    assert!(!xml.contains("&amp;amp;") && !xml.contains("A & B"));
    for kept in ["October 2023 – A", "(“the request”)", "‘priority’"] {
        assert!(xml.contains(kept), "{kept}");
    }
}

#[test]
fn each_list_has_its_own_numbering_restarting_at_its_start() {
    let bytes = render(&sample(false));
    let numbering = part(&bytes, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>"#));
    for num in 1..=2 {
        assert!(numbering.contains(&format!(
            r#"<w:num w:numId="{num}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>"#
        )));
    }
    assert!(numbering.contains(r#"<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>"#));
    let xml = part(&bytes, "word/document.xml");
    for (num, items) in [(1, 3), (2, 3), (3, 2), (4, 2)] {
        assert_eq!(xml.matches(&format!(r#"<w:numId w:val="{num}"/>"#)).count(), items, "list {num}");
    }
    // The numbers are not typed in.
    assert!(!xml.contains(">1. "));
}

#[test]
fn tables_span_the_text_width_with_a_bold_repeating_header() {
    let xml = part(&render(&sample(false)), "word/document.xml");
    let grid: u32 =
        xml.split(r#"<w:gridCol w:w=""#).skip(1).map(|s| s[..s.find('"').unwrap()].parse::<u32>().unwrap()).sum();
    assert_eq!(grid, 11906 - 2 * 1418);
    assert_eq!(xml.matches("<w:tr>").count(), 20);
    let header = &xml[xml.find("<w:tr>").unwrap()..xml.find("</w:tr>").unwrap()];
    assert!(header.contains("<w:b/>") && header.contains(">Month</w:t>"));
    // Marked as the header row: repeated on every page, read as headers.
    assert!(header.contains("<w:tblHeader/>"));
    assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
}

#[test]
fn letters_without_lists_have_no_numbering_part() {
    let mut doc = sample(false);
    doc.body.retain(|b| !matches!(b, Block::List { .. } | Block::Quote(_)));
    doc.annexes.clear();
    let bytes = render(&doc);
    assert!(entries(&bytes).iter().all(|e| e.name != "word/numbering.xml"));
    assert!(!part(&bytes, "word/_rels/document.xml.rels").contains("numbering"));
}

#[test]
fn awkward_input_still_gives_a_readable_file() {
    let doc = Document {
        meta: Meta {
            title: "ctl\u{1}chars <&>".into(),
            author: String::new(),
            subject: "\"'".into(),
            reference: String::new(),
            date: date!(2024 - 01 - 01),
            draft: true,
        },
        letterhead: vec![vec![]],
        body: vec![
            Block::Heading { level: 0, content: vec![] },
            Block::Heading { level: 9, content: line("deep") },
            Block::Paragraph(vec![text("tab\there\nnew line\u{0}\u{b}"), Inline::LineBreak, text("\r\n")]),
            Block::Lines { lines: vec![], align: Align::Right },
            Block::List { kind: ListKind::Numbered { start: u32::MAX }, items: vec![vec![]] },
            Block::List { kind: ListKind::Bullet, items: vec![] },
            Block::Table { header: None, rows: vec![] },
            Block::Table { header: Some(vec![line("only header")]), rows: vec![vec![], vec![line("a"), line("b")]] },
            Block::Quote(vec![Block::Quote(vec![
                para("nested"),
                numbered(&["in a quote"]),
                lines(Align::Left, &["x"]),
                Block::Table { header: None, rows: vec![vec![line("t")]] },
            ])]),
            Block::Paragraph(vec![
                Inline::Link { text: "empty".into(), url: "  ".into() },
                Inline::Link { text: "spaces".into(), url: "https://example.org/a b\"<>".into() },
            ]),
        ],
        annexes: vec![Annex { label: Some("  ".into()), blocks: vec![] }, Annex { label: None, blocks: vec![] }],
        house: Default::default(),
    };
    let bytes = render(&doc);
    docx_rs::read_docx(&bytes).expect("another reader, docx-rs, reads it");
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.contains('\u{0}') && !xml.contains('\u{b}'));
    assert!(xml.contains("<w:tab/>") && xml.contains("<w:br/>"));
    super::schema::assert_schema_order(&xml);
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Target="https://example.org/a%20b%22%3C%3E""#), "{rels}");
    assert!(part(&bytes, "docProps/core.xml").contains("<dc:title>ctlchars &lt;&amp;&gt;</dc:title>"));
}

/// The sample letter in a house style: logo, footer line, running header.
fn house_style(draft: bool) -> Document {
    let mut doc = sample(draft);
    let png = include_bytes!("../../../fixtures/profiles/council-logo.png").to_vec();
    doc.house = crate::doc::House {
        logo: Some(crate::doc::Logo {
            image: crate::image::Image::read(png).unwrap(),
            alt: "Example & Co crest".into(),
            height_mm: 20,
        }),
        font: None,
        footer: Some("OFFICIAL".into()),
        page_header: true,
        reference_doc: None,
    };
    doc
}

#[test]
fn house_style_logo_footer_and_running_header() {
    let bytes = render(&house_style(true));
    let mut archive = ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut logo = Vec::new();
    let mut entry = archive.by_name("word/media/logo.png").expect("the logo part");
    assert_eq!(entry.compression(), CompressionMethod::Stored);
    entry.read_to_end(&mut logo).unwrap();
    drop(entry);
    assert_eq!(logo, include_bytes!("../../../fixtures/profiles/council-logo.png"));
    let text = |archive: &mut ZipArchive<Cursor<&Vec<u8>>>, name: &str| {
        let mut out = String::new();
        archive.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_string(&mut out).unwrap();
        out
    };
    let document = text(&mut archive, "word/document.xml");
    super::schema::assert_schema_order(&document);
    assert!(document.contains(r#"<wp:docPr id="1" name="Logo" descr="Example &amp; Co crest"/>"#), "alt text");
    assert!(document.contains(r#"<a:blip r:embed="rIdLogo"/>"#));
    // 20 mm high, square: 720 000 EMU each way.
    assert!(document.contains(r#"<wp:extent cx="720000" cy="720000"/>"#));
    assert!(document.contains(r#"<w:headerReference w:type="first" r:id="rIdHeader2"/>"#));
    assert!(document.contains("<w:titlePg/></w:sectPr>"));
    let rels = text(&mut archive, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png""#));
    assert!(
        text(&mut archive, "[Content_Types].xml").contains(r#"<Default Extension="png" ContentType="image/png"/>"#)
    );
    let running = text(&mut archive, "word/header1.xml");
    assert!(running.contains(" PAGE ") && running.contains(" NUMPAGES ") && running.contains(" \u{2014} 43342"));
    assert!(running.contains(">DRAFT<"), "a draft says so on every page");
    assert!(text(&mut archive, "word/header2.xml").contains(">DRAFT<"));
    assert!(text(&mut archive, "word/footer1.xml").contains(">OFFICIAL<"));
    // Without a running header, the first page has no header of its own.
    let mut plain = house_style(false);
    plain.house.page_header = false;
    let names: Vec<String> = entries_raw(&render(&plain));
    assert!(!names.iter().any(|n| n.starts_with("word/header")), "{names:?}");
}

fn entries_raw(bytes: &[u8]) -> Vec<String> {
    let archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
    archive.file_names().map(str::to_owned).collect()
}
