//! Turns the hand-written TOML tables (provenance, entities, jurisdictions) into
//! static Rust tables, validated here so a bad edit fails the build with a
//! message naming the entry.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub files: Vec<String>,
    pub upstream: String,
    pub version: String,
    pub date: String,
    pub licence: String,
    pub attribution: String,
}

#[derive(Deserialize)]
struct Sources {
    source: Vec<Source>,
}

pub fn read_sources(data: &Path) -> Vec<Source> {
    let text = String::from_utf8(super::read(&data.join("sources.toml"))).expect("sources.toml is UTF-8");
    let parsed: Sources = toml::from_str(&text).unwrap_or_else(|e| panic!("data build: sources.toml: {e}"));
    parsed.source
}

pub fn write_sources(sources: &[Source], out: &Path) {
    let mut code = String::from("/// Every vendored data source, from data/sources.toml.\npub static DATA_SOURCES: &[DataSource] = &[\n");
    for s in sources {
        writeln!(
            code,
            "    DataSource {{ id: {:?}, name: {:?}, upstream: {:?}, version: {:?}, date: {:?}, licence: {:?}, attribution: {:?} }},",
            s.id, s.name, s.upstream, s.version, s.date, s.licence, s.attribution
        )
        .unwrap();
    }
    code.push_str("];\n");
    super::write(&out.join("sources.rs"), code.as_bytes());
}

#[derive(Deserialize)]
struct EntityFile {
    entity: Vec<Entity>,
}

#[derive(Deserialize)]
struct Entity {
    id: String,
    name: String,
    #[serde(default)]
    parent: String,
    domicile: String,
    headquarters: String,
    #[serde(default)]
    asns: Vec<u32>,
    domicile_source: String,
    headquarters_source: String,
    domains_source: String,
    #[serde(default)]
    asns_source: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    domains: BTreeMap<String, String>,
}

const CATEGORIES: [(&str, &str); 9] = [
    ("advertising", "Advertising"),
    ("analytics", "Analytics"),
    ("telemetry", "Telemetry"),
    ("social", "Social"),
    ("session-replay", "SessionReplay"),
    ("fingerprinting", "Fingerprinting"),
    ("cdn", "Cdn"),
    ("content", "Content"),
    ("api", "Api"),
];

fn country(code: &str, what: &str) -> String {
    assert!(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()), "data build: entities.toml: {what}: `{code}` is not an ISO 3166-1 alpha-2 code");
    code.to_string()
}

