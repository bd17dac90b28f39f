//! How much of what Borderline sees it can name: the share of third-party
//! tracker domains and requests with a named company, and of those with a
//! headquarters country, before (the cited table alone) and after (with the
//! listed tier). Written as Markdown to stdout; `make coverage` writes
//! docs/coverage.md with it.
//!
//!     cargo run --release --example coverage -- [CORPUS.json] [CAPTURE.har ...]
//!
//! CORPUS.json is a request corpus in adblock-rust's shape
//! (`[{"url","sourceUrl","type"}]`); without one, the shared corpus beside
//! the repository is read if present.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use borderline::classify::entity::{self, Tier};
use borderline::classify::{domain::registrable_domain, Classification};
use borderline::observe::{read_har, Request, ResourceType};
use borderline::Analyzer;

/// Who names a domain: nobody, the cited table, or the listed tier.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Named {
    No,
    Cited,
    Listed,
}

fn named(domain: &str) -> (Named, Option<usize>) {
    match entity::owner_of_domain(domain) {
        None => (Named::No, None),
        Some(o) if o.listed_by.is_none() => (Named::Cited, Some(o.entity)),
        Some(o) => (Named::Listed, Some(o.entity)),
    }
}

/// A company's countries: (headquarters known, both countries cited).
fn countries(e: usize) -> (bool, bool) {
    let r = entity::entity(e);
    (r.headquarters.is_some(), r.tier == Tier::Cited)
}

#[derive(Default)]
struct Tally {
    domains: BTreeMap<String, (u64, Named, Option<usize>)>,
}

impl Tally {
    fn add(&mut self, domain: &str, requests: u64) {
        let e = self.domains.entry(domain.to_string()).or_insert_with(|| {
            let (n, e) = named(domain);
            (0, n, e)
        });
        e.0 += requests;
    }

    /// (domains, requests) named with `at_least`, and the totals.
    fn share(&self, pass: impl Fn(&(u64, Named, Option<usize>)) -> bool) -> (usize, u64) {
        let v: Vec<_> = self.domains.values().filter(|v| pass(v)).collect();
        (v.len(), v.iter().map(|v| v.0).sum())
    }

    fn rows(&self, what: &str, out: &mut String) {
        let all = self.share(|_| true);
        let pct = |n: f64, d: f64| if d == 0.0 { "–".to_string() } else { format!("{:.0}%", 100.0 * n / d) };
        let before = self.share(|v| v.1 == Named::Cited);
        let after = self.share(|v| v.1 != Named::No);
        let hq = self.share(|v| v.2.is_some_and(|e| countries(e).0));
        let cited_countries = self.share(|v| v.2.is_some_and(|e| countries(e).1));
        let _ = writeln!(
            out,
            "| {what} | {} domains, {} requests | {} · {} | {} · {} | {} · {} | {} · {} |",
            all.0,
            all.1,
            pct(before.0 as f64, all.0 as f64),
            pct(before.1 as f64, all.1 as f64),
            pct(after.0 as f64, all.0 as f64),
            pct(after.1 as f64, all.1 as f64),
            pct(hq.0 as f64, after.0 as f64),
            pct(hq.1 as f64, after.1 as f64),
            pct(cited_countries.0 as f64, after.0 as f64),
            pct(cited_countries.1 as f64, after.1 as f64),
        );
    }
}

