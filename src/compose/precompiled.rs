//! The built-in templates, compiled when foikit is built.
//!
//! Compiling a template at run time (handlebars' pest grammar, and its
//! line and column counting) took more than a quarter of a one-letter
//! process. The built-ins never change after the build, so build.rs
//! compiles each with [`super::compile::compile`] and writes Rust code that
//! constructs the same `Template` directly (see `build/precompile.rs`);
//! building it is a handful of allocations.
//!
//! A user's own templates (`--templates`) are still compiled at run time.
//! The tests below hold every built-in to equal, field for field, what
//! compiling its source makes, so a template edit or a handlebars upgrade
//! cannot make the two differ unnoticed.

use std::sync::OnceLock;

use handlebars::template::{Template, TemplateElement, TemplateMapping};

include!(concat!(env!("OUT_DIR"), "/precompiled_templates.rs"));

/// A template from its parts; `mapping` holds each element's line and
/// column in the source, for render errors.
fn template(
    name: Option<&str>,
    elements: Vec<TemplateElement>,
    mapping: &[(usize, usize)],
) -> Result<Template, String> {
    let seed = mapping_seed()?;
    let mut template = Template::new();
    template.name = name.map(str::to_string);
    template.elements = elements;
    template.mapping = mapping
        .iter()
        .map(|&(line, column)| {
            let mut m = seed.clone();
            (m.0, m.1) = (line, column);
            m
        })
        .collect();
    Ok(template)
}

/// A `TemplateMapping` to copy: handlebars offers no way to make one but
/// compiling a template, so the smallest is compiled once per process.
fn mapping_seed() -> Result<&'static TemplateMapping, String> {
    static SEED: OnceLock<Option<TemplateMapping>> = OnceLock::new();
    SEED.get_or_init(|| Template::compile("x").ok().and_then(|t| t.mapping.into_iter().next()))
        .as_ref()
        .ok_or_else(|| "handlebars made no position for a one-letter template".to_string())
}

#[cfg(test)]
mod tests {
    use super::super::builtin::BUILTIN;
    use super::*;

    #[test]
    fn every_builtin_is_what_compiling_it_makes() {
        for (name, source) in BUILTIN {
            let compiled = super::super::compile::compile(name, source).unwrap();
            let built = builtin(name).unwrap();
            assert!(built == compiled, "built-in template {name} differs from its compiled source");
        }
    }

    #[test]
    fn an_unknown_name_is_an_error() {
        assert!(builtin("no/such").is_err());
    }
}
