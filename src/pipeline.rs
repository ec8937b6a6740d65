//! The one pipeline every command runs: load → compose → check → render →
//! write. The command line only parses arguments and prints what comes
//! back.
//!
//! Batches are fail-soft: every input is processed on its own (in parallel,
//! on a rayon pool), a bad file is reported with its own error and the rest
//! are still written. Outputs are staged first and renamed into place only
//! once every letter is staged ([`crate::output`]), so a write failure
//! replaces nothing; two cases that would write the same file are both
//! refused before anything is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::case::{self, Case, SourceFormat};
use crate::check::report::Reading;
use crate::check::{self, Diagnostic, Letter, LetterKind, Severity, report};
use crate::compose::Composer;
use crate::doc::Document;
use crate::output::{self, Staged};
use crate::read::LetterFormat;
use crate::render::docx::{ReferenceDoc, ReferenceError};
use crate::render::{self, Format, RenderOptions};

/// Which of the authority's letters to make from each case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseLetter {
    /// The one the case's stage calls for (acknowledgement → clarification
    /// → holding notice → reply → review outcome).
    Stage,
    /// The reply to the request (the case needs `response`).
    Reply,
    /// This kind.
    Kind(LetterKind),
}

impl CaseLetter {
    /// The kind of letter this selects for `case`.
    pub fn kind(self, case: &Case) -> Result<LetterKind, String> {
        match self {
            CaseLetter::Stage => Ok(case.stage_kind()),
            CaseLetter::Reply => {
                case.reply_kind().ok_or_else(|| "the case has no `response` yet: add the decision".into())
            }
            CaseLetter::Kind(kind) => Ok(kind),
        }
    }
}

/// Why one input produced nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    /// The input file.
    pub file: PathBuf,
    /// What went wrong, ready to print (starts with `error`).
    pub message: String,
    /// What kind of failure: decides the exit status.
    pub kind: FailKind,
}

/// Kinds of failure, most serious last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FailKind {
    /// The validator found errors in the letter (exit status 1).
    Refused,
    /// The input is unreadable or invalid (exit status 2).
    BadInput,
    /// An output could not be written (exit status 2).
    Write,
}

impl FailKind {
    /// The process exit status for this failure.
    pub fn exit_status(self) -> u8 {
        match self {
            FailKind::Refused => 1,
            FailKind::BadInput | FailKind::Write => 2,
        }
    }
}

impl Failed {
    fn new(file: &Path, kind: FailKind, error: impl std::fmt::Display) -> Failed {
        Failed { file: file.to_path_buf(), message: error_message(error), kind }
    }
}

/// `error` as a message that starts with `error`, whatever its source
/// wrote: every message foikit prints is prefixed the same way.
pub fn error_message(error: impl std::fmt::Display) -> String {
    let text = error.to_string();
    if text.starts_with("error") { text } else { format!("error: {text}") }
}

/// Composes the chosen letter of `case` and describes it for the
/// validator: the one call into composition.
pub fn compose(
    composer: &Composer,
    case: &Case,
    kind: LetterKind,
    name: &str,
    source: (String, SourceFormat),
) -> Result<(Document, Letter), crate::compose::ComposeError> {
    let doc = composer.compose_letter(case, kind)?;
    let letter = Letter::from_case(name, case, kind, &doc).with_source(source.0, source.1);
    Ok((doc, letter))
}

/// Reads and validates a case file, composes the chosen letter and checks
/// it: the document, its kind and the findings.
pub fn load_and_check(
    composer: &Composer,
    path: &Path,
    which: CaseLetter,
) -> Result<(Document, LetterKind, Vec<Diagnostic>), Failed> {
    let bad = |e: &dyn std::fmt::Display| Failed::new(path, FailKind::BadInput, e);
    let (case, source) = case::load_with_source(path).map_err(|e| bad(&e))?;
    let format = SourceFormat::from_path(path).unwrap_or(SourceFormat::Yaml);
    let name = path.display().to_string();
    let kind = which.kind(&case).map_err(|e| bad(&e))?;
    let (doc, letter) = compose(composer, &case, kind, &name, (source, format)).map_err(|e| bad(&e))?;
    let findings = check::check(&letter);
    Ok((doc, kind, findings))
}

