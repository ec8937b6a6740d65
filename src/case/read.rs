//! Reading a case file: text → [`Case`], or every problem with its position.

use std::path::Path;

use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use super::error::{CaseError, Problem, with_hint};
use super::{Case, checks, locate};

/// The serialisation a case file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// YAML (`.yaml`, `.yml`): the recommended format, with comments.
    Yaml,
    /// JSON (`.json`).
    Json,
    /// TOML (`.toml`).
    Toml,
}

impl SourceFormat {
    /// The format a file name's extension implies.
    pub fn from_path(path: &Path) -> Option<SourceFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(SourceFormat::Yaml),
            "json" => Some(SourceFormat::Json),
            "toml" => Some(SourceFormat::Toml),
            _ => None,
        }
    }
}

/// Reads and validates the case file at `path` (with its `profile`, if it
/// names one, relative to the case file's folder).
pub fn load(path: &Path) -> Result<Case, CaseError> {
    load_with_source(path).map(|(case, _)| case)
}

/// [`load`], also giving the case file's text as read (for the validator,
/// which locates findings in it).
pub fn load_with_source(path: &Path) -> Result<(Case, String), CaseError> {
    let (source, format) = read_source(path)?;
    let case = parse_masked(&source, format, &path.display().to_string(), path.parent())?;
    Ok((case, source))
}

/// Parses and validates case text; `name` is used in messages, and a
/// `profile` is looked for relative to the working folder.
pub fn parse(source: &str, format: SourceFormat, name: &str) -> Result<Case, CaseError> {
    parse_in(source, format, name, None)
}

/// Parses and validates case text as if it were a file in `dir`: its
/// `profile` and annex files are looked for there (`foikit serve` checks a
/// form's case before it is saved).
pub fn parse_at(source: &str, format: SourceFormat, name: &str, dir: &Path) -> Result<Case, CaseError> {
    parse_in(source, format, name, Some(dir))
}

fn parse_in(source: &str, format: SourceFormat, name: &str, dir: Option<&Path>) -> Result<Case, CaseError> {
    parse_masked(&crate::redact::mask(source), format, name, dir)
}

/// [`parse_in`] of text already masked (as [`read_source`] gives it).
fn parse_masked(source: &str, format: SourceFormat, name: &str, dir: Option<&Path>) -> Result<Case, CaseError> {
    let (mut case, house_dir) = parse_case(source, format, name, dir)?;
    super::annex_file::read(&mut case, source, format, name, dir)?;
    super::house::read(&mut case, source, format, name, house_dir.as_deref().or(dir))?;
    Ok(case)
}

/// The case itself, its profile filled in, and the folder of the profile
/// when the case's `house` block came from it (its files are named
/// relative to the profile).
fn parse_case(
    source: &str,
    format: SourceFormat,
    name: &str,
    dir: Option<&Path>,
) -> Result<(Case, Option<std::path::PathBuf>), CaseError> {
    // Only a case that mentions a profile pays for reading it twice.
    let value = if source.contains("profile") { deserialize::<serde_json::Value>(source, format).ok() } else { None };
    let Some((mut value, profile)) = value.and_then(|v| {
        let rel = v.get("profile")?.as_str()?.to_string();
        Some((v, rel))
    }) else {
        return Ok((parse_masked_as(source, format, name, checks::cross_field)?, None));
    };
    let path = dir.map_or_else(|| Path::new(&profile).to_path_buf(), |d| d.join(&profile));
    let profile: super::profile::Profile = load_as(&path, super::profile::facts)?;
    let house_dir = (value.get("house").is_none() && profile.house.is_some())
        .then(|| path.parent().map(Path::to_path_buf).unwrap_or_default());
    super::profile::fill(&mut value, &profile);
    let case: Case = serde_json::from_value(value).map_err(|e| CaseError::Invalid {
        file: name.to_string(),
        source: source.to_string(),
        problems: vec![Problem { message: with_hint(&e.to_string()), line: None, column: None, path: String::new() }],
    })?;
    Ok((finish(case, source, format, name, checks::cross_field)?, house_dir))
}

/// Reads the case file at `path` without validating it as a case: the
/// base of a mail merge, which rows complete.
pub fn load_value(path: &Path) -> Result<serde_json::Value, CaseError> {
    let (source, format) = read_source(path)?;
    deserialize::<serde_json::Value>(&source, format)
        .map_err(|e| unreadable(&source, format, &path.display().to_string(), e))
}

/// Reads any foikit input file (a case, a requester file) at `path`:
/// YAML, JSON or TOML by extension, checked by its `validator` rules and
/// by `facts` (cross-field checks returning field path and message).
pub fn load_as<T: DeserializeOwned + Validate>(
    path: &Path,
    facts: fn(&T) -> Vec<(String, String)>,
) -> Result<T, CaseError> {
    let (source, format) = read_source(path)?;
    parse_masked_as(&source, format, &path.display().to_string(), facts)
}