/// The registrable domains of EasyPrivacy's third-party sections
/// (`trackingservers*` and `thirdparty*`, without Admiral's section).
fn easyprivacy_third_party(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut take = false;
    for line in text.lines() {
        if let Some(section) = line.strip_prefix("! *** easylist:easyprivacy/") {
            take = (section.starts_with("easyprivacy_trackingservers") || section.starts_with("easyprivacy_thirdparty")) && !section.contains("admiral");
            continue;
        }
        if !take || !line.starts_with("||") {
            continue;
        }
        let host: String = line[2..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-').collect();
        if host.contains('.') && line[2 + host.len()..].starts_with('^') {
            out.insert(registrable_domain(&host.to_ascii_lowercase()).to_string());
        }
    }
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a.ends_with(".json")) {
        let shared = root.join("../shared/fixtures/real/adblock-rust/matching-test-requests.json");
        if shared.is_file() {
            args.push(shared.to_string_lossy().into_owned());
        }
    }
    if !args.iter().any(|a| a.ends_with(".har")) {
        let mut hars: Vec<String> = std::fs::read_dir(root.join("tests/fixtures"))
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
            .map(|d| d.path().join("capture.har"))
            .filter(|p| p.is_file())
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        hars.push(root.join("www/sample/tiktok.har").to_string_lossy().into_owned());
        hars.retain(|p| Path::new(p).is_file());
        hars.sort();
        args.extend(hars);
    }
    let analyzer = Analyzer::new();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| input | third-party tracker … | named before (domains · requests) | named after | with a headquarters country | with both countries cited |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    let mut ranking: BTreeMap<usize, u64> = BTreeMap::new();
    let mut unnamed: BTreeMap<String, u64> = BTreeMap::new();
    // Named tracker domains whose company has no headquarters country, by
    // company: for whoever extends the cited table (BORDERLINE_NO_HQ=path).
    let mut no_hq: BTreeMap<usize, BTreeMap<String, u64>> = BTreeMap::new();
    let classify = |r: &Request| -> Option<Classification> { analyzer.classify(r).ok() };
    for path in &args {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let name = Path::new(path)
            .strip_prefix(root)
            .map_or_else(|_| Path::new(path).file_name().unwrap().to_string_lossy().into_owned(), |p| p.to_string_lossy().into_owned());
        // Whether each request's own page is known (a corpus entry whose
        // `sourceUrl` has no host has none: it is counted as from
        // www.example.org in the first measure and left out of the second).
        let mut page_known: Vec<bool> = Vec::new();
        let requests: Vec<Request> = if path.ends_with(".har") {
            read_har(&text, |_, _| {}).unwrap_or_else(|e| panic!("{path}: {e}")).requests
        } else {
            let entries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            entries
                .iter()
                .map(|e| {
                    let source = e["sourceUrl"].as_str().unwrap_or("");
                    let known = borderline::classify::host_of(source).is_some();
                    page_known.push(known);
                    let site = if known { source.to_string() } else { "https://www.example.org/".into() };
                    Request::new(e["url"].as_str().unwrap_or(""), site, ResourceType::from_name(e["type"].as_str().unwrap_or("other")))
                })
                .collect()
        };
        let mut trackers = Tally::default();
        let mut trackers_known_page = Tally::default();
        let mut hosts = Tally::default();
        for (i, r) in requests.iter().enumerate() {
            let Some(c) = classify(r) else { continue };
            if c.domain == c.site {
                continue;
            }
            hosts.add(&c.host, 1);
            if c.tracker.is_some() {
                trackers.add(&c.domain, 1);
                if page_known.get(i).copied().unwrap_or(true) {
                    trackers_known_page.add(&c.domain, 1);
                }
                match named(&c.domain).1 {
                    Some(e) => {
                        *ranking.entry(entity::root(e)).or_default() += 1;
                        if !countries(e).0 {
                            *no_hq.entry(e).or_default().entry(c.domain.clone()).or_default() += 1;
                        }
                    }
                    None => *unnamed.entry(c.domain.clone()).or_default() += 1,
                }
            }
        }
        // Hosts are looked up by their domain.
        let mut by_domain = Tally::default();
        for (h, v) in &hosts.domains {
            let d = registrable_domain(h);
            let (n, e) = named(d);
            by_domain.domains.insert(h.clone(), (v.0, n, e));
        }
        trackers.rows(&format!("`{name}`: tracker domains"), &mut out);
        if !page_known.is_empty() {
            let known = page_known.iter().filter(|k| **k).count();
            trackers_known_page.rows(&format!("`{name}`: tracker domains, only the {known} requests whose page is known"), &mut out);
        }
        if path.ends_with(".har") {
            by_domain.rows(&format!("`{name}`: third-party hosts (all requests)"), &mut out);
        }
    }
    let ep = easyprivacy_third_party(&std::fs::read_to_string(root.join("data/lists/easyprivacy.txt")).expect("data/lists/easyprivacy.txt"));
    let mut ep_tally = Tally::default();
    for d in &ep {
        ep_tally.add(d, 0);
    }
    // Requests are not known for list entries: the request columns stay empty.
    ep_tally.rows("EasyPrivacy third-party sections: domains", &mut out);
    println!("{out}");
    println!("Companies (by ultimate parent) receiving the most third-party tracker requests above; \"cited\" when the hand-written table has them:\n");
    let mut top: Vec<(usize, u64)> = ranking.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top150 = top.iter().take(150);
    let (cited, with_hq) = top150.clone().fold((0, 0), |(c, h), (e, _)| {
        let r = entity::entity(*e);
        (c + usize::from(r.tier == Tier::Cited), h + usize::from(r.headquarters.is_some()))
    });
    println!(
        "Of the {} companies receiving the most of these requests (up to 150), {cited} are in the cited table (both countries and the parent chain cited) and {with_hq} have a headquarters country.\n",
        top150.count()
    );
    if let Some(path) = std::env::var_os("BORDERLINE_NO_HQ") {
        let mut rows: Vec<(usize, usize, u64)> = no_hq.iter().map(|(e, d)| (*e, d.len(), d.values().sum())).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        let listed: String = rows
            .iter()
            .map(|(e, n, r)| format!("{}\t{n}\t{r}\t{}\n", entity::entity(*e).name, no_hq[e].keys().take(6).cloned().collect::<Vec<_>>().join(",")))
            .collect();
        std::fs::write(path, listed).expect("write the list of named companies without a headquarters country");
    }
    // The top companies not yet cited, for whoever extends the cited table:
    // BORDERLINE_TOP_LISTED=path.
    if let Some(path) = std::env::var_os("BORDERLINE_TOP_LISTED") {
        let listed: String = top
            .iter()
            .take(150)
            .map(|(e, n)| (entity::entity(*e), n))
            .filter(|(r, _)| r.tier != Tier::Cited)
            .map(|(r, n)| format!("{}\t{}\t{n}\n", r.name, r.headquarters.unwrap_or("-")))
            .collect();
        std::fs::write(path, listed).expect("write the list of uncited top companies");
    }
    println!("| company | tier | headquarters | tracker requests |\n|---|---|---|---|");
    for (e, n) in top.iter().take(40) {
        let r = entity::entity(*e);
        println!("| {} | {} | {} | {n} |", r.name, if r.tier == Tier::Cited { "cited" } else { "listed" }, r.headquarters.unwrap_or("not known"));
    }
    println!("\nThe tracker domains no company data names, most requests first:\n");
    let mut un: Vec<(String, u64)> = unnamed.into_iter().collect();
    un.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("{}", un.iter().take(40).map(|(d, n)| format!("`{d}` ({n})")).collect::<Vec<_>>().join(", "));
    // All of them, for whoever extends the tables: BORDERLINE_UNNAMED=path.
    if let Some(path) = std::env::var_os("BORDERLINE_UNNAMED") {
        let all: String = un.iter().map(|(d, n)| format!("{d}\t{n}\n")).collect();
        std::fs::write(path, all).expect("write the unnamed list");
    }
}
