//! Tests of the PDF backend: layout properties on the pure page model,
//! and determinism, metadata and robustness on the encoded bytes.

use time::macros::{date, datetime};

use super::fonts::{Face, fonts};
use super::layout::{Item, Page, TextLine, layout};
use super::pdf;
use super::style::{BODY_BOTTOM, BODY_TOP, PAGE_HEIGHT, PAGE_WIDTH, SIDE_MARGIN};
use super::wrap::{TextStyle, wrap};
use crate::doc::{Align, Annex, Block, Document, Inline, Line, ListKind, Meta};
use crate::render::RenderOptions;

const EPSILON: f32 = 0.01;

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

fn strong(s: &str) -> Inline {
    Inline::Strong(s.to_owned())
}

fn link(s: &str, url: &str) -> Inline {
    Inline::Link { text: s.to_owned(), url: url.to_owned() }
}

fn para(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

fn plain(s: &str) -> Block {
    para(vec![text(s)])
}

fn heading(level: u8, s: &str) -> Block {
    Block::Heading { level, content: vec![text(s)] }
}

fn lines(align: Align, items: &[&str]) -> Block {
    Block::Lines { lines: items.iter().map(|s| vec![text(s)]).collect(), align }
}

fn meta(draft: bool) -> Meta {
    Meta {
        title: "FOI response 43342".to_owned(),
        author: "Home Office Freedom of Information Team".to_owned(),
        subject: "Freedom of Information request".to_owned(),
        reference: "43342".to_owned(),
        date: date!(2025 - 03 - 14),
        draft,
    }
}

fn options() -> RenderOptions {
    RenderOptions { timestamp: datetime!(2025-03-14 00:00 UTC), reference_doc: None }
}

fn document(body: Vec<Block>) -> Document {
    Document { meta: meta(false), letterhead: Vec::new(), body, annexes: Vec::new(), house: Default::default() }
}

fn letterhead() -> Vec<Line> {
    vec![
        vec![strong("Home Office")],
        vec![text("Freedom of Information Team")],
        vec![text("2 Marsham Street")],
        vec![text("London SW1P 4DF")],
        vec![text("FOIRequests@homeoffice.gov.uk")],
        vec![text("www.gov.uk/home-office")],
    ]
}

/// A realistic three-page refusal-and-release letter with everything the
/// model can express.
fn sample(draft: bool) -> Document {
    let years = (2005..=2023)
        .map(|y| vec![vec![text(&y.to_string())], vec![text(&format!("{},{:03}", 10 + y % 7, (y * 37) % 1000))]]);
    let body = vec![
        lines(
            Align::Left,
            &["Ms Jane Doe", "Flat 3, 14 Rue du Café Road", "Manchester M1 2AB", "jane.doe@example.org"],
        ),
        lines(Align::Right, &["14 March 2025"]),
        Block::Lines { lines: vec![vec![strong("Our reference: "), text("43342")]], align: Align::Left },
        plain("Dear Ms Doe,"),
        heading(1, "Freedom of Information request – reference 43342"),
        para(vec![
            text(
                "Thank you for your email of 12 February 2025, in which you asked for information about applications for asylum support. Your request has been handled as a request for information under the ",
            ),
            strong("Freedom of Information Act 2000"),
            text(" (the FOIA). You asked:"),
        ]),
        Block::Quote(vec![
            plain(
                "“Please provide the number of applications for asylum support received by the Home Office in each calendar year from 2005 to 2023, and the total amount paid (in £) in each of those years.”",
            ),
            plain("“Please also provide any internal guidance used by caseworkers when deciding these applications.”"),
        ]),
        heading(2, "Our response"),
        para(vec![
            text(
                "We can confirm that the Home Office holds information within the scope of your request. The number of applications received in each year is set out in the table below. Published statistics on asylum support are available on ",
            ),
            link("GOV.UK", "https://www.gov.uk/government/collections/immigration-statistics-quarterly-release"),
            text(", and the figures below are consistent with them."),
        ]),
        Block::Table {
            header: Some(vec![vec![text("Year")], vec![text("Applications received")]]),
            rows: years.collect(),
        },
        para(vec![
            text(
                "The total amounts paid in each year are exempt from disclosure under section 22 of the FOIA, because they are intended for future publication. The reasons are explained in ",
            ),
            strong("Annex A"),
            text("."),
        ]),
        plain("In reaching this decision we considered the following factors in favour of disclosure:"),
        Block::List {
            kind: ListKind::Numbered { start: 1 },
            items: vec![
                vec![text("the general public interest in openness and transparency about the use of public money;")],
                vec![text(
                    "the specific interest in how asylum support applications are decided, which affects people in vulnerable circumstances;",
                )],
                vec![text("the value of allowing the public to scrutinise the administration of the asylum system.")],
            ],
        },
        plain(
            "Against disclosure, we considered that the information will be published in the Home Office’s regular statistical release, and that releasing it early would undermine the orderly publication of official statistics, which is itself in the public interest.",
        ),
        Block::Section {
            name: crate::doc::Section::InternalReview,
            blocks: vec![
                heading(2, "Your right to request an internal review"),
                para(vec![
                    text(
                        "If you are dissatisfied with this response you may request an independent internal review of our handling of your request by submitting a complaint within two months to ",
                    ),
                    link("foirequests@homeoffice.gov.uk", "mailto:foirequests@homeoffice.gov.uk"),
                    text(", quoting reference "),
                    strong("43342"),
                    text(
                        ". If you ask for an internal review, it would be helpful if you could say why you are dissatisfied with the response.",
                    ),
                ]),
            ],
        },
        Block::Section {
            name: crate::doc::Section::IcoComplaint,
            blocks: vec![para(vec![
                text(
                    "As part of any internal review the Department’s handling of your information request will be reassessed by staff who were not involved in providing you with this response. If you remain dissatisfied after this internal review, you would have a right of complaint to the Information Commissioner as established by section 50 of the FOIA: see ",
                ),
                link("ico.org.uk/make-a-complaint", "https://ico.org.uk/make-a-complaint/"),
                text("."),
            ])],
        },
        plain("Yours sincerely,"),
        Block::Lines {
            lines: vec![vec![], vec![text("A. Caseworker")], vec![text("Freedom of Information Team")]],
            align: Align::Left,
        },
    ];
    let annexes = vec![
        Annex {
            label: Some("Annex A".to_owned()),
            blocks: vec![
                heading(2, "Section 22 – information intended for future publication"),
                plain("Section 22(1) of the FOIA provides:"),
                Block::Quote(vec![plain(
                    "“Information is exempt information if— (a) the information is held by the public authority with a view to its publication, by the authority or any other person, at some future date (whether determined or not), (b) the information was already held with a view to such publication at the time when the request for information was made, and (c) it is reasonable in all the circumstances that the information should be withheld from disclosure until the date referred to in paragraph (a).”",
                )]),
                plain(
                    "Section 22 is a qualified exemption, which means that it is subject to the public interest test set out above.",
                ),
                Block::List {
                    kind: ListKind::Bullet,
                    items: vec![
                        vec![text("Publication date: 22 May 2025.")],
                        vec![
                            text("Publication: "),
                            Inline::Emphasis("Immigration system statistics, year ending March 2025".to_owned()),
                            text("."),
                        ],
                    ],
                },
            ],
        },
        Annex {
            label: None,
            blocks: vec![
                heading(2, "Decision record"),
                plain(
                    "Exemption applied: section 22. Public interest test: favours withholding. Cleared by: FOI Team leader, 13 March 2025.",
                ),
            ],
        },
    ];
    Document { meta: meta(draft), letterhead: letterhead(), body, annexes, house: Default::default() }
}

fn pages_of(doc: &Document) -> Vec<Page> {
    layout(doc, fonts().expect("fonts load")).pages
}

fn text_lines(page: &Page) -> impl Iterator<Item = &TextLine> {
    page.items.iter().filter_map(|item| match item {
        Item::Text(line) => Some(line),
        _ => None,
    })
}

/// Body lines: everything but the footer and DRAFT mark.
fn body_lines(page: &Page) -> impl Iterator<Item = &TextLine> {
    text_lines(page).filter(|l| l.baseline > BODY_TOP && l.baseline < BODY_BOTTOM)
}

fn all_text(page: &Page) -> Vec<String> {
    text_lines(page).map(TextLine::text).collect()
}

#[test]
fn renders_identical_bytes_twice_in_one_process() {
    let doc = sample(false);
    let first = pdf(&doc, &options()).expect("renders");
    let second = pdf(&doc, &options()).expect("renders");
    assert!(first.starts_with(b"%PDF-"));
    assert!(first == second, "two renders of the same document differ");
}

#[test]
fn sample_is_three_pages_plus_annexes() {
    let pages = pages_of(&sample(false));
    assert!((4..=6).contains(&pages.len()), "unexpected page count {}", pages.len());
}

#[test]
fn every_line_fits_between_the_margins() {
    for doc in [sample(false), sample(true), awkward()] {
        for page in pages_of(&doc) {
            for line in text_lines(&page) {
                assert!(line.x >= SIDE_MARGIN - EPSILON, "{:?} starts in the margin", line.text());
                assert!(line.x + line.width() <= PAGE_WIDTH - SIDE_MARGIN + EPSILON, "{:?} overflows", line.text());
            }
            for line in body_lines(&page) {
                assert!(line.baseline <= BODY_BOTTOM, "{:?} runs into the footer", line.text());
            }
        }
    }
}

#[test]
fn wrapped_lines_never_exceed_the_width() {
    let fonts = fonts().expect("fonts load");
    let style = TextStyle { size: 11.0, base: Face::Regular };
    let long = "Supercalifragilisticexpialidocious".repeat(12);
    let inlines = vec![
        text("A short start, then "),
        strong(&long),
        text(" and a "),
        link("link that wraps over the line end", "https://example.org"),
        Inline::LineBreak,
        text("after a hard break"),
    ];
    for width in [20.0, 55.5, 120.0, 300.0, 453.0] {
        let lines = wrap(&inlines, style, width, fonts);
        assert!(lines.iter().all(|l| l.width <= width + EPSILON), "overflow at width {width}");
        let joined: String = lines.iter().flat_map(|l| l.runs.iter().map(|r| r.text.as_str())).collect();
        assert_eq!(
            joined.replace(' ', ""),
            "Ashortstart,then".to_owned() + &long + "andalinkthatwrapsoverthelineendafterahardbreak"
        );
    }
}

#[test]
fn hard_breaks_and_runs_are_kept() {
    let fonts = fonts().expect("fonts load");
    let style = TextStyle { size: 11.0, base: Face::Regular };
    let lines =
        wrap(&[text("Dear "), strong("Ms Doe"), text(","), Inline::LineBreak, text("next")], style, 400.0, fonts);
    assert_eq!(lines.len(), 2);
    let first: Vec<(&str, Face)> = lines[0].runs.iter().map(|r| (r.text.as_str(), r.face)).collect();
    // The hard break's space ends the line, for extraction (see below).
    assert_eq!(first, [("Dear ", Face::Regular), ("Ms Doe", Face::Bold), (", ", Face::Regular)]);
    assert!(lines[0].runs[1].dx > lines[0].runs[0].dx);
    assert_eq!(lines[1].runs[0].text, "next");
}

#[test]
fn words_are_not_joined_across_line_ends() {
    let fonts = fonts().expect("fonts load");
    let style = TextStyle { size: 11.0, base: Face::Regular };
    let words = "On Sunday 26 March the home secretary appeared on the Andrew Marr show, and was questioned";
    let lines = wrap(&[text(words), link(" about encryption", "https://example.org")], style, 120.0, fonts);
    assert!(lines.len() > 4);
    let read: String = lines.iter().flat_map(|l| l.runs.iter().map(|r| r.text.as_str())).collect();
    assert_eq!(read.trim_end(), format!("{words} about encryption"));
    for line in &lines {
        let last = line.runs.last().unwrap();
        assert!(last.dx + last.width <= line.width + EPSILON, "the space takes no room");
    }
    // A word broken because it is wider than the line gets no space.
    let long = wrap(&[text(&"x".repeat(60))], style, 50.0, fonts);
    assert!(long.len() > 1 && long.iter().all(|l| !l.runs.iter().any(|r| r.text.contains(' '))));
}

/// Documents where `filler` one-line paragraphs push `tail` towards the
/// bottom of the first page, for every position around the page end.
fn sweeps(tail: Vec<Block>) -> impl Iterator<Item = Vec<Page>> {
    (30..50).map(move |filler| {
        let mut body: Vec<Block> = (0..filler).map(|_| plain("Filler")).collect();
        body.extend(tail.iter().cloned());
        pages_of(&document(body))
    })
}

/// How many body lines of each page start with `prefix`.
fn counts(pages: &[Page], prefix: &str) -> Vec<usize> {
    pages.iter().map(|p| body_lines(p).filter(|l| l.text().starts_with(prefix)).count()).collect()
}

#[test]
fn headings_keep_two_following_lines_on_their_page() {
    let tail = vec![heading(2, "Heading"), plain(&"Body text of the section. ".repeat(30))];
    for pages in sweeps(tail) {
        let page = pages.iter().position(|p| body_lines(p).any(|l| l.text() == "Heading")).expect("heading placed");
        let after = body_lines(&pages[page]).skip_while(|l| l.text() != "Heading").count() - 1;
        assert!(after >= 2, "heading followed by {after} lines on its page");
    }
}

#[test]
fn paragraphs_leave_no_single_orphan_or_widow_line() {
    for lines in [2, 3, 5] {
        let tail = vec![plain(&"Long ".repeat(lines * 16 - 3))];
        for pages in sweeps(tail.clone()) {
            let split: Vec<usize> = counts(&pages, "Long").into_iter().filter(|&n| n > 0).collect();
            assert!(split.len() == 1 || split.iter().all(|&n| n >= 2), "{lines}-line paragraph split {split:?}");
        }
    }
}

#[test]
fn annexes_start_new_pages() {
    let pages = pages_of(&sample(false));
    let first_lines: Vec<String> = pages.iter().filter_map(|p| body_lines(p).next().map(TextLine::text)).collect();
    assert!(first_lines.contains(&"Annex A".to_owned()), "{first_lines:?}");
    assert!(first_lines.contains(&"Decision record".to_owned()), "{first_lines:?}");
}

#[test]
fn address_block_is_never_split() {
    let tail = vec![lines(Align::Left, &["Line one", "Line two", "Line three", "Line four", "Line five", "Line six"])];
    for pages in sweeps(tail) {
        let holders = counts(&pages, "Line ").into_iter().filter(|&n| n > 0).count();
        assert_eq!(holders, 1, "address block split over pages");
    }
}

#[test]
fn a_closing_heading_does_not_drag_the_annex_onto_its_page() {
    let mut doc = document(vec![plain("Text"), heading(2, "Closing heading")]);
    doc.annexes.push(Annex { label: Some("Annex A".to_owned()), blocks: vec![plain("Annex text")] });
    let pages = pages_of(&doc);
    assert_eq!(pages.len(), 2);
    assert_eq!(body_lines(&pages[1]).next().map(TextLine::text).as_deref(), Some("Annex A"));
}

#[test]
fn long_table_continues_row_by_row_with_its_header() {
    let rows = (0..80).map(|i| vec![vec![text(&format!("Row {i}"))], vec![text("value")]]).collect();
    let table = Block::Table { header: Some(vec![vec![text("Name")], vec![text("Value")]]), rows };
    let pages = pages_of(&document(vec![table]));
    assert!(pages.len() >= 2);
    for page in &pages {
        assert_eq!(body_lines(page).next().map(TextLine::text).as_deref(), Some("Name"));
    }
}

#[test]
fn every_page_has_page_n_of_m() {
    let pages = pages_of(&sample(false));
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let expected = format!("Page {} of {total}", i + 1);
        assert!(all_text(page).contains(&expected), "page {} lacks {expected:?}", i + 1);
    }
}

