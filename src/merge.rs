//! Mail merge: one base case and a table of rows, one letter per row.
//!
//! `foikit render base.yaml --merge rows.csv -o out/` writes a letter for
//! every row: the row's fields are set over a copy of the base case, and the
//! result is validated exactly like a case file, so a bad row is reported
//! (`rows.csv:7: field requester.email: is not a valid e-mail address`) and
//! every good row is still written.
//!
//! Rows are read one at a time ([`Rows`] is an iterator) and handed to the
//! batch pipeline a bounded chunk at a time, so memory does not grow with the
//! rows' letters, however long the file.
//!
//! ## CSV
//!
//! The header row names a field of the case in each column, as a dotted
//! path: `reference`, `requester.name`, `requester.address.0`,
//! `request.received`, `response.items.0.asked`. A part made of digits
//! picks an item of a list, counting from 0. A cell is text, except `true`
//! and `false` (yes/no fields such as `response.held`) and a number where
//! the base case has a number. An empty cell leaves the field out, as if
//! neither the base nor the row set it; an item of a list left out closes
//! up, so addresses of two and of four lines share the columns
//! `requester.address.0` … `requester.address.3`.
//!
//! ## JSON Lines
//!
//! Each non-blank line is a JSON object: part of a case, merged over the
//! base. Mappings merge key by key; anything else (text, a list) replaces
//! the base's value; `null` leaves a field out.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::case::{self, Case, CaseError, SourceFormat};
use crate::limits::{CASE_FILE_BYTES, TooLarge};

/// How a rows file is written, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    /// `.csv`: a header row of field paths, then one row per letter.
    Csv,
    /// `.jsonl`, `.ndjson`: one JSON object per line.
    JsonLines,
}

impl RowFormat {
    /// The format a file name's extension implies.
    pub fn from_path(path: &Path) -> Option<RowFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(RowFormat::Csv),
            "jsonl" | "ndjson" => Some(RowFormat::JsonLines),
            _ => None,
        }
    }
}

/// The base case: every field the rows do not set.
#[derive(Debug)]
pub struct Base {
    value: Value,
    /// Its folder, where its profile and annex files are found.
    dir: PathBuf,
}

impl Base {
    /// Reads the base case at `path`. It need not be a whole case on its
    /// own (the rows may supply the requester, say); each row's case is
    /// validated instead.
    pub fn load(path: &Path) -> Result<Base, CaseError> {
        let value = case::load_value(path)?;
        if !value.is_object() {
            return Err(CaseError::Io {
                file: path.to_path_buf(),
                message: "is not a case (a mapping of fields such as `reference`)".into(),
            });
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Ok(Base { value, dir: dir.to_path_buf() })
    }
}

/// One field path of a CSV header, e.g. `requester.address.0`.
#[derive(Debug)]
struct Column {
    name: String,
    path: Vec<Step>,
}

/// One part of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl Column {
    fn parse(name: &str) -> Result<Column, String> {
        let name = name.trim();
        let mut path = Vec::new();
        for part in name.split('.') {
            if part.is_empty() {
                return Err(format!("column `{name}` is not a field path such as `requester.name`"));
            }
            path.push(match part.parse::<usize>() {
                Ok(i) if part.bytes().all(|b| b.is_ascii_digit()) => Step::Index(i),
                _ => Step::Key(part.to_string()),
            });
        }
        if matches!(path.first(), Some(Step::Index(_))) {
            return Err(format!("column `{name}` starts with a number: name a field of the case first"));
        }
        Ok(Column { name: name.to_string(), path })
    }
}

/// What one row sets.
#[derive(Debug)]
enum Fields {
    /// CSV cells, one per column.
    Cells(Arc<[Column]>, Vec<String>),
    /// A JSON Lines object.
    Object(Value),
}

/// One row of a merge: where it is, and the fields it sets over the base.
#[derive(Debug)]
pub struct Row {
    /// `rows.csv:LINE`, for messages.
    pub label: String,
    base: Arc<Base>,
    fields: Fields,
}

