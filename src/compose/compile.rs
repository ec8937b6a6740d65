//! Compiling a template in time linear in its size.
//!
//! handlebars computes the line and column of every element by counting
//! from the start of the template (`pest::Position::line_col`), so
//! compiling costs elements × length: 1 MB of `{{reference}}` took 71 s.
//! Here a long template is cut into segments of a few KB at points where
//! the cut cannot change what it means, each segment is compiled on its
//! own, and the elements are joined with their lines and columns moved back
//! to where they are in the whole template.
//!
//! A cut is made only at the top level (outside every block and comment),
//! right after a plain expression (`{{x}}`, `{{{x}}}`, `{{&x}}`), when the
//! rest of that line holds nothing but text and plain expressions without
//! `~`. handlebars' special whitespace rules (standalone block tags, `~`
//! trimming, the end of the template) only ever look at block, comment and
//! partial tags on the same line, so neither side of such a cut can see a
//! difference. A template with a raw block (`{{{{raw}}}}`) is compiled whole.

use handlebars::Template;

/// Segments are at least this long (bytes): short enough that counting
/// from a segment's start is cheap, long enough that a letter's template
/// (a few KB) is one segment.
const SEGMENT: usize = 1024;

/// A template that does not compile: where and why.
#[derive(Debug)]
pub struct CompileError {
    /// 1-based line in the whole template, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// handlebars' reason.
    pub message: String,
}

/// Compiles `source` as the template `name`: the same template handlebars'
/// own compile makes, in linear time.
pub fn compile(name: &str, source: &str) -> Result<Template, CompileError> {
    let mut whole = Template::default();
    whole.name = Some(name.to_string());
    let mut start = 0;
    // Lines before `start`, and characters before it on its line: what the
    // segment starting there adds to its own positions.
    let (mut lines, mut columns) = (0, 0);
    for end in cuts(source).into_iter().chain([source.len()]) {
        let part = &source[start..end];
        let moved = |line: usize, column: usize| {
            if line == 1 { (line + lines, column + columns) } else { (line + lines, column) }
        };
        let mut compiled = Template::compile_with_name(part, name.to_string()).map_err(|e| {
            let at = e.pos().map(|(l, c)| moved(l, c));
            CompileError { line: at.map(|a| a.0), column: at.map(|a| a.1), message: e.reason().to_string() }
        })?;
        shift(&mut compiled, &moved);
        whole.elements.append(&mut compiled.elements);
        whole.mapping.append(&mut compiled.mapping);
        match part.rfind('\n') {
            Some(i) => {
                lines += part.matches('\n').count();
                columns = part[i + 1..].chars().count();
            }
            None => columns += part.chars().count(),
        }
        start = end;
    }
    Ok(whole)
}

/// Moves every position in `template`, blocks' inner templates included.
fn shift(template: &mut Template, moved: &dyn Fn(usize, usize) -> (usize, usize)) {
    use handlebars::template::TemplateElement as E;
    for m in &mut template.mapping {
        (m.0, m.1) = moved(m.0, m.1);
    }
    for element in &mut template.elements {
        let inner: Vec<&mut Template> = match element {
            E::HtmlExpression(h) | E::Expression(h) | E::HelperBlock(h) => {
                h.template.iter_mut().chain(h.inverse.iter_mut()).collect()
            }
            E::DecoratorExpression(d) | E::DecoratorBlock(d) | E::PartialExpression(d) | E::PartialBlock(d) => {
                d.template.iter_mut().collect()
            }
            _ => Vec::new(),
        };
        for t in inner {
            shift(t, moved);
        }
    }
}

/// Byte offsets where `source` can be cut (see the module docs), at least
/// [`SEGMENT`] apart.
fn cuts(source: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    if source.len() <= SEGMENT || source.contains("{{{{") {
        return cuts;
    }
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(open) = source[at..].find("{{").map(|i| i + at) {
        if open > 0 && source.as_bytes()[open - 1] == b'\\' {
            at = open + 2;
            continue;
        }
        let Some((end, tag)) = tag_at(source, open) else { break };
        tags.push((open, end, tag));
        at = end;
    }
    // Whether the rest of each tag's line holds only plain expressions
    // that trim nothing (and text), worked out from the last tag back.
    let mut plain_after = vec![true; tags.len()];
    for i in (0..tags.len().saturating_sub(1)).rev() {
        let (next_open, _, next) = &tags[i + 1];
        let same_line = !source[tags[i].1..*next_open].contains('\n');
        plain_after[i] = !same_line || (*next == Tag::Plain { trims_after: false } && plain_after[i + 1]);
    }
    let (mut depth, mut last) = (0usize, 0);
    for ((_, end, tag), plain_after) in tags.iter().zip(plain_after) {
        match tag {
            Tag::Open => depth += 1,
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Plain { trims_after: false } if depth == 0 && plain_after && end - last >= SEGMENT => {
                cuts.push(*end);
                last = *end;
            }
            _ => {}
        }
    }
    cuts
}

