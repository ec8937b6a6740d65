//! The golden folder: comparing letters with their snapshots, and writing
//! snapshots. Letters are taken one at a time, so a run over thousands of
//! cases holds one letter's renderings at once, not all of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::snapshot::{self, Part};
use super::trace::{self, Sources, Trace};
use super::{Diff, Error, Produced, diff};
use crate::check::Diagnostic;
use crate::doc::Document;
use crate::render::RenderOptions;

/// How a run renders and what it covers.
pub struct Settings {
    /// The options each letter is rendered with: `RenderOptions::for_document`
    /// (SOURCE_DATE_EPOCH, else the letter's date) for the command line.
    pub options: fn(&Document) -> RenderOptions,
    /// Only these letters (`reply`, …) count: snapshots of other letters are
    /// neither compared nor reported stale. `None`: every letter.
    pub letters: Option<Vec<String>>,
    /// A `--templates` folder, so changes can be traced to a template line.
    pub templates: Option<PathBuf>,
}

/// (case id, letter name).
type Key = (String, String);

/// The snapshot files found in a golden folder.
struct Stored {
    dir: PathBuf,
    files: BTreeMap<Key, BTreeMap<Part, PathBuf>>,
}

impl Stored {
    /// Reads the folder's listing; a folder that does not exist has no snapshots.
    fn scan(dir: &Path) -> Result<Stored, Error> {
        let mut files: BTreeMap<Key, BTreeMap<Part, PathBuf>> = BTreeMap::new();
        if dir.exists() {
            scan(dir, dir, &mut files)?;
        }
        Ok(Stored { dir: dir.to_path_buf(), files })
    }

    fn path(&self, key: &Key, part: Part) -> PathBuf {
        let mut path = self.dir.clone();
        path.extend(key.0.split('/'));
        path.join(format!("{}.{}", key.1, part.suffix()))
    }
}

fn scan(root: &Path, dir: &Path, out: &mut BTreeMap<Key, BTreeMap<Part, PathBuf>>) -> Result<(), Error> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            scan(root, &path, out)?;
            continue;
        }
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        let Some((letter, part)) = Part::parse(&name) else { continue };
        let Ok(rel) = path.parent().unwrap_or(root).strip_prefix(root) else { continue };
        let case = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if case.is_empty() {
            continue; // snapshots live in a case's folder; a file at the top is something else
        }
        out.entry((case, letter.to_string())).or_default().insert(part, path.clone());
    }
    Ok(())
}

/// What became of one letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum Status {
    /// Every part is as snapshotted.
    Unchanged,
    /// Some parts differ (a missing part file counts as changed).
    Changed {
        /// The parts that differ, in [`Part::ALL`] order.
        parts: Vec<PartDiff>,
    },
    /// The letter has no snapshot yet.
    New,
}

/// One changed part of a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartDiff {
    /// Which part.
    pub part: Part,
    /// The snapshot file.
    pub snapshot: String,
    /// How it changed.
    #[serde(flatten)]
    pub diff: Diff,
}

/// One letter's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterOutcome {
    /// The case (snapshot folder).
    pub case: String,
    /// The case file.
    pub file: String,
    /// The letter.
    pub letter: String,
    /// Unchanged, changed or new.
    #[serde(flatten)]
    pub status: Status,
    /// Where the change is annotated (changed and new letters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Trace>,
    /// The validator's findings on the letter as rendered now.
    pub findings: Vec<Diagnostic>,
}

/// A snapshot no case produced: its case was deleted or renamed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stale {
    /// The case folder.
    pub case: String,
    /// The letter.
    pub letter: String,
    /// Its files.
    pub files: Vec<String>,
}

/// The result of `check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Every letter, in the order produced (grouped by case).
    pub letters: Vec<LetterOutcome>,
    /// Snapshots without a letter.
    pub stale: Vec<Stale>,
}

impl Outcome {
    /// Letters with each status: (unchanged, changed, new).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |f: fn(&Status) -> bool| self.letters.iter().filter(|l| f(&l.status)).count();
        (
            count(|s| matches!(s, Status::Unchanged)),
            count(|s| matches!(s, Status::Changed { .. })),
            count(|s| matches!(s, Status::New)),
        )
    }

    /// Whether CI should pass: nothing changed, and nothing is new or stale
    /// unless `allow_new`.
    pub fn passed(&self, allow_new: bool) -> bool {
        let (_, changed, new) = self.counts();
        changed == 0 && (allow_new || (new == 0 && self.stale.is_empty()))
    }
}