#[test]
fn draft_is_marked_on_every_page_only_when_draft() {
    let has_draft = |page: &Page| all_text(page).iter().any(|t| t == "DRAFT");
    assert!(pages_of(&sample(true)).iter().all(has_draft));
    assert!(!pages_of(&sample(false)).iter().any(has_draft));
}

#[test]
fn letterhead_is_right_aligned_on_the_first_page_only() {
    let pages = pages_of(&sample(false));
    let right = PAGE_WIDTH - SIDE_MARGIN;
    let home_office: Vec<&TextLine> = text_lines(&pages[0]).filter(|l| l.text().trim_end() == "Home Office").collect();
    assert_eq!(home_office.len(), 1);
    assert!((home_office[0].x + home_office[0].width() - right).abs() < EPSILON);
    assert!(pages[1..].iter().all(|p| !all_text(p).contains(&"2 Marsham Street".to_owned())));
}

#[test]
fn metadata_is_written() {
    let bytes = pdf(&sample(false), &options()).expect("renders");
    let doc = lopdf::Document::load_mem(&bytes).expect("parses");
    let info_ref = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference).expect("info");
    let info = doc.get_dictionary(info_ref).expect("info dict");
    let field = |key: &str| {
        let object = info.get(key.as_bytes()).expect(key);
        lopdf::decode_text_string(object).expect("text")
    };
    assert_eq!(field("Title"), "FOI response 43342");
    assert_eq!(field("Author"), "Home Office Freedom of Information Team");
    assert_eq!(field("Subject"), "Freedom of Information request");
    assert_eq!(field("Creator"), "foikit");
    assert_eq!(field("Producer"), "foikit");
    assert!(field("CreationDate").starts_with("D:20250314000000"));
    assert!(field("ModDate").starts_with("D:20250314000000"));
}

