//! The redaction schedule: every redaction of a composed letter, where it
//! is, its provision and the reason, as rows for the
//! `annex/redaction-schedule` template.
//!
//! "Where" is the part of the request or the annex, not a page: the same
//! document becomes pages differently in PDF, DOCX (paginated by the word
//! processor) and HTML (not paginated at all), and a schedule must be true
//! of every format sent.

use serde_json::{Value, json};

use crate::doc::{Annex, Block, Inline, Line, Section};
use crate::law::RegimeId;

/// One row per redaction in `body` and `annexes`, in reading order.
pub fn rows(body: &[Block], annexes: &[Annex], regime: RegimeId) -> Vec<Value> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut items = 0;
    walk(
        body,
        &mut |place_item, line| {
            let place = place_item.map_or_else(|| "The letter".to_string(), |n| format!("Part {n} of the request"));
            found.extend(provisions(line).map(|p| (place.clone(), p)));
        },
        None,
        &mut items,
    );
    for (n, annex) in annexes.iter().enumerate() {
        let place = annex.label.clone().unwrap_or_else(|| format!("Annex {}", n + 1));
        walk(&annex.blocks, &mut |_, line| found.extend(provisions(line).map(|p| (place.clone(), p))), None, &mut 0);
    }
    let law = regime.regime();
    found
        .into_iter()
        .enumerate()
        .map(|(i, (place, provision))| {
            let reason = law.cite(&provision).map_or("", |c| c.def.title);
            json!({ "number": i + 1, "place": place, "provision": provision, "reason": reason })
        })
        .collect()
}

fn provisions(line: &Line) -> impl Iterator<Item = String> + '_ {
    line.iter().filter_map(|i| match i {
        Inline::Redaction { provision, .. } => Some(provision.clone()),
        _ => None,
    })
}

/// Calls `f` with each line of `blocks` and the number (from 1) of the
/// request item it is in, counting `item` sections in order.
fn walk(blocks: &[Block], f: &mut dyn FnMut(Option<usize>, &Line), item: Option<usize>, items: &mut usize) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => f(item, content),
            Block::Lines { lines, .. } | Block::List { items: lines, .. } => lines.iter().for_each(|l| f(item, l)),
            Block::Table { header, rows } => header.iter().chain(rows).flatten().for_each(|l| f(item, l)),
            Block::Quote(inner) => walk(inner, f, item, items),
            Block::Section { name, blocks } => {
                let item = if *name == Section::Item {
                    *items += 1;
                    Some(*items)
                } else {
                    item
                };
                walk(blocks, f, item, items);
            }
        }
    }
}
