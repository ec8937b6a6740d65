//! A unified diff with the changed words marked inside each line, git
//! `--word-diff=plain` style (`[-old-]{+new+}`), so a reviewer sees which
//! words changed in a long paragraph without comparing two lines by eye.

use serde::Serialize;
use similar::{ChangeTag, InlineChangeOptions, TextDiff};

/// Lines of context around each change.
const CONTEXT: usize = 2;

/// How two versions of a snapshot file differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The unified diff, changed words marked.
    pub unified: String,
    /// Runs of words the new version adds, in order.
    pub inserted: Vec<String>,
    /// Runs of words the new version drops, in order.
    pub deleted: Vec<String>,
}

/// The diff from `old` to `new`, labelled with the two names; `None` when
/// they are the same.
pub fn diff(old: &str, new: &str, old_name: &str, new_name: &str) -> Option<Diff> {
    if old == new {
        return None;
    }
    let text = TextDiff::from_lines(old, new);
    let mut options = InlineChangeOptions::new();
    options.mode(similar::InlineChangeMode::Words);
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    let (mut inserted, mut deleted) = (Vec::new(), Vec::new());
    for group in text.grouped_ops(CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else { continue };
        let (old_range, new_range) =
            (first.old_range().start..last.old_range().end, first.new_range().start..last.new_range().end);
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            hunk_range(old_range.start, old_range.len()),
            hunk_range(new_range.start, new_range.len())
        ));
        for op in &group {
            for change in text.iter_inline_changes_with_options(op, options) {
                let (sign, open, close, runs) = match change.tag() {
                    ChangeTag::Equal => (' ', "", "", None),
                    ChangeTag::Delete => ('-', "[-", "-]", Some(&mut deleted)),
                    ChangeTag::Insert => ('+', "{+", "+}", Some(&mut inserted)),
                };
                out.push(sign);
                let segments: Vec<(bool, String)> =
                    change.iter_strings_lossy().map(|(emph, s)| (emph, s.into_owned())).collect();
                let any_emphasis = segments.iter().any(|(e, s)| *e && !s.trim().is_empty());
                for (emph, s) in &segments {
                    if *emph && !s.trim().is_empty() {
                        let lead = &s[..s.len() - s.trim_start().len()];
                        let trail = &s[s.trim_end().len()..];
                        out.push_str(&format!("{lead}{open}{}{close}{trail}", s.trim()));
                    } else {
                        out.push_str(s);
                    }
                }
                if let Some(runs) = runs {
                    // A wholly new or removed line has no emphasis: all of it changed.
                    let changed = segments.iter().filter(|(e, _)| *e || !any_emphasis).map(|(_, s)| s.trim());
                    runs.extend(changed.filter(|s| !s.is_empty()).map(str::to_string));
                }
                if !out.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    Some(Diff { unified: out, inserted, deleted })
}

/// `start,len` in unified-diff form (1-based; an empty range names the line before it).
fn hunk_range(start: usize, len: usize) -> String {
    if len == 0 { format!("{start},0") } else { format!("{},{len}", start + 1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_changed_words_inside_a_line() {
        let old = "Dear Mr Smith,\n\nWe hold the information you asked for.\n\nYours sincerely\n";
        let new = "Dear Mr Smith,\n\nWe do not hold the information you asked for.\n\nYours sincerely\n";
        let d = diff(old, new, "a", "b").unwrap();
        assert!(d.unified.starts_with("--- a\n+++ b\n@@ -1,5 +1,5 @@\n"), "{}", d.unified);
        assert!(d.unified.contains("+We {+do not+} hold the information"), "{}", d.unified);
        assert_eq!(d.inserted, vec!["do not"]);
        assert!(d.deleted.is_empty(), "{:?}", d.deleted);
    }

    #[test]
    fn whole_new_lines_count_as_inserted_words() {
        let d = diff("a\n", "a\nb c\n", "x", "y").unwrap();
        assert!(d.unified.contains("+b c\n"), "{}", d.unified);
        assert_eq!(d.inserted, vec!["b c"]);
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(diff("same\n", "same\n", "a", "b"), None);
    }
}
