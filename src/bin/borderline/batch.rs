//! `borderline batch`: many captures (HAR, PCAP, PCAPNG, PCAPdroid's
//! connections CSV, in any mix) into one table with a row per request or
//! connection, for DuckDB on one machine or Spark across many. Captures are
//! read on every core; the rows come out in the order the captures were
//! named, each with the capture it came from and its subject, then exactly
//! the columns of that capture's CSV export.

use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};

use arrow_array::builder::{Int64Builder, StringBuilder, TimestampMillisecondBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use borderline::aggregate::{Bounds, SubjectKind};
use borderline::judge::Policy;
use borderline::observe::packets::{pcapdroid_csv, read_packets, Format as PacketFormat};
use borderline::observe::read_har;
use borderline::render::{row_cells, CaptureView, CSV_COLUMNS, CSV_HEADER};
use borderline::Analyzer;

/// Columns before the CSV export's own.
const LEAD: [&str; 5] = ["capture", "capture_sha256", "subject", "subject_kind", "unit"];
/// CSV columns stored as integers (empty → null).
const INTEGERS: [&str; 7] = ["status", "asn", "tracker_line", "binary_body_bytes", "bytes_sent", "bytes_received", "server_port"];
/// Rows per Parquet record batch.
const BATCH_ROWS: usize = 8192;

/// What one capture gave: its rows, or why it was skipped.
type Outcome = Result<Vec<Row>, String>;

struct Row {
    lead: [String; 5],
    cells: [String; CSV_COLUMNS],
}

/// Files named, and every file under the directories named (sorted, so a run is reproducible).
fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    found.push(dir);
                    continue;
                };
                for e in entries.flatten() {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Captures larger than this are not read whole (packet captures are streamed and have no bound).
const MAX_WHOLE_BYTES: u64 = 4 << 30;

/// A file read whole, if it is not too large to be.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let len = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if len > MAX_WHOLE_BYTES {
        return Err(format!("{len} bytes is too large (limit {MAX_WHOLE_BYTES} bytes)"));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

/// Reads one capture and returns a row per request or connection, for every subject in it.
fn rows_of(analyzer: &Analyzer, path: &Path, policy: &Policy) -> Outcome {
    let mut head = Vec::with_capacity(32);
    std::io::Read::take(std::fs::File::open(path).map_err(|e| e.to_string())?, 32).read_to_end(&mut head).map_err(|e| e.to_string())?;
    let (reports, view) = if PacketFormat::sniff(&head).is_some() {
        // Streamed: a large packet capture is never held whole.
        let file = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path).map_err(|e| e.to_string())?);
        let capture = read_packets(file, |_| {}).map_err(|e| e.to_string())?;
        if let Some(why) = &capture.stopped {
            eprintln!("borderline: {}: {why}; its rows up to there are written", path.display());
        }
        (analyzer.observe_packets(&capture, Bounds::UNBOUNDED), CaptureView::of_packets(&capture))
    } else if pcapdroid_csv::sniff(&head) {
        let bytes = read_bounded(path)?;
        let capture = pcapdroid_csv::read_connections_csv(&bytes).map_err(|e| e.to_string())?;
        (analyzer.observe_packets(&capture, Bounds::UNBOUNDED), CaptureView::of_packets(&capture))
    } else {
        // A HAR is JSON: anything else (a video, a zip) is not read whole to find out.
        let first = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head).iter().find(|b| !b.is_ascii_whitespace());
        if first != Some(&b'{') {
            return Err("not a capture: neither a HAR file, a packet capture nor a PCAPdroid connections CSV".into());
        }
        let bytes = read_bounded(path)?;
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
            .map_err(|_| "neither a HAR file (not UTF-8 text) nor a packet capture".to_string())?;
        let har = read_har(text, |_, _| {}).map_err(|e| e.to_string())?;
        (analyzer.observe_capture(&har, Bounds::UNBOUNDED), CaptureView::of(&har))
    };
    if reports.sites.is_empty() {
        return Err("no usable requests or connections".into());
    }
    let mut rows = Vec::new();
    for site in reports.busiest() {
        let report = analyzer.report(site, policy);
        let kind = match site.subject.kind {
            SubjectKind::Site => "site",
            SubjectKind::App => "app",
            SubjectKind::Device => "device",
        };
        for cells in row_cells(&report, site, site.log.iter(), analyzer.locator(), policy) {
            let lead = [path.display().to_string(), view.sha256.clone(), site.site.clone(), kind.to_string(), site.subject.unit.many().to_string()];
            rows.push(Row { lead, cells });
        }
    }
    Ok(rows)
}

