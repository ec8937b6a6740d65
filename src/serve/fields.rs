//! The case form: which fields it has, grouped as the letter is, how each
//! is shown, and how a submitted form becomes a case value again.
//!
//! Only fields listed here are ever written from a submission: a forged
//! field name cannot reach any other part of the case file.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{Map, Value};

use super::html::esc;
use super::value::{self, Seg};
use crate::law::RegimeId;

/// How a field is edited and what it holds in the case file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// An e-mail address.
    Email,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Text kept exactly as typed, line breaks and all.
    Long,
    /// A list of paragraphs: blank lines separate them.
    Paragraphs,
    /// A list of short lines (address lines): one per line.
    Lines,
    /// One of fixed values: (value, label).
    Choice(&'static [(&'static str, &'static str)]),
    /// Yes or no.
    Bool,
    /// A number (hours).
    Number,
    /// A provision from the regime's catalogue of exemptions (exceptions).
    Exemption,
}

/// One field of the form.
#[derive(Debug)]
pub struct Field {
    /// Its path relative to the enclosing list item (or the case).
    pub key: &'static str,
    /// The label.
    pub label: &'static str,
    /// Hint text under the label.
    pub hint: &'static str,
    /// How it is edited.
    pub kind: Kind,
}

/// A field or a list of groups of fields.
#[derive(Debug)]
pub enum Part {
    /// One field.
    Field(Field),
    /// A list (`response.items`): each element is a fieldset of `parts`.
    List {
        /// Path relative to the enclosing item.
        key: &'static str,
        /// What one element is called ("Item", "Exemption").
        noun: &'static str,
        /// Hint for the whole list.
        hint: &'static str,
        /// The fields of one element.
        parts: &'static [Part],
    },
}

/// A section of the form.
#[derive(Debug)]
pub struct Section {
    /// Its anchor.
    pub id: &'static str,
    /// Its heading.
    pub title: &'static str,
    /// What goes in it.
    pub parts: &'static [Part],
}

const fn f(key: &'static str, label: &'static str, hint: &'static str, kind: Kind) -> Part {
    Part::Field(Field { key, label, hint, kind })
}

const REGIMES: &[(&str, &str)] = &[
    ("foia", "Freedom of Information Act 2000"),
    ("eir", "Environmental Information Regulations 2004"),
    ("foisa", "Freedom of Information (Scotland) Act 2002"),
    ("eisr", "Environmental Information (Scotland) Regulations 2004"),
];
const DECISIONS: &[(&str, &str)] = &[
    ("released", "Released"),
    ("part-released", "Part released"),
    ("withheld", "Withheld"),
    ("not-held", "Not held"),
    ("ncnd", "Neither confirm nor deny"),
    ("accessible", "Reasonably accessible elsewhere"),
    ("future-publication", "Intended for future publication"),
];
const OUTCOMES: &[(&str, &str)] = &[("release", "Release"), ("partial", "Partial release"), ("refusal", "Refusal")];
const GROUNDS: &[(&str, &str)] = &[("cost-limit", "Cost limit"), ("vexatious", "Vexatious"), ("repeated", "Repeated")];
const ANNEX_KINDS: &[(&str, &str)] = &[
    ("public-interest", "Public interest decision record"),
    ("letter", "A letter released with the reply"),
    ("document", "A document from a file"),
    ("redaction-schedule", "Schedule of redactions"),
];
const BALANCES: &[(&str, &str)] = &[("withhold", "In maintaining the exemption"), ("disclose", "In disclosure")];
const CONCLUSIONS: &[(&str, &str)] =
    &[("upheld", "Upheld"), ("upheld-in-part", "Upheld in part"), ("overturned", "Overturned")];
const STYLES: &[(&str, &str)] = &[("standard", "Standard"), ("home-office", "Home Office")];
const LIMITS: &[(&str, &str)] = &[("other", "Other public authority"), ("central-government", "Central government")];

const PARAS: &str = "One paragraph each; leave a blank line between paragraphs.";

