//! `foikit serve` over HTTP, in process (tower's `oneshot` on the router):
//! the list, a case made from an empty form, validation, conflicts, comments
//! kept on an edit, and the security checks.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use foikit::compose::Composer;
use foikit::law::calendar::Calendar;
use foikit::serve::{self, App, fields, save};
use serde_json::Value;
use tower::ServiceExt;

use crate::support;

const HOST: &str = "127.0.0.1:8000";
const CASE_43342: &str = "fixtures/cases/ho-43342-refusal.yaml";

struct Site {
    app: Arc<App>,
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let app = App::new(dir.path(), Composer::builtin(), Calendar::builtin(), vec![HOST.to_string()]).unwrap();
        Site { app: Arc::new(app), dir }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
        let response = serve::router(self.app.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let headers =
            response.headers().iter().map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string())).collect();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec();
        (status, headers, body)
    }

    async fn get(&self, uri: &str) -> (StatusCode, String) {
        let request = Request::get(uri).header(header::HOST, HOST).body(Body::empty()).unwrap();
        let (status, _, body) = self.send(request).await;
        (status, String::from_utf8(body).unwrap())
    }

    /// Posts `fields` with the page's token, as a browser submitting the form would.
    async fn post(&self, uri: &str, fields: &[(String, String)]) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
        let mut all = vec![("_csrf".to_string(), self.app.token.clone())];
        all.extend(fields.iter().cloned());
        self.post_raw(uri, &all).await
    }

    async fn post_raw(&self, uri: &str, fields: &[(String, String)]) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
        let body: String = fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&");
        let request = Request::post(uri)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, format!("http://{HOST}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn text(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The value of the hidden input `name` in a page.
fn hidden(page: &str, name: &str) -> String {
    let at = page.find(&format!("name=\"{name}\" value=\"")).unwrap_or_else(|| panic!("no {name} in the page"));
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Every field of the form, filled as a clerk would type the case in.
fn typed(case: &Value) -> Vec<(String, String)> {
    typed_fields(case, false)
}

/// [`typed`]; with `lenient`, parts of the case the form has no field for
/// are left out rather than failing.
fn typed_fields(case: &Value, lenient: bool) -> Vec<(String, String)> {
    fn walk(v: &Value, path: &str, out: &mut Vec<(String, String)>, lenient: bool) {
        match (fields::kind_of(path), v) {
            (Some(fields::Kind::Lines), Value::Array(a)) => {
                out.push((path.into(), a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n")))
            }
            // Lists with lists or tables in them are not editable in the form, and not submitted.
            (Some(fields::Kind::Paragraphs), Value::Array(a)) if a.iter().any(|i| !i.is_string()) => {}
            (Some(fields::Kind::Paragraphs), Value::Array(a)) => {
                out.push((path.into(), a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n\n")))
            }
            (_, Value::Object(m)) => m.iter().for_each(|(k, v)| walk(v, &join(path, k), out, lenient)),
            (_, Value::Array(a)) => {
                a.iter().enumerate().for_each(|(i, v)| walk(v, &join(path, &i.to_string()), out, lenient))
            }
            (Some(_), v) => out.push((path.into(), foikit::serve::value::scalar_text(v).unwrap())),
            (None, _) => assert!(lenient, "the form has no field for {path}"),
        }
    }
    fn join(a: &str, b: &str) -> String {
        if a.is_empty() { b.to_string() } else { format!("{a}.{b}") }
    }
    let mut out = Vec::new();
    walk(case, "", &mut out, lenient);
    out
}

fn fixture_value() -> Value {
    let src = std::fs::read_to_string(support::root().join(CASE_43342)).unwrap();
    save::read_value(foikit::case::SourceFormat::Yaml, &src).unwrap()
}

fn copy_43342(site: &Site) {
    std::fs::copy(support::root().join(CASE_43342), site.path("43342.yaml")).unwrap();
}

#[test]
fn every_fixture_case_submitted_unchanged_is_left_byte_for_byte() {
    for name in support::fixture_cases() {
        let path = support::root().join(format!("fixtures/cases/{name}.yaml"));
        let src = std::fs::read_to_string(&path).unwrap();
        let base = save::read_value(foikit::case::SourceFormat::Yaml, &src).unwrap();
        let value = fields::apply(&base, &typed_fields(&base, true));
        let draft = save::draft(foikit::case::SourceFormat::Yaml, Some(&src), &base, &value).unwrap();
        assert!(draft.rewrites.is_empty(), "{name}: {:?}", draft.rewrites);
        assert_eq!(draft.text, src, "{name}");
    }
}

#[tokio::test]
async fn the_list_shows_cases_and_broken_files() {
    let site = Site::new();
    copy_43342(&site);
    std::fs::create_dir(site.path("2026")).unwrap();
    std::fs::write(site.path("2026/broken.yaml"), "reference: \"B1\"\nrequester:\n  naem: Ann\n").unwrap();
    let (status, page) = site.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<table id=\"cases\""), "{page}");
    assert!(page.contains("data-reference=\"43342\""));
    assert!(page.contains("href=\"/cases/43342.yaml\""));
    assert!(page.contains("id=\"broken\"") && page.contains("2026/broken.yaml"), "{page}");
    assert!(page.contains("unknown field `naem`"), "the broken file's error is shown");
    assert!(page.contains("lang=\"en-GB\""));
    // Filtering is server-side.
    let (_, filtered) = site.get("/?q=nobody").await;
    assert!(!filtered.contains("data-reference=\"43342\""));
}

#[tokio::test]
async fn a_case_typed_into_an_empty_form_saves_and_downloads() {
    let site = Site::new();
    let (status, page) = site.get("/cases/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"reference\"") && !page.contains("id=\"error-summary\""));
    assert_eq!(hidden(&page, "_csrf"), site.app.token);

    let mut form = typed(&fixture_value());
    form.extend(pairs(&[("_action", "save"), ("_file", "43342.yaml")]));
    let (status, headers, body) = site.post("/cases/new", &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", text(&body));
    assert!(headers.iter().any(|(k, v)| k == "location" && v == "/cases/43342.yaml?saved=1"), "{headers:?}");

    let saved = foikit::case::load(&site.path("43342.yaml")).unwrap();
    let mut expected = foikit::case::load(&support::root().join(CASE_43342)).unwrap();
    // A textarea has no final newline; the letter is the same.
    expected.request.text = expected.request.text.trim_end().to_string();
    assert_eq!(saved, expected);

    let (status, page) = site.get("/cases/43342.yaml?saved=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Saved."));
    assert!(page.contains("id=\"preview\"") && page.contains("Mr. Gallagher"), "the reply is previewed");
    assert!(page.contains("Reply due by Wednesday 26 April 2017"), "{page}");

    let mut download = typed(&fixture_value());
    download.extend(pairs(&[("_action", "download-pdf"), ("_letter", "reply"), ("_hash", &hidden(&page, "_hash"))]));
    let (status, headers, pdf) = site.post("/cases/43342.yaml", &download).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.iter().any(|(k, v)| k == "content-type" && v == "application/pdf"));
    assert!(pdf.starts_with(b"%PDF-"));
    if support::tool("pdftotext") {
        let file = site.path("letter.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let words = support::pdftotext(&file);
        assert!(words.contains("Dear Mr. Gallagher"), "{words}");
        assert!(words.contains("24(1)") && words.contains("Freedom of Information"), "{words}");
        assert!(!words.contains("DRAFT"), "the 43342 refusal passes the validator");
    }
    let mut acknowledgement: Vec<_> =
        download.iter().filter(|(k, _)| !k.starts_with("_l") && k != "_action").cloned().collect();
    acknowledgement.extend(pairs(&[("_letter", "acknowledgement"), ("_action", "download-docx")]));
    let (status, headers, docx) = site.post("/cases/43342.yaml", &acknowledgement).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.iter().any(|(k, v)| k == "content-disposition" && v.contains("43342.docx")), "{headers:?}");
    assert!(docx.starts_with(b"PK"));
}

#[tokio::test]
async fn a_bad_field_is_shown_beside_it_until_fixed() {
    let site = Site::new();
    copy_43342(&site);
    let bad = pairs(&[("requester.email", "not an address"), ("_action", "check")]);
    let (status, _, body) = site.post("/cases/43342.yaml", &bad).await;
    let page = text(&body);
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"error-summary\""), "{page}");
    assert!(page.contains("href=\"#requester-email\""));
    assert!(page.contains("<p class=\"error-message\" id=\"requester-email-error\">"), "{page}");
    assert!(page.contains("is not a valid e-mail address"));
    // Saving is refused while the case does not read.
    let hash = foikit::serve::security::hash(&std::fs::read(site.path("43342.yaml")).unwrap());
    let save = pairs(&[("requester.email", "x"), ("_hash", &hash), ("_action", "save")]);
    let (status, _, _) = site.post("/cases/43342.yaml", &save).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let good = pairs(&[("requester.email", "ryan@example.org"), ("_action", "check")]);
    let (_, _, body) = site.post("/cases/43342.yaml", &good).await;
    let page = text(&body);
    assert!(!page.contains("error-summary\" class") && !page.contains("requester-email-error"), "{page}");

    // The live check says the same as JSON.
    let live = pairs(&[("_path", "43342.yaml"), ("requester.email", "nope")]);
    let (status, _, body) = site.post("/api/check", &live).await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["errors"][0]["id"], "requester-email", "{json}");
    assert!(json["panel"].as_str().unwrap().contains("id=\"preview\""));
}

