//! End-to-end tests of `foikit serve` in headless Chromium, driven over
//! WebDriver by chromedriver (Debian packages `chromium`, `chromium-driver`):
//! what a clerk does, through the page contract in `src/serve/mod.rs`.
//!
//! Sessions are few and run one at a time (each start costs seconds). The
//! screenshots in `docs/screenshots/` are taken here: always written to
//! `target/screenshots/`, and copied into `docs/` when `UPDATE_SCREENSHOTS=1`.

mod harness;
mod page;
mod webdriver;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use harness::{Browser, Server};
use webdriver::wait;

use crate::support::{self, root, scratch};

/// One browser at a time: two Chromiums on a loaded 2-core machine only
/// slow each other down.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The day the app is run as at: COUNCIL-2026-0111 (received Monday
/// 5 October 2026, due Monday 2 November, no reply) is then two working
/// days late, and the fixed day keeps the screenshots the same.
const TODAY: &str = "2026-11-04";

/// fixtures/cases (less `leave_out`) in `cases/`, the profiles beside it as
/// the fixtures expect, and one file that is not a case; returns `cases/`.
fn case_folder(name: &str, leave_out: &[&str]) -> PathBuf {
    let dir = scratch(name);
    let cases = dir.join("cases");
    for (from, to) in [("fixtures/cases", &cases), ("fixtures/profiles", &dir.join("profiles"))] {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(root().join(from)).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap();
            if path.is_file() && !leave_out.iter().any(|l| file == *l) {
                std::fs::copy(&path, to.join(file)).unwrap();
            }
        }
    }
    std::fs::write(cases.join("half-typed.yaml"), "reference: \"HALF-1\"\nregime: foia\nrequester: [\n").unwrap();
    cases
}