const EXEMPTION: &[Part] = &[
    f(
        "section",
        "Provision",
        "Pick from the regime's catalogue; the test it sets is shown once picked.",
        Kind::Exemption,
    ),
    f(
        "reasons",
        "Why it applies",
        "Why this exemption applies to this information. One paragraph each; leave a blank line between paragraphs.",
        Kind::Paragraphs,
    ),
    f("public_interest.for", "Public interest factors in favour of disclosure", PARAS, Kind::Paragraphs),
    f(
        "public_interest.against",
        "Public interest factors in favour of maintaining the exemption",
        PARAS,
        Kind::Paragraphs,
    ),
    f(
        "public_interest.conclusion",
        "Public interest conclusion",
        "Where the balance lies, in the letter's words.",
        Kind::Long,
    ),
];

const ITEM: &[Part] = &[
    f("asked", "What was asked", "The item as the requester put it (a short restatement).", Kind::Long),
    f("decision", "Decision", "", Kind::Choice(DECISIONS)),
    f("body", "What is released", PARAS, Kind::Paragraphs),
    f("annex", "Annex holding the information", "For example, Annex A.", Kind::Text),
    f("withheld", "What is withheld", "For example, the names of junior staff.", Kind::Text),
    f("search", "Searches made", "Not held: where you looked and how.", Kind::Long),
    f("holder", "Who may hold it instead", "Not held: another authority, if any.", Kind::Text),
    f("location", "Where it can be found", "Reasonably accessible: a web address or place.", Kind::Text),
    f("publication", "When and where it will be published", "Future publication.", Kind::Text),
    f("reasons", "Reasons or advice", PARAS, Kind::Paragraphs),
    Part::List { key: "exemptions", noun: "Exemption for this item", hint: "", parts: EXEMPTION },
];

const ACTIVITY: &[Part] = &[
    f("activity", "Activity", "For example, locating the files in 40 offices.", Kind::Text),
    f("hours", "Hours", "Staff hours it would take.", Kind::Number),
];

const SIGNATORY: &[Part] = &[
    f("name", "Name", "Person or organisation.", Kind::Text),
    f("role", "Role", "Title and affiliation.", Kind::Text),
];

const ANNEX: &[Part] = &[
    f("kind", "What the annex holds", "", Kind::Choice(ANNEX_KINDS)),
    f("label", "Label", "For example, Annex A. Leave blank for an untitled annex.", Kind::Text),
    f("decided", "Public interest decided on", "Public interest record: YYYY-MM-DD.", Kind::Date),
    f("balance", "Where the balance lies", "Public interest record.", Kind::Choice(BALANCES)),
    f("file", "File", "Document: a Markdown or DOCX file beside the case file.", Kind::Text),
    f("to", "Addressee", "Letter: one line each.", Kind::Lines),
    f("date", "Date as printed", "Letter: for example, July 2023.", Kind::Text),
    f("salutation", "Salutation", "Letter: what follows Dear.", Kind::Text),
    f("body", "Body", PARAS, Kind::Paragraphs),
    f("closing", "Closing", "Letter: for example, Yours sincerely,", Kind::Text),
    Part::List { key: "signatories", noun: "Signatory", hint: "", parts: SIGNATORY },
];

