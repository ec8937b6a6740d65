//! The HTTP handlers: each reads the case folder, calls the library as the
//! command line does, and answers with a page, JSON or a file.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Multipart, Path as UrlPath, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use serde_json::{Value, json};

use super::assess::{self, Assessment};
use super::html::url_path;
use super::pages::{self, FormView, ListQuery, ReviewView};
use super::{App, fields, save, security};
use crate::case::SourceFormat;
use crate::check::{self, LetterKind};
use crate::doc::Document;
use crate::render::{self, Format, RenderOptions};

type Fields = Vec<(String, String)>;

fn field<'a>(form: &'a Fields, name: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn html(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn refused(why: impl std::fmt::Display) -> Response {
    html(StatusCode::FORBIDDEN, pages::message("Not allowed", &why.to_string()))
}

/// `GET /`: the case list.
pub async fn list(State(app): State<Arc<App>>, Query(q): Query<ListQuery>) -> Response {
    match crate::cases::register(&app.root, &app.calendar, app.today()) {
        Ok(register) => html(StatusCode::OK, pages::list(&register, &q)),
        Err(e) => {
            html(StatusCode::INTERNAL_SERVER_ERROR, pages::message("Cannot read the case folder", &e.to_string()))
        }
    }
}

/// Query of the edit page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct EditQuery {
    /// Set after a save.
    #[serde(default)]
    saved: Option<String>,
    /// The letter to preview.
    #[serde(default)]
    letter: Option<String>,
}

/// `GET /cases/new`: an empty form.
pub async fn new_case(State(app): State<Arc<App>>) -> Response {
    let value = json!({});
    let mut a = assess::assess(&app.composer, &value, String::new(), &app.root, "new case", "");
    with_due(&app, &value, &mut a);
    let view = FormView {
        action: "/cases/new".into(),
        file: None,
        new_file: "",
        token: &app.token,
        hash: "",
        value: &value,
        assessment: &quiet(a),
        save_errors: Vec::new(),
        notice: None,
        conflict: None,
        confirm: &[],
    };
    html(StatusCode::OK, pages::form(&view))
}

/// An empty form is not yet wrong: it shows no errors until checked.
fn quiet(mut a: Assessment) -> Assessment {
    a.marks.errors.clear();
    a.general.clear();
    a
}

/// `GET /cases/<file>`: the form for a case file.
pub async fn edit(State(app): State<Arc<App>>, UrlPath(name): UrlPath<String>, Query(q): Query<EditQuery>) -> Response {
    let path = match security::resolve(&app.root, &name) {
        Ok(p) => p,
        Err(e) => return refused(e),
    };
    let format = SourceFormat::from_path(&path).unwrap_or(SourceFormat::Yaml);
    let (text, hash) = match save::read_disk(&path) {
        Ok(Some(found)) => found,
        Ok(None) => {
            return html(
                StatusCode::NOT_FOUND,
                pages::message("No such case", &format!("There is no case file {name}.")),
            );
        }
        Err(e) => return html(StatusCode::UNPROCESSABLE_ENTITY, pages::message("Cannot read the case", &e)),
    };
    let value = match save::read_value(format, &text) {
        Ok(v) => v,
        Err(e) => {
            return html(
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::message(
                    "This file cannot be edited here",
                    &format!("{name} is not readable as a case file: {e}. Fix it in a text editor."),
                ),
            );
        }
    };
    let source = if format == SourceFormat::Yaml { text.clone() } else { super::yaml::emit(&value) };
    let mut a = assess::assess(
        &app.composer,
        &value,
        source,
        &app.root.join(parent_of(&name)),
        &name,
        q.letter.as_deref().unwrap_or(""),
    );
    with_due(&app, &value, &mut a);
    let view = FormView {
        action: format!("/cases/{}", url_path(&name)),
        file: Some(&name),
        new_file: "",
        token: &app.token,
        hash: &hash,
        value: &value,
        assessment: &a,
        save_errors: Vec::new(),
        notice: q.saved.as_ref().map(|_| "Saved."),
        conflict: None,
        confirm: &[],
    };
    html(StatusCode::OK, pages::form(&view))
}

/// The due date under the received date, as the form stands.
fn with_due(app: &App, value: &Value, a: &mut Assessment) {
    let received = value.pointer("/request/received").and_then(Value::as_str).unwrap_or("");
    let regime = value.get("regime").and_then(|r| serde_json::from_value(r.clone()).ok()).unwrap_or_default();
    a.marks.due = super::due(&app.calendar, received, regime).map(|(_, text)| text).unwrap_or_default();
}

