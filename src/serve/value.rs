//! A case as a JSON value, addressed by the form's dotted paths
//! (`response.items.0.asked`): the form edits the value, never a typed
//! [`Case`](crate::case::Case), so fields the form does not show (and
//! anything a newer foikit adds) survive a save untouched.

use serde_json::{Map, Value};

/// One step of a path: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A key of a mapping.
    Key(String),
    /// An index into a list.
    Index(usize),
}

/// `a.b.0.c` → segments; an all-digit segment is a list index.
pub fn parse(dotted: &str) -> Vec<Seg> {
    dotted
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| match s.parse::<usize>() {
            Ok(i) if s.bytes().all(|b| b.is_ascii_digit()) => Seg::Index(i),
            _ => Seg::Key(s.to_string()),
        })
        .collect()
}

/// Segments → the form's dotted path.
pub fn dotted(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Key(k) => k.clone(),
            Seg::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The case loader's path for the same field: `a.b[0].c`.
pub fn case_path(dotted: &str) -> String {
    let mut out = String::new();
    for seg in parse(dotted) {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The case loader's `a.b[0].c` → the form's `a.b.0.c`.
pub fn from_case_path(path: &str) -> String {
    path.replace('[', ".").replace(']', "")
}

/// The value at `segs`, if any.
pub fn get<'a>(value: &'a Value, segs: &[Seg]) -> Option<&'a Value> {
    segs.iter().try_fold(value, |v, seg| match seg {
        Seg::Key(k) => v.as_object()?.get(k),
        Seg::Index(i) => v.as_array()?.get(*i),
    })
}

/// Sets the value at `segs`, making mappings and lists on the way (a list
/// grows with empty mappings up to the index). Returns false when the path
/// crosses a scalar, which is left alone.
pub fn set(value: &mut Value, segs: &[Seg], new: Value) -> bool {
    let Some((last, parents)) = segs.split_last() else {
        *value = new;
        return true;
    };
    if value.is_null() {
        *value = Value::Object(Map::new());
    }
    let mut at = value;
    for (n, seg) in parents.iter().enumerate() {
        let next_is_index = matches!(segs[n + 1], Seg::Index(_));
        let empty = || if next_is_index { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        at = match (seg, at) {
            (Seg::Key(k), Value::Object(m)) => m.entry(k.clone()).or_insert_with(empty),
            (Seg::Index(i), Value::Array(a)) => {
                while a.len() <= *i {
                    a.push(empty());
                }
                &mut a[*i]
            }
            _ => return false,
        };
        if at.is_null() {
            *at = empty();
        }
    }
    match (last, at) {
        (Seg::Key(k), Value::Object(m)) => {
            m.insert(k.clone(), new);
            true
        }
        (Seg::Index(i), Value::Array(a)) => {
            while a.len() <= *i {
                a.push(Value::Object(Map::new()));
            }
            a[*i] = new;
            true
        }
        _ => false,
    }
}

/// Removes the key or list element at `segs`.
pub fn remove(value: &mut Value, segs: &[Seg]) {
    let Some((last, parents)) = segs.split_last() else { return };
    let parent = parents.iter().try_fold(value, |v, seg| match seg {
        Seg::Key(k) => v.as_object_mut()?.get_mut(k),
        Seg::Index(i) => v.as_array_mut()?.get_mut(*i),
    });
    match (last, parent) {
        (Seg::Key(k), Some(Value::Object(m))) => {
            m.remove(k);
        }
        (Seg::Index(i), Some(Value::Array(a))) if *i < a.len() => {
            a.remove(*i);
        }
        _ => {}
    }
}

/// A scalar as the text a form shows (`None` for mappings and lists).
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

/// Whether two values say the same thing as a clerk sees it: the same
/// shape, and scalars whose text differs only in line endings or trailing
/// white space (a browser's textarea drops a block scalar's final newline).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w)),
        (Value::Object(_) | Value::Array(_), _) | (_, Value::Object(_) | Value::Array(_)) => false,
        _ => normal(&scalar_text(a).unwrap_or_default()) == normal(&scalar_text(b).unwrap_or_default()),
    }
}

