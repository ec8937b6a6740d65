#![no_main]
//! Fuzz target `case_file`: see `entries::case_file`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = foikit_fuzz::entries::case_file(data);
});