/// The `BaseFont` of every font in a PDF.
fn font_names(bytes: &[u8]) -> Vec<String> {
    let pdf = lopdf::Document::load_mem(bytes).expect("parses");
    pdf.objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"Font"))
        .filter_map(|dict| dict.get(b"BaseFont").and_then(|n| n.as_name()).ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .collect()
}

#[test]
fn only_used_faces_are_embedded() {
    let bytes = pdf(&document(vec![plain("Plain text only.")]), &options()).expect("renders");
    let names = font_names(&bytes);
    let has = |prefix: &str| names.iter().any(|name| name.starts_with(prefix));
    assert!(has("AAAAAA+LiberationSans"), "{names:?}");
    assert!(!has("AAAAAB+"), "bold embedded although unused");
    assert!(!has("AAAAAC+"), "italic embedded although unused");
}

/// Per embedded font, in name order: its name, widths, font program and
/// ToUnicode map (the last decompressed, as its own element). Composite
/// fonts keep their widths and descriptor in their CID font, simple ones
/// in the font itself.
fn font_parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let pdf = lopdf::Document::load_mem(bytes).expect("parses");
    let deref = |object| resolved(&pdf, object);
    let mut parts: Vec<(String, Vec<u8>)> = pdf
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"Font"))
        .filter(|dict| dict.has(b"ToUnicode"))
        .map(|font| {
            let to_unicode = deref(font.get(b"ToUnicode").unwrap()).as_stream().unwrap();
            let holder = match font.get(b"DescendantFonts") {
                Ok(cid_fonts) => deref(&cid_fonts.as_array().unwrap()[0]).as_dict().unwrap(),
                Err(_) => font,
            };
            let widths = holder.get(b"W").or_else(|_| holder.get(b"Widths")).unwrap();
            let descriptor = deref(holder.get(b"FontDescriptor").unwrap()).as_dict().unwrap();
            let program = deref(descriptor.get(b"FontFile2").unwrap()).as_stream().unwrap();
            let font = format!("{:?} {:?} {:?}", font.get(b"BaseFont").unwrap(), widths, program.content);
            (font, to_unicode.decompressed_content().expect("the map inflates"))
        })
        .collect();
    parts.sort();
    parts
}

