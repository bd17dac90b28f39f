//! `borderline`: the command-line shell over the core. Reads a HAR capture,
//! writes a report; explains one request stage by stage. Bad input is one line
//! on stderr and exit code 2.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use borderline::aggregate::{Bounds, SiteReport};
use borderline::judge::Policy;
use borderline::l10n::L10n;
use borderline::observe::packets::pcapdroid_csv::{self, read_connections_csv};
use borderline::observe::packets::{read_packets, Format as PacketFormat, PacketCapture};
use borderline::observe::{read_har, Request, ResourceType};
use borderline::render::{json_schema, to_html_in, to_json, CaptureView, Report};
use borderline::Analyzer;
use clap::{Parser, Subcommand, ValueEnum};

mod batch;

/// Captures larger than this are refused before reading (a HAR is text; this is far past any browser's export).
const MAX_CAPTURE_BYTES: u64 = 4 << 30;

#[derive(Parser)]
#[command(name = "borderline", version, about = "Who is watching, and where your data goes: a privacy report per site or app from a HAR or packet capture.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the HTML report (a BCP 47 tag such as `de`, `pt-BR`, `zh-CN`). Default: from
    /// $LC_ALL, $LC_MESSAGES, $LANGUAGE or $LANG; English when none is shipped. JSON and CSV are the same in every language.
    #[arg(long, global = true)]
    lang: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Csv,
    Html,
}

#[derive(clap::Args)]
struct PolicyArgs {
    /// Your home country (ISO 3166-1 alpha-2). Default: from $LANG, else US.
    #[arg(long)]
    home: Option<String>,
    /// `us` (US Data Security Program), `eu` (GDPR adequacy), or a list such as `CN,RU`. Default: eu inside the EEA, else us.
    #[arg(long)]
    policy: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Write the report for a capture: a HAR, or a packet capture (PCAP or
    /// PCAPNG, e.g. from PCAPdroid) (JSON to stdout by default).
    Report {
        capture: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which site (or, for a packet capture, which app id or "this device") to report when the capture holds several (default: the busiest).
        #[arg(long)]
        site: Option<String>,
        #[command(flatten)]
        policy: PolicyArgs,
    },
    /// Print each stage's decision for one request (or, with --connection, one connection of a packet capture).
    Explain {
        /// The request's URL; with --connection, the connection's host name (or server address).
        url: String,
        /// The page the request was made from (URL or domain).
        #[arg(long, required_unless_present = "connection")]
        site: Option<String>,
        /// Explain a connection of a packet capture: only rules about whole hosts apply.
        #[arg(long)]
        connection: bool,
        /// With --connection: the app that made it (its package id); default: this device.
        #[arg(long, requires = "connection")]
        app: Option<String>,
        /// The server's IP, to locate it.
        #[arg(long)]
        ip: Option<std::net::IpAddr>,
        /// Resource type (script, image, xmlhttprequest, ping, ...).
        #[arg(long, default_value = "other")]
        r#type: String,
        #[command(flatten)]
        policy: PolicyArgs,
    },
    /// Turn many captures (HAR, PCAP, PCAPNG, PCAPdroid connections CSV; files
    /// or directories) into one table with a row per request or connection:
    /// Apache Parquet (`.parquet`) or NDJSON (`.ndjson`). A capture that
    /// cannot be read is named on stderr and skipped; the exit code is then 1.
    Batch {
        #[arg(required = true)]
        captures: Vec<PathBuf>,
        /// The table to write: FILE.parquet or FILE.ndjson.
        #[arg(long)]
        out: PathBuf,
        /// Captures read at once (default: one per core).
        #[arg(long)]
        jobs: Option<usize>,
        #[command(flatten)]
        policy: PolicyArgs,
    },
    /// Print the JSON Schema of the report.
    Schema,
}

/// The language chosen at start (one per run).
static LANG: std::sync::OnceLock<&'static L10n> = std::sync::OnceLock::new();

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("borderline: internal error: {info}");
    }));
    let cli = Cli::parse();
    let _ = LANG.set(language(cli.lang.as_deref()));
    if let Command::Batch { captures, out, jobs, policy: p } = &cli.command {
        let result = policy(p).and_then(|policy| batch::run(captures, out, &policy, *jobs));
        return match result {
            Ok((total, 0, rows)) => {
                eprintln!("borderline: {rows} rows from {total} captures written to {}", out.display());
                ExitCode::SUCCESS
            }
            Ok((total, skipped, rows)) => {
                eprintln!("borderline: {rows} rows from {} of {total} captures written to {}; {skipped} skipped (named above)", total - skipped, out.display());
                ExitCode::from(1)
            }
            Err(msg) => {
                eprintln!("borderline: error: {msg}");
                ExitCode::from(2)
            }
        };
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("borderline: error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The reader's language: `--lang`, else the environment's (LC_ALL, LC_MESSAGES,
/// LANGUAGE's list, LANG, in POSIX precedence). A language with no catalogue
/// falls back to English with a note on stderr, never an error.
fn language(flag: Option<&str>) -> &'static L10n {
    let wanted: Vec<String> = match flag {
        Some(tag) => vec![tag.to_string()],
        None => ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .filter(|v| !v.is_empty())
            .flat_map(|v| v.split(':').map(str::to_string).collect::<Vec<_>>())
            .collect(),
    };
    let (l, note) = borderline::l10n::negotiate(&wanted);
    if let Some(note) = note {
        eprintln!("borderline: {note}");
    }
    l
}

fn home_from_env() -> String {
    let lang = std::env::var("LC_ALL").or_else(|_| std::env::var("LANG")).unwrap_or_default();
    let region = lang.split(['.', '@']).next().unwrap_or("").split(['_', '-']).nth(1).unwrap_or("");
    if region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()) {
        region.to_ascii_uppercase()
    } else {
        "US".into()
    }
}

