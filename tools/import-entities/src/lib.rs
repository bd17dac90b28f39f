//! Builds Borderline's second tier of company data, `data/entities-listed.toml`,
//! from the permissive sources pinned in `data/upstream/` (their provenance is
//! in `data/sources.toml`) and the hand-written `data/entity-links.toml`.
//!
//! The rule, in order:
//!
//! 1. Every source is read as (company, domains) claims; each domain is
//!    reduced to its registrable domain on the PSL the core uses (data/psl),
//!    read with the `publicsuffix` crate (the core's own PSL code is tested
//!    against it).
//! 2. A domain in the cited table (`data/entities.toml`) is left to it: the
//!    cited table always wins.
//! 3. Otherwise the first source in [`SOURCES`] order that claims the domain
//!    names its company. A claim `entity-links.toml` drops is skipped.
//! 4. Companies from different sources are the same company when their
//!    normalised names are equal ([`normalise`]). A company that
//!    `entity-links.toml` says is one of the cited table's gives its domains
//!    to that entity.
//! 5. A headquarters country is taken only from a source that states one for
//!    that company (WhoTracks.Me 2022, then webXray 2018); never from a ccTLD
//!    or a server. Domicile is never taken from these sources.
//!
//! The output is deterministic: the same inputs give the same bytes (a test
//! regenerates it).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;
use std::sync::OnceLock;

/// The sources, in the order their claims are taken. Ids match data/sources.toml.
pub const SOURCES: [&str; 6] = ["whotracksme-2022", "disconnect-2020", "webxray-2018", "adguard-companiesdb", "third-party-web", "v2fly"];

/// One company as a source states it.
#[derive(Debug, Clone, Default)]
pub struct Claim {
    pub source: &'static str,
    pub name: String,
    /// ISO 3166-1 alpha-2, upper case, when the source states one.
    pub country: Option<String>,
    /// The parent's name, when the source states one.
    pub parent: Option<String>,
    pub domains: Vec<String>,
}

/// A company of the listed tier.
#[derive(Debug, Clone, Default)]
pub struct Company {
    pub key: String,
    pub name: String,
    pub headquarters: Option<(String, &'static str)>,
    pub parent: Option<String>,
    /// A cited entity this company is (from entity-links.toml).
    pub cited: Option<String>,
    pub sources: BTreeSet<&'static str>,
    /// Domain → the source whose claim was taken.
    pub domains: BTreeMap<String, &'static str>,
}

#[derive(Deserialize)]
struct Links {
    #[serde(default)]
    same: BTreeMap<String, String>,
    #[serde(default)]
    v2fly: BTreeMap<String, String>,
    #[serde(default)]
    drop: Vec<Drop>,
    /// Listed companies whose parent in the sources is stale: key → why.
    #[serde(default)]
    stale_parent: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Drop {
    /// A domain, or every domain of a company (its normalised name).
    #[serde(default)]
    domain: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    source: Option<String>,
    #[allow(dead_code)]
    why: String,
}

#[derive(Deserialize)]
struct Cited {
    entity: Vec<CitedEntity>,
}

#[derive(Deserialize)]
struct CitedEntity {
    id: String,
    name: String,
    #[serde(default)]
    domains: BTreeMap<String, String>,
}

/// Corporate-form words left out when names are compared.
const FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "gmbh",
    "corp",
    "corporation",
    "co",
    "company",
    "sa",
    "sas",
    "sarl",
    "ag",
    "bv",
    "nv",
    "plc",
    "srl",
    "spa",
    "pte",
    "pty",
    "ab",
    "as",
    "oy",
    "kk",
    "group",
    "holdings",
    "holding",
    "technologies",
    "technology",
    "the",
];

/// A company name reduced for comparison: lower case, `&` as "and", letters
/// and digits only, corporate forms dropped ("Criteo S.A." = "criteo").
pub fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace('&', " and ").replace(['.', '\''], "");
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let kept: Vec<&str> = words.iter().copied().filter(|w| !FORMS.contains(w)).collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

fn read(data: &Path, rel: &str) -> String {
    std::fs::read_to_string(data.join(rel)).unwrap_or_else(|e| panic!("import-entities: cannot read data/{rel}: {e}"))
}

fn country(code: Option<&str>) -> Option<String> {
    let c = code?.trim().to_ascii_uppercase();
    let c = if c == "UK" { "GB".to_string() } else { c };
    (c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())).then_some(c)
}

