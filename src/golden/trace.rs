//! Which line of a case file or template a change came from, so CI can
//! annotate it. A letter prints case values literally and template wording
//! as written, so the words a change inserted usually appear, in order, in
//! the file that was edited; when they appear nowhere (a date reformatted,
//! words only removed, a foikit upgrade) the change is put on the case file.

use std::path::Path;

use serde::Serialize;

use super::{Diff, Error};

/// Where a change is annotated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// The case file or template file.
    pub file: String,
    /// 1-based line, when the changed words were found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// That line, trimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

/// Files a change may be traced to: (path as reported, text).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    templates: Vec<(String, String)>,
}

impl Sources {
    /// The `.hbs` files of a `--templates` folder, if one is given.
    pub fn templates(dir: Option<&Path>) -> Result<Sources, Error> {
        let mut templates = Vec::new();
        if let Some(dir) = dir {
            collect(dir, &mut templates)?;
        }
        templates.sort();
        Ok(Sources { templates })
    }
}

fn collect(dir: &Path, out: &mut Vec<(String, String)>) -> Result<(), Error> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "hbs") {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            out.push((path.display().to_string(), text));
        }
    }
    Ok(())
}

/// At most this many words of an inserted run are looked for.
const WINDOW: usize = 8;

/// The line the diff's inserted words come from in the case file (`file`,
/// `source`) or a template; the case file without a line when they cannot
/// be found, or are found in more than one place and too short to tell.
pub fn trace(file: &str, source: Option<&str>, diff: Option<&Diff>, sources: &Sources) -> Trace {
    let fallback = Trace { file: file.to_string(), line: None, snippet: None };
    let Some(diff) = diff else { return fallback };
    let mut files: Vec<(&str, &str)> = source.map(|s| (file, s)).into_iter().collect();
    files.extend(sources.templates.iter().map(|(f, t)| (f.as_str(), t.as_str())));
    let indexed: Vec<(&str, &str, Vec<Token>)> = files.iter().map(|&(f, t)| (f, t, tokens(t))).collect();
    let mut runs: Vec<Vec<String>> =
        diff.inserted.iter().map(|r| tokens(r).into_iter().map(|(w, _)| w).take(WINDOW).collect()).collect();
    runs.retain(|r: &Vec<String>| !r.is_empty());
    runs.sort_by_key(|r| std::cmp::Reverse(r.len()));
    for run in runs {
        let mut found = Vec::new();
        for (f, text, toks) in &indexed {
            for start in 0..toks.len().saturating_sub(run.len() - 1) {
                if toks[start..start + run.len()].iter().map(|(w, _)| w).eq(run.iter()) {
                    found.push((*f, *text, toks[start].1));
                }
            }
        }
        if let Some(&(f, text, line)) = found.first()
            && (found.len() == 1 || run.len() >= 3)
        {
            let snippet = text.lines().nth(line - 1).map(|l| l.trim().to_string());
            return Trace { file: f.to_string(), line: Some(line), snippet };
        }
    }
    fallback
}

/// A word as compared (lower case, letters and digits only) and its 1-based line.
type Token = (String, usize);

/// The words of `text`.
fn tokens(text: &str) -> Vec<Token> {
    text.lines()
        .enumerate()
        .flat_map(|(i, line)| {
            line.split_whitespace().filter_map(move |w| {
                let w: String = w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                (!w.is_empty()).then_some((w, i + 1))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inserted(runs: &[&str]) -> Diff {
        Diff { unified: String::new(), inserted: runs.iter().map(|s| s.to_string()).collect(), deleted: vec![] }
    }

    #[test]
    fn finds_inserted_words_in_a_template() {
        let sources = Sources {
            templates: vec![(
                "t/letter.hbs".into(),
                "Dear {{name}},\n\nWe **warmly** thank you\nfor writing.\n".into(),
            )],
        };
        let t = trace("case.yaml", Some("reference: \"1\"\n"), Some(&inserted(&["warmly thank you for"])), &sources);
        assert_eq!((t.file.as_str(), t.line), ("t/letter.hbs", Some(3)));
        assert_eq!(t.snippet.as_deref(), Some("We **warmly** thank you"));
    }

    #[test]
    fn finds_them_in_the_case_file_across_lines() {
        let case = "request:\n  text: |\n    Please send the minutes\n    of the meeting.\n";
        let t = trace("case.yaml", Some(case), Some(&inserted(&["the minutes of the meeting."])), &Sources::default());
        assert_eq!((t.file.as_str(), t.line), ("case.yaml", Some(3)));
    }

    #[test]
    fn ambiguous_or_missing_words_fall_back_to_the_case_file() {
        let case = "a: the\nb: the\n";
        let t = trace("case.yaml", Some(case), Some(&inserted(&["the", "nowhere"])), &Sources::default());
        assert_eq!((t.file.as_str(), t.line), ("case.yaml", None));
    }
}
