//! Maps field paths (`exemptions[1].section`) to lines and columns of the
//! source, and back. serde and validator report paths or positions but not
//! always both; a clerk needs both to find the mistake.

/// A key or list item in the source and where it is (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Field path, e.g. `annexes[0].signatories[3].name`.
    pub path: String,
    /// Line of the key or list dash.
    pub line: usize,
    /// Column of the value when it is on the same line, else of the key.
    pub column: usize,
}

/// The outline of a block-style YAML document: one entry per key and per list item.
pub fn yaml_outline(src: &str) -> Vec<Entry> {
    struct Frame {
        indent: usize,
        path: String,
        is_item: bool,
        items: usize,
    }
    let mut stack: Vec<Frame> = vec![Frame { indent: 0, path: String::new(), is_item: true, items: 0 }];
    let mut out = Vec::new();
    // Lines indented deeper than this belong to the previous scalar.
    let mut scalar_floor: Option<usize> = None;
    for (n, raw) in src.lines().enumerate() {
        let line = n + 1;
        let trimmed = raw.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") && raw.starts_with("---") {
            continue;
        }
        let mut col = raw.len() - trimmed.len();
        if let Some(floor) = scalar_floor {
            if col > floor {
                continue;
            }
            scalar_floor = None;
        }
        let mut rest = trimmed;
        while let Some(after) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
            while stack.len() > 1 && stack.last().is_some_and(|f| f.indent > col || (f.indent == col && f.is_item)) {
                stack.pop();
            }
            let parent = stack.last_mut().expect("root frame is never popped");
            let path = format!("{}[{}]", parent.path, parent.items);
            parent.items += 1;
            let value_col = col + 2 + (after.len() - after.trim_start().len());
            out.push(Entry { path: path.clone(), line, column: value_col + 1 });
            stack.push(Frame { indent: col, path, is_item: true, items: 0 });
            scalar_floor = Some(col);
            col = value_col;
            rest = after.trim_start();
        }
        let Some((key, value)) = split_key(rest) else { continue };
        while stack.len() > 1 && stack.last().is_some_and(|f| f.indent >= col) {
            stack.pop();
        }
        let parent = &stack.last().expect("root frame is never popped").path;
        let path = if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") };
        let value_trim = value.trim_start();
        let value_col = if value_trim.is_empty() || value_trim.starts_with('#') {
            col + 1
        } else {
            col + (rest.len() - value_trim.len()) + 1
        };
        out.push(Entry { path: path.clone(), line, column: value_col });
        scalar_floor = (!value_trim.is_empty() && !value_trim.starts_with('#')).then_some(col);
        stack.push(Frame { indent: col, path, is_item: false, items: 0 });
    }
    out
}

/// Splits `key: value`; `None` if the line is not a mapping entry.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let (key, value) = if let Some(stripped) = s.strip_prefix('"') {
        let end = stripped.find('"')?;
        (&stripped[..end], stripped[end + 1..].strip_prefix(':')?)
    } else {
        let idx = s.find(": ").or_else(|| s.strip_suffix(':').map(|k| k.len()))?;
        (&s[..idx], &s[idx + 1..])
    };
    let simple = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    simple.then_some((key.trim(), value))
}

/// Where `path` is in a YAML source, falling back to its nearest ancestor.
pub fn yaml_position(outline: &[Entry], path: &str) -> Option<(usize, usize)> {
    let mut want = path;
    loop {
        if let Some(e) = outline.iter().find(|e| e.path == want) {
            return Some((e.line, e.column));
        }
        want = &want[..want.rfind(['.', '['])?];
    }
}

/// The path of the entry that starts on `line` (or the closest one above it).
pub fn yaml_path_at(outline: &[Entry], line: usize) -> Option<&str> {
    outline.iter().rev().find(|e| e.line <= line).map(|e| e.path.as_str())
}

/// Best-effort position of `path` in JSON or TOML: each key is searched for
/// after the previous one. Good enough to point at the right line.
pub fn keyed_position(src: &str, path: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for seg in path.split(['.', '[']).filter(|s| !s.is_empty() && !s.ends_with(']')) {
        let pos = find_key(&src[from..], seg)? + from;
        from = pos + seg.len();
        found = Some(pos);
    }
    let pos = found?;
    let line = src[..pos].matches('\n').count() + 1;
    let column = pos - src[..pos].rfind('\n').map_or(0, |i| i + 1) + 1;
    Some((line, column))
}

fn find_key(hay: &str, key: &str) -> Option<usize> {
    let mut start = 0;
    while let Some(i) = hay[start..].find(key) {
        let at = start + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + key.len()..].trim_start_matches(['"', ' ']).chars().next();
        let bounded = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        if bounded && matches!(after, Some(':' | '=' | ']' | '.')) {
            return Some(at);
        }
        start = at + key.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "reference: \"1\"\nrequester:\n  name: Ann\n  address:\n    - 1 Road\n    - Town\nexemptions:\n- section: \"24(1)\"\n  reasons:\n    - because\n      it is\n- section: \"41\"\nrequest:\n  text: |\n    a: b\n    c\n  received: 2017-01-01\n";

    #[test]
    fn outlines_nested_keys_and_items() {
        let o = yaml_outline(SRC);
        let find = |p: &str| o.iter().find(|e| e.path == p).map(|e| (e.line, e.column));
        assert_eq!(find("requester.name"), Some((3, 9)));
        assert_eq!(find("requester.address[1]"), Some((6, 7)));
        assert_eq!(find("exemptions[1].section"), Some((12, 12)));
        assert_eq!(find("exemptions[0].reasons[0]"), Some((10, 7)));
        assert_eq!(find("request.received"), Some((17, 13)));
        assert!(o.iter().all(|e| e.path != "request.a" && e.path != "exemptions[0].reasons[0].it is"));
        assert_eq!(yaml_path_at(&o, 11), Some("exemptions[0].reasons[0]"));
        assert_eq!(yaml_position(&o, "exemptions[1].public_interest.for"), Some((12, 3)));
    }

    #[test]
    fn finds_keys_in_json_and_toml() {
        let json = "{\n  \"requester\": {\n    \"name\": \"\"\n  }\n}";
        assert_eq!(keyed_position(json, "requester.name"), Some((3, 6)));
        let toml = "[requester]\nname = \"\"\n";
        assert_eq!(keyed_position(toml, "requester.name"), Some((2, 1)));
    }
}