/// Checks one file: a case file is validated, composed and its letter
/// checked; a DOCX, PDF, HTML or text file is read as a letter (as `kind`
/// when given). Returns what the letter was read as, and the findings.
pub fn check_file(
    composer: &Composer,
    path: &Path,
    kind: Option<LetterKind>,
) -> Result<(Reading, Vec<Diagnostic>), Failed> {
    let bad = |e: &dyn std::fmt::Display| Failed::new(path, FailKind::BadInput, e);
    let letter = if SourceFormat::from_path(path).is_some() {
        let (case, source) = case::load_with_source(path).map_err(|e| bad(&e))?;
        let format = SourceFormat::from_path(path).unwrap_or(SourceFormat::Yaml);
        let kind = case.stage_kind();
        compose(composer, &case, kind, &path.display().to_string(), (source, format)).map_err(|e| bad(&e))?.1
    } else {
        read_letter(path, kind)?
    };
    Ok((Reading::of(&letter), check::check(&letter)))
}

/// A letter written elsewhere (DOCX, PDF, HTML, text), read within the
/// input limits, as `kind` when given.
pub fn read_letter(path: &Path, kind: Option<LetterKind>) -> Result<Letter, Failed> {
    let name = path.display().to_string();
    let bad = |e: &dyn std::fmt::Display| Failed::new(path, FailKind::BadInput, e);
    let format = LetterFormat::from_path(path).ok_or_else(|| {
        bad(&format!(
            "cannot tell what {name} is: use .yaml/.json/.toml for case files, .docx/.pdf/.txt/.html for letters"
        ))
    })?;
    let bytes = crate::limits::read_file(path, crate::limits::LETTER_FILE_BYTES)
        .map_err(|e| bad(&format!("cannot read {name}: {e}")))?;
    crate::read::letter(&name, format, &bytes, kind).map_err(|e| bad(&e))
}

/// Whether `path` names a case file.
pub fn is_case_file(path: &Path) -> bool {
    SourceFormat::from_path(path).is_some()
}

/// Whether `path` names a case file or a letter `check` can read.
pub fn is_checkable(path: &Path) -> bool {
    is_case_file(path) || LetterFormat::from_path(path).is_some()
}

/// The input files named by `args`: files as given, folders searched
/// recursively for files `wanted` accepts (symlinked folders are not
/// followed, so a link loop cannot hang the search), and glob patterns
/// expanded. Each input appears once, in the order given; an argument
/// naming nothing is a [`Failed`].
pub fn inputs(args: &[PathBuf], wanted: fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<Failed>) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    for arg in args {
        let missing = std::fs::symlink_metadata(arg).is_err();
        let text = arg.to_string_lossy();
        if missing && text.contains(['*', '?', '[']) {
            match glob::glob(&text) {
                Ok(paths) => {
                    let before = files.len();
                    for path in paths.flatten() {
                        add(&path, wanted, &mut files);
                    }
                    if files.len() == before {
                        failed.push(Failed::new(arg, FailKind::BadInput, format!("{text} matches no input file")));
                    }
                }
                Err(e) => failed.push(Failed::new(arg, FailKind::BadInput, format!("bad pattern {text}: {e}"))),
            }
        } else if arg.is_dir() {
            let before = files.len();
            walk(arg, wanted, &mut files);
            if files.len() == before {
                failed.push(Failed::new(arg, FailKind::BadInput, format!("{} holds no input file", arg.display())));
            }
        } else {
            // A single file is taken as given; reading it reports any problem.
            files.push(arg.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    (files, failed)
}

fn add(path: &Path, wanted: fn(&Path) -> bool, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        walk(path, wanted, files);
    } else if wanted(path) {
        files.push(path.to_path_buf());
    }
}

fn walk(dir: &Path, wanted: fn(&Path) -> bool, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if meta.is_dir() {
            walk(&path, wanted, files);
        } else if meta.is_file() && wanted(&path) {
            files.push(path);
        }
    }
}

