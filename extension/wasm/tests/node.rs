//! The binding's wasm tests under node (`wasm-bindgen-test-runner`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[path = "common/mod.rs"]
#[macro_use]
mod common;

binding_tests!();
