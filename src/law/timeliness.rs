//! What counts as answering "in time" in published statistics.

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