impl Row {
    /// The row's case, validated like a case file, with the YAML text it
    /// was read from; or every problem, one per line, each as
    /// `rows.csv:LINE: field PATH: message`.
    pub fn case(&self) -> Result<(Case, String), String> {
        let mut value = self.base.value.clone();
        match &self.fields {
            Fields::Cells(columns, cells) => {
                for (column, cell) in columns.iter().zip(cells) {
                    set(&mut value, &column.path, cell)
                        .map_err(|e| format!("{}: field {}: {e}", self.label, column.name))?;
                }
            }
            Fields::Object(object) => merge(&mut value, object.clone()),
        }
        prune(&mut value);
        let text = to_yaml(&value);
        let case =
            case::parse_at(&text, SourceFormat::Yaml, &self.label, &self.base.dir).map_err(|e| self.explain(e))?;
        Ok((case, text))
    }

    /// A case error as lines naming this row and the field (which is the
    /// column's name when a column set it).
    fn explain(&self, error: CaseError) -> String {
        match error {
            CaseError::Invalid { problems, .. } => problems
                .iter()
                .map(|p| match dotted(&p.path) {
                    path if path.is_empty() => format!("{}: {}", self.label, p.message),
                    path => format!("{}: field {path}: {}", self.label, p.message),
                })
                .collect::<Vec<_>>()
                .join("\nerror: "),
            other => format!("{}: {}", self.label, other.to_string().trim_start_matches("error: ")),
        }
    }
}

/// `exemptions[1].section` as a column would name it: `exemptions.1.section`.
fn dotted(path: &str) -> String {
    path.replace('[', ".").replace(']', "")
}

/// Sets the field at `path` to the cell's value, making the mappings and
/// lists on the way; an empty cell leaves the field out (see [`prune`]).
fn set(value: &mut Value, path: &[Step], cell: &str) -> Result<(), String> {
    let mut here = value;
    for (i, step) in path.iter().enumerate() {
        let next_is_index = matches!(path.get(i + 1), Some(Step::Index(_)));
        let fresh = || if next_is_index { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        let last = i + 1 == path.len();
        here = match step {
            Step::Key(key) => {
                if here.is_null() {
                    *here = Value::Object(Map::new());
                }
                let Value::Object(map) = here else {
                    return Err(format!("`{key}` cannot be set: the field before it is not a mapping"));
                };
                map.entry(key.clone()).or_insert_with(|| if last { Value::Null } else { fresh() })
            }
            Step::Index(index) => {
                if here.is_null() {
                    *here = Value::Array(Vec::new());
                }
                let Value::Array(list) = here else {
                    return Err(format!("item {index} cannot be set: the field before it is not a list"));
                };
                if *index > crate::limits::LIST_ITEMS {
                    return Err(
                        TooLarge::new(format!("item {index}"), crate::limits::LIST_ITEMS as u64, "items").to_string()
                    );
                }
                if list.len() <= *index {
                    list.resize(index + 1, Value::Null);
                }
                &mut list[*index]
            }
        };
    }
    *here = typed(here, cell)?;
    Ok(())
}

/// A cell's value: what the base has there decides a number; `true` and
/// `false` are yes/no; anything else is text.
fn typed(base: &Value, cell: &str) -> Result<Value, String> {
    let trimmed = cell.trim();
    if trimmed.is_empty() {
        return Ok(Value::Null);
    }
    match (base, trimmed) {
        (Value::Number(_), _) => trimmed
            .parse::<serde_json::Number>()
            .map(Value::Number)
            .map_err(|_| format!("`{trimmed}` is not a number, and the base case has a number here")),
        (_, "true") => Ok(Value::Bool(true)),
        (_, "false") => Ok(Value::Bool(false)),
        (Value::Bool(_), _) => Err(format!("`{trimmed}` is not yes/no: write true or false")),
        _ => Ok(Value::String(cell.to_string())),
    }
}

/// Merges a JSON Lines row over the base: mappings key by key, anything
/// else replaced.
fn merge(base: &mut Value, row: Value) {
    match (base, row) {
        (Value::Object(base), Value::Object(row)) => {
            for (key, value) in row {
                merge(base.entry(key).or_insert(Value::Null), value);
            }
        }
        (base, row) => *base = row,
    }
}

/// Leaves out every field set to nothing: `null` in a mapping is dropped,
/// and so is a `null` item of a list (closing the gap).
fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(prune);
        }
        Value::Array(list) => {
            list.retain(|v| !v.is_null());
            list.iter_mut().for_each(prune);
        }
        _ => {}
    }
}

/// The case as block-style YAML, which the case reader locates problems
/// in by field path. Every text is a double-quoted (JSON-escaped) scalar,
/// so no value can be read as anything but text.
fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_block(value, 0, &mut out);
    out
}

