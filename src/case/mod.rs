//! Stage 1: the case file, read and validated.
//!
//! A case file describes one FOI reply. It is read by [`load`] (YAML, JSON
//! or TOML by extension) into [`Case`]; every problem is reported with the
//! file, line, column and field path, and nothing downstream ever sees a case
//! that failed validation.

mod annex_file;
mod body;
pub(crate) mod checks;
mod date;
mod decisions;
mod docx_annex;
mod error;
mod house;
pub(crate) mod locate;
mod profile;
mod read;
mod stage;
mod strict;

use serde::{Deserialize, Serialize};
use validator::Validate;

pub use body::BodyItem;
pub use date::Date;
pub use error::{CaseError, Problem};
pub use house::{FontFiles, House, Logo};
pub use profile::Profile;
pub use read::{
    SourceFormat, find_char, load, load_as, load_value, load_with_source, parse, parse_as, parse_at, position,
};

use crate::law::RegimeId;

/// One FOI reply, as the clerk describes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The authority's reference, e.g. "43342" or "FOI-2024-0012".
    #[validate(custom(function = "checks::reference"))]
    pub reference: String,
    /// Which access regime the request falls under.
    #[serde(default)]
    pub regime: RegimeId,
    /// The sender: printed as the letterhead.
    #[validate(nested)]
    pub authority: Authority,
    /// Who asked.
    #[validate(nested)]
    pub requester: Requester,
    /// What they asked, and when.
    #[validate(nested)]
    pub request: Request,
    /// An authority profile (a YAML file, relative to the case file) that
    /// supplies `authority`, `review`, `sign_off` and `privacy_notice` when
    /// the case leaves them out, so clerks do not repeat them in every case.
    #[serde(default)]
    pub profile: Option<String>,
    /// When the request was acknowledged (default: the day it was received).
    #[serde(default)]
    pub acknowledged: Option<Date>,
    /// A request for clarification (FOIA s1(3), EIR reg 9(2), FOISA s1(3)).
    #[serde(default)]
    #[validate(nested)]
    pub clarification: Option<Clarification>,
    /// More time taken: a FOIA s17(2) holding notice, or an EIR reg 7 extension.
    #[serde(default)]
    #[validate(nested)]
    pub extension: Option<Extension>,
    /// A fees notice, which stops the clock until the fee is paid.
    #[serde(default)]
    #[validate(nested)]
    pub fees: Option<Fees>,
    /// What the authority decided, once it has.
    #[serde(default)]
    #[validate(nested)]
    pub response: Option<Response>,
    /// Exemptions relied on (empty for a full release).
    #[serde(default)]
    #[validate(nested)]
    pub exemptions: Vec<Exemption>,
    /// Where and how to ask for an internal review.
    #[validate(nested)]
    pub review: Review,
    /// Link to the authority's information-rights privacy notice.
    #[serde(default)]
    #[validate(url(message = "must be a full URL, e.g. https://www.gov.uk/..."))]
    pub privacy_notice: Option<String>,
    /// Who signs the letter.
    #[validate(nested)]
    pub sign_off: SignOff,
    /// The house style: logo, body font, footer, running header, the
    /// DOCX reference document.
    #[serde(default)]
    #[validate(nested)]
    pub house: Option<House>,
    /// Annexes, in the order they follow the letter.
    #[serde(default)]
    #[validate(nested)]
    pub annexes: Vec<Annex>,
    /// The internal review of this reply, once one has been carried out
    /// (rendered with `foikit render --letter review-outcome`).
    #[serde(default)]
    #[validate(nested)]
    pub internal_review: Option<InternalReview>,
}

/// The outcome of an internal review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Conclusion {
    /// The original decision stands.
    Upheld,
    /// It stands in part; some information is now released.
    UpheldInPart,
    /// It is reversed.
    Overturned,
}

/// An internal review carried out by the authority.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct InternalReview {
    /// When the requester asked for the review.
    pub received: Date,
    /// The date of the outcome letter.
    pub date: Date,
    /// What the reviewer examined, e.g. "the withheld information".
    #[validate(length(min = 1, message = "say what the review examined"))]
    pub examined: Vec<String>,
    /// Upheld, upheld in part, or overturned.
    pub conclusion: Conclusion,
    /// The reviewer's reasoning, paragraph by paragraph.
    #[validate(length(min = 1, message = "give the reasons for the conclusion"))]
    pub findings: Vec<String>,
    /// What is now released, if anything.
    #[serde(default)]
    pub released: Vec<BodyItem>,
    /// Who signs, if not the sign-off team of the reply.
    #[serde(default)]
    pub signed: Option<String>,
}