#[tokio::test]
async fn the_due_date_follows_the_received_date() {
    let site = Site::new();
    let (status, body) = site.get("/api/due?received=2017-03-27&regime=foia").await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["due"], "2017-04-26", "Easter Friday and Monday are skipped");
    let (status, _) = site.get("/api/due?received=2017-02-30").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_file_changed_on_disk_is_never_overwritten_unasked() {
    let site = Site::new();
    copy_43342(&site);
    let (_, page) = site.get("/cases/43342.yaml").await;
    let opened = hidden(&page, "_hash");
    let theirs = std::fs::read_to_string(site.path("43342.yaml")).unwrap().replace("Mr Gallagher", "Mr R Gallagher");
    std::fs::write(site.path("43342.yaml"), &theirs).unwrap();

    let mine = pairs(&[("requester.name", "Ryan Gallagher"), ("_hash", &opened), ("_action", "save")]);
    let (status, _, body) = site.post("/cases/43342.yaml", &mine).await;
    let page = text(&body);
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("id=\"conflict\""), "{page}");
    assert!(page.contains("Mr R Gallagher") && page.contains("Ryan Gallagher"), "both versions are shown");
    assert_eq!(std::fs::read_to_string(site.path("43342.yaml")).unwrap(), theirs, "nothing was written");

    // Choosing "mine" saves over the version now on disk.
    let now = hidden(&page, "_hash");
    let keep = pairs(&[("requester.name", "Ryan Gallagher"), ("_hash", &now), ("_action", "save-confirmed")]);
    let (status, _, _) = site.post("/cases/43342.yaml", &keep).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(foikit::case::load(&site.path("43342.yaml")).unwrap().requester.name, "Ryan Gallagher");
}

