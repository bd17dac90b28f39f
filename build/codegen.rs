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
    #[serde(default)]
    hosting_asns: Vec<u32>,
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

/// The generated listed tier (data/entities-listed.toml, tools/import-entities).
#[derive(Deserialize)]
struct ListedFile {
    #[serde(default)]
    company: Vec<Listed>,
}

#[derive(Deserialize)]
struct Listed {
    key: String,
    #[serde(default)]
    cited: Option<String>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    headquarters: Option<String>,
    #[serde(default)]
    headquarters_source: Option<String>,
    #[serde(default)]
    parent: Option<String>,
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

/// Compiles the cited table (entities.toml, the authority) and the listed
/// tier (entities-listed.toml) into one entity table: cited entities first,
/// then the listed companies that are not cited ones. `sources` are the ids
/// in sources.toml: every listed domain names one of them.
pub fn write_entities(path: &Path, listed_path: &Path, sources: &[Source], out: &Path) {
    let text = String::from_utf8(super::read(path)).expect("entities.toml is UTF-8");
    let file: EntityFile = toml::from_str(&text).unwrap_or_else(|e| panic!("data build: entities.toml: {e}"));
    let index: HashMap<&str, usize> = file.entity.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    assert_eq!(index.len(), file.entity.len(), "data build: entities.toml: duplicate entity id");

    let mut code = String::from(
        "/// The entity map: data/entities.toml (cited), then data/entities-listed.toml (listed).\npub(crate) static ENTITIES: &[EntityRecord] = &[\n",
    );
    let mut domains: Vec<(String, usize, &str)> = Vec::new();
    let mut asns: Vec<(u32, usize)> = Vec::new();
    let mut hosting: Vec<u32> = Vec::new();
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
            // A company whose domains all come from the listed tier (entity-links.toml) cites no domains.
            if what == "domains_source" && e.domains.is_empty() && v.is_empty() {
                continue;
            }
            assert!(v.starts_with("https://") || v.starts_with("http://"), "data build: entities.toml: `{}` lacks {what}", e.id);
        }
        assert!(e.asns.is_empty() || !e.asns_source.is_empty(), "data build: entities.toml: `{}` lists ASNs without asns_source", e.id);
        for a in &e.hosting_asns {
            assert!(e.asns.contains(a), "data build: entities.toml: `{}`: hosting AS{a} is not in its asns", e.id);
        }
        writeln!(
            code,
            "    EntityRecord {{ id: {:?}, name: {:?}, parent: {parent}, domicile: Some({:?}), headquarters: Some({:?}), domicile_source: {:?}, headquarters_source: {:?}, domains_source: {:?}, asns_source: {:?}, note: {:?}, tier: Tier::Cited }},",
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
        hosting.extend(&e.hosting_asns);
    }

