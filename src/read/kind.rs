//! What kind of letter this is, from its wording and layout, and the words
//! that decided it. The law attaches different duties to each kind (a s17
//! refusal notice, a FOISA s19 notice, a review outcome, a requester's
//! requirement for review), so the validator can only apply the right rules
//! once it knows what it is reading; and it shows the user the deciding
//! words, so they can see why a rule applied and override it (`--kind`).
//!
//! The order of the tests below matters and is the practitioner's: first
//! whether this is FOI correspondence at all, then documents that are not
//! letters to a requester (decision notices, published releases), then the
//! requester's own letters, then the authority's letters that do not answer
//! the request (review outcomes, holding notices, clarification,
//! acknowledgement), and last the answers themselves, most specific first.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::check::LetterKind;
use crate::read::pattern::re;

/// How the kind of a letter was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KindSource {
    /// Recognised from the wording.
    Wording,
    /// Given by the user (`--kind`).
    Given,
}

/// What the reader recognised about a letter drafted elsewhere, beyond the
/// facts every [`crate::check::Letter`] has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recognition {
    /// How the kind was decided.
    pub by: KindSource,
    /// The wording that decided the kind (or why no wording did).
    pub evidence: String,
    /// The authority, from the letterhead or the salutation of a requester's letter.
    pub authority: Option<String>,
    /// The requester as the letter addresses them ("Dear …").
    pub requester: Option<String>,
    /// Why the letter appears cut short, when it does: rules then say a
    /// paragraph may be in the missing part rather than that it is missing.
    pub incomplete: Option<String>,
}

/// One test: the kind it recognises and the wording that shows it.
struct Test {
    kind: LetterKind,
    pattern: &'static LazyLock<Regex>,
}

/// Any sign this is about a request for information.
static FOI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)freedom of information|\bFOI(?:SA)?\b|\bFoI\b|environmental information|\bEIRs?\b|request for (?:recorded )?information|information request|information commissioner|disclosure log|internal review|\bFOI\s*(?:ref|request)",
    )
});

/// A salutation or sign-off: the shape of a letter or e-mail.
static LETTER_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|\n)\s*(?:Dear|Hello|Hi|Good (?:morning|afternoon))\b|\bYours (?:sincerely|faithfully|truly)|\b(?:Kind|Best|Warm) regards\b|\bMany thanks\b|(?m:^(?:Regards|Best wishes)[,.!]?$)|(?-i:\bDear (?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Requester|Applicant)\b)",
    )
});

/// A reply that says what notice it is ("this letter acts as a refusal
/// notice", "this represents a formal notice that information is not
/// held"): the letter itself, as an authority's disclosure log publishes
/// it without its salutation and sign-off.
static SELF_DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bthis (?:letter|response|reply|e-?mail|correspondence|notice) (?:therefore )?(?:serves as|acts as|represents|constitutes|is to be treated as|should be treated as|is)\b[^.]{0,30}\bnotice\b",
    )
});

/// `(?s:.)` rather than `[\s\S]` for "any character": the same language,
/// but the class is not case-folded for `(?i)`, which made this the costliest
/// pattern to compile (6.9 ms against 2.1 ms on the build machine).
static DECISION_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bdecision notice\b(?s:.){0,300}?\bpublic authority\s*:|the (?:Scottish Information )?Commissioner's decision is\b|the Commissioner (?:requires|does not require) the (?:public )?authority to take|\bDecision (?:No\.? )?\d{3}/\d{4}\b|\bcase ref(?:erence)?:?\s*(?:IC|FS|FER)-?\d{5,}",
    )
});

static RELEASE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bdisclosure log\b|\bFOI release\b|\b(?:date|information) (?:of )?(?:released?|published)\s*:|\bpublished\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|\breleased? date\s*:",
    )
});

static COMPLAINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bI (?:wish|would like|want|am writing) to (?:make a )?(?:complain|complaint|apply|appeal) to the (?:Scottish )?Information Commissioner|\bapplication (?:for a decision )?under section (?:50|47)|\bI (?:am writing to|wish to|would like to|hereby) apply (?:to the (?:Scottish )?(?:Information )?Commissioner )?for a decision\b|(?m:^Complaint (?:under section 50|to the (?:Scottish )?Information Commissioner))",
    )
});

