//! `borderline batch` end to end: a thousand captures of every kind with one
//! broken, read on every core into Parquet and NDJSON; each capture's rows
//! equal its own reports' counts; the Parquet file read back with Arrow's
//! reader and queried with DuckDB as the README shows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow_array::{Array, Int64Array, RecordBatch, StringArray};
use borderline::aggregate::Bounds;
use borderline::judge::Policy;
use borderline::observe::packets::{pcapdroid_csv, read_packets};
use borderline::observe::read_har;
use borderline::{Analyzer, Reports};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture captures of every kind, with the subjects their reports have
/// and each subject's count of requests or connections.
fn kinds() -> Vec<(PathBuf, BTreeMap<String, u64>)> {
    let analyzer = Analyzer::new();
    let policy = Policy::parse("US", "us").unwrap();
    let mut out = Vec::new();
    for rel in [
        "tiktok/foryou/capture.har",
        "youtube/watch/capture.har",
        "phone/mitmproxy-app/capture.har",
        "phone/pcapdroid-csv/capture.csv",
        "phone/tiktok-app/capture.pcapng",
    ] {
        let path = root().join("tests/fixtures").join(rel);
        let bytes = std::fs::read(&path).unwrap();
        let reports: Reports = match path.extension().unwrap().to_str().unwrap() {
            "har" => analyzer.observe_capture(&read_har(std::str::from_utf8(&bytes).unwrap(), |_, _| {}).unwrap(), Bounds::UNBOUNDED),
            "csv" => analyzer.observe_packets(&pcapdroid_csv::read_connections_csv(&bytes).unwrap(), Bounds::UNBOUNDED),
            _ => analyzer.observe_packets(&read_packets(&bytes[..], |_| {}).unwrap(), Bounds::UNBOUNDED),
        };
        // Each subject's count from its report's totals, not from the log the batch writes.
        let counts = reports.sites.values().map(|s| (s.site.clone(), analyzer.report(s, &policy).totals.requests)).collect();
        out.push((path, counts));
    }
    out
}

fn batch(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_borderline")).arg("batch").args(args).output().unwrap()
}

#[test]
fn a_thousand_mixed_captures_with_one_broken() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("batch-1000");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    let kinds = kinds();
    // 999 copies spread over two directories, and one broken HAR in the middle.
    let mut expected: BTreeMap<(String, String), u64> = BTreeMap::new();
    for i in 0..999 {
        let (src, counts) = &kinds[i % kinds.len()];
        let sub = if i % 2 == 0 { dir.clone() } else { dir.join("nested") };
        let path = sub.join(format!("{i:04}-{}", src.file_name().unwrap().to_str().unwrap()));
        std::fs::copy(src, &path).unwrap();
        for (subject, n) in counts {
            expected.insert((path.display().to_string(), subject.clone()), *n);
        }
    }
    std::fs::write(dir.join("0500-broken.har"), br#"{"log":{"entries":[{"request":"#).unwrap();

    let parquet = dir.with_extension("parquet");
    let out = batch(&[dir.to_str().unwrap(), "--out", parquet.to_str().unwrap(), "--home", "US", "--policy", "us"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some skipped: exit code 1\n{err}");
    assert!(err.contains("skipped") && err.contains("0500-broken.har") && err.contains("truncated"), "{err}");
    assert!(err.contains("from 999 of 1000 captures"), "{err}");

    // Arrow's reader: every (capture, subject) has exactly its report's count of rows.
    let file = std::fs::File::open(&parquet).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
    let mut got: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut sent_total = 0i64;
    let mut rows = 0usize;
    for batch in reader {
        let batch: RecordBatch = batch.unwrap();
        let col = |name: &str| batch.column_by_name(name).unwrap_or_else(|| panic!("{name}")).clone();
        let capture = col("capture");
        let capture = capture.as_any().downcast_ref::<StringArray>().unwrap();
        let subject = col("subject");
        let subject = subject.as_any().downcast_ref::<StringArray>().unwrap();
        let sent = col("bytes_sent");
        let sent = sent.as_any().downcast_ref::<Int64Array>().unwrap();
        assert_eq!(sent.null_count(), 0);
        for i in 0..batch.num_rows() {
            *got.entry((capture.value(i).to_string(), subject.value(i).to_string())).or_default() += 1;
            sent_total += sent.value(i);
        }
        rows += batch.num_rows();
    }
    assert_eq!(got, expected, "rows per capture and subject equal the per-capture reports");
    assert!(sent_total > 0);

    // NDJSON: the same rows, in the same order as Parquet.
    let ndjson = dir.with_extension("ndjson");
    let out = batch(&[dir.to_str().unwrap(), "--out", ndjson.to_str().unwrap(), "--home", "US", "--policy", "us", "--jobs", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&ndjson).unwrap();
    assert_eq!(text.lines().count(), rows);
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(first["bytes_sent"].is_i64() && first["capture_sha256"].as_str().unwrap().len() == 64);

    // DuckDB reads the Parquet and answers the README's question.
    let query = duckdb_query(&parquet);
    let script = format!("import duckdb, json\nprint(json.dumps(duckdb.sql({query:?}).fetchall()))");
    let py = Command::new("python3").args(["-c", &script]).output().expect("python3");
    assert!(py.status.success(), "DuckDB's Python package reads the Parquet (`make deps` installs it): {}", String::from_utf8_lossy(&py.stderr));
    let answer: Vec<(String, String, Option<String>, i64)> = serde_json::from_slice(&py.stdout).unwrap();
    assert!(
        answer.iter().any(|(subject, company, country, n)| subject == "com.zhiliaoapp.musically"
            && company == "ByteDance Ltd."
            && country.as_deref() == Some("US")
            && *n > 0),
        "{answer:?}"
    );
}

/// The README's DuckDB query, read from the README itself so the two cannot drift.
fn duckdb_query(parquet: &Path) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```sql\n").expect("the README has a DuckDB query") + 7;
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].replace("captures.parquet", &parquet.display().to_string())
}

#[test]
fn bad_batch_arguments_are_clear() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let out = batch(&[root().join("tests/fixtures/tiktok").to_str().unwrap(), "--out", dir.join("x.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".parquet or .ndjson"));
    let empty = dir.join("empty-batch-dir");
    std::fs::create_dir_all(&empty).unwrap();
    let out = batch(&[empty.to_str().unwrap(), "--out", dir.join("x.parquet").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no captures"));
}
