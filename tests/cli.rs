//! The `borderline` binary end to end: the sample report's key facts, every
//! output format, explain, and one-line errors with exit code 2 on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary with no language asked for by the environment (English), whatever the machine's locale.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_borderline"));
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANGUAGE").env("LANG", "C.UTF-8");
    c
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiktok/foryou/capture.har")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn tmp(name: &str, content: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

#[test]
fn the_tiktok_sample_names_bytedance_telemetry_trackers_and_countries() {
    let out = run(&["report", sample().to_str().unwrap(), "--home", "US", "--policy", "us"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["schema_version"], 2);
    assert_eq!(r["site"], "tiktok.com");
    let eps = r["endpoints"].as_array().unwrap();
    let ep = |host: &str| eps.iter().find(|e| e["host"] == host).unwrap_or_else(|| panic!("{host} missing"));
    for host in ["mon.tiktokv.com", "mon-va.byteoversea.com", "sf16-website-login.neutral.ttwstatic.com"] {
        let e = &ep(host)["entity"];
        let (name, dom, hq) = match e["parent"].is_null() {
            true => (&e["name"], &e["domicile"], &e["headquarters"]),
            false => (&e["parent"]["name"], &e["parent"]["domicile"], &e["parent"]["headquarters"]),
        };
        assert_eq!((name.as_str(), dom.as_str(), hq.as_str()), (Some("ByteDance Ltd."), Some("KY"), Some("CN")), "{host}");
    }
    assert_eq!(ep("mon.tiktokv.com")["trackers"][0]["list"], "platform-telemetry");
    assert_eq!(ep("mon.tiktokv.com")["trackers"][0]["category"], "telemetry");
    let pixel = &ep("analytics.tiktok.com")["rules"][0];
    assert_ne!(pixel["list"], "platform-telemetry");
    assert!(pixel["rule"].as_str().is_some_and(|r| !r.is_empty()));
    let loc = &ep("mcs.tiktokw.us")["servers"][0]["location"];
    assert_eq!((loc["country"].as_str(), loc["basis"].as_str(), loc["asn"].as_u64()), (Some("US"), Some("registered"), Some(31898)));
    assert!(loc["network"].as_str().unwrap().contains("Oracle"));
    assert_eq!(ep("analytics.tiktok.com")["jurisdiction"]["server"], "of-concern");
    assert_eq!(ep("analytics.tiktok.com")["servers"][0]["location"]["country"], "CN");
    assert_eq!(r["totals"]["skipped"], 1, "the data: URL");
    assert!(r["data_sources"].as_array().unwrap().len() >= 7);
    assert!(String::from_utf8_lossy(&out.stderr).contains("grade"), "a summary on stderr");
}

#[test]
fn the_same_capture_under_the_eu_preset() {
    let out = run(&["report", sample().to_str().unwrap(), "--home", "DE", "--policy", "eu"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["policy"]["preset"], "eu");
    let eps = r["endpoints"].as_array().unwrap();
    let mcs = eps.iter().find(|e| e["host"] == "mcs.tiktokw.us").unwrap();
    assert_eq!(mcs["jurisdiction"]["server"], "foreign", "US has an adequacy decision");
    let mon = eps.iter().find(|e| e["host"] == "mon.tiktokv.com").unwrap();
    assert_eq!(mon["jurisdiction"]["server"], "of-concern", "SG has none");
}

#[test]
fn csv_and_html_formats_to_files() {
    let csv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample.csv");
    let html = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample.html");
    for (fmt, path) in [("csv", &csv), ("html", &html)] {
        let out = run(&["report", sample().to_str().unwrap(), "--format", fmt, "-o", path.to_str().unwrap(), "--home", "US"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "the report went to the file");
    }
    let csv = std::fs::read_to_string(csv).unwrap();
    assert_eq!(csv.lines().count(), 1 + 18, "a header and one row per request");
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("ByteDance Ltd.") && html.contains("<svg"));
    assert!(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("<link"), "self-contained");
}

#[test]
fn hostile_strings_are_escaped_in_every_format() {
    let url = "https://x.example/<script>alert(1)</script>?q=\"><img src=x onerror=alert(2)>";
    let har = serde_json::json!({"log": {"pages": [{"id": "p", "title": "https://site.example/"}], "entries": [
        {"pageref": "p", "request": {"method": "GET", "url": url}, "response": {"status": 200}},
        {"pageref": "p", "request": {"method": "=HYPERLINK(\"http://evil.example\")", "url": "https://y.example/"}},
    ]}});
    let path = tmp("hostile.har", har.to_string().as_bytes());
    let html = run(&["report", path.to_str().unwrap(), "--format", "html"]);
    assert!(html.status.success(), "{}", String::from_utf8_lossy(&html.stderr));
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("x.example") && html.contains("y.example"), "both endpoints rendered");
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"), "escaped");
    let csv = run(&["report", path.to_str().unwrap(), "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.contains("<script>alert(1)</script>"), "CSV keeps the text as text: {csv}");
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][3], url, "the URL survives a real CSV parser unchanged");
    assert!(rows[1][2].starts_with("'=HYPERLINK"), "formula neutralised: {:?}", &rows[1][2]);
    assert_eq!(&rows[0][0], "", "no time in the capture: no invented time");
}

#[test]
fn bad_input_is_one_line_and_exit_code_2() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let cases: Vec<(PathBuf, &str)> = vec![
        (tmp("not-json.har", b"hello world"), "not JSON"),
        (tmp("truncated.har", br#"{"log":{"entries":[{"request":{"url":"https://a.example/""#), "truncated"),
        (tmp("not-har.har", br#"{"hello":"world"}"#), "not a HAR file"),
        (tmp("wrong-types.har", br#"{"log":{"entries":"many"}}"#), "not a HAR file"),
        (tmp("empty.har", b""), "truncated"),
        (tmp("binary.har", &[0xff, 0xfe, 0x00, 0x12]), "not UTF-8"),
        (tmp("deep.har", format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)).as_bytes()), "not"),
        (tmp("no-usable.har", br#"{"log":{"entries":[{"request":{"url":"data:,x"}}]}}"#), "no usable requests"),
        (tmp("header-only.pcap", &[0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]), "cut short"),
        (tmp("bad-block.pcapng", b"\x0a\x0d\x0d\x0agarbage-garbage-garbage-garbage"), "not a packet capture"),
        (dir.join("does-not-exist.har"), "No such file"),
        (dir.to_path_buf(), "directory"),
    ];
    for (path, words) in cases {
        let out = run(&["report", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(words), "{}: `{err}` lacks `{words}`", path.display());
        assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
    }
    let bad_policy = run(&["report", sample().to_str().unwrap(), "--home", "USA"]);
    assert_eq!(bad_policy.status.code(), Some(2));
    let bad_site = run(&["report", sample().to_str().unwrap(), "--site", "nowhere.example"]);
    assert_eq!(bad_site.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_site.stderr).contains("tiktok.com"));
}

#[test]
fn broken_entries_are_counted_not_fatal() {
    let har = br#"{"log":{"entries":[{"request":{"url":"https://www.tiktok.com/"},"response":{"status":200,"content":{"mimeType":"text/html"}}},{"request":{"url":7}},{"nonsense":true}]}}"#;
    let path = tmp("partly-broken.har", har);
    let out = run(&["report", path.to_str().unwrap()]);
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["totals"]["requests"], 1);
    assert_eq!(r["totals"]["skipped"], 2);
}

#[test]
fn explain_walks_every_stage() {
    let out = run(&[
        "explain",
        "https://mon.tiktokv.com/monitor_browser/collect/batch/",
        "--site",
        "https://www.tiktok.com/",
        "--ip",
        "129.146.10.20",
        "--home",
        "US",
        "--policy",
        "us",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for words in [
        "same-entity",
        "platform-telemetry",
        "ByteDance Ltd.",
        "domiciled KY, headquartered CN",
        "AS31898",
        "registered",
        "server jurisdiction: home",
        "company jurisdiction under policy: of-concern",
    ] {
        assert!(text.contains(words), "`{words}` missing from:\n{text}");
    }
    let bad = run(&["explain", "not a url", "--site", "tiktok.com"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = run(&["schema"]);
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed, "regenerate with `cargo run --bin borderline -- schema > schema/report.schema.json`");
}

/// Anyone can rerun a report on the same capture and data and get the same
/// bytes; the report names the capture by its SHA-256 and the data by version.
#[test]
fn reports_are_reproducible_and_name_their_capture() {
    use sha2::Digest;
    let capture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/youtube/mixed-chrome/capture.har");
    for format in ["json", "html", "csv"] {
        let a = run(&["report", capture.to_str().unwrap(), "--format", format, "--home", "US", "--policy", "us"]);
        let b = run(&["report", capture.to_str().unwrap(), "--format", format, "--home", "US", "--policy", "us"]);
        assert!(a.status.success());
        assert_eq!(a.stdout, b.stdout, "{format}: the same bytes twice");
    }
    let out = run(&["report", capture.to_str().unwrap(), "--home", "US", "--policy", "us"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sha: String = sha2::Sha256::digest(std::fs::read(&capture).unwrap()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(r["capture"]["sha256"], sha.as_str());
    assert_eq!(r["capture"]["creator"], "WebInspector 537.36");
    assert!(r["generator"].as_str().unwrap().starts_with("borderline "));
    assert!(r["data_sources"].as_array().unwrap().iter().all(|d| !d["version"].as_str().unwrap_or("").is_empty()));
    let html = String::from_utf8(run(&["report", capture.to_str().unwrap(), "--format", "html", "--home", "US"]).stdout).unwrap();
    assert!(html.contains(&sha), "the HTML names the capture too");
}

fn phone() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phone/tiktok-app/capture.pcapng")
}

#[test]
fn a_phone_capture_is_reported_as_the_apps_connection_by_connection() {
    use borderline::observe::packets::read_packets;
    let out = run(&["report", phone().to_str().unwrap(), "--home", "US", "--policy", "us"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["site"], "com.zhiliaoapp.musically");
    assert_eq!(r["unit"], "connections");
    assert_eq!(r["subject"]["kind"], "app");
    assert_eq!(r["subject"]["label"], "TikTok");
    assert_eq!(r["subject"]["publisher"]["id"], "tiktok-pte");
    assert!(String::from_utf8_lossy(&out.stderr).contains("com.android.chrome (1 connection)"), "the other app is named");
    // Every connection of the app is in the report once, with how its name was learned.
    let capture = read_packets(std::fs::File::open(phone()).unwrap(), |_| {}).unwrap();
    let app: Vec<_> = capture.connections.iter().filter(|c| c.app == Some(10234)).collect();
    assert_eq!(r["totals"]["requests"], app.len() as u64);
    let eps = r["endpoints"].as_array().unwrap();
    for e in eps {
        let by_basis: u64 = e["name_basis"].as_array().unwrap().iter().map(|b| b["connections"].as_u64().unwrap()).sum();
        assert_eq!(by_basis, e["requests"].as_u64().unwrap(), "{}", e["host"]);
        assert!(e["sent"].as_array().unwrap().is_empty(), "a packet capture shows no fields");
    }
    let ep = |host: &str| eps.iter().find(|e| e["host"] == host).unwrap_or_else(|| panic!("{host} missing"));
    assert_eq!(ep("api16-normal-useast5.tiktokv.us")["party"], "same-entity", "the publisher's company");
    assert_eq!(ep("graph.facebook.com")["party"], "third-party");
    assert_eq!(ep("mon.tiktokv.com")["trackers"][0]["category"], "telemetry");
    assert_eq!(ep("v16m.tiktokcdn.com")["name_basis"][0]["basis"], "dns");
    assert_eq!(ep("198.51.100.200")["name_basis"][0]["basis"], "none", "unnamed: reported by address");
    assert_eq!(ep("10.215.173.2")["servers"][0]["location"]["basis"], "local", "the VPN's internal resolver is never located");
    assert!(ep("10.215.173.2")["servers"][0]["location"]["country"].is_null());
    assert!(r["networks"].as_array().unwrap().iter().any(|n| n["asn"] == 20940), "address-only and named connections are rolled up by network");
    let limits = r["capture"]["packets"]["limits"].as_array().unwrap();
    assert!(limits.iter().any(|l| l.as_str().unwrap().contains("encrypted DNS")));
    // The CSV: one row per connection, each with that connection's own name basis and server.
    let csv = run(&["report", phone().to_str().unwrap(), "--format", "csv"]);
    let mut rd = csv::Reader::from_reader(&csv.stdout[..]);
    let head = rd.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), app.len());
    for (row, c) in rows.iter().zip(&app) {
        assert_eq!(&row[col("ip")], c.server.to_string());
        assert_eq!(&row[col("name_basis")], c.basis.code());
        assert_eq!(&row[col("server_port")], c.server_port.to_string());
        assert_eq!(&row[col("host")], c.name.clone().unwrap_or_else(|| c.server.to_string()));
        assert_eq!(&row[col("url")], "", "no URL is invented");
        assert_eq!(row[col("bytes_sent")].parse::<u64>().unwrap(), c.bytes_sent);
    }
    // The HTML says connections, never requests, outside the sentence that says a capture has none.
    let html = run(&["report", phone().to_str().unwrap(), "--format", "html"]);
    let text = String::from_utf8(html.stdout).unwrap();
    let text = text.replace("shows connections, not requests", "");
    assert!(!text.to_lowercase().contains("request"), "the HTML of a packet capture speaks of requests");
    assert!(text.contains("What this report is about") && text.contains("TikTok Pte. Ltd."));
}

#[test]
fn a_phone_capture_cut_short_is_reported_up_to_the_cut() {
    let bytes = std::fs::read(phone()).unwrap();
    let cut = tmp("cut.pcapng", &bytes[..bytes.len() * 2 / 3]);
    let out = run(&["report", cut.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("reporting what was read before"), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["capture"]["packets"]["stopped"].is_string());
    assert!(r["totals"]["requests"].as_u64().unwrap() > 3);
}

#[test]
fn an_app_har_from_mitmproxy_is_the_devices_and_with_tweasel_metadata_the_apps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phone");
    // mitmproxy's har_dump of a phone: no pages, no document, no Referer. Not one "site" per host.
    let out = run(&["report", dir.join("mitmproxy-app/capture.har").to_str().unwrap(), "--home", "US", "--policy", "us"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("the capture also has"), "one subject, not a site per host");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((r["site"].as_str(), r["subject"]["kind"].as_str()), (Some("this device"), Some("device")));
    assert!(r.get("unit").is_none(), "a HAR counts requests");
    let eps = r["endpoints"].as_array().unwrap();
    let ep = |host: &str| eps.iter().find(|e| e["host"] == host).unwrap_or_else(|| panic!("{host} missing"));
    assert!(eps.iter().all(|e| e["party"] == "third-party"), "a device has no first party");
    let fb = ep("graph.facebook.com");
    assert_eq!(fb["entity"]["name"], "Meta Platforms, Inc.");
    assert!(fb["sent"].as_array().unwrap().iter().any(|f| f["name"] == "advertiser_id"), "the app events' advertising id is shown");
    assert_eq!(ep("api2.branch.io")["trackers"][0]["list"], "easyprivacy");
    assert_eq!(ep("mon.tiktokv.com")["trackers"][0]["category"], "telemetry");
    assert_ne!(r["grade"]["letter"], "A");
    // The same traffic with tweasel's metadata: the app is the subject, its publisher's hosts the same entity.
    let out = run(&["report", dir.join("tweasel-app/capture.har").to_str().unwrap(), "--home", "US", "--policy", "us"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((r["site"].as_str(), r["subject"]["label"].as_str()), (Some("com.zhiliaoapp.musically"), Some("TikTok")));
    let eps = r["endpoints"].as_array().unwrap();
    let party = |host: &str| eps.iter().find(|e| e["host"] == host).unwrap()["party"].as_str().unwrap().to_string();
    assert_eq!(party("mon.tiktokv.com"), "same-entity");
    assert_eq!(party("graph.facebook.com"), "third-party");
    assert_eq!(party("inapps.appsflyer.com"), "third-party");
}

#[test]
fn explain_a_connection_applies_only_whole_host_rules() {
    let out = run(&["explain", "mon.tiktokv.com", "--connection", "--app", "com.zhiliaoapp.musically", "--ip", "71.18.1.3", "--home", "US", "--policy", "us"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for words in [
        "connection to mon.tiktokv.com",
        "published by TikTok Pte. Ltd.",
        "only rules about whole hosts apply",
        "same-entity",
        "rule `||mon.tiktokv.com^`",
        "AS396986",
    ] {
        assert!(text.contains(words), "explain says `{words}`:\n{text}");
    }
    // The platform list's regular expressions about numbered hosts are whole-host rules too.
    let out = run(&["explain", "log16-normal-useast5.tiktokv.us", "--connection", "--app", "com.zhiliaoapp.musically"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("tracker: telemetry — rule `/^https?:"), "{text}");
    // A path rule never judges a connection: Facebook's App Events host is not a tracker by itself.
    let out = run(&["explain", "graph.facebook.com", "--connection"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("not a tracker request"));
    // Without --site a URL is refused; --app needs --connection.
    assert_eq!(run(&["explain", "https://a.example/x"]).status.code(), Some(2));
    assert_eq!(run(&["explain", "a.example", "--app", "x.y"]).status.code(), Some(2));
}

#[test]
fn the_html_report_is_written_in_the_language_asked_for_and_json_and_csv_in_none() {
    let sample = sample();
    let s = sample.to_str().unwrap();
    let html = |cmd: &mut Command| {
        let out = cmd.args(["report", s, "--format", "html"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    let (en, _) = html(&mut bin());
    assert!(en.contains(r#"<html lang="en" dir="ltr">"#) && en.contains("Top companies"));
    // --lang, and the environment (POSIX precedence: LC_ALL over LANG).
    let (de, note) = html(bin().args(["--lang", "de"]));
    assert!(
        de.contains(r#"<html lang="de" dir="ltr">"#) && de.contains("Häufigste Unternehmen") && de.contains("Wohin die Anfragen gingen"),
        "{}",
        &de[..400.min(de.len())]
    );
    assert!(!de.contains("Top companies"), "the first screen is in German");
    assert!(note.lines().all(|l| !l.contains("no catalogue")), "{note}");
    let (fr, _) = html(bin().env("LANG", "fr_FR.UTF-8"));
    assert!(fr.contains(r#"<html lang="fr""#));
    let (zh, _) = html(bin().env("LANG", "fr_FR.UTF-8").env("LC_ALL", "zh_CN.UTF-8"));
    assert!(zh.contains(r#"<html lang="zh-CN""#));
    // A language with no catalogue: English, a note on stderr, never an error.
    let (xx, note) = html(bin().args(["--lang", "xx-YY"]));
    assert_eq!(xx, en);
    assert!(note.contains("no catalogue for xx-YY; using English"), "{note}");
    // The contract formats are the same in every language.
    for format in ["json", "csv"] {
        let a = bin().args(["report", s, "--format", format]).output().unwrap().stdout;
        let b = bin().args(["--lang", "zh-CN", "report", s, "--format", format]).output().unwrap().stdout;
        assert_eq!(a, b, "{format}");
    }
}
