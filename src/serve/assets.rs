//! The app's only assets, embedded in the binary: one style sheet and one
//! small script. Nothing is fetched from the internet, and there is no
//! front-end build step.

/// The style sheet.
pub const CSS: &str = include_str!("assets/app.css");

/// The script: live checking and the due date; every page works without it.
pub const JS: &str = include_str!("assets/app.js");