static REVIEW_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bI (?:am writing to |would like to |wish to |hereby |must )?(?:request|ask for|require|requesting|asking for)(?: that you (?:carry out|conduct))? an? (?:internal )?review\b|please pass this (?:on )?to the person who conducts (?:freedom of information )?reviews|\bI (?:wish to |would like to |hereby )?make representations under regulation 11|\bI am (?:writing to )?(?:request|requir)ing a review\b",
    )
});

static REVIEW_OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)this (?:completes|concludes) the (?:internal )?review|\bI have (?:now )?reviewed (?:the|your|our|its) (?:[\w']+ ){0,2}(?:response|decision|handling|reply)|\b(?:panel|reviewer|I|we) (?:has|have) decided to (?:confirm|uphold|overturn|substitute|reverse|vary|release)|\bsubstitute a different decision|\b(?:your|the|this|my|our|that) (?:request for (?:an )?(?:internal )?review|requirement for (?:a )?review|(?:internal )?review|complaint|appeal) (?:has|is) (?:been )?(?:partly |partially |fully )?(?:upheld|not upheld|overturned)|\bI (?:have|am) (?:therefore )?(?:overturn|uphold)(?:ed|ing)? (?:the|your|our) original|\breview (?:finding|outcome|decision)s?:\s*(?:upheld|not upheld|partly|partially|overturned|original decision)|\b(?:the|this|my|our) review has been carried out\b|(?:this is|here is|I am writing with|I (?:am writing|write) to (?:give|tell|inform) you(?: of)?) the outcome of (?:the|your|our|this|my) (?:internal )?(?:review|reconsideration)|the outcome of (?:the|my|our|this) (?:internal )?(?:review|reconsideration) is\b|(?:internal )?(?:review|reconsideration) (?:has|is) (?:now )?(?:been )?(?:completed|concluded)|I have (?:now )?(?:completed|carried out|conducted|undertaken) (?:the|an|your) (?:internal )?(?:review|reconsideration)|\bI have reconsidered\b|(?:result|response) to your (?:request|requirement) for (?:an? )?(?:internal )?review|\bI (?:have decided to )?(?:uphold|overturn) the original (?:decision|response)|\breview (?:panel|officer) (?:has|have) (?:decided|concluded)|(?-i:\bOUTCOME OF (?:THE |YOUR |AN )?INTERNAL REVIEW\b)|(?m:^(?-i:Outcome of (?:the |your |an )?[Ii]nternal [Rr]eview)\b)|\b(?:I|we) (?:have )?(?:reassessed|re-examined|reconsidered) (?:your|the) (?:case|request|response|decision)|\b(?:I|we) (?:have )?concluded that the (?:initial|original|first) (?:response|decision|reply)|\b(?:I|we) have (?:now )?(?:considered|reviewed) your (?:appeal|complaint)\b",
    )
});

static HOLDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)section 17\(2\)|s\.?\s?17\(2\)|section 10\(3\)|not yet (?:reached|made|taken|been able to reach) a decision|(?:need|require)s? (?:further|more|additional|extra) time to (?:consider|assess|decide|weigh)|extend(?:ing|ed)? the time(?:scale| limit)? for (?:considering|our decision|responding)|(?:has|have) not yet been able to (?:reach|complete) (?:a|our|the) (?:decision|public interest)|regulation 7\b|reg\.? 7\(1\)|complex and voluminous|need (?:more|further|additional) time to (?:process|respond|deal with|complete)|extend(?:ing|ed)? (?:the (?:deadline|time limit|period) )?(?:for (?:our|the) response )?(?:to|by) (?:a further )?(?:40|forty|20|twenty) working days|extend(?:ing|ed)? (?:the|our) (?:response )?(?:deadline|time ?limit|time ?scale|time|period)(?: for (?:responding|(?:our|the|a) (?:response|reply|decision)))? (?:to|by|until)\b",
    )
});

