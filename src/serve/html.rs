//! The page frame every screen shares, and HTML escaping.
//!
//! GOV.UK Design System conventions are the model: `lang="en-GB"`, a skip
//! link, header / main / footer landmarks, one `h1` per page.

use std::fmt::Write;

/// `s` safe in HTML text and attribute values: the letter's HTML backend's escaping.
pub(crate) use crate::render::html::esc;

/// `s` as a URL path segment sequence (each segment percent-encoded, `/` kept).
pub fn url_path(s: &str) -> String {
    s.split('/')
        .map(|seg| percent_encoding::utf8_percent_encode(seg, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

const SEGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// A whole page: `title` for the tab and the `h1`, `body` inside `<main>`.
pub fn page(title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{t} – foikit</title>\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n\
<script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n\
<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n\
<header class=\"site-header\"><div class=\"width\"><a class=\"brand\" href=\"/\">foikit</a>\n\
<nav aria-label=\"Main\"><ul><li><a href=\"/\">Cases</a></li><li><a href=\"/cases/new\">New case</a></li>\
<li><a href=\"/review\">Challenge a reply</a></li></ul></nav></div></header>\n\
<main id=\"main\" class=\"width\" tabindex=\"-1\">\n<h1>{t}</h1>\n{body}</main>\n\
<footer class=\"site-footer\"><div class=\"width\">The case folder is the database: every change is a change to a case file.</div></footer>\n\
</body>\n</html>\n",
        t = esc(title),
    );
    out
}