/// The output table's schema: the lead columns, then the CSV's, `time` a
/// UTC timestamp, counts and numbers 64-bit integers, the rest text; null where the CSV cell is empty.
fn schema() -> Arc<Schema> {
    let mut fields: Vec<Field> = LEAD.iter().map(|n| Field::new(*n, DataType::Utf8, *n != "capture" && *n != "capture_sha256")).collect();
    for name in CSV_HEADER {
        let t = if name == "time" {
            DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into()))
        } else if INTEGERS.contains(&name) {
            DataType::Int64
        } else {
            DataType::Utf8
        };
        fields.push(Field::new(name, t, true));
    }
    Arc::new(Schema::new(fields))
}

fn time_ms(s: &str) -> Option<i64> {
    if s.is_empty() {
        return None;
    }
    let t = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

/// Where rows go: a Parquet file or NDJSON.
enum Sink {
    Parquet { writer: Box<parquet::arrow::ArrowWriter<std::fs::File>>, schema: Arc<Schema>, pending: Vec<Row> },
    Ndjson(BufWriter<std::fs::File>),
}

impl Sink {
    fn create(out: &Path) -> Result<Sink, String> {
        let file = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
        match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("parquet") => {
                let schema = schema();
                let props = parquet::file::properties::WriterProperties::builder().set_compression(parquet::basic::Compression::SNAPPY).build();
                let writer = parquet::arrow::ArrowWriter::try_new(file, Arc::clone(&schema), Some(props)).map_err(|e| format!("{}: {e}", out.display()))?;
                Ok(Sink::Parquet { writer: Box::new(writer), schema, pending: Vec::new() })
            }
            Some("ndjson" | "jsonl") => Ok(Sink::Ndjson(BufWriter::new(file))),
            _ => Err(format!("{}: the output must end in .parquet or .ndjson", out.display())),
        }
    }

    fn write(&mut self, rows: Vec<Row>) -> Result<(), String> {
        match self {
            Sink::Parquet { pending, .. } => {
                pending.extend(rows);
                if pending.len() >= BATCH_ROWS {
                    self.flush()?;
                }
                Ok(())
            }
            Sink::Ndjson(w) => {
                // Keys in column order, as the Parquet schema has them.
                let mut line = String::new();
                for r in rows {
                    line.clear();
                    line.push('{');
                    let lead = LEAD.iter().zip(r.lead.into_iter().map(serde_json::Value::String));
                    let rest = CSV_HEADER.iter().zip(r.cells).map(|(name, value)| {
                        let v = if value.is_empty() {
                            serde_json::Value::Null
                        } else if INTEGERS.contains(name) {
                            value.parse::<i64>().map(Into::into).unwrap_or(serde_json::Value::String(value))
                        } else {
                            serde_json::Value::String(value)
                        };
                        (name, v)
                    });
                    for (i, (name, v)) in lead.chain(rest).enumerate() {
                        if i > 0 {
                            line.push(',');
                        }
                        line.push_str(&serde_json::to_string(name).map_err(|e| e.to_string())?);
                        line.push(':');
                        line.push_str(&serde_json::to_string(&v).map_err(|e| e.to_string())?);
                    }
                    line.push_str("}\n");
                    w.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
                }
                Ok(())
            }
        }
    }

    fn flush(&mut self) -> Result<(), String> {
        let Sink::Parquet { writer, schema, pending } = self else { return Ok(()) };
        if pending.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(pending);
        let mut columns: Vec<ArrayRef> = Vec::with_capacity(schema.fields().len());
        for i in 0..LEAD.len() {
            let mut b = StringBuilder::new();
            for r in &rows {
                b.append_value(&r.lead[i]);
            }
            columns.push(Arc::new(b.finish()));
        }
        for (i, name) in CSV_HEADER.iter().enumerate() {
            if *name == "time" {
                let mut b = TimestampMillisecondBuilder::new().with_timezone("UTC");
                for r in &rows {
                    b.append_option(time_ms(&r.cells[i]));
                }
                columns.push(Arc::new(b.finish()));
            } else if INTEGERS.contains(name) {
                let mut b = Int64Builder::new();
                for r in &rows {
                    b.append_option(r.cells[i].parse::<i64>().ok());
                }
                columns.push(Arc::new(b.finish()));
            } else {
                let mut b = StringBuilder::new();
                for r in &rows {
                    let v = &r.cells[i];
                    if v.is_empty() {
                        b.append_null();
                    } else {
                        b.append_value(v);
                    }
                }
                columns.push(Arc::new(b.finish()));
            }
        }
        let batch = RecordBatch::try_new(Arc::clone(schema), columns).map_err(|e| e.to_string())?;
        writer.write(&batch).map_err(|e| e.to_string())
    }

    fn finish(mut self) -> Result<(), String> {
        self.flush()?;
        match self {
            Sink::Parquet { writer, .. } => writer.close().map(|_| ()).map_err(|e| e.to_string()),
            Sink::Ndjson(mut w) => w.flush().map_err(|e| e.to_string()),
        }
    }
}