/// The decision still to come: a date for it or for the reply, or time
/// taken to decide where the public interest lies.
static AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:expect|aim|hope|intend|plan)s? to (?:reach (?:a|our|the) decision|respond|reply|provide (?:you with )?(?:a|our) (?:full |final )?(?:response|reply|decision)|complete)[^.]{0,40}\bby\b|(?:will|shall) (?:respond|reply|write to you) (?:again )?(?:by|no later than|on or before)|estimated? (?:date|that we will)|(?:expect|aim|hope|intend|plan)s? to (?:let you have|send you|give you|provide you with) (?:a|our|the) (?:full |final )?(?:response|reply|decision)[^.]{0,30}\bby\b|\btime to (?:decide|determine|assess|consider) (?:if|whether) the public interest",
    )
});

/// The public interest decision taken: an answer after an extension.
static CONCLUDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:public interest|balance)[^.]{0,120}\b(?:outweighs?|outweighed|favou?rs|lies in|is in favour)|(?:have|has) now (?:reached|completed|concluded|made|taken) (?:a|our|the|its)",
    )
});

static CLARIFICATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)section 1\(3\)|regulation 9\(2\)|(?:could|can|would) you (?:please )?(?:clarify|confirm|specify|tell us|let us know|provide (?:more|further|some))|please (?:could you )?(?:clarify|specify)|we (?:need|require) (?:you to clarify|(?:further|more|some) (?:information|details|clarification))|(?:in order|so as) to (?:identify|locate) the information|(?:seek|request|require)(?:ing)? clarification|ask you (?:for clarification|to clarify)|clarification of your request|your request (?:is|was) (?:unclear|too broad|ambiguous)",
    )
});

static ACKNOWLEDGEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\backnowledge(?:s|d)? (?:receipt|your (?:request|e-?mail|letter))|(?:your request|this) (?:is being|has been) (?:logged|processed|passed to|allocated|registered)|we (?:will|aim to|shall|should) (?:respond|reply|provide a response|send (?:you )?a response)(?: to (?:you|your request))? (?:by|within|no later than|promptly|as soon as possible)|(?:due|deadline) (?:date )?for (?:our|a|the) response is|aim to (?:send|provide) (?:you )?(?:with )?a (?:full )?response by|(?:we are|I am) (?:currently |now )?(?:processing|dealing with|considering|handling) your (?:request|concerns|email|e-mail)|(?:hope|aim|endeavour) to send (?:you )?a response (?:to your request )?(?:shortly|as soon as)|you (?:should|can expect to|will) (?:receive|get) a (?:response|reply) (?:by|within)|you (?:can|should|may) expect (?:to (?:receive|get) )?(?:a|our) (?:full )?(?:response|reply) (?:by|within|no later than)",
    )
});

static VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bvexatious\b|section 14\(1\)|manifestly unreasonable"));
static REPEATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)section 14\(2\)|\brepeated request|identical (?:or|to) (?:a )?substantially similar|\brepeat(?:s|ed)? (?:a|your) previous request",
    )
});
static MANIFESTLY_UNREASONABLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)manifestly unreasonable|regulation 1[02]\(4\)\(b\)"));
/// An estimate of the work a request would take.
static BURDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b\d[\d,]* (?:hours|working days)\b|\bestimate[ds]?\b[^.]{0,80}\b(?:hours|days|cost|£)|\bcost of (?:complying|compliance)|\b(?:burden|diversion of resources)\b",
    )
});
static COST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bexceed(?:s|ed)? the (?:appropriate |cost |upper )?(?:cost )?limit|appropriate limit|(?:under|relying on|in accordance with) section 12\b|section 12\(1\)|cost of compliance (?:would )?exceed|regulation 12\(4\)\(b\)[^.]{0,80}(?:cost|burden|time)",
    )
});
static NCND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)neither confirms? nor den(?:y|ies)|not (?:to )?confirm or deny|\bNCND\b|(?:can|will)(?:not|n't) confirm or deny",
    )
});
static NOT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:do(?:es)?|did) not hold (?:any|the|this|that|information|recorded|records|such)|\bis not held\b|\bare not held\b|\bno (?:recorded )?information (?:is |was )?held|\bhold(?:s)? no (?:recorded )?information|\b(?:do not|don't|does not) have (?:it|this|that|the information|any (?:information|records))\b|regulation 12\(4\)\(a\)|section 17(?:\(1\))? of (?:FOISA|the Freedom of Information \(Scotland\))|information (?:you (?:have )?requested )?(?:is|was) not held",
    )
});
static EXEMPTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bexempt(?:ion)? (?:from disclosure|under)|\bis exempt\b|\bare exempt\b|\bwithh(?:eld|old|olding)\b|\bredact(?:ed|ions?)\b|\bexcepted from disclosure|\bexceptions? (?:at|under|in) regulation|\bengaged\b|\b(?:section|regulation|s\.?) ?\d+[A-Z]?(?:\s?\([0-9a-z]{1,4}\))*(?: of (?:the|FOISA|FOIA|the EIR)[\w ]{0,50}?)? appl(?:y|ies)\b|\bexemptions? (?:in|at|under) (?:section|s\.?) ?\d+[^.]{0,60}\bappl(?:y|ies)\b",
    )
});
static DECLINED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bunable to (?:provide|disclose|release)|\b(?:we|I) (?:must |have to |have decided to )?refuse\b|\b(?:we|I) (?:are|am) refusing\b|\brefusal notice\b",
    )
});
static RELEASED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:is|are) (?:now )?(?:attached|enclosed)\b|\bplease (?:find|see) (?:attached|enclosed|below)|\battached (?:is|are|you will find)|\b(?:shall|will|can|am able to|are able to|have (?:today |now )?decided to|are pleased to|am pleased to) (?:release|disclose|provide|supply) (?:the|this|that|it|them|you|a copy|copies|all|some|part)\b|\b(?:we|I) (?:are|am) (?:now )?(?:releasing|disclosing|providing|enclosing|attaching)\b|\b(?:the|this|that) information (?:you (?:have )?(?:requested|asked for) )?(?:has been (?:released|disclosed|provided|enclosed|attached)|is (?:enclosed|attached))|\bthe information (?:you (?:have )?(?:requested|asked for) )?is (?:as follows|below|set out (?:in|at|below))|\bin answer to your (?:request|question)|\bthe answers? (?:to your|is)\b|\bthe information is available\b|\b(?:is|are) now released\b",
    )
});

