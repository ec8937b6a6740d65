//! `foikit serve [DIR]`: a local web app for an FOI team, over the same
//! case folder the command line uses.
//!
//! The case folder is the database: the pages read and write the case files
//! themselves (subfolders too), with no index and no hidden state, so
//! `foikit cases`, `render` and git see exactly what the app saved. Pages are
//! rendered on the server and work without JavaScript; one small embedded
//! script checks the form as the clerk types. Everything is embedded in the
//! binary and nothing is fetched from the internet.
//!
//! Modules: [`routes`] (handlers), [`pages`] (HTML), [`fields`] (the form's
//! fields and form ↔ case value), [`value`] (the case as a value by path),
//! [`yaml`] (writing YAML, and editing the clerk's text in place),
//! [`save`] (the text to write, conflicts, atomic writes), [`assess`]
//! (case errors, validator findings, the letter preview), [`review`] (the
//! requester's page), [`security`] (case names, CSRF, Host and Origin) and
//! [`assets`].
//!
//! # Contract with the browser tests
//!
//! These names are stable; a change is recorded here.
//!
//! - Pages: list `GET /`; new case `GET /cases/new`; edit
//!   `GET /cases/<path relative to DIR>` (both POST to the same URL);
//!   requester `GET /review`.
//! - First line on stdout: `foikit serve: http://127.0.0.1:PORT/`.
//! - Form inputs: `name` is the field's dotted path in the case file as
//!   `foikit` reads it, list indices as numbers, and `id` is the same with
//!   `.` replaced by `-`. The case file's own field names are used, so the
//!   paths are `reference`, `regime`, `requester.name`, `requester.email`,
//!   `request.received`, `request.text`, `response.date`, `response.held`,
//!   `response.outcome`, `response.body`, `response.items.0.asked`,
//!   `response.items.0.decision`, `response.items.0.exemptions.0.section`,
//!   `exemptions.0.section`, `exemptions.0.public_interest.for`,
//!   `annexes.0.kind`, `sign_off.team`, … (the brief's `received` and
//!   `items.0.text` are `request.received` and `response.items.0.asked`).
//!   Lists of strings are one `<textarea>`: address lines one per line,
//!   paragraphs separated by a blank line. Meta fields start with `_`:
//!   `_csrf`, `_hash`, `_path`, `_file` (new case: file name, id `file`),
//!   `_letter` (the preview's letter) and `_action` (the button pressed:
//!   `save`, `save-confirmed`, `check`, `download-pdf`, `download-docx`,
//!   `add:<list path>`, `remove:<item path>`).
//! - Error beside a field: `#<id>-error`; validator notes: `#<id>-notes`;
//!   the error summary: `#error-summary` (absent when there is no error).
//! - Due date: `#due-date`. Preview: `#preview` (holds the letter's HTML,
//!   `article.letter`); letter chooser `#preview-letter` (a `<select>`,
//!   values `acknowledgement`, `clarification`, `holding-notice`, `reply`,
//!   `review-outcome`); validator findings `#findings`. Buttons: `#save`,
//!   `#check`, `#download-pdf`, `#download-docx`.
//! - Conflict: `#conflict` with `#conflict-mine`, `#conflict-disk`, the
//!   button `#conflict-keep-mine` and the link `#conflict-use-disk`.
//!   A save that would rewrite the file (the text cannot be edited in
//!   place, e.g. a list with comments among its items grew):
//!   `#confirm` with the button `#confirm-save`.
//! - Case list: table `#cases`, one `<tr data-reference="…">` per case,
//!   overdue rows with class `overdue`; broken files `#broken` (one `<li
//!   data-file="…">` each). Query: `sort` (a column), `dir=desc`, `q`,
//!   `status`, `overdue=1`.
//! - Requester page: `#reply-file` (upload), `#reply-text` (paste),
//!   `#requester-name`, `#requester-email`, `#review-check`; then
//!   `#review-result` (what was read, `#reading`, and `#findings`),
//!   `#preview`, and `#download-pdf`, `#download-docx`, `#download-txt`.
//! - After a save: a 303 redirect to the edit page with `?saved=1`.

