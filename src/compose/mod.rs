//! Stage 2: a validated [`Case`] and a [`TemplateSet`] compose into one
//! [`Document`].
//!
//! Handlebars runs in strict mode (a missing variable is an error, never a
//! blank) with [`markup::escape`] as its escape function, so values from the
//! case are printed, never interpreted. Templates are compiled once, when the
//! [`Composer`] is built, and reused for every letter.

pub mod context;
pub mod helpers;
pub mod markup;
mod requester;
pub mod templates;

use std::fmt;

use handlebars::Handlebars;
use serde_json::Value;

use crate::case::Case;
use crate::doc::{Annex, Document, Meta};
use crate::law::calendar::Calendar;

pub use templates::TemplateSet;

/// Compiled templates, ready to compose any number of letters.
pub struct Composer {
    hb: Handlebars<'static>,
    set: TemplateSet,
    calendar: Calendar,
}

/// A template failed to compile or render, or produced malformed markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposeError {
    /// The template, as a file the user can open.
    pub template: String,
    /// 1-based line in the template (or in its output, for markup errors).
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for ComposeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: template {}", self.template)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ComposeError {}

impl Composer {
    /// Compiles every template in `set`.
    pub fn new(set: TemplateSet) -> Result<Composer, ComposeError> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(markup::escape);
        helpers::register(&mut hb);
        for (name, source) in set.iter() {
            hb.register_template_string(name, source).map_err(|e| {
                let pos = e.pos();
                ComposeError {
                    template: set.origin(name),
                    line: pos.map(|p| p.0),
                    column: pos.map(|p| p.1),
                    message: e.reason().to_string(),
                }
            })?;
        }
        Ok(Composer { hb, set, calendar: Calendar::builtin() })
    }

    /// Uses `calendar` (e.g. with newly proclaimed bank holidays) for the
    /// dates letters state.
    pub fn with_calendar(mut self, calendar: Calendar) -> Composer {
        self.calendar = calendar;
        self
    }

    /// The built-in templates, compiled.
    pub fn builtin() -> Composer {
        Composer::new(TemplateSet::builtin()).expect("built-in templates compile (tested)")
    }

    /// Composes the letter for `case`.
    pub fn compose(&self, case: &Case) -> Result<Document, ComposeError> {
        let ctx = context::letter(case, &self.calendar).map_err(|e| ComposeError {
            template: "letter".into(),
            line: None,
            column: None,
            message: e.to_string(),
        })?;
        let letter = self.parse("letter", &ctx)?;
        let mut annexes = Vec::with_capacity(case.annexes.len());
        for annex in &case.annexes {
            let name = match annex.kind {
                crate::case::AnnexKind::PublicInterest => "annex/public-interest",
                crate::case::AnnexKind::Letter => "annex/letter",
            };
            let parsed = self.parse(name, &context::annex(ctx.clone(), annex))?;
            annexes.push(Annex { label: annex.label.clone(), blocks: parsed.blocks });
        }
        Ok(Document { meta: meta(case), letterhead: letter.letterhead, body: letter.blocks, annexes })
    }

    /// The internal review outcome letter for `case` (which must have an
    /// `internal_review`).
    pub fn compose_review_outcome(&self, case: &Case) -> Result<Document, ComposeError> {
        let Some(review) = &case.internal_review else {
            return Err(ComposeError {
                template: "review-outcome".into(),
                line: None,
                column: None,
                message: "the case has no `internal_review` to report".into(),
            });
        };
        let ctx = context::letter(case, &self.calendar).map_err(|e| ComposeError {
            template: "review-outcome".into(),
            line: None,
            column: None,
            message: e.to_string(),
        })?;
        let parsed = self.parse("review-outcome", &ctx)?;
        let mut meta = meta(case);
        meta.title = format!("Internal review of Freedom of Information request {}", case.reference);
        meta.subject = "Internal review outcome".into();
        meta.date = review.date.0;
        Ok(Document { meta, letterhead: parsed.letterhead, body: parsed.blocks, annexes: Vec::new() })
    }

    /// Renders a template to text.
    fn render_text(&self, name: &str, ctx: &Value) -> Result<String, ComposeError> {
        self.hb.render(name, ctx).map_err(|e| ComposeError {
            template: self.set.origin(e.template_name.as_deref().unwrap_or(name)),
            line: e.line_no,
            column: e.column_no,
            message: render_reason(e.reason()),
        })
    }

    /// Renders a template and parses its markup.
    fn parse(&self, name: &str, ctx: &Value) -> Result<markup::Parsed, ComposeError> {
        let text = self.render_text(name, ctx)?;
        markup::parse(&text).map_err(|e| ComposeError {
            template: self.set.origin(name),
            line: None,
            column: None,
            message: format!(
                "output line {}: {} (line: `{}`)",
                e.line,
                e.message,
                text.lines().nth(e.line - 1).unwrap_or("")
            ),
        })
    }
}

fn meta(case: &Case) -> Meta {
    Meta {
        title: format!("Freedom of Information request {}", case.reference),
        author: case.authority.unit.clone().unwrap_or_else(|| case.sign_off.team.clone()),
        subject: format!(
            "Response to a request for information received {}",
            helpers::format_date(case.request.received, helpers::DateStyle::Long)
        ),
        reference: case.reference.clone(),
        date: case.response.date.0,
        draft: false,
    }
}

/// Handlebars' reason in words: its own text for a missing variable shows
/// Rust's `Some("…")`, which means nothing to a template author.
fn render_reason(reason: &handlebars::RenderErrorReason) -> String {
    match reason {
        handlebars::RenderErrorReason::MissingVariable(Some(path)) => {
            format!(
                "no value `{path}` in the case (check its spelling against the case file fields in templates/README.md)"
            )
        }
        other => other.to_string(),
    }
}