fn write_block(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                out.push_str(&pad);
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
                    out.push_str(key);
                } else {
                    out.push_str(&Value::String(key.clone()).to_string());
                }
                out.push(':');
                write_value(v, indent, out);
            }
        }
        Value::Array(list) => {
            for v in list {
                out.push_str(&pad);
                out.push('-');
                write_value(v, indent, out);
            }
        }
        scalar => {
            out.push_str(&pad);
            out.push_str(&scalar.to_string());
            out.push('\n');
        }
    }
}

/// The value after `key:` or `-`: on the same line when it is a scalar or
/// empty, else indented on the lines below.
fn write_value(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_block(value, indent + 2, out);
        }
        Value::Array(l) if !l.is_empty() => {
            out.push('\n');
            write_block(value, indent + 2, out);
        }
        Value::Object(_) => out.push_str(" {}\n"),
        Value::Array(_) => out.push_str(" []\n"),
        scalar => {
            out.push(' ');
            out.push_str(&scalar.to_string());
            out.push('\n');
        }
    }
}

/// A row that could not be read at all (a CSV row with the wrong number of
/// cells, a line that is not JSON), or a rows file that cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// `rows.csv:LINE`, or the file.
    pub label: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.label, self.message)
    }
}

impl std::error::Error for RowError {}

/// The rows of a rows file, read one at a time.
pub struct Rows {
    name: String,
    base: Arc<Base>,
    reader: Reader,
    /// Set when the file cannot be read further.
    finished: bool,
}

enum Reader {
    Csv { reader: csv::Reader<File>, columns: Arc<[Column]>, record: csv::StringRecord },
    JsonLines { lines: BufReader<File>, line: u64 },
}

impl Rows {
    /// Opens the rows file at `path` (CSV or JSON Lines by extension), for
    /// rows merged over `base`. A CSV file's header is read and checked here.
    pub fn open(path: &Path, base: Base) -> Result<Rows, RowError> {
        let name = path.display().to_string();
        let fail = |message: String| RowError { label: name.clone(), message };
        let format = RowFormat::from_path(path)
            .ok_or_else(|| fail("cannot tell the format of the rows: use the extension .csv or .jsonl".into()))?;
        // Looked at before opening: opening a FIFO would wait for a writer forever.
        let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
        if !meta.is_file() {
            return Err(fail("cannot read: not a regular file".into()));
        }
        let file = File::open(path).map_err(|e| fail(format!("cannot read: {e}")))?;
        let reader = match format {
            RowFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(file);
                let headers = reader.headers().map_err(|e| fail(csv_message(&e)))?.clone();
                let mut columns = Vec::with_capacity(headers.len());
                for (i, header) in headers.iter().enumerate() {
                    let column = Column::parse(header.trim_start_matches('\u{feff}')).map_err(|e| RowError {
                        label: format!("{name}:1"),
                        message: format!("column {}: {e}", i + 1),
                    })?;
                    if let Some(twin) = columns.iter().find(|c: &&Column| c.path == column.path) {
                        return Err(RowError {
                            label: format!("{name}:1"),
                            message: format!("columns `{}` and `{}` set the same field", twin.name, column.name),
                        });
                    }
                    columns.push(column);
                }
                Reader::Csv { reader, columns: columns.into(), record: csv::StringRecord::new() }
            }
            RowFormat::JsonLines => Reader::JsonLines { lines: BufReader::new(file), line: 0 },
        };
        Ok(Rows { name, base: Arc::new(base), reader, finished: false })
    }

    fn row(&self, line: u64, fields: Fields) -> Row {
        Row { label: format!("{}:{line}", self.name), base: Arc::clone(&self.base), fields }
    }
}

