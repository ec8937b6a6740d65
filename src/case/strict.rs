//! Deserialisers stricter than serde's defaults where leniency hides a
//! mistake: a quoted `"no"` is text, and a clerk who wrote it may have meant
//! something else, so it is an error at its line rather than `false`.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// `true` or `false`, unquoted; any string (`"no"`, `"false"`, `"n"`) is
/// refused. For a field with `#[serde(default)]`, so absent is `None`, as
/// is an explicit null (JSON `null`, YAML `~` or nothing after the colon):
/// not decided yet, as a form left blank.
pub fn optional_boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    d.deserialize_any(Boolean)
}

struct Boolean;

impl<'de> Visitor<'de> for Boolean {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("true or false, without quotes")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<bool>, E> {
        Ok(Some(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<bool>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<bool>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<bool>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<bool>, E> {
        Err(E::custom(format!("`{v}` is text: write true or false, without quotes")))
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Held {
        #[serde(default, deserialize_with = "super::optional_boolean")]
        held: Option<bool>,
    }

    #[test]
    fn only_real_booleans() {
        assert_eq!(serde_saphyr::from_str::<Held>("held: true").unwrap().held, Some(true));
        assert_eq!(serde_json::from_str::<Held>(r#"{"held": false}"#).unwrap().held, Some(false));
        assert_eq!(serde_json::from_str::<Held>("{}").unwrap().held, None);
        assert_eq!(serde_json::from_str::<Held>(r#"{"held": null}"#).unwrap().held, None, "null is not decided");
        for blank in ["held:", "held: ~", "held: null"] {
            assert_eq!(serde_saphyr::from_str::<Held>(blank).unwrap().held, None, "{blank}");
        }
        for text in [r#"held: "no""#, r#"held: "false""#, "held: 'n'", "held: maybe"] {
            assert!(serde_saphyr::from_str::<Held>(text).is_err(), "{text}");
        }
        assert!(toml::from_str::<Held>(r#"held = "no""#).is_err());
    }
}
