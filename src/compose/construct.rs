//! Builds handlebars' helper and decorator nodes from their parts, through
//! handlebars' public constructors (its node types cannot be written as
//! struct literals outside handlebars).
//!
//! The code build.rs generates for the built-in templates calls these
//! functions, and build.rs itself calls them to learn the one flag
//! handlebars keeps private (`indent_before_write`): it rebuilds each node
//! with the flag off and on and keeps the value whose node equals the
//! compiled one. One piece of code thus both checks and makes the nodes.

use std::collections::HashMap;

use handlebars::template::{BlockParam, DecoratorTemplate, ExpressionSpecBuilder, HelperTemplate, Parameter, Template};

/// What a tag names and passes: `{{name param… key=value… as |block params|}}`.
pub struct Call {
    /// The helper, partial or variable.
    pub name: Parameter,
    /// Positional parameters.
    pub params: Vec<Parameter>,
    /// Named parameters.
    pub hash: HashMap<String, Parameter>,
    /// `as |x|` or `as |x y|`.
    pub block_param: Option<BlockParam>,
}

impl Call {
    /// handlebars' spec of the call. Its builder copies every field it is
    /// given, so it gets empty ones and the parts are moved in after; it
    /// fails only on a field left unset, which never happens here, but the
    /// error is passed on all the same.
    fn spec(self) -> Result<handlebars::template::ExpressionSpec, String> {
        let mut spec = ExpressionSpecBuilder::default()
            .name(Parameter::Name(String::new()))
            .params(Vec::new())
            .hash(HashMap::new())
            .omit_pre_ws(false)
            .omit_pro_ws(false)
            .build()
            .map_err(|e| e.to_string())?;
        spec.name = self.name;
        spec.params = self.params;
        spec.hash = self.hash;
        spec.block_param = self.block_param;
        Ok(spec)
    }
}

/// A helper node: an expression (`{{x}}`, `{{{x}}}`) or a block (`{{#x}}`),
/// `chain` when it is an `{{else x}}` link of a block.
pub fn helper(
    call: Call,
    block: bool,
    chain: bool,
    indent_before_write: bool,
    template: Option<Template>,
    inverse: Option<Template>,
) -> Result<Box<HelperTemplate>, String> {
    let spec = call.spec()?;
    let mut node = if chain {
        HelperTemplate::new_chain(spec, block, indent_before_write)
    } else {
        HelperTemplate::new(spec, block, indent_before_write)
    };
    node.template = template;
    node.inverse = inverse;
    Ok(Box::new(node))
}

/// A decorator or partial node (`{{*x}}`, `{{> x}}`, and their block forms);
/// `indent` is what a partial's lines are indented by.
pub fn decorator(
    call: Call,
    indent_before_write: bool,
    indent: Option<String>,
    template: Option<Template>,
) -> Result<Box<DecoratorTemplate>, String> {
    let mut node = DecoratorTemplate::new(call.spec()?, indent_before_write);
    node.indent = indent;
    node.template = template;
    Ok(Box::new(node))
}
