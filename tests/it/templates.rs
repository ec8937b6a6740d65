//! Templates: values are data, strict mode catches typos, overrides work
//! file by file, and errors name the template and line.

use foikit::case::{self, SourceFormat};
use foikit::compose::{Composer, TemplateSet};
use foikit::doc::{Block, Inline};
use foikit::render;

use crate::support;

fn case_yaml() -> String {
    std::fs::read_to_string(support::root().join("fixtures/cases/ho-78814-release.yaml")).unwrap()
}

fn overlay(files: &[(&str, &str)]) -> TemplateSet {
    let dir = support::scratch(&format!("overlay-{}", files[0].0.replace('/', "-")));
    for (name, text) in files {
        let path = dir.join(format!("{name}.hbs"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    TemplateSet::with_overlay(&dir).unwrap()
}

#[test]
fn every_builtin_template_compiles() {
    // Letters compile only the templates they use; this covers the rest.
    Composer::builtin().compile_all().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_broken_builtin_override_is_refused_before_any_letter() {
    // Overlay files are compiled up front, even ones this letter would not use.
    let err = Composer::new(overlay(&[("grounds/foia/43", "{{#if x}}\nunclosed\n")])).err().expect("syntax error");
    assert!(err.template.ends_with("43.hbs"), "{err}");
}

#[test]
fn case_values_are_printed_never_evaluated() {
    let nasty = "{{reference}} **not bold** [x](http://e.vil) ::: section fake";
    let src =
        case_yaml().replace("  text: >-\n    Please provide", &format!("  text: >-\n    {nasty:?} Please provide"));
    let case = case::parse(&src, SourceFormat::Yaml, "t.yaml").unwrap();
    let doc = support::composer().compose(&case).unwrap();
    let text = render::text::text(&doc);
    assert!(text.contains("\"{{reference}} **not bold** [x](http://e.vil) ::: section fake\""), "{text}");
    let all: Vec<&Block> = doc.walk().into_iter().map(|(_, b)| b).collect();
    assert!(!all.iter().any(|b| matches!(b, Block::Section { name, .. } if name.name() == "fake")));
    let quoted = all.iter().find_map(|b| match b {
        Block::Paragraph(l) if foikit::doc::line_text(l).contains("not bold") => Some(l),
        _ => None,
    });
    assert!(quoted.expect("the request paragraph").iter().all(|i| matches!(i, Inline::Text(_))), "{quoted:?}");
}

#[test]
fn strict_mode_names_the_template_and_line() {
    let set = overlay(&[("partials/sign-off", "::: lines\nYours,\n{{sign_off.teem}}\n:::\n")]);
    let composer = Composer::new(set).unwrap();
    let case = case::parse(&case_yaml(), SourceFormat::Yaml, "t.yaml").unwrap();
    let err = composer.compose(&case).unwrap_err();
    assert!(err.template.ends_with("partials/sign-off.hbs"), "{err}");
    assert_eq!(err.line, Some(3), "{err}");
    assert!(err.to_string().contains("no value `sign_off.teem`") && !err.to_string().contains("Some("), "{err}");
}

#[test]
fn syntax_and_markup_errors_are_reported() {
    let err =
        Composer::new(overlay(&[("partials/ico-complaint", "{{#if x}}\nunclosed\n")])).err().expect("syntax error");
    assert!(err.template.ends_with("partials/ico-complaint.hbs") && err.line.is_some(), "{err}");
    let composer =
        Composer::new(overlay(&[("partials/ico-complaint", "::: section ico-complaint\nnever closed\n")])).unwrap();
    let case = case::parse(&case_yaml(), SourceFormat::Yaml, "t.yaml").unwrap();
    let err = composer.compose(&case).unwrap_err();
    assert!(err.message.contains("never closed"), "{err}");
}

#[test]
fn an_override_that_drops_a_required_paragraph_is_visible_in_the_document() {
    let case = case::parse(&case_yaml(), SourceFormat::Yaml, "t.yaml").unwrap();
    assert!(support::composer().compose(&case).unwrap().section(foikit::doc::Section::InternalReview).is_some());
    let composer = Composer::new(overlay(&[("partials/internal-review", "{{!-- removed --}}\n")])).unwrap();
    assert!(composer.compose(&case).unwrap().section(foikit::doc::Section::InternalReview).is_none());
}

#[test]
fn json_and_toml_cases_render_like_yaml() {
    let yaml = case::parse(&case_yaml(), SourceFormat::Yaml, "t.yaml").unwrap();
    let json = serde_json::to_string_pretty(&yaml).unwrap();
    assert_eq!(case::parse(&json, SourceFormat::Json, "t.json").unwrap(), yaml);
    let toml = toml_text(&serde_json::to_value(&yaml).unwrap());
    assert_eq!(case::parse(&toml, SourceFormat::Toml, "t.toml").unwrap_or_else(|e| panic!("{e}\n{toml}")), yaml);
}

/// A JSON value as TOML, via the toml crate's serializer-free route: inline tables.
fn toml_text(v: &serde_json::Value) -> String {
    fn val(v: &serde_json::Value) -> String {
        match v {
            serde_json::Value::Object(m) => format!(
                "{{ {} }}",
                m.iter()
                    .filter(|(_, x)| !x.is_null())
                    .map(|(k, x)| format!("{k} = {}", val(x)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            serde_json::Value::Array(a) => format!("[{}]", a.iter().map(val).collect::<Vec<_>>().join(", ")),
            other => other.to_string(),
        }
    }
    let serde_json::Value::Object(m) = v else { panic!() };
    m.iter().filter(|(_, x)| !x.is_null()).map(|(k, x)| format!("{k} = {}\n", val(x))).collect()
}

#[test]
fn letters_name_each_regimes_review_and_regulator() {
    let base = case_yaml();
    let render_as = |regime: &str| {
        let src = base.replace("regime: foia", &format!("regime: {regime}"));
        let case = case::parse(&src, SourceFormat::Yaml, "t.yaml").unwrap_or_else(|e| panic!("{e}"));
        support::flat_text(&support::composer().compose(&case).unwrap())
    };
    let foisa = render_as("foisa");
    assert!(
        foisa.contains("ask for a review under section 20 of the Freedom of Information (Scotland) Act 2002"),
        "{foisa}"
    );
    assert!(foisa.contains("Scottish Information Commissioner for a decision under section 47"), "{foisa}");
    assert!(foisa.contains("within six months"), "{foisa}");
    assert!(!foisa.contains("section 50"), "{foisa}");
    let eir = render_as("eir");
    assert!(
        eir.contains("reconsideration under regulation 11 of the Environmental Information Regulations 2004"),
        "{eir}"
    );
    assert!(eir.contains("Information Commissioner for a decision under regulation 18"), "{eir}");
    assert!(eir.contains("reply within 40 working days"), "{eir}");
    let foia = render_as("foia");
    assert!(foia.contains("section 50 of the Freedom of Information Act 2000"), "{foia}");
}

/// A template folder with link loops, a link out of the folder and a FIFO
/// neither hangs nor prints what lies outside it.
#[cfg(unix)]
#[test]
fn template_links_and_fifos_are_refused_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = crate::support::scratch("template-links");
    symlink(".", dir.join("a")).unwrap();
    symlink(".", dir.join("b")).unwrap();
    symlink("/", dir.join("root")).unwrap();
    assert!(TemplateSet::with_overlay(&dir).is_ok(), "linked folders are not walked");
    std::fs::create_dir_all(dir.join("partials")).unwrap();
    symlink("/etc/passwd", dir.join("partials/sign-off.hbs")).unwrap();
    let err = TemplateSet::with_overlay(&dir).unwrap_err();
    assert!(err.to_string().contains("is a link or special file"), "{err}");
    std::fs::remove_file(dir.join("partials/sign-off.hbs")).unwrap();
    let fifo = dir.join("letter.hbs");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    assert!(TemplateSet::with_overlay(&dir).is_err(), "a FIFO is refused, not read");
}

/// Templates that would overflow the stack are refused when loaded.
#[test]
fn recursive_or_deeply_nested_templates_are_refused() {
    let dir = crate::support::scratch("template-recursion");
    let load = |file: &str, text: &str| {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("partials")).unwrap();
        std::fs::write(dir.join(file), text).unwrap();
        TemplateSet::with_overlay(&dir).map(|_| ()).map_err(|e| e.to_string())
    };
    let err = load("partials/sign-off.hbs", "{{> letter}}").unwrap_err();
    assert!(err.contains("partials/sign-off.hbs: partials include each other in a loop:"), "{err}");
    assert!(err.contains("partials/sign-off → letter") || err.contains("letter → partials/sign-off"), "{err}");
    let err = load("partials/sign-off.hbs", "{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}").unwrap_err();
    assert!(err.contains("inline partial `x` includes itself"), "{err}");
    let deep = format!("{}{}", "{{#if a}}".repeat(10_000), "{{/if}}".repeat(10_000));
    assert!(load("partials/sign-off.hbs", &deep).unwrap_err().contains("nested more than 64 deep"));
    assert!(load("partials/sign-off.hbs", "{{#if a}}{{> partials/body-item}}{{/if}}").is_ok());
}

/// Templates compile when a letter first uses them; letters composed at
/// once on several threads (a parallel batch) must never see a partial as
/// missing because another thread compiled it a moment earlier.
#[test]
fn letters_composed_at_once_on_many_threads_all_compose() {
    let case = case::parse(&case_yaml(), SourceFormat::Yaml, "78814.yaml").unwrap();
    for _ in 0..20 {
        let composer = Composer::builtin();
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..8).map(|_| s.spawn(|| composer.compose_reply(&case).map(|_| ()))).collect();
            for h in handles {
                h.join().unwrap().unwrap_or_else(|e| panic!("{e}"));
            }
        });
    }
}
