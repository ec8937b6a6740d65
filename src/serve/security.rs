//! What keeps a local web app local: case names that cannot leave the
//! case folder, and writes only from the app's own pages (a per-process
//! random token in every form, and the Origin and Host headers checked, so
//! another site open in the same browser cannot post to it, nor reach it by
//! DNS rebinding).

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN};
use sha2::{Digest, Sha256};

/// A fresh random token: 32 bytes from the system's generator, hex.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No /dev/urandom (not Unix): the temporary-file crate's generator,
        // through a temporary file name, mixed with the clock and process.
        let name = tempfile::Builder::new().tempfile().map(|f| f.path().display().to_string()).unwrap_or_default();
        let seed = format!("{name}{:?}{}", std::time::SystemTime::now(), std::process::id());
        bytes.copy_from_slice(&Sha256::digest(seed.as_bytes()));
    }
    hex(&bytes)
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of a file's bytes, hex: what the form carries to notice a
/// change on disk.
pub fn hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Compares in time independent of where the strings differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Why a write was refused.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    /// The Host header names a host this server was not started as.
    Host,
    /// The Origin header is another site.
    Origin,
    /// The token is missing or wrong.
    Token,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refusal::Host => "this server does not answer to that host name",
            Refusal::Origin => "the request came from another site",
            Refusal::Token => "the form's security token is missing or out of date: reload the page and try again",
        })
    }
}

/// The checks on a request that writes: `hosts` are the names the server
/// answers to (empty: any, when bound beyond this machine).
pub fn check_write(headers: &HeaderMap, hosts: &[String], expected: &str, given: Option<&str>) -> Result<(), Refusal> {
    let host = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !hosts.is_empty() && !hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return Err(Refusal::Host);
    }
    if let Some(origin) = headers.get(ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let ours = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
        if !ours.is_some_and(|o| o.eq_ignore_ascii_case(host)) {
            return Err(Refusal::Origin);
        }
    }
    match given {
        Some(t) if same_token(t, expected) => Ok(()),
        _ => Err(Refusal::Token),
    }
}

/// Why a case name was refused.
#[derive(Debug, PartialEq)]
pub struct BadName(pub String);

impl std::fmt::Display for BadName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The case file `name` (relative, `/`-separated) names under `root` (the
/// case folder, canonical): refused when it climbs out (`..`), is absolute,
/// is not a case file's extension, or leads outside through a symlink.
/// The file itself need not exist yet (a new case); its folder must.
pub fn resolve(root: &Path, name: &str) -> Result<PathBuf, BadName> {
    let bad = |why: &str| BadName(format!("{name}: {why}"));
    if name.is_empty() || name.contains('\0') || name.contains('\\') {
        return Err(bad("not a case file name"));
    }
    let rel = Path::new(name);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(bad("a case name must stay inside the case folder (no `..`, no absolute path)"));
    }
    if rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
        return Err(bad("hidden files are not cases"));
    }
    if crate::case::SourceFormat::from_path(rel).is_none() {
        return Err(bad("a case file ends in .yaml, .yml, .json or .toml"));
    }
    let path = root.join(rel);
    let parent = path.parent().ok_or_else(|| bad("not a case file name"))?;
    let parent = parent.canonicalize().map_err(|_| bad("no such folder in the case folder"))?;
    if !parent.starts_with(root) {
        return Err(bad("leads outside the case folder"));
    }
    let file = parent.join(path.file_name().ok_or_else(|| bad("not a case file name"))?);
    match std::fs::symlink_metadata(&file) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = file.canonicalize().map_err(|_| bad("a link to nothing"))?;
            if !target.starts_with(root) {
                return Err(bad("a link leading outside the case folder"));
            }
            Ok(target)
        }
        _ => Ok(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_names_stay_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        assert_eq!(resolve(&root, "sub/a.yaml").unwrap(), root.join("sub/a.yaml"));
        for bad in ["../a.yaml", "/etc/passwd.yaml", "sub/../../a.yaml", "a.txt", ".hidden.yaml", "", "nope/a.yaml"] {
            assert!(resolve(&root, bad).is_err(), "{bad}");
        }
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("x.yaml"), "").unwrap();
            std::os::unix::fs::symlink(outside.path().join("x.yaml"), root.join("link.yaml")).unwrap();
            std::os::unix::fs::symlink(outside.path(), root.join("out")).unwrap();
            assert!(resolve(&root, "link.yaml").is_err());
            assert!(resolve(&root, "out/x.yaml").is_err());
        }
    }

    #[test]
    fn writes_need_the_token_and_our_origin() {
        let hosts = vec!["127.0.0.1:8000".to_string()];
        let mut h = HeaderMap::new();
        h.insert(HOST, "127.0.0.1:8000".parse().unwrap());
        assert_eq!(check_write(&h, &hosts, "t", Some("t")), Ok(()));
        assert_eq!(check_write(&h, &hosts, "t", None), Err(Refusal::Token));
        h.insert(ORIGIN, "http://evil.example".parse().unwrap());
        assert_eq!(check_write(&h, &hosts, "t", Some("t")), Err(Refusal::Origin));
        h.insert(HOST, "evil.example".parse().unwrap());
        assert_eq!(check_write(&h, &hosts, "t", Some("t")), Err(Refusal::Host));
        assert_eq!(token().len(), 64);
    }
}
