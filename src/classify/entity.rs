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

/// One company, as written in data/entities.toml.
#[derive(Debug)]
pub struct EntityRecord {
    pub id: &'static str,
    pub name: &'static str,
    /// Index of the parent company in [`ENTITIES`].
    pub parent: Option<usize>,
    /// ISO 3166-1 alpha-2 of the place of incorporation.
    pub domicile: &'static str,
    /// ISO 3166-1 alpha-2 of the headquarters.
    pub headquarters: &'static str,
    pub domicile_source: &'static str,
    pub headquarters_source: &'static str,
    pub domains_source: &'static str,
    pub asns_source: &'static str,
    pub note: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/entities.rs"));

/// All entities.
pub fn entities() -> &'static [EntityRecord] {
    ENTITIES
}

/// The entity at `index`.
pub fn entity(index: usize) -> &'static EntityRecord {
    &ENTITIES[index]
}

/// Looks up a registrable domain, then its parents (for hosts under private
/// PSL suffixes such as `x.appspot.com`): the owning entity and the Domain's category.
pub fn entity_of_domain(domain: &str) -> Option<(usize, Category)> {
    let mut d = domain;
    loop {
        if let Ok(i) = DOMAINS.binary_search_by(|(k, _, _)| (*k).cmp(d)) {
            let (_, e, c) = DOMAINS[i];
            return Some((usize::from(e), c));
        }
        d = d.split_once('.')?.1;
        if !d.contains('.') {
            return None;
        }
    }
}

/// The entity that operates an autonomous system, when the map names one.
pub fn entity_of_asn(asn: u32) -> Option<usize> {
    ASNS.binary_search_by_key(&asn, |(a, _)| *a).ok().map(|i| usize::from(ASNS[i].1))
}

/// The ultimate parent of an entity.
pub fn root(mut index: usize) -> usize {
    // The build step rejects cycles; the bound is belt and braces.
    for _ in 0..ENTITIES.len() {
        match ENTITIES[index].parent {
            Some(p) => index = p,
            None => break,
        }
    }
    index
}

/// Finds an entity by its id.
pub fn by_id(id: &str) -> Option<usize> {
    ENTITIES.iter().position(|e| e.id == id)
}