fn policy(args: &PolicyArgs) -> Result<Policy, String> {
    let home = args.home.clone().unwrap_or_else(home_from_env);
    match &args.policy {
        Some(p) => Policy::parse(&home, p),
        None => Policy::for_home(&home),
    }
    .map_err(|e| e.to_string())
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Batch { .. } => unreachable!("handled in main"),
        Command::Schema => {
            print!("{}", json_schema());
            Ok(())
        }
        Command::Explain { url, site, connection, app, ip, r#type, policy: p } => {
            let policy = policy(&p)?;
            if connection {
                print!("{}", Analyzer::new().explain_connection(&url, app.as_deref(), ip, &policy));
                return Ok(());
            }
            let site = site.unwrap_or_default();
            let site_url = if site.contains("://") { site } else { format!("https://{site}/") };
            let mut req = Request::new(url, site_url, ResourceType::from_name(&r#type));
            req.ip = ip;
            let analyzer = Analyzer::new();
            let text = analyzer.explain(&req, &policy).map_err(|e| e.to_string())?;
            print!("{text}");
            Ok(())
        }
        Command::Report { capture, format, output, site, policy: p } => {
            let policy = policy(&p)?;
            if let Some(kind) = sniff_packets(&capture)? {
                return report_packets(&capture, kind, format, output.as_ref(), site.as_deref(), &policy);
            }
            let text = read_capture(&capture)?;
            let progress = progress_bar();
            let har = read_har(&text, |done, total| {
                if let Some(bar) = &progress {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
            })
            .map_err(|e| format!("{}: {e}", capture.display()))?;
            if let Some(bar) = progress {
                bar.finish_and_clear();
            }
            drop(text);
            let analyzer = Analyzer::new();
            let reports = analyzer.observe_capture(&har, Bounds::UNBOUNDED);
            let site_report = reports.pick(site.as_deref()).map_err(|e| format!("{}: {e}", capture.display()))?;
            let busiest = reports.busiest();
            if site.is_none() && busiest.len() > 1 {
                let others: Vec<String> = busiest[1..].iter().map(|r| format!("{} ({} requests)", r.site, r.requests)).collect();
                eprintln!("borderline: reporting {}; the capture also has {} (choose with --site)", site_report.site, others.join(", "));
            }
            if har.skipped > 0 {
                eprintln!("borderline: skipped {} unreadable entries, e.g. {}", har.skipped, har.skip_reasons.join("; "));
            }
            let mut report = analyzer.report(&site_report, &policy);
            report.capture = Some(CaptureView::of(&har));
            write_report(&analyzer, &report, &site_report, format, output.as_ref(), &policy)
        }
    }
}

/// Whether the file is a packet capture or PCAPdroid's connections CSV (by
/// its first bytes, never its name).
fn sniff_packets(path: &Path) -> Result<Option<PacketFormat>, String> {
    use std::io::Read;
    let mut head = [0u8; 32];
    let mut f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(format!("{}: is a directory, not a capture file", path.display()));
    }
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]).map_err(|e| format!("{}: {e}", path.display()))? {
            0 => break,
            k => n += k,
        }
    }
    if pcapdroid_csv::sniff(&head[..n]) {
        return Ok(Some(PacketFormat::PcapdroidCsv));
    }
    Ok(PacketFormat::sniff(&head[..n]))
}

