//! Which letters a golden run covers: case files found from the command
//! line's files, folders and globs, and the letters each case produces.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Error;
use crate::case::{Case, SourceFormat};
use crate::check::{self, Diagnostic, LetterKind};
use crate::compose::Composer;
use crate::doc::Document;

/// A case file and the name its snapshots go under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFile {
    /// `GOLDEN/<id>/…`: the path below the folder given, without extension,
    /// or the file stem for a file given by name.
    pub id: String,
    /// Where the case file is.
    pub path: PathBuf,
}

/// Finds the case files that `args` name: files as given; folders searched
/// recursively for `.yaml`, `.yml`, `.json` and `.toml` files; and glob
/// patterns (`*`, `?`, `**`) for shells or CI steps that pass them quoted.
/// Two cases that would share a snapshot folder are an error.
pub fn discover(args: &[PathBuf]) -> Result<Vec<CaseFile>, Error> {
    let mut found: Vec<CaseFile> = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut files = Vec::new();
            walk(arg, &mut files)?;
            found.extend(files.into_iter().map(|path| CaseFile { id: id_below(arg, &path), path }));
        } else if arg.is_file() {
            let stem = arg.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            found.push(CaseFile { id: stem, path: arg.clone() });
        } else if arg.to_string_lossy().contains(['*', '?']) {
            let matches = glob(arg)?;
            if matches.is_empty() {
                return Err(Error(format!("error: no case file matches {}", arg.display())));
            }
            found.extend(matches);
        } else {
            return Err(Error(format!("error: no such case file or folder: {}", arg.display())));
        }
    }
    let mut by_id: BTreeMap<String, CaseFile> = BTreeMap::new();
    for case in found {
        match by_id.get(&case.id) {
            Some(other) if same_file(&other.path, &case.path) => {}
            Some(other) => {
                return Err(Error(format!(
                    "error: {} and {} would share the snapshot folder `{}`; give their parent folder instead",
                    other.path.display(),
                    case.path.display(),
                    case.id
                )));
            }
            None => {
                by_id.insert(case.id.clone(), case);
            }
        }
    }
    Ok(by_id.into_values().collect())
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Case files under `dir`, in name order (hidden entries skipped).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if SourceFormat::from_path(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// `a/b` for `root/a/b.yaml`, with `/` on every platform.
fn id_below(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path).with_extension("");
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Case files matching a glob pattern; ids are paths below the pattern's
/// fixed leading folders.
fn glob(pattern: &Path) -> Result<Vec<CaseFile>, Error> {
    let text = pattern.to_string_lossy().replace('\\', "/");
    let fixed: Vec<&str> = text.split('/').take_while(|c| !c.contains(['*', '?'])).collect();
    let root = if fixed.is_empty() { PathBuf::from(".") } else { PathBuf::from(fixed.join("/")) };
    let rest = text.split('/').skip(fixed.len()).collect::<Vec<_>>().join("/");
    let mut files = Vec::new();
    if root.is_dir() {
        walk(&root, &mut files)?;
    }
    Ok(files
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&root).unwrap_or(p).to_string_lossy().replace('\\', "/");
            matches(rest.as_bytes(), rel.as_bytes())
        })
        .map(|path| CaseFile { id: id_below(&root, &path), path })
        .collect())
}

/// Shell-style matching: `*` any run within a folder name, `**/` any number
/// of folders, `?` one character.
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    match pattern {
        [] => name.is_empty(),
        [b'*', b'*', b'/', rest @ ..] => {
            matches(rest, name) || name.iter().enumerate().any(|(i, &c)| c == b'/' && matches(rest, &name[i + 1..]))
        }
        [b'*', rest @ ..] => {
            (0..=name.len()).take_while(|&i| i == 0 || name[i - 1] != b'/').any(|i| matches(rest, &name[i..]))
        }
        [b'?', rest @ ..] => name.first().is_some_and(|&c| c != b'/') && matches(rest, &name[1..]),
        [c, rest @ ..] => name.first() == Some(c) && matches(rest, &name[1..]),
    }
}

/// The authority's letters a case file produces (`--letter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Which {
    /// The acknowledgement, with the due date.
    Acknowledgement,
    /// A request for clarification (cases with `clarification`).
    Clarification,
    /// A holding notice (cases with `extension`).
    HoldingNotice,
    /// The reply to the request (cases with `response`).
    Reply,
    /// The internal review outcome (cases with `internal_review`).
    ReviewOutcome,
}