/// A requester asking for information (the request itself, which no kind
/// of reply describes).
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:I|we) (?:would like to|wish to|am writing to|hereby) (?:request|ask for|make a (?:freedom of information |FOI )?request)|\bI am (?:formally )?requesting\b|\bplease (?:could you )?(?:provide|send|supply|disclose|release)\b|\b(?:could|can|would) you (?:please )?(?:provide|send|supply|disclose|tell me)\b|\bmy (?:FOI|freedom of information) request\b",
    )
});

/// The tests for letters that are not themselves answers, in order.
static NOT_ANSWERS: [Test; 5] = [
    Test { kind: LetterKind::Complaint, pattern: &COMPLAINT },
    Test { kind: LetterKind::ReviewRequest, pattern: &REVIEW_REQUEST },
    Test { kind: LetterKind::ReviewOutcome, pattern: &REVIEW_OUTCOME },
    Test { kind: LetterKind::HoldingNotice, pattern: &HOLDING },
    Test { kind: LetterKind::Clarification, pattern: &CLARIFICATION },
];

/// The first match of `pattern` that reports something rather than sets a
/// condition: "once the review has been completed, you may complain to the
/// Commissioner" tells of a review to come, where "the review has been
/// completed" reports one.
fn reported<'t>(pattern: &Regex, text: &'t str) -> Option<regex::Match<'t>> {
    const CONDITIONS: [&str; 9] = ["once", "after", "when", "until", "before", "following", "if", "unless", "where"];
    const DETERMINERS: [&str; 6] = ["the", "this", "your", "our", "my", "an"];
    fn last_word(s: &str) -> (String, &str) {
        let s = s.trim_end_matches(|c: char| !c.is_alphanumeric());
        let start = s.char_indices().rev().find(|&(_, c)| !c.is_alphanumeric()).map_or(0, |(i, c)| i + c.len_utf8());
        (s[start..].to_ascii_lowercase(), &s[..start])
    }
    pattern.find_iter(text).find(|m| {
        let (mut word, rest) = last_word(&text[..m.start()]);
        if DETERMINERS.contains(&word.as_str()) {
            word = last_word(rest).0;
        }
        !CONDITIONS.contains(&word.as_str())
    })
}

