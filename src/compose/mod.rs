//! Stage 2: a validated [`Case`] and a [`TemplateSet`] compose into one
//! [`Document`].
//!
//! Handlebars runs in strict mode (a missing variable is an error, never a
//! blank) with [`markup::escape`] as its escape function, so values from the
//! case are printed, never interpreted. Each template is compiled once, when
//! a letter first needs it, and reused for every letter after.

mod compile;
pub mod context;
pub mod helpers;
pub mod markdown;
pub mod markup;
mod requester;
mod schedule;
pub mod templates;

use std::collections::BTreeMap;
use std::fmt;

use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use handlebars::{Context, Handlebars, RenderErrorReason};
use serde_json::Value;

use crate::case::Case;
use crate::doc::{Annex, Block, Document, Inline, Meta, line_text};
use crate::kind::LetterKind;
use crate::law::calendar::Calendar;

pub use templates::TemplateSet;

/// Compiled templates, ready to compose any number of letters.
pub struct Composer {
    /// Templates compiled so far (see [`Composer::new`]).
    hb: RwLock<Handlebars<'static>>,
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
    /// Prepares to compose with `set`. The user's own templates (the
    /// `--templates` overlay) are compiled now, so a mistake in one is
    /// reported before any letter is written; a built-in is compiled when a
    /// letter first uses it, so one letter pays only for the templates it
    /// needs (compiling all of them costs more than composing the letter).
    pub fn new(set: TemplateSet) -> Result<Composer, ComposeError> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(markup::escape);
        helpers::register(&mut hb);
        let composer = Composer { hb: RwLock::new(hb), set, calendar: Calendar::builtin() };
        for (name, _) in composer.set.iter().filter(|(n, _)| composer.set.is_override(n)) {
            composer.prepare(name)?;
        }
        Ok(composer)
    }

    /// Compiles every template in the set, reporting the first that fails
    /// (for `foikit templates list` and the tests of the built-ins).
    pub fn compile_all(&self) -> Result<(), ComposeError> {
        self.set.iter().try_for_each(|(name, _)| self.prepare(name))
    }

    /// Compiles template `name`, unless it already is, and the partials it
    /// names. A template that calls a partial by a computed name in the
    /// block form (which renders its own content when the partial is
    /// missing) gets every template, so a partial not yet compiled is never
    /// taken for a missing one.
    fn prepare(&self, name: &str) -> Result<(), ComposeError> {
        if read(&self.hb).has_template(name) {
            return Ok(());
        }
        let Some(source) = self.set.source(name) else { return Ok(()) };
        let mut hb = self.hb.write().unwrap_or_else(PoisonError::into_inner);
        let template = compile::compile(name, source).map_err(|e| ComposeError {
            template: self.set.origin(name),
            line: e.line,
            column: e.column,
            message: e.message,
        })?;
        hb.register_template(name, template);
        // Released before the partials: each takes the lock itself.
        drop(hb);
        for call in source.split("{{").skip(1).filter_map(templates::partial_call) {
            match call.name {
                Some(partial) => self.prepare(partial)?,
                None if call.block => self.compile_all()?,
                None => {}
            }
        }
        Ok(())
    }

    /// Uses `calendar` (e.g. with newly proclaimed bank holidays) for the
    /// dates letters state.
    pub fn with_calendar(mut self, calendar: Calendar) -> Composer {
        self.calendar = calendar;
        self
    }

    /// The built-in templates, compiled as letters need them.
    pub fn builtin() -> Composer {
        Composer::new(TemplateSet::builtin()).expect("built-in templates compile (tested)")
    }

    /// Composes the letter the case's stage calls for (see [`Case::stage_kind`]).
    pub fn compose(&self, case: &Case) -> Result<Document, ComposeError> {
        self.compose_letter(case, case.stage_kind())
    }

    /// Composes the letter of `kind` for `case`: the acknowledgement, a
    /// clarification, a holding notice, the reply (whose kind must be the
    /// one its decisions make) or the review outcome.
    pub fn compose_letter(&self, case: &Case, kind: LetterKind) -> Result<Document, ComposeError> {
        let fail = |template: &str, message: String| ComposeError {
            template: template.to_string(),
            line: None,
            column: None,
            message,
        };
        let written =
            kind.written().ok_or_else(|| fail(kind.slug(), format!("foikit does not write {kind} letters")))?;
        kind.available(case.regime).map_err(|m| fail(written.template, m))?;
        let date = case.letter_date(kind).ok_or_else(|| fail(written.template, missing(case, kind)))?;
        // One context serves every template of the letter: the annexes and
        // the schedule set their own field on it and take it away again,
        // rather than each copying the whole letter's context.
        let mut ctx: Context =
            context::letter(case, kind, &self.calendar).map_err(|e| fail(written.template, e.to_string()))?.into();
        let letter = self.parse(written.template, &ctx)?;
        let mut annexes = Vec::new();
        let mut schedules = Vec::new();
        if kind.is_reply() {
            for annex in &case.annexes {
                let name = match annex.kind {
                    crate::case::AnnexKind::RedactionSchedule => {
                        // Filled in once every other annex is composed.
                        schedules.push(annexes.len());
                        annexes.push(Annex { label: annex.label.clone(), blocks: Vec::new() });
                        continue;
                    }
                    crate::case::AnnexKind::PublicInterest => "annex/public-interest",
                    crate::case::AnnexKind::Letter => "annex/letter",
                    crate::case::AnnexKind::Document => {
                        let file = annex.file.as_deref().unwrap_or_default();
                        let blocks = markdown::blocks(&annex.text).map_err(|m| fail(file, m))?;
                        annexes.push(Annex { label: annex.label.clone(), blocks });
                        continue;
                    }
                };
                ctx.data_mut()["annex"] = context::annex(annex);
                let parsed = self.parse(name, &ctx)?;
                ctx.data_mut()["annex"] = Value::Null;
                annexes.push(Annex { label: annex.label.clone(), blocks: parsed.blocks });
            }
        }
        if !schedules.is_empty() {
            ctx.data_mut()["redactions"] = Value::Array(schedule::rows(&letter.blocks, &annexes, case.regime));
            let blocks = self.parse("annex/redaction-schedule", &ctx)?.blocks;
            ctx.data_mut().as_object_mut().and_then(|fields| fields.remove("redactions"));
            for i in schedules {
                annexes[i].blocks.clone_from(&blocks);
            }
        }
        let law = case.regime.kinds();
        let meta = Meta {
            title: match written.title {
                "" => format!("{} {}", law.request_heading, case.reference),
                t => format!("{} {}: {t}", law.request_heading, case.reference),
            },
            author: case.authority.unit.clone().unwrap_or_else(|| case.sign_off.team.clone()),
            subject: format!(
                "{} received {}",
                written.subject,
                helpers::format_date(case.request.received, helpers::DateStyle::Long)
            ),
            reference: case.reference.clone(),
            date: date.0,
            draft: false,
        };
        let house = case.house.as_ref().map(crate::case::House::document).unwrap_or_default();
        let mut doc = Document { meta, letterhead: letter.letterhead, body: letter.blocks, annexes, house };
        self.label_redactions(&mut doc, ctx)?;
        Ok(doc)
    }

    /// Gives every redaction its label, worded by the `redaction` template
    /// in the letter's regime ("[Redacted – regulation 13]" under the EIR).
    fn label_redactions(&self, doc: &mut Document, mut ctx: Context) -> Result<(), ComposeError> {
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        for inline in doc.inlines_mut() {
            let Inline::Redaction { provision, label, .. } = inline else { continue };
            if !labels.contains_key(provision) {
                ctx.data_mut()["provision"] = Value::String(provision.clone());
                let parsed = self.parse("redaction", &ctx)?;
                let text = parsed.blocks.iter().find_map(|b| match b {
                    Block::Paragraph(line) => Some(line_text(line)),
                    _ => None,
                });
                labels.insert(provision.clone(), text.unwrap_or_default());
            }
            label.clone_from(&labels[provision]);
        }
        Ok(())
    }

    /// The reply to the request (the case must have a `response`).
    pub fn compose_reply(&self, case: &Case) -> Result<Document, ComposeError> {
        let kind = case.reply_kind().ok_or_else(|| ComposeError {
            template: "letter".into(),
            line: None,
            column: None,
            message: "the case has no `response` yet: add the decision".into(),
        })?;
        self.compose_letter(case, kind)
    }

    /// The internal review outcome letter for `case` (which must have an
    /// `internal_review`).
    pub fn compose_review_outcome(&self, case: &Case) -> Result<Document, ComposeError> {
        self.compose_letter(case, LetterKind::ReviewOutcome)
    }

    /// Renders a template to text.
    fn render_text(&self, name: &str, ctx: &Context) -> Result<String, ComposeError> {
        self.prepare(name)?;
        // A partial named while rendering (`{{> (lookup this "decision")}}`)
        // is compiled when first missed. In a parallel batch another letter
        // may have compiled it between this render and the miss, so a miss
        // of a partial of the set is always retried; each retry follows a
        // template of the set becoming compiled, so the count bounds it.
        let mut retries = self.set.iter().count();
        let result = loop {
            let result = read(&self.hb).render_with_context(name, ctx);
            let missed = match &result {
                Err(e) => match e.reason() {
                    RenderErrorReason::PartialNotFound(p) if self.set.contains(p) && retries > 0 => Some(p.clone()),
                    _ => None,
                },
                Ok(_) => None,
            };
            match missed {
                Some(partial) => {
                    retries -= 1;
                    self.prepare(&partial)?;
                }
                None => break result,
            }
        };
        result.map_err(|e| ComposeError {
            template: self.set.origin(e.template_name.as_deref().unwrap_or(name)),
            line: e.line_no,
            column: e.column_no,
            message: render_reason(e.reason()),
        })
    }

    /// Renders a template and parses its markup.
    fn parse(&self, name: &str, ctx: &Context) -> Result<markup::Parsed, ComposeError> {
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

/// The registry for reading; a panic elsewhere cannot leave it half-written
/// (templates are registered whole), so a poisoned lock is still sound.
fn read<'a>(hb: &'a RwLock<Handlebars<'static>>) -> RwLockReadGuard<'a, Handlebars<'static>> {
    hb.read().unwrap_or_else(PoisonError::into_inner)
}

/// Why the case has no letter of `kind`: the field it needs.
fn missing(case: &Case, kind: LetterKind) -> String {
    match kind {
        LetterKind::Clarification => "the case has no `clarification` to send".into(),
        LetterKind::HoldingNotice => "the case has no `extension` to give notice of".into(),
        LetterKind::ReviewOutcome => "the case has no `internal_review` to report".into(),
        _ => match case.reply_kind() {
            Some(actual) => format!("the case's decisions make a {actual} reply, not a {kind}"),
            None => "the case has no `response` yet: add the decision".into(),
        },
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