fn parent_of(name: &str) -> PathBuf {
    std::path::Path::new(name).parent().map(PathBuf::from).unwrap_or_default()
}

/// `POST /cases/new`.
pub async fn post_new(State(app): State<Arc<App>>, headers: HeaderMap, Form(form): Form<Fields>) -> Response {
    post(&app, &headers, None, form)
}

/// `POST /cases/<file>`.
pub async fn post_edit(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    UrlPath(name): UrlPath<String>,
    Form(form): Form<Fields>,
) -> Response {
    post(&app, &headers, Some(name), form)
}

/// The form as the server understands it: the case file it is about, the
/// file as now on disk, the value and text the form stands for, checked.
struct Submission {
    name: Option<String>,
    path: Option<PathBuf>,
    disk: Option<(String, String)>,
    value: Value,
    draft: save::Draft,
    assessment: Assessment,
}

fn understand(app: &App, name: Option<String>, form: &Fields) -> Result<Submission, Box<Response>> {
    let path = match &name {
        Some(n) => Some(security::resolve(&app.root, n).map_err(|e| Box::new(refused(e)))?),
        None => None,
    };
    let format = path.as_deref().and_then(SourceFormat::from_path).unwrap_or(SourceFormat::Yaml);
    let disk = match &path {
        Some(p) => save::read_disk(p)
            .map_err(|e| html(StatusCode::UNPROCESSABLE_ENTITY, pages::message("Cannot read the case", &e)))?,
        None => None,
    };
    let base = match &disk {
        Some((text, _)) => save::read_value(format, text).unwrap_or_else(|_| json!({})),
        None => json!({}),
    };
    let value = fields::apply(&base, form);
    let draft = save::draft(format, disk.as_ref().map(|d| d.0.as_str()), &base, &value)
        .map_err(|e| Box::new(html(StatusCode::UNPROCESSABLE_ENTITY, pages::message("Cannot save here", &e))))?;
    let source = if format == SourceFormat::Yaml { draft.text.clone() } else { super::yaml::emit(&value) };
    let shown = name.clone().unwrap_or_else(|| "new case".into());
    let dir = app.root.join(parent_of(name.as_deref().unwrap_or("")));
    let mut assessment =
        assess::assess(&app.composer, &value, source, &dir, &shown, field(form, "_letter").unwrap_or(""));
    with_due(app, &value, &mut assessment);
    Ok(Submission { name, path, disk, value, draft, assessment })
}

fn post(app: &App, headers: &HeaderMap, name: Option<String>, form: Fields) -> Response {
    if let Err(why) = security::check_write(headers, &app.hosts, &app.token, field(&form, "_csrf")) {
        return refused(why);
    }
    let action = field(&form, "_action").unwrap_or("check").to_string();
    let s = match understand(app, name, &form) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let action_url = s.name.as_deref().map_or_else(|| "/cases/new".to_string(), |n| format!("/cases/{}", url_path(n)));
    let opened = field(&form, "_hash").unwrap_or("").to_string();
    let new_file = field(&form, "_file").unwrap_or("").to_string();
    let view = |save_errors: Vec<(String, String)>, conflict: Option<(&str, &str)>, confirm: &[String], hash: &str| {
        pages::form(&FormView {
            action: action_url.clone(),
            file: s.name.as_deref(),
            new_file: &new_file,
            token: &app.token,
            hash,
            value: &s.value,
            assessment: &s.assessment,
            save_errors,
            notice: None,
            conflict,
            confirm,
        })
    };
    match action.as_str() {
        "download-pdf" | "download-docx" => {
            let format = if action == "download-pdf" { Format::Pdf } else { Format::Docx };
            match &s.assessment.document {
                Some(doc) => download(
                    doc,
                    s.assessment
                        .chosen
                        .and_then(assess::letter)
                        .and_then(|l| s.assessment.case.as_ref().and_then(|c| l.kind(c).ok())),
                    format,
                ),
                None => html(StatusCode::UNPROCESSABLE_ENTITY, view(Vec::new(), None, &[], &opened)),
            }
        }
        "save" | "save-confirmed" => {
            let current = s.disk.as_ref().map(|d| d.1.as_str()).unwrap_or("");
            if s.name.is_some() && current != opened {
                let disk = s.disk.as_ref().map_or("(the file has been deleted)", |d| d.0.as_str());
                return html(StatusCode::CONFLICT, view(Vec::new(), Some((disk, &s.draft.text)), &[], current));
            }
            if !s.assessment.readable() {
                return html(StatusCode::UNPROCESSABLE_ENTITY, view(Vec::new(), None, &[], &opened));
            }
            if action == "save" && !s.draft.rewrites.is_empty() {
                return html(StatusCode::OK, view(Vec::new(), None, &s.draft.rewrites, &opened));
            }
            let (name, path) = match (&s.name, &s.path) {
                (Some(n), Some(p)) => (n.clone(), p.clone()),
                _ => match new_path(app, &new_file, &s.value) {
                    Ok(found) => found,
                    Err(e) => {
                        return html(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            view(vec![("_file".into(), e)], None, &[], &opened),
                        );
                    }
                },
            };
            match save::write(&path, &s.draft.text) {
                Ok(()) => Redirect::to(&format!("/cases/{}?saved=1", url_path(&name))).into_response(),
                Err(e) => html(StatusCode::INTERNAL_SERVER_ERROR, view(vec![("_file".into(), e)], None, &[], &opened)),
            }
        }
        _ => html(StatusCode::OK, view(Vec::new(), None, &[], &opened)),
    }
}