/// The text of the input file at `path` and its format: at most
/// [`CASE_FILE_BYTES`](crate::limits::CASE_FILE_BYTES), UTF-8, without a
/// byte order mark (invisible in editors; parsers must not see it), with
/// redactions masked ([`crate::redact::mask`]).
fn read_source(path: &Path) -> Result<(String, SourceFormat), CaseError> {
    let format = SourceFormat::from_path(path).ok_or_else(|| CaseError::UnknownFormat { file: path.to_path_buf() })?;
    let io = |message: String| CaseError::Io { file: path.to_path_buf(), message };
    let bytes = crate::limits::read_file(path, crate::limits::CASE_FILE_BYTES).map_err(|e| io(e.to_string()))?;
    let mut source = String::from_utf8(bytes).map_err(|e| {
        io(format!("is not UTF-8 text (invalid bytes at offset {}); save it as UTF-8", e.utf8_error().valid_up_to()))
    })?;
    if source.starts_with('\u{feff}') {
        source.drain(..'\u{feff}'.len_utf8());
    }
    Ok((crate::redact::mask(&source), format))
}

/// Parses and validates the text of any foikit input file.
pub fn parse_as<T: DeserializeOwned + Validate>(
    source: &str,
    format: SourceFormat,
    name: &str,
    facts: fn(&T) -> Vec<(String, String)>,
) -> Result<T, CaseError> {
    // Withheld text is masked before anything can hold or echo it.
    parse_masked_as(&crate::redact::mask(source), format, name, facts)
}

/// [`parse_as`] of text already masked.
fn parse_masked_as<T: DeserializeOwned + Validate>(
    source: &str,
    format: SourceFormat,
    name: &str,
    facts: fn(&T) -> Vec<(String, String)>,
) -> Result<T, CaseError> {
    let value: T = deserialize(source, format).map_err(|e| unreadable(source, format, name, e))?;
    finish(value, source, format, name, facts)
}

/// A file the deserializer refused, with the field at the error's line.
fn unreadable(source: &str, format: SourceFormat, name: &str, (message, at): Located) -> CaseError {
    let path = match (format, at) {
        (SourceFormat::Yaml, Some((line, _))) => {
            locate::yaml_path_at(&locate::yaml_outline(source), line).unwrap_or("").to_string()
        }
        _ => String::new(),
    };
    // `requester: {}` lacks its fields itself, not beside it.
    let empty = at.and_then(|(line, _)| source.lines().nth(line - 1)).is_some_and(|l| l.trim_end().ends_with("{}"));
    let path = refine_path(&path, &message, empty);
    let problem = Problem { message: with_hint(&message), line: at.map(|a| a.0), column: at.map(|a| a.1), path };
    CaseError::Invalid { file: name.to_string(), source: source.to_string(), problems: vec![problem] }
}

/// Validates a deserialised file: field rules and `facts`, each problem
/// placed at its field's line in `source`.
fn finish<T: Validate>(
    value: T,
    source: &str,
    format: SourceFormat,
    name: &str,
    facts: fn(&T) -> Vec<(String, String)>,
) -> Result<T, CaseError> {
    let invalid =
        |problems: Vec<Problem>| CaseError::Invalid { file: name.to_string(), source: source.to_string(), problems };
    let mut found = Vec::new();
    if let Err(errors) = value.validate() {
        flatten(&errors, "", &mut found);
    }
    found.extend(facts(&value));
    if found.is_empty() {
        return Ok(value);
    }
    // Only a file with problems pays for mapping its fields to lines.
    let outline = if format == SourceFormat::Yaml { locate::yaml_outline(source) } else { Vec::new() };
    let position = |path: &str| match format {
        SourceFormat::Yaml => locate::yaml_position(&outline, path),
        _ => locate::keyed_position(source, path),
    };
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|(path, message)| {
            let at = position(&path);
            Problem { path, message, line: at.map(|a| a.0), column: at.map(|a| a.1) }
        })
        .collect();
    // validator keeps errors in a HashMap: sort so the report is stable.
    problems.sort_by(|a, b| (a.line, a.column, &a.path, &a.message).cmp(&(b.line, b.column, &b.path, &b.message)));
    problems.dedup();
    Err(invalid(problems))
}

/// An unknown field error is located at the offending key, whose own path
/// the outline already holds. A missing field is located at the last key of
/// the mapping that lacks it: its path is that key's parent plus the field
/// serde names in the message; or, when that key's value is the `empty`
/// mapping `{}`, the key itself plus the field.
fn refine_path(path: &str, message: &str, empty: bool) -> String {
    match message.split('`').nth(1) {
        Some(field) if message.starts_with("missing field") => {
            let parent = if empty { path } else { path.rfind(['.', '[']).map_or("", |i| &path[..i]) };
            if parent.is_empty() { field.to_string() } else { format!("{parent}.{field}") }
        }
        _ => path.to_string(),
    }
}

