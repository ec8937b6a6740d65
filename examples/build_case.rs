//! Builds a case in code (no case file) and renders it with the library:
//! what a case-management system embedding foikit would do.
//!
//!     cargo run --example build_case -- out/example

use std::path::PathBuf;

use foikit::case::{Authority, BodyItem, Case, Date, Outcome, Request, Requester, Response, Review, SignOff, Style};
use foikit::compose::Composer;
use foikit::law::RegimeId;
use foikit::law::cost_limit::LimitClass;
use foikit::render::{self, Format, RenderOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out/example".into()));
    let case = Case {
        reference: "FOI-2026-0042".into(),
        regime: RegimeId::Foia,
        authority: Authority {
            name: "Home Office".into(),
            unit: Some("Information Rights Unit".into()),
            address: vec!["2 Marsham Street".into(), "London SW1P 4DF".into()],
            phone: None,
            fax: None,
            website: Some("www.gov.uk/home-office".into()),
            email: None,
            called: Some("the Department".into()),
            limit: LimitClass::CentralGovernment,
            style: Style::HomeOffice,
        },
        requester: Requester {
            name: "Ms Jane Doe".into(),
            salutation: Some("Ms Doe".into()),
            email: Some("jane.doe@example.org".into()),
            address: vec![],
        },
        request: Request {
            received: Date::parse_iso("2026-10-01")?,
            channel: "email".into(),
            text: "How many FOI requests did the Department receive in 2025?".into(),
        },
        profile: None,
        acknowledged: None,
        clarification: None,
        extension: None,
        fees: None,
        response: Some(Response {
            date: Date::parse_iso("2026-10-20")?,
            held: None,
            outcome: Some(Outcome::Release),
            body: vec![
                BodyItem::Paragraph("The Department received the following requests in 2025:".into()),
                BodyItem::Bullets(vec!["FOI requests: 1,204".into(), "EIR requests: 87".into()]),
            ],
            withheld: None,
            explanation: None,
            items: vec![],
            refusal: None,
        }),
        exemptions: vec![],
        review: Review {
            window: Some("two months".into()),
            email: Some("foirequests@homeoffice.gov.uk".into()),
            address: vec![],
        },
        privacy_notice: None,
        sign_off: SignOff { team: "Information Rights Unit".into(), name: None, title: None, closing: None },
        house: None,
        annexes: vec![],
        internal_review: None,
    };
    // The same checks a case file gets: field rules and cross-field facts.
    let case = foikit::case::parse(&serde_json::to_string(&case)?, foikit::case::SourceFormat::Json, "in-code case")?;
    let doc = Composer::builtin().compose(&case)?;
    let opts = RenderOptions::for_document(&doc);
    std::fs::create_dir_all(&dir)?;
    for format in [Format::Pdf, Format::Docx, Format::Txt] {
        let path = dir.join(format!("{}.{}", doc.meta.reference, format.extension()));
        foikit::output::write_atomic(&path, &render::render(&doc, format, &opts)?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