#[tokio::test]
async fn a_scalar_edit_keeps_comments_and_a_structural_one_asks_first() {
    let site = Site::new();
    copy_43342(&site);
    let before = std::fs::read_to_string(site.path("43342.yaml")).unwrap();
    let (_, page) = site.get("/cases/43342.yaml").await;
    let hash = hidden(&page, "_hash");

    let edit = pairs(&[
        ("requester.name", "Ms Example"),
        ("sign_off.team", "Information Rights Team"),
        ("_hash", &hash),
        ("_action", "save"),
    ]);
    let (status, _, body) = site.post("/cases/43342.yaml", &edit).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", text(&body));
    let after = std::fs::read_to_string(site.path("43342.yaml")).unwrap();
    let expected = before
        .replace("  name: Mr Gallagher\n", "  name: Ms Example\n")
        .replace("  team: FOI Team\n", "  team: Information Rights Team\n");
    assert_eq!(after, expected, "only the two values changed; comments and order are as they were");
    assert!(after.starts_with("# Home Office FOI reply 43342"));

    // A key added to a mapping goes in place too, after its siblings.
    let hash = foikit::serve::security::hash(after.as_bytes());
    let add = pairs(&[("sign_off.name", "A Clerk"), ("_hash", &hash), ("_action", "save")]);
    let (status, _, _) = site.post("/cases/43342.yaml", &add).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let added = std::fs::read_to_string(site.path("43342.yaml")).unwrap();
    assert_eq!(
        added,
        after.replace("  team: Information Rights Team\n", "  team: Information Rights Team\n  name: A Clerk\n")
    );

    // A list that grows is written anew where it is.
    let hash = foikit::serve::security::hash(added.as_bytes());
    let lines = "2 Marsham Street\nLondon SW1P 4DF\nUnited Kingdom";
    let grow = pairs(&[("authority.address", lines), ("_hash", &hash), ("_action", "save")]);
    let (status, _, _) = site.post("/cases/43342.yaml", &grow).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let grown = std::fs::read_to_string(site.path("43342.yaml")).unwrap();
    let expected = added.replace(
        "    - 2 Marsham Street, London SW1P 4DF\n",
        "    - 2 Marsham Street\n    - London SW1P 4DF\n    - United Kingdom\n",
    );
    assert_eq!(grown, expected);

    // One with comments among its items cannot: the clerk is asked first.
    let commented = grown.replace(
        "  address:\n    - Information Access Team\n",
        "  address:\n    # where reviews go\n    - Information Access Team\n",
    );
    std::fs::write(site.path("43342.yaml"), &commented).unwrap();
    let hash = foikit::serve::security::hash(commented.as_bytes());
    let lines = "Information Access Team\nHome Office\n2 Marsham Street\nLondon\nSW1P 4DF";
    let grow = pairs(&[("review.address", lines), ("_hash", &hash), ("_action", "save")]);
    let (status, _, body) = site.post("/cases/43342.yaml", &grow).await;
    let page = text(&body);
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"confirm\"") && page.contains("adds to the list `review.address` (4 → 5)"), "{page}");
    assert_eq!(
        std::fs::read_to_string(site.path("43342.yaml")).unwrap(),
        commented,
        "nothing written before confirming"
    );
    let confirmed = pairs(&[("review.address", lines), ("_hash", &hash), ("_action", "save-confirmed")]);
    let (status, _, _) = site.post("/cases/43342.yaml", &confirmed).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let case = foikit::case::load(&site.path("43342.yaml")).unwrap();
    assert_eq!(case.review.address.len(), 5);
    assert_eq!(case.sign_off.name.as_deref(), Some("A Clerk"));
    assert_eq!(case.requester.name, "Ms Example");
}

