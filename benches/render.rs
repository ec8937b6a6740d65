//! Per-letter cost of each stage for the 43342 fixture (a 5-page refusal
//! with two annexes), in one process: templates compiled and fonts parsed
//! once, as `foikit render` does for a batch; then a whole batch through
//! the pipeline (parallel, staged writes).
//!
//!     cargo bench --bench render

use foikit::compose::Composer;
use foikit::render::{self, Format, RenderOptions};

fn main() {
    // Sizes first: the targets are bytes as well as milliseconds.
    let (composer, case) = fixture();
    let doc = composer.compose(&case).unwrap();
    let opts = RenderOptions::for_document(&doc);
    for format in Format::ALL {
        println!("43342 as {format}: {} bytes", render::render(&doc, format, &opts).unwrap().len());
    }
    divan::main();
}

fn fixture() -> (Composer, foikit::case::Case) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases/ho-43342-refusal.yaml");
    (Composer::builtin(), foikit::case::load(path.as_ref()).expect("fixture loads"))
}

#[divan::bench]
fn parse_case(b: divan::Bencher) {
    let src = include_str!("../fixtures/cases/ho-43342-refusal.yaml");
    b.bench(|| foikit::case::parse(divan::black_box(src), foikit::case::SourceFormat::Yaml, "43342.yaml").unwrap());
}

/// Composition with a fresh composer: the templates a letter needs are
/// compiled first, as in a one-letter process.
#[divan::bench]
fn compose_cold(b: divan::Bencher) {
    let (_, case) = fixture();
    b.bench(|| Composer::builtin().compose(divan::black_box(&case)).unwrap());
}

#[divan::bench]
fn compose(b: divan::Bencher) {
    let (composer, case) = fixture();
    b.bench(|| composer.compose(divan::black_box(&case)).unwrap());
}

#[divan::bench(args = [Format::Docx, Format::Pdf, Format::Txt, Format::Html])]
fn render_only(b: divan::Bencher, format: Format) {
    let (composer, case) = fixture();
    let doc = composer.compose(&case).unwrap();
    let opts = RenderOptions::for_document(&doc);
    // Warm the once-per-process caches (parsed fonts) outside the timing.
    render::render(&doc, format, &opts).unwrap();
    b.bench(|| render::render(divan::black_box(&doc), format, &opts).unwrap());
}

/// The whole per-letter job: compose, then DOCX and PDF.
#[divan::bench]
fn letter_docx_and_pdf(b: divan::Bencher) {
    let (composer, case) = fixture();
    let doc = composer.compose(&case).unwrap();
    let opts = RenderOptions::for_document(&doc);
    render::render(&doc, Format::Pdf, &opts).unwrap();
    b.bench(|| {
        let doc = composer.compose(divan::black_box(&case)).unwrap();
        (render::render(&doc, Format::Docx, &opts).unwrap(), render::render(&doc, Format::Pdf, &opts).unwrap())
    });
}

/// The validator on the composed letter of a case file (the check `render`
/// runs before writing).
#[divan::bench]
fn validate(b: divan::Bencher) {
    let (composer, case) = fixture();
    let doc = composer.compose(&case).unwrap();
    let source = include_str!("../fixtures/cases/ho-43342-refusal.yaml");
    let letter = foikit::check::Letter::from_case("43342.yaml", &case, case.stage_kind(), &doc)
        .with_source(source.to_string(), foikit::case::SourceFormat::Yaml);
    b.bench(|| foikit::check::check(divan::black_box(&letter)));
}

/// Staging and committing one letter's DOCX and PDF: temporary files,
/// flushed one by one (a batch flushes its file system once instead),
/// renamed into place.
#[divan::bench(sample_count = 20)]
fn write_docx_and_pdf(b: divan::Bencher) {
    let (composer, case) = fixture();
    let doc = composer.compose(&case).unwrap();
    let opts = RenderOptions::for_document(&doc);
    let files = [Format::Docx, Format::Pdf].map(|f| (f, render::render(&doc, f, &opts).unwrap()));
    let dir = tempfile::tempdir().unwrap();
    b.bench(|| {
        let staged = files
            .iter()
            .map(|(f, bytes)| foikit::output::stage(&dir.path().join(format!("43342.{f}")), bytes).unwrap())
            .collect();
        foikit::output::commit(staged).unwrap()
    });
}

/// A batch of 50 cases, DOCX and PDF, from files to files on disk, on
/// every core: divide by 50 for the per-letter cost inside a batch.
#[divan::bench(sample_count = 10)]
fn batch_of_50(b: divan::Bencher) {
    use foikit::pipeline::{self, CaseLetter, RenderSettings};
    let dir = tempfile::tempdir().unwrap();
    let source = include_str!("../fixtures/cases/ho-43342-refusal.yaml");
    let paths: Vec<_> = (0..50)
        .map(|i| {
            let path = dir.path().join(format!("{i}.yaml"));
            std::fs::write(&path, source.replace("reference: \"43342\"", &format!("reference: \"B{i}\""))).unwrap();
            path
        })
        .collect();
    let settings = RenderSettings {
        output: dir.path().join("out"),
        formats: vec![Format::Docx, Format::Pdf],
        letter: CaseLetter::Reply,
        draft: false,
        fail_fast: false,
        reference_doc: None,
        font: None,
    };
    let composer = Composer::builtin();
    let workers = pipeline::Workers::new(0, Some(paths.len())).unwrap();
    b.bench(|| {
        let report =
            workers.run(|| pipeline::render_batch(&composer, paths.iter().cloned().map(Ok), &settings, &|| {}));
        assert!(report.failed.is_empty(), "{:?}", report.failed);
    });
}