/// The form, grouped as the letter is.
pub const SECTIONS: &[Section] = &[
    Section {
        id: "case",
        title: "The case",
        parts: &[
            f("reference", "Reference", "The authority's reference, for example FOI-2024-0012.", Kind::Text),
            f("regime", "Regime", "The law the request falls under.", Kind::Choice(REGIMES)),
            f(
                "profile",
                "Authority profile",
                "Optional: a profile file, relative to this case file, supplying the letterhead, review and sign-off.",
                Kind::Text,
            ),
        ],
    },
    Section {
        id: "requester",
        title: "Requester",
        parts: &[
            f("requester.name", "Name", "As it appears on the letter, for example Mr Gallagher.", Kind::Text),
            f("requester.salutation", "Salutation", "What follows Dear; leave blank to use the name.", Kind::Text),
            f("requester.email", "Email address", "", Kind::Email),
            f("requester.address", "Postal address", "One line each.", Kind::Lines),
        ],
    },
    Section {
        id: "request",
        title: "The request",
        parts: &[
            f("request.received", "Date received", "YYYY-MM-DD, for example 2017-03-27.", Kind::Date),
            f("request.channel", "How it arrived", "For example email, e-mail, letter, web form.", Kind::Text),
            f("request.text", "The request", "Verbatim. Blank lines separate paragraphs.", Kind::Long),
            f("acknowledged", "Acknowledged on", "Optional: YYYY-MM-DD; default the day received.", Kind::Date),
        ],
    },
    Section {
        id: "items",
        title: "Request items and decisions",
        parts: &[Part::List {
            key: "response.items",
            noun: "Item",
            hint: "One per item of the request, as the requester numbered them, each with its decision. Leave empty to give one decision for the whole request below.",
            parts: ITEM,
        }],
    },
    Section {
        id: "decision",
        title: "The reply",
        parts: &[
            f("response.date", "Date of the reply", "YYYY-MM-DD.", Kind::Date),
            f(
                "response.held",
                "Information held",
                "One decision for the whole request: is the information held?",
                Kind::Bool,
            ),
            f("response.outcome", "Outcome", "One decision for the whole request.", Kind::Choice(OUTCOMES)),
            f("response.body", "What the reply says", PARAS, Kind::Paragraphs),
            f(
                "response.withheld",
                "What is withheld",
                "Completes: we have decided that … is exempt from disclosure.",
                Kind::Text,
            ),
            f(
                "response.explanation",
                "What the exemptions provide",
                "In plain words, after the list of sections.",
                Kind::Long,
            ),
            f(
                "response.refusal.ground",
                "Refusal of the whole request",
                "Cost limit, vexatious or repeated; leave blank otherwise.",
                Kind::Choice(GROUNDS),
            ),
            f("response.refusal.reasons", "Why the ground applies", PARAS, Kind::Paragraphs),
            f("response.refusal.advice", "Advice and assistance", PARAS, Kind::Paragraphs),
            Part::List { key: "response.refusal.estimate", noun: "Cost estimate activity", hint: "", parts: ACTIVITY },
        ],
    },
    Section {
        id: "exemptions",
        title: "Exemptions and public interest",
        parts: &[Part::List {
            key: "exemptions",
            noun: "Exemption",
            hint: "The exemptions (exceptions) relied on for the whole request, each with why it applies and the public interest factors.",
            parts: EXEMPTION,
        }],
    },
    Section {
        id: "annexes",
        title: "Annexes",
        parts: &[Part::List {
            key: "annexes",
            noun: "Annex",
            hint: "In the order they follow the letter.",
            parts: ANNEX,
        }],
    },
    Section {
        id: "stages",
        title: "Other letters of the case",
        parts: &[
            f("clarification.date", "Clarification requested on", "YYYY-MM-DD.", Kind::Date),
            f("clarification.questions", "What is unclear", PARAS, Kind::Paragraphs),
            f("clarification.answered", "Clarification answered on", "The clock starts again that day.", Kind::Date),
            f("extension.date", "Holding notice sent on", "YYYY-MM-DD.", Kind::Date),
            f("extension.until", "Decision expected by", "FOIA: YYYY-MM-DD.", Kind::Date),
            f("extension.considering", "Exemptions still being considered", "FOIA: one per line.", Kind::Lines),
            f("extension.reason", "Why more time is needed", "", Kind::Long),
            f("internal_review.received", "Internal review requested on", "YYYY-MM-DD.", Kind::Date),
            f("internal_review.date", "Review outcome sent on", "YYYY-MM-DD.", Kind::Date),
            f("internal_review.examined", "What the review examined", "One per line.", Kind::Lines),
            f("internal_review.conclusion", "Conclusion", "", Kind::Choice(CONCLUSIONS)),
            f("internal_review.findings", "Findings", PARAS, Kind::Paragraphs),
            f("internal_review.signed", "Signed by", "If not the reply's sign-off team.", Kind::Text),
        ],
    },
    Section {
        id: "authority",
        title: "Authority",
        parts: &[
            f("authority.name", "Name", "For example, Home Office.", Kind::Text),
            f("authority.called", "Called", "How letters refer to it, for example the Department.", Kind::Text),
            f("authority.unit", "Unit", "The unit or directorate answering.", Kind::Text),
            f("authority.address", "Address", "One line each.", Kind::Lines),
            f("authority.phone", "Telephone", "", Kind::Text),
            f("authority.fax", "Fax", "", Kind::Text),
            f("authority.email", "Email address", "", Kind::Email),
            f("authority.website", "Website", "", Kind::Text),
            f("authority.style", "House style", "", Kind::Choice(STYLES)),
            f("authority.limit", "Cost limit class", "FOIA Fees Regulations reg 3.", Kind::Choice(LIMITS)),
        ],
    },
    Section {
        id: "review",
        title: "Internal review and sign-off",
        parts: &[
            f(
                "review.window",
                "Time to ask for a review",
                "In the letter's words, for example two months; leave blank for the regime's.",
                Kind::Text,
            ),
            f("review.email", "Review email address", "", Kind::Email),
            f("review.address", "Review postal address", "One line each.", Kind::Lines),
            f("sign_off.team", "Signed by team", "For example, FOI Team.", Kind::Text),
            f("sign_off.name", "Signatory's name", "If signed personally.", Kind::Text),
            f("sign_off.title", "Signatory's job title", "", Kind::Text),
            f("privacy_notice", "Privacy notice", "A full web address.", Kind::Text),
        ],
    },
];