#[tokio::test]
async fn case_names_cannot_leave_the_case_folder() {
    let site = Site::new();
    copy_43342(&site);
    for uri in ["/cases/..%2F..%2Fetc%2Fpasswd.yaml", "/cases/%2Fetc%2Fx.yaml", "/cases/sub/..%2F..%2Fx.yaml"] {
        let (status, _) = site.get(uri).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{uri}");
    }
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        std::fs::copy(support::root().join(CASE_43342), outside.path().join("x.yaml")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("x.yaml"), site.path("link.yaml")).unwrap();
        let (status, _) = site.get("/cases/link.yaml").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let mut form = typed(&fixture_value());
    form.extend(pairs(&[("_action", "save"), ("_file", "../escaped.yaml")]));
    let (status, _, body) = site.post("/cases/new", &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", text(&body));
    assert!(!site.dir.path().parent().unwrap().join("escaped.yaml").exists());
}

#[tokio::test]
async fn writes_need_the_token_our_origin_and_a_small_body() {
    let site = Site::new();
    copy_43342(&site);
    let before = std::fs::read(site.path("43342.yaml")).unwrap();
    let (_, page) = site.get("/cases/43342.yaml").await;
    let hash = hidden(&page, "_hash");
    let edit = pairs(&[("requester.name", "Mallory"), ("_hash", &hash), ("_action", "save")]);

    let (status, _, _) = site.post_raw("/cases/43342.yaml", &edit).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no token");
    let wrong = [edit.clone(), pairs(&[("_csrf", "0123")])].concat();
    let (status, _, _) = site.post_raw("/cases/43342.yaml", &wrong).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "wrong token");

    let body = format!("_csrf={}&requester.name=Mallory&_hash={hash}&_action=save", site.app.token);
    let cross_site = Request::post("/cases/43342.yaml")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(site.send(cross_site).await.0, StatusCode::FORBIDDEN, "another site's origin");
    let rebound = Request::get("/").header(header::HOST, "evil.example:8000").body(Body::empty()).unwrap();
    assert_eq!(site.send(rebound).await.0, StatusCode::MISDIRECTED_REQUEST, "a host name we are not");
    assert_eq!(std::fs::read(site.path("43342.yaml")).unwrap(), before);

    let huge = vec![("request.text".to_string(), "x".repeat(serve::FORM_BYTES + 1))];
    let (status, _, _) = site.post("/cases/43342.yaml", &huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn the_requester_page_checks_a_reply_and_drafts_a_review_request() {
    let site = Site::new();
    let reply = support::render("ho-43342-refusal", foikit::render::Format::Txt);
    let boundary = "XfoikitX";
    let mut body = Vec::new();
    for (name, value) in [("_csrf", site.app.token.as_str()), ("name", "Ryan Gallagher"), ("_action", "check")] {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"reply_file\"; filename=\"reply.txt\"\r\nContent-Type: text/plain\r\n\r\n")
            .as_bytes(),
    );
    body.extend(&reply);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post("/review")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    let (status, _, page) = site.send(request).await;
    let page = text(&page);
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("id=\"reading\"") && page.contains("refusal"), "{page}");
    assert!(page.contains("24(1)"));
    assert!(page.contains("id=\"preview\"") && page.contains("internal review"), "{page}");
}