/// A source's domain or host pattern as a registrable domain, or None when it is not a domain.
pub fn registrable(raw: &str) -> Option<String> {
    let d = raw.trim().trim_start_matches("*.").trim_start_matches('.').trim_end_matches('.').to_ascii_lowercase();
    if d.is_empty() || !d.contains('.') || d.contains(['/', ' ', '*', ':', '@']) || d.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    use publicsuffix::Psl;
    let r = psl().domain(d.as_bytes())?;
    let r = std::str::from_utf8(r.as_bytes()).ok()?;
    // Under a private suffix (a CDN's), a name like `tiktokcdn.com.edgesuite.net`
    // reduces to `com.edgesuite.net`: a slice of the CDN's whole namespace, not
    // anyone's domain. Such claims are not taken.
    let first = r.split('.').next()?;
    let private = psl().suffix(r.as_bytes()).is_some_and(|s| s.typ() == Some(publicsuffix::Type::Private));
    if private && psl().suffix(first.as_bytes()).is_some_and(|s| s.is_known()) {
        return None;
    }
    r.contains('.').then(|| r.to_string())
}

static PSL: OnceLock<publicsuffix::List> = OnceLock::new();

/// The PSL the core uses; `build` loads it from `data/psl/` first.
fn psl() -> &'static publicsuffix::List {
    PSL.get().expect("import-entities: the PSL is loaded by build()")
}

fn load_psl(data: &Path) {
    PSL.get_or_init(|| read(data, "psl/public_suffix_list.dat").parse().expect("import-entities: data/psl/public_suffix_list.dat parses"));
}

/// SQL string and NULL values of one `INSERT INTO "t" VALUES(...)` line.
fn sql_values(line: &str) -> Vec<Option<String>> {
    let inner = line.split_once("VALUES(").map(|(_, v)| v.trim_end().trim_end_matches(';').trim_end_matches(')')).unwrap_or("");
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek() == Some(&' ') {
            chars.next();
        }
        match chars.peek() {
            None => break,
            Some('\'') => {
                chars.next();
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    if c == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                            s.push('\'');
                        } else {
                            break;
                        }
                    } else {
                        s.push(c);
                    }
                }
                out.push(Some(s));
            }
            Some(_) => {
                let mut s = String::new();
                while let Some(&c) = chars.peek() {
                    if c == ',' {
                        break;
                    }
                    s.push(c);
                    chars.next();
                }
                let s = s.trim().to_string();
                out.push(if s == "NULL" { None } else { Some(s) });
            }
        }
        if chars.peek() == Some(&',') {
            chars.next();
        }
    }
    out
}

/// WhoTracks.Me's trackerdb.sql (2022-08-02): companies (with `country`),
/// trackers (each with its company, or none: then the tracker is its own
/// organisation) and tracker_domains.
pub fn whotracksme(sql: &str) -> Vec<Claim> {
    let mut companies: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut trackers: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut domains: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Values can span lines (descriptions with newlines): join statement by statement.
    let mut stmt = String::new();
    for line in sql.lines() {
        if !stmt.is_empty() {
            stmt.push('\n');
        }
        stmt.push_str(line);
        if !stmt.ends_with(");") && stmt.starts_with("INSERT") {
            continue;
        }
        let s = std::mem::take(&mut stmt);
        let v = sql_values(&s);
        let get = |i: usize| v.get(i).cloned().flatten();
        if s.starts_with("INSERT INTO \"companies\"") {
            companies.insert(get(0).unwrap_or_default(), (get(1).unwrap_or_default(), get(6)));
        } else if s.starts_with("INSERT INTO \"trackers\"") {
            trackers.insert(get(0).unwrap_or_default(), (get(1).unwrap_or_default(), get(4)));
        } else if s.starts_with("INSERT INTO \"tracker_domains\"") {
            domains.entry(get(0).unwrap_or_default()).or_default().push(get(1).unwrap_or_default());
        }
    }
    let mut by_company: BTreeMap<String, Claim> = BTreeMap::new();
    for (tracker, doms) in domains {
        let Some((tname, company)) = trackers.get(&tracker) else { continue };
        let (name, c) = match company.as_ref().and_then(|c| companies.get(c)) {
            Some((n, c)) => (n.clone(), c.clone()),
            None => (tname.clone(), None),
        };
        let claim = by_company.entry(name.clone()).or_insert_with(|| Claim { source: SOURCES[0], name, country: country(c.as_deref()), ..Claim::default() });
        claim.domains.extend(doms);
    }
    by_company.into_values().collect()
}