/// The reply to a case file, composed and flattened to words.
fn reply_text(path: &Path) -> String {
    let case = foikit::case::load(path).unwrap_or_else(|e| panic!("{e}"));
    support::flat_text(&support::composer().compose(&case).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn a_clerk_writes_the_43342_refusal_from_an_empty_form() {
    if !harness::tools() {
        return;
    }
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let fixture = root().join("fixtures/cases/ho-43342-refusal.yaml");
    let cases = case_folder("serve-create", &["ho-43342-refusal.yaml"]);
    let server = Server::start(&cases, TODAY);
    let browser = Browser::start("create");
    let s = browser.session();
    s.goto(&format!("{}cases/new", server.url));

    // The due date follows the received date as it is typed: 20 working
    // days after Monday 27 March 2017, skipping Good Friday (14 April) and
    // Easter Monday (17 April), is Wednesday 26 April; a day later, a day later.
    page::fill(s, "regime", "foia");
    let received = s.get("#request-received");
    let due = |expected: &'static str| {
        wait(&format!("the due date to read `{expected}`"), || {
            let text = s.get("#due-date").text();
            (if expected.is_empty() { text.is_empty() } else { text.contains(expected) }).then_some(())
        })
    };
    received.send_keys("2017-03-27");
    due("Wednesday 26 April 2017");
    received.send_keys(webdriver::BACKSPACE);
    due("");
    received.send_keys("8");
    due("Thursday 27 April 2017");
    received.send_keys(&format!("{}7", webdriver::BACKSPACE));
    due("Wednesday 26 April 2017");

    // Every field of the fixture, typed as a clerk would, lists added by
    // their buttons.
    for (path, text) in page::form_entries(&fixture) {
        page::fill(s, &path, &text);
    }
    s.get("#file").send_keys("ho-43342-refusal.yaml");

    // A bad value gets a message beside its field, and loses it once fixed.
    let email = s.get("#authority-email");
    email.clear();
    email.send_keys("OSCTFOI at homeoffice");
    let message = wait("the e-mail error", || s.find("#authority-email-error").map(|e| e.text()));
    assert!(message.contains("not a valid e-mail address"), "{message}");
    let summary = s.get("#error-summary");
    assert!(summary.find_in("a[href='#authority-email']").is_some(), "the summary links to the field");
    email.clear();
    email.send_keys("OSCTFOI@homeoffice.x.gsi.gov.uk");
    wait("the e-mail error to clear", || s.find("#authority-email-error").is_none().then_some(()));
    wait("the error summary to go", || s.find("#error-summary").is_none().then_some(()));

    // The preview shows the reply, and follows an edit.
    page::set(s, "preview-letter", "reply");
    let preview = |needle: &str| {
        wait(&format!("the preview to say `{needle}`"), || {
            s.find("#preview").map(|p| p.text()).filter(|t| t.contains(needle))
        })
    };
    preview("releasing a full list of participants");
    page::fill(s, "sign_off.team", "Information Rights Team");
    preview("Information Rights Team");
    page::fill(s, "sign_off.team", "FOI Team");
    preview("FOI Team");

    // Saved, the file reads back as the same letter as the fixture.
    s.get("#save").click();
    wait("the saved case's page", || s.url().contains("/cases/ho-43342-refusal.yaml?saved=1").then_some(()));
    let saved = cases.join("ho-43342-refusal.yaml");
    assert_eq!(reply_text(&saved), reply_text(&fixture));

    // The PDF downloaded from the saved case has the letter.
    page::set(s, "preview-letter", "reply");
    s.get("#download-pdf").click();
    let pdf = page::downloaded(&browser.downloads, "pdf");
    let text = support::pdftotext(&pdf);
    let expected = support::words(&reply_text(&fixture));
    let share = support::in_order_share(&expected, &support::words(&text));
    assert!(share > 0.98, "the PDF has {:.0}% of the letter's words in order:\n{text}", share * 100.0);
}

#[test]
fn the_list_a_conflict_and_the_keyboard() {
    if !harness::tools() {
        return;
    }
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let cases = case_folder("serve-list", &[]);
    let server = Server::start(&cases, TODAY);
    let browser = Browser::start("list");
    let s = browser.session();

    // The list: every case, the overdue one highlighted, the broken file named.
    s.goto(&server.url);
    assert_eq!(s.find_all("#cases tr[data-reference]").len(), support::fixture_cases().len());
    let row = |reference: &str| s.get(&format!("#cases tr[data-reference='{reference}']"));
    assert!(page::classes(&row("COUNCIL-2026-0111")).contains(&"overdue".to_string()), "open and 2 days late");
    assert!(!page::classes(&row("43342")).contains(&"overdue".to_string()), "answered in time");
    let background = |reference: &str| {
        let script = "return getComputedStyle(arguments[0]).backgroundColor;";
        s.script(script, serde_json::json!([row(reference).arg()])).as_str().unwrap_or_default().to_string()
    };
    assert_ne!(background("COUNCIL-2026-0111"), background("43342"), "the overdue row stands out");
    assert!(row("COUNCIL-2026-0111").text().contains("2 late"), "{}", row("COUNCIL-2026-0111").text());
    s.get("#broken li[data-file='half-typed.yaml']");
    page::screenshot(s, "list");
    page::accessible(s);

    // Filtered to the overdue cases, only that one is left.
    s.get("#overdue").click();
    s.get("form.filters button[type=submit]").click();
    wait("the filtered list", || s.url().contains("overdue=1").then_some(()));
    let shown: Vec<_> = s.find_all("#cases tr[data-reference]").iter().map(|r| r.attr("data-reference")).collect();
    assert_eq!(shown, [Some("COUNCIL-2026-0111".to_string())]);

    // A case as the clerk opens it, the letter beside the form; then the
    // exemptions, each with the test its provision sets.
    s.goto(&format!("{}cases/ho-43342-refusal.yaml", server.url));
    page::accessible(s);
    page::left_of(s, ".form-column", ".preview-column");
    page::screenshot(s, "preview");
    page::scroll_to(s, "#section-exemptions");
    page::screenshot(s, "form");

    // The keyboard alone reaches the save button, through visible stops.
    page::tab_to(s, "save");

    // Edited on disk while open in the form: saving shows both versions,
    // overwrites nothing, and lets the clerk keep theirs.
    let file = cases.join("ho-78814-release.yaml");
    s.goto(&format!("{}cases/ho-78814-release.yaml", server.url));
    page::fill(s, "requester.name", "Mr Owen Boswarva");
    let on_disk = std::fs::read_to_string(&file).unwrap().replace("owen.boswarva@gmail.com", "owen@example.org");
    std::fs::write(&file, &on_disk).unwrap();
    s.get("#save").click();
    let conflict = wait("the conflict", || s.find("#conflict"));
    assert!(conflict.displayed());
    assert!(s.get("#conflict-mine").text().contains("Mr Owen Boswarva"));
    assert!(s.get("#conflict-disk").text().contains("owen@example.org"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), on_disk, "nothing is overwritten");
    s.get("#conflict-keep-mine").click();
    wait("the save", || s.url().contains("saved=1").then_some(()));
    assert!(std::fs::read_to_string(&file).unwrap().contains("Mr Owen Boswarva"));

    // The requester's page and the new-case form pass the same sweep.
    for path in ["review", "cases/new"] {
        s.goto(&format!("{}{path}", server.url));
        page::accessible(s);
    }
}
