//! HTML letters: foikit's own HTML, a letter saved from a browser, and
//! WhatDoTheyKnow request pages. A WhatDoTheyKnow page is a thread (the
//! request, the authority's replies, reviews); the letter read from it is
//! the authority's latest message, dated from the page's header, since that
//! is the reply a requester checks or challenges.

/// Elements whose end (or start) breaks a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "ul",
    "ol",
    "pre",
    "address",
    "hr",
    "title",
    "dt",
    "dd",
];

/// Elements whose content is never letter text.
const SKIPPED: &[&str] = &["script", "style", "head", "noscript", "template", "svg", "nav", "form", "button"];

/// The text of an HTML document, one paragraph per block, blank lines between.
pub fn text(html: &str) -> String {
    match whatdotheyknow(html) {
        Some(message) => message,
        None => blocks(body(html)),
    }
}

/// The document's `<body>` when it has one (so `<head>` metadata stays out).
fn body(html: &str) -> &str {
    let lower = html.to_ascii_lowercase();
    match lower.find("<body") {
        Some(at) => &html[at..],
        None => html,
    }
}

/// The authority's latest message on a WhatDoTheyKnow page, preceded by its
/// date; `None` when the page is not a WhatDoTheyKnow thread.
fn whatdotheyknow(html: &str) -> Option<String> {
    if !html.contains("correspondence_text") {
        return None;
    }
    // Each message starts at its container; prefer the last incoming one.
    let mut starts: Vec<(usize, bool)> = html
        .match_indices("class=\"incoming correspondence")
        .map(|(i, _)| (i, true))
        .chain(html.match_indices("class=\"outgoing correspondence").map(|(i, _)| (i, false)))
        .collect();
    starts.sort();
    let index = starts.iter().rposition(|(_, incoming)| *incoming).or(starts.len().checked_sub(1))?;
    let start = starts[index].0;
    let end = starts.get(index + 1).map_or(html.len(), |(i, _)| *i);
    let message = &html[start..end];
    let date = message
        .find("<time")
        .and_then(|at| message[at..].find('>').map(|gt| at + gt + 1))
        .and_then(|from| message[from..].find("</time>").map(|to| &message[from..from + to]));
    let text_at = message.find("correspondence_text")?;
    let rest = &message[text_at..];
    let text_end =
        rest.find("class=\"event_actions\"").or_else(|| rest.find("correspondence__footer")).unwrap_or(rest.len());
    // The header names who sent it ("FOI Team, Northshire County Council"),
    // which stands in for the letterhead an e-mail lacks.
    let author = message
        .find("correspondence__header__author")
        .and_then(|at| message[at..].find('>').map(|gt| at + gt + 1))
        .and_then(|from| message[from..].find("</span>").map(|to| &message[from..from + to]));
    let mut out = String::new();
    if let Some(author) = author {
        out.push_str(&entities(&author.split_whitespace().collect::<Vec<_>>().join(" ")));
        out.push_str("\n\n");
    }
    if let Some(date) = date {
        out.push_str(&entities(date.trim()));
        out.push_str("\n\n");
    }
    let body_start = rest.find('>').map_or(0, |i| i + 1).min(text_end);
    let body = without_attachment_list(&rest[body_start..text_end]);
    let text = blocks(&body);
    out.push_str(without_quoted(&text));
    Some(out)
}

/// A message without WhatDoTheyKnow's list of its attachments, whose file
/// names ("Response not held.pdf", "… Redacted.pdf") are not the letter's words.
fn without_attachment_list(html: &str) -> String {
    let Some(start) = html.find("<div class=\"attachments\"") else { return html.to_string() };
    let after_list = html[start..].find("</ul>").map(|i| start + i);
    let end = after_list.and_then(|at| html[at..].find("</div>").map(|i| at + i + "</div>".len()));
    match end {
        Some(end) => format!("{}{}", &html[..start], &html[end..]),
        None => html[..start].to_string(),
    }
}

/// A message without the earlier messages it quotes: WhatDoTheyKnow folds
/// them under a rule of dashes after the reply's own salutation (the rule
/// above the salutation is the authority's e-mail header).
fn without_quoted(text: &str) -> &str {
    let Some(greeting) = text.find("Dear ") else { return text };
    match text[greeting..].find("\n\n-----") {
        Some(rule) => &text[..greeting + rule + 2],
        None => text,
    }
}

