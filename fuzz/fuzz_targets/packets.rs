//! The packet-capture reader (and the connections-CSV reader) on any bytes (it reads what an attacker may
//! craft): it returns connections or a clear error, never panics, and every
//! connection it returns is filed under exactly one subject.
#![no_main]

use borderline::observe::packets::pcapdroid_csv::read_connections_csv;
use borderline::observe::packets::read_packets;
use borderline::Analyzer;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static ANALYZER: Analyzer = Analyzer::new();
}

fuzz_target!(|data: &[u8]| {
    // PCAPdroid's connections CSV, from the same bytes: rows or an error, never a panic.
    if let Ok(csv) = read_connections_csv(data) {
        assert!(csv.connections.iter().all(|c| c.first_ms <= c.last_ms));
    }
    let Ok(capture) = read_packets(data, |_| {}) else { return };
    assert_eq!(capture.bytes, data.len() as u64);
    for c in &capture.connections {
        assert!(c.first_ms <= c.last_ms);
        assert!(c.packets_sent + c.packets_received >= 1);
        assert!(c.name.as_deref().is_none_or(|n| n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')));
    }
    ANALYZER.with(|a| {
        let reports = a.observe_packets(&capture, borderline::aggregate::Bounds::log(100));
        let filed: u64 = reports.sites.values().map(|s| s.requests).sum();
        assert_eq!(filed, capture.connections.len() as u64, "every connection is filed once");
    });
});
