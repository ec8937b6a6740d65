//! End-to-end tests of `foikit serve` in headless Chromium, driven over
//! WebDriver by chromedriver (Debian packages `chromium`, `chromium-driver`).
//! Sessions are few and run one at a time: each start costs seconds.

mod harness;
mod webdriver;

use std::sync::Mutex;

use harness::Browser;

/// One browser at a time: two Chromiums on a loaded 2-core machine only
/// slow each other down.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

#[test]
fn harness_drives_a_page() {
    if !harness::tools() {
        return;
    }
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let browser = Browser::start("harness");
    let s = browser.session();
    s.goto("data:text/html,<html lang=en-GB><h1>Hi</h1><label for=a>A</label><input id=a><button id=b>Go</button>");
    s.get("#a").send_keys("43342");
    assert_eq!(s.get("#a").prop("value").as_deref(), Some("43342"));
    s.get("#a").click();
    s.press(webdriver::TAB);
    assert_eq!(s.active().prop("id").as_deref(), Some("b"));
    let png = s.screenshot();
    assert!(png.starts_with(b"\x89PNG"));
}
