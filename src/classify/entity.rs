//! The entity map: which company owns a Domain, where it is domiciled and
//! headquartered, and each fact's source. Compiled from data/entities.toml by
//! the build step into sorted static tables (no start-up cost).

use serde::{Deserialize, Serialize};

/// What a Domain or a Tracker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Advertising,
    Analytics,
    Telemetry,
    Social,
    SessionReplay,
    Fingerprinting,
    Cdn,
    Content,
    Api,
}

impl Category {
    /// Categories whose purpose is to watch the user: a request in one of them is a tracker request.
    pub fn is_tracking(self) -> bool {
        matches!(
            self,
            Category::Advertising | Category::Analytics | Category::Telemetry | Category::Social | Category::SessionReplay | Category::Fingerprinting
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Advertising => "advertising",
            Category::Analytics => "analytics",
            Category::Telemetry => "telemetry",
            Category::Social => "social",
            Category::SessionReplay => "session-replay",
            Category::Fingerprinting => "fingerprinting",
            Category::Cdn => "cdn",
            Category::Content => "content",
            Category::Api => "api",
        }
    }
}

/// Which table a company comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// data/entities.toml: written by hand, every fact cited. The authority.
    Cited,
    /// data/entities-listed.toml: generated from permissive third-party
    /// sources (data/sources.toml), each domain naming the source that listed it.
    Listed,
}

/// One company: from data/entities.toml (cited) or data/entities-listed.toml (listed).
#[derive(Debug)]
pub struct EntityRecord {
    pub id: &'static str,
    pub name: &'static str,
    /// Index of the parent company in `ENTITIES`.
    pub parent: Option<usize>,
    /// ISO 3166-1 alpha-2 of the place of incorporation; None when not known
    /// (a listed company's domicile is never taken from its sources).
    pub domicile: Option<&'static str>,
    /// ISO 3166-1 alpha-2 of the headquarters; None when not known.
    pub headquarters: Option<&'static str>,
    /// A URL (cited); "" when the domicile is not known.
    pub domicile_source: &'static str,
    /// A URL (cited), or the id of the source in data/sources.toml that
    /// states the country (listed); "" when not known.
    pub headquarters_source: &'static str,
    /// A URL (cited); "" for a listed company (each of its domains names its source).
    pub domains_source: &'static str,
    pub asns_source: &'static str,
    pub note: &'static str,
    pub tier: Tier,
}

/// Who owns a registrable domain, and on what basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub entity: usize,
    /// The Domain's category: only the cited table classes domains.
    pub category: Option<Category>,
    /// The id (in data/sources.toml) of the source that listed the domain,
    /// when the ownership is not from the cited table.
    pub listed_by: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/entities.rs"));

/// How many companies there are: cited, then listed.
pub fn count() -> usize {
    ENTITIES.len() + LISTED_PARENT.len()
}

/// All companies: the cited table's, then the listed tier's.
pub fn entities() -> impl Iterator<Item = &'static EntityRecord> {
    (0..count()).map(entity)
}

/// The listed companies as records, built on first use from the compact tables.
fn listed() -> &'static [EntityRecord] {
    static LISTED: std::sync::OnceLock<Vec<EntityRecord>> = std::sync::OnceLock::new();
    LISTED.get_or_init(|| {
        (0..LISTED_PARENT.len())
            .map(|i| {
                let hq = Some(&LISTED_HQ[2 * i..2 * i + 2]).filter(|c| *c != "--");
                let hq_source = LISTED_HQ_SOURCE[i];
                EntityRecord {
                    id: &LISTED_IDS[LISTED_ID_AT[i] as usize..LISTED_ID_AT[i + 1] as usize],
                    name: &LISTED_NAMES[LISTED_NAME_AT[i] as usize..LISTED_NAME_AT[i + 1] as usize],
                    parent: (LISTED_PARENT[i] != u16::MAX).then(|| usize::from(LISTED_PARENT[i])),
                    domicile: None,
                    headquarters: hq,
                    domicile_source: "",
                    headquarters_source: if hq_source == u8::MAX { "" } else { crate::data::DATA_SOURCES[usize::from(hq_source)].id },
                    domains_source: "",
                    asns_source: "",
                    note: "",
                    tier: Tier::Listed,
                }
            })
            .collect()
    })
}

