//! The HAR reader on any text: it returns a capture or an error, never panics,
//! and every request it returns can go through the whole pipeline.
#![no_main]

use borderline::observe::read_har;
use borderline::Analyzer;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static ANALYZER: Analyzer = Analyzer::new();
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(capture) = read_har(text, |_, _| {}) else { return };
    assert!(capture.skip_reasons.len() as u64 <= capture.skipped);
    ANALYZER.with(|a| {
        let reports = a.observe_capture(&capture, borderline::aggregate::Bounds::log(100));
        let filed: u64 = reports.sites.values().map(|s| s.requests + s.skipped).sum();
        assert_eq!(filed + reports.unattributed, capture.requests.len() as u64, "every request is filed or counted");
    });
});