    // The listed tier: companies that are cited ones lend their domains to
    // them; the others follow the cited entities, in the file's order.
    let text = String::from_utf8(super::read(listed_path)).expect("entities-listed.toml is UTF-8");
    let listed: ListedFile = toml::from_str(&text).unwrap_or_else(|e| panic!("data build: entities-listed.toml: {e}"));
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut next = file.entity.len();
    for c in &listed.company {
        let i = match &c.cited {
            Some(id) => *index.get(id.as_str()).unwrap_or_else(|| panic!("data build: entities-listed.toml: `{}` links to unknown entity `{id}`", c.key)),
            None => {
                next += 1;
                next - 1
            }
        };
        assert!(at.insert(c.key.as_str(), i).is_none(), "data build: entities-listed.toml: duplicate key `{}`", c.key);
    }
    let mut listed_domains: Vec<(String, usize, usize)> = Vec::new();
    // (id, name, parent, headquarters, source of the headquarters) of each listed company.
    let mut listed_rows: Vec<(String, String, u16, String, u8)> = Vec::new();
    for c in &listed.company {
        let i = at[c.key.as_str()];
        for (d, src) in &c.domains {
            let s = source_ids
                .iter()
                .position(|x| x == src)
                .unwrap_or_else(|| panic!("data build: entities-listed.toml: `{d}` names `{src}`, not in sources.toml"));
            listed_domains.push((d.clone(), i, s));
        }
        if c.cited.is_some() {
            continue;
        }
        let parent = c.parent.as_ref().map_or(u16::MAX, |p| {
            let pi = at.get(p.as_str()).unwrap_or_else(|| panic!("data build: entities-listed.toml: `{}` has unknown parent `{p}`", c.key));
            assert!(*pi != i, "data build: entities-listed.toml: `{}` is its own parent", c.key);
            u16::try_from(*pi).expect("fewer than 65535 entities")
        });
        let hq = c.headquarters.as_ref().map_or_else(|| "--".to_string(), |h| country(h, &c.key));
        let hq_source = c.headquarters_source.clone().unwrap_or_default();
        let hq_source = if hq_source.is_empty() {
            u8::MAX
        } else {
            u8::try_from(
                source_ids
                    .iter()
                    .position(|x| *x == hq_source)
                    .unwrap_or_else(|| panic!("data build: entities-listed.toml: `{}`: unknown source `{hq_source}`", c.key)),
            )
            .unwrap()
        };
        let id = format!("listed:{}", c.key.replace(' ', "-"));
        listed_rows.push((id, c.name.clone(), parent, hq, hq_source));
    }
    // Listed parent chains must end too.
    for c in listed.company.iter().filter(|c| c.cited.is_none()) {
        let mut cur = c.parent.as_deref();
        for _ in 0..=listed.company.len() {
            let Some(p) = cur else { break };
            assert!(p != c.key, "data build: entities-listed.toml: parent cycle through `{}`", c.key);
            cur = listed.company.iter().find(|x| x.key == p).and_then(|x| x.parent.as_deref());
        }
    }

