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

/// The app with this package id. A package id cut short (PCAPdroid's PCAP
/// trailer keeps 19 bytes) names no app: many packages share a prefix
/// (`com.google.android.` is Play Services, Gmail, Maps… as well as
/// YouTube), so only an exact id is looked up.
pub fn known_app(package: &str) -> Option<KnownApp> {
    let i = APPS.binary_search_by(|a| a.0.cmp(package)).ok()?;
    let found = APPS[i];
    Some(KnownApp { id: found.0, name: found.1, publisher: entity::by_id(found.2)?, source: found.3 })
}