/// The kind of the field at `dotted`, if the form has such a field.
pub fn kind_of(dotted: &str) -> Option<Kind> {
    fn find(parts: &'static [Part], segs: &[Seg]) -> Option<Kind> {
        for part in parts {
            match part {
                Part::Field(field) => {
                    if matches_key(field.key, segs) == Some(segs.len()) {
                        return Some(field.kind);
                    }
                }
                Part::List { key, parts, .. } => {
                    if let Some(n) = matches_key(key, segs)
                        && let Some(Seg::Index(_)) = segs.get(n)
                        && let Some(k) = find(parts, &segs[n + 1..])
                    {
                        return Some(k);
                    }
                }
            }
        }
        None
    }
    let segs = value::parse(dotted);
    SECTIONS.iter().find_map(|s| find(s.parts, &segs))
}

/// The field at `dotted` in words, for the error summary: its section and
/// label, with the list element it is in ("Exemptions and public interest:
/// Exemption 2, Provision").
pub fn describe(dotted: &str) -> String {
    fn find(parts: &'static [Part], segs: &[Seg], trail: &mut Vec<String>) -> Option<&'static str> {
        for part in parts {
            match part {
                Part::Field(field) if matches_key(field.key, segs) == Some(segs.len()) => return Some(field.label),
                Part::List { key, noun, parts, .. } => {
                    if let Some(n) = matches_key(key, segs)
                        && let Some(Seg::Index(i)) = segs.get(n)
                    {
                        trail.push(format!("{noun} {}", i + 1));
                        if let Some(label) = find(parts, &segs[n + 1..], trail) {
                            return Some(label);
                        }
                        trail.pop();
                    }
                }
                Part::Field(_) => {}
            }
        }
        None
    }
    let segs = value::parse(dotted);
    for s in SECTIONS {
        let mut trail = Vec::new();
        if let Some(label) = find(s.parts, &segs, &mut trail) {
            trail.push(label.to_string());
            return format!("{}: {}", s.title, trail.join(", "));
        }
    }
    dotted.to_string()
}

/// How many leading segments of `segs` spell `key`.
fn matches_key(key: &str, segs: &[Seg]) -> Option<usize> {
    let mut n = 0;
    for part in key.split('.') {
        match segs.get(n) {
            Some(Seg::Key(k)) if k == part => n += 1,
            _ => return None,
        }
    }
    Some(n)
}

/// A submitted field's text as the case value it stands for; `None` when
/// empty (the key is then left out of the case file).
fn to_value(kind: Kind, raw: &str) -> Option<Value> {
    let raw = raw.replace("\r\n", "\n");
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(match kind {
        Kind::Long => Value::String(raw.trim_end().to_string()),
        Kind::Paragraphs => Value::Array(
            paragraphs(&raw)
                .into_iter()
                .map(|p| Value::String(p.split_whitespace().collect::<Vec<_>>().join(" ")))
                .collect(),
        ),
        Kind::Lines => Value::Array(
            raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| Value::String(l.to_string())).collect(),
        ),
        Kind::Bool => Value::Bool(match trimmed {
            "true" => true,
            "false" => false,
            _ => return None,
        }),
        Kind::Number => trimmed
            .parse::<i64>()
            .map(Value::from)
            .ok()
            .or_else(|| trimmed.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number))
            .unwrap_or_else(|| Value::String(trimmed.to_string())),
        _ => Value::String(trimmed.to_string()),
    })
}

fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// The case value a submission stands for: `base` (the file as read) with
/// each submitted field of the form set (an empty one removed; one whose
/// text is unchanged keeps the file's value), and the list element added or
/// removed that `_action` asks for.
pub fn apply(base: &Value, form: &[(String, String)]) -> Value {
    let mut value = if base.is_object() { base.clone() } else { Value::Object(Map::new()) };
    for (name, raw) in form {
        if name.starts_with('_') {
            continue;
        }
        let Some(kind) = kind_of(name) else { continue };
        let segs = value::parse(name);
        let new = to_value(kind, raw);
        let old = value::get(base, &segs);
        match (new, old) {
            (Some(n), Some(o)) if value::same(&n, o) => {
                value::set(&mut value, &segs, o.clone());
            }
            (Some(n), _) => {
                value::set(&mut value, &segs, n);
            }
            // `body: []` or `salutation: ""` in the file says what a blank field says.
            (None, Some(Value::Null)) => {}
            (None, Some(Value::String(o))) if o.trim().is_empty() => {}
            (None, Some(Value::Array(o))) if o.is_empty() => {}
            (None, _) => remove_pruning(&mut value, &segs),
        }
    }
    for (name, arg) in form {
        if name != "_action" {
            continue;
        }
        if let Some(list) = arg.strip_prefix("add:") {
            let segs = value::parse(list);
            if kind_of(&format!("{list}.0.{}", first_key(list))).is_some() {
                let len = value::get(&value, &segs).and_then(Value::as_array).map_or(0, Vec::len);
                value::set(&mut value, &[segs, vec![Seg::Index(len)]].concat(), Value::Object(Map::new()));
            }
        } else if let Some(item) = arg.strip_prefix("remove:") {
            remove_pruning(&mut value, &value::parse(item));
        }
    }
    value
}

/// The first field key of the list at `list` (to check the list exists).
fn first_key(list: &str) -> &'static str {
    fn find(parts: &'static [Part], segs: &[Seg]) -> Option<&'static str> {
        for part in parts {
            if let Part::List { key, parts: inner, .. } = part
                && let Some(n) = matches_key(key, segs)
            {
                if n == segs.len() {
                    return inner.iter().find_map(|p| match p {
                        Part::Field(f) => Some(f.key),
                        Part::List { .. } => None,
                    });
                }
                if let Some(Seg::Index(_)) = segs.get(n)
                    && let Some(k) = find(inner, &segs[n + 1..])
                {
                    return Some(k);
                }
            }
        }
        None
    }
    let segs = value::parse(list);
    SECTIONS.iter().find_map(|s| find(s.parts, &segs)).unwrap_or("")
}

/// Removes the value at `segs`, and any mapping left empty above it.
fn remove_pruning(value: &mut Value, segs: &[Seg]) {
    value::remove(value, segs);
    let mut at = segs.len();
    while at > 1 {
        at -= 1;
        let parent = &segs[..at];
        let empty = matches!(value::get(value, parent), Some(Value::Object(m)) if m.is_empty());
        let in_mapping = matches!(segs[at - 1], Seg::Key(_)) && matches!(parent.last(), Some(Seg::Key(_)));
        if empty && in_mapping {
            value::remove(value, parent);
        } else {
            break;
        }
    }
}

