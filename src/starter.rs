//! Starter case files: one commented case for every kind of letter
//! foikit writes, in every regime that has it (`foikit new`). The starters
//! are Handlebars templates (`templates/starter/`) so one file per kind
//! serves all three regimes, with the regime's own provisions.

use handlebars::Handlebars;
use serde_json::json;

use crate::kind::LetterKind;
use crate::law::RegimeId;

const FILES: &[(&str, &str)] = &[
    ("starter/common", include_str!("../templates/starter/common.hbs")),
    ("starter/exemption", include_str!("../templates/starter/exemption.hbs")),
    ("starter/acknowledgement", include_str!("../templates/starter/acknowledgement.hbs")),
    ("starter/clarification", include_str!("../templates/starter/clarification.hbs")),
    ("starter/holding-notice", include_str!("../templates/starter/holding-notice.hbs")),
    ("starter/release", include_str!("../templates/starter/release.hbs")),
    ("starter/partial-release", include_str!("../templates/starter/partial-release.hbs")),
    ("starter/refusal", include_str!("../templates/starter/refusal.hbs")),
    ("starter/ncnd", include_str!("../templates/starter/ncnd.hbs")),
    ("starter/not-held", include_str!("../templates/starter/not-held.hbs")),
    ("starter/cost-limit", include_str!("../templates/starter/cost-limit.hbs")),
    ("starter/vexatious", include_str!("../templates/starter/vexatious.hbs")),
    ("starter/repeated", include_str!("../templates/starter/repeated.hbs")),
    ("starter/review-outcome", include_str!("../templates/starter/review-outcome.hbs")),
];

/// The starter case file for `kind` under `regime`, or why the regime has
/// no such letter and what to use instead.
pub fn starter(kind: LetterKind, regime: RegimeId) -> Result<String, String> {
    kind.available(regime)?;
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    for (name, text) in FILES {
        hb.register_template_string(name, *text).map_err(|e| format!("starter {name}: {e}"))?;
    }
    let law = regime.kinds();
    let title = match kind {
        LetterKind::PartialRelease => "a partial release".to_string(),
        LetterKind::Acknowledgement => "an acknowledgement".to_string(),
        LetterKind::Ncnd => "a neither-confirm-nor-deny reply".to_string(),
        k => format!("a {} letter", k.slug().replace('-', " ")),
    };
    let ctx = json!({
        "regime": regime.name(),
        "foia": regime == RegimeId::Foia,
        // Environmental information (EIR, EISR) and Scottish authorities
        // (FOISA, EISR) share their examples; `exc` numbers the exceptions
        // (EIR reg 12, EISR reg 10).
        "eir": matches!(regime, RegimeId::Eir | RegimeId::Eisr),
        "foisa": regime == RegimeId::Foisa,
        "scottish": matches!(regime, RegimeId::Foisa | RegimeId::Eisr),
        "exc": if regime == RegimeId::Eisr { "10" } else { "12" },
        "ncnd": kind == LetterKind::Ncnd,
        "act": regime.regime().act,
        "title": title,
        "law": law,
        "review_name": regime.regime().review.name,
        "exemption_word": law.exemption_word,
    });
    hb.render(&format!("starter/{}", kind.slug()), &ctx).map_err(|e| format!("starter for {kind}: {e}"))
}