type Located = (String, Option<(usize, usize)>);

fn deserialize<T: DeserializeOwned>(source: &str, format: SourceFormat) -> Result<T, Located> {
    match format {
        SourceFormat::Yaml => serde_saphyr::from_str::<T>(source).map_err(|e| {
            let at = e.location().map(|l| (l.line() as usize, l.column() as usize)).filter(|(l, _)| *l > 0);
            (bare_yaml_message(&e), at)
        }),
        SourceFormat::Json => serde_json::from_str::<T>(source).map_err(|e| {
            let text = e.to_string();
            let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_string();
            (message, (e.line() > 0).then(|| (e.line(), e.column())))
        }),
        SourceFormat::Toml => toml::from_str::<T>(source).map_err(|e| {
            let at = e.span().map(|s| {
                let line = source[..s.start].matches('\n').count() + 1;
                let col = s.start - source[..s.start].rfind('\n').map_or(0, |i| i + 1) + 1;
                (line, col)
            });
            (e.message().to_string(), at)
        }),
    }
}

/// serde-saphyr's message without its own location suffix and snippet (we
/// render our own, in the same style for every format).
fn bare_yaml_message(e: &serde_saphyr::Error) -> String {
    if let Some(message) = budget_message(e) {
        return message;
    }
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") => rest,
        _ => first,
    };
    first.rsplit_once(" at line ").map_or(first, |(m, _)| m).to_string()
}

/// A breach of the YAML reader's budget (an alias bomb, a flood of nodes,
/// deep nesting) in words, rather than serde-saphyr's debug form
/// (`budget breached: Nodes { nodes: 250001 }`).
fn budget_message(e: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach as B;
    let mut e = e;
    while let serde_saphyr::Error::AliasError { error, .. } | serde_saphyr::Error::WithSnippet { error, .. } = e {
        e = error;
    }
    let serde_saphyr::Error::Budget { breach, .. } = e else { return None };
    let bomb =
        "; aliases (`*name`) repeat what their anchor (`&name`) holds, so a few lines can expand to millions of values";
    let (what, hint) = match breach {
        B::Aliases { aliases } => (format!("{aliases} aliases (`*name`)"), ""),
        B::Anchors { anchors } => (format!("{anchors} anchors (`&name`)"), ""),
        B::Nodes { nodes } => (format!("{nodes} values"), bomb),
        B::Events { events } => (format!("{events} YAML events"), bomb),
        B::ScalarBytes { total_scalar_bytes } => (format!("{total_scalar_bytes} bytes of text"), bomb),
        B::Depth { depth } => (format!("{depth} levels of nesting"), ""),
        B::Documents { documents } => (format!("{documents} documents (`---`)"), ""),
        B::MergeKeys { merge_keys } => (format!("{merge_keys} merge keys (`<<`)"), ""),
        _ => return Some("the file expands to more than the YAML reader allows".into()),
    };
    Some(format!("the file expands to {what}, over the YAML reader's limit{hint}"))
}

fn flatten(errors: &ValidationErrors, prefix: &str, out: &mut Vec<(String, String)>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message =
                        e.message.as_deref().map_or_else(|| format!("is invalid ({})", e.code), str::to_string);
                    out.push((path.clone(), message));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    flatten(inner, &format!("{path}[{i}]"), out);
                }
            }
        }
    }
}

/// Where `c` first occurs in a case file's text: its line and column
/// (1-based, the column counted in characters), and in YAML the path of
/// the field whose value holds it. For an error the document cannot place
/// (a character no font can print) in the file the clerk must edit.
pub fn find_char(source: &str, format: SourceFormat, c: char) -> Option<(usize, usize, Option<String>)> {
    let at = source.find(c)?;
    let line = source[..at].matches('\n').count() + 1;
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..at].chars().count() + 1;
    let field = match format {
        SourceFormat::Yaml => locate::yaml_path_at(&locate::yaml_outline(source), line).map(str::to_string),
        _ => None,
    };
    Some((line, column, field))
}

/// Where the field at `path` (e.g. `exemptions[1].section`) is in a case
/// file's text: its line and column, or its nearest ancestor's.
pub fn position(source: &str, format: SourceFormat, path: &str) -> Option<(usize, usize)> {
    match format {
        SourceFormat::Yaml => locate::yaml_position(&locate::yaml_outline(source), path),
        _ => locate::keyed_position(source, path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_is_found_by_line_column_and_field() {
        let yaml = "reference: X\nrequester:\n  name: Zoë 🦀 Smith\n";
        assert_eq!(find_char(yaml, SourceFormat::Yaml, '🦀'), Some((3, 13, Some("requester.name".to_string()))));
        let json = "{\n  \"requester\": {\"name\": \"🦀\"}\n}";
        assert_eq!(find_char(json, SourceFormat::Json, '🦀'), Some((2, 26, None)));
        assert_eq!(find_char(json, SourceFormat::Json, '📨'), None, "not in the file");
    }
}