/// What to show beside fields: errors, and the validator's notes.
#[derive(Debug, Default)]
pub struct Marks {
    /// Errors by dotted path.
    pub errors: BTreeMap<String, Vec<String>>,
    /// Validator findings by dotted path, as HTML.
    pub notes: BTreeMap<String, Vec<String>>,
    /// The reply's due date, in words, shown under the received date.
    pub due: String,
}

/// Every field path the form shows for `value`, in order.
pub fn field_paths(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in SECTIONS {
        paths_of(s.parts, "", value, &mut out);
    }
    out
}

fn paths_of(parts: &'static [Part], prefix: &str, value: &Value, out: &mut Vec<String>) {
    for part in parts {
        match part {
            Part::Field(field) => out.push(format!("{prefix}{}", field.key)),
            Part::List { key, parts, .. } => {
                let list = format!("{prefix}{key}");
                let len = value::get(value, &value::parse(&list)).and_then(Value::as_array).map_or(0, Vec::len);
                for i in 0..len {
                    paths_of(parts, &format!("{list}.{i}."), value, out);
                }
            }
        }
    }
}

/// The field a problem at `path` (dotted) is shown beside: the field
/// itself, else the first field inside it, else its nearest ancestor's.
pub fn attach(paths: &[String], path: &str) -> Option<String> {
    let mut want = path.to_string();
    loop {
        if let Some(p) = paths.iter().find(|p| **p == want) {
            return Some(p.clone());
        }
        let inside = format!("{want}.");
        if let Some(p) = paths.iter().find(|p| p.starts_with(&inside)) {
            return Some(p.clone());
        }
        want = want.rsplit_once('.')?.0.to_string();
    }
}

/// The HTML id of the field at `path`.
pub fn id(path: &str) -> String {
    path.replace('.', "-")
}

/// The form's sections for `value`, with `marks` beside the fields.
pub fn render(value: &Value, marks: &Marks) -> String {
    let regime: RegimeId = value.get("regime").and_then(|r| serde_json::from_value(r.clone()).ok()).unwrap_or_default();
    let mut out = String::new();
    for s in SECTIONS {
        let _ = write!(
            out,
            "<section class=\"form-section\" id=\"section-{}\" aria-labelledby=\"section-{}-title\">\n<h2 id=\"section-{}-title\">{}</h2>\n",
            s.id,
            s.id,
            s.id,
            esc(s.title)
        );
        parts(&mut out, s.parts, "", value, marks, regime);
        out.push_str("</section>\n");
    }
    out
}

fn parts(out: &mut String, list: &'static [Part], prefix: &str, value: &Value, marks: &Marks, regime: RegimeId) {
    for part in list {
        match part {
            Part::Field(field) => one(out, field, &format!("{prefix}{}", field.key), value, marks, regime),
            Part::List { key, noun, hint, parts: inner } => {
                let path = format!("{prefix}{key}");
                let items = value::get(value, &value::parse(&path)).and_then(Value::as_array).map_or(0, Vec::len);
                let _ = writeln!(out, "<div class=\"list\" id=\"{}\">", esc(&id(&path)));
                if !hint.is_empty() {
                    let _ = writeln!(out, "<p class=\"hint\">{}</p>", esc(hint));
                }
                for i in 0..items {
                    let item = format!("{path}.{i}");
                    let _ = write!(
                        out,
                        "<fieldset class=\"item\" id=\"{}\">\n<legend>{} {}</legend>\n",
                        esc(&id(&item)),
                        esc(noun),
                        i + 1
                    );
                    parts(out, inner, &format!("{item}."), value, marks, regime);
                    let _ = write!(
                        out,
                        "<button type=\"submit\" class=\"button secondary\" name=\"_action\" value=\"remove:{}\" formnovalidate>Remove {} {}</button>\n</fieldset>\n",
                        esc(&item),
                        esc(&noun.to_lowercase()),
                        i + 1
                    );
                }
                let _ = write!(
                    out,
                    "<button type=\"submit\" class=\"button secondary\" name=\"_action\" value=\"add:{}\" formnovalidate>Add {}</button>\n</div>\n",
                    esc(&path),
                    esc(&noun.to_lowercase())
                );
            }
        }
    }
}