/// What a tag does to the template's structure.
#[derive(Debug, PartialEq, Eq)]
enum Tag {
    /// Opens a block: `{{#x}}`, `{{#> x}}`, `{{#*inline}}`, `{{^x}}`.
    Open,
    /// Closes one: `{{/x}}`.
    Close,
    /// A plain expression; `trims_after` when it ends with `~}}`.
    Plain { trims_after: bool },
    /// Anything else: comments, partials, `else`, decorators, `~{{`.
    Other,
}

/// The tag starting at `open` (`{{`): the byte after it, and its kind;
/// `None` when it never closes.
fn tag_at(source: &str, open: usize) -> Option<(usize, Tag)> {
    let rest = &source[open..];
    if rest.starts_with("{{!--") {
        return Some((open + rest.find("--}}")? + 4, Tag::Other));
    }
    if rest.starts_with("{{!") {
        return Some((open + rest.find("}}")? + 2, Tag::Other));
    }
    let triple = rest.starts_with("{{{");
    let close = if triple { "}}}" } else { "}}" };
    let end = open + rest.find(close)? + close.len();
    let inner = &source[open + if triple { 3 } else { 2 }..end - close.len()];
    let trims_before = inner.starts_with('~');
    let trims_after = inner.ends_with('~');
    let body = inner.trim_start_matches('~').trim_start();
    let first = body.chars().next();
    let word = body.split(|c: char| c.is_whitespace() || c == '~').next().unwrap_or("");
    let tag = match first {
        Some('#') => Tag::Open,
        Some('/') => Tag::Close,
        Some('^') if body[1..].trim().trim_end_matches('~').is_empty() => Tag::Other,
        Some('^') => Tag::Open,
        Some('!' | '>' | '*') => Tag::Other,
        _ if word == "else" || trims_before => Tag::Other,
        _ => Tag::Plain { trims_after },
    };
    Some((end, tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: Template) -> String {
        let mut hb = handlebars::Handlebars::new();
        hb.register_template("t", template);
        let data = serde_json::json!({ "a": "A", "b": "<b>", "list": [1, 2], "yes": true });
        hb.render("t", &data).unwrap()
    }

    /// A long template that uses every construct whose whitespace handling
    /// a cut could disturb.
    fn tricky() -> String {
        let line = "{{a}}{{b}} text {{{b}}}{{&b}}\n  {{#if yes}}\n  in {{a}}\n  {{else}}\nout\n  {{/if}}\n\
                    {{! note }}{{a}} \\{{escaped}} {{~a~}}  {{a}}\n{{#each list}}{{this}}{{/each}}{{#unless yes}}no{{else}}yes{{/unless}}\n\
                    {{!-- a {{comment}} --}}\n{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}\n";
        line.repeat(80)
    }

    #[test]
    fn a_cut_template_renders_as_the_whole_one() {
        let source = tricky();
        assert!(cuts(&source).len() > 1, "the test template is cut");
        let whole = Template::compile_with_name(&source, "t".into()).unwrap();
        let cut = compile("t", &source).unwrap();
        assert!(cut.elements == whole.elements, "the same elements");
        // Positions agree too, except that handlebars places some text by
        // the tag after it, which a cut moves.
        let tags = |t: &Template| -> Vec<(usize, usize)> {
            let raw = |e: &&handlebars::template::TemplateElement| {
                matches!(e, handlebars::template::TemplateElement::RawString(_))
            };
            t.elements.iter().zip(&t.mapping).filter(|(e, _)| !raw(e)).map(|(_, m)| (m.0, m.1)).collect()
        };
        assert_eq!(tags(&cut), tags(&whole));
        assert_eq!(render(cut), render(whole));
    }

    #[test]
    fn a_long_line_of_expressions_compiles() {
        // Quadratic, this would take minutes; linear, a moment.
        let source = "{{a}}".repeat(40_000);
        let template = compile("t", &source).unwrap();
        assert_eq!(template.elements.len(), 40_000);
        let last = template.mapping.last().unwrap();
        assert_eq!((last.0, last.1), (1, 199_996));
    }

    #[test]
    fn errors_are_placed_in_the_whole_template() {
        let source = format!("{}\n{{{{#if a}}}}\n", "{{a}}\n".repeat(2000));
        let e = compile("t", &source).unwrap_err();
        let whole = Template::compile_with_name(&source, "t".into()).unwrap_err();
        assert_eq!((e.line, e.column), (whole.pos().map(|p| p.0), whole.pos().map(|p| p.1)));
    }
}