/// A request for clarification: what is unclear. The clock restarts when
/// the answer arrives (FOIA s10(6)(b)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Clarification {
    /// The date of the letter.
    pub date: Date,
    /// What the authority needs to know, one question each.
    #[validate(length(min = 1, message = "say what is unclear"))]
    pub questions: Vec<String>,
    /// The day the requester's answer arrived: it becomes the date of
    /// receipt and the clock starts again (FOIA s10(6)(b)). Until then the
    /// clock does not run.
    #[serde(default)]
    pub answered: Option<Date>,
}

/// A fees notice: the working days from the day it is given to the day the
/// fee arrives do not count (the regime's `fees_provision`, e.g. FOIA s10(2)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// The day the notice was given.
    pub notice: Date,
    /// The day the fee was received; until then the clock does not run.
    #[serde(default)]
    pub paid: Option<Date>,
}

/// More time to reply.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The date of the holding notice (within the first 20 working days).
    pub date: Date,
    /// FOIA: the date by which the public interest decision is expected
    /// (s17(2)); default 20 further working days (ICO guidance). Not used
    /// under the EIR, where the limit is 40 working days (reg 7(1)).
    #[serde(default)]
    pub until: Option<Date>,
    /// FOIA: the qualified exemptions whose public interest test needs the
    /// time (s17(2) requires them to be named).
    #[serde(default)]
    pub considering: Vec<String>,
    /// Why the time is needed, in the letter's words.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The sender's letterhead.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// e.g. "Home Office".
    #[validate(length(min = 1, message = "must not be empty"))]
    pub name: String,
    /// The unit or directorate answering, e.g. "Public Safety Group".
    #[serde(default)]
    pub unit: Option<String>,
    /// Postal address lines.
    #[serde(default)]
    pub address: Vec<String>,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Fax number.
    #[serde(default)]
    pub fax: Option<String>,
    /// Web address, e.g. "www.gov.uk/home-office".
    #[serde(default)]
    pub website: Option<String>,
    /// The unit's e-mail address.
    #[serde(default)]
    #[validate(custom(function = "checks::email", message = "is not a valid e-mail address"))]
    pub email: Option<String>,
    /// How letters refer to the authority in the third person, e.g. "the
    /// Department", "the Council"; default "the" + name.
    #[serde(default)]
    pub called: Option<String>,
    /// Which cost limit applies under FOIA (Fees Regulations reg 3):
    /// `central-government` (£600) or `other` (£450, the default).
    #[serde(default)]
    pub limit: crate::law::cost_limit::LimitClass,
    /// House style: `home-office` keeps the wording of Home Office letters
    /// (the fixtures reproduce them); `standard` (the default) is neutral.
    #[serde(default)]
    pub style: Style,
}

/// An authority's house style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Neutral wording any authority can send.
    #[default]
    Standard,
    /// The Home Office's wording.
    HomeOffice,
}

/// The person who made the request.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    /// Name as it appears on the letter, e.g. "Mr Gallagher".
    #[validate(length(min = 1, message = "must not be empty"))]
    pub name: String,
    /// What follows "Dear"; defaults to the name.
    #[serde(default)]
    pub salutation: Option<String>,
    /// E-mail address for correspondence.
    #[serde(default)]
    #[validate(custom(function = "checks::email", message = "is not a valid e-mail address"))]
    pub email: Option<String>,
    /// Postal address lines.
    #[serde(default)]
    pub address: Vec<String>,
}

/// The request as received.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The date the request was received.
    pub received: Date,
    /// How it arrived, as the letter should name it: "email", "e-mail", "letter", "web form".
    #[serde(default = "default_channel")]
    #[validate(length(min = 1, message = "must not be empty"))]
    pub channel: String,
    /// The request, verbatim. Blank lines separate paragraphs.
    #[validate(custom(function = "checks::non_blank"))]
    pub text: String,
}

fn default_channel() -> String {
    "email".to_string()
}

/// The kind of answer given, in the single-decision form of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// All the information is released.
    Release,
    /// Some is released, some withheld under exemptions.
    Partial,
    /// All the information is withheld under exemptions.
    Refusal,
}

