//! The vendored handlebars (`vendor/handlebars`, vendor/README.md) renders
//! partials as the crates.io release does: its one change skips a copy of
//! the caller's context, and must not change what any lookup finds. The
//! expected strings are what handlebars 6.4.4 from crates.io renders for the
//! same templates and data, partials called at the top, inside `each` (with
//! and without block parameters), inside `with`, nested, and with hash
//! arguments or a context parameter (which still copy).

use handlebars::Handlebars;

#[test]
fn partials_find_what_upstream_finds() {
    let mut hb = Handlebars::new();
    let partials = [
        ("name", "{{name}}|{{this.name}}|{{@root.name}}|{{../name}}"),
        ("item", "[{{x}} {{@index}} {{../name}} {{@root.name}} {{#if @first}}first{{/if}}]"),
        ("nested", "<{{> name}}>"),
        ("hashed", "({{x}} {{name}} {{y}})"),
        ("with", "{{y}}/{{../name}}/{{@root.obj.y}}"),
    ];
    for (name, template) in partials {
        hb.register_template_string(name, template).unwrap();
    }
    let data = serde_json::json!({
        "name": "A",
        "obj": {"y": "Y", "name": "O"},
        "items": [{"x": 1, "tags": ["t1", "t2"]}, {"x": 2, "name": "I2", "tags": []}],
    });
    let upstream = [
        ("{{> name}}", "A|A|A|A"),
        ("{{#each items}}{{> item}}{{/each}}", "[1 0  A first][2 1 I2 A ]"),
        ("{{> nested}}", "<A|A|A|A>"),
        ("{{#with obj}}{{> with}}{{> nested}}{{/with}}", "Y/O/Y<O|O|A|O>"),
        ("{{> hashed x=1}}{{#each items}}{{> hashed y=2}}{{/each}}", "(1 A )(1  2)(2 I2 2)"),
        ("{{> hashed obj}}", "( O Y)"),
        ("{{#each items}}{{#each tags}}{{> name}}{{this}};{{/each}}{{/each}}", "||A|t1;||A|t2;"),
        ("{{#each items as |it|}}{{> item}}{{it.x}}{{/each}}", "[1 0  A first]1[2 1 I2 A ]2"),
    ];
    for (template, expected) in upstream {
        assert_eq!(hb.render_template(template, &data).unwrap(), expected, "{template}");
    }
}
