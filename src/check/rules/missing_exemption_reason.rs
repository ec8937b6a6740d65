//! FOI201 missing-exemption-reason

use std::sync::LazyLock;

use regex::Regex;

use super::{exemption_set_out, re, resolve};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::Kind;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI201",
    name: "missing-exemption-reason",
    severity: Severity::Error,
    summary: "an exemption is cited without saying why it applies",
    doc: DOC,
    help: "explain, for each exemption, why it applies to this information (the harm disclosure would cause, or why the information falls in the class)",
    kinds: LetterKind::REPLIES,
    check,
};

const DOC: &str = "\
## What it checks
That each exemption the letter relies on comes with an explanation of why it applies: some words of
reasoning (the harm disclosure would, or would be likely to, cause; why the information is in the
protected class) in the paragraph that cites it or the few that follow.

## Why it matters
FOIA s17(1)(c) requires a refusal notice to state why the exemption applies, if that would not
otherwise be apparent (EIR reg 14(3)(a), FOISA s16(1)(d)). A bare citation leaves the requester
unable to challenge the decision, and the Commissioner finds a breach.

## Example
\"The information is exempt under section 43(2).\"

## Fix
\"The information is exempt under section 43(2) because disclosing the tender prices would be likely
to prejudice the supplier's position in the re-procurement due next year.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static REASONING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bbecause\b|\bas a result\b|\bwould\b|\bcould\b|\blikely to\b|provides that|\bsince\b|in order to|\bharm|prejudic|breach|damage|reveal|undermin|endanger|confiden|privacy|\brisk\b",
        )
    });
    let mut out = Vec::new();
    for cited in &letter.cited {
        let Some(c) = resolve(letter, cited) else { continue };
        if c.def.kind != Kind::Exemption {
            continue;
        }
        // foikit's own letters set each exemption out in its own section;
        // letters written elsewhere give reasons near the citation.
        let reasoned = if letter.from_case {
            exemption_set_out(letter, cited)
        } else {
            let end = (cited.paragraph + 6).min(letter.paragraphs.len());
            letter.paragraphs[cited.paragraph..end].iter().any(|p| REASONING.is_match(&p.text))
        };
        if !reasoned {
            out.push(
                Finding::at(
                    cited.paragraph,
                    format!(
                        "{} {} is cited without saying why it applies ({})",
                        cited.word,
                        cited.provision,
                        letter.regime.regime().notice.reasons
                    ),
                )
                .on(cited.field.as_deref()),
            );
        }
    }
    out
}
