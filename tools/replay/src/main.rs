//! Replays requests through the core once and prints what it found: a request
//! corpus in adblock-rust's `matching-test-requests.json` shape
//! (`[{"url","sourceUrl","type"}]`) or HAR captures. A fixed input for
//! instruction counts under callgrind (`bench/guard.mjs`), where wall time
//! would be noise.
//!
//!     cargo run --release -p replay -- CORPUS.json | CAPTURE.har ...

use borderline::observe::{read_har, Request, ResourceType};
use borderline::{Analyzer, Reports};

#[derive(serde::Deserialize)]
struct Entry {
    url: String,
    #[serde(rename = "sourceUrl")]
    source_url: String,
    #[serde(rename = "type")]
    kind: String,
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    assert!(!paths.is_empty(), "usage: replay CORPUS.json | CAPTURE.har ...");
    let mut requests = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        if path.ends_with(".har") {
            requests.extend(read_har(&text, |_, _| {}).unwrap_or_else(|e| panic!("{path}: {e}")).requests);
            continue;
        }
        let entries: Vec<Entry> = serde_json::from_str(&text).expect("corpus is a JSON array of {url, sourceUrl, type}");
        // Many entries have only a scheme as their page; give those a neutral site
        // (as the benchmarks do), so every request goes through the whole pipeline.
        requests.extend(entries.into_iter().map(|e| {
            let site = if borderline::classify::host_of(&e.source_url).is_some() { e.source_url } else { "https://www.example.org/".into() };
            Request::new(e.url, site, ResourceType::from_name(&e.kind))
        }));
    }
    let analyzer = Analyzer::new();
    let (trackers, recorded) = replay(&analyzer, &requests);
    println!("{} requests, {recorded} recorded, {trackers} to trackers", requests.len());
}

/// The measured part: every request through observe, into one report set.
#[inline(never)]
fn replay(analyzer: &Analyzer, requests: &[Request]) -> (usize, usize) {
    let mut reports = Reports::new(1000);
    let (mut trackers, mut recorded) = (0, 0);
    for r in requests {
        if let Some(o) = analyzer.observe(r, &mut reports) {
            recorded += 1;
            trackers += usize::from(o.classification.tracker.is_some());
        }
    }
    (trackers, recorded)
}