/// The entity at `index`.
pub fn entity(index: usize) -> &'static EntityRecord {
    match ENTITIES.get(index) {
        Some(e) => e,
        None => &listed()[index - ENTITIES.len()],
    }
}

fn listed_domain(i: usize) -> &'static str {
    &LISTED_DOMAIN_TEXT[LISTED_DOMAIN_AT[i] as usize..LISTED_DOMAIN_AT[i + 1] as usize]
}

/// Binary search of the sorted listed domains.
fn find_listed(d: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, LISTED_DOMAIN_ENTITY.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match listed_domain(mid).cmp(d) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// Looks up a registrable domain, then its parents (for hosts under private
/// PSL suffixes such as `x.appspot.com`), in the cited table: the owning
/// entity and the Domain's category.
pub fn entity_of_domain(domain: &str) -> Option<(usize, Category)> {
    owner_of_domain(domain).and_then(|o| o.category.map(|c| (o.entity, c)))
}

/// Who owns a registrable domain: the most specific of the domain and its
/// parents that either table knows; at the same name the cited table wins.
pub fn owner_of_domain(domain: &str) -> Option<Owner> {
    let mut d = domain;
    loop {
        if let Ok(i) = DOMAINS.binary_search_by(|(k, _, _)| (*k).cmp(d)) {
            let (_, e, c) = DOMAINS[i];
            return Some(Owner { entity: usize::from(e), category: Some(c), listed_by: None });
        }
        if let Some(i) = find_listed(d) {
            let (e, s) = (LISTED_DOMAIN_ENTITY[i], LISTED_DOMAIN_SOURCE[i]);
            return Some(Owner { entity: usize::from(e), category: None, listed_by: Some(crate::data::DATA_SOURCES[usize::from(s)].id) });
        }
        d = d.split_once('.')?.1;
        if !d.contains('.') {
            return None;
        }
    }
}

/// The entity that operates an autonomous system, when the cited table names one.
pub fn entity_of_asn(asn: u32) -> Option<usize> {
    ASNS.binary_search_by_key(&asn, |(a, _)| *a).ok().map(|i| usize::from(ASNS[i].1))
}

/// Whether an autonomous system carries other companies' traffic (cloud,
/// CDN, hosting), as the cited table says (`hosting_asns`).
pub fn is_hosting_asn(asn: u32) -> bool {
    HOSTING_ASNS.binary_search(&asn).is_ok()
}

/// The company that runs an autonomous system for itself: named by the cited
/// table and not a cloud, CDN or hosting network. A server there is that
/// company's, so a host with no known owner whose servers are all in it may
/// be said to be run by it ("inferred from its network").
pub fn own_network(asn: u32) -> Option<usize> {
    entity_of_asn(asn).filter(|_| !is_hosting_asn(asn))
}

/// The ultimate parent of an entity.
pub fn root(mut index: usize) -> usize {
    // The build step rejects cycles; the bound is belt and braces.
    for _ in 0..count() {
        match entity(index).parent {
            Some(p) => index = p,
            None => break,
        }
    }
    index
}

/// Finds an entity by its id.
pub fn by_id(id: &str) -> Option<usize> {
    BY_ID.binary_search_by(|&i| entity(usize::from(i)).id.cmp(id)).ok().map(|i| usize::from(BY_ID[i]))
}

/// The countries known for an entity: domicile and headquarters, each when known.
pub fn countries(e: &EntityRecord) -> impl Iterator<Item = &'static str> {
    e.domicile.into_iter().chain(e.headquarters)
}

/// "domiciled KY, headquartered CN", saying "not known" for a country that is not.
pub fn countries_phrase(domicile: Option<&str>, headquarters: Option<&str>) -> String {
    match (domicile, headquarters) {
        (None, None) => "countries not known".to_string(),
        (d, h) => format!(
            "{}, {}",
            d.map_or_else(|| "domicile not known".to_string(), |c| format!("domiciled {c}")),
            h.map_or_else(|| "headquarters not known".to_string(), |c| format!("headquartered {c}"))
        ),
    }
}
