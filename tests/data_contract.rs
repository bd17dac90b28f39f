//! Data contract: every vendored source has its licence and provenance, the
//! checksums match, every table parses with the core's own parsers, and the
//! compiled IP tables agree with a plain linear scan over the source CSVs.

use std::collections::HashMap;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

use borderline::classify::entity;
use borderline::data::DATA_SOURCES;
use borderline::locate::{Basis, Locator};
use sha2::{Digest, Sha256};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[derive(serde::Deserialize)]
struct Source {
    id: String,
    files: Vec<String>,
    sha256: Vec<String>,
    version: String,
    date: String,
    licence: String,
    licence_files: Vec<String>,
    attribution: String,
}

#[derive(serde::Deserialize)]
struct Sources {
    source: Vec<Source>,
}

fn sources() -> Vec<Source> {
    toml::from_str::<Sources>(&std::fs::read_to_string(data().join("sources.toml")).unwrap()).unwrap().source
}

#[test]
fn every_source_has_licence_provenance_and_matching_checksums() {
    let sources = sources();
    assert!(sources.len() >= 8);
    for s in &sources {
        assert!(!s.version.is_empty() && !s.date.is_empty() && !s.licence.is_empty() && !s.attribution.is_empty(), "{}: incomplete record", s.id);
        assert!(s.date.len() == 10 && s.date.as_bytes()[4] == b'-', "{}: date `{}` is not YYYY-MM-DD", s.id, s.date);
        for l in &s.licence_files {
            assert!(data().join(l).is_file(), "{}: licence file {l} missing", s.id);
        }
        assert!(!s.licence_files.is_empty(), "{}: no licence file", s.id);
        for (i, f) in s.files.iter().enumerate() {
            let bytes = std::fs::read(data().join(f)).unwrap_or_else(|e| panic!("{}: {f}: {e}", s.id));
            if let Some(want) = s.sha256.get(i) {
                let got: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
                assert_eq!(&got, want, "{}: {f} changed without data/refresh.sh", s.id);
            }
        }
    }
    // The report's data_sources are the same records.
    let ids: Vec<&str> = DATA_SOURCES.iter().map(|d| d.id).collect();
    assert_eq!(ids, sources.iter().map(|s| s.id.as_str()).collect::<Vec<_>>());
}

#[test]
fn every_data_file_belongs_to_a_source() {
    let sources = sources();
    let covered: Vec<&str> = sources.iter().flat_map(|s| s.files.iter().chain(&s.licence_files)).map(String::as_str).collect();
    let mut stack = vec![data()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(data()).unwrap().to_string_lossy().replace('\\', "/");
            if ["sources.toml", "refresh.sh", "README.md"].contains(&rel.as_str()) {
                continue;
            }
            assert!(covered.contains(&rel.as_str()), "data/{rel} is not in data/sources.toml");
        }
    }
}

#[test]
fn public_suffix_list_parses_with_the_core_parser() {
    let text = std::fs::read_to_string(data().join("psl/public_suffix_list.dat")).unwrap();
    assert!(text.contains("===BEGIN ICANN DOMAINS===") && text.contains("===BEGIN PRIVATE DOMAINS==="));
    let list: publicsuffix::List = text.parse().expect("PSL parses");
    assert!(!list.is_empty());
}

#[test]
fn filter_lists_parse_and_our_own_list_has_no_dead_rules() {
    use adblock::lists::{parse_filter, ParseOptions};
    for (name, min_rules) in [("easyprivacy.txt", 20_000), ("easylist.txt", 20_000), ("platform-telemetry.txt", 100)] {
        let text = std::fs::read_to_string(data().join("lists").join(name)).unwrap();
        let rules: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('!') && !l.starts_with('[')).collect();
        assert!(rules.len() >= min_rules, "{name}: only {} rules", rules.len());
        if name == "platform-telemetry.txt" {
            for r in rules {
                assert!(parse_filter(r, true, ParseOptions::default()).is_ok(), "{name}: `{r}` does not parse");
                assert!(!r.contains("##"), "{name}: cosmetic rule `{r}`");
            }
            assert!(text.contains("! source:"), "rules are cited");
        }
    }
}

