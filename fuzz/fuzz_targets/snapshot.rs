//! The snapshot decoder on any bytes: an error or a report that re-encodes to
//! the same bytes.
#![no_main]

use borderline::aggregate::{snapshot, SiteReport};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = snapshot::decode::<SiteReport>(data) {
        let again = snapshot::encode(&report);
        let back: SiteReport = snapshot::decode(&again).expect("a re-encoded snapshot decodes");
        assert_eq!(back, report);
    }
    let _ = snapshot::decode::<Vec<SiteReport>>(data);
});