/// `report` for a packet capture: read as a stream, one report per subject
/// (the app the capture names, or this device), the busiest unless `--site` names one.
fn report_packets(path: &Path, kind: PacketFormat, format: Format, output: Option<&PathBuf>, subject: Option<&str>, policy: &Policy) -> Result<(), String> {
    let capture = if kind == PacketFormat::PcapdroidCsv { read_connections(path)? } else { read_packet_file(path)? };
    report_connections(path, &capture, format, output, subject, policy)
}

fn read_connections(path: &Path) -> Result<PacketCapture, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > MAX_CAPTURE_BYTES {
        return Err(format!("{}: {} bytes is too large (limit {} bytes)", path.display(), meta.len(), MAX_CAPTURE_BYTES));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let capture = read_connections_csv(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(why) = &capture.stopped {
        eprintln!("borderline: {}: {why}", path.display());
    }
    Ok(capture)
}

fn read_packet_file(path: &Path) -> Result<PacketCapture, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = progress_bar();
    if let Some(bar) = &progress {
        bar.set_length(size);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes}") {
            bar.set_style(style);
        }
    }
    let capture = read_packets(std::io::BufReader::with_capacity(1 << 20, file), |done| {
        if let Some(bar) = &progress {
            bar.set_position(done);
        }
    })
    .map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(why) = &capture.stopped {
        eprintln!("borderline: {}: {why}; reporting what was read before", path.display());
    }
    Ok(capture)
}

/// Writes the report of a packet capture's (or connections CSV's) chosen subject.
fn report_connections(
    path: &Path,
    capture: &PacketCapture,
    format: Format,
    output: Option<&PathBuf>,
    subject: Option<&str>,
    policy: &Policy,
) -> Result<(), String> {
    let analyzer = Analyzer::new();
    let reports = analyzer.observe_packets(capture, Bounds::UNBOUNDED);
    let chosen = reports.pick(subject).map_err(|e| format!("{}: {}", path.display(), e.replace("site `", "subject `").replace("(sites:", "(subjects:")))?;
    let busiest = reports.busiest();
    if subject.is_none() && busiest.len() > 1 {
        let others: Vec<String> = busiest[1..].iter().map(|r| format!("{} ({})", r.site, r.subject.unit.count(r.requests))).collect();
        eprintln!("borderline: reporting {}; the capture also has {} (choose with --site)", chosen.site, others.join(", "));
    }
    let mut report = analyzer.report(&chosen, policy);
    report.capture = Some(CaptureView::of_packets(capture));
    write_report(&analyzer, &report, &chosen, format, output, policy)
}

/// Writes a report in `format`, then its one-line summary on stderr (in the report's unit).
fn write_report(analyzer: &Analyzer, report: &Report, site: &SiteReport, format: Format, output: Option<&PathBuf>, policy: &Policy) -> Result<(), String> {
    let lang = LANG.get().copied().unwrap_or_else(borderline::l10n::english);
    let out = match format {
        Format::Json => to_json(report),
        Format::Csv => analyzer.csv(report, site, policy),
        Format::Html => to_html_in(report, lang),
    };
    write_output(output, &out)?;
    let t = &report.totals;
    let u = report.unit;
    eprintln!(
        "borderline: {}: grade {} — {}, {} tracker {} to {} endpoints of {} named companies and {} unidentified tracker domains, {} {} to servers of concern",
        report.site,
        report.grade.letter,
        u.count(t.requests),
        t.tracker_requests,
        u.many(),
        t.tracker_endpoints,
        t.tracker_companies,
        t.unidentified_tracker_domains,
        t.server_of_concern_requests,
        u.many()
    );
    Ok(())
}

fn read_capture(path: &PathBuf) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("{}: is a directory, not a HAR file", path.display()));
    }
    if meta.len() > MAX_CAPTURE_BYTES {
        return Err(format!("{}: {} bytes is too large (limit {} bytes)", path.display(), meta.len(), MAX_CAPTURE_BYTES));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| format!("{}: not a HAR file: not UTF-8 text (byte {})", path.display(), e.utf8_error().valid_up_to()))
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} entries").ok()?);
    Some(bar)
}

fn write_output(path: Option<&PathBuf>, text: &str) -> Result<(), String> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).map_err(|e| format!("stdout: {e}"))
        }
    }
}