/// Disconnect's entities.json (2020-06-17): entity name → properties and resources.
pub fn disconnect(json: &str) -> Vec<Claim> {
    #[derive(Deserialize)]
    struct Ent {
        #[serde(default)]
        properties: Vec<String>,
        #[serde(default)]
        resources: Vec<String>,
    }
    let f: BTreeMap<String, Ent> = serde_json::from_str(json).expect("disconnect entities.json");
    f.into_iter()
        .map(|(name, e)| Claim { source: SOURCES[1], name, domains: e.resources.into_iter().chain(e.properties).collect(), ..Claim::default() })
        .collect()
}

/// The webXray Domain Owner List (2018-06-29): owners with a country and a parent.
pub fn webxray(json: &str) -> Vec<Claim> {
    #[derive(Deserialize)]
    struct Owner {
        id: u64,
        parent_id: Option<u64>,
        owner_name: String,
        country: Option<String>,
        #[serde(default)]
        domains: Vec<String>,
    }
    let owners: Vec<Owner> = serde_json::from_str(json).expect("webxray domain_owners.json");
    let names: HashMap<u64, String> = owners.iter().map(|o| (o.id, o.owner_name.clone())).collect();
    owners
        .into_iter()
        .map(|o| Claim {
            source: SOURCES[2],
            name: o.owner_name,
            country: country(o.country.as_deref()),
            parent: o.parent_id.and_then(|p| names.get(&p).cloned()),
            domains: o.domains,
        })
        .collect()
}

/// AdGuard's companiesdb, its own additions (source/companies.json and
/// source/trackers.json): tracker domains → tracker → company.
pub fn adguard(companies: &str, trackers: &str) -> Vec<Claim> {
    #[derive(Deserialize)]
    struct Companies {
        companies: BTreeMap<String, Named>,
    }
    #[derive(Deserialize)]
    struct Named {
        name: String,
        #[serde(default, rename = "companyId")]
        company_id: Option<String>,
    }
    #[derive(Deserialize)]
    struct Trackers {
        trackers: BTreeMap<String, Named>,
        #[serde(rename = "trackerDomains")]
        tracker_domains: BTreeMap<String, String>,
    }
    let c: Companies = serde_json::from_str(companies).expect("adguard companies.json");
    let t: Trackers = serde_json::from_str(trackers).expect("adguard trackers.json");
    let mut by_company: BTreeMap<String, Claim> = BTreeMap::new();
    for (domain, tracker) in t.tracker_domains {
        let Some(tr) = t.trackers.get(&tracker) else { continue };
        let name = tr.company_id.as_ref().and_then(|id| c.companies.get(id)).map_or_else(|| tr.name.clone(), |co| co.name.clone());
        by_company.entry(name.clone()).or_insert_with(|| Claim { source: SOURCES[3], name, ..Claim::default() }).domains.push(domain);
    }
    by_company.into_values().collect()
}

/// third-party-web's entities: `company` (or the entity's own name) and its domain patterns.
pub fn third_party_web(json: &str) -> Vec<Claim> {
    #[derive(Deserialize)]
    struct Ent {
        name: String,
        #[serde(default)]
        company: Option<String>,
        #[serde(default)]
        domains: Vec<String>,
    }
    let ents: Vec<Ent> = serde_json::from_str(json).expect("third-party-web entities");
    let mut by_company: BTreeMap<String, Claim> = BTreeMap::new();
    for e in ents {
        let name = e.company.unwrap_or(e.name);
        by_company.entry(name.clone()).or_insert_with(|| Claim { source: SOURCES[4], name, ..Claim::default() }).domains.extend(e.domains);
    }
    by_company.into_values().collect()
}

