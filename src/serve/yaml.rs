//! Writing a case back as YAML: a whole new file from a value, or the
//! clerk's hand-written file edited in place where only scalars changed,
//! so its comments, key order and quoting survive.
//!
//! Both are checked by the caller by reading the result back: an edit this
//! module cannot make exactly is refused (`None`), never approximated.

use std::fmt::Write;

use serde_json::{Map, Value};

use crate::case::locate;

/// The order keys are written in a new file: the order of the README's
/// table (and `foikit new`'s starters), so a new case reads like an old one.
/// Keys not listed follow in alphabetical order.
const KEY_ORDER: &[&str] = &[
    "reference",
    "regime",
    "profile",
    "kind",
    "label",
    "section",
    "name",
    "called",
    "salutation",
    "unit",
    "asked",
    "decision",
    "ground",
    "activity",
    "authority",
    "requester",
    "request",
    "received",
    "channel",
    "text",
    "acknowledged",
    "clarification",
    "extension",
    "fees",
    "response",
    "date",
    "held",
    "outcome",
    "body",
    "withheld",
    "explanation",
    "items",
    "refusal",
    "exemptions",
    "reasons",
    "public_interest",
    "for",
    "against",
    "conclusion",
    "review",
    "privacy_notice",
    "sign_off",
    "annexes",
    "internal_review",
];

/// Lines longer than this are folded (`>-`) in a new file.
const WIDTH: usize = 76;

/// A whole case file for `value` (a mapping).
pub fn emit(value: &Value) -> String {
    let mut out = String::new();
    if let Value::Object(map) = value {
        mapping(&mut out, map, 0, false);
    }
    out
}

fn ordered(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = map.iter().collect();
    let rank = |k: &str| KEY_ORDER.iter().position(|o| *o == k).unwrap_or(KEY_ORDER.len());
    entries.sort_by(|a, b| (rank(a.0), a.0).cmp(&(rank(b.0), b.0)));
    entries
}

/// Writes `map` at `indent`; with `inline_first`, the first key continues
/// a list dash already written.
fn mapping(out: &mut String, map: &Map<String, Value>, indent: usize, inline_first: bool) {
    for (n, (key, value)) in ordered(map).into_iter().enumerate() {
        if !(n == 0 && inline_first) {
            out.push_str(&" ".repeat(indent));
        }
        let _ = write!(out, "{}:", key_text(key));
        after_key(out, value, indent);
    }
}

fn key_text(key: &str) -> String {
    if plain_ok(key) { key.to_string() } else { quoted(key) }
}

/// The value after `key:` (or `-`), whose own content indents by two.
fn after_key(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(m) if m.is_empty() => out.push_str(" {}\n"),
        Value::Object(m) => {
            out.push('\n');
            mapping(out, m, indent + 2, false);
        }
        Value::Array(a) if a.is_empty() => out.push_str(" []\n"),
        Value::Array(a) => {
            out.push('\n');
            sequence(out, a, indent + 2);
        }
        Value::String(s) => {
            out.push_str(&scalar(s, indent + 2, None));
            out.push('\n');
        }
        other => {
            let _ = writeln!(out, " {}", scalar_text(other));
        }
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match item {
            Value::Object(m) if !m.is_empty() => {
                out.push(' ');
                mapping(out, m, indent + 2, true);
            }
            other => after_key(out, other, indent),
        }
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => quoted(s),
        Value::Null => "null".to_string(),
        other => other.to_string(),
    }
}

/// How a block scalar was written, to keep its style on an edit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Block {
    Literal,
    Folded,
}

/// A string after `key:` (with its leading space): plain or quoted on the
/// line, or a literal or folded block indented by `indent`. `prefer` keeps
/// an edited value's block style.
fn scalar(s: &str, indent: usize, prefer: Option<Block>) -> String {
    let pad = " ".repeat(indent);
    let multiline = s.contains('\n');
    if multiline && literal_ok(s) {
        let body = s.strip_suffix('\n').unwrap_or(s);
        let chomp = if s.ends_with('\n') { "" } else { "-" };
        let lines: Vec<String> =
            body.split('\n').map(|l| if l.is_empty() { String::new() } else { format!("{pad}{l}") }).collect();
        return format!(" |{chomp}\n{}", lines.join("\n"));
    }
    let long = s.len() + indent > WIDTH;
    if !multiline && (prefer == Some(Block::Folded) || (prefer.is_none() && long)) && fold_ok(s) {
        return format!(" >-\n{}", wrap(s, WIDTH.saturating_sub(indent).max(20), &pad));
    }
    if !multiline && prefer == Some(Block::Literal) && literal_ok(s) && !s.is_empty() {
        return format!(" |-\n{pad}{s}");
    }
    if plain_ok(s) { format!(" {s}") } else { format!(" {}", quoted(s)) }
}

