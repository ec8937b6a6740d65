//! A PDF's pages as one letter: page furniture dropped, and a paragraph
//! that runs on from one page to the next joined again.
//!
//! A letter's pages carry what belongs to the paper, not the letter: page
//! numbers ("Page 2 of 6", "- 2 -"), a protective marking ("OFFICIAL"),
//! and on longer letters a running header or footer. Read as text, they
//! land between the halves of a paragraph broken by the page, which then
//! reads as two paragraphs with a stray line between: a review paragraph
//! loses its address to the next page, a reason its exemption. Only what
//! sits at a page's edge is dropped: page numbers and markings, and the
//! lines every page starts or ends with alike (a letterhead in the page
//! header is kept on the first page, where it names the authority).

/// The pages' text as one, each page's furniture dropped; pages are
/// separated by a blank line unless a paragraph runs on from one to the
/// next, when they are joined by a line break.
pub fn join(pages: Vec<String>) -> String {
    let mut lines: Vec<Vec<&str>> = pages.iter().map(|page| page.lines().collect()).collect();
    // Page numbers first: they differ from page to page around a running
    // footer that does not.
    lines.iter_mut().for_each(drop_furniture);
    let (header, footer) = (running(&lines, Edge::Top), running(&lines, Edge::Bottom));
    for (i, page) in lines.iter_mut().enumerate() {
        // The first page keeps its header: a letterhead set in the page
        // header names the authority.
        if i > 0 {
            drop_lines(page, Edge::Top, header);
        }
        drop_lines(page, Edge::Bottom, footer);
        drop_furniture(page);
    }
    let mut out = String::new();
    for (i, page) in lines.iter().enumerate() {
        if i > 0 {
            let previous = lines[..i].iter().rev().find_map(|p| edge_text(p, Edge::Bottom));
            let runs_on = match (previous, edge_text(page, Edge::Top)) {
                (Some(previous), Some(next)) => runs_on(previous, next),
                _ => false,
            };
            out.push_str(if runs_on { "\n" } else { "\n\n" });
        }
        let text = page.join("\n");
        out.push_str(text.trim_matches('\n'));
    }
    out.push_str("\n\n");
    out
}

/// The top or the bottom of a page.
#[derive(Clone, Copy)]
enum Edge {
    Top,
    Bottom,
}

/// How many lines (not counting blank ones) at `edge` every page shares,
/// digits aside ("Page 2 of 6", "Page 3 of 6"): a running header or
/// footer. Only lines with words count, so that pages starting "1." and
/// "2." share nothing; a single page shares nothing with itself.
fn running(pages: &[Vec<&str>], edge: Edge) -> usize {
    if pages.len() < 2 {
        return 0;
    }
    let text = |page: &[&str]| -> Vec<String> {
        let lines = page.iter().filter(|l| !l.trim().is_empty()).map(|l| shape(l));
        match edge {
            Edge::Top => lines.collect(),
            Edge::Bottom => lines.rev().collect(),
        }
    };
    let shapes: Vec<Vec<String>> = pages.iter().map(|p| text(p)).collect();
    let shortest = shapes.iter().map(Vec::len).min().unwrap_or(0);
    (0..shortest)
        .take_while(|&n| {
            let line = &shapes[0][n];
            line.chars().filter(|c| c.is_alphabetic()).count() >= 3 && shapes.iter().all(|s| &s[n] == line)
        })
        .count()
}

impl Edge {
    /// The index of the line of `page` at this edge, blank lines aside.
    fn line(self, page: &[&str]) -> Option<usize> {
        let text = |l: &&str| !l.trim().is_empty();
        match self {
            Edge::Top => page.iter().position(text),
            Edge::Bottom => page.iter().rposition(text),
        }
    }
}

/// The line of `page` at `edge`, trimmed, blank lines aside.
fn edge_text<'a>(page: &[&'a str], edge: Edge) -> Option<&'a str> {
    edge.line(page).map(|at| page[at].trim())
}

/// Drops `count` lines (not counting blank ones) from `edge` of `page`.
fn drop_lines(page: &mut Vec<&str>, edge: Edge, count: usize) {
    for _ in 0..count {
        let Some(at) = edge.line(page) else { return };
        page.remove(at);
    }
}

/// How many lines at each edge of a page are looked at for page numbers
/// and markings.
const EDGE: usize = 3;

/// A line with its digits removed and its spacing collapsed, so "Page 2
/// of 6" and "Page 3 of 6" are the same line.
fn shape(line: &str) -> String {
    let without: String = line.chars().filter(|c| !c.is_ascii_digit()).collect();
    without.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops page numbers and protective markings from the edges of `page`.
fn drop_furniture(page: &mut Vec<&str>) {
    let furniture = |line: &str| page_number(line) || marking(line);
    for edge in [Edge::Top, Edge::Bottom] {
        for _ in 0..EDGE {
            match edge.line(page) {
                Some(at) if furniture(page[at]) => {
                    page.remove(at);
                }
                _ => break,
            }
        }
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

/// Whether a paragraph ending in `previous` runs on into `next` on the
/// next page: it stops mid-sentence (not at closing punctuation), and the
/// next page goes on in lower case, or with a figure after a line long
/// enough to be running text rather than a heading ("…within" / "40
/// working days").
fn runs_on(previous: &str, next: &str) -> bool {
    let open = !previous.ends_with(['.', ':', ';', '!', '?', '"', '”', ')', ']']);
    let first = next.chars().next();
    open && (first.is_some_and(char::is_lowercase)
        || (first.is_some_and(|c| c.is_ascii_digit()) && previous.chars().count() > 50))
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
        // A letterhead in the page header: kept on the first page only.
        let head = "Westshire Council\nCounty Hall\nWesttown WT1 1AA\nfoi@westshire.gov.uk";
        let two = join(pages(&[
            &format!(
                "{head}\nDear Mr Roe,\n\nYou may ask for an internal review of our decision by writing to us within"
            ),
            &format!("{head}\n40 working days of this letter.\n\nYours sincerely"),
        ]));
        assert_eq!(two.matches("County Hall").count(), 1, "{two}");
        assert!(two.contains("within\n40 working days"), "{two}");
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
