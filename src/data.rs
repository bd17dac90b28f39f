//! Provenance of the embedded data, from data/sources.toml (compiled in by the build step).

/// One vendored data source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataSource {
    pub id: &'static str,
    pub name: &'static str,
    pub upstream: &'static str,
    pub version: &'static str,
    pub date: &'static str,
    pub licence: &'static str,
    /// The credit the licence asks for, to show wherever results are shown.
    pub attribution: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/sources.rs"));

pub mod pack;

/// The data packs compiled into native builds.
#[cfg(feature = "embedded-data")]
pub mod embedded {
    /// The filter engines (platform telemetry, then the general lists).
    pub static LISTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lists.bin"));
    /// The IP tables: country v4, country v6, ASN v4, ASN v6, ASN names.
    pub static LOCATIONS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/locations.bin"));
}

/// The name of a data source by its id (the id itself if unknown).
pub fn source_name(id: &str) -> &str {
    DATA_SOURCES.iter().find(|s| s.id == id).map_or(id, |s| s.name)
}
