//! The data packs as the shells hold them: JS byte arrays outside the module's
//! memory, copied in a part at a time (`borderline::data::pack::PackSource`),
//! so the core decides what is in memory when.

use std::ops::Range;

use borderline::data::pack::PackSource;

/// A JS `Uint8Array` as a pack source.
pub struct JsBytes<'a>(pub &'a js_sys::Uint8Array);

impl PackSource for JsBytes<'_> {
    fn len(&self) -> usize {
        self.0.length() as usize
    }

    fn copy(&self, range: Range<usize>) -> Vec<u8> {
        // Ranges come from `0..len()`, so they fit u32 (a JS array's length).
        self.0.subarray(range.start as u32, range.end as u32).to_vec()
    }
}