/// Where a new case is saved: the name typed, else its reference + `.yaml`;
/// never over an existing file.
fn new_path(app: &App, typed: &str, value: &Value) -> Result<(String, PathBuf), String> {
    let name = match typed.trim() {
        "" => {
            let reference = value.get("reference").and_then(Value::as_str).unwrap_or("").trim();
            if reference.is_empty() {
                return Err("Give a file name, or a reference to name the file after".into());
            }
            format!("{}.yaml", crate::pipeline::file_stem(reference))
        }
        t => t.to_string(),
    };
    let path = security::resolve(&app.root, &name).map_err(|e| e.to_string())?;
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(format!("{name} already exists: choose another file name, or open it from the case list"));
    }
    Ok((name, path))
}

/// A letter as a file to download, rendered as `foikit render` renders it.
fn download(doc: &Document, kind: Option<LetterKind>, format: Format) -> Response {
    let opts = RenderOptions::for_document(doc);
    match render::render(doc, format, &opts) {
        Ok(bytes) => {
            let prefix = kind.and_then(LetterKind::written).map_or("", |w| w.prefix);
            let stem = crate::pipeline::file_stem(&doc.meta.reference);
            let stem = if stem.is_empty() { "letter".to_string() } else { stem };
            let name: String = format!("{prefix}{stem}.{}", format.extension())
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
                .collect();
            let mime = match format {
                Format::Pdf => "application/pdf",
                Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Format::Txt => "text/plain; charset=utf-8",
                Format::Html => "text/html; charset=utf-8",
            };
            let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                .unwrap_or(HeaderValue::from_static("attachment"));
            (
                [(header::CONTENT_TYPE, HeaderValue::from_static(mime)), (header::CONTENT_DISPOSITION, disposition)],
                bytes,
            )
                .into_response()
        }
        Err(e) => html(StatusCode::INTERNAL_SERVER_ERROR, pages::message("Cannot render the letter", &e.to_string())),
    }
}

/// `POST /api/check`: the form checked, for the page's script to show
/// errors, notes, the due date and the preview without a reload.
pub async fn api_check(State(app): State<Arc<App>>, headers: HeaderMap, Form(form): Form<Fields>) -> Response {
    if let Err(why) = security::check_write(&headers, &app.hosts, &app.token, field(&form, "_csrf")) {
        return (StatusCode::FORBIDDEN, Json(json!({ "error": why.to_string() }))).into_response();
    }
    let name = field(&form, "_path").filter(|p| !p.is_empty()).map(str::to_string);
    let s = match understand(&app, name, &form) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let a = &s.assessment;
    let errors: Vec<Value> = a
        .marks
        .errors
        .iter()
        .map(|(path, list)| json!({ "field": path, "id": fields::id(path), "message": list.join("; ") }))
        .collect();
    let notes: Vec<Value> = a
        .marks
        .notes
        .iter()
        .map(|(path, list)| json!({ "field": path, "id": fields::id(path), "html": list.join("") }))
        .collect();
    let view = FormView {
        action: String::new(),
        file: s.name.as_deref(),
        new_file: "",
        token: &app.token,
        hash: "",
        value: &s.value,
        assessment: a,
        save_errors: Vec::new(),
        notice: None,
        conflict: None,
        confirm: &[],
    };
    Json(json!({
        "errors": errors,
        "notes": notes,
        "summary": pages::summary(&view),
        "panel": pages::preview_panel(a),
    }))
    .into_response()
}

