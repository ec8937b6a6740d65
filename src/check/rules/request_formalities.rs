//! FOI503 request-formalities

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::notices::request_formalities;
use crate::read::recognise::{email, has_postcode, sign_off};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI503",
    name: "request-formalities",
    severity: Severity::Warning,
    summary: "a request gives no name or no address for correspondence, so it may not be a valid request",
    doc: DOC,
    help: "sign the request with your real name and give an e-mail or postal address for the reply",
    kinds: &[LetterKind::Request],
    check,
};

const DOC: &str = "\
## What it checks
That a request for information under FOIA or FOISA is signed with a name and gives an address for
correspondence (an e-mail address or a postal address with a postcode; a request sent through a
service such as WhatDoTheyKnow carries its reply address).

## Why it matters
FOIA s8(1) and FOISA s8(1) make a request valid only if it is in writing, states the applicant's
name and an address for correspondence, and describes the information requested. An authority need
not answer an invalid request under the Act (though its duty to advise and assist may apply). The
EIR and EISR set no such formalities, so they are not checked.

## Example
A request ending \"Thanks\" with no name, sent from a contact form that keeps no reply address.

## Fix
End with your real name, and give an e-mail or postal address for the reply.";

fn check(letter: &Letter) -> Vec<Finding> {
    // A request sent through WhatDoTheyKnow carries its reply address, masked on the page.
    static HOSTED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)whatdotheyknow|\[(?:FOI #\d+ )?email address\]"));
    let Some(duty) = request_formalities(letter.regime) else { return Vec::new() };
    let text = letter.text();
    let mut out = Vec::new();
    if email(&text).is_none() && !has_postcode(&text) && !HOSTED.is_match(&text) {
        out.push(Finding::letter(format!("the request gives no address for correspondence ({duty}(b))")));
    }
    let named =
        sign_off(&letter.paragraphs).is_some_and(|i| letter.paragraphs[i + 1..].iter().any(|p| is_name(p.text.trim())));
    if !named {
        out.push(Finding::letter(format!("the request is not signed with the requester's name ({duty}(b))")));
    }
    out
}

/// A line that reads as a person's name: one to five words, each starting
/// with a capital letter of any script, no digits.
fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}
