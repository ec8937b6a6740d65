//! foikit's integration tests: one binary, one module per concern.
//!
//! Goldens live in `fixtures/golden/` as `foikit golden` snapshots; regenerate
//! them with `UPDATE_GOLDEN=1 cargo test --test it golden` and review
//! `git diff` (CI never writes them).
//! Tests that need qpdf, pdftotext, LibreOffice, openxml-audit or pdfua skip with a message when
//! the tool is missing, unless `FOIKIT_REQUIRE_TOOLS=1` (set by `.ci/run`).

mod accessible;
mod bad_input;
mod batch;
mod browser;
mod cases;
mod cli;
mod deadlines;
mod fuzz_entries;
mod fuzz_regressions;
mod golden;
mod golden_cli;
mod house;
mod interop;
mod kinds;
mod letters;
mod merge;
mod ooxml;
mod redaction;
mod requester;
mod rules;
mod schema;
mod seeds;
mod serve;
mod support;
mod templates;
mod vendored;
