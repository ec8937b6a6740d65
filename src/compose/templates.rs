//! Template sets: the built-in Home Office templates, embedded in the
//! binary, overlaid file by file by a user's folder (the mdBook/zola theme
//! convention), and exportable for editing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use super::builtin::BUILTIN;

/// The reference for template authors, exported beside the templates.
pub const README: &str = include_str!("../../templates/README.md");

/// A set of named template sources.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    sources: BTreeMap<String, Source>,
    /// Files in the user's folder that match no built-in name: almost always
    /// a typo, which would otherwise silently leave the built-in in force.
    pub unknown: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
struct Source {
    text: String,
    /// Where an override came from; `None` for a built-in.
    origin: Option<PathBuf>,
}

/// A template folder could not be read or written.
#[derive(Debug)]
pub struct TemplateDirError {
    /// The file or folder.
    pub path: PathBuf,
    /// Why.
    pub message: String,
}

impl std::fmt::Display for TemplateDirError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for TemplateDirError {}

impl TemplateSet {
    /// The built-in Home Office templates.
    pub fn builtin() -> TemplateSet {
        let sources =
            BUILTIN.iter().map(|(n, t)| (n.to_string(), Source { text: t.to_string(), origin: None })).collect();
        TemplateSet { sources, unknown: Vec::new() }
    }

    /// The built-ins with every `*.hbs` file under `dir` replacing the
    /// built-in of the same relative name.
    pub fn with_overlay(dir: &Path) -> Result<TemplateSet, TemplateDirError> {
        let mut set = TemplateSet::builtin();
        let mut files = Vec::new();
        collect(dir, &mut files)?;
        files.sort();
        for file in files {
            let rel = file.strip_prefix(dir).unwrap_or(&file);
            let name = rel.with_extension("").to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(&file)
                .map_err(|e| TemplateDirError { path: file.clone(), message: e.to_string() })?;
            match set.sources.get_mut(&name) {
                Some(src) => *src = Source { text, origin: Some(file) },
                None => set.unknown.push(file),
            }
        }
        set.check_structure()?;
        Ok(set)
    }

    /// Refuses templates that would exhaust the stack when compiled or
    /// rendered (Handlebars has no depth limit of its own): sections nested
    /// deeper than [`MAX_NESTING`], and partials that include themselves,
    /// directly, through other partials, or as an inline partial.
    fn check_structure(&self) -> Result<(), TemplateDirError> {
        let mut calls: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (name, source) in &self.sources {
            let fail = |message: String| TemplateDirError { path: PathBuf::from(self.origin(name)), message };
            let mut depth = 0usize;
            let mut inline: Vec<(String, usize)> = Vec::new();
            for tag in source.text.split("{{").skip(1) {
                let tag = tag.trim_start_matches('~').trim_start();
                if let Some(rest) = tag.strip_prefix("#*inline") {
                    let partial = rest.trim_start().trim_start_matches('"').split('"').next().unwrap_or("");
                    inline.push((partial.to_string(), depth + 1));
                }
                if let Some(partial) = partial_call(tag).and_then(|call| call.name) {
                    if inline.iter().any(|(n, _)| n == partial) {
                        return Err(fail(format!("the inline partial `{partial}` includes itself")));
                    }
                    calls.entry(name.as_str()).or_default().push(partial.to_string());
                }
                if tag.starts_with('#') {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Err(fail(format!("sections are nested more than {MAX_NESTING} deep")));
                    }
                } else if tag.starts_with('/') {
                    if inline.last().is_some_and(|(_, d)| *d == depth) {
                        inline.pop();
                    }
                    depth = depth.saturating_sub(1);
                }
            }
        }
        for start in calls.keys() {
            if let Some(cycle) = find_cycle(&calls, &mut vec![start.to_string()]) {
                // Name the user's file in the loop: the built-ins alone have none.
                let culprit = cycle.iter().find(|n| self.sources.get(n.as_str()).is_some_and(|s| s.origin.is_some()));
                let path = PathBuf::from(self.origin(culprit.unwrap_or(&cycle[0])));
                let message = format!("partials include each other in a loop: {}", cycle.join(" → "));
                return Err(TemplateDirError { path, message });
            }
        }
        Ok(())
    }

    /// Whether the set has a template called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// The source of template `name`.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(|s| s.text.as_str())
    }

    /// Whether template `name` comes from the user's folder rather than the
    /// built-ins.
    pub fn is_override(&self, name: &str) -> bool {
        self.sources.get(name).is_some_and(|s| s.origin.is_some())
    }

    /// (name, source) pairs in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sources.iter().map(|(n, s)| (n.as_str(), s.text.as_str()))
    }

    /// Where template `name` came from, for error messages.
    pub fn origin(&self, name: &str) -> String {
        match self.sources.get(name).and_then(|s| s.origin.as_ref()) {
            Some(path) => path.display().to_string(),
            None => format!("built-in templates/{name}.hbs"),
        }
    }

    /// Writes the built-in templates and their README under `dir`, refusing
    /// to overwrite a file unless `force`, so edits are never lost.
    pub fn export(dir: &Path, force: bool) -> Result<Vec<PathBuf>, TemplateDirError> {
        let files: Vec<(PathBuf, &str)> = BUILTIN
            .iter()
            .map(|(n, t)| (dir.join(format!("{n}.hbs")), *t))
            .chain([(dir.join("README.md"), README)])
            .collect();
        if !force && let Some((existing, _)) = files.iter().find(|(p, _)| p.exists()) {
            return Err(TemplateDirError {
                path: existing.clone(),
                message: "already exists; pass --force to overwrite".into(),
            });
        }
        for (path, text) in &files {
            let err = |e: std::io::Error| TemplateDirError { path: path.clone(), message: e.to_string() };
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(err)?;
            }
            crate::output::write_atomic(path, text.as_bytes()).map_err(err)?;
        }
        Ok(files.into_iter().map(|(p, _)| p).collect())
    }
}

