#![no_main]
//! Fuzz target `compose`: see `entries::compose`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = foikit_fuzz::entries::compose(data);
});