/// Renders every letter and compares it with its snapshot in `dir`.
pub fn check(
    dir: &Path,
    letters: impl IntoIterator<Item = Result<Produced, Error>>,
    settings: &Settings,
) -> Result<Outcome, Error> {
    let stored = Stored::scan(dir)?;
    let sources = Sources::templates(settings.templates.as_deref())?;
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for produced in letters {
        let p = produced?;
        let key = (p.case.clone(), p.letter.clone());
        if !seen.insert(key.clone()) {
            return Err(Error(format!("error: two letters named {}/{} in one run", key.0, key.1)));
        }
        let trace_for = |d: Option<&Diff>| Some(trace::trace(&p.file, p.source.as_deref(), d, &sources));
        let (status, trace) = match stored.files.get(&key) {
            None => (Status::New, trace_for(None)),
            Some(files) => {
                let snap = snapshot::take(&p.letter, &p.doc, &(settings.options)(&p.doc))?;
                let mut parts = Vec::new();
                for (part, now) in &snap.parts {
                    let path = files.get(part).cloned().unwrap_or_else(|| stored.path(&key, *part));
                    let before = std::fs::read_to_string(&path).unwrap_or_default();
                    let name = path.display().to_string();
                    if let Some(diff) = diff::diff(&before, now, &name, &format!("{name} (rendered now)")) {
                        parts.push(PartDiff { part: *part, snapshot: name, diff });
                    }
                }
                if parts.is_empty() {
                    (Status::Unchanged, None)
                } else {
                    let text = parts.iter().find(|d| d.part == Part::Text).map(|d| &d.diff);
                    let trace = trace_for(text);
                    (Status::Changed { parts }, trace)
                }
            }
        };
        out.push(LetterOutcome { case: p.case, file: p.file, letter: p.letter, status, trace, findings: p.findings });
    }
    let stale = stale(&stored, &seen, settings);
    Ok(Outcome { letters: out, stale })
}

fn stale(stored: &Stored, seen: &BTreeSet<Key>, settings: &Settings) -> Vec<Stale> {
    let in_scope = |letter: &str| settings.letters.as_ref().is_none_or(|l| l.iter().any(|x| x == letter));
    stored
        .files
        .iter()
        .filter(|(key, _)| !seen.contains(*key) && in_scope(&key.1))
        .map(|((case, letter), files)| Stale {
            case: case.clone(),
            letter: letter.clone(),
            files: files.values().map(|p| p.display().to_string()).collect(),
        })
        .collect()
}

/// What `update` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Updated {
    /// Letters whose snapshot was written or rewritten.
    pub written: Vec<String>,
    /// Letters whose snapshot was already right (files left untouched).
    pub unchanged: usize,
    /// Stale snapshots removed.
    pub removed: Vec<Stale>,
    /// Letters the validator finds errors in: (case/letter, error count).
    pub with_errors: Vec<(String, usize)>,
}

/// Writes every letter's snapshot into `dir`, leaving files that are
/// already right untouched, and removes stale snapshot files (only files
/// named like snapshots: anything else in the folder is left alone). Every
/// letter is composed before anything is written, so a case that fails to
/// load or compose leaves the folder as it was.
pub fn update(
    dir: &Path,
    letters: impl IntoIterator<Item = Result<Produced, Error>>,
    settings: &Settings,
) -> Result<Updated, Error> {
    let letters = letters.into_iter().collect::<Result<Vec<_>, _>>()?;
    let stored = Stored::scan(dir)?;
    let mut seen = BTreeSet::new();
    let mut done = Updated::default();
    for p in letters {
        let key = (p.case.clone(), p.letter.clone());
        if !seen.insert(key.clone()) {
            return Err(Error(format!("error: two letters named {}/{} in one run", key.0, key.1)));
        }
        let errors = p.findings.iter().filter(|d| d.severity == crate::check::Severity::Error).count();
        if errors > 0 {
            done.with_errors.push((format!("{}/{}", key.0, key.1), errors));
        }
        let snap = snapshot::take(&p.letter, &p.doc, &(settings.options)(&p.doc))?;
        let mut wrote = false;
        for (part, text) in &snap.parts {
            let path = stored.path(&key, *part);
            if std::fs::read(&path).ok().as_deref() == Some(text.as_bytes()) {
                continue;
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            crate::output::write_atomic(&path, text.as_bytes()).map_err(|e| Error::io(&path, e))?;
            wrote = true;
        }
        // A part this version no longer writes would otherwise linger.
        for (part, path) in stored.files.get(&key).into_iter().flatten() {
            if !snap.parts.iter().any(|(p, _)| p == part) {
                std::fs::remove_file(path).map_err(|e| Error::io(path, e))?;
            }
        }
        if wrote {
            done.written.push(format!("{}/{}", key.0, key.1));
        } else {
            done.unchanged += 1;
        }
    }
    for s in stale(&stored, &seen, settings) {
        for file in &s.files {
            std::fs::remove_file(file).map_err(|e| Error::io(Path::new(file), e))?;
            remove_empty_parents(Path::new(file), dir);
        }
        done.removed.push(s);
    }
    Ok(done)
}

/// Removes the folders of a deleted snapshot up to (not including) `root`
/// while they are empty.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