fn normal(s: &str) -> String {
    s.replace("\r\n", "\n").trim_end().to_string()
}

/// How `new` differs from `old`.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// Scalars whose text changed in place: dotted path and new value.
    pub scalars: Vec<(String, Value)>,
    /// Keys or list items added or removed, or a scalar turned into a
    /// mapping: dotted paths, described for the clerk.
    pub structural: Vec<String>,
    /// Keys added to a mapping already in the file: the mapping's dotted
    /// path, the key and its value.
    pub added: Vec<(String, String, Value)>,
    /// Keys removed: dotted paths.
    pub removed: Vec<String>,
    /// Lists that grew or shrank: dotted path and the new list.
    pub resized: Vec<(String, Value)>,
    /// Whether a value changed shape (a scalar became a list or mapping).
    pub reshaped: bool,
}

/// Compares `old` and `new` (see [`Changes`]).
pub fn changes(old: &Value, new: &Value) -> Changes {
    let mut out = Changes::default();
    walk(old, new, &mut Vec::new(), &mut out);
    out
}

fn walk(old: &Value, new: &Value, at: &mut Vec<Seg>, out: &mut Changes) {
    match (old, new) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().filter(|k| !y.contains_key(*k)) {
                let path = dotted(&[at.clone(), vec![Seg::Key(k.clone())]].concat());
                out.structural.push(format!("removes `{path}`"));
                out.removed.push(path);
            }
            for (k, w) in y {
                at.push(Seg::Key(k.clone()));
                match x.get(k) {
                    Some(v) => walk(v, w, at, out),
                    None => {
                        out.structural.push(format!("adds `{}`", dotted(at)));
                        out.added.push((dotted(&at[..at.len() - 1]), k.clone(), w.clone()));
                    }
                }
                at.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                let verb = if y.len() > x.len() { "adds to" } else { "removes from" };
                out.structural.push(format!("{verb} the list `{}` ({} → {})", dotted(at), x.len(), y.len()));
                out.resized.push((dotted(at), new.clone()));
                return;
            }
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                at.push(Seg::Index(i));
                walk(v, w, at, out);
                at.pop();
            }
        }
        (Value::Object(_) | Value::Array(_), _) | (_, Value::Object(_) | Value::Array(_)) => {
            out.structural.push(format!("changes the shape of `{}`", dotted(at)));
            out.reshaped = true;
        }
        _ if same(old, new) => {}
        _ => out.scalars.push((dotted(at), new.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_convert_both_ways() {
        assert_eq!(case_path("response.items.0.asked"), "response.items[0].asked");
        assert_eq!(from_case_path("exemptions[1].public_interest.for[0]"), "exemptions.1.public_interest.for.0");
        assert_eq!(dotted(&parse("a.2.b")), "a.2.b");
    }

    #[test]
    fn set_builds_lists_and_mappings() {
        let mut v = json!({});
        assert!(set(&mut v, &parse("response.items.1.asked"), json!("x")));
        assert_eq!(v, json!({"response": {"items": [{}, {"asked": "x"}]}}));
        assert!(!set(&mut json!({"a": "s"}), &parse("a.b"), json!(1)));
        remove(&mut v, &parse("response.items.0"));
        assert_eq!(get(&v, &parse("response.items.0.asked")), Some(&json!("x")));
    }

    #[test]
    fn changes_separate_scalars_from_structure() {
        let old = json!({"a": "x\n", "b": ["1", "2"], "c": {"d": 1}});
        let new = json!({"a": "x", "b": ["1", "3"], "c": {"d": 2}});
        let c = changes(&old, &new);
        assert_eq!(c.scalars, vec![("b.1".to_string(), json!("3")), ("c.d".to_string(), json!(2))]);
        assert!(c.structural.is_empty());
        let c = changes(&old, &json!({"a": "x", "b": ["1"]}));
        assert_eq!(c.structural.len(), 2, "{c:?}");
    }
}