pub fn write_entities(path: &Path, out: &Path) {
    let text = String::from_utf8(super::read(path)).expect("entities.toml is UTF-8");
    let file: EntityFile = toml::from_str(&text).unwrap_or_else(|e| panic!("data build: entities.toml: {e}"));
    let index: HashMap<&str, usize> = file.entity.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    assert_eq!(index.len(), file.entity.len(), "data build: entities.toml: duplicate entity id");

    let mut code = String::from("/// The entity map, from data/entities.toml.\npub(crate) static ENTITIES: &[EntityRecord] = &[\n");
    let mut domains: Vec<(String, usize, &str)> = Vec::new();
    let mut asns: Vec<(u32, usize)> = Vec::new();
    for (i, e) in file.entity.iter().enumerate() {
        let parent = if e.parent.is_empty() {
            "None".to_string()
        } else {
            let p = index.get(e.parent.as_str()).unwrap_or_else(|| panic!("data build: entities.toml: `{}` has unknown parent `{}`", e.id, e.parent));
            format!("Some({p})")
        };
        // Parent chains must end: walk at most the table's length.
        let mut cur = e.parent.as_str();
        for _ in 0..=file.entity.len() {
            if cur.is_empty() {
                break;
            }
            assert!(cur != e.id, "data build: entities.toml: parent cycle through `{}`", e.id);
            cur = &file.entity[index[cur]].parent;
        }
        for (what, v) in [("domicile_source", &e.domicile_source), ("headquarters_source", &e.headquarters_source), ("domains_source", &e.domains_source)] {
            assert!(v.starts_with("https://") || v.starts_with("http://"), "data build: entities.toml: `{}` lacks {what}", e.id);
        }
        assert!(e.asns.is_empty() || !e.asns_source.is_empty(), "data build: entities.toml: `{}` lists ASNs without asns_source", e.id);
        writeln!(
            code,
            "    EntityRecord {{ id: {:?}, name: {:?}, parent: {parent}, domicile: {:?}, headquarters: {:?}, domicile_source: {:?}, headquarters_source: {:?}, domains_source: {:?}, asns_source: {:?}, note: {:?} }},",
            e.id,
            e.name,
            country(&e.domicile, &e.id),
            country(&e.headquarters, &e.id),
            e.domicile_source,
            e.headquarters_source,
            e.domains_source,
            e.asns_source,
            e.note
        )
        .unwrap();
        for (domain, cat) in &e.domains {
            let variant =
                CATEGORIES.iter().find(|c| c.0 == cat).unwrap_or_else(|| panic!("data build: entities.toml: `{domain}` has unknown category `{cat}`")).1;
            assert!(
                !domain.is_empty() && domain == &domain.to_ascii_lowercase() && !domain.starts_with('.'),
                "data build: entities.toml: bad domain `{domain}`"
            );
            domains.push((domain.clone(), i, variant));
        }
        asns.extend(e.asns.iter().map(|&a| (a, i)));
    }
    code.push_str("];\n\n/// Registrable domain -> (entity index, category), sorted by domain.\npub(crate) static DOMAINS: &[(&str, u16, Category)] = &[\n");
    domains.sort();
    let mut seen = HashSet::new();
    for (d, i, c) in &domains {
        assert!(seen.insert(d.clone()), "data build: entities.toml: `{d}` belongs to two entities");
        writeln!(code, "    ({d:?}, {i}, Category::{c}),").unwrap();
    }
    code.push_str("];\n\n/// ASN -> entity index, sorted by ASN.\npub(crate) static ASNS: &[(u32, u16)] = &[\n");
    asns.sort();
    asns.dedup();
    for w in asns.windows(2) {
        assert!(w[0].0 != w[1].0, "data build: entities.toml: AS{} belongs to two entities", w[0].0);
    }
    for (a, i) in &asns {
        writeln!(code, "    ({a}, {i}),").unwrap();
    }
    code.push_str("];\n");
    super::write(&out.join("entities.rs"), code.as_bytes());
}

#[derive(Deserialize)]
struct Jurisdictions {
    us: UsPreset,
    eu: EuPreset,
}

#[derive(Deserialize)]
struct UsPreset {
    of_concern: Vec<String>,
    as_of: String,
    source: String,
}

#[derive(Deserialize)]
struct EuPreset {
    eea: Vec<String>,
    adequate: Vec<String>,
    partial: BTreeMap<String, String>,
    as_of: String,
    source: String,
}

pub fn write_jurisdictions(path: &Path, out: &Path) {
    let text = String::from_utf8(super::read(path)).expect("jurisdictions.toml is UTF-8");
    let j: Jurisdictions = toml::from_str(&text).unwrap_or_else(|e| panic!("data build: jurisdictions.toml: {e}"));
    let list = |v: &[String]| -> String {
        let codes: Vec<String> = v.iter().map(|c| format!("{:?}", country(c, "jurisdictions.toml"))).collect();
        format!("&[{}]", codes.join(", "))
    };
    let partial: Vec<String> = j.eu.partial.iter().map(|(k, v)| format!("({:?}, {v:?})", country(k, "partial"))).collect();
    let code = format!(
        "/// US Data Security Program countries of concern (data/jurisdictions.toml).\npub static US_OF_CONCERN: &[&str] = {};\npub static US_AS_OF: &str = {:?};\npub static US_SOURCE: &str = {:?};\n\
         /// EEA member countries.\npub static EEA: &[&str] = {};\n/// Countries with a GDPR Art. 45 adequacy decision.\npub static ADEQUATE: &[&str] = {};\n\
         /// Adequacy decisions that cover only some organisations, with the caveat.\npub static ADEQUATE_PARTIAL: &[(&str, &str)] = &[{}];\npub static EU_AS_OF: &str = {:?};\npub static EU_SOURCE: &str = {:?};\n",
        list(&j.us.of_concern),
        j.us.as_of,
        j.us.source,
        list(&j.eu.eea),
        list(&j.eu.adequate),
        partial.join(", "),
        j.eu.as_of,
        j.eu.source
    );
    super::write(&out.join("jurisdictions.rs"), code.as_bytes());
}
