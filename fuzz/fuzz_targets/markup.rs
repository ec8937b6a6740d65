#![no_main]
//! Fuzz target `markup`: see `entries::markup`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = foikit_fuzz::entries::markup(data);
});
