//! Annexes read from files beside the case file (`file: annex-a.md`, or a
//! `.docx` being released).
//!
//! A case file may only reach files in its own folder: no absolute paths,
//! no `..`, and no symbolic link that leads out. A case file passed around
//! by email or kept in a shared folder must not be able to pull, say, a
//! personnel file into a letter that is then released.

use std::path::{Component, Path};

use super::error::Problem;
use super::{Case, CaseError, SourceFormat};

/// Reads the text of every `kind: document` annex into the case, masked.
pub(super) fn read(
    case: &mut Case,
    source: &str,
    format: SourceFormat,
    name: &str,
    dir: Option<&Path>,
) -> Result<(), CaseError> {
    let folder = match dir {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut problems = Vec::new();
    for (i, annex) in case.annexes.iter_mut().enumerate() {
        let Some(file) = &annex.file else { continue };
        match resolve(folder, file, "annex file", "the case file's folder").and_then(|path| text(&path, file)) {
            Ok(text) => annex.text = text,
            Err(message) => {
                let path = format!("annexes[{i}].file");
                let at = super::position(source, format, &path);
                problems.push(Problem { path, message, line: at.map(|a| a.0), column: at.map(|a| a.1) });
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CaseError::Invalid { file: name.to_string(), source: source.to_string(), problems })
    }
}

/// The annex file's text as Markdown, withheld text masked: a `.docx`
/// is converted (see [`super::docx_annex`]), anything else read as Markdown.
fn text(path: &Path, file: &str) -> Result<String, String> {
    let docx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if docx {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read annex file `{file}`: {e}"))?;
        super::docx_annex::markdown(&bytes).map_err(|why| format!("annex file `{file}` {why}"))
    } else {
        crate::redact::read(path).map_err(|e| format!("cannot read annex file `{file}`: {e}"))
    }
}

/// `file` inside `folder`, or why not; `what` names the file and `whose`
/// the folder in messages ("annex file", "the case file's folder").
pub(super) fn resolve(folder: &Path, file: &str, what: &str, whose: &str) -> Result<std::path::PathBuf, String> {
    let rel = Path::new(file);
    let outside = || format!("{what} `{file}` must be inside {whose}");
    if file.trim().is_empty() {
        return Err(format!("give the {what}'s name"));
    }
    if !rel.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir)) {
        return Err(format!("{}: use a plain path such as `annex-a.md`, without `..` or a leading `/`", outside()));
    }
    let path = folder.join(rel);
    let real_folder = folder.canonicalize().map_err(|e| format!("cannot read the case file's folder: {e}"))?;
    let real = path.canonicalize().map_err(|e| format!("cannot read {what} `{file}`: {e}"))?;
    if !real.starts_with(&real_folder) {
        return Err(format!("{}: it is a link to {}", outside(), real.display()));
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    /// A fresh folder for one test.
    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("foikit-annex-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn refuses_paths_out_of_the_folder() {
        let dir = folder("plain");
        std::fs::write(dir.join("a.md"), "x").unwrap();
        assert!(resolve(&dir, "a.md", "annex file", "the case file's folder").is_ok());
        assert!(resolve(&dir, "./a.md", "annex file", "the case file's folder").is_ok());
        for bad in ["../a.md", "/etc/passwd", "sub/../../a.md", "", "missing.md"] {
            assert!(resolve(&dir, bad, "annex file", "the case file's folder").is_err(), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_that_lead_out() {
        let outer = folder("link");
        let inner = outer.join("case");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(outer.join("secret.md"), "x").unwrap();
        std::os::unix::fs::symlink(outer.join("secret.md"), inner.join("annex.md")).unwrap();
        let err = resolve(&inner, "annex.md", "annex file", "the case file's folder").unwrap_err();
        assert!(err.contains("must be inside the case file's folder"), "{err}");
    }
}