fn resolved<'a>(pdf: &'a lopdf::Document, object: &'a lopdf::Object) -> &'a lopdf::Object {
    object.as_reference().map_or(Ok(object), |id| pdf.get_object(id)).expect("the reference resolves")
}

/// Letters of a batch differ in references, dates and names: the fonts
/// they embed must not, so that each is made once per batch. Standard
/// text embeds the standard fonts, the same whatever it says; a face
/// showing anything else is subset, and its subset recurs across letters
/// that differ in digits and letters.
#[test]
fn fonts_recur_when_letters_differ_in_digits_and_letters() {
    let letter = |reference: &str, name: &str| {
        let body = vec![heading(1, &format!("Request {reference}")), plain(&format!("Dear {name}, thank you."))];
        font_parts(&pdf(&document(body), &options()).expect("renders"))
    };
    let standard = letter("B01", "Ms A Jones");
    assert_eq!(standard.len(), 2, "regular and bold");
    assert_eq!(standard, letter("QZ 2026 7789 \u{2013} 3", "Mx K Vaughan"));
    let accented = letter("B01", "Ms A Jon\u{E9}s");
    assert_eq!(accented.len(), 2, "regular and bold");
    assert_eq!(accented[1], standard[1], "the bold heading is standard");
    assert_ne!(accented[0], standard[0], "the accented name is subset");
    assert_eq!(accented, letter("QZ 2026 7789", "Mx K Vaugh\u{E9}n"));
    assert_ne!(accented, letter("B01", "Ms A Jon\u{E9}s \u{2013} 3"), "other characters are still subset as shown");
    // The footer's page number shows digits in the regular face; the bold
    // face shows only the heading.
    let bold_map = |heading_text: &str| {
        let bytes = pdf(&document(vec![heading(1, heading_text)]), &options()).expect("renders");
        String::from_utf8(font_parts(&bytes)[1].1.clone()).expect("a CMap is ASCII")
    };
    let reads_zero = |map: String| map.lines().any(|line| line.ends_with(" <0030>"));
    assert!(!reads_zero(bold_map("R\u{E9}quest")), "a face showing no digit embeds none");
    assert!(reads_zero(bold_map("R\u{E9}quest 1")), "a face showing a digit embeds all ten");
}

