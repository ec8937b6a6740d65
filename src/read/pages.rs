//! A PDF's pages as one letter: page furniture dropped, and a paragraph
//! that runs on from one page to the next joined again.
//!
//! A letter's pages carry what belongs to the paper, not the letter: page
//! numbers ("Page 2 of 6", "- 2 -"), a protective marking ("OFFICIAL"),
//! and on longer letters a running header or footer. Read as text, they
//! land between the halves of a paragraph broken by the page, which then
//! reads as two paragraphs with a stray line between: a review paragraph
//! loses its address to the next page, a reason its exemption. Only what
//! sits at a page's edge is dropped, and a line repeated at the edges of
//! pages only when every page of three or more has it, so that a
//! letterhead or a sign-off that happens to match is kept.

/// The pages' text as one, each page's furniture dropped; pages are
/// separated by a blank line unless a paragraph runs on from one to the
/// next (it ends without closing punctuation and the next page starts in
/// lower case), when they are joined by a line break.
pub fn join(pages: Vec<String>) -> String {
    let mut lines: Vec<Vec<&str>> = pages.iter().map(|page| page.lines().collect()).collect();
    let running = running_lines(&lines);
    for page in &mut lines {
        drop_furniture(page, &running);
    }
    let mut out = String::new();
    for (i, page) in lines.iter().enumerate() {
        if i > 0 {
            let previous = lines[..i].iter().rev().find_map(|p| last_text(p));
            let runs_on = previous.is_some_and(open_ended) && first_text(page).is_some_and(starts_lower);
            out.push_str(if runs_on { "\n" } else { "\n\n" });
        }
        let text = page.join("\n");
        out.push_str(text.trim_matches('\n'));
    }
    out.push_str("\n\n");
    out
}

/// How many lines at each edge of a page are looked at for furniture.
const EDGE: usize = 3;

/// Lines, with their digits ignored, that stand at an edge of every page
/// of a letter of three or more pages: a running header or footer.
fn running_lines(pages: &[Vec<&str>]) -> Vec<String> {
    if pages.len() < 3 {
        return Vec::new();
    }
    let edges = |page: &[&str]| -> Vec<String> {
        let text: Vec<&&str> = page.iter().filter(|l| !l.trim().is_empty()).collect();
        let head = text.iter().take(EDGE);
        let tail = text.iter().rev().take(EDGE);
        head.chain(tail).map(|l| shape(l)).filter(|s| !s.is_empty()).collect()
    };
    let first = edges(&pages[0]);
    let mut running: Vec<String> =
        first.into_iter().filter(|line| pages[1..].iter().all(|page| edges(page).contains(line))).collect();
    running.dedup();
    running
}

/// A line with its digits removed and its spacing collapsed, so "Page 2
/// of 6" and "Page 3 of 6" are the same line.
fn shape(line: &str) -> String {
    let without: String = line.chars().filter(|c| !c.is_ascii_digit()).collect();
    without.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops page numbers, protective markings and `running` lines from the
/// edges of `page`.
fn drop_furniture(page: &mut Vec<&str>, running: &[String]) {
    let furniture = |line: &str| page_number(line) || marking(line) || running.contains(&shape(line));
    for _ in 0..EDGE {
        let Some(at) = page.iter().position(|l| !l.trim().is_empty()) else { return };
        if !furniture(page[at]) {
            break;
        }
        page.remove(at);
    }
    for _ in 0..EDGE {
        let Some(at) = page.iter().rposition(|l| !l.trim().is_empty()) else { return };
        if !furniture(page[at]) {
            break;
        }
        page.remove(at);
    }
}

/// "2", "- 2 -", "Page 2", "Page 2 of 6", "2 of 6", "2/6".
fn page_number(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '–' || c == '|').to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [n] => number(n),
        ["page", n] => number(n),
        ["page", n, "of", m] | [n, "of", m] => number(n) && number(m),
        [n, m] => number(n) && number(m) && line.contains('/'),
        _ => false,
    }
}

/// A Government Security Classifications marking standing alone.
fn marking(line: &str) -> bool {
    const MARKINGS: [&str; 7] = [
        "OFFICIAL",
        "OFFICIAL-SENSITIVE",
        "OFFICIAL - SENSITIVE",
        "OFFICIAL SENSITIVE",
        "NOT PROTECTIVELY MARKED",
        "UNCLASSIFIED",
        "PROTECT",
    ];
    let line = line.trim();
    MARKINGS.contains(&line)
}

fn first_text<'a>(page: &[&'a str]) -> Option<&'a str> {
    page.iter().map(|l| l.trim()).find(|l| !l.is_empty())
}

fn last_text<'a>(page: &[&'a str]) -> Option<&'a str> {
    page.iter().rev().map(|l| l.trim()).find(|l| !l.is_empty())
}

/// A line that stops mid-sentence: not at closing punctuation.
fn open_ended(line: &str) -> bool {
    !line.ends_with(['.', ':', ';', '!', '?', '"', '”', ')', ']'])
}

fn starts_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn a_paragraph_broken_by_a_page_is_whole_again() {
        let text = join(pages(&[
            "OFFICIAL\nDear Ms Roe,\n\nYou may ask for an internal review\nby writing to\nPage 1 of 2",
            "OFFICIAL\nfoi@example.gov.uk within 40 working days.\n\nYours sincerely\nPage 2 of 2",
        ]));
        assert_eq!(
            text,
            "Dear Ms Roe,\n\nYou may ask for an internal review\nby writing to\nfoi@example.gov.uk within 40 working days.\n\nYours sincerely\n\n"
        );
    }

    #[test]
    fn a_page_that_starts_a_paragraph_stays_apart() {
        let text = join(pages(&["The report is exempt.\n- 1 -", "- 2 -\nThe public interest favours withholding it."]));
        assert_eq!(text, "The report is exempt.\n\nThe public interest favours withholding it.\n\n");
    }

    #[test]
    fn a_running_footer_goes_only_when_every_page_has_it() {
        let footer = "Northshire Council, County Hall, Northtown NT1 1AA";
        let three = join(pages(&[
            &format!("Northshire Council\nDear Mr Roe,\n{footer}"),
            &format!("second page text\n{footer}"),
            &format!("third page text\n{footer}\n3"),
        ]));
        assert!(!three.contains("County Hall") && three.contains("Northshire Council\nDear"), "{three}");
        // Two pages: a letterhead matching a sign-off is not a footer.
        let two = join(pages(&["Home Office\nDear Mr Roe,", "Yours sincerely\nHome Office"]));
        assert_eq!(two.matches("Home Office").count(), 2, "{two}");
    }

    #[test]
    fn page_numbers_in_their_usual_forms() {
        for line in ["2", "- 2 -", "Page 2", "Page  2  of  6", "2 of 6", "2/6", "page 10 of 12"] {
            assert!(page_number(line), "{line}");
        }
        for line in ["2 Marsham Street", "Section 2", "20 working days", "2024", "12345"] {
            assert!(!page_number(line), "{line}");
        }
    }
}
