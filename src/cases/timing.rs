//! One case's row: its status from the stage it has reached by `today`,
//! and its due date from the working-day clock.
//!
//! The case is read as at `today`: a letter dated after it has not been
//! sent yet, so a register for a past day shows that day's position.

use serde::Serialize;

use crate::case::{Case, Conclusion, Date};
use crate::law::calendar::{Calendar, OutOfRange};
use crate::law::deadline::{Clock, ClockStop};

/// Where a case has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Received, nothing sent but perhaps an acknowledgement.
    Received,
    /// Clarification asked for (FOIA s1(3)).
    Clarified,
    /// More time taken (FOIA s10(3) with a s17(2) notice, EIR reg 7).
    Extended,
    /// The reply is sent.
    Replied,
    /// The requester has asked for an internal review.
    ReviewRequested,
    /// The review's outcome is sent.
    ReviewReplied,
}

impl Status {
    /// The word the table shows.
    pub fn label(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Clarified => "clarified",
            Status::Extended => "extended",
            Status::Replied => "replied",
            Status::ReviewRequested => "review requested",
            Status::ReviewReplied => "review replied",
        }
    }

    /// Whether the authority still owes the requester a letter.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Replied | Status::ReviewReplied)
    }
}

/// Why the clock is not running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hold {
    /// Clarification was asked for and has not arrived.
    AwaitingClarification,
    /// A fees notice was given and the fee has not arrived.
    AwaitingFee,
}

/// One case in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The case file, relative to the folder.
    pub file: String,
    /// The authority's reference.
    pub reference: String,
    /// Who asked.
    pub requester: String,
    /// "foia", "eir", "foisa".
    pub regime: &'static str,
    /// When the request was received.
    pub received: Date,
    /// What is due next: the reply, or once a review is requested, its
    /// outcome; `None` while the clock is on hold.
    pub due: Option<Date>,
    /// Why there is no due date.
    pub on_hold: Option<Hold>,
    /// Where the case has got to.
    pub status: Status,
    /// Open cases not yet late: working days until `due` (0 on the day).
    pub days_left: Option<u32>,
    /// Working days late: an open case past `due`, or a reply sent after
    /// its due date.
    pub late_by: Option<u32>,
    /// The date of the reply, once sent.
    pub replied: Option<Date>,
    /// Whether the reply was sent in time (within the limit or a permitted
    /// extension), once sent.
    pub on_time: Option<bool>,
    /// The reply's kind ("refusal", "partial-release"…), once sent.
    pub outcome: Option<&'static str>,
    /// When the requester asked for a review, once they have.
    pub review_requested: Option<Date>,
    /// The review's conclusion ("upheld", "upheld-in-part", "overturned"), once sent.
    pub review: Option<&'static str>,
}

impl Row {
    /// An open case past its due date.
    pub fn is_overdue(&self) -> bool {
        self.status.is_open() && self.late_by.is_some()
    }

    /// Open cases first, soonest due first (on hold last), then the rest by due date.
    pub(super) fn sort_key(&self) -> (bool, bool, Option<Date>, &str) {
        (!self.status.is_open(), self.due.is_none(), self.due, &self.reference)
    }
}

/// The row for `case` as at `today`. The stages are those of
/// [`Case::stage_kind`], each taken as reached once its letter is dated
/// on or before `today`.
pub fn row(file: &str, case: &Case, calendar: &Calendar, today: Date) -> Result<Row, OutOfRange> {
    let sent = |d: Date| d <= today;
    let regime = case.regime.regime();
    let mut clock = Clock::new(calendar, case.regime);
    let replied = case.response.as_ref().map(|r| r.date).filter(|d| sent(*d));
    let review = case.internal_review.as_ref().filter(|r| sent(r.received) && replied.is_some());
    let reviewed = review.filter(|r| sent(r.date));
    let clarification = case.clarification.as_ref().filter(|c| sent(c.date));
    let extension = case.extension.as_ref().filter(|e| sent(e.date));
    let status = match () {
        _ if reviewed.is_some() => Status::ReviewReplied,
        _ if review.is_some() => Status::ReviewRequested,
        _ if replied.is_some() => Status::Replied,
        _ if extension.is_some() => Status::Extended,
        _ if clarification.is_some() => Status::Clarified,
        _ => Status::Received,
    };

    // s10(6)(b): the answer to a request for clarification is the date of
    // receipt; until it arrives the clock does not run.
    let answered = clarification.and_then(|c| c.answered).filter(|d| sent(*d));
    let fee = case.fees.as_ref().filter(|f| sent(f.notice));
    let paid = fee.and_then(|f| f.paid).filter(|d| sent(*d));
    let on_hold = match () {
        _ if replied.is_some() => None,
        _ if clarification.is_some() && answered.is_none() => Some(Hold::AwaitingClarification),
        _ if fee.is_some() && paid.is_none() => Some(Hold::AwaitingFee),
        _ => None,
    };
    let receipt = answered.unwrap_or(case.request.received).0;
    let stops: Vec<ClockStop> =
        fee.zip(paid).map(|(f, paid)| ClockStop::FeesNotice { given: f.notice.0, paid: paid.0 }).into_iter().collect();
    // An extension is permitted only if notified within the time limit
    // (FOIA s17(1)-(2), EIR reg 7(3)); a late notice leaves the reply due
    // when it was, as the statistics count it.
    let plain_due = clock.deadline(receipt, regime.time_limit, &stops)?.due;
    let reply_due = match extension.filter(|e| e.date <= plain_due) {
        Some(e) => clock.extended_due(receipt, e.until, &stops)?,
        None => plain_due,
    };
    let due = match review {
        Some(r) if reviewed.is_none() => clock.deadline(r.received.0, regime.review.answer_within, &[])?.due,
        _ => reply_due,
    };

    let (mut days_left, mut late_by) = (None, None);
    if on_hold.is_none() {
        let late = |clock: &mut Clock, done: Date| -> Result<Option<u32>, OutOfRange> {
            Ok(if done > due { Some(clock.working_days_between(due.0, done.0, &[])?) } else { None })
        };
        if status.is_open() {
            late_by = late(&mut clock, today)?;
            if late_by.is_none() {
                days_left = Some(clock.working_days_between(today.0, due.0, &[])?);
            }
        } else if let Some(replied) = replied {
            late_by = late(&mut clock, replied)?;
        }
    }
    Ok(Row {
        file: file.to_string(),
        reference: case.reference.clone(),
        requester: case.requester.name.clone(),
        regime: case.regime.name(),
        received: case.request.received,
        due: if on_hold.is_some() { None } else { Some(due) },
        on_hold,
        status,
        days_left,
        late_by,
        replied,
        on_time: replied.map(|r| r <= reply_due),
        outcome: case.reply_kind().filter(|_| replied.is_some()).map(|k| k.slug()),
        review_requested: review.map(|r| r.received),
        review: reviewed.map(|r| conclusion(r.conclusion)),
    })
}

fn conclusion(c: Conclusion) -> &'static str {
    match c {
        Conclusion::Upheld => "upheld",
        Conclusion::UpheldInPart => "upheld-in-part",
        Conclusion::Overturned => "overturned",
    }
}