pub mod assess;
pub mod assets;
pub mod fields;
pub mod html;
pub mod pages;
pub mod review;
pub mod routes;
pub mod save;
pub mod security;
pub mod value;
pub mod yaml;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::case::Date;
use crate::compose::Composer;
use crate::law::RegimeId;
use crate::law::calendar::Calendar;
use crate::law::deadline::Clock;

/// The largest form body accepted: a case file's limit, twice over for the
/// form encoding.
pub const FORM_BYTES: usize = 2 * crate::limits::CASE_FILE_BYTES as usize;

/// The largest upload accepted: a letter file's limit and room for the
/// other fields of the form.
pub const UPLOAD_BYTES: usize = crate::limits::LETTER_FILE_BYTES as usize + 64 * 1024;

/// The app's state: the case folder and what every request shares.
pub struct App {
    /// The case folder, canonical.
    pub root: PathBuf,
    /// Composes letters (with the calendar).
    pub composer: Composer,
    /// Counts working days.
    pub calendar: Calendar,
    /// The per-process token every form carries.
    pub token: String,
    /// The `Host` values the app answers to; empty: any.
    pub hosts: Vec<String>,
    /// The day the register is as at; `None`: today.
    pub today: Option<Date>,
}

impl App {
    /// The app over `root`, answering to `hosts` (see [`hosts_for`]).
    pub fn new(root: &Path, composer: Composer, calendar: Calendar, hosts: Vec<String>) -> std::io::Result<App> {
        let root = root.canonicalize()?;
        if !root.is_dir() {
            return Err(std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder"));
        }
        Ok(App { root, composer, calendar, token: security::token(), hosts, today: None })
    }

    /// The day the register is as at.
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(crate::requester::today)
    }
}

/// The `Host` values a server bound to `addr` answers to: on a loopback
/// address, its own address and `localhost` (so another site reached by DNS
/// rebinding is refused); elsewhere, any.
pub fn hosts_for(addr: SocketAddr) -> Vec<String> {
    if addr.ip().is_loopback() {
        let port = addr.port();
        vec![addr.to_string(), format!("localhost:{port}")]
    } else {
        Vec::new()
    }
}

/// Every route, with the body limits and the Host check.
pub fn router(app: Arc<App>) -> Router {
    use routes::*;
    Router::new()
        .route("/", get(list))
        .route("/cases/new", get(new_case).post(post_new))
        .route("/cases/{*path}", get(edit).post(post_edit))
        .route("/api/check", axum::routing::post(api_check))
        .route("/api/due", get(api_due))
        .route("/review", get(review_page).post(review_post).layer(DefaultBodyLimit::max(UPLOAD_BYTES)))
        .route("/assets/app.css", get(css))
        .route("/assets/app.js", get(js))
        .layer(DefaultBodyLimit::max(FORM_BYTES))
        .layer(middleware::from_fn_with_state(app.clone(), host_check))
        .with_state(app)
}

/// Refuses a request whose `Host` the server was not started as.
async fn host_check(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let host = request.headers().get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !app.hosts.is_empty() && !app.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return (StatusCode::MISDIRECTED_REQUEST, "foikit serve does not answer to that host name\n").into_response();
    }
    next.run(request).await
}

/// The reply's due date for a request received on `received` (ISO) under
/// `regime`, and a sentence saying so.
pub fn due(calendar: &Calendar, received: &str, regime: RegimeId) -> Result<(Date, String), String> {
    let received = Date::parse_iso(received.trim())?;
    let law = regime.regime();
    let deadline = Clock::new(calendar, regime).deadline(received.0, law.time_limit, &[]).map_err(|e| e.to_string())?;
    let long = crate::compose::helpers::format_date(deadline.due, crate::compose::helpers::DateStyle::Long);
    Ok((
        deadline.due,
        format!(
            "Reply due by {} {long}: {} working days ({}).",
            deadline.due.0.weekday(),
            law.time_limit,
            law.time_limit_provision
        ),
    ))
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, app: Arc<App>) -> std::io::Result<()> {
    axum::serve(listener, router(app)).await
}
