//! The binding's wasm tests under node (`wasm-bindgen-test-runner`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[path = "common/mod.rs"]
#[macro_use]
mod common;

binding_tests!();

/// The core's numbers and CLDR data against the JavaScript engine's own ICU
/// (`Intl.NumberFormat`, `Intl.DisplayNames`): the same grouping in every
/// shipped language, and the same country names for the countries of the
/// bundled captures (ICU may carry another CLDR release: a few names may
/// differ in wording, so those are counted and bounded, not ignored).
#[wasm_bindgen_test]
fn numbers_and_country_names_match_the_engine_s_icu() {
    use borderline::l10n::{negotiate, SHIPPED};
    use wasm_bindgen::{JsCast, JsValue};
    let numbers: [u64; 12] = [0, 7, 42, 999, 1000, 1234, 9999, 12345, 999_999, 1_234_567, 2_008_000_001, 1 << 40];
    let mut names_checked = 0;
    let mut names_differ = Vec::new();
    for (tag, _) in SHIPPED {
        let (l, _) = negotiate(&[tag]);
        let locales = js_sys::Array::of1(&JsValue::from_str(tag));
        let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new());
        for n in numbers {
            let js = format.format().call1(&JsValue::NULL, &JsValue::from_f64(n as f64)).unwrap().as_string().unwrap();
            assert_eq!(l.number(n), js, "{tag}: {n}");
        }
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"type".into(), &"region".into()).unwrap();
        let display = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).and_then(|intl| js_sys::Reflect::get(&intl, &"DisplayNames".into())).unwrap();
        let display = js_sys::Reflect::construct(&display.into(), &js_sys::Array::of2(&locales, &options)).unwrap();
        let of = js_sys::Reflect::get(&display, &"of".into()).unwrap();
        let of: &js_sys::Function = of.unchecked_ref();
        for code in ["US", "CN", "SG", "IE", "KY", "HK", "RU", "DE", "BR", "ID", "FR", "JP", "GB", "NL", "IN"] {
            let js = of.call1(&display, &JsValue::from_str(code)).unwrap().as_string().unwrap();
            names_checked += 1;
            if Some(js.as_str()) != l.country(code) {
                names_differ.push(format!("{tag} {code}: {:?} vs ICU {js:?}", l.country(code)));
            }
        }
    }
    assert!(names_differ.len() * 20 <= names_checked, "{} of {names_checked} names differ from ICU's: {names_differ:?}", names_differ.len());
}
