//! Environmental Information Regulations 2004: exceptions (to be catalogued).

use crate::law::exemption::ExemptionDef;

/// The catalogue.
pub static EXEMPTIONS: &[ExemptionDef] = &[];
