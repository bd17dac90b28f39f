//! Native benchmarks of the core: start-up, per-request pipeline (median and
//! p99), HAR → report throughput, and heap after init.
//!
//! Request corpus: the 8,276 real requests of adblock-rust's
//! `matching-test-requests.json` (MPL-2.0), read at run time from
//! `../shared/fixtures/real/adblock-rust/` or `$BORDERLINE_CORPUS`; without
//! it, the bundled fixture captures are used. Figures also go to
//! `target/bench/core.json`.
//!
//!     cargo bench --bench pipeline
//!
//! `cargo test --bench pipeline` (in `make test`) runs each benchmark once in
//! a test build, on a small HAR, and writes no figures: a check that the
//! harness works, not a measurement.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use borderline::judge::Policy;
use borderline::observe::{read_har, Request, ResourceType};
use borderline::{Analyzer, Reports};
use criterion::{criterion_group, Criterion, Throughput};

/// Counts live heap bytes, for "memory after init".
struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);
#[allow(unsafe_code)] // a GlobalAlloc impl is unsafe by definition
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

#[derive(serde::Deserialize)]
struct CorpusEntry {
    url: String,
    #[serde(rename = "sourceUrl")]
    source_url: String,
    #[serde(rename = "type")]
    kind: String,
}

/// The request corpus and where it came from.
fn corpus() -> (Vec<Request>, String) {
    let path = std::env::var_os("BORDERLINE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/fixtures/real/adblock-rust/matching-test-requests.json"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        let entries: Vec<CorpusEntry> = serde_json::from_str(&text).expect("corpus is JSON");
        let reqs = entries
            .into_iter()
            .map(|e| {
                // Many entries have only a scheme as their page; give those a neutral site.
                let site = if borderline::classify::host_of(&e.source_url).is_some() { e.source_url } else { "https://www.example.org/".into() };
                Request::new(e.url, site, ResourceType::from_name(&e.kind))
            })
            .collect();
        return (reqs, "adblock-rust matching-test-requests.json".into());
    }
    let mut reqs = Vec::new();
    for case in ["tiktok/foryou", "youtube/watch", "bilibili/video"] {
        let text = std::fs::read_to_string(root().join("tests/fixtures").join(case).join("capture.har")).unwrap();
        reqs.extend(read_har(&text, |_, _| {}).unwrap().requests);
    }
    (reqs, "bundled fixture captures (corpus not found)".into())
}

/// A synthetic HAR of `n` entries made by repeating the sample capture's entries.
fn big_har(n: usize) -> String {
    let text = std::fs::read_to_string(root().join("tests/fixtures/tiktok/foryou/capture.har")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entries = v["log"]["entries"].as_array().unwrap();
    let many: Vec<&serde_json::Value> = entries.iter().cycle().take(n).collect();
    serde_json::json!({"log": {"version": "1.2", "pages": v["log"]["pages"], "entries": many}}).to_string()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Per-request latency over the corpus, one timing per request, fresh report per pass.
fn latency_figures(analyzer: &Analyzer, reqs: &[Request]) -> (Duration, Duration, Duration) {
    let mut times = Vec::with_capacity(reqs.len() * 5);
    for _ in 0..5 {
        let mut reports = Reports::new(1000);
        for r in reqs {
            let t = Instant::now();
            analyzer.observe(black_box(r), &mut reports);
            times.push(t.elapsed());
        }
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99), percentile(&times, 0.999))
}

/// Whether this is a measuring run (`cargo bench`), not criterion's test mode.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn benches(c: &mut Criterion) {
    let (reqs, source) = corpus();

    let before = LIVE.load(Ordering::Relaxed);
    let t = Instant::now();
    let analyzer = Analyzer::new();
    let cold_start = t.elapsed();
    let heap_after_init = LIVE.load(Ordering::Relaxed) - before;

    let mut g = c.benchmark_group("startup");
    g.bench_function("filter engines from embedded bytes", |b| b.iter(|| black_box(borderline::classify::FilterLists::embedded())));
    g.bench_function("ip tables from embedded bytes", |b| b.iter(|| black_box(borderline::locate::Locator::embedded())));
    g.bench_function("public suffix list parse (publicsuffix crate, for comparison)", |b| {
        let text = std::fs::read_to_string(root().join("data/psl/public_suffix_list.dat")).unwrap();
        b.iter(|| black_box(text.parse::<publicsuffix::List>().unwrap()))
    });
    g.bench_function("registrable domain lookup (compiled PSL)", |b| {
        b.iter(|| black_box(borderline::classify::domain::registrable_domain(black_box("rr3---sn-4g5e6nz7.googlevideo.com"))))
    });
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(reqs.len() as u64));
    g.bench_function("observe corpus", |b| {
        b.iter(|| {
            let mut reports = Reports::new(1000);
            for r in &reqs {
                analyzer.observe(r, &mut reports);
            }
            black_box(reports)
        })
    });
    g.finish();

    let n = if measuring() { 100_000 } else { 2_000 };
    let har = big_har(n);
    let policy = Policy::parse("US", "us").unwrap();
    let mut g = c.benchmark_group("har");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    g.bench_function(format!("har to report ({}k entries)", n / 1000), |b| {
        b.iter(|| {
            let cap = read_har(&har, |_, _| {}).unwrap();
            let mut reports = Reports::new(u64::MAX);
            for r in &cap.requests {
                analyzer.observe(r, &mut reports);
            }
            let site = reports.busiest()[0];
            black_box(analyzer.report(site, &policy))
        })
    });
    g.finish();

    let (p50, p99, p999) = latency_figures(&analyzer, &reqs);
    if !measuring() {
        return;
    }
    let t = Instant::now();
    let cap = read_har(&har, |_, _| {}).unwrap();
    let mut reports = Reports::new(u64::MAX);
    for r in &cap.requests {
        analyzer.observe(r, &mut reports);
    }
    black_box(analyzer.report(reports.busiest()[0], &policy));
    let har_rate = n as f64 / t.elapsed().as_secs_f64();
    let figures = serde_json::json!({
        "corpus": source,
        "requests": reqs.len(),
        "cold_start_ms": cold_start.as_secs_f64() * 1e3,
        "heap_after_init_mb": heap_after_init as f64 / 1_048_576.0,
        "per_request_median_ns": p50.as_nanos() as u64,
        "per_request_p99_ns": p99.as_nanos() as u64,
        "per_request_p999_ns": p999.as_nanos() as u64,
        "har_to_report_requests_per_s": har_rate.round(),
    });
    println!("\nborderline core figures: {}", serde_json::to_string_pretty(&figures).unwrap());
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("core.json"), serde_json::to_string_pretty(&figures).unwrap()).unwrap();
}

criterion_group!(core, benches);

fn main() {
    core();
    Criterion::default().configure_from_args().final_summary();
}
