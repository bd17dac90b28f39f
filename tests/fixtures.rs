//! Fixture tests: every `tests/fixtures/<site>/<case>/capture.har` (or a
//! packet capture, `capture.pcapng` / `capture.pcap`) must give exactly
//! `expected.json` and `expected.csv`. `BLESS=1` rewrites them.

use std::path::{Path, PathBuf};

use borderline::aggregate::Bounds;
use borderline::judge::Policy;
use borderline::observe::packets::pcapdroid_csv::read_connections_csv;
use borderline::observe::packets::read_packets;
use borderline::observe::read_har;
use borderline::render::{to_json, CaptureView};
use borderline::Analyzer;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for site in std::fs::read_dir(&root).unwrap().flatten() {
        let Ok(cases) = std::fs::read_dir(site.path()) else { continue };
        for case in cases.flatten() {
            if ["capture.har", "capture.pcapng", "capture.pcap", "capture.csv"].iter().any(|f| case.path().join(f).is_file()) {
                out.push(case.path());
            }
        }
    }
    out.sort();
    out
}

fn policy(dir: &Path) -> Policy {
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let words: Vec<&str> = args.split_whitespace().collect();
    let get = |flag: &str| words.windows(2).find(|w| w[0] == flag).map(|w| w[1]);
    Policy::parse(get("--home").unwrap_or("US"), get("--policy").unwrap_or("us")).unwrap()
}

/// What the CLI does for `report`, minus file handling.
pub fn report(dir: &Path) -> (String, String) {
    let analyzer = Analyzer::new();
    let policy = policy(dir);
    for name in ["capture.pcapng", "capture.pcap", "capture.csv"] {
        let Ok(file) = std::fs::File::open(dir.join(name)) else { continue };
        let capture = match name {
            "capture.csv" => read_connections_csv(&std::fs::read(dir.join(name)).unwrap()).unwrap(),
            _ => read_packets(file, |_| {}).unwrap(),
        };
        let site = analyzer.observe_packets(&capture, Bounds::UNBOUNDED).pick(None).unwrap();
        let mut report = analyzer.report(&site, &policy);
        report.capture = Some(CaptureView::of_packets(&capture));
        return (to_json(&report), analyzer.csv(&report, &site, &policy));
    }
    let text = std::fs::read_to_string(dir.join("capture.har")).unwrap();
    let har = read_har(&text, |_, _| {}).unwrap();
    let site = analyzer.observe_capture(&har, Bounds::UNBOUNDED).pick(None).unwrap();
    let mut report = analyzer.report(&site, &policy);
    report.capture = Some(CaptureView::of(&har));
    (to_json(&report), analyzer.csv(&report, &site, &policy))
}

fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  got:      {x}\n  expected: {y}", i + 1);
        }
    }
    format!("lengths differ: got {} lines, expected {}", a.lines().count(), b.lines().count())
}

#[test]
fn fixtures_match_their_expected_reports() {
    let cases = cases();
    assert!(cases.len() >= 3, "found {} fixture cases", cases.len());
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for dir in &cases {
        let (json, csv) = report(dir);
        for (file, got) in [("expected.json", &json), ("expected.csv", &csv)] {
            let path = dir.join(file);
            if bless {
                std::fs::write(&path, got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            if &want != got {
                failures.push(format!("{}: {}", path.display(), first_difference(got, &want)));
            }
        }
    }
    assert!(failures.is_empty(), "run `BLESS=1 cargo test --test fixtures` if the change is intended:\n{}", failures.join("\n"));
}
