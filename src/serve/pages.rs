//! The screens: the case list, the case form, the requester's page.

use std::fmt::Write;

use serde_json::Value;

use super::assess::{Assessment, LETTERS};
use super::fields;
use super::html::{esc, page, url_path};
use crate::cases::{self, Register, Row};

/// The list page's query: sorting and filtering, all server-side.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    /// Column to sort by.
    #[serde(default)]
    pub sort: Option<String>,
    /// `desc` for descending.
    #[serde(default)]
    pub dir: Option<String>,
    /// Text to find in the reference, requester or file.
    #[serde(default)]
    pub q: Option<String>,
    /// Only this status (its label).
    #[serde(default)]
    pub status: Option<String>,
    /// Only overdue cases (`1`).
    #[serde(default)]
    pub overdue: Option<String>,
}

const COLUMNS: &[(&str, &str)] = &[
    ("reference", "Reference"),
    ("requester", "Requester"),
    ("regime", "Regime"),
    ("received", "Received"),
    ("due", "Due"),
    ("days", "Days"),
    ("status", "Status"),
    ("outcome", "Outcome"),
];

/// The case list: `foikit cases` as a table.
pub fn list(register: &Register, q: &ListQuery) -> String {
    let mut rows: Vec<&Row> = register.cases.iter().collect();
    let needle = q.q.as_deref().unwrap_or("").trim().to_lowercase();
    rows.retain(|r| {
        (needle.is_empty() || [&r.reference, &r.requester, &r.file].iter().any(|s| s.to_lowercase().contains(&needle)))
            && q.status.as_deref().is_none_or(|s| s.is_empty() || r.status.label() == s)
            && (q.overdue.as_deref() != Some("1") || r.is_overdue())
    });
    let sort = q.sort.as_deref().unwrap_or("");
    let desc = q.dir.as_deref() == Some("desc");
    if COLUMNS.iter().any(|(c, _)| *c == sort) {
        rows.sort_by(|a, b| {
            let o = match sort {
                "reference" => a.reference.cmp(&b.reference),
                "requester" => a.requester.cmp(&b.requester),
                "regime" => a.regime.cmp(b.regime),
                "received" => a.received.cmp(&b.received),
                "due" => a.due.cmp(&b.due),
                "days" => urgency(a).cmp(&urgency(b)),
                "status" => a.status.label().cmp(b.status.label()),
                _ => a.outcome.cmp(&b.outcome),
            };
            if desc { o.reverse() } else { o }
        });
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<p class=\"lede\">As at {}. Every case file under the case folder; overdue cases are highlighted.</p>\n\
<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">\n\
<div class=\"field\"><label for=\"q\">Find</label><div class=\"hint\" id=\"q-hint\">Reference, requester or file.</div>\
<input class=\"input\" type=\"search\" id=\"q\" name=\"q\" aria-describedby=\"q-hint\" value=\"{}\"></div>\n\
<div class=\"field\"><label for=\"status\">Status</label><select class=\"select\" id=\"status\" name=\"status\"><option value=\"\">Any</option>",
        esc(&crate::compose::helpers::format_date(register.today, crate::compose::helpers::DateStyle::Long)),
        esc(&needle)
    );
    for s in ["received", "clarified", "extended", "replied", "review requested", "review replied"] {
        let sel = if q.status.as_deref() == Some(s) { " selected" } else { "" };
        let _ = write!(out, "<option{sel}>{s}</option>");
    }
    let checked = if q.overdue.as_deref() == Some("1") { " checked" } else { "" };
    let _ = write!(
        out,
        "</select></div>\n<div class=\"field checkbox\"><input type=\"checkbox\" id=\"overdue\" name=\"overdue\" value=\"1\"{checked}><label for=\"overdue\">Overdue only</label></div>\n\
<button class=\"button secondary\" type=\"submit\">Filter</button> <a class=\"button\" href=\"/cases/new\">New case</a>\n</form>\n"
    );
    let _ = write!(
        out,
        "<table id=\"cases\" class=\"table\">\n<caption class=\"visually-hidden\">Cases, {} shown</caption>\n<thead><tr>",
        rows.len()
    );
    for (col, label) in COLUMNS {
        let now_desc = sort == *col && !desc;
        let aria =
            if sort == *col { if desc { " aria-sort=\"descending\"" } else { " aria-sort=\"ascending\"" } } else { "" };
        let href = query_string(q, col, now_desc);
        let _ = write!(out, "<th scope=\"col\"{aria}><a href=\"/?{}\">{label}</a></th>", esc(&href));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if rows.is_empty() {
        out.push_str("<tr><td colspan=\"8\">No cases to show.</td></tr>\n");
    }
    for r in &rows {
        let class = if r.is_overdue() { " class=\"overdue\"" } else { "" };
        let _ = writeln!(
            out,
            "<tr{class} data-reference=\"{}\"><th scope=\"row\"><a href=\"/cases/{}\">{}</a></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.reference),
            esc(&url_path(&r.file)),
            esc(&r.reference),
            esc(&r.requester),
            esc(&r.regime.to_ascii_uppercase()),
            r.received.iso(),
            r.due.map_or_else(|| "—".to_string(), |d| d.iso()),
            esc(&cases::days(r)),
            esc(r.status.label()),
            esc(r.outcome.unwrap_or("")),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !register.broken.is_empty() {
        out.push_str("<h2 id=\"broken-title\">Files that are not valid cases</h2>\n<ul id=\"broken\" class=\"broken\" aria-labelledby=\"broken-title\">\n");
        for b in &register.broken {
            let at = match (b.line, b.field.is_empty()) {
                (Some(l), false) => format!(" (line {l}, `{}`)", b.field),
                (Some(l), true) => format!(" (line {l})"),
                (None, false) => format!(" (`{}`)", b.field),
                (None, true) => String::new(),
            };
            let _ = writeln!(
                out,
                "<li data-file=\"{f}\"><a href=\"/cases/{u}\">{f}</a>{}: {}</li>",
                esc(&at),
                esc(&b.message),
                f = esc(&b.file),
                u = esc(&url_path(&b.file)),
            );
        }
        out.push_str("</ul>\n");
    }
    page("Cases", &out)
}

/// Open cases first, the most late first, then the soonest due.
fn urgency(r: &Row) -> (bool, i64) {
    (!r.status.is_open(), r.late_by.map_or(0, |n| -i64::from(n)) + r.days_left.map_or(0, i64::from))
}

fn query_string(q: &ListQuery, sort: &str, desc: bool) -> String {
    let mut pairs = vec![("sort", sort.to_string())];
    if desc {
        pairs.push(("dir", "desc".into()));
    }
    for (k, v) in [("q", &q.q), ("status", &q.status), ("overdue", &q.overdue)] {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            pairs.push((k, v.clone()));
        }
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the form page shows besides the fields.
pub struct FormView<'a> {
    /// The form's action URL.
    pub action: String,
    /// The file name relative to the case folder; `None` for a new case.
    pub file: Option<&'a str>,
    /// For a new case: the file name typed so far.
    pub new_file: &'a str,
    /// The CSRF token.
    pub token: &'a str,
    /// The hash of the file as opened.
    pub hash: &'a str,
    /// The case value the form shows.
    pub value: &'a Value,
    /// The checked state.
    pub assessment: &'a Assessment,
    /// Errors about the save itself (file name taken, write failed).
    pub save_errors: Vec<(String, String)>,
    /// A notice (saved).
    pub notice: Option<&'a str>,
    /// The conflict: the file as it is on disk now, and the text the form would write.
    pub conflict: Option<(&'a str, &'a str)>,
    /// Structural changes to confirm before the file is rewritten.
    pub confirm: &'a [String],
}

/// The case form.
pub fn form(v: &FormView) -> String {
    let a = v.assessment;
    let mut out = String::new();
    if let Some(notice) = v.notice {
        let _ = writeln!(out, "<div class=\"notice\" role=\"status\">{}</div>", esc(notice));
    }
    let _ = write!(
        out,
        "<form id=\"case-form\" method=\"post\" action=\"{}\" novalidate data-check=\"/api/check\">\n\
<button type=\"submit\" name=\"_action\" value=\"check\" class=\"default-action\" tabindex=\"-1\" aria-hidden=\"true\">Check</button>\n\
<input type=\"hidden\" name=\"_csrf\" value=\"{}\">\n<input type=\"hidden\" name=\"_hash\" value=\"{}\">\n<input type=\"hidden\" name=\"_path\" value=\"{}\">\n",
        esc(&v.action),
        esc(v.token),
        esc(v.hash),
        esc(v.file.unwrap_or(""))
    );
    out.push_str(&summary(v));
    if let Some((disk, mine)) = v.conflict {
        let _ = write!(
            out,
            "<section id=\"conflict\" class=\"panel panel--warning\" aria-labelledby=\"conflict-title\">\n\
<h2 id=\"conflict-title\">This case file changed since you opened it</h2>\n\
<p>Someone (or another program) saved <code>{}</code> while you were editing. Nothing was saved. Compare the two versions and choose.</p>\n\
<div class=\"versions\"><div><h3>Yours</h3><pre id=\"conflict-mine\">{}</pre></div><div><h3>On disk now</h3><pre id=\"conflict-disk\">{}</pre></div></div>\n\
<button type=\"submit\" class=\"button warning\" id=\"conflict-keep-mine\" name=\"_action\" value=\"save-confirmed\">Save mine over it</button>\n\
<a class=\"button secondary\" id=\"conflict-use-disk\" href=\"{}\">Discard mine and open the file on disk</a>\n</section>\n",
            esc(v.file.unwrap_or("")),
            esc(mine),
            esc(disk),
            esc(&v.action)
        );
    } else if !v.confirm.is_empty() {
        let _ = write!(
            out,
            "<section id=\"confirm\" class=\"panel panel--warning\" aria-labelledby=\"confirm-title\">\n\
<h2 id=\"confirm-title\">Saving will rewrite the case file</h2>\n\
<p>These changes cannot be made by editing the file's text in place, so foikit will write the file anew: its comments will be lost and its keys put in foikit's order. Nothing has been saved yet.</p>\n<ul>"
        );
        for c in v.confirm {
            let _ = write!(out, "<li>{}</li>", esc(c));
        }
        out.push_str("</ul>\n<button type=\"submit\" class=\"button warning\" id=\"confirm-save\" name=\"_action\" value=\"save-confirmed\">Rewrite and save</button>\n</section>\n");
    }
    out.push_str("<div class=\"layout\">\n<div class=\"form-column\">\n");
    if v.file.is_none() {
        let err = v.save_errors.iter().find(|(f, _)| f == "_file").map(|(_, m)| m.as_str());
        let _ = write!(
            out,
            "<div class=\"field{}\"><label for=\"file\">File name</label><div class=\"hint\" id=\"file-hint\">Where to save the case, inside the case folder; leave blank for the reference followed by .yaml.</div>{}\
<input class=\"input\" type=\"text\" id=\"file\" name=\"_file\" aria-describedby=\"file-hint{}\" value=\"{}\"></div>",
            if err.is_some() { " field--error" } else { "" },
            err.map(|m| format!(
                "<p class=\"error-message\" id=\"file-error\"><span class=\"visually-hidden\">Error:</span> {}</p>",
                esc(m)
            ))
            .unwrap_or_default(),
            if err.is_some() { " file-error" } else { "" },
            esc(v.new_file)
        );
    }
    out.push_str(&fields::render(v.value, &a.marks));
    out.push_str("<div class=\"actions\">\n<button type=\"submit\" class=\"button\" id=\"save\" name=\"_action\" value=\"save\">Save</button>\n<button type=\"submit\" class=\"button secondary\" id=\"check\" name=\"_action\" value=\"check\">Check and preview</button>\n</div>\n");
    out.push_str("</div>\n<aside class=\"preview-column\" aria-labelledby=\"preview-title\">\n");
    out.push_str(&preview_panel(a));
    out.push_str("</aside>\n</div>\n</form>\n");
    let title = match v.file {
        Some(f) => format!("Case {}", v.value.get("reference").and_then(Value::as_str).unwrap_or(f)),
        None => "New case".to_string(),
    };
    page(&title, &out)
}

/// The error summary: every problem, each linking to its field.
pub fn summary(v: &FormView) -> String {
    let a = v.assessment;
    let count = a.marks.errors.values().map(Vec::len).sum::<usize>() + a.general.len() + v.save_errors.len();
    if count == 0 {
        return "<div id=\"error-summary-slot\"></div>\n".to_string();
    }
    let mut out = String::from(
        "<div id=\"error-summary-slot\"><div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">\n<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n",
    );
    for (field, message) in &v.save_errors {
        let target = if field == "_file" { "file".to_string() } else { fields::id(field) };
        let _ = writeln!(out, "<li><a href=\"#{}\">{}</a></li>", esc(&target), esc(message));
    }
    for (path, errors) in &a.marks.errors {
        for e in errors {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}: {}</a></li>",
                esc(&fields::id(path)),
                esc(&fields::describe(path)),
                esc(e)
            );
        }
    }
    for g in &a.general {
        let _ = writeln!(out, "<li>{}</li>", esc(g));
    }
    out.push_str("</ul>\n</div></div>\n");
    out
}

/// The letter chooser, downloads, findings and the preview.
pub fn preview_panel(a: &Assessment) -> String {
    let mut out = String::from("<div id=\"preview-panel\">\n<h2 id=\"preview-title\">Letter</h2>\n");
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"preview-letter\">Letter to preview</label><div class=\"hint\" id=\"preview-letter-hint\">Every letter of the case's life its dates allow.</div><select class=\"select\" id=\"preview-letter\" name=\"_letter\" aria-describedby=\"preview-letter-hint\">"
    );
    let letters: Vec<_> = if a.letters.is_empty() { LETTERS.to_vec() } else { a.letters.clone() };
    for (slug, label) in letters {
        let sel = if a.chosen == Some(slug) { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{slug}\"{sel}>{label}</option>");
    }
    out.push_str("</select></div>\n<div class=\"downloads\">\n<button type=\"submit\" class=\"button secondary\" id=\"download-pdf\" name=\"_action\" value=\"download-pdf\">Download PDF</button>\n<button type=\"submit\" class=\"button secondary\" id=\"download-docx\" name=\"_action\" value=\"download-docx\">Download DOCX</button>\n</div>\n");
    out.push_str("<div id=\"findings\" aria-live=\"polite\">");
    if a.case.is_some() {
        if a.findings.is_empty() {
            out.push_str("<p class=\"ok\">The validator found nothing wrong with this letter.</p>");
        } else {
            let _ = write!(
                out,
                "<h3>The validator found {} point{}</h3>",
                a.findings.len(),
                if a.findings.len() == 1 { "" } else { "s" }
            );
            for d in &a.findings {
                out.push_str(&super::assess::note(d));
            }
        }
    } else {
        out.push_str("<p>Fix the problems listed at the top to see the letter.</p>");
    }
    out.push_str("</div>\n<div id=\"preview\" class=\"preview\" tabindex=\"0\" aria-label=\"Letter preview\">");
    if let Some(doc) = &a.document {
        out.push_str(&crate::render::html::fragment(doc));
    }
    out.push_str("</div>\n</div>\n");
    out
}

