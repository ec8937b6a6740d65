//! The fuzz targets' entry points, shared with the regression test in
//! `tests/it/fuzz_regressions.rs` so both run the same code.

#[path = "../../tests/it/fuzz_entries.rs"]
pub mod entries;