#[test]
fn assets_are_embedded() {
    assert!(serve::assets::CSS.contains("font-family:system-ui"));
    assert!(serve::assets::JS.contains("/api/due"));
}

#[test]
fn the_command_prints_its_url_first_and_serves_the_folder() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(support::root().join(CASE_43342), dir.path().join("43342.yaml")).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_foikit"))
        .args(["serve", "--port", "0"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let url = first.trim().strip_prefix("foikit serve: http://").map(str::to_string);
    let page = url.as_ref().map(|u| {
        let host = u.trim_end_matches('/');
        let mut stream = std::net::TcpStream::connect(host).unwrap();
        write!(stream, "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut page = String::new();
        stream.read_to_string(&mut page).unwrap();
        page
    });
    child.kill().unwrap();
    child.wait().unwrap();
    let url = url.unwrap_or_else(|| panic!("first line: {first}"));
    assert!(url.starts_with("127.0.0.1:") && url.ends_with('/'), "{url}");
    let page = page.unwrap();
    assert!(page.starts_with("HTTP/1.1 200") && page.contains("data-reference=\"43342\""), "{page}");
}

#[tokio::test]
async fn an_upload_over_the_letter_limit_is_refused() {
    let site = Site::new();
    let boundary = "XfoikitX";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"reply_file\"; filename=\"big.txt\"\r\n\r\n",
        site.app.token
    )
    .into_bytes();
    body.resize(body.len() + serve::UPLOAD_BYTES, b'a');
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post("/review")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    assert_eq!(site.send(request).await.0, StatusCode::PAYLOAD_TOO_LARGE);
}
