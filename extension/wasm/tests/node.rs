//! The binding's wasm tests under node (`wasm-bindgen-test-runner`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[path = "common.rs"]
mod common;

#[wasm_bindgen_test]
fn flags_report_and_exports() {
    common::flags_report_and_exports();
}

#[wasm_bindgen_test]
fn snapshots_restore_and_merge() {
    common::snapshots_restore_and_merge();
}

#[wasm_bindgen_test]
fn workers_are_filed_under_the_tab_of_their_site() {
    common::workers_are_filed_under_the_tab_of_their_site();
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_or_counted_never_a_panic() {
    common::bad_input_is_an_error_or_counted_never_a_panic();
}