/// The kind of the letter in `text` and the words that decided it.
pub fn kind(text: &str) -> (LetterKind, String) {
    let found = |pattern: &Regex| pattern.find(text).map(|m| sentence_around(text, m.start(), m.end()));
    let shaped = LETTER_SHAPE.is_match(text) || SELF_DECLARED.is_match(text);
    if !FOI.is_match(text) && !shaped {
        return (LetterKind::NotFoi, "no mention of a request for information and no salutation or sign-off".into());
    }
    if !shaped {
        if FOI.is_match(text)
            && let Some(words) = found(&ACKNOWLEDGEMENT)
        {
            return (LetterKind::Acknowledgement, words);
        }
        if let Some(words) = found(&DECISION_NOTICE) {
            return (LetterKind::DecisionNotice, words);
        }
        if let Some(words) = found(&RELEASE_PAGE) {
            return (LetterKind::ReleasePage, words);
        }
        return (
            LetterKind::NotFoi,
            "not addressed to anyone: no salutation or sign-off, and not a decision notice or published release".into(),
        );
    }
    if !FOI.is_match(text) {
        return (LetterKind::NotFoi, "no mention of a request for information, FOIA, the EIR or FOISA".into());
    }
    let decided = |pattern: &Regex| pattern.is_match(text);
    // A holding notice or clarification request makes no decision; an
    // answer that mentions an earlier extension does.
    let answers = [&EXEMPTED, &DECLINED, &RELEASED, &NOT_HELD, &NCND, &COST, &VEXATIOUS, &REPEATED]
        .into_iter()
        .any(|p| decided(p));
    for test in &NOT_ANSWERS {
        // A holding notice names the exemption it relies on (s17(1)) but
        // looks ahead to the decision; an answer looks back on an extension.
        let undecided =
            !answers || (test.kind == LetterKind::HoldingNotice && (decided(&AHEAD) || !decided(&CONCLUDED)));
        if matches!(test.kind, LetterKind::HoldingNotice | LetterKind::Clarification) && !undecided {
            continue;
        }
        // A review outcome often quotes the request for it ("You wrote:
        // I am writing to request an internal review…") before it reports.
        if test.kind == LetterKind::ReviewRequest
            && let Some(request) = REVIEW_REQUEST.find(text)
            && reported(&REVIEW_OUTCOME, text).is_some_and(|outcome| outcome.start() > request.start())
        {
            continue;
        }
        let words = if test.kind == LetterKind::ReviewOutcome {
            reported(test.pattern, text).map(|m| sentence_around(text, m.start(), m.end()))
        } else {
            found(test.pattern)
        };
        if let Some(words) = words {
            return (test.kind, words);
        }
    }
    if !answers && let Some(words) = found(&ACKNOWLEDGEMENT) {
        return (LetterKind::Acknowledgement, words);
    }
    // "Manifestly unreasonable" (EIR reg 12(4)(b), EISR reg 10(4)(b)) is the
    // EIR's cost limit when the letter weighs the burden, and its vexatious
    // request when it weighs the requester's conduct.
    if !text.to_ascii_lowercase().contains("vexatious")
        && decided(&BURDEN)
        && let Some(words) = found(&MANIFESTLY_UNREASONABLE)
    {
        return (LetterKind::CostLimit, words);
    }
    for (kind, pattern) in [
        (LetterKind::Repeated, &REPEATED),
        (LetterKind::Vexatious, &VEXATIOUS),
        (LetterKind::CostLimit, &COST),
        (LetterKind::Ncnd, &NCND),
    ] {
        if let Some(words) = found(pattern) {
            return (kind, words);
        }
    }
    let released = found(&RELEASED);
    let not_held = found(&NOT_HELD);
    // "We do not hold it, so the exception in regulation 12(4)(a) applies",
    // "unable to provide" and "refuse" also describe information not held.
    let withheld = outside_not_held(text, &EXEMPTED).or_else(|| not_held.is_none().then(|| found(&DECLINED)).flatten());
    match (released, withheld, not_held) {
        (Some(r), Some(w), _) | (Some(r), None, Some(w)) => (LetterKind::PartialRelease, format!("{r} … {w}")),
        (None, Some(w), _) => (LetterKind::Refusal, w),
        (None, None, Some(n)) => (LetterKind::NotHeld, n),
        (Some(r), None, None) => (LetterKind::Release, r),
        (None, None, None) => match found(&REQUEST) {
            // The request itself: no reply rule applies to asking.
            Some(words) => (LetterKind::Request, words),
            None => (LetterKind::Release, "no exemption, refusal or not-held wording: read as a release".into()),
        },
    }
}

