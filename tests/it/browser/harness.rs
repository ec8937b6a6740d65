//! The processes a browser test needs: `foikit serve` on a scratch case
//! folder, chromedriver, and headless Chromium driven through it. Each is
//! ended when its guard drops, on success and on panic alike.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;

use super::webdriver::{self, Session};
use crate::support;

/// The Chromium binary Debian installs (package `chromium`).
const CHROMIUM: &str = "/usr/bin/chromium";

/// The size of the page in every session's window, and so of the screenshots.
pub const WINDOW: (u32, u32) = (1280, 900);

/// Whether Chromium and chromedriver are installed: missing, the test skips
/// with a message, or fails when `FOIKIT_REQUIRE_TOOLS=1` (CI).
pub fn tools() -> bool {
    const HINT: &str = "apt-get install chromium chromium-driver";
    support::tool_from(CHROMIUM, HINT) && support::tool_from("chromedriver", HINT)
}

/// `foikit serve DIR --port 0 --today DATE`; `SOURCE_DATE_EPOCH` fixes the
/// rest of the clock (the downloads' timestamps) to the same day.
pub struct Server {
    child: Child,
    /// The URL it printed, ending in `/`.
    pub url: String,
}

impl Server {
    /// Starts the server on `dir` as at `today` (YYYY-MM-DD) and reads the
    /// URL from its first line of output.
    pub fn start(dir: &Path, today: &str) -> Server {
        let epoch =
            foikit::case::Date::parse_iso(today).expect("an ISO date").0.midnight().assume_utc().unix_timestamp();
        let mut child = Command::new(env!("CARGO_BIN_EXE_foikit"))
            .arg("serve")
            .arg(dir)
            .args(["--port", "0", "--today", today])
            .env("SOURCE_DATE_EPOCH", epoch.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log(&dir.with_extension("serve.log")))
            .spawn()
            .expect("foikit serve starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        // Reads every line so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server { child, url: String::new() };
        let first = rx.recv_timeout(Duration::from_secs(60)).expect("foikit serve prints its URL");
        let url = first.strip_prefix("foikit serve: ").unwrap_or_else(|| panic!("unexpected first line: {first}"));
        assert!(url.starts_with("http://127.0.0.1:") && url.ends_with('/'), "unexpected URL: {url}");
        server.url = url.to_string();
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver and one headless Chromium session through it.
pub struct Browser {
    driver: Child,
    session: Option<Session>,
    dir: PathBuf,
    /// Where Chromium saves downloads.
    pub downloads: PathBuf,
}

impl Browser {
    /// Starts chromedriver on a free port, then Chromium with a fresh
    /// profile in a scratch folder named `name`, its window [`WINDOW`].
    pub fn start(name: &str) -> Browser {
        let dir = support::scratch(&format!("browser-{name}"));
        let downloads = dir.join("downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        let port = free_port();
        // Its own process group, so Chromium and its helpers, which
        // chromedriver starts, are ended with it.
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", dir.join("chromedriver.log").display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver starts");
        let mut browser = Browser { driver, session: None, dir, downloads };
        webdriver::wait("chromedriver to be ready", || {
            let res = webdriver::http(port, "GET", "/status", None).ok()?;
            let v: serde_json::Value = serde_json::from_slice(&res.body).ok()?;
            v["value"]["ready"].as_bool().filter(|r| *r)
        });
        let profile = browser.dir.join("profile");
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--lang=en-GB",
            &format!("--window-size={},{}", WINDOW.0, WINDOW.1),
            &format!("--user-data-dir={}", profile.display()),
        ];
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": args,
                "prefs": {
                    "download.default_directory": browser.downloads,
                    "download.prompt_for_download": false,
                },
            },
        });
        let session = Session::new(port, capabilities).unwrap_or_else(|e| {
            panic!("{e}\n(chromedriver's log: {})", browser.dir.join("chromedriver.log").display())
        });
        // The window's frame takes part of its size: grow it until the page
        // itself (and so each screenshot) is WINDOW.
        session.resize(WINDOW.0, WINDOW.1);
        let inner = session.script("return [window.innerWidth, window.innerHeight];", json!([]));
        let extra = |i: usize| inner[i].as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
        session.resize(2 * WINDOW.0 - extra(0), 2 * WINDOW.1 - extra(1));
        browser.session = Some(session);
        browser
    }

    /// The WebDriver session.
    pub fn session(&self) -> &Session {
        self.session.as_ref().expect("a session")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            let _ = session.quit();
        }
        // The whole group by its id: chromedriver and whatever Chromium
        // processes outlived the session.
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.driver.id())]).status();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(self.dir.join("profile"));
    }
}

/// A log file for a child's stderr, so test output stays the tests'.
fn log(path: &Path) -> Stdio {
    std::fs::File::create(path).map_or_else(|_| Stdio::null(), Stdio::from)
}

/// A port free on 127.0.0.1 a moment ago.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}
