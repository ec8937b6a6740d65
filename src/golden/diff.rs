//! A unified diff with the changed words marked inside each line, git
//! `--word-diff=plain` style (`[-old-]{+new+}`), so a reviewer sees which
//! words changed in a long paragraph without comparing two lines by eye.

use serde::Serialize;
use similar::{ChangeTag, DiffTag, InlineChangeOptions, TextDiff};

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
                let (sign, open, close) = match change.tag() {
                    ChangeTag::Equal => (' ', "", ""),
                    ChangeTag::Delete => ('-', "[-", "-]"),
                    ChangeTag::Insert => ('+', "{+", "+}"),
                };
                out.push(sign);
                for (emph, s) in change.iter_strings_lossy() {
                    if emph && !s.trim().is_empty() {
                        let lead = &s[..s.len() - s.trim_start().len()];
                        let trail = &s[s.trim_end().len()..];
                        out.push_str(&format!("{lead}{open}{}{close}{trail}", s.trim()));
                    } else {
                        out.push_str(&s);
                    }
                }
                if !out.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    let (inserted, deleted) = changed_words(&text);
    Some(Diff { unified: out, inserted, deleted })
}

/// The runs of words each changed block inserts and deletes, compared word
/// by word across the whole block, so a paragraph that re-wraps around one
/// changed word reports that word, not every line it moved.
fn changed_words(text: &TextDiff<'_, '_, str>) -> (Vec<String>, Vec<String>) {
    let (mut inserted, mut deleted) = (Vec::new(), Vec::new());
    let (old_lines, new_lines): (Vec<&str>, Vec<&str>) =
        (text.iter_old_slices().collect(), text.iter_new_slices().collect());
    for op in text.ops() {
        let (old, new) = (old_lines[op.old_range()].concat(), new_lines[op.new_range()].concat());
        match op.tag() {
            DiffTag::Equal => {}
            DiffTag::Insert => inserted.push(words(&new)),
            DiffTag::Delete => deleted.push(words(&old)),
            DiffTag::Replace => {
                let (mut ins, mut del) = (String::new(), String::new());
                let flush = |run: &mut String, into: &mut Vec<String>| {
                    if !run.trim().is_empty() {
                        into.push(words(run));
                    }
                    run.clear();
                };
                // Line ends count as spaces: a word that moved to the next line did not change.
                let (old, new) = (words(&old), words(&new));
                for change in TextDiff::from_words(old.as_str(), new.as_str()).iter_all_changes() {
                    let word = change.value();
                    match change.tag() {
                        ChangeTag::Insert => ins.push_str(word),
                        ChangeTag::Delete => del.push_str(word),
                        // A kept space inside a changed run separates its words.
                        ChangeTag::Equal if word.trim().is_empty() => {
                            for run in [&mut ins, &mut del].into_iter().filter(|r| !r.is_empty()) {
                                run.push(' ');
                            }
                        }
                        ChangeTag::Equal => {
                            flush(&mut ins, &mut inserted);
                            flush(&mut del, &mut deleted);
                        }
                    }
                }
                flush(&mut ins, &mut inserted);
                flush(&mut del, &mut deleted);
            }
        }
    }
    inserted.retain(|r| !r.is_empty());
    deleted.retain(|r| !r.is_empty());
    (inserted, deleted)
}

/// Words separated by single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn a_re_wrapped_paragraph_reports_only_the_changed_words() {
        let old = "we have decided that releasing a full\nlist of participants is exempt from\ndisclosure under sections 24(1).\n";
        let new = "we have decided that releasing the complete\nlist of participants is exempt\nfrom disclosure under sections 24(1).\n";
        let d = diff(old, new, "a", "b").unwrap();
        assert_eq!(d.inserted, vec!["the complete"]);
        assert_eq!(d.deleted, vec!["a full"]);
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(diff("same\n", "same\n", "a", "b"), None);
    }
}
