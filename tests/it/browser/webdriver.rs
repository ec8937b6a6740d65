//! A small synchronous W3C WebDriver client over plain HTTP on localhost.
//!
//! Why not a WebDriver crate: the one suggested (fantoccini) brings tokio,
//! hyper, a second `http` and a second ICU stack (126 crates) into the test
//! build on a shared 2-core machine, for a dozen JSON calls to chromedriver on
//! 127.0.0.1. The protocol is JSON over HTTP/1.1; this speaks just the
//! commands the browser tests use, with std's `TcpStream` and serde_json.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

/// The key in a WebDriver element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The Tab key, as WebDriver codes it.
pub const TAB: &str = "\u{E004}";

/// The Backspace key, as WebDriver codes it.
pub const BACKSPACE: &str = "\u{E003}";

/// One HTTP response: status and body.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

/// One HTTP/1.1 exchange on `127.0.0.1:port`, `Connection: close`.
pub fn http(port: u16, method: &str, path: &str, body: Option<&[u8]>) -> std::io::Result<Response> {
    let mut stream = loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let body = body.unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    // chromedriver keeps the connection open whatever the request says, so
    // the body ends where Content-Length (or the last chunk) says.
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{method} {path}: {what}"));
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let split = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = read_some(&mut stream, &mut buf)?;
        if n == 0 {
            return Err(bad("closed before the end of the headers"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| bad("no status"))?;
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.split_once(':').filter(|(n, _)| n.trim() == name).map(|(_, v)| v.trim().to_string()))
    };
    let mut body = raw.split_off(split + 4);
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        while !body.ends_with(b"0\r\n\r\n") {
            let n = read_some(&mut stream, &mut buf)?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
        body = dechunk(&body).ok_or_else(|| bad("bad chunks"))?;
    } else if let Some(len) = header("content-length") {
        let len: usize = len.parse().map_err(|_| bad("bad Content-Length"))?;
        while body.len() < len {
            let n = read_some(&mut stream, &mut buf)?;
            if n == 0 {
                return Err(bad("closed before the end of the body"));
            }
            body.extend_from_slice(&buf[..n]);
        }
        body.truncate(len);
    } else {
        loop {
            let n = read_some(&mut stream, &mut buf)?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
    }
    Ok(Response { status, body })
}

/// One read, retried when a signal interrupts it (EINTR): the test
/// process's children come and go, and their signals must not fail a test.
fn read_some(stream: &mut TcpStream, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match stream.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// The body of a chunked transfer.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line = rest.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&rest[..line]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        rest = &rest[line + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// A WebDriver session on a driver listening on `port`.
pub struct Session {
    port: u16,
    id: String,
}

/// An element of the current page.
#[derive(Clone)]
pub struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl Session {
    /// Starts a session with these capabilities (`alwaysMatch`).
    pub fn new(port: u16, capabilities: Value) -> Result<Self, String> {
        let value =
            command(port, "POST", "/session", Some(json!({ "capabilities": { "alwaysMatch": capabilities } })))?;
        let id = value["sessionId"].as_str().ok_or("no sessionId in the new session")?.to_string();
        Ok(Session { port, id })
    }

    /// Ends the session (the driver closes the browser).
    pub fn quit(&self) -> Result<(), String> {
        command(self.port, "DELETE", &format!("/session/{}", self.id), None).map(drop)
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        command(self.port, method, &path, body).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Opens `url` and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// The address of the current page.
    pub fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap_or_default().to_string()
    }

    /// Sets the window's outer size.
    pub fn resize(&self, width: u32, height: u32) {
        self.call("POST", "/window/rect", Some(json!({ "width": width, "height": height })));
    }

    /// The first element matching a CSS selector, if any.
    pub fn find(&self, css: &str) -> Option<Element<'_>> {
        let path = format!("/session/{}/element", self.id);
        let found = command(self.port, "POST", &path, Some(json!({ "using": "css selector", "value": css })));
        found.ok().map(|v| self.element(&v))
    }

    /// Every element matching a CSS selector.
    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let found = self.call("POST", "/elements", Some(json!({ "using": "css selector", "value": css })));
        found.as_array().into_iter().flatten().map(|v| self.element(v)).collect()
    }

    /// The element matching `css`; panics naming it when there is none.
    pub fn get(&self, css: &str) -> Element<'_> {
        self.find(css).unwrap_or_else(|| panic!("no element `{css}` on {}", self.url()))
    }

    fn element(&self, v: &Value) -> Element<'_> {
        let id = v[ELEMENT].as_str().unwrap_or_else(|| panic!("not an element: {v}")).to_string();
        Element { session: self, id }
    }

    /// The element that has the keyboard focus.
    pub fn active(&self) -> Element<'_> {
        let v = self.call("GET", "/element/active", None);
        self.element(&v)
    }

    /// Presses and releases a key (e.g. [`TAB`]) wherever the focus is.
    pub fn press(&self, key: &str) {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key } ] }] });
        self.call("POST", "/actions", Some(actions));
    }

    /// Runs a script in the page (`arguments` are `args`) and returns its value.
    pub fn script(&self, script: &str, args: Value) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        let b64 = self.call("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap_or_default()).expect("base64 PNG")
    }
}