/// A YAML double-quoted string (JSON's escapes are YAML's).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Whether `s` reads back as the same string when written plain.
fn plain_ok(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let typed = matches!(lower.as_str(), "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | "y" | "n")
        || s.starts_with(['.', '+'])
        || s.parse::<f64>().is_ok()
        || (s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars().all(|c| c.is_ascii_hexdigit() || "xo.:+-_".contains(c))
            && !is_date(s));
    !s.is_empty()
        && !typed
        && s == s.trim()
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

/// Whether a literal block keeps `s` exactly: no leading space on the first
/// line (it would set the indentation), no other control characters, at
/// most one final newline.
fn literal_ok(s: &str) -> bool {
    !s.starts_with([' ', '\n'])
        && !s.ends_with("\n\n")
        && !s.chars().any(|c| c.is_control() && c != '\n')
        && s.split('\n').all(|l| l == l.trim_end())
}

/// Whether folding at single spaces keeps `s` exactly.
fn fold_ok(s: &str) -> bool {
    !s.is_empty() && s == s.trim() && !s.contains("  ") && !s.chars().any(|c| c.is_control())
}

fn wrap(s: &str, width: usize, pad: &str) -> String {
    let mut lines = vec![String::new()];
    for word in s.split(' ') {
        let line = lines.last_mut().expect("lines starts non-empty");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.iter().map(|l| format!("{pad}{l}")).collect::<Vec<_>>().join("\n")
}

/// `src` with each scalar at a dotted path replaced by its new value,
/// everything else (comments, order, other values' quoting) as it was.
/// `None` when a change cannot be made in place (the value is on its own
/// line below its key, or a quoted string spans lines).
pub fn edit_in_place(src: &str, changes: &[(String, Value)]) -> Option<String> {
    let outline = locate::yaml_outline(src);
    let mut lines: Vec<String> = src.split('\n').map(str::to_string).collect();
    let mut edits = Vec::new();
    for (path, value) in changes {
        let path = super::value::case_path(path);
        let entry = outline.iter().find(|e| e.path == path)?;
        edits.push((entry.line - 1, entry.column - 1, path.ends_with(']'), value));
    }
    // Bottom up, so earlier line numbers stay right.
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (line_no, start, is_item, value) in edits {
        let line = lines.get(line_no)?.clone();
        let head = line.get(..start)?;
        let rest = line.get(start..)?;
        let floor = floor(&line, start + 1, is_item)?;
        let (inline_end, block) = inline_extent(rest)?;
        // Lines that continue the scalar: blank, or indented past its key.
        let mut end = line_no + 1;
        let mut last_content = line_no;
        while end < lines.len() {
            let l = &lines[end];
            let indent = l.len() - l.trim_start_matches(' ').len();
            if l.trim().is_empty() {
                end += 1;
                continue;
            }
            if indent <= floor {
                break;
            }
            last_content = end;
            end += 1;
        }
        if block.is_none() && last_content > line_no {
            return None;
        }
        let content_indent = if last_content > line_no {
            let l = &lines[line_no + 1..=last_content].iter().find(|l| !l.trim().is_empty())?.clone();
            l.len() - l.trim_start_matches(' ').len()
        } else {
            floor + 2
        };
        let text = match value {
            Value::String(s) => {
                let keep_plain = block.is_none() && !rest.starts_with(['"', '\'']) && plain_ok(s);
                let keep_quoted = block.is_none() && !s.contains('\n');
                if keep_plain {
                    format!(" {s}")
                } else if keep_quoted {
                    format!(" {}", quoted(s))
                } else {
                    scalar(s, content_indent, block.or(Some(Block::Literal)))
                }
            }
            Value::Bool(_) | Value::Number(_) if block.is_none() => format!(" {value}"),
            _ => return None,
        };
        let comment = if block.is_none() { &rest[inline_end..] } else { "" };
        let new = format!("{}{}{}", head.trim_end(), text, comment);
        lines.splice(line_no..=last_content, new.split('\n').map(str::to_string));
    }
    Some(lines.join("\n"))
}

/// The indentation of the key on an outline entry's line (after any list
/// dashes), or of the dash for a list item: lines indented deeper belong to it.
fn floor(line: &str, column: usize, is_item: bool) -> Option<usize> {
    let head = line.get(..column.checked_sub(1)?)?;
    if is_item {
        return head.trim_end().len().checked_sub(1);
    }
    if !head.trim_end().ends_with(':') {
        // A key whose value is on the lines below: the column is the key's.
        return Some(head.len());
    }
    let key_end = head.trim_end().len().checked_sub(1)?;
    Some(head[..key_end].rfind(' ').map_or(0, |i| i + 1))
}

/// The lines (0-based, end exclusive) an outline entry spans: its own and
/// every following line indented past `floor`, trailing blank lines left out.
fn span(lines: &[&str], line_no: usize, floor: usize) -> (usize, usize) {
    let mut end = line_no + 1;
    let mut last = line_no;
    while end < lines.len() {
        let l = lines[end];
        if !l.trim().is_empty() {
            if l.len() - l.trim_start_matches(' ').len() <= floor {
                break;
            }
            last = end;
        }
        end += 1;
    }
    (line_no, last + 1)
}

/// `src` without the key at `dotted` (and everything under it). `None` when
/// the key shares its line with a list dash (removing the line would remove
/// the item).
pub fn remove_key(src: &str, dotted: &str) -> Option<String> {
    let path = super::value::case_path(dotted);
    let entry = locate::yaml_outline(src).into_iter().find(|e| e.path == path)?;
    let lines: Vec<&str> = src.split('\n').collect();
    let line = lines.get(entry.line - 1)?;
    let indent = floor(line, entry.column, false)?;
    if line[..indent].contains('-') {
        return None;
    }
    let (from, to) = span(&lines, entry.line - 1, indent);
    Some([&lines[..from], &lines[to..]].concat().join("\n"))
}

/// `src` with the block list at `dotted` written anew as `items`, at its
/// items' indentation; the key's line and everything around the list stay.
/// `None` for a list written inline (`[a, b]`), with no items to line up
/// with, or with comments among its items (they would be lost).
pub fn replace_list(src: &str, dotted: &str, items: &[Value]) -> Option<String> {
    let path = super::value::case_path(dotted);
    let outline = locate::yaml_outline(src);
    let entry = outline.iter().find(|e| e.path == path && !path.ends_with(']'))?;
    let first = outline.iter().find(|e| e.path == format!("{path}[0]"))?;
    let lines: Vec<&str> = src.split('\n').collect();
    let line = lines.get(entry.line - 1)?;
    let key_indent = floor(line, entry.column, false)?;
    let inline = line.get(key_indent..)?.split_once(':')?.1.trim();
    if !(inline.is_empty() || inline.starts_with('#')) || items.is_empty() {
        return None;
    }
    let dash = floor(lines.get(first.line - 1)?, first.column, true)?;
    let (from, to) = span(&lines, entry.line - 1, key_indent);
    if lines[from + 1..to].iter().any(|l| l.trim_start().starts_with('#')) {
        return None;
    }
    let mut list = String::new();
    sequence(&mut list, items, dash);
    let new: Vec<&str> = list.trim_end_matches('\n').split('\n').collect();
    Some([&lines[..=from], &new[..], &lines[to..]].concat().join("\n"))
}

/// `src` with `key: value` added to the mapping at `parent` (dotted; empty
/// for the top level), after the mapping's last line, indented as its other
/// keys are. `None` when the mapping has no key to line up with.
pub fn add_key(src: &str, parent: &str, key: &str, value: &Value) -> Option<String> {
    let mut lines: Vec<String> = src.strip_suffix('\n').unwrap_or(src).split('\n').map(str::to_string).collect();
    let mut entry_text = String::new();
    if parent.is_empty() {
        let _ = write!(entry_text, "{}:", key_text(key));
        after_key(&mut entry_text, value, 0);
        lines.push(entry_text.trim_end_matches('\n').to_string());
        return Some(lines.join("\n") + "\n");
    }
    let outline = locate::yaml_outline(src);
    let parent_path = super::value::case_path(parent);
    let own = outline.iter().find(|e| e.path == parent_path)?;
    let child = outline.iter().find(|e| {
        e.path.strip_prefix(&parent_path).and_then(|r| r.strip_prefix('.')).is_some_and(|k| !k.contains(['.', '[']))
    })?;
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let indent = floor(refs.get(child.line - 1)?, child.column, false)?;
    let parent_floor = floor(refs.get(own.line - 1)?, own.column, parent_path.ends_with(']'))?;
    let (_, end) = span(&refs, own.line - 1, parent_floor);
    let _ = write!(entry_text, "{}{}:", " ".repeat(indent), key_text(key));
    after_key(&mut entry_text, value, indent);
    let new: Vec<String> = entry_text.trim_end_matches('\n').split('\n').map(str::to_string).collect();
    lines.splice(end..end, new);
    Some(lines.join("\n") + "\n")
}

/// Where the scalar starting `rest` ends on its line (before any comment),
/// and its block style if it is a block scalar.
fn inline_extent(rest: &str) -> Option<(usize, Option<Block>)> {
    let bytes = rest.as_bytes();
    match bytes.first()? {
        b'|' => Some((rest.len(), Some(Block::Literal))),
        b'>' => Some((rest.len(), Some(Block::Folded))),
        b'"' => {
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return Some((i + 1, None)),
                    _ => i += 1,
                }
            }
            None
        }
        b'\'' => {
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return Some((i + 1, None));
                }
                i += 1;
            }
            None
        }
        _ => {
            let end = rest.find(" #").unwrap_or(rest.len());
            Some((rest[..end].trim_end().len(), None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(src: &str) -> Value {
        serde_saphyr::from_str(src).unwrap()
    }

    #[test]
    fn emitted_yaml_reads_back_the_same() {
        let v = json!({
            "reference": "43342",
            "requester": {"name": "Mr: Gallagher", "address": ["1 Road", "true"]},
            "request": {"received": "2017-03-27", "text": "Line one\n\nLine  two\n"},
            "exemptions": [{"section": "24(1)", "reasons": ["a ".repeat(60).trim().to_string()]}],
            "response": {"held": true, "outcome": "refusal"},
            "annexes": [],
        });
        let text = emit(&v);
        assert_eq!(read(&text), v, "{text}");
        assert!(text.starts_with("reference: \"43342\"\n"), "{text}");
        assert!(text.contains("  received: 2017-03-27\n"), "{text}");
    }

    #[test]
    fn scalar_edits_keep_comments_and_quoting() {
        let src = "# a case\nreference: \"1\" # ours\nrequester:\n  name: Ann   # who\n  address:\n    - 1 Road\nrequest:\n  text: >-\n    old text\n    folded\n  received: 2017-01-01\n";
        let changes = vec![
            ("reference".to_string(), json!("2")),
            ("requester.name".to_string(), json!("Bo: Smith")),
            ("requester.address.0".to_string(), json!("2 Road")),
            ("request.text".to_string(), json!("new text")),
        ];
        let out = edit_in_place(src, &changes).unwrap();
        assert!(out.starts_with("# a case\nreference: \"2\" # ours\n"), "{out}");
        assert!(out.contains("  name: \"Bo: Smith\"   # who\n"), "{out}");
        assert!(out.contains("    - 2 Road\n"), "{out}");
        assert!(out.contains("  text: >-\n    new text\n  received: 2017-01-01\n"), "{out}");
        let v = read(&out);
        assert_eq!(v["request"]["text"], "new text");
        assert_eq!(v["requester"]["name"], "Bo: Smith");
    }

    #[test]
    fn keys_are_added_and_removed_where_they_belong() {
        let src = "# top\nrequester:\n  name: Ann # who\n  address:\n    - 1 Road\n\nexemptions:\n  - section: \"41\"\n    reasons:\n      - x\nsign_off:\n  team: T\n";
        let out = add_key(src, "requester", "email", &json!("a@b.c")).unwrap();
        assert!(out.contains("    - 1 Road\n  email: a@b.c\n\nexemptions:"), "{out}");
        let out = add_key(&out, "exemptions.0", "public_interest", &json!({"for": ["why"]})).unwrap();
        assert!(out.contains("      - x\n    public_interest:\n      for:\n        - why\nsign_off:"), "{out}");
        let out = remove_key(&out, "requester.address").unwrap();
        assert!(out.contains("  name: Ann # who\n  email: a@b.c\n"), "{out}");
        assert!(remove_key(&out, "exemptions.0.section").is_none(), "the key on the dash line stays");
        let out = add_key(&out, "", "privacy_notice", &json!("https://example.org/p")).unwrap();
        assert!(out.ends_with("  team: T\nprivacy_notice: https://example.org/p\n"), "{out}");
        assert_eq!(read(&out)["exemptions"][0]["public_interest"]["for"][0], "why");
    }

    #[test]
    fn a_list_grows_where_it_is() {
        let src = "a:\n  address: # where\n    - 1 Road\n    - Town\n  name: x\n";
        let out = replace_list(src, "a.address", &[json!("1 Road"), json!("Town"), json!("AB1 2CD")]).unwrap();
        assert_eq!(out, "a:\n  address: # where\n    - 1 Road\n    - Town\n    - AB1 2CD\n  name: x\n");
        assert!(replace_list("a: [x]\n", "a", &[json!("y")]).is_none());
        assert!(replace_list("a:\n  # note\n  - x\n", "a", &[json!("y")]).is_none());
    }

    #[test]
    fn a_multiline_edit_becomes_a_literal_block() {
        let src = "request:\n  text: one line\n  received: 2017-01-01\n";
        let out = edit_in_place(src, &[("request.text".to_string(), json!("a\nb\n"))]).unwrap();
        assert_eq!(read(&out)["request"]["text"], "a\nb\n", "{out}");
    }
}
