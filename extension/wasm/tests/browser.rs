//! The binding's wasm tests in headless Chromium, in a service worker like the extension's
//! (`wasm-bindgen-test-runner` with `CHROMEDRIVER=/usr/bin/chromedriver`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_service_worker);

#[path = "common/mod.rs"]
#[macro_use]
mod common;

binding_tests!();