/// Runs the batch. Returns how many captures were skipped; an error only
/// when nothing could be done (no output, no input).
pub fn run(inputs: &[PathBuf], out: &Path, policy: &Policy, jobs: Option<usize>) -> Result<(usize, usize, u64), String> {
    let files = expand(inputs);
    if files.is_empty() {
        return Err("no captures: name files or directories".into());
    }
    let mut sink = Sink::create(out)?;
    let workers = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).clamp(1, files.len());
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} captures {elapsed}") {
            bar.set_style(style);
        }
        bar
    });
    let next = AtomicUsize::new(0);
    // Captures read ahead of the oldest one not yet written: bounds the rows held in memory.
    let written = AtomicUsize::new(0);
    let window = workers * 4;
    let (tx, rx) = mpsc::sync_channel::<(usize, Outcome)>(workers * 2);
    let mut skipped = 0usize;
    let mut rows_written = 0u64;
    let mut write_error = None;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, files, written) = (&next, &files, &written);
            scope.spawn(move || {
                // The filter engine keeps per-thread caches: one analyzer per worker.
                let analyzer = Analyzer::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    while i >= written.load(Ordering::Acquire) + window {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rows_of(&analyzer, path, policy)))
                        .unwrap_or_else(|_| Err("internal error while reading it".into()));
                    if tx.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Written in the order the captures were named, whatever order they finish in.
        let mut waiting: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut due = 0usize;
        for (i, outcome) in rx {
            waiting.insert(i, outcome);
            while let Some(outcome) = waiting.remove(&due) {
                match outcome {
                    Ok(rows) if write_error.is_none() => {
                        rows_written += rows.len() as u64;
                        if let Err(e) = sink.write(rows) {
                            write_error = Some(e);
                        }
                    }
                    Ok(_) => {}
                    Err(why) => {
                        skipped += 1;
                        let line = format!("borderline: skipped {}: {why}", files[due].display());
                        match &bar {
                            Some(b) => b.println(line),
                            None => eprintln!("{line}"),
                        }
                    }
                }
                due += 1;
                written.store(due, Ordering::Release);
                if let Some(b) = &bar {
                    b.inc(1);
                }
            }
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(format!("{}: {e}", out.display()));
    }
    sink.finish().map_err(|e| format!("{}: {e}", out.display()))?;
    Ok((files.len(), skipped, rows_written))
}
