//! `foikit deadline DATE`: when a reply is due, and why.

use std::path::PathBuf;
use std::process::ExitCode;

use foikit::case::Date;
use foikit::compose::helpers::{DateStyle, format_date, ordinal};
use foikit::law::RegimeId;
use foikit::law::deadline::{Clock, ClockStop};
use foikit::law::time_for_compliance::{MAX_WORKING_DAYS, Variation};

use super::{Failure, OutputFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The date the request was received (YYYY-MM-DD).
    received: String,
    /// The access regime.
    #[arg(long, default_value = "foia")]
    regime: RegimeId,
    /// Count this many working days instead of the regime's time limit.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    working_days: Option<u32>,
    /// Apply the regime's extension (FOIA s10(3) public interest: +20 as
    /// the ICO expects; EIR reg 7: 40 in all). FOISA has none.
    #[arg(long, conflicts_with = "working_days")]
    extended: bool,
    /// The date clarification was received (s1(3)): the clock restarts from it.
    #[arg(long)]
    clarified: Option<String>,
    /// The date a fees notice was given (s10(2)); needs --fee-paid.
    #[arg(long, requires = "fee_paid")]
    fees_notice: Option<String>,
    /// The date the fee was received.
    #[arg(long, requires = "fees_notice")]
    fee_paid: Option<String>,
    /// FOIA only: a variation under the Time for Compliance Regulations
    /// (SI 2004/3364): school (20 school days or 60 working days), public-records
    /// (30), armed-forces or held-abroad (as the Commissioner specifies, at most 60).
    #[arg(long, conflicts_with_all = ["working_days", "extended"])]
    variation: Option<Variation>,
    /// For armed-forces or held-abroad: the working days the Commissioner specified.
    #[arg(long, requires = "variation", value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_WORKING_DAYS)))]
    specified: Option<u32>,
    /// For a school: days that are not school days, FROM or FROM..TO (repeatable).
    #[arg(long = "not-school-days", requires = "variation")]
    not_school_days: Vec<String>,
    /// gov.uk's bank-holidays.json (its years replace the built-in ones), or
    /// a YAML file of bank holidays proclaimed after this release: a list of
    /// {date, name, jurisdictions: [england-and-wales, scotland, northern-ireland], source}.
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "text")]
    format: OutputFormat,
}