/// A partial call in a template tag (the text after `{{`): `{{> name}}`
/// or the block form `{{#> name}}…{{/name}}`.
pub struct PartialCall<'a> {
    /// The partial's name; `None` when it is computed while rendering
    /// (`{{> (lookup this "decision")}}`).
    pub name: Option<&'a str>,
    /// The block form, which renders its own content when the partial is
    /// missing.
    pub block: bool,
}

/// The partial `tag` calls, if it is a partial call.
pub fn partial_call(tag: &str) -> Option<PartialCall<'_>> {
    let tag = tag.trim_start_matches('~').trim_start();
    let (rest, block) = match tag.strip_prefix('>') {
        Some(rest) => (rest, false),
        None => (tag.strip_prefix("#>")?, true),
    };
    let word = rest.split(|c: char| c.is_whitespace() || c == '}' || c == '~').find(|w| !w.is_empty());
    let name = word.filter(|w| !w.starts_with('(')).map(|w| w.trim_matches('"'));
    Some(PartialCall { name, block })
}

/// Deepest nesting of `{{#…}}` sections a template may have (the built-ins use 5).
const MAX_NESTING: usize = 64;

/// A loop of partial calls reachable from the last template of `path`,
/// as the templates in call order, the first repeated at the end.
fn find_cycle(calls: &BTreeMap<&str, Vec<String>>, path: &mut Vec<String>) -> Option<Vec<String>> {
    let last = path.last()?.clone();
    for next in calls.get(last.as_str()).into_iter().flatten() {
        if let Some(i) = path.iter().position(|p| p == next) {
            let mut cycle = path[i..].to_vec();
            cycle.push(next.clone());
            return Some(cycle);
        }
        path.push(next.clone());
        if let Some(cycle) = find_cycle(calls, path) {
            return Some(cycle);
        }
        path.pop();
    }
    None
}

/// Every `*.hbs` regular file under `dir`. Symbolic links are not
/// followed (a link to `.` or `/` would make the walk loop or wander, and a
/// linked file could print something outside the folder into a letter), and
/// FIFOs and devices are skipped (reading one would hang).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), TemplateDirError> {
    let entries =
        fs::read_dir(dir).map_err(|e| TemplateDirError { path: dir.to_path_buf(), message: e.to_string() })?;
    for entry in entries {
        let entry = entry.map_err(|e| TemplateDirError { path: dir.to_path_buf(), message: e.to_string() })?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| TemplateDirError { path: path.clone(), message: e.to_string() })?;
        if kind.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "hbs") {
            if !kind.is_file() {
                let message = "is a link or special file, not a template: copy the template into the folder";
                return Err(TemplateDirError { path, message: message.into() });
            }
            out.push(path);
        }
    }
    Ok(())
}