impl Which {
    /// Every letter, in the order of a case's life.
    pub const ALL: [Which; 5] =
        [Which::Acknowledgement, Which::Clarification, Which::HoldingNotice, Which::Reply, Which::ReviewOutcome];

    /// The snapshot name: `reply`, `review-outcome`, … (a reply keeps its
    /// name when its kind changes, so the change shows as a diff).
    pub fn slug(self) -> &'static str {
        match self {
            Which::Acknowledgement => "acknowledgement",
            Which::Clarification => "clarification",
            Which::HoldingNotice => "holding-notice",
            Which::Reply => "reply",
            Which::ReviewOutcome => "review-outcome",
        }
    }

    /// The letter of this kind `case` can have, if it has what it needs.
    fn kind(self, case: &Case) -> Option<LetterKind> {
        let kind = match self {
            Which::Acknowledgement => LetterKind::Acknowledgement,
            Which::Clarification => LetterKind::Clarification,
            Which::HoldingNotice => LetterKind::HoldingNotice,
            Which::Reply => case.reply_kind()?,
            Which::ReviewOutcome => LetterKind::ReviewOutcome,
        };
        case.letter_date(kind).is_some().then_some(kind)
    }

    /// Which letter a kind is.
    fn of(kind: LetterKind) -> Which {
        match kind {
            LetterKind::Acknowledgement => Which::Acknowledgement,
            LetterKind::Clarification => Which::Clarification,
            LetterKind::HoldingNotice => Which::HoldingNotice,
            LetterKind::ReviewOutcome => Which::ReviewOutcome,
            _ => Which::Reply,
        }
    }
}

impl std::str::FromStr for Which {
    type Err = String;
    fn from_str(s: &str) -> Result<Which, String> {
        Which::ALL.into_iter().find(|w| w.slug() == s).ok_or_else(|| {
            let all: Vec<&str> = Which::ALL.iter().map(|w| w.slug()).collect();
            format!("unknown letter `{s}` (expected one of {})", all.join(", "))
        })
    }
}

/// One composed letter, checked, ready for its snapshot.
#[derive(Debug, Clone)]
pub struct Produced {
    /// The snapshot folder (the case's id).
    pub case: String,
    /// The file it came from, as reports name it.
    pub file: String,
    /// The snapshot name of the letter: `reply`, `review-outcome`, `complaint`….
    pub letter: String,
    /// The composed letter.
    pub doc: Document,
    /// The validator's findings on it.
    pub findings: Vec<Diagnostic>,
    /// The text of the case file, so a change can be traced to its line.
    pub source: Option<String>,
}

/// The letters of `case` named by `which`, composed and checked; with
/// `which` empty, the letter its stage calls for (the one `foikit render`
/// writes). A letter the case cannot have (a review outcome without a
/// review) is skipped.
pub fn letters(case: &CaseFile, composer: &Composer, which: &[Which]) -> Result<Vec<Produced>, Error> {
    let (parsed, source) = crate::case::load_with_source(&case.path).map_err(|e| Error(e.to_string()))?;
    let file = case.path.display().to_string();
    let format = SourceFormat::from_path(&case.path).unwrap_or(SourceFormat::Yaml);
    let wanted = if which.is_empty() { vec![Which::of(parsed.stage_kind())] } else { which.to_vec() };
    let mut out = Vec::new();
    for w in wanted {
        let Some(kind) = w.kind(&parsed) else { continue };
        let (doc, letter) = crate::pipeline::compose(composer, &parsed, kind, &file, Some((source.clone(), format)))
            .map_err(|e| Error(format!("{e} (composing {file})")))?;
        out.push(Produced {
            case: case.id.clone(),
            file: file.clone(),
            letter: w.slug().to_string(),
            findings: check::check(&letter),
            doc,
            source: Some(source.clone()),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_a_shell() {
        assert!(matches(b"*.yaml", b"a.yaml"));
        assert!(!matches(b"*.yaml", b"sub/a.yaml"));
        assert!(matches(b"**/*.yaml", b"sub/deeper/a.yaml"));
        assert!(matches(b"**/*.yaml", b"a.yaml"));
        assert!(matches(b"ho-?????-*.yaml", b"ho-43342-refusal.yaml"));
        assert!(!matches(b"ho-*.yaml", b"x-43342.yaml"));
    }

    #[test]
    fn ids_are_paths_below_the_folder_given() {
        assert_eq!(id_below(Path::new("cases"), Path::new("cases/police/x.yaml")), "police/x");
        assert_eq!(id_below(Path::new("cases"), Path::new("cases/x.toml")), "x");
    }
}
