//! The fixtures reproduce the real Home Office letters they were made from:
//! at least 97 % of each seed letter's words, in order, in every format.

use foikit::render::Format;

use crate::support::{self, CASES, in_order_share, words};

const THRESHOLD: f64 = 0.97;

fn seed_words(case: &str) -> Vec<String> {
    let text = std::fs::read_to_string(support::root().join("fixtures/seeds").join(format!("{case}.txt"))).unwrap();
    words(&text)
}

fn check(case: &str, format: &str, text: &str) {
    let share = in_order_share(&seed_words(case), &words(text));
    assert!(share >= THRESHOLD, "{case} as {format}: only {:.1}% of the seed letter's words in order", share * 100.0);
}

#[test]
fn text_reproduces_the_seed_letters() {
    for case in CASES {
        check(case, "txt", &String::from_utf8(support::render(case, Format::Txt)).unwrap());
    }
}

#[test]
fn html_reproduces_the_seed_letters() {
    for case in CASES {
        check(case, "html", &support::html_text(&String::from_utf8(support::render(case, Format::Html)).unwrap()));
    }
}

#[test]
fn docx_reproduces_the_seed_letters() {
    for case in CASES {
        check(case, "docx", &support::docx_text(&support::render(case, Format::Docx)));
    }
}

#[test]
fn pdf_reproduces_the_seed_letters() {
    if !support::tool("pdftotext") {
        return;
    }
    let dir = support::scratch("seeds-pdf");
    for case in CASES {
        let path = dir.join(format!("{case}.pdf"));
        std::fs::write(&path, support::render(case, Format::Pdf)).unwrap();
        check(case, "pdf", &support::pdftotext(&path));
    }
}

#[test]
fn the_measure_notices_missing_paragraphs() {
    // Guard against a test that cannot fail: drop the review paragraph and
    // the annexed letter's body and the share must fall below the threshold.
    let case = "ho-78814-release";
    let text = String::from_utf8(support::render(case, Format::Txt)).unwrap();
    let cut = text.split("Dear Mark Zuckerberg").next().unwrap();
    assert!(in_order_share(&seed_words(case), &words(cut)) < THRESHOLD);
}