/// Polls `probe` every 100 ms until it gives a value, and panics naming
/// `what` after 30 s (the machine is shared and may be loaded).
pub fn wait<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let timeout = Duration::from_secs(30);
    let start = Instant::now();
    loop {
        if let Some(v) = probe() {
            return v;
        }
        assert!(start.elapsed() < timeout, "timed out after {timeout:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl Element<'_> {
    /// Reading a node the page's script has just replaced reads nothing
    /// (its text, properties and attributes are gone), so polls go on to
    /// find the new one; acting on one is still an error.
    fn call(&self, method: &str, what: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}/element/{}{what}", self.session.id, self.id);
        match command(self.session.port, method, &path, body) {
            Ok(v) => v,
            Err(e) if method == "GET" && e.contains("stale element reference") => Value::Null,
            Err(e) => panic!("{e}"),
        }
    }

    /// The first element inside it matching a CSS selector, if any.
    pub fn find_in(&self, css: &str) -> Option<Element<'_>> {
        let path = format!("/session/{}/element/{}/element", self.session.id, self.id);
        let found = command(self.session.port, "POST", &path, Some(json!({ "using": "css selector", "value": css })));
        found.ok().map(|v| self.session.element(&v))
    }

    /// Clicks it.
    pub fn click(&self) {
        self.call("POST", "/click", Some(json!({})));
    }

    /// Empties an input or textarea.
    pub fn clear(&self) {
        self.call("POST", "/clear", Some(json!({})));
    }

    /// Types `text` into it, as keystrokes.
    pub fn send_keys(&self, text: &str) {
        self.call("POST", "/value", Some(json!({ "text": text })));
    }

    /// Its tag name, lower case.
    pub fn tag(&self) -> String {
        self.call("GET", "/name", None).as_str().unwrap_or_default().to_ascii_lowercase()
    }

    /// Its rendered text.
    pub fn text(&self) -> String {
        self.call("GET", "/text", None).as_str().unwrap_or_default().to_string()
    }

    /// A DOM property (`value`, `checked`, `id`, …), as a string when it is one.
    pub fn prop(&self, name: &str) -> Option<String> {
        match self.call("GET", &format!("/property/{name}"), None) {
            Value::Null => None,
            Value::String(s) => Some(s),
            other => Some(other.to_string()),
        }
    }

    /// An HTML attribute.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.call("GET", &format!("/attribute/{name}"), None).as_str().map(str::to_string)
    }

    /// Whether it is shown.
    pub fn displayed(&self) -> bool {
        self.call("GET", "/displayed", None).as_bool().unwrap_or(false)
    }

    /// The driver's reference to it: the same node gives the same key.
    pub fn key(&self) -> String {
        self.id.clone()
    }

    /// Its reference as a script argument.
    pub fn arg(&self) -> Value {
        json!({ ELEMENT: self.id })
    }
}

/// Sends one command; a non-2xx answer becomes its WebDriver error message.
fn command(port: u16, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let bytes = body.map(|b| b.to_string().into_bytes());
    let res = http(port, method, path, bytes.as_deref()).map_err(|e| format!("{method} {path}: {e}"))?;
    let value: Value = serde_json::from_slice(&res.body)
        .map_err(|e| format!("{method} {path}: {e}: {}", String::from_utf8_lossy(&res.body)))?;
    let value = value.get("value").cloned().unwrap_or(Value::Null);
    if (200..300).contains(&res.status) {
        Ok(value)
    } else {
        Err(format!("{method} {path}: {} {}: {}", res.status, value["error"], value["message"]))
    }
}
