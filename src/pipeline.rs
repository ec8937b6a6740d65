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

impl From<crate::merge::RowError> for Failed {
    fn from(e: crate::merge::RowError) -> Failed {
        Failed::new(Path::new(&e.label), FailKind::BadInput, &e)
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
    source: Option<(String, SourceFormat)>,
) -> Result<(Document, Letter), crate::compose::ComposeError> {
    let doc = composer.compose_letter(case, kind)?;
    let letter = Letter::from_case(name, case, kind, &doc);
    let letter = match source {
        Some((text, format)) => letter.with_source(text, format),
        None => letter,
    };
    Ok((doc, letter))
}

/// Where one letter's case comes from: a case file, or a row of a mail
/// merge ([`crate::merge::Row`]). The batch runs either the same way.
pub trait CaseInput: Send + Sync {
    /// How messages name it: the file, or `rows.csv:LINE`.
    fn label(&self) -> PathBuf;
    /// The validated case, and the text it was read from when the
    /// validator's findings can be placed in it; or what is wrong.
    fn load(&self) -> Result<(Case, Option<(String, SourceFormat)>), String>;
}

impl CaseInput for PathBuf {
    fn label(&self) -> PathBuf {
        self.clone()
    }

    fn load(&self) -> Result<(Case, Option<(String, SourceFormat)>), String> {
        let (case, source) = case::load_with_source(self).map_err(|e| e.to_string())?;
        let format = SourceFormat::from_path(self).unwrap_or(SourceFormat::Yaml);
        Ok((case, Some((source, format))))
    }
}

impl CaseInput for crate::merge::Row {
    fn label(&self) -> PathBuf {
        PathBuf::from(&self.label)
    }

    fn load(&self) -> Result<(Case, Option<(String, SourceFormat)>), String> {
        // Findings are named by the row; the generated text is not shown.
        self.case().map(|(case, _)| (case, None))
    }
}

/// Reads and validates a case, composes the chosen letter and checks it:
/// the document, the letter as the validator saw it, and the findings.
pub fn load_and_check(
    composer: &Composer,
    input: &dyn CaseInput,
    which: CaseLetter,
) -> Result<(Document, Letter, Vec<Diagnostic>), Failed> {
    let label = input.label();
    let bad = |e: &dyn std::fmt::Display| Failed::new(&label, FailKind::BadInput, e);
    let (case, source) = input.load().map_err(|e| bad(&e))?;
    let kind = which.kind(&case).map_err(|e| bad(&e))?;
    let name = label.display().to_string();
    let (doc, letter) = compose(composer, &case, kind, &name, source).map_err(|e| bad(&e))?;
    let findings = check::check(&letter);
    Ok((doc, letter, findings))
}

/// Checks one file: a case file is validated, composed and its letter
/// checked; a DOCX, PDF, HTML or text file is read as a letter (as `kind`
/// when given). Returns what the letter was read as, and the findings.
pub fn check_file(
    composer: &Composer,
    path: &Path,
    kind: Option<LetterKind>,
) -> Result<(Reading, Vec<Diagnostic>), Failed> {
    if is_case_file(path) {
        return check_case(composer, &path.to_path_buf());
    }
    let letter = read_letter(path, kind)?;
    Ok((Reading::of(&letter), check::check(&letter)))
}

/// Checks the letter a case's stage calls for, without rendering it.
pub fn check_case(composer: &Composer, input: &dyn CaseInput) -> Result<(Reading, Vec<Diagnostic>), Failed> {
    let (_, letter, findings) = load_and_check(composer, input, CaseLetter::Stage)?;
    Ok((Reading::of(&letter), findings))
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
    let mut files: Vec<(PathBuf, Option<FileId>)> = Vec::new();
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
            files.push((arg.clone(), None));
        }
    }
    if files.len() > 1 {
        // The same file named twice (through a link, or `.` and `..`) is
        // one file: the same device and inode. A folder's search has them
        // already; a canonical path cost a `readlink` for each component.
        let mut seen = std::collections::HashSet::new();
        files.retain_mut(|(f, id)| match id.take().or_else(|| std::fs::metadata(&*f).ok().map(|m| file_id(f, &m))) {
            Some(id) => seen.insert(id),
            None => true,
        });
    }
    (files.into_iter().map(|(f, _)| f).collect(), failed)
}

