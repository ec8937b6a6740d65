//! The case folder as a register: every case file under a folder (the
//! folder is the database: no index, no hidden state), each case's status
//! and due date as at a given day, filters, and the share answered in time.
//!
//! A broken case file is listed with its error and never stops the rest.

mod output;
mod summary;
mod timing;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::case::{self, CaseError, Date, SourceFormat};
use crate::law::calendar::Calendar;

pub use output::{csv, days, human};
pub use summary::{Share, Summary};
pub use timing::{Hold, Row, Status};

/// A case file that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Broken {
    /// The file, relative to the folder.
    pub file: String,
    /// The line of the first problem, when known.
    pub line: Option<usize>,
    /// The field path of the first problem (empty for the whole file).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// Every case in a folder, as at one day.
#[derive(Debug, Clone, Serialize)]
pub struct Register {
    /// The day the register describes.
    pub today: Date,
    /// One row per readable case, soonest due first.
    pub cases: Vec<Row>,
    /// Files that are not valid cases.
    pub broken: Vec<Broken>,
}

/// Which rows to keep.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Open cases due within this many working days (overdue ones excluded).
    pub due_within: Option<u32>,
    /// Open cases past their due date.
    pub overdue: bool,
}

impl Filter {
    /// Whether `row` passes; with both filters set, a row passing either does.
    pub fn keeps(&self, row: &Row) -> bool {
        let due_soon = self.due_within.is_some_and(|n| row.days_left.is_some_and(|d| d <= n));
        let overdue = self.overdue && row.is_overdue();
        (self.due_within.is_none() && !self.overdue) || due_soon || overdue
    }
}

/// Reads every case file under `dir` (subfolders included; files named
/// `.yaml`, `.yml`, `.json` or `.toml`; authority profiles that cases name
/// are not cases and are skipped) and works out each case's row as at `today`.
pub fn register(dir: &Path, calendar: &Calendar, today: Date) -> std::io::Result<Register> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    let mut cases = Vec::new();
    let mut broken = Vec::new();
    let mut profiles = BTreeSet::new();
    for path in &files {
        let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        let row = case::load(path).map_err(|e| broken_file(&name, &e)).and_then(|c| {
            if let (Some(profile), Some(parent)) = (&c.profile, path.parent()) {
                profiles.insert(canonical(&parent.join(profile)));
            }
            timing::row(&name, &c, calendar, today).map_err(|e| Broken {
                file: name.clone(),
                line: None,
                field: String::new(),
                message: e.to_string(),
            })
        });
        match row {
            Ok(row) => cases.push(row),
            Err(b) => broken.push((path, b)),
        }
    }
    let mut broken: Vec<Broken> =
        broken.into_iter().filter(|(p, _)| !profiles.contains(&canonical(p))).map(|(_, b)| b).collect();
    broken.extend(duplicate_references(&cases));
    cases.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(Register { today, cases, broken })
}

/// A reference used by two case files: both cases stay listed (neither
/// deadline may drop out of sight), and the later file is reported, since
/// their letters would be written to the same file names.
fn duplicate_references(rows: &[Row]) -> Vec<Broken> {
    let mut first: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    rows.iter()
        .filter_map(|row| {
            let earlier = *first.entry(row.reference.as_str()).or_insert(row.file.as_str());
            (earlier != row.file).then(|| Broken {
                file: row.file.clone(),
                line: None,
                field: "reference".into(),
                message: format!(
                    "the reference {} is also used by {earlier}: their letters would be written to the same files",
                    row.reference
                ),
            })
        })
        .collect()
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Case files under `dir`, depth first; hidden entries (`.git`) are skipped.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if path.is_dir() {
            collect(&path, out)?;
        } else if SourceFormat::from_path(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

fn broken_file(name: &str, error: &CaseError) -> Broken {
    match error.problems().first() {
        Some(p) => Broken { file: name.to_string(), line: p.line, field: p.path.clone(), message: p.message.clone() },
        None => Broken { file: name.to_string(), line: None, field: String::new(), message: error.to_string() },
    }
}

impl Register {
    /// The register with only the rows `filter` keeps (broken files stay).
    pub fn filtered(mut self, filter: Filter) -> Register {
        self.cases.retain(|r| filter.keeps(r));
        self
    }

    /// The share answered in time, over every case in the register.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.cases)
    }
}