/// The font program of each embedded face, inflated, in name order.
fn programs(bytes: &[u8]) -> Vec<Vec<u8>> {
    let pdf = lopdf::Document::load_mem(bytes).expect("parses");
    let mut programs: Vec<(Vec<u8>, Vec<u8>)> = pdf
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"FontDescriptor"))
        .map(|descriptor| {
            let name = descriptor.get(b"FontName").unwrap().as_name().unwrap().to_vec();
            let program = resolved(&pdf, descriptor.get(b"FontFile2").unwrap()).as_stream().unwrap();
            (name, program.decompressed_content().expect("the program inflates"))
        })
        .collect();
    programs.sort();
    programs.into_iter().map(|(_, program)| program).collect()
}

/// A letter whose text needs only the standard glyphs embeds the subsets
/// made at build time; any other glyph has its face subset as shown.
#[test]
fn standard_glyphs_embed_the_built_subset_and_others_their_own() {
    let render = |text: &str| pdf(&document(vec![plain(text)]), &options()).expect("renders");
    let standard = programs(&render("Dear Ms Jones \u{2013} \u{201C}quoted\u{201D}, \u{A3}25 {x} ~ \u{2026}"));
    assert_eq!(standard, programs(&render("Yours, A N Other.")), "the same program for any standard text");
    let face = ttf_parser::Face::parse(&standard[0], 0).expect("the program parses");
    for c in ['@', '~', '\u{2019}', '\u{20AC}'] {
        assert!(face.glyph_index(c).is_some(), "the standard subset maps {c:?}");
    }
    let subtypes = |bytes: &[u8]| font_parts(bytes).into_iter().map(|(font, _)| font).collect::<Vec<_>>();
    assert!(subtypes(&render("Yours.")).iter().all(|font| !font.contains("Identity")), "simple fonts");
    let own = programs(&render("S\u{F8}ren J\u{F8}rgensen"));
    let face = ttf_parser::Face::parse(&own[0], 0).expect("the program parses");
    assert!(face.glyph_index('\u{F8}').is_some(), "the shown o-slash is embedded");
    assert!(face.glyph_index('@').is_none(), "only what is shown (and its classes)");
}