/// What is the same for every path to a file: its device and inode.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_: &Path, meta: &std::fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_id(path: &Path, _: &std::fs::Metadata) -> FileId {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn add(path: &Path, wanted: fn(&Path) -> bool, files: &mut Vec<(PathBuf, Option<FileId>)>) {
    if path.is_dir() {
        walk(path, wanted, files);
    } else if wanted(path) {
        files.push((path.to_path_buf(), None));
    }
}

fn walk(dir: &Path, wanted: fn(&Path) -> bool, files: &mut Vec<(PathBuf, Option<FileId>)>) {
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
            // Not a link (its own metadata says a regular file): its id is the file's.
            let id = file_id(&path, &meta);
            files.push((path, Some(id)));
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

/// Inputs handed to the rayon pool at once, per thread: enough to keep
/// every core busy, few enough that a long stream (a mail merge of 100 000
/// rows) is never held in memory.
const CHUNK_PER_THREAD: usize = 32;

/// Runs `work` on every item and hands the results to `take` in input
/// order; stops reading items once `stop` is set. Inside a [`Workers`]
/// pool the items run in parallel, a bounded chunk at a time; outside one,
/// one after another on this thread, so a single letter starts no threads.
fn stream<T: Send, R: Send>(
    items: impl Iterator<Item = T>,
    stop: &AtomicBool,
    work: impl Fn(T) -> R + Sync + Send,
    mut take: impl FnMut(R),
) {
    let mut items = items.fuse();
    if rayon::current_thread_index().is_none() {
        while !stop.load(Ordering::Relaxed) {
            let Some(item) = items.next() else { break };
            take(work(item));
        }
        return;
    }
    let chunk = rayon::current_num_threads().max(1) * CHUNK_PER_THREAD;
    while !stop.load(Ordering::Relaxed) {
        let batch: Vec<T> = items.by_ref().take(chunk).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<R> = batch.into_par_iter().map(&work).collect();
        results.into_iter().for_each(&mut take);
    }
}

/// Renders every case in `inputs` (case files, or mail-merge rows; an
/// input that could not even be read is an `Err`) with `settings`, in
/// parallel and streamed; `tick` is called once per input as it finishes
/// (for a progress bar).
pub fn render_batch<S: CaseInput>(
    composer: &Composer,
    inputs: impl Iterator<Item = Result<S, Failed>>,
    settings: &RenderSettings,
    tick: &(dyn Fn() + Sync),
) -> BatchReport {
    let stop = AtomicBool::new(false);
    let references = References::default();
    let mut report = BatchReport::default();
    let mut done = Vec::new();
    // Under --fail-fast, inputs after a failure are skipped (`None`).
    let work = |input: Result<S, Failed>| {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let result = input
            .map_err(|failed| (None, failed))
            .and_then(|input| guard(&input, || render_one(composer, &input, settings, &references), |f| (None, f)));
        if result.is_err() && settings.fail_fast {
            stop.store(true, Ordering::Relaxed);
        }
        tick();
        Some(result)
    };
    stream(inputs, &stop, work, |result| match result {
        None => {}
        Some(Ok(d)) => {
            report.letters += 1;
            if let Some(f) = &d.findings {
                report.findings.push((d.source.clone(), f.clone()));
            }
            done.push(d);
        }
        Some(Err((findings, failed))) => {
            if let Some(f) = findings {
                report.findings.push((failed.file.clone(), f));
            }
            report.failed.push(failed);
        }
    });
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

/// Runs `work` on `input`, turning a panic (a bug in foikit, never the
/// input's fault) into that input's failure (made by `failed`), so the rest
/// of the batch is still written and reported.
fn guard<R, E>(input: &dyn CaseInput, work: impl FnOnce() -> Result<R, E>, failed: fn(Failed) -> E) -> Result<R, E> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        let message = "foikit failed on this input (a bug: please report it with the input)";
        Err(failed(Failed::new(&input.label(), FailKind::BadInput, message)))
    })
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
    input: &dyn CaseInput,
    settings: &RenderSettings,
    references: &References,
) -> Result<Done, (Option<String>, Failed)> {
    let path = &input.label();
    let (mut doc, letter, findings) = load_and_check(composer, input, settings.letter).map_err(|f| (None, f))?;
    let kind = letter.kind;
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
    let staged = stage_document(&doc, &settings.output, &name, &settings.formats, reference_doc).map_err(|e| {
        let message = match e.unprintable {
            Some(c) => located(path, letter.source.as_ref(), c, &e.message),
            None => e.message,
        };
        (shown.clone(), Failed::new(path, e.kind, message))
    })?;
    Ok(Done { source: path.to_path_buf(), findings: shown, staged })
}