/// The domains of one v2fly group file, following its `include:` lines.
pub fn v2fly_domains(dir: &Path, group: &str, seen: &mut BTreeSet<String>) -> Vec<String> {
    if !seen.insert(group.to_string()) {
        return Vec::new();
    }
    let text = std::fs::read_to_string(dir.join(group)).unwrap_or_else(|e| panic!("import-entities: v2fly group `{group}`: {e}"));
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let entry = line.split_whitespace().next().unwrap_or("");
        if let Some(inc) = entry.strip_prefix("include:") {
            out.extend(v2fly_domains(dir, inc, seen));
        } else if let Some(d) = entry.strip_prefix("full:").or_else(|| entry.strip_prefix("domain:")) {
            out.push(d.to_string());
        } else if !entry.is_empty() && !entry.contains(':') {
            out.push(entry.to_string());
        }
    }
    out
}

/// Builds the listed tier from `data/`.
pub fn build(data: &Path) -> Vec<Company> {
    load_psl(data);
    let links: Links = toml::from_str(&read(data, "entity-links.toml")).unwrap_or_else(|e| panic!("import-entities: entity-links.toml: {e}"));
    let cited: Cited = toml::from_str(&read(data, "entities.toml")).unwrap_or_else(|e| panic!("import-entities: entities.toml: {e}"));
    let cited_ids: BTreeSet<&str> = cited.entity.iter().map(|e| e.id.as_str()).collect();
    // A listed company whose normalised name is a cited company's name or id is
    // that company, unless two cited companies share the name: then
    // entity-links.toml must say which.
    let mut by_name: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for e in &cited.entity {
        by_name.entry(normalise(&e.name)).or_default().insert(e.id.as_str());
        by_name.entry(normalise(&e.id.replace('-', " "))).or_default().insert(e.id.as_str());
    }
    let cited_domains: BTreeSet<&str> = cited.entity.iter().flat_map(|e| e.domains.keys().map(String::as_str)).collect();
    for (name, id) in links.same.iter().chain(&links.v2fly) {
        assert!(cited_ids.contains(id.as_str()), "import-entities: entity-links.toml: `{name}` links to unknown cited entity `{id}`");
    }
    for d in &links.drop {
        assert!(d.domain.is_empty() != d.company.is_empty(), "import-entities: entity-links.toml: a [[drop]] names a domain or a company, not both");
    }
    let dropped: BTreeSet<(String, Option<String>)> =
        links.drop.iter().filter(|d| !d.domain.is_empty()).map(|d| (d.domain.clone(), d.source.clone())).collect();
    let dropped_companies: BTreeSet<&str> = links.drop.iter().filter(|d| !d.company.is_empty()).map(|d| d.company.as_str()).collect();
    let is_dropped =
        |domain: &str, source: &str| dropped.contains(&(domain.to_string(), None)) || dropped.contains(&(domain.to_string(), Some(source.to_string())));

    let up = data.join("upstream");
    let mut claims: Vec<Claim> = Vec::new();
    claims.extend(whotracksme(&read(&up, "whotracksme/trackerdb.sql")));
    claims.extend(disconnect(&read(&up, "disconnect/entities.json")));
    claims.extend(webxray(&read(&up, "webxray/domain_owners.json")));
    claims.extend(adguard(&read(&up, "adguard/companies.json"), &read(&up, "adguard/trackers.json")));
    claims.extend(third_party_web(&read(&up, "third-party-web/entities-nostats.json")));
    for (group, id) in &links.v2fly {
        let mut seen = BTreeSet::new();
        let domains = v2fly_domains(&up.join("v2fly"), group, &mut seen);
        claims.push(Claim { source: SOURCES[5], name: format!("cited:{id}"), domains, ..Claim::default() });
    }

    // Companies by normalised name; facts from the first source (in SOURCES order) that states them.
    let rank = |s: &str| SOURCES.iter().position(|x| *x == s).unwrap_or(usize::MAX);
    claims.sort_by_key(|c| rank(c.source));
    let mut companies: BTreeMap<String, Company> = BTreeMap::new();
    let key_of = |c: &Claim| if let Some(id) = c.name.strip_prefix("cited:") { format!("cited:{id}") } else { normalise(&c.name) };
    for c in &claims {
        let key = key_of(c);
        if key.is_empty() {
            continue;
        }
        let co = companies.entry(key.clone()).or_insert_with(|| Company { key: key.clone(), name: c.name.clone(), ..Company::default() });
        co.cited = co.cited.clone().or_else(|| key.strip_prefix("cited:").map(str::to_string)).or_else(|| links.same.get(&key).cloned()).or_else(|| {
            let ids = by_name.get(&key)?;
            assert!(ids.len() == 1, "import-entities: the listed company `{key}` matches cited {ids:?}: say which in entity-links.toml [same]");
            ids.first().map(|id| id.to_string())
        });
        if co.headquarters.is_none() {
            if let Some(cc) = &c.country {
                co.headquarters = Some((cc.clone(), c.source));
            }
        }
        if co.parent.is_none() {
            co.parent = c.parent.as_deref().map(normalise).filter(|p| *p != key);
        }
    }
    // Domains: the first claim in source order wins.
    let mut owner: BTreeMap<String, (String, &'static str)> = BTreeMap::new();
    for c in &claims {
        let key = key_of(c);
        for raw in &c.domains {
            let Some(d) = registrable(raw) else { continue };
            if cited_domains.contains(d.as_str()) || is_dropped(&d, c.source) || dropped_companies.contains(key.as_str()) || owner.contains_key(&d) {
                continue;
            }
            owner.insert(d, (key.clone(), c.source));
        }
    }
    for (d, (key, source)) in owner {
        let co = companies.get_mut(&key).expect("claimed by a known company");
        co.domains.insert(d, source);
        co.sources.insert(source);
    }
    // A parent is kept only when it is a company of this tier and its claims
    // were not dropped as stale (a stale owner is stale as a parent too).
    let keys: BTreeSet<String> = companies.keys().cloned().collect();
    for co in companies.values_mut() {
        if co.parent.as_ref().is_some_and(|p| !keys.contains(p) || dropped_companies.contains(p.as_str())) || links.stale_parent.contains_key(&co.key) {
            co.parent = None;
        }
    }
    // Kept: companies with a domain, and their ancestors.
    let mut kept: BTreeSet<String> = BTreeSet::new();
    for c in companies.values().filter(|c| !c.domains.is_empty()) {
        let mut cur = Some(c.key.clone());
        while let Some(k) = cur {
            if !kept.insert(k.clone()) {
                break;
            }
            cur = companies.get(&k).and_then(|x| x.parent.clone());
        }
    }
    companies.into_values().filter(|c| kept.contains(&c.key)).collect()
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The listed tier as TOML, in a stable order.
pub fn render(companies: &[Company]) -> String {
    let mut out = String::from(
        "# Borderline's listed tier of company data: who owns a domain, as stated by\n\
         # permissive third-party sources (data/sources.toml). GENERATED by\n\
         # `cargo run -p import-entities` (bash data/refresh.sh) from data/upstream/ and\n\
         # data/entity-links.toml: do not edit; fix the links file or the cited table\n\
         # (data/entities.toml), which always wins. Each domain names the source whose\n\
         # claim was taken; `headquarters` only where a source states a country.\n\
         # Licence: GPL-3.0-or-later, compiled from GPL-3.0 (Disconnect, webXray),\n\
         # CC BY 4.0 (WhoTracks.Me), CC BY-SA 4.0 (AdGuard) and MIT (third-party-web,\n\
         # v2fly) sources: see data/licences/ and data/sources.toml. Changes: the\n\
         # sources' records are merged by company name and reduced to registrable domains.\n\nschema = 1\n",
    );
    for c in companies {
        out.push_str("\n[[company]]\n");
        let _ = writeln!(out, "key = {}", toml_str(&c.key));
        if let Some(id) = &c.cited {
            let _ = writeln!(out, "cited = {}", toml_str(id));
        } else {
            let _ = writeln!(out, "name = {}", toml_str(&c.name));
        }
        if let (Some((cc, src)), None) = (&c.headquarters, &c.cited) {
            let _ = writeln!(out, "headquarters = {}\nheadquarters_source = {}", toml_str(cc), toml_str(src));
        }
        if let Some(p) = &c.parent {
            let _ = writeln!(out, "parent = {}", toml_str(p));
        }
        if !c.domains.is_empty() {
            out.push_str("[company.domains]\n");
            for (d, s) in &c.domains {
                let _ = writeln!(out, "{} = {}", toml_str(d), toml_str(s));
            }
        }
    }
    out
}

/// The path of the generated file under `data/`.
pub const OUTPUT: &str = "entities-listed.toml";
