//! Free body content: a paragraph is a plain string; a list is a one-key map
//! (`numbered:` or `bullets:`). Written by hand so a wrong shape gets an error
//! that says what shapes are allowed.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One item of free body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    /// A paragraph.
    Paragraph(String),
    /// A numbered list ("1.", "2.", …).
    Numbered(Vec<String>),
    /// A bulleted list.
    Bullets(Vec<String>),
}

impl BodyItem {
    /// Every piece of text in the item, for blank checks.
    pub fn texts(&self) -> &[String] {
        match self {
            BodyItem::Paragraph(p) => std::slice::from_ref(p),
            BodyItem::Numbered(items) | BodyItem::Bullets(items) => items,
        }
    }
}

impl Serialize for BodyItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            BodyItem::Paragraph(p) => s.serialize_str(p),
            BodyItem::Numbered(items) | BodyItem::Bullets(items) => {
                let key = if matches!(self, BodyItem::Numbered(_)) { "numbered" } else { "bullets" };
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry(key, items)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for BodyItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BodyVisitor)
    }
}

struct BodyVisitor;

const SHAPES: &str = "a paragraph (text), `numbered: [items]` or `bullets: [items]`";

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = BodyItem;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(SHAPES)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<BodyItem, E> {
        Ok(BodyItem::Paragraph(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyItem, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(de::Error::custom(format!("empty mapping: expected {SHAPES}")));
        };
        let item = match key.as_str() {
            "numbered" => BodyItem::Numbered(map.next_value()?),
            "bullets" => BodyItem::Bullets(map.next_value()?),
            other => return Err(de::Error::unknown_field(other, &["numbered", "bullets"])),
        };
        if let Some(extra) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "unexpected `{extra}`: a list item holds exactly one of `numbered` or `bullets`"
            )));
        }
        Ok(item)
    }
}
