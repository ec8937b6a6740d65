#![no_main]
//! Fuzz target `letter`: see `entries::letter`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = foikit_fuzz::entries::letter(data);
});