/// The first sentence matching `pattern` that does not say the information
/// is not held.
fn outside_not_held(text: &str, pattern: &Regex) -> Option<String> {
    text.split_inclusive(['.', '\n', '?', '!'])
        .find(|s| pattern.is_match(s) && !NOT_HELD.is_match(s))
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether the text is a covering note for a response in an attachment
/// ("I have attached our formal response"), or puts the requester's rights
/// in one: the notice the law speaks of includes the attachment, so what
/// the text lacks may be there.
pub fn covering(text: &str) -> Option<String> {
    static COVERING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:I|we) (?:have )?attached (?:a|my|our|the) (?:formal |full )?(?:response|reply|decision)|(?:please )?(?:find|see) (?:attached|enclosed|the attached) (?:a |my |our |the )?(?:[\w’']+ ){0,3}?(?:formal |full )?(?:response|reply|decision|correspondence|letter)|(?:my|our) (?:formal |full )?(?:response|reply) (?:is|has been) attached|attached (?:my|our) formal response",
        )
    });
    /// The rights of review and complaint set out in an enclosure ("see
    /// the attached information sheet for details of your right to appeal"),
    /// which is part of the notice the law speaks of.
    static ENCLOSED_RIGHTS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:attached|enclosed|accompanying)\b[^.]{0,60}\b(?:for|gives?|sets? out|explains?|describes?|contains?|with)\b (?:full )?(?:details of |information (?:about|on) )?(?:your |the )?(?:rights?\b|complaints? (?:procedure|process)|(?:internal )?review (?:procedure|process))",
        )
    });
    if let Some(m) = COVERING.find(text) {
        let words = sentence_around(text, m.start(), m.end());
        return Some(format!("the response is in an attachment (\"{words}\"); check the attached letter"));
    }
    ENCLOSED_RIGHTS.find(text).map(|m| {
        let words = sentence_around(text, m.start(), m.end());
        format!("it sets out the requester's rights in an enclosure (\"{words}\"); check the enclosure")
    })
}

