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