#[test]
fn entity_map_covers_the_platforms_and_is_cited() {
    let all: Vec<&entity::EntityRecord> = entity::entities().collect();
    assert!(all.len() >= 50, "{} entities", all.len());
    let bd = entity::by_id("bytedance").map(entity::entity).expect("bytedance");
    assert_eq!((bd.domicile, bd.headquarters), (Some("KY"), Some("CN")));
    for d in [
        "tiktok.com",
        "tiktokv.com",
        "byteoversea.com",
        "ttwstatic.com",
        "douyin.com",
        "kuaishou.com",
        "kwai.com",
        "bilibili.com",
        "likee.video",
        "youtube.com",
        "instagram.com",
        "facebook.com",
        "snapchat.com",
        "twitch.tv",
        "qq.com",
        "doubleclick.net",
        "hotjar.com",
        "akamaihd.net",
        "cloudflare.com",
        "oracle.com",
    ] {
        assert!(entity::entity_of_domain(d).is_some(), "{d} not in the entity map");
    }
    for e in all.iter().filter(|e| e.tier == entity::Tier::Cited) {
        for s in [e.domicile_source, e.headquarters_source] {
            assert!(s.starts_with("https://") || s.starts_with("http://"), "{}: source `{s}`", e.id);
        }
        // A cited company whose domains all come from the listed tier cites none.
        let s = e.domains_source;
        assert!(s.is_empty() || s.starts_with("https://") || s.starts_with("http://"), "{}: source `{s}`", e.id);
        assert!(e.domicile.is_some() && e.headquarters.is_some(), "{}: a cited entity has both countries", e.id);
    }
    assert_eq!(entity::entity_of_asn(31898).map(|i| entity::entity(i).id), Some("oracle"));
}

/// The listed tier: every company and domain has a source in sources.toml,
/// no country without the source that states it, never a domicile.
#[test]
fn the_listed_tier_names_a_source_for_every_fact() {
    let ids: Vec<&str> = DATA_SOURCES.iter().map(|d| d.id).collect();
    let listed: Vec<&entity::EntityRecord> = entity::entities().filter(|e| e.tier == entity::Tier::Listed).collect();
    assert!(listed.len() > 1_000, "{} listed companies", listed.len());
    for e in &listed {
        assert!(e.id.starts_with("listed:"), "{}", e.id);
        assert_eq!(e.domicile, None, "{}: a listed company's domicile is never taken from its sources", e.id);
        assert_eq!(e.headquarters.is_some(), !e.headquarters_source.is_empty(), "{}: a country needs the source that states it", e.id);
        assert!(e.headquarters_source.is_empty() || ids.contains(&e.headquarters_source), "{}: unknown source {}", e.id, e.headquarters_source);
    }
    let text = std::fs::read_to_string(data().join("entities-listed.toml")).unwrap();
    let file: toml::Value = toml::from_str(&text).unwrap();
    let companies = file["company"].as_array().unwrap();
    let mut domains = 0;
    for c in companies {
        for (d, src) in c.get("domains").and_then(|d| d.as_table()).into_iter().flatten() {
            domains += 1;
            assert!(ids.contains(&src.as_str().unwrap()), "{d}: source {src} not in sources.toml");
            let owner = entity::owner_of_domain(d).unwrap_or_else(|| panic!("{d} listed but not found"));
            assert_eq!(owner.listed_by, src.as_str(), "{d}");
        }
    }
    assert!(domains > 5_000, "{domains} listed domains");
}

/// The cited table always wins: every cited domain is owned by its cited
/// entity, and no listed claim (which the generator read from the same
/// sources) overrides it, for the domain or any name under it.
#[test]
fn the_cited_table_always_wins() {
    let cited: toml::Value = toml::from_str(&std::fs::read_to_string(data().join("entities.toml")).unwrap()).unwrap();
    let mut checked = 0;
    for e in cited["entity"].as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        for d in e.get("domains").and_then(|d| d.as_table()).into_iter().flatten().map(|(d, _)| d) {
            let o = entity::owner_of_domain(d).unwrap();
            assert_eq!((entity::entity(o.entity).id, o.listed_by), (id, None), "{d}");
            checked += 1;
        }
    }
    assert!(checked > 300);
    // Whatever the sources say about a cited domain, the generated table does not carry it.
    let listed = std::fs::read_to_string(data().join("entities-listed.toml")).unwrap();
    for d in ["tiktok.com", "doubleclick.net", "facebook.com", "bilibili.com"] {
        assert!(!listed.contains(&format!("\"{d}\" =")), "{d} is cited, yet listed");
    }
}

/// Networks a company runs for itself name it; cloud, CDN and hosting networks never do.
#[test]
fn only_own_networks_infer_an_owner() {
    let id = |asn| entity::own_network(asn).map(|i| entity::entity(i).id);
    assert_eq!(id(32934), Some("meta"));
    assert_eq!(id(13414), Some("x-corp"));
    assert_eq!(id(36040), Some("google"), "YouTube's own network");
    // Cloud, CDN and hosting: the operator is named as the network's, never as the service's.
    for asn in [16509, 14618, 8075, 31898, 15169, 396982, 13335, 54113, 20940, 16625, 45102, 37963, 45090, 132203] {
        assert!(entity::is_hosting_asn(asn), "AS{asn}");
        assert_eq!(id(asn), None, "AS{asn} is a cloud, CDN or hosting network");
        assert!(entity::entity_of_asn(asn).is_some(), "AS{asn} still has a named operator");
    }
    assert_eq!(id(64512), None, "a private ASN names nobody");
}