impl Iterator for Rows {
    type Item = Result<Row, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        match &mut self.reader {
            Reader::Csv { reader, columns, record } => match reader.read_record(record) {
                Ok(false) => None,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| p.line());
                    if record.as_slice().len() as u64 > CASE_FILE_BYTES {
                        let message = TooLarge::new("the row", CASE_FILE_BYTES, "bytes").to_string();
                        return Some(Err(RowError { label: format!("{}:{line}", self.name), message }));
                    }
                    let fields = Fields::Cells(Arc::clone(columns), record.iter().map(str::to_string).collect());
                    Some(Ok(self.row(line, fields)))
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    let label = format!("{}:{line}", self.name);
                    // An I/O error ends the file; a bad row is skipped.
                    self.finished = matches!(e.kind(), csv::ErrorKind::Io(_));
                    Some(Err(RowError { label, message: csv_message(&e) }))
                }
            },
            Reader::JsonLines { lines, line } => loop {
                let mut text = String::new();
                *line += 1;
                let at = format!("{}:{line}", self.name);
                match lines.by_ref().take(CASE_FILE_BYTES + 1).read_line(&mut text) {
                    Ok(0) => return None,
                    Ok(n) if n as u64 > CASE_FILE_BYTES => {
                        self.finished = true;
                        let message = TooLarge::new("the line", CASE_FILE_BYTES, "bytes").to_string();
                        return Some(Err(RowError { label: at, message }));
                    }
                    Ok(_) if text.trim().is_empty() => continue,
                    Ok(_) => {
                        let row = match serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
                            Ok(object @ Value::Object(_)) => Ok(Fields::Object(object)),
                            Ok(_) => Err("is not a JSON object: write one case object per line".to_string()),
                            Err(e) => Err(format!("is not a JSON object: {e}")),
                        };
                        let line = *line;
                        return Some(match row {
                            Ok(fields) => Ok(self.row(line, fields)),
                            Err(message) => Err(RowError { label: at, message }),
                        });
                    }
                    Err(e) => {
                        self.finished = true;
                        return Some(Err(RowError { label: at, message: format!("cannot read: {e}") }));
                    }
                }
            },
        }
    }
}

/// The csv crate's error in our words, without its own position (the
/// label has the line).
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("this row has {len} cells, the header {expected_len}: every row needs one cell per column")
        }
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text; save the file as UTF-8".into(),
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Value {
        serde_json::json!({ "reference": "1", "requester": { "name": "A", "address": ["x"] }, "n": 3, "held": true })
    }

    fn columns(names: &[&str]) -> Vec<Column> {
        names.iter().map(|n| Column::parse(n).unwrap()).collect()
    }

    #[test]
    fn cells_set_fields_by_path() {
        let mut v = base();
        for (c, cell) in columns(&["requester.name", "requester.address.1", "n", "held", "request.received"])
            .iter()
            .zip(["Ms B", "Leeds", "7", "false", "2024-01-02"])
        {
            set(&mut v, &c.path, cell).unwrap();
        }
        assert_eq!(v["requester"]["name"], "Ms B");
        assert_eq!(v["requester"]["address"], serde_json::json!(["x", "Leeds"]));
        assert_eq!((v["n"].clone(), v["held"].clone()), (serde_json::json!(7), serde_json::json!(false)));
        assert_eq!(v["request"]["received"], "2024-01-02");
    }

    #[test]
    fn empty_cells_leave_fields_out_and_lists_close_up() {
        let mut v = base();
        for (c, cell) in columns(&["requester.address.0", "requester.address.2", "reference"]).iter().zip(["", "z", ""])
        {
            set(&mut v, &c.path, cell).unwrap();
        }
        prune(&mut v);
        assert_eq!(v["requester"]["address"], serde_json::json!(["z"]));
        assert!(v.get("reference").is_none());
    }

    #[test]
    fn a_cell_of_the_wrong_type_is_refused() {
        let mut v = base();
        let c = Column::parse("n").unwrap();
        assert!(set(&mut v, &c.path, "seven").unwrap_err().contains("not a number"));
        let c = Column::parse("reference.x").unwrap();
        assert!(set(&mut v, &c.path, "y").unwrap_err().contains("not a mapping"));
        assert!(Column::parse("requester..name").is_err());
        assert!(Column::parse("0.name").is_err());
    }

    #[test]
    fn json_rows_merge_mappings_and_replace_the_rest() {
        let mut v = base();
        merge(&mut v, serde_json::json!({ "requester": { "name": "C", "address": ["q"] }, "held": null }));
        prune(&mut v);
        assert_eq!(v["requester"], serde_json::json!({ "name": "C", "address": ["q"] }));
        assert!(v.get("held").is_none());
    }

    #[test]
    fn yaml_text_reads_back_as_the_same_value() {
        let v = serde_json::json!({
            "a": "line one\nline \"two\": #x",
            "b": [ { "c": 1, "d": [] }, "e" ],
            "f": {}, "g weird": false, "h": [["i"]]
        });
        let text = to_yaml(&v);
        let back: Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(back, v, "{text}");
    }
}
