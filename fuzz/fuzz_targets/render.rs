//! Every renderer on reports built from any requests: JSON parses, CSV parses
//! with a constant width and no formula cell, and the HTML outputs contain no
//! markup but our own (every `<` opens one of the tags the templates use).
#![no_main]

use std::net::IpAddr;

use borderline::judge::Policy;
use borderline::observe::{Request, ResourceType};
use borderline::render::{to_html, to_json, to_popup_html, warning_text};
use borderline::{Analyzer, Reports};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static ANALYZER: Analyzer = Analyzer::new();
}

/// Tags the templates write; anything else came from the input.
const TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "div",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "details",
    "summary",
    "code",
    "small",
    "strong",
    "em",
    "b",
    "abbr",
    "br",
    "svg",
    "g",
    "rect",
    "text",
    "title",
    "figure",
    "figcaption",
    "time",
    "button",
    "label",
    "mark",
];

fn check_markup(html: &str) {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
        assert!(TAGS.iter().any(|t| t.eq_ignore_ascii_case(&name)), "markup not from a template: <{}", &rest[..rest.len().min(40)]);
    }
    assert!(!html.to_ascii_lowercase().contains("<script"), "no script element");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut reqs = Vec::new();
    for line in text.lines().take(64) {
        let mut f = line.split('\t');
        let url = f.next().unwrap_or_default();
        let site = f.next().filter(|s| !s.is_empty()).unwrap_or("https://www.tiktok.com/");
        let mut r = Request::new(url, site, ResourceType::from_name(f.next().unwrap_or("xmlhttprequest")));
        r.ip = f.next().and_then(|s| s.parse::<IpAddr>().ok());
        if let Some(m) = f.next() {
            r.method = m.to_string();
        }
        r.body = f.next().map(str::to_string);
        r.time_ms = 1_700_000_000_000;
        reqs.push(r);
    }
    ANALYZER.with(|a| {
        let mut reports = Reports::new(100);
        for r in &reqs {
            a.observe(r, &mut reports);
        }
        let Ok(site) = reports.pick(None) else { return };
        let policy = Policy::for_home("DE").expect("DE is a country");
        let report = a.report(&site, &policy);
        let json = to_json(&report);
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON export parses");
        let csv = a.csv(&report, &site, &policy);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv.as_bytes());
        let width = reader.headers().expect("CSV header").len();
        for row in reader.records() {
            let row = row.expect("CSV row parses");
            assert_eq!(row.len(), width, "every row has the header's width");
            for cell in row.iter() {
                assert!(!matches!(cell.as_bytes().first(), Some(b'=' | b'+' | b'@' | b'\t' | b'\r')), "formula cell {cell:?}");
            }
        }
        check_markup(&to_html(&report));
        check_markup(&to_popup_html(&report));
        for e in &report.endpoints {
            let w = warning_text(&report, e);
            assert!(!w.contains('<'), "warnings are plain text");
        }
    });
});