/// Reads one CSV out of an npm tarball.
fn tarball_csv(tgz: &str, name: &str) -> String {
    let bytes = std::fs::read(data().join("geo").join(tgz)).unwrap();
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(&bytes[..]));
    for e in archive.entries().unwrap() {
        let mut e = e.unwrap();
        if e.path().unwrap().to_string_lossy() == format!("package/{name}") {
            let mut s = String::new();
            e.read_to_string(&mut s).unwrap();
            return s;
        }
    }
    panic!("{tgz} lacks {name}");
}

fn geo_version() -> String {
    sources().into_iter().find(|s| s.id == "geo-country").unwrap().version
}

/// (start, end, value) rows of a source CSV; `value` is column 2.
fn rows(csv: &str) -> Vec<(u128, u128, String)> {
    csv.lines()
        .filter_map(|l| {
            let mut it = l.splitn(4, ',');
            Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.to_string()))
        })
        .collect()
}

/// The reference: among all rows containing `addr`, the smallest wins, the later one on ties.
fn linear(rows: &[(u128, u128, String)], addr: u128) -> Option<&str> {
    let mut best: Option<&(u128, u128, String)> = None;
    for r in rows {
        if r.0 <= addr && addr <= r.1 && best.is_none_or(|b| r.1 - r.0 <= b.1 - b.0) {
            best = Some(r);
        }
    }
    best.map(|b| b.2.as_str())
}

/// A fixed-seed xorshift, so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Sample addresses: uniform ones plus range edges (start, end, end + 1), where mistakes live.
fn samples(rows: &[(u128, u128, String)], v6: bool, n: usize, rng: &mut Rng) -> Vec<u128> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let r = &rows[(rng.next() % rows.len() as u64) as usize];
        out.push(match i % 4 {
            0 => r.0,
            1 => r.1,
            2 => r.1.wrapping_add(1),
            _ if v6 => u128::from(rng.next()) << 64 | u128::from(rng.next()),
            _ => u128::from(rng.next() as u32),
        });
    }
    out
}

fn ip(addr: u128, v6: bool) -> IpAddr {
    if v6 {
        IpAddr::V6(Ipv6Addr::from(addr))
    } else {
        IpAddr::V4(Ipv4Addr::from(addr as u32))
    }
}

#[test]
fn compiled_tables_agree_with_a_linear_scan_of_the_sources() {
    let version = geo_version();
    let locator = Locator::embedded();
    locator.validate().expect("embedded tables are sorted and disjoint");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    for (tgz, file, v6, asn) in [
        (format!("ip-location-db-geo-whois-asn-country-{version}.tgz"), "geo-whois-asn-country-ipv4-num.csv", false, false),
        (format!("ip-location-db-geo-whois-asn-country-{version}.tgz"), "geo-whois-asn-country-ipv6-num.csv", true, false),
        (format!("ip-location-db-asn-{version}.tgz"), "asn-ipv4-num.csv", false, true),
        (format!("ip-location-db-asn-{version}.tgz"), "asn-ipv6-num.csv", true, true),
    ] {
        let rows = rows(&tarball_csv(&tgz, file));
        assert!(rows.len() > 50_000, "{file}: {} rows", rows.len());
        for addr in samples(&rows, v6, 400, &mut rng) {
            let loc = locator.locate(ip(addr, v6));
            if loc.basis == Basis::Local {
                continue; // never given a country or network, whatever the source says
            }
            let want = linear(&rows, addr);
            let got = if asn { loc.asn.map(|a| a.to_string()) } else { loc.country.clone() };
            let want = want.filter(|w| *w != "0").map(str::to_string);
            assert_eq!(got, want, "{file}: {} ", ip(addr, v6));
            checked += 1;
        }
    }
    assert!(checked > 1000, "checked {checked}");
}

#[test]
fn organisation_names_come_from_the_source() {
    let version = geo_version();
    let csv = tarball_csv(&format!("ip-location-db-asn-{version}.tgz"), "asn-ipv4-num.csv");
    // The build keeps the first name an ASN has in the IPv4 file.
    let mut first: HashMap<u32, String> = HashMap::new();
    let mut starts = Vec::new();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    for rec in reader.records() {
        let rec = rec.unwrap();
        let asn: u32 = rec[2].parse().unwrap();
        first.entry(asn).or_insert_with(|| rec[3].trim().to_string());
        if starts.len() < 5_000 {
            starts.push((rec[0].parse::<u32>().unwrap(), asn));
        }
    }
    let locator = Locator::embedded();
    let mut compared = 0;
    for (start, asn) in starts {
        let loc = locator.locate(IpAddr::V4(Ipv4Addr::from(start)));
        if loc.asn == Some(asn) && !first[&asn].is_empty() {
            assert_eq!(loc.network.as_deref(), Some(first[&asn].as_str()), "AS{asn}");
            compared += 1;
        }
    }
    assert!(compared > 1_000, "compared {compared}");
    let loc = locator.locate("129.146.10.20".parse().unwrap());
    assert_eq!(loc.asn, Some(31898));
    assert!(loc.network.unwrap().contains("Oracle"));
    assert!(locator.sizes().iter().all(|&n| n > 10_000), "{:?}", locator.sizes());
}
