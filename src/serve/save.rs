//! Turning a form into the case file's new text, and saving it without
//! ever losing an edit: a file changed on disk since the form opened it is
//! never overwritten unasked, and a change that cannot be made by editing
//! the clerk's text in place is confirmed before the file is rewritten.

use std::path::Path;

use serde_json::Value;

use super::{value, yaml};
use crate::case::SourceFormat;

/// The file text a form stands for.
#[derive(Debug)]
pub struct Draft {
    /// The case file's new text.
    pub text: String,
    /// Changes that rewrite the file rather than edit it in place
    /// (comments and key order are then not kept): empty when the
    /// original's text was edited in place, or nothing changed.
    pub rewrites: Vec<String>,
}

/// The case file's text, `value`, in the file's format, from `original`
/// (the file as read, whose value is `base`) when there is one.
pub fn draft(format: SourceFormat, original: Option<&str>, base: &Value, value: &Value) -> Result<Draft, String> {
    let changes = value::changes(base, value);
    match (format, original) {
        (SourceFormat::Yaml, Some(src)) => {
            if changes.scalars.is_empty() && changes.structural.is_empty() {
                return Ok(Draft { text: src.to_string(), rewrites: Vec::new() });
            }
            match in_place(src, &changes).filter(|t| reads_as(t, value)) {
                Some(text) => Ok(Draft { text, rewrites: Vec::new() }),
                None if changes.structural.is_empty() => Ok(Draft {
                    text: yaml::emit(value),
                    rewrites: changes
                        .scalars
                        .iter()
                        .map(|(p, _)| format!("changes `{p}`, which cannot be edited where it is"))
                        .collect(),
                }),
                None => Ok(Draft { text: yaml::emit(value), rewrites: changes.structural }),
            }
        }
        (SourceFormat::Yaml, None) => Ok(Draft { text: yaml::emit(value), rewrites: Vec::new() }),
        (SourceFormat::Json, _) => {
            let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())? + "\n";
            Ok(Draft { text, rewrites: Vec::new() })
        }
        (SourceFormat::Toml, _) => {
            Err("foikit serve edits YAML and JSON case files; edit TOML ones in a text editor".into())
        }
    }
}

/// The clerk's text with every change made where it is: keys removed, keys
/// added to mappings already there, lists that grew or shrank written
/// anew where they are, scalars replaced. `None` when a value changed shape
/// or an edit cannot be placed.
fn in_place(src: &str, changes: &value::Changes) -> Option<String> {
    if changes.reshaped {
        return None;
    }
    let mut text = src.to_string();
    for (path, items) in &changes.resized {
        text = yaml::replace_list(&text, path, items.as_array()?)?;
    }
    for path in &changes.removed {
        text = yaml::remove_key(&text, path)?;
    }
    for (parent, key, v) in &changes.added {
        text = yaml::add_key(&text, parent, key, v)?;
    }
    if changes.scalars.is_empty() { Some(text) } else { yaml::edit_in_place(&text, &changes.scalars) }
}

/// Whether `text` reads back as `value`.
fn reads_as(text: &str, value: &Value) -> bool {
    serde_saphyr::from_str::<Value>(text).is_ok_and(|v| value::same(&v, value))
}

/// A case file's text as a value (the form's starting point).
pub fn read_value(format: SourceFormat, text: &str) -> Result<Value, String> {
    match format {
        SourceFormat::Yaml => serde_saphyr::from_str::<Value>(text).map_err(|e| e.to_string()),
        SourceFormat::Json => serde_json::from_str::<Value>(text).map_err(|e| e.to_string()),
        SourceFormat::Toml => toml::from_str::<Value>(text).map_err(|e| e.to_string()),
    }
    .map(|v| if v.is_null() { Value::Object(Default::default()) } else { v })
}

/// The file's text and its hash, or `None` when there is no file.
pub fn read_disk(path: &Path) -> Result<Option<(String, String)>, String> {
    match crate::limits::read_file(path, crate::limits::CASE_FILE_BYTES) {
        Ok(bytes) => {
            let hash = super::security::hash(&bytes);
            let text = String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
            Ok(Some((text, hash)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Writes the case file atomically (staged beside it, then renamed: a
/// reader sees the old file or the new one, never half of one).
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    crate::output::write_atomic(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalar_changes_edit_in_place_and_structure_asks_first() {
        let src = "# keep me\nreference: \"1\"\nrequester:\n  name: Ann\n";
        let base = read_value(SourceFormat::Yaml, src).unwrap();
        let renamed = json!({"reference": "1", "requester": {"name": "Bo"}});
        let d = draft(SourceFormat::Yaml, Some(src), &base, &renamed).unwrap();
        assert_eq!(d.text, "# keep me\nreference: \"1\"\nrequester:\n  name: Bo\n");
        assert!(d.rewrites.is_empty());
        let added = json!({"reference": "1", "requester": {"name": "Ann", "email": "a@b.c"}});
        let d = draft(SourceFormat::Yaml, Some(src), &base, &added).unwrap();
        assert!(d.rewrites.is_empty(), "a key added to a mapping goes in place");
        assert_eq!(d.text, "# keep me\nreference: \"1\"\nrequester:\n  name: Ann\n  email: a@b.c\n");
        let listed = json!({"reference": "1", "requester": {"name": "Ann"}, "exemptions": [{"section": "41"}, {"section": "43"}]});
        let base = read_value(SourceFormat::Yaml, &d.text).unwrap();
        let d2 = draft(SourceFormat::Yaml, Some(&d.text), &base, &listed).unwrap();
        assert!(d2.rewrites.is_empty(), "{:?}", d2.rewrites);
        assert!(
            d2.text.starts_with("# keep me\n")
                && d2.text.ends_with("exemptions:\n  - section: \"41\"\n  - section: \"43\"\n"),
            "{}",
            d2.text
        );
        let base = json!({"exemptions": [{"section": "41"}]});
        let d3 = draft(
            SourceFormat::Yaml,
            Some("exemptions:\n  # why\n  - section: \"41\"\n"),
            &base,
            &json!({"exemptions": [{"section": "41"}, {}]}),
        )
        .unwrap();
        assert_eq!(
            d3.rewrites,
            vec!["adds to the list `exemptions` (1 → 2)"],
            "a comment among the items would be lost"
        );
        assert_eq!(read_value(SourceFormat::Yaml, &d3.text).unwrap(), json!({"exemptions": [{"section": "41"}, {}]}));
    }
}
