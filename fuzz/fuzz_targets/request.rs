//! URL and host parsing, classification and "what was sent" detection on any
//! request the network could make.
#![no_main]

use borderline::classify::host_of;
use borderline::observe::{sent, Request, ResourceType};
use borderline::{Analyzer, Reports};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static ANALYZER: Analyzer = Analyzer::new();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\n');
    let url = parts.next().unwrap_or_default();
    let site_url = parts.next().unwrap_or("https://www.tiktok.com/");
    let kind = parts.next().unwrap_or_default();
    let body = parts.next();
    if let Some(host) = host_of(url) {
        assert!(!host.is_empty());
        assert!(!host.bytes().any(|b| b.is_ascii_uppercase()), "hosts are lower case: {host:?}");
    }
    for content_type in [None, Some("application/json"), Some("application/x-www-form-urlencoded"), Some("multipart/form-data; boundary=b"), Some("application/x-protobuf")] {
        let sent = sent::detect(url, body, content_type, None);
        assert!(sent.fields.windows(2).all(|w| w[0].name != w[1].name), "fields are listed once");
        if sent.binary.is_some() {
            // A binary body is never read for fields: only the URL's query can have given any.
            let from_url = sent::detect(url, None, None, None);
            assert_eq!(sent.fields, from_url.fields, "a binary body gave fields");
        }
    }
    let mut req = Request::new(url, site_url, ResourceType::from_name(kind));
    req.body = body.map(str::to_string);
    ANALYZER.with(|a| {
        let mut reports = Reports::new(10);
        a.observe(&req, &mut reports);
        let filed: u64 = reports.sites.values().map(|s| s.requests + s.skipped).sum();
        assert_eq!(filed + reports.unattributed, 1);
        let _ = a.classify(&req);
    });
});