/// The decision.
///
/// Either one decision for the whole request (`outcome`, with the case's
/// `exemptions`), or one decision per item (`items`), or a refusal of the
/// whole request (`refusal`: cost limit, vexatious, repeated).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The date the reply is sent (the letter's date).
    pub date: Date,
    /// Single decision: whether the authority holds the information
    /// (s1(1)(a)); `false` makes a not-held reply.
    #[serde(default, deserialize_with = "strict::optional_boolean")]
    pub held: Option<bool>,
    /// Single decision: release, partial or refusal.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Free paragraphs and lists after the opening, e.g. what is released.
    #[serde(default)]
    pub body: Vec<BodyItem>,
    /// For a refusal or partial release: what is withheld, as it completes
    /// "we have decided that … is exempt from disclosure".
    #[serde(default)]
    pub withheld: Option<String>,
    /// Plain-words summary of what the exemptions provide, printed after the
    /// list of sections.
    #[serde(default)]
    pub explanation: Option<String>,
    /// The request's items as the requester numbered them, each with its decision.
    #[serde(default)]
    #[validate(nested)]
    pub items: Vec<Item>,
    /// The whole request is refused (cost limit, vexatious, repeated).
    #[serde(default)]
    #[validate(nested)]
    pub refusal: Option<Refusal>,
}

/// What was decided for one item of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Released in full.
    Released,
    /// Released in part; the rest withheld under exemptions.
    PartReleased,
    /// Withheld in full under exemptions.
    Withheld,
    /// Not held (the search made is described).
    NotHeld,
    /// Neither confirmed nor denied.
    Ncnd,
    /// Reasonably accessible to the requester elsewhere (FOIA s21, FOISA s25).
    Accessible,
    /// Intended for future publication (FOIA s22, FOISA s27).
    FuturePublication,
}

/// One item of a request and its decision.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The item as the requester put it (a short restatement).
    #[validate(custom(function = "checks::non_blank"))]
    pub asked: String,
    /// What was decided.
    pub decision: Decision,
    /// released, part-released: what is released (paragraphs and lists).
    #[serde(default)]
    pub body: Vec<BodyItem>,
    /// released, part-released: the annex the information is in, e.g. "Annex A".
    #[serde(default)]
    pub annex: Option<String>,
    /// withheld, part-released: what is withheld, e.g. "the names of junior staff".
    #[serde(default)]
    pub withheld: Option<String>,
    /// withheld, part-released, ncnd: the exemptions (exceptions) relied on.
    #[serde(default)]
    #[validate(nested)]
    pub exemptions: Vec<Exemption>,
    /// not-held: the searches made.
    #[serde(default)]
    pub search: Option<String>,
    /// not-held: who may hold the information instead.
    #[serde(default)]
    pub holder: Option<String>,
    /// accessible: where the requester can find it (a URL or a place).
    #[serde(default)]
    pub location: Option<String>,
    /// future-publication: when and where it will be published.
    #[serde(default)]
    pub publication: Option<String>,
    /// not-held, accessible, future-publication: reasons or advice in the letter's words.
    #[serde(default)]
    pub reasons: Vec<String>,
}

/// Why the whole request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ground {
    /// Compliance would exceed the appropriate limit (FOIA s12, FOISA s12).
    CostLimit,
    /// The request is vexatious (FOIA s14(1), FOISA s14(1)).
    Vexatious,
    /// It repeats an earlier request (FOIA s14(2), FOISA s14(2)).
    Repeated,
}

/// A refusal of the whole request: not an exemption, and no public
/// interest test (FOIA s17(5)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    /// The ground.
    pub ground: Ground,
    /// cost-limit: the estimate, activity by activity.
    #[serde(default)]
    #[validate(nested)]
    pub estimate: Vec<Activity>,
    /// Advice and assistance (FOIA s16): what could be provided within the
    /// limit, or how the request could be narrowed.
    #[serde(default)]
    pub advice: Vec<String>,
    /// vexatious, repeated: why the ground applies.
    #[serde(default)]
    pub reasons: Vec<String>,
    /// repeated: the earlier request it repeats.
    #[serde(default)]
    #[validate(nested)]
    pub previous: Option<Previous>,
}

/// One activity of a cost estimate.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// What the work is, e.g. "locating the files in 40 offices".
    #[validate(custom(function = "checks::non_blank"))]
    pub activity: String,
    /// Staff hours it would take.
    #[validate(range(min = 0.0, max = 100000.0, message = "give the hours as a number from 0 to 100000"))]
    pub hours: f64,
}

/// The earlier request a repeated request repeats.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    /// Its date.
    pub received: Date,
    /// Its reference.
    #[serde(default)]
    pub reference: Option<String>,
    /// When it was answered.
    pub answered: Date,
}