/// One field: label, hint, error, notes and input, as the GOV.UK Design
/// System lays them out.
fn one(out: &mut String, field: &Field, path: &str, value: &Value, marks: &Marks, regime: RegimeId) {
    let fid = id(path);
    let current = value::get(value, &value::parse(path));
    let errors = marks.errors.get(path);
    let mut described = Vec::new();
    let hint = match field.kind {
        Kind::Exemption => exemption_hint(regime, current.and_then(Value::as_str), field.hint),
        _ => esc(field.hint),
    };
    let class = if errors.is_some() { "field field--error" } else { "field" };
    let _ = writeln!(out, "<div class=\"{class}\" data-field=\"{}\">", esc(path));
    let _ = writeln!(out, "<label for=\"{fid}\">{}</label>", esc(field.label));
    if !hint.is_empty() {
        let _ = writeln!(out, "<div class=\"hint\" id=\"{fid}-hint\">{hint}</div>");
        described.push(format!("{fid}-hint"));
    }
    if let Some(errors) = errors {
        let text: Vec<String> = errors.iter().map(|e| esc(e)).collect();
        let _ = writeln!(
            out,
            "<p class=\"error-message\" id=\"{fid}-error\"><span class=\"visually-hidden\">Error:</span> {}</p>",
            text.join("; ")
        );
        described.push(format!("{fid}-error"));
    }
    if let Some(notes) = marks.notes.get(path) {
        let _ = writeln!(out, "<div class=\"notes\" id=\"{fid}-notes\">{}</div>", notes.join(""));
        described.push(format!("{fid}-notes"));
    }
    let attrs = format!(
        "id=\"{fid}\" name=\"{}\"{}{}",
        esc(path),
        if described.is_empty() { String::new() } else { format!(" aria-describedby=\"{}\"", described.join(" ")) },
        if errors.is_some() { " aria-invalid=\"true\"" } else { "" }
    );
    let text = current.and_then(value::scalar_text).unwrap_or_default();
    match field.kind {
        Kind::Text | Kind::Number => {
            let _ = writeln!(out, "<input class=\"input\" type=\"text\" {attrs} value=\"{}\">", esc(&text));
        }
        Kind::Email => {
            let _ = writeln!(
                out,
                "<input class=\"input\" type=\"email\" autocomplete=\"off\" spellcheck=\"false\" {attrs} value=\"{}\">",
                esc(&text)
            );
        }
        Kind::Date => {
            let _ = writeln!(
                out,
                "<input class=\"input input--date\" type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" placeholder=\"YYYY-MM-DD\" {attrs} value=\"{}\">",
                esc(&text)
            );
            if path == "request.received" {
                let _ = writeln!(out, "<p id=\"due-date\" class=\"due\" aria-live=\"polite\">{}</p>", esc(&marks.due));
            }
        }
        Kind::Long => {
            let rows = (text.lines().count() + 1).clamp(3, 20);
            let _ = writeln!(out, "<textarea class=\"textarea\" rows=\"{rows}\" {attrs}>\n{}</textarea>", esc(&text));
        }
        Kind::Paragraphs | Kind::Lines => {
            let sep = if field.kind == Kind::Lines { "\n" } else { "\n\n" };
            match current {
                Some(Value::Array(items)) if items.iter().any(|i| !i.is_string()) => {
                    let _ = writeln!(
                        out,
                        "<p class=\"readonly\" id=\"{fid}\">This holds lists or tables: edit it in the case file. It is kept as it is when you save.</p>"
                    );
                }
                _ => {
                    let joined = match current {
                        Some(Value::Array(items)) => {
                            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(sep)
                        }
                        _ => text,
                    };
                    let rows = (joined.lines().count() + 1).clamp(3, 24);
                    let _ = writeln!(
                        out,
                        "<textarea class=\"textarea\" rows=\"{rows}\" {attrs}>\n{}</textarea>",
                        esc(&joined)
                    );
                }
            }
        }
        Kind::Choice(options) => {
            select(out, &attrs, &text, options.iter().map(|(v, l)| (v.to_string(), l.to_string())))
        }
        Kind::Bool => select(out, &attrs, &text, [("true", "Yes"), ("false", "No")].map(|(v, l)| (v.into(), l.into()))),
        Kind::Exemption => select(out, &attrs, &text, catalogue(regime)),
    }
    out.push_str("</div>\n");
}