/// Where each text-positioning operator of a page's content stream puts
/// the line start, following `BT`, `Tm`, `Td`, `TD` and `T*` as a reader
/// does.
fn line_starts(pdf: &lopdf::Document, page: lopdf::ObjectId) -> Vec<(f64, f64)> {
    let content = lopdf::content::Content::decode(&pdf.get_page_content(page)).expect("decodes");
    let number = |o: &lopdf::Object| f64::from(o.as_float().expect("a number"));
    let (mut at, mut leading, mut starts) = ((0.0, 0.0), 0.0, Vec::new());
    for op in &content.operations {
        let args: Vec<f64> = op.operands.iter().filter(|o| o.as_float().is_ok()).map(number).collect();
        at = match (op.operator.as_str(), args.as_slice()) {
            ("BT", _) => (0.0, 0.0),
            ("Tm", [.., x, y]) => (*x, *y),
            ("Td", [x, y]) => (at.0 + x, at.1 + y),
            ("TD", [x, y]) => {
                leading = -y;
                (at.0 + x, at.1 + y)
            }
            ("T*", _) => (at.0, at.1 - leading),
            _ => continue,
        };
        if op.operator != "BT" {
            starts.push(at);
        }
    }
    starts
}

/// Lines are placed by moves relative to the line before; the moves must
/// land each line where layout put it, as the absolute matrices did.
#[test]
fn relative_moves_put_every_line_where_layout_did() {
    let doc = sample(false);
    let bytes = pdf(&doc, &options()).expect("renders");
    let pdf = lopdf::Document::load_mem(&bytes).expect("parses");
    let layout = pages_of(&doc);
    let (mut relative, mut next_lines) = (0, 0);
    for (page, (_, id)) in layout.iter().zip(pdf.get_pages()) {
        let starts = line_starts(&pdf, id);
        let content = pdf.get_page_content(id);
        let text = String::from_utf8_lossy(&content);
        relative += text.matches(" TD\n").count();
        next_lines += text.matches("\nT*\n").count();
        let expected: Vec<(f64, f64)> = text_lines(page)
            .flat_map(|line| line.runs.iter().map(move |run| (line.x + run.dx, PAGE_HEIGHT - line.baseline)))
            .map(|(x, y)| (f64::from(x), f64::from(y)))
            .collect();
        let near = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-4 && (a.1 - b.1).abs() < 1e-4;
        for start in &starts {
            assert!(expected.iter().any(|&e| near(e, *start)), "a line starts at {start:?}, where layout put none");
        }
        for line in text_lines(page).filter(|line| line.runs.iter().any(|run| !run.text.is_empty())) {
            let first = (f64::from(line.x + line.runs[0].dx), f64::from(PAGE_HEIGHT - line.baseline));
            assert!(starts.iter().any(|&s| near(s, first)), "{:?} is never placed at {first:?}", line.text());
        }
    }
    assert!(relative > 20 && next_lines > 0, "{relative} TD, {next_lines} T*");
}