/// One exemption relied on.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// The provision, e.g. "24(1)", "41", "40(2)". Must exist in the regime.
    pub section: String,
    /// Why the exemption applies to this information (s17(1)(c)).
    #[serde(default)]
    pub reasons: Vec<String>,
    /// The public interest arguments.
    #[serde(default)]
    #[validate(nested)]
    pub public_interest: PublicInterest,
}

/// Public interest arguments for one exemption (s2, s17(3)).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct PublicInterest {
    /// Factors in favour of disclosure.
    #[serde(default, rename = "for")]
    pub for_disclosure: Vec<String>,
    /// Factors against disclosure.
    #[serde(default, rename = "against")]
    pub against_disclosure: Vec<String>,
    /// The conclusion for this exemption.
    #[serde(default)]
    pub conclusion: Option<String>,
}

/// Internal review particulars (s17(7)(a)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// How long the requester has to ask, in the letter's words ("two
    /// months"); when omitted the letter gives the regime's window in working
    /// days and the date it ends.
    #[serde(default)]
    #[validate(length(min = 1, message = "must not be empty"))]
    pub window: Option<String>,
    /// Where to send it by e-mail.
    #[serde(default)]
    #[validate(custom(function = "checks::email", message = "is not a valid e-mail address"))]
    pub email: Option<String>,
    /// Where to send it by post (lines).
    #[serde(default)]
    pub address: Vec<String>,
}

/// Who signs the letter.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// The team or unit, e.g. "FOI Team".
    #[validate(length(min = 1, message = "must not be empty"))]
    pub team: String,
    /// The signatory's name, if the letter is signed personally.
    #[serde(default)]
    pub name: Option<String>,
    /// The signatory's job title, printed under the name.
    #[serde(default)]
    pub title: Option<String>,
    /// The complimentary close, e.g. "Yours faithfully," or "Kind
    /// regards,"; default "Yours sincerely,".
    #[serde(default)]
    #[validate(custom(function = "checks::non_blank"))]
    pub closing: Option<String>,
}

/// What an annex holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnnexKind {
    /// The decision record: the request, the response and the public
    /// interest test for each exemption, dated.
    PublicInterest,
    /// A letter released with the reply (its own addressee, body and signatories).
    Letter,
    /// A document released with the reply, read from a Markdown or DOCX
    /// `file` beside the case file.
    Document,
    /// A schedule of the letter's redactions: where each is, the provision
    /// and the reason (the ICO recommends one, so a requester can see what
    /// was withheld and why).
    RedactionSchedule,
}

/// One annex.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// What the annex holds.
    pub kind: AnnexKind,
    /// e.g. "Annex A"; omit for an untitled annex.
    #[serde(default)]
    pub label: Option<String>,
    /// public-interest: the date the public interest test was decided.
    #[serde(default)]
    pub decided: Option<Date>,
    /// public-interest: where the balance lies.
    #[serde(default)]
    pub balance: Option<Balance>,
    /// document: the Markdown or DOCX file it is read from, relative to the
    /// case file's folder and inside it.
    #[serde(default)]
    pub file: Option<String>,
    /// document: the file's text, withheld text masked; read with the case.
    #[serde(skip)]
    pub text: String,
    /// letter: the addressee lines.
    #[serde(default)]
    pub to: Vec<String>,
    /// letter: its date as printed (letters are sometimes dated "July 2023").
    #[serde(default)]
    pub date: Option<String>,
    /// letter: what follows "Dear".
    #[serde(default)]
    pub salutation: Option<String>,
    /// letter: paragraphs and lists.
    #[serde(default)]
    pub body: Vec<BodyItem>,
    /// letter: the closing, e.g. "Yours sincerely,".
    #[serde(default)]
    pub closing: Option<String>,
    /// letter: who signed it.
    #[serde(default)]
    #[validate(nested)]
    pub signatories: Vec<Signatory>,
}

/// Where the balance of the public interest lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Balance {
    /// In maintaining the exemption.
    Withhold,
    /// In disclosure.
    Disclose,
}

/// A signatory of an annexed letter.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Person or organisation.
    #[validate(length(min = 1, message = "must not be empty"))]
    pub name: String,
    /// Title and affiliation.
    #[serde(default)]
    pub role: Option<String>,
}

impl Requester {
    /// What follows "Dear".
    pub fn salutation(&self) -> &str {
        self.salutation.as_deref().unwrap_or(&self.name)
    }
}