fn date(s: &str) -> Result<time::Date, Failure> {
    Ok(Date::parse_iso(s)?.0)
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let regime = args.regime.regime();
    let calendar = super::calendar(args.holidays.as_ref())?;
    let request = date(&args.received)?;
    // s1(3) and s10(6)(b): once clarification arrives, it is the date of
    // receipt ("if later": it cannot come before the request).
    let received = match args.clarified.as_deref() {
        Some(c) if date(c)? < request => {
            return Err(format!(
                "error: --clarified {c} is before the request was received ({}): clarification answers a request already made",
                args.received
            )
            .into());
        }
        Some(c) => date(c)?,
        None => request,
    };
    let days = match (args.working_days, args.extended) {
        (Some(n), _) => n,
        (None, false) => regime.time_limit,
        (None, true) => regime
            .extension
            .extended_limit(regime.time_limit)
            .ok_or_else(|| format!("error: the {} allows no extension of time", regime.act))?,
    };
    let mut stops: Vec<ClockStop> = match (&args.fees_notice, &args.fee_paid) {
        (Some(g), Some(p)) => {
            let (given, paid) = (date(g)?, date(p)?);
            if paid < given {
                return Err(format!("error: the fee was paid ({p}) before the fees notice was given ({g})").into());
            }
            if given < request {
                return Err(format!(
                    "error: --fees-notice {g} is before the request was received ({}): a fees notice answers a request",
                    args.received
                )
                .into());
            }
            vec![ClockStop::FeesNotice { given, paid }]
        }
        _ => Vec::new(),
    };
    for range in &args.not_school_days {
        let (from, to) = range.split_once("..").unwrap_or((range, range));
        let (from, to) = (date(from)?, date(to)?);
        if to < from {
            return Err(format!("error: --not-school-days {range} ends before it starts: give FROM..TO").into());
        }
        stops.push(ClockStop::NotSchoolDays { from, to });
    }
    let mut clock = Clock::new(&calendar, args.regime);
    let deadline = match args.variation {
        Some(_) if args.regime != RegimeId::Foia => {
            return Err("the Time for Compliance Regulations (SI 2004/3364) vary FOIA s10(1) only".into());
        }
        Some(v) => clock.varied_deadline(received, v, args.specified, &stops)?,
        None => clock.deadline(received, days, &stops)?,
    };
    let days = deadline.working_days;
    let mut notes = fee_notes(&mut clock, &stops, received, days, regime)?;
    if let Some(v) = args.variation
        && args.specified.is_none()
        && v.allowance().commissioner_specifies
    {
        notes.push(format!(
            "the Commissioner specifies the day ({}); without --specified this is the latest it may be",
            v.allowance().provision
        ));
    }
    // FOIA s10(3), s17(2): the refusal notice saying the public interest
    // decision is not yet made is still due within the time limit.
    let holding = match (args.extended, regime.notice.holding) {
        (true, Some(provision)) => Some((clock.deadline(received, regime.time_limit, &stops)?.due, provision)),
        _ => None,
    };
    match args.format {
        OutputFormat::Json => {
            let mut value = serde_json::to_value(&deadline)?;
            // `received` is the date of receipt the days count from (the
            // clarification's, s10(6)(b)); the request's own is kept too.
            value["request_received"] = serde_json::to_value(Date(request))?;
            value["clarified"] =
                if args.clarified.is_some() { serde_json::to_value(Date(received))? } else { serde_json::Value::Null };
            value["notes"] = notes.iter().map(|n| serde_json::Value::from(n.as_str())).collect();
            outln!("{}", serde_json::to_string_pretty(&value)?);
        }
        OutputFormat::Text => {
            let long = |d: Date| format!("{} {}", d.0.weekday(), format_date(d, DateStyle::Long));
            outln!(
                "Regime:   {} ({}: {} working days; working day as in {})",
                regime.act,
                regime.time_limit_provision,
                regime.time_limit,
                regime.working_day_provision
            );
            if args.clarified.is_some() {
                outln!("Request:  {}", long(Date(request)));
                outln!("Received: {} (clarification: the clock restarts)", long(deadline.received));
            } else {
                outln!("Received: {}", long(deadline.received));
            }
            // A note can undo the date below (a fee paid too late): it
            // comes before it.
            for note in &notes {
                outln!("Note:     {note}");
            }
            outln!("Day 1:    {}", long(deadline.day_one));
            outln!("Due:      {} ({}), the {} working day", long(deadline.due), deadline.due, ordinal(u64::from(days)));
            if let Some(v) = args.variation {
                outln!("Variation: {}", v.allowance().provision);
            }
            if let Some((due, provision)) = holding {
                outln!(
                    "Notice:   {} ({}): the refusal notice saying the public interest decision is not yet made, with an estimate ({provision})",
                    long(due),
                    due
                );
            }
            for (i, s) in deadline.skipped.iter().enumerate() {
                outln!("{}{} — {}", if i == 0 { "Skipped:  " } else { "          " }, long(s.date), s.reason);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a fees notice means beyond the days it stops the clock: one given
/// after the reply was due stopped nothing, and a fee paid after the time
/// to pay it frees the authority from answering.
fn fee_notes(
    clock: &mut Clock<'_>,
    stops: &[ClockStop],
    received: time::Date,
    days: u32,
    regime: &foikit::law::Regime,
) -> Result<Vec<String>, Failure> {
    let mut notes = Vec::new();
    for stop in stops {
        let ClockStop::FeesNotice { given, paid } = *stop else { continue };
        let due_without = clock.deadline(received, days, &[])?.due;
        if given > due_without.0 {
            notes.push(format!(
                "the fees notice ({}) came after the reply was due ({due_without}), so it stopped no days",
                Date(given)
            ));
        }
        let last = clock.last_day_to_pay(given)?;
        if paid > last {
            notes.push(format!(
                "the fee was paid ({}) after the last day to pay it ({}, {}): the authority need not answer the request",
                Date(paid),
                Date(last),
                regime.fee_payment.provision
            ));
        }
    }
    Ok(notes)
}