/// Query of `GET /api/due`.
#[derive(Debug, serde::Deserialize)]
pub struct DueQuery {
    /// The day the request was received, `YYYY-MM-DD`.
    received: String,
    /// The regime (default FOIA).
    #[serde(default)]
    regime: Option<String>,
}

/// `GET /api/due`: the reply's due date for a request received that day,
/// as `foikit deadline` counts it.
pub async fn api_due(State(app): State<Arc<App>>, Query(q): Query<DueQuery>) -> Response {
    let regime = q.regime.as_deref().and_then(|r| serde_json::from_value(json!(r)).ok()).unwrap_or_default();
    match super::due(&app.calendar, &q.received, regime) {
        Ok((due, text)) => Json(json!({ "due": due.iso(), "text": text })).into_response(),
        Err(e) => (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "error": e }))).into_response(),
    }
}

/// `GET /review`: the requester's page.
pub async fn review_page(State(app): State<Arc<App>>) -> Response {
    let view =
        ReviewView { token: &app.token, text: "", name: "", email: "", result: None, preview: None, error: None };
    html(StatusCode::OK, pages::review(&view))
}

/// `POST /review`: read the reply, check it, draft the review request.
pub async fn review_post(State(app): State<Arc<App>>, headers: HeaderMap, mut multipart: Multipart) -> Response {
    let mut form: Fields = Vec::new();
    let mut upload: Option<(String, Vec<u8>)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(f)) => {
                let name = f.name().unwrap_or("").to_string();
                let file_name = f.file_name().map(str::to_string);
                let Ok(bytes) = f.bytes().await else {
                    return html(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        pages::message("Too large", "The upload is over the size limit."),
                    );
                };
                if name == "reply_file" {
                    if !bytes.is_empty() {
                        upload = Some((file_name.unwrap_or_default(), bytes.to_vec()));
                    }
                } else {
                    form.push((name, String::from_utf8_lossy(&bytes).into_owned()));
                }
            }
            Ok(None) => break,
            Err(e) => return html(e.status(), pages::message("Cannot read the upload", &e.body_text())),
        }
    }
    if let Err(why) = security::check_write(&headers, &app.hosts, &app.token, field(&form, "_csrf")) {
        return refused(why);
    }
    let text = field(&form, "reply_text").unwrap_or("").to_string();
    let name = field(&form, "name").unwrap_or("").trim().to_string();
    let email = field(&form, "email").unwrap_or("").trim().to_string();
    let action = field(&form, "_action").unwrap_or("check");
    let mut view = ReviewView {
        token: &app.token,
        text: &text,
        name: &name,
        email: &email,
        result: None,
        preview: None,
        error: None,
    };
    let read = match &upload {
        Some((file, bytes)) => super::review::read(file, bytes),
        None if text.trim().is_empty() => Err("Upload the reply, or paste its text".to_string()),
        None => super::review::read("pasted reply.txt", text.as_bytes()),
    };
    let letter = match read {
        Ok(l) => l,
        Err(e) => {
            view.error = Some(e);
            return html(StatusCode::UNPROCESSABLE_ENTITY, pages::review(&view));
        }
    };
    let findings = check::check(&letter);
    let who = crate::requester::RequesterFile {
        name: Some(name.clone()).filter(|n| !n.is_empty()),
        email: Some(email.clone()).filter(|e| !e.is_empty()),
        ..Default::default()
    };
    let drafted = super::review::draft(&app.composer, &letter, &who);
    let read_text = letter.text();
    if let Some(format) = action.strip_prefix("download-") {
        return match (&drafted, format.parse::<Format>()) {
            (Ok(doc), Ok(f)) => download(doc, Some(LetterKind::ReviewRequest), f),
            (Err(e), _) => html(StatusCode::UNPROCESSABLE_ENTITY, pages::message("Cannot draft the letter", e)),
            (_, Err(e)) => html(StatusCode::BAD_REQUEST, pages::message("Unknown format", &e)),
        };
    }
    view.text = &read_text;
    view.result = Some(super::review::describe(&letter, &findings));
    match &drafted {
        Ok(doc) => view.preview = Some(render::html::fragment(doc)),
        Err(e) => view.error = Some(e.clone()),
    }
    html(StatusCode::OK, pages::review(&view))
}

/// `GET /assets/app.css`.
pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], super::assets::CSS)
        .into_response()
}

/// `GET /assets/app.js`.
pub async fn js() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], super::assets::JS)
        .into_response()
}
