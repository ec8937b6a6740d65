//! Freedom of Information (Scotland) Act 2002: exemptions (to be catalogued).

use crate::law::exemption::ExemptionDef;

/// The catalogue.
pub static EXEMPTIONS: &[ExemptionDef] = &[];