/// Text with tags removed: block elements become paragraph breaks, skipped
/// elements vanish, entities are decoded and runs of spaces collapse.
fn blocks(html: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut rest = html;
    let flush = |line: &mut String, out: &mut String| {
        let lines: Vec<String> = line
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            out.push_str(&lines.join("\n"));
            out.push_str("\n\n");
        }
        line.clear();
    };
    // A `<br>` with nothing but white space since the one before it (the
    // source's own line breaks are white space).
    let mut after_br = false;
    while let Some(lt) = rest.find('<') {
        // The source's own line breaks are white space, as a browser shows
        // them (Word wraps its HTML at 76 columns, mid-sentence).
        let text = entities(&rest[..lt]).replace(['\r', '\n'], " ");
        after_br &= text.trim().is_empty();
        line.push_str(&text);
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[gt + 1..];
        if !tag.starts_with('/') && !tag.ends_with('/') && SKIPPED.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).map_or("", |at| {
                let from = &rest[at..];
                from.find('>').map_or("", |g| &from[g + 1..])
            });
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut line, &mut out);
            after_br = false;
        } else if name == "br" {
            // A line break inside a paragraph (an e-mail's wrapped lines);
            // a second one on an empty line is a blank line, which is how
            // e-mails and case systems break paragraphs.
            if after_br {
                flush(&mut line, &mut out);
                after_br = false;
            } else {
                line.push('\n');
                after_br = true;
            }
        } else if matches!(name.as_str(), "td" | "th") {
            line.push(' ');
        }
    }
    line.push_str(&entities(rest));
    flush(&mut line, &mut out);
    out
}

/// Decodes the character references letters use.
fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "pound" => '£',
                "ndash" => '–',
                "mdash" => '—',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                "hellip" => '…',
                _ => {
                    let code = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"));
                    let n = match code {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                    };
                    char::from_u32(n?)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_entities_are_decoded() {
        let got = text(
            "<html><head><title>x</title><style>p{}</style></head><body><h1>Annex A</h1><p>Dear Ms Roe,</p>\
             <p>The fee is &pound;25 &amp; no more.<br>Line two</p><script>alert(1)</script><!-- note --></body></html>",
        );
        assert_eq!(got, "Annex A\n\nDear Ms Roe,\n\nThe fee is £25 & no more.\nLine two\n\n");
        let mail = text("<div>Dear Ms Roe,<br><br>Your request.<br>\n<br>We hold it.<br>Thank you</div>");
        assert_eq!(mail, "Dear Ms Roe,\n\nYour request.\n\nWe hold it.\nThank you\n\n");
        // The source's own line breaks before each <br> are white space.
        let wrapped = text("<p>We hold it and\n<br />withhold it under\n<br />section 38.</p>");
        assert_eq!(wrapped, "We hold it and\nwithhold it under\nsection 38.\n\n");
    }

    #[test]
    fn a_whatdotheyknow_page_gives_the_authoritys_latest_message_with_its_date() {
        let page = r#"<body><div class="outgoing correspondence js-collapsable" id="outgoing-1">
            <time datetime="2019-07-01">1 July 2019</time><div class="correspondence_text"><p>Dear Council,</p><p>Please send me the list.</p></div>
            <p class="event_actions"></p></div>
            <div class="incoming correspondence normal js-collapsable" id="incoming-2">
            <span class="correspondence__header__author js-collapsable-trigger">
              FOI Team,
              Example Council</span>
            <time datetime="2019-07-20">20 July 2019</time><div class="correspondence_text">
            <div class="attachments"><h3>1 Attachment</h3><ul class="list-of-attachments"><li><p class="attachment__name">Response Redacted.pdf</p></li></ul>
            <a href="x" class="attachments__show-more"></a></div><p><p>Dear Mr Roe</p><p>We do not hold the list.</p><p>-----------</p><p>Dear Council, is it late?</p></p></div>
            <p class="event_actions"></p></div>
            <div class="outgoing correspondence js-collapsable" id="outgoing-3"><div class="correspondence_text"><p>Thanks</p></div></div></body>"#;
        assert_eq!(
            text(page),
            "FOI Team, Example Council\n\n20 July 2019\n\nDear Mr Roe\n\nWe do not hold the list.\n\n"
        );
    }

    proptest::proptest! {
        /// Any arrangement of the markers a WhatDoTheyKnow page is read by is read, never a panic.
        #[test]
        fn any_arrangement_of_page_markers_is_read(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<div class=\"incoming correspondence", "<div class=\"outgoing correspondence", "correspondence_text",
            "class=\"event_actions\"", "correspondence__footer", "<time", "</time>", ">", "<", "Dear ", "\n\n-----",
            "<div class=\"attachments\"", "</ul>", "</div>", "correspondence__header__author", "</span>", "é", "&#", ";",
            "<p>", "<br>", "<script>", "<!--", "-->", " text ",
        ]), 0..40)) {
            let _ = text(&parts.concat());
        }
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in
            ["<", "<p", "&#xZZ;", "&#1114112;", "<script>never closed", "<!-- open", "<div class=\"a correspondence"]
        {
            let _ = text(s);
        }
    }
}