/// Everything that could trip a renderer up.
fn awkward() -> Document {
    let nested = (0..40).fold(vec![plain("deep")], |inner, _| vec![Block::Quote(inner)]);
    let tall_cell = vec![text(&"many words in one cell ".repeat(900))];
    let body = vec![
        para(vec![]),
        para(vec![Inline::LineBreak]),
        para(vec![text("\n\n\t\u{0007}control\u{200B}chars, CJK 漢字, Arabic مرحبا, Hebrew שלום and spaces   ")]),
        para(vec![strong(&"x".repeat(5000))]),
        Block::Lines { lines: vec![vec![], vec![text("")], vec![Inline::LineBreak]], align: Align::Right },
        lines(Align::Left, &vec!["address line"; 200]),
        heading(0, "level zero"),
        heading(9, "level nine"),
        heading(1, ""),
        Block::Quote(vec![]),
        Block::Quote(nested),
        Block::List { kind: ListKind::Numbered { start: u32::MAX }, items: vec![vec![], vec![text("after max")]] },
        Block::List { kind: ListKind::Bullet, items: vec![] },
        Block::Table { header: None, rows: vec![] },
        Block::Table { header: Some(vec![]), rows: vec![vec![]] },
        Block::Table { header: None, rows: vec![vec![vec![text("a")]], vec![vec![text("b")], vec![text("ragged")]]] },
        Block::Table { header: None, rows: vec![(0..30).map(|i| vec![text(&format!("column{i}"))]).collect()] },
        Block::Table { header: Some(vec![tall_cell.clone()]), rows: vec![vec![tall_cell]] },
        heading(2, "Heading at the very end"),
    ];
    Document {
        meta: meta(true),
        letterhead: vec![vec![], vec![strong(&"LONGLETTERHEAD".repeat(20))]],
        body,
        annexes: vec![Annex { label: None, blocks: vec![] }, Annex { label: Some(String::new()), blocks: vec![] }],
        house: Default::default(),
    }
}

#[test]
fn awkward_input_renders_without_panicking() {
    for doc in [
        awkward(),
        document(vec![]),
        Document { annexes: vec![Annex { label: None, blocks: vec![] }], ..document(vec![]) },
    ] {
        let bytes = pdf(&doc, &options()).expect("renders");
        assert!(lopdf::Document::load_mem(&bytes).is_ok());
    }
}

/// A name in every script the fallback fonts cover.
const NAMES: [&str; 8] =
    ["محمد عبد الله", "משה כהן", "王小明", "山田太郎 ＡＢＣ", "Αλέξανδρος", "Дмитрий", "Zoë Ñúñez-Øster", "Nguyễn Thị"];

#[test]
fn every_script_is_printed_in_a_face_that_has_it() {
    let fonts = fonts().expect("fonts load");
    let doc = document(NAMES.iter().map(|name| plain(name)).collect());
    let pages = pages_of(&doc);
    let lines: Vec<&TextLine> = body_lines(&pages[0]).collect();
    assert_eq!(lines.len(), NAMES.len());
    for line in lines {
        for run in &line.runs {
            let data = fonts.face(run.face);
            match &run.shaped {
                Some(glyphs) => assert!(glyphs.iter().all(|g| g.id != 0), "{:?} has .notdef", run.text),
                None => assert!(run.text.chars().all(|c| data.glyph(c).is_some()), "{:?} in {:?}", run.text, run.face),
            }
        }
    }
    let faces = |i: usize| -> Vec<Face> { body_lines(&pages[0]).nth(i).unwrap().runs.iter().map(|r| r.face).collect() };
    assert_eq!(faces(0), [Face::Arabic]);
    assert_eq!(faces(1), [Face::Regular]);
    assert_eq!(faces(2), [Face::Cjk]);
}

