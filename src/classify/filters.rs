//! Tracker lists: EasyPrivacy, EasyList and Borderline's platform-telemetry
//! list, matched by Brave's `adblock` engine. The engine is compiled and
//! serialised by the build step and only deserialised here.

use serde::{Deserialize, Serialize};

use crate::observe::ResourceType;

static FILTERS_DAT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/filters.dat"));

/// A filter list, in the engine's source-index order (see build/filters.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ListId {
    PlatformTelemetry,
    Easyprivacy,
    Easylist,
}

impl ListId {
    fn from_index(i: u32) -> Option<ListId> {
        [ListId::PlatformTelemetry, ListId::Easyprivacy, ListId::Easylist].get(i as usize).copied()
    }

    /// The list's id in data/sources.toml and in reports.
    pub fn id(self) -> &'static str {
        match self {
            ListId::PlatformTelemetry => "platform-telemetry",
            ListId::Easyprivacy => "easyprivacy",
            ListId::Easylist => "easylist",
        }
    }
}

/// A rule that matched, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleMatch {
    pub list: ListId,
    /// The rule exactly as written in the list.
    pub rule: String,
    /// 1-based line in the list file.
    pub line: u32,
}

/// What the lists say about one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListVerdict {
    /// The rule that flags the request, unless an exception rule overrides it.
    pub matched: Option<RuleMatch>,
    /// An exception (`@@`) rule that matched, even when nothing was flagged.
    pub exception: Option<RuleMatch>,
}

/// What a request looks like to the lists.
pub struct ListQuery<'a> {
    pub url: &'a str,
    pub host: &'a str,
    pub site_host: &'a str,
    pub resource_type: ResourceType,
    pub third_party: bool,
    pub method: &'a str,
}

/// The compiled lists.
pub struct FilterLists {
    engine: adblock::Engine,
}

impl FilterLists {
    /// Loads the engine compiled into the binary.
    pub fn embedded() -> FilterLists {
        FilterLists::from_bytes(FILTERS_DAT).expect("the embedded filter engine deserialises (same crate version built it)")
    }

    /// Loads a serialised engine; a corrupt buffer is an error, not a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<FilterLists, String> {
        // One PSL for everyone: the engine asks ours. Setting it twice is harmless.
        let _ = adblock::url_parser::set_domain_resolver(Box::new(super::domain::Resolver));
        let mut engine = adblock::Engine::default();
        engine.deserialize(bytes).map_err(|e| format!("filter engine: {e:?}"))?;
        Ok(FilterLists { engine })
    }

    pub fn check(&self, q: &ListQuery) -> ListVerdict {
        let request = adblock::request::Request::preparsed(q.url, q.host, q.site_host, q.resource_type.filter_name(), q.third_party, q.method);
        let result = self.engine.check_network_request(&request);
        let exception = result.exception.and_then(to_match);
        let matched = if exception.is_some() && !result.important { None } else { result.filter.and_then(to_match) };
        ListVerdict { matched, exception }
    }
}

fn to_match(info: adblock::sourcemap::FilterRuleDebugInfo) -> Option<RuleMatch> {
    let location = info.source_location?;
    Some(RuleMatch {
        list: ListId::from_index(location.source_index)?,
        rule: info.raw_line.unwrap_or_default(),
        line: location.line_number + 1,
    })
}