fn select(out: &mut String, attrs: &str, current: &str, options: impl IntoIterator<Item = (String, String)>) {
    let _ = writeln!(out, "<select class=\"select\" {attrs}>\n<option value=\"\">Not set</option>");
    let mut found = current.is_empty();
    for (v, label) in options {
        let selected = v == current;
        found |= selected;
        let _ = writeln!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            esc(&v),
            if selected { " selected" } else { "" },
            esc(&label)
        );
    }
    if !found {
        let _ = writeln!(out, "<option value=\"{}\" selected>{} (as in the file)</option>", esc(current), esc(current));
    }
    out.push_str("</select>\n");
}

/// Every provision of the regime's catalogue a letter can cite, with its
/// heading: the provision and each subsection letters cite.
fn catalogue(regime: RegimeId) -> Vec<(String, String)> {
    let law = regime.regime();
    let word = if law.provision_word == "regulation" { "reg" } else { "s" };
    let mut out = Vec::new();
    for def in law.exemptions.iter().filter(|d| d.kind == crate::law::Kind::Exemption) {
        let label = |cite: &str| format!("{word} {cite} – {} ({})", def.title, def.test());
        // The section itself too: letters cite "section 41" as often as
        // "section 41(1)" (the real 43342 reply does).
        out.push((def.section.to_string(), label(def.section)));
        for sub in def.subsections {
            let cite = format!("{}{sub}", def.section);
            out.push((cite.clone(), label(&cite)));
        }
    }
    out
}

/// The hint for a provision field: the catalogue entry's test once one is picked.
fn exemption_hint(regime: RegimeId, cited: Option<&str>, general: &str) -> String {
    let law = regime.regime();
    match cited.map(|c| law.cite(c)) {
        Some(Ok(c)) => {
            let pi = if c.qualified() {
                "qualified: give public interest factors both ways"
            } else {
                "absolute: no public interest test"
            };
            format!(
                "{} – {}; test: {}; {pi}. <span class=\"source\">{}</span>",
                esc(&law.heading(c.cited)),
                esc(&c.def.test()),
                esc(c.def.harm.describe()),
                esc(c.def.source)
            )
        }
        _ => esc(general),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn knows_its_fields_and_only_those() {
        assert_eq!(kind_of("requester.name"), Some(Kind::Text));
        assert_eq!(kind_of("response.items.3.exemptions.0.section"), Some(Kind::Exemption));
        assert_eq!(kind_of("annexes.0.signatories.2.role"), Some(Kind::Text));
        assert_eq!(kind_of("response.items.x.asked"), None);
        assert_eq!(kind_of("authority.evil"), None);
        assert_eq!(describe("requester.email"), "Requester: Email address");
        assert_eq!(describe("exemptions.1.section"), "Exemptions and public interest: Exemption 2, Provision");
    }

    #[test]
    fn a_submission_edits_a_copy_of_the_case() {
        let base = json!({"reference": "1", "requester": {"name": "Ann", "email": "a@b.c"}, "extra": 1, "request": {"text": "a\nb\n"}});
        let form: Vec<(String, String)> = [
            ("reference", "2"),
            ("requester.email", ""),
            ("request.text", "a\r\nb"),
            ("exemptions.0.public_interest.for", "one\n  two\n\nthree"),
            ("nonsense.field", "x"),
            ("_action", "add:response.items"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let v = apply(&base, &form);
        assert_eq!(v["reference"], "2");
        assert_eq!(v["requester"], json!({"name": "Ann"}));
        assert_eq!(v["request"]["text"], "a\nb\n", "unchanged text keeps its final newline");
        assert_eq!(v["exemptions"][0]["public_interest"]["for"], json!(["one two", "three"]));
        assert_eq!(v["extra"], 1);
        assert!(v.get("nonsense").is_none());
        assert_eq!(v["response"]["items"], json!([{}]));
    }
}
