//! Apps a phone capture may name (`data/apps.toml`): the package id, the
//! app's name and the company that publishes it, which decides which hosts
//! are the app's own company's.

use super::entity;

include!(concat!(env!("OUT_DIR"), "/apps.rs"));

/// An app the data names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownApp {
    pub id: &'static str,
    pub name: &'static str,
    /// Index of the publishing company in the entity map.
    pub publisher: usize,
    /// Where the publisher is stated (the app's store listing).
    pub source: &'static str,
}

/// The app with this package id. `cut`: the id may be cut short (PCAPdroid's
/// PCAP trailer keeps 19 bytes), so it names an app only when exactly one
/// known id starts with it.
pub fn known_app(package: &str, cut: bool) -> Option<KnownApp> {
    let found = match APPS.binary_search_by(|a| a.0.cmp(package)) {
        Ok(i) => Some(APPS[i]),
        Err(_) if cut && !package.is_empty() => {
            // Candidates sort after the cut id; they all share a publisher
            // or the cut id names none of them. The shortest id is taken
            // (a cut id names its app, not the app's variants).
            let matches: Vec<_> = APPS.iter().filter(|a| a.0.starts_with(package)).collect();
            let first = matches.iter().min_by_key(|a| a.0.len())?;
            matches.iter().all(|a| a.2 == first.2).then_some(**first)
        }
        Err(_) => None,
    }?;
    Some(KnownApp { id: found.0, name: found.1, publisher: entity::by_id(found.2)?, source: found.3 })
}
