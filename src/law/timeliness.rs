//! How timeliness is measured: which regimes stop the clock for a fee, and
//! what counts as answering "in time" in published statistics.

use super::RegimeId;

/// The provision that stops the clock while a fee is awaited, if the regime
/// has one: FOIA s10(2) and FOISA s10(2) disregard the working days from
/// the day a fees notice is given to the day the fee is received
/// (legislation.gov.uk, ukpga/2000/36 s10 and asp/2002/13 s10). The EIR's
/// charging regulation (reg 8) is not recorded here with a verified source,
/// so a case under the EIR cannot record a fees notice rather than have
/// foikit guess.
pub fn fees_stop(regime: RegimeId) -> Option<&'static str> {
    match regime {
        RegimeId::Foia => Some("FOIA s10(2)"),
        RegimeId::Foisa => Some("FOISA s10(2)"),
        RegimeId::Eir => None,
    }
}

/// What "in time" means in the central government FOI statistics: a reply
/// sent within the statutory deadline of 20 working days, or within a
/// permitted extension of it (the public interest extension of FOIA s10(3),
/// the EIR's reg 7 extension), counted from the date of receipt as the law
/// defines it (so after clarification and net of a fees clock-stop).
pub const IN_TIME: &str = "within the time limit or a permitted extension";

/// Where [`IN_TIME`] comes from.
pub const IN_TIME_SOURCE: &str = "Cabinet Office, Freedom of Information statistics (quarterly and annual bulletins), \
     https://www.gov.uk/government/collections/government-foi-statistics: \"in time\" means within the statutory \
     deadline or a permitted extension to it";
