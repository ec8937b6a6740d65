//! What the tests do on a page of the app: fill the case form by case
//! path, wait for downloads, sweep a page for accessibility, walk it by
//! keyboard, and take screenshots.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::webdriver::{Session, TAB, wait};
use crate::support::root;

/// The form's entries for a case file: each field's dotted case path and
/// the text a clerk types (lists of strings one per paragraph, a blank line
/// between), keys in alphabetical order and list elements in order.
pub fn form_entries(case: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(case).unwrap();
    let value: Value = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", case.display()));
    let mut out = Vec::new();
    flatten("", &value, &mut out);
    out
}

fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    let join = |key: &str| if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| flatten(&join(k), v, out)),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let lines: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            out.push((prefix.to_string(), lines.join("\n\n")));
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| flatten(&join(&i.to_string()), v, out)),
        Value::String(s) => out.push((prefix.to_string(), s.trim_end().to_string())),
        Value::Bool(b) => out.push((prefix.to_string(), b.to_string())),
        Value::Number(n) => out.push((prefix.to_string(), n.to_string())),
        Value::Null => {}
    }
}

/// Fills the form's field for the case path `path` (`exemptions.1.section`),
/// first adding the list elements it is in with their "Add" buttons.
pub fn fill(s: &Session, path: &str, text: &str) {
    let segs: Vec<&str> = path.split('.').collect();
    for (i, seg) in segs.iter().enumerate() {
        if !seg.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let item = segs[..=i].join("-");
        if s.find(&format!("#{item}")).is_none() {
            let list = segs[..i].join(".");
            let add = format!("button[name='_action'][value='add:{list}']");
            s.find(&add).unwrap_or_else(|| panic!("no button to add to `{list}` for `{path}`")).click();
            wait(&format!("`{item}` to be added"), || s.find(&format!("#{item}")));
        }
    }
    set(s, &path.replace('.', "-"), text);
}

/// Sets the field with this id: picks the option of a `<select>`, else
/// clears the input and types `text`.
pub fn set(s: &Session, id: &str, text: &str) {
    let field = s.get(&format!("#{id}"));
    match field.tag().as_str() {
        "select" => s
            .find(&format!("#{id} option[value={}]", json!(text)))
            .unwrap_or_else(|| panic!("`#{id}` has no option `{text}`"))
            .click(),
        tag => {
            assert!(tag == "textarea" || !text.contains('\n'), "`#{id}` is a one-line <{tag}> but the text has lines");
            field.clear();
            field.send_keys(text);
        }
    }
}

/// The element's classes.
pub fn classes(e: &super::webdriver::Element) -> Vec<String> {
    e.attr("class").unwrap_or_default().split_whitespace().map(str::to_string).collect()
}

/// The file of this extension Chromium has finished saving in `dir`.
pub fn downloaded(dir: &Path, ext: &str) -> PathBuf {
    wait(&format!("a .{ext} download in {}", dir.display()), || {
        let files: Vec<PathBuf> = std::fs::read_dir(dir).ok()?.filter_map(|e| Some(e.ok()?.path())).collect();
        let partial = files.iter().any(|f| f.extension().is_some_and(|e| e == "crdownload"));
        files.into_iter().find(|f| !partial && f.extension().is_some_and(|e| e == ext))
    })
}

/// Scrolls the element `css` to the top of the window.
pub fn scroll_to(s: &Session, css: &str) {
    s.script("arguments[0].scrollIntoView({ block: 'start' });", json!([s.get(css).arg()]));
}

/// A PNG of the window, written to `target/screenshots/NAME.png` and, when
/// `UPDATE_SCREENSHOTS=1`, to `docs/screenshots/` for the README.
pub fn screenshot(s: &Session, name: &str) {
    // Screenshots show the page as it rests: no focus ring, no caret.
    s.script("if (document.activeElement) document.activeElement.blur();", json!([]));
    let png = s.screenshot();
    let exe = std::env::current_exe().unwrap();
    // target/debug/deps/it-… → target/
    let target = exe.ancestors().nth(3).unwrap().join("screenshots");
    let mut dirs = vec![target];
    if std::env::var("UPDATE_SCREENSHOTS").as_deref() == Ok("1") {
        dirs.push(root().join("docs/screenshots"));
    }
    for dir in dirs {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), &png).unwrap();
    }
}

/// The page's accessibility basics: `lang="en-GB"`, one `<h1>`, a `<main>`
/// landmark, a `<label>` for every input, select and textarea, unique ids,
/// and `aria-describedby` pointing at elements that exist.
pub fn accessible(s: &Session) {
    let problems = s.script(
        r#"
        var out = [];
        if (document.documentElement.lang !== "en-GB") out.push("html lang is '" + document.documentElement.lang + "'");
        var h1 = document.querySelectorAll("h1").length;
        if (h1 !== 1) out.push(h1 + " h1 elements");
        if (!document.querySelector("main")) out.push("no <main> landmark");
        document.querySelectorAll("input, select, textarea").forEach(function (el) {
          if (el.type === "hidden") return;
          var label = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) || el.closest("label");
          if (!label || !label.textContent.trim()) out.push("no label for " + el.tagName.toLowerCase() + " " + (el.id || el.name));
        });
        var seen = {};
        document.querySelectorAll("[id]").forEach(function (el) {
          if (seen[el.id]) out.push("duplicate id " + el.id);
          seen[el.id] = true;
        });
        document.querySelectorAll("[aria-describedby]").forEach(function (el) {
          el.getAttribute("aria-describedby").split(/\s+/).forEach(function (id) {
            if (id && !document.getElementById(id)) out.push(el.id + " is described by missing #" + id);
          });
        });
        return out;
        "#,
        json!([]),
    );
    let problems: Vec<&str> = problems.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(problems.is_empty(), "{}:\n{}", s.url(), problems.join("\n"));
}

/// Whether every field, list and fieldset inside `inner` ends before the
/// element `beside` begins: nothing in the form hides under the preview.
pub fn left_of(s: &Session, inner: &str, beside: &str) {
    let over = s.script(
        r#"
        var edge = document.querySelector(arguments[1]).getBoundingClientRect().left;
        var out = [];
        document.querySelectorAll(arguments[0] + " :is(input, select, textarea, fieldset, .hint)").forEach(function (el) {
          var r = el.getBoundingClientRect();
          if (r.width && r.right > edge) out.push((el.id || el.tagName) + " ends at " + Math.round(r.right) + "px, past " + Math.round(edge) + "px");
        });
        return out;
        "#,
        json!([inner, beside]),
    );
    let over: Vec<&str> = over.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(over.is_empty(), "{}: under `{beside}`:\n{}", s.url(), over.join("\n"));
}

/// Presses Tab from the top of the page until the element `id` has the
/// focus; every stop on the way must be visible. Panics if the focus comes
/// round again without reaching it.
pub fn tab_to(s: &Session, id: &str) {
    s.script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);", json!([]));
    let mut seen = Vec::new();
    let mut stops: Vec<String> = Vec::new();
    loop {
        s.press(TAB);
        let active = s.active();
        let name =
            active.prop("id").filter(|i| !i.is_empty()).or_else(|| active.prop("name")).unwrap_or_else(|| active.tag());
        assert!(active.displayed(), "the focus went to `{name}`, which is not visible (after {})", stops.join(", "));
        if name == id {
            return;
        }
        assert!(
            !seen.contains(&active.key()),
            "the focus came back to `{name}` without reaching `#{id}`: {}",
            stops.join(", ")
        );
        seen.push(active.key());
        stops.push(name);
    }
}