/// What a batch render writes and how.
#[derive(Debug, Clone)]
pub struct RenderSettings {
    /// Output folder.
    pub output: PathBuf,
    /// Formats, each written once per letter.
    pub formats: Vec<Format>,
    /// Which letter of each case.
    pub letter: CaseLetter,
    /// Render letters the validator refuses, marked DRAFT.
    pub draft: bool,
    /// Stop at the first failure and write nothing.
    pub fail_fast: bool,
    /// The DOCX house style for every letter (`--reference-doc`), before
    /// any that a case's house style names.
    pub reference_doc: Option<Arc<ReferenceDoc>>,
    /// The PDF body font, replacing any the cases' house style names.
    pub font: Option<crate::doc::BodyFont>,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct BatchReport {
    /// Files written, with their sizes, in input order.
    pub written: Vec<(PathBuf, usize)>,
    /// Validator findings worth showing (warnings, or errors in drafts and
    /// refused letters), per input in input order, as a human report.
    pub findings: Vec<(PathBuf, String)>,
    /// Inputs that produced nothing, in input order.
    pub failed: Vec<Failed>,
    /// Letters rendered (whether or not written).
    pub letters: usize,
    /// Set when nothing was written because writing failed or `fail_fast`
    /// stopped the batch: why, for the summary.
    pub held_back: Option<String>,
}

/// The exit status for a run with these failures: 0, or the most serious one's.
pub fn exit_status(failed: &[Failed]) -> u8 {
    failed.iter().map(|f| f.kind).max().map_or(0, FailKind::exit_status)
}

/// One input's result before writing.
struct Done {
    source: PathBuf,
    findings: Option<String>,
    staged: Vec<Staged>,
}

/// Renders every case in `paths` with `settings`, in parallel; `tick` is
/// called once per input as it finishes (for a progress bar).
pub fn render_batch(
    composer: &Composer,
    paths: &[PathBuf],
    settings: &RenderSettings,
    tick: &(dyn Fn() + Sync),
) -> BatchReport {
    let stop = AtomicBool::new(false);
    let references = References::default();
    let results: Vec<Result<Done, (Option<String>, Failed)>> = paths
        .par_iter()
        .map(|path| {
            let result = if stop.load(Ordering::Relaxed) {
                Err((None, Failed::new(path, FailKind::BadInput, "not processed: an earlier input failed")))
            } else {
                render_one(composer, path, settings, &references)
            };
            if result.is_err() && settings.fail_fast {
                stop.store(true, Ordering::Relaxed);
            }
            tick();
            result
        })
        .collect();

    let mut report = BatchReport::default();
    let mut done = Vec::new();
    for result in results {
        match result {
            Ok(d) => {
                report.letters += 1;
                if let Some(f) = &d.findings {
                    report.findings.push((d.source.clone(), f.clone()));
                }
                done.push(d);
            }
            Err((findings, failed)) => {
                if let Some(f) = findings {
                    report.findings.push((failed.file.clone(), f));
                }
                report.failed.push(failed);
            }
        }
    }
    refuse_collisions(&mut done, &mut report.failed);
    if settings.fail_fast && !report.failed.is_empty() {
        report.held_back = Some("--fail-fast: an input failed, so nothing was written".into());
        return report;
    }
    if report.failed.iter().any(|f| f.kind == FailKind::Write) {
        report.held_back = Some("writing failed, so nothing was written: previous outputs are untouched".into());
        return report;
    }
    let sizes: Vec<(PathBuf, usize)> =
        done.iter().flat_map(|d| d.staged.iter().map(|s| (s.target().to_path_buf(), s.len()))).collect();
    match output::commit(done.into_iter().flat_map(|d| d.staged).collect()) {
        Ok(_) => report.written = sizes,
        Err(e) => {
            let replaced = e.replaced.len();
            report.written = sizes.into_iter().take(replaced).collect();
            report.failed.push(Failed::new(&e.failed, FailKind::Write, &e));
        }
    }
    report
}

/// Two inputs that would write the same file (references "FOI/1" and
/// "FOI-1", or one reference twice) are both refused, naming each other,
/// rather than one silently replacing the other. Names are compared without
/// case, as some filesystems do.
fn refuse_collisions(done: &mut Vec<Done>, failed: &mut Vec<Failed>) {
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut clash: Vec<(usize, usize, PathBuf)> = Vec::new();
    for (i, d) in done.iter().enumerate() {
        for s in &d.staged {
            let key = s.target().to_string_lossy().to_lowercase();
            match owner.get(&key) {
                Some(&first) if first != i => clash.push((first, i, s.target().to_path_buf())),
                _ => {
                    owner.insert(key, i);
                }
            }
        }
    }
    if clash.is_empty() {
        return;
    }
    let mut refused = vec![false; done.len()];
    for (a, b, target) in &clash {
        for (me, other) in [(*a, *b), (*b, *a)] {
            if !refused[me] {
                refused[me] = true;
                let message = format!(
                    "{} and {} would both be written to {}: give the cases different references",
                    done[me].source.display(),
                    done[other].source.display(),
                    target.display()
                );
                failed.push(Failed::new(&done[me].source, FailKind::BadInput, message));
            }
        }
    }
    let mut i = 0;
    done.retain(|_| {
        i += 1;
        !refused[i - 1]
    });
}

/// Reference documents named by cases' house styles, each read once per
/// batch however many cases share the profile.
#[derive(Default)]
struct References(Mutex<HashMap<PathBuf, Result<Arc<ReferenceDoc>, ReferenceError>>>);

impl References {
    fn get(&self, path: &Path) -> Result<Arc<ReferenceDoc>, ReferenceError> {
        let read = || ReferenceDoc::load(path).map(Arc::new);
        let Ok(mut cache) = self.0.lock() else { return read() };
        cache.entry(path.to_path_buf()).or_insert_with(read).clone()
    }
}

fn render_one(
    composer: &Composer,
    path: &Path,
    settings: &RenderSettings,
    references: &References,
) -> Result<Done, (Option<String>, Failed)> {
    let (mut doc, kind, findings) = load_and_check(composer, path, settings.letter).map_err(|f| (None, f))?;
    if let Some(font) = &settings.font {
        doc.house.font = Some(font.clone());
    }
    let shown = (!findings.is_empty()).then(|| report::human(&[], &findings));
    if settings.draft {
        doc.meta.draft = true;
    } else if findings.iter().any(|d| d.severity == Severity::Error) {
        let message = "the validator found errors, so this letter was not written; fix them, or pass --draft";
        return Err((shown, Failed::new(path, FailKind::Refused, message)));
    }
    let reference_doc = match (&settings.reference_doc, &doc.house.reference_doc) {
        (Some(given), _) => Some(given.clone()),
        (None, Some(file)) if settings.formats.contains(&Format::Docx) => {
            Some(references.get(file).map_err(|e| (shown.clone(), Failed::new(path, FailKind::BadInput, e)))?)
        }
        (None, _) => None,
    };
    let prefix = kind.written().map_or("", |w| w.prefix);
    let name = format!("{prefix}{}", file_stem(&doc.meta.reference));
    let staged = stage_document(&doc, &settings.output, &name, &settings.formats, reference_doc)
        .map_err(|(kind, message)| (shown.clone(), Failed::new(path, kind, message)))?;
    Ok(Done { source: path.to_path_buf(), findings: shown, staged })
}

/// Renders `doc` in every format and stages each file as `dir/name.ext`
/// (see [`output::stage`]); nothing is in place until [`output::commit`].
/// The DOCX takes its house style from `reference_doc` when given.
pub fn stage_document(
    doc: &Document,
    dir: &Path,
    name: &str,
    formats: &[Format],
    reference_doc: Option<Arc<ReferenceDoc>>,
) -> Result<Vec<Staged>, (FailKind, String)> {
    let opts = RenderOptions { reference_doc, ..RenderOptions::for_document(doc) };
    std::fs::create_dir_all(dir)
        .map_err(|e| (FailKind::Write, format!("error: cannot create {}: {e}", dir.display())))?;
    let mut staged = Vec::with_capacity(formats.len());
    for &format in formats {
        let bytes = render::render(doc, format, &opts).map_err(|e| (FailKind::BadInput, error_message(e)))?;
        let target = dir.join(format!("{name}.{}", format.extension()));
        let file = output::stage(&target, &bytes)
            .map_err(|e| (FailKind::Write, format!("error: cannot write {}: {e}", target.display())))?;
        staged.push(file);
    }
    Ok(staged)
}

/// References may contain `/`; a file name may not.
pub fn file_stem(reference: &str) -> String {
    reference.replace(['/', '\\'], "-")
}

/// What `check` found over a batch, in input order.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// What each readable file was read as.
    pub readings: Vec<Reading>,
    /// Their findings.
    pub findings: Vec<Diagnostic>,
    /// Files that could not be checked.
    pub failed: Vec<Failed>,
}

/// Checks every file in `paths` in parallel (letters as `kind` when given).
pub fn check_batch(
    composer: &Composer,
    paths: &[PathBuf],
    kind: Option<LetterKind>,
    tick: &(dyn Fn() + Sync),
) -> CheckReport {
    let results: Vec<_> = paths
        .par_iter()
        .map(|path| {
            let result = check_file(composer, path, kind);
            tick();
            result
        })
        .collect();
    let mut report = CheckReport::default();
    for result in results {
        match result {
            Ok((reading, found)) => {
                report.readings.push(reading);
                report.findings.extend(found);
            }
            Err(f) => report.failed.push(f),
        }
    }
    report
}

/// Builds the rayon pool for `--jobs N` (0: one thread per core).
pub fn pool(jobs: usize) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new().num_threads(jobs).build()
}