/// `message` about the character `c` no font can print, placed where the
/// case file `path` (whose text is `source`) holds it: its line, column
/// and field, or the file alone when the character is not written there
/// as it is (an escape, or text from a template or profile).
fn located(path: &Path, source: Option<&(String, crate::case::SourceFormat)>, c: char, message: &str) -> String {
    let message = message.strip_prefix("error: ").unwrap_or(message);
    let file = path.display();
    match source.and_then(|(text, format)| crate::case::find_char(text, *format, c)) {
        Some((line, column, Some(field))) => format!("error: {file}:{line}:{column}: `{field}`: {message}"),
        Some((line, column, None)) => format!("error: {file}:{line}:{column}: {message}"),
        None => format!("error: {file}: {message}"),
    }
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
) -> Result<Vec<Staged>, StageError> {
    let opts = RenderOptions { reference_doc, ..RenderOptions::for_document(doc) };
    let write = |message: String| StageError { kind: FailKind::Write, message, unprintable: None };
    output::ensure_dir(dir).map_err(|e| write(format!("error: cannot create {}: {e}", dir.display())))?;
    let mut staged = Vec::with_capacity(formats.len());
    for &format in formats {
        let bytes = render::render(doc, format, &opts).map_err(|e| StageError {
            kind: FailKind::BadInput,
            unprintable: e.unprintable,
            message: error_message(e),
        })?;
        let target = dir.join(format!("{name}.{}", format.extension()));
        // A folder made earlier in this process and since removed (a
        // long-running `serve`) is made again.
        let file = output::stage(&target, &bytes)
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::NotFound => {
                    std::fs::create_dir_all(dir).and_then(|()| output::stage(&target, &bytes))
                }
                _ => Err(e),
            })
            .map_err(|e| write(format!("error: cannot write {}: {e}", target.display())))?;
        staged.push(file);
    }
    Ok(staged)
}