/// A small page for a message (errors such as a refused case name).
pub fn message(title: &str, text: &str) -> String {
    page(title, &format!("<p>{}</p>\n<p><a href=\"/\">Back to the cases</a></p>\n", esc(text)))
}

/// What the requester page shows after reading a reply.
pub struct ReviewView<'a> {
    /// The CSRF token.
    pub token: &'a str,
    /// The reply's text as read (shown for pasting again).
    pub text: &'a str,
    /// The requester's name and e-mail.
    pub name: &'a str,
    /// Their e-mail.
    pub email: &'a str,
    /// What the reply was read as, and what `check` found, as HTML.
    pub result: Option<String>,
    /// The drafted review request, as an HTML fragment.
    pub preview: Option<String>,
    /// An error (unreadable file).
    pub error: Option<String>,
}

/// The requester's page: paste or upload a reply, see what `check` found,
/// download the drafted internal review request.
pub fn review(v: &ReviewView) -> String {
    let mut out = String::new();
    out.push_str("<p class=\"lede\">Paste or upload the reply you received (DOCX, PDF, text or HTML). foikit reads it as <code>foikit check</code> does, shows what it recognised and found, and drafts a request for internal review.</p>\n");
    if let Some(e) = &v.error {
        let _ = write!(
            out,
            "<div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><ul><li><a href=\"#reply-file\">{}</a></li></ul></div>",
            esc(e)
        );
    }
    let _ = write!(
        out,
        "<form id=\"review-form\" method=\"post\" action=\"/review\" enctype=\"multipart/form-data\" novalidate>\n\
<input type=\"hidden\" name=\"_csrf\" value=\"{}\">\n\
<div class=\"field\"><label for=\"reply-file\">Upload the reply</label><div class=\"hint\" id=\"reply-file-hint\">A DOCX, PDF, text or HTML file, up to {} MiB.</div>\
<input class=\"file\" type=\"file\" id=\"reply-file\" name=\"reply_file\" accept=\".docx,.pdf,.txt,.html,.htm\" aria-describedby=\"reply-file-hint\"></div>\n\
<div class=\"field\"><label for=\"reply-text\">Or paste its text</label><div class=\"hint\" id=\"reply-text-hint\">Used when no file is uploaded.</div>\
<textarea class=\"textarea\" rows=\"12\" id=\"reply-text\" name=\"reply_text\" aria-describedby=\"reply-text-hint\">\n{}</textarea></div>\n\
<div class=\"field\"><label for=\"requester-name\">Your name</label><div class=\"hint\" id=\"requester-name-hint\">As you sign; leave blank to use the name the reply gives.</div>\
<input class=\"input\" type=\"text\" id=\"requester-name\" name=\"name\" aria-describedby=\"requester-name-hint\" value=\"{}\"></div>\n\
<div class=\"field\"><label for=\"requester-email\">Your email address</label><div class=\"hint\" id=\"requester-email-hint\">Optional.</div>\
<input class=\"input\" type=\"email\" id=\"requester-email\" name=\"email\" aria-describedby=\"requester-email-hint\" value=\"{}\"></div>\n\
<div class=\"actions\"><button type=\"submit\" class=\"button\" id=\"review-check\" name=\"_action\" value=\"check\">Check the reply</button>",
        esc(v.token),
        crate::limits::LETTER_FILE_BYTES / (1024 * 1024),
        esc(v.text),
        esc(v.name),
        esc(v.email)
    );
    if v.preview.is_some() {
        out.push_str(" <button type=\"submit\" class=\"button secondary\" id=\"download-pdf\" name=\"_action\" value=\"download-pdf\">Download PDF</button> <button type=\"submit\" class=\"button secondary\" id=\"download-docx\" name=\"_action\" value=\"download-docx\">Download DOCX</button> <button type=\"submit\" class=\"button secondary\" id=\"download-txt\" name=\"_action\" value=\"download-txt\">Download text</button>");
    }
    out.push_str("</div>\n</form>\n");
    if let Some(r) = &v.result {
        let _ = write!(
            out,
            "<section id=\"review-result\" aria-labelledby=\"review-result-title\"><h2 id=\"review-result-title\">What foikit read</h2>\n{r}</section>\n"
        );
    }
    if let Some(p) = &v.preview {
        let _ = write!(
            out,
            "<section aria-labelledby=\"review-preview-title\"><h2 id=\"review-preview-title\">Your request for internal review</h2>\n<div id=\"preview\" class=\"preview\" tabindex=\"0\">{p}</div></section>\n"
        );
    }
    page("Challenge a reply", &out)
}