    code.push_str(
        "];\n\n/// Registrable domain -> (entity index, category), sorted by domain (cited).\npub(crate) static DOMAINS: &[(&str, u16, Category)] = &[\n",
    );
    domains.sort();
    let mut seen = HashSet::new();
    for (d, i, c) in &domains {
        assert!(seen.insert(d.clone()), "data build: entities.toml: `{d}` belongs to two entities");
        writeln!(code, "    ({d:?}, {i}, Category::{c}),").unwrap();
    }
    code.push_str("];\n");
    // The listed tier, compact: strings in one blob each, numbers in parallel arrays.
    listed_domains.sort();
    let mut seen_listed = HashSet::new();
    let mut blob = String::new();
    let (mut offs, mut ents, mut srcs) = (Vec::new(), Vec::new(), Vec::new());
    for (d, i, src) in &listed_domains {
        assert!(!seen.contains(d), "data build: entities-listed.toml: `{d}` is in the cited table (regenerate it)");
        assert!(seen_listed.insert(d.clone()), "data build: entities-listed.toml: `{d}` belongs to two companies");
        offs.push(blob.len());
        blob.push_str(d);
        ents.push(*i);
        srcs.push(*src);
    }
    offs.push(blob.len());
    writeln!(code, "\n/// Listed domains, sorted, back to back; LISTED_DOMAIN_AT[i]..LISTED_DOMAIN_AT[i + 1] is domain i.\npub(crate) static LISTED_DOMAIN_TEXT: &str = {blob:?};").unwrap();
    writeln!(code, "pub(crate) static LISTED_DOMAIN_AT: &[u32] = &{offs:?};").unwrap();
    writeln!(code, "/// The entity index of listed domain i.\npub(crate) static LISTED_DOMAIN_ENTITY: &[u16] = &{ents:?};").unwrap();
    writeln!(code, "/// The source (index in DATA_SOURCES) that listed domain i.\npub(crate) static LISTED_DOMAIN_SOURCE: &[u8] = &{srcs:?};").unwrap();
    let mut names = String::new();
    let mut ids = String::new();
    let (mut name_at, mut id_at, mut parents, mut hqs, mut hq_sources) = (Vec::new(), Vec::new(), Vec::new(), String::new(), Vec::new());
    for (id, name, parent, hq, src) in &listed_rows {
        name_at.push(names.len());
        names.push_str(name);
        id_at.push(ids.len());
        ids.push_str(id);
        parents.push(*parent);
        hqs.push_str(hq);
        hq_sources.push(*src);
    }
    name_at.push(names.len());
    id_at.push(ids.len());
    writeln!(code, "\n/// Listed companies (entity index ENTITIES.len() + i), in parallel arrays.\npub(crate) static LISTED_NAMES: &str = {names:?};").unwrap();
    writeln!(code, "pub(crate) static LISTED_NAME_AT: &[u32] = &{name_at:?};").unwrap();
    writeln!(code, "pub(crate) static LISTED_IDS: &str = {ids:?};").unwrap();
    writeln!(code, "pub(crate) static LISTED_ID_AT: &[u32] = &{id_at:?};").unwrap();
    writeln!(code, "/// Parent entity index, or u16::MAX.\npub(crate) static LISTED_PARENT: &[u16] = &{parents:?};").unwrap();
    writeln!(code, "/// Headquarters country of listed company i at 2i..2i + 2, or \"--\" when not known.\npub(crate) static LISTED_HQ: &str = {hqs:?};")
        .unwrap();
    writeln!(
        code,
        "/// The source (index in DATA_SOURCES) that states the headquarters, or u8::MAX.\npub(crate) static LISTED_HQ_SOURCE: &[u8] = &{hq_sources:?};"
    )
    .unwrap();
    code.push('\n');
    code.push_str("/// ASN -> entity index, sorted by ASN.\npub(crate) static ASNS: &[(u32, u16)] = &[\n");
    asns.sort();
    asns.dedup();
    for w in asns.windows(2) {
        assert!(w[0].0 != w[1].0, "data build: entities.toml: AS{} belongs to two entities", w[0].0);
    }
    for (a, i) in &asns {
        writeln!(code, "    ({a}, {i}),").unwrap();
    }
    hosting.sort_unstable();
    writeln!(code, "];\n\n/// ASNs that carry other companies' traffic (cloud, CDN, hosting), sorted.\npub(crate) static HOSTING_ASNS: &[u32] = &{hosting:?};")
        .unwrap();
    let mut ids: Vec<(String, usize)> = file.entity.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
    ids.extend(listed.company.iter().filter(|c| c.cited.is_none()).map(|c| (format!("listed:{}", c.key.replace(' ', "-")), at[c.key.as_str()])));
    ids.sort();
    for w in ids.windows(2) {
        assert!(w[0].0 != w[1].0, "data build: duplicate entity id `{}`", w[0].0);
    }
    let order: Vec<usize> = ids.iter().map(|(_, i)| *i).collect();
    writeln!(code, "\n/// Entity indexes in the order of their ids.\npub(crate) static BY_ID: &[u16] = &{order:?};").unwrap();
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

#[derive(Deserialize)]
struct Apps {
    app: Vec<AppEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppEntry {
    id: String,
    name: String,
    publisher: String,
    source: String,
}

/// `data/apps.toml` → `apps.rs`: (package id, name, publisher entity id, source), by id.
pub fn write_apps(path: &Path, entities: &Path, out: &Path) {
    let text = String::from_utf8(super::read(path)).expect("apps.toml is UTF-8");
    let apps: Apps = toml::from_str(&text).unwrap_or_else(|e| panic!("data build: apps.toml: {e}"));
    let ents: toml::Value = toml::from_str(&String::from_utf8(super::read(entities)).expect("entities.toml is UTF-8")).expect("entities.toml parses");
    let ids: std::collections::BTreeSet<&str> =
        ents.get("entity").and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|e| e.get("id")?.as_str()).collect()).unwrap_or_default();
    let mut rows: Vec<&AppEntry> = apps.app.iter().collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    for w in rows.windows(2) {
        assert!(w[0].id != w[1].id, "data build: apps.toml: `{}` twice", w[0].id);
    }
    let mut code =
        String::from("/// Apps by package id (data/apps.toml): (id, name, publisher entity id, source).\npub static APPS: &[(&str, &str, &str, &str)] = &[\n");
    for a in rows {
        assert!(ids.contains(a.publisher.as_str()), "data build: apps.toml: `{}`: publisher `{}` is not an entity in entities.toml", a.id, a.publisher);
        assert!(a.source.starts_with("https://"), "data build: apps.toml: `{}`: source must be a URL", a.id);
        code.push_str(&format!("    ({:?}, {:?}, {:?}, {:?}),\n", a.id, a.name, a.publisher, a.source));
    }
    code.push_str("];\n");
    super::write(&out.join("apps.rs"), code.as_bytes());
}