/// The sentence around a match, trimmed to a readable length.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let from = text[..start].rfind(['.', '\n', '?', '!']).map_or(0, |i| i + 1);
    let to = text[end..].find(['.', '\n', '?', '!']).map_or(text.len(), |i| end + i + 1);
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = text[from..to].trim();
    if sentence.chars().count() <= 160 {
        return one_line(sentence);
    }
    // Too long: the matched words with a little context either side.
    let from = floor(text, start.saturating_sub(60).max(from));
    let to = ceil(text, (end + 60).min(to));
    format!("…{}…", one_line(&text[from..to]))
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wording met in real authorities' e-mails (paraphrased), and the kind it shows.
    #[test]
    fn recognises_the_shapes_of_real_correspondence() {
        for (text, want) in [
            // An automatic reply: no salutation, no sign-off.
            (
                "Our reference: 123 Information request\nThank you for your email. We are currently processing your request.",
                LetterKind::Acknowledgement,
            ),
            (
                "Dear Sir/Madam\nFreedom of Information Act 2000\nI am dealing with your request under the Act and aim to send you a response by 14 July 2017.\nYours faithfully",
                LetterKind::Acknowledgement,
            ),
            (
                "Dear Mrs Tan\nEnvironmental Information Regulations 2004\nWe need more time to process it because it is complex and voluminous. We will now try to respond by 14 August 2019.\nYours sincerely",
                LetterKind::HoldingNotice,
            ),
            (
                "Dear Mr Roe\nThank you for your request for information. So that we interpret it correctly we would like to ask you for clarification of the period.\nYours sincerely",
                LetterKind::Clarification,
            ),
            (
                "Dear Sir/Madam\nThank you for your request for information. Unfortunately I am unable to provide this information, because we do not have it.\nRegards",
                LetterKind::NotHeld,
            ),
            (
                "Dear Ms Roe\nYour request under the Freedom of Information Act: the report is exempt under section 43(2), because it would prejudice the tender.\nYours sincerely",
                LetterKind::Refusal,
            ),
            (
                "Dear Ms Roe\nFreedom of Information request. The list is attached. The names of junior staff are redacted under section 40(2).\nYours sincerely",
                LetterKind::PartialRelease,
            ),
            // A review still to come is a condition, not an outcome.
            (
                "Dear Ms Roe\nFOI request. The advice is exempt under section 42(1). You may ask for an internal review. Complain to the Commissioner “once” the review has been completed.\nYours sincerely",
                LetterKind::Refusal,
            ),
            (
                "Dear Ms Roe\nFreedom of Information request. The advice is exempt under section 42(1). You may ask for an internal review. You may complain to the Information Commissioner once the review has been completed.\nYours sincerely",
                LetterKind::Refusal,
            ),
            (
                "Dear Ms Roe\nInternal review of your FOI request. The review has now been completed and I uphold the original decision.\nYours sincerely",
                LetterKind::ReviewOutcome,
            ),
            (
                "Dear Ministry,\nPlease pass this on to the person who conducts Freedom of Information reviews.\nYours faithfully",
                LetterKind::ReviewRequest,
            ),
            (
                "Dear Mr Roe\nInternal review under the Freedom of Information Act 2000\nThank you for your request for a review. We are considering your concerns and will aim to provide you with a response by 20 August 2019.\nYours sincerely",
                LetterKind::Acknowledgement,
            ),
            (
                "Dear Ms Roe\nFreedom of Information Act 2000. If you are dissatisfied with the outcome of the review you may apply to the Commissioner. The report is attached.\nYours sincerely",
                LetterKind::Release,
            ),
            (
                "Freedom of Information Act 2000 (Section 50) Decision Notice Date: 9 December 2010 Public Authority: Example Council Address: Town Hall",
                LetterKind::DecisionNotice,
            ),
            (
                "Top tech firms meet the Home Secretary\nA Freedom of Information request revealed the list of attendees.",
                LetterKind::NotFoi,
            ),
            // Text from a PDF: the date and the salutation on one line, a
            // bare "Regards" to close.
            (
                "14 December 2015 Dear Mr Roe, Your request under the Freedom of Information Act: the report is exempt under section 43(2).",
                LetterKind::Refusal,
            ),
            (
                "FOI request 123\nThe report is exempt under section 43(2) because it would prejudice the tender.\nRegards",
                LetterKind::Refusal,
            ),
            // A disclosure log's copy of a reply, without salutation or sign-off.
            (
                "Freedom of information request 01.FOI.22.1\nSome data has been withheld and this response serves as a Refusal Notice under Section 17 of the Act.",
                LetterKind::Refusal,
            ),
            (
                "Dear Ms Roe\nFreedom of Information request. In your case we need to extend our response time limit by 20 working days in order to assess whether the public interest lies in withholding the information. We plan to let you have a response by 16 February 2012.\nYours sincerely",
                LetterKind::HoldingNotice,
            ),
            // A review outcome quoting the request for it.
            (
                "Dear Ms Roe\nThank you for your internal review request. You wrote: \"I am writing to request an internal review of your handling of my FOI request.\" We find that the original decision was not correct and your complaint is upheld.\nYours sincerely",
                LetterKind::ReviewOutcome,
            ),
        ] {
            assert_eq!(kind(text).0, want, "{text}");
        }
    }

    #[test]
    fn a_covering_note_points_at_its_attachment() {
        assert!(covering("Dear Mr Roe\nI have attached our formal response to your request.\nRegards").is_some());
        assert!(covering("Dear Mr Roe\nPlease see the attached correspondence.\nRegards").is_some());
        assert!(covering("Dear Mr Roe\nThe information is set out in Annex A.\nRegards").is_none());
        let rights =
            "Dear Mr Roe\nPlease see the attached information sheet for details of your right to appeal.\nRegards";
        assert!(covering(rights).is_some_and(|why| why.contains("enclosure")));
    }

    #[test]
    fn evidence_is_one_readable_line() {
        let long = format!(
            "Dear X\nFreedom of Information Act. {} we neither confirm nor deny {}\nYours sincerely",
            "word ".repeat(80),
            "é".repeat(90)
        );
        let (k, words) = kind(&long);
        assert_eq!(k, LetterKind::Ncnd);
        assert!(!words.contains('\n') && words.chars().count() < 200, "{words}");
    }
}