#[test]
fn right_to_left_text_is_drawn_right_to_left() {
    let pages = pages_of(&document(vec![plain("Dear משה כהן, thank you")]));
    let line = body_lines(&pages[0]).next().unwrap();
    let texts: Vec<&str> = line.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["Dear ", "משה כהן", ", thank you"]);
    let hebrew = &line.runs[1];
    let glyphs = hebrew.shaped.as_ref().expect("right-to-left text is shaped");
    let fonts = fonts().expect("fonts load");
    let first = fonts.face(Face::Regular).glyph('מ').unwrap().id;
    let last = fonts.face(Face::Regular).glyph('ן').unwrap().id;
    assert_eq!(glyphs.last().map(|g| g.id), Some(first), "the first letter is drawn rightmost");
    assert_eq!(glyphs.first().map(|g| g.id), Some(last));
    assert!(line.runs.windows(2).all(|w| w[0].dx + w[0].width <= w[1].dx + EPSILON));
}

#[test]
fn arabic_letters_join() {
    let fonts = fonts().expect("fonts load");
    let pages = pages_of(&document(vec![plain("محمد")]));
    let run = &body_lines(&pages[0]).next().unwrap().runs[0];
    let isolated: Vec<u16> = "محمد".chars().map(|c| fonts.face(Face::Arabic).glyph(c).unwrap().id).collect();
    let shaped: Vec<u16> = run.shaped.as_ref().unwrap().iter().map(|g| g.id).collect();
    assert_eq!(shaped.len(), 4);
    assert_ne!(shaped.iter().rev().copied().collect::<Vec<_>>(), isolated, "contextual forms replace isolated ones");
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it() {
    let doc = document(vec![plain("Dr Ali 😀 Khan")]);
    let error = pdf(&doc, &options()).expect_err("an emoji cannot be printed").to_string();
    assert!(error.contains('😀') && error.contains("U+1F600") && error.contains("Dr Ali"), "{error}");
}

#[test]
fn fallback_fonts_are_embedded_only_when_used() {
    let latin = font_names(&pdf(&sample(false), &options()).expect("renders"));
    let names =
        font_names(&pdf(&document(NAMES.iter().map(|name| plain(name)).collect()), &options()).expect("renders"));
    let has = |fonts: &[String], id: &str| fonts.iter().any(|name| name.starts_with(id));
    for id in [Face::Arabic.resource_id(), Face::Cjk.resource_id()] {
        assert!(!has(&latin, id), "{id} embedded in a Latin letter");
        assert!(has(&names, id), "{id} missing from {names:?}");
    }
}

/// A shaped glyph reads as its cluster's text, which a simple font's one
/// code a character cannot say (a bracket mirrored in right-to-left text
/// would read as the other bracket): a face with shaped text is embedded
/// as a composite font even when every glyph it shows is standard.
#[test]
fn a_face_with_shaped_text_is_embedded_as_a_composite_font() {
    let doc = document(vec![plain("\u{639}\u{645}\u{631} (12) \u{639}\u{645}\u{631}")]);
    let shaped: Vec<Face> = pages_of(&doc)
        .iter()
        .flat_map(|page| text_lines(page).flat_map(|line| &line.runs).collect::<Vec<_>>())
        .filter(|run| run.shaped.is_some())
        .map(|run| run.face)
        .collect();
    assert!(shaped.contains(&Face::Regular), "the right-to-left run is shaped in the regular face: {shaped:?}");
    let bytes = pdf(&doc, &options()).expect("renders");
    let parsed = lopdf::Document::load_mem(&bytes).expect("parses");
    let subtype = parsed
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"BaseFont").and_then(|n| n.as_name()).is_ok_and(|n| n.starts_with(b"AAAAAA+")))
        .find_map(|dict| dict.get(b"Subtype").and_then(|t| t.as_name()).ok().filter(|t| *t != b"CIDFontType2"))
        .expect("the regular face is embedded");
    assert_eq!(subtype, b"Type0");
}