/// Why a letter's files could not be staged.
#[derive(Debug)]
pub struct StageError {
    /// Bad input (a backend refused the document) or a failed write.
    pub kind: FailKind,
    /// What went wrong, ready to print.
    pub message: String,
    /// The character no font could print, when that was it.
    pub unprintable: Option<char>,
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

/// Checks every input with `check` (e.g. [`check_file`], [`check_case`])
/// in parallel and streamed; an input that could not even be read is an
/// `Err`.
pub fn check_batch<T: CaseInput>(
    inputs: impl Iterator<Item = Result<T, Failed>>,
    check: impl Fn(&T) -> Result<(Reading, Vec<Diagnostic>), Failed> + Sync + Send,
    tick: &(dyn Fn() + Sync),
) -> CheckReport {
    let mut report = CheckReport::default();
    let work = |input: Result<T, Failed>| {
        let result = input.and_then(|input| guard(&input, || check(&input), |f| f));
        tick();
        result
    };
    stream(inputs, &AtomicBool::new(false), work, |result| match result {
        Ok((reading, found)) => {
            report.readings.push(reading);
            report.findings.extend(found);
        }
        Err(f) => report.failed.push(f),
    });
    report
}

/// Where a batch's letters are made: on a rayon pool, or on the calling
/// thread when there is one letter or one job (a pool's threads cost more
/// to start and wind down than such a run gains from them).
pub struct Workers(Option<rayon::ThreadPool>);

impl Workers {
    /// Workers for `--jobs N` (0: one thread per core) over `inputs`
    /// inputs (`None` when they are counted only as they are read, as a mail
    /// merge's rows are).
    pub fn new(jobs: usize, inputs: Option<usize>) -> Result<Workers, rayon::ThreadPoolBuildError> {
        if jobs == 1 || inputs.is_some_and(|n| n <= 1) {
            return Ok(Workers(None));
        }
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map(|pool| Workers(Some(pool)))
    }

    /// Runs `batch` ([`render_batch`], [`check_batch`]) on these workers.
    pub fn run<R: Send>(&self, batch: impl FnOnce() -> R + Send) -> R {
        match &self.0 {
            Some(pool) => pool.install(batch),
            None => batch(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder this process made, then removed (as under a long-running
    /// `serve`), is made again for the next letter.
    #[test]
    fn a_removed_output_folder_is_made_again() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases/ho-43342-refusal.yaml");
        let doc = Composer::builtin().compose(&case::load(&fixture).unwrap()).unwrap();
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        for _ in 0..2 {
            let staged = stage_document(&doc, &dir, "letter", &[Format::Txt], None).unwrap();
            output::commit(staged).unwrap();
            assert!(dir.join("letter.txt").is_file());
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }

    /// A file named as itself, through its folder, through `..` and
    /// through a link is one input; a copy of it is another.
    #[cfg(unix)]
    #[test]
    fn each_file_is_an_input_once_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let case = sub.join("a.yaml");
        std::fs::write(&case, "x").unwrap();
        std::fs::write(sub.join("b.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(&case, dir.path().join("link.yaml")).unwrap();
        let args = [case.clone(), sub.clone(), sub.join("../sub/a.yaml"), dir.path().join("link.yaml")];
        let (files, failed) = inputs(&args, is_case_file);
        assert!(failed.is_empty());
        assert_eq!(files, [case, sub.join("b.yaml")]);
    }

    #[test]
    fn a_panic_fails_only_its_input() {
        let input = PathBuf::from("bug.yaml");
        let failed = guard(&input, || -> Result<(), Failed> { panic!("a bug") }, |f| f).unwrap_err();
        assert_eq!((&failed.file, failed.kind), (&input, FailKind::BadInput));
        assert!(failed.message.starts_with("error: foikit failed on this input"), "{}", failed.message);
        assert_eq!(guard(&input, || Ok::<_, Failed>(7), |f| f).unwrap(), 7);
    }

    #[test]
    fn outside_a_pool_items_run_here_in_order_until_stopped() {
        let stop = AtomicBool::new(false);
        let mut seen = Vec::new();
        let work = |i: u32| {
            if i == 3 {
                stop.store(true, Ordering::Relaxed);
            }
            (i, std::thread::current().id())
        };
        stream(0..10, &stop, work, |r| seen.push(r));
        let here = std::thread::current().id();
        assert_eq!(seen, (0..=3).map(|i| (i, here)).collect::<Vec<_>>());
    }

    #[test]
    fn in_a_pool_results_come_back_in_input_order() {
        let workers = Workers::new(2, Some(100)).unwrap();
        let mut seen = Vec::new();
        workers.run(|| stream(0..100u32, &AtomicBool::new(false), |i| i * 2, |r| seen.push(r)));
        assert_eq!(seen, (0..100).map(|i| i * 2).collect::<Vec<_>>());
    }
}
