//! Where a PDF's pages break, in words: a reviewer sees that a change
//! pushed the signature onto a page of its own without opening the PDF.

/// How many words of each page's start and end the summary shows.
const WORDS: usize = 8;

/// The page count, and for each page its number of lines and its first and
/// last words, from the text of each page.
pub fn summary(pages: &[String]) -> String {
    let mut out = format!("pages: {}\n", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let lines = page.lines().filter(|l| !l.trim().is_empty()).count();
        let words: Vec<&str> = page.split_whitespace().collect();
        out.push_str(&format!("page {}: {lines} lines, {} words\n", i + 1, words.len()));
        if words.len() <= 2 * WORDS {
            out.push_str(&format!("  all:   {}\n", words.join(" ")));
        } else {
            out.push_str(&format!("  first: {} …\n", words[..WORDS].join(" ")));
            out.push_str(&format!("  last:  … {}\n", words[words.len() - WORDS..].join(" ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_each_page_s_first_and_last_words() {
        let long: Vec<String> = (1..=30).map(|i| format!("w{i}")).collect();
        let pages = vec![long.join(" "), "Yours sincerely\n\nThe Team".to_string()];
        let s = summary(&pages);
        assert!(s.starts_with("pages: 2\n"), "{s}");
        assert!(s.contains("page 1: 1 lines, 30 words\n  first: w1 w2 w3 w4 w5 w6 w7 w8 …\n  last:  … w23"), "{s}");
        assert!(s.contains("page 2: 2 lines, 4 words\n  all:   Yours sincerely The Team\n"), "{s}");
    }
}
