//! Tracker lists: Borderline's platform-telemetry list, then EasyPrivacy and
//! EasyList, matched by Brave's `adblock` engine. The engines are compiled and
//! serialised by the build step (build/filters.rs) into the `lists.bin` data
//! pack and only deserialised here.

use serde::{Deserialize, Serialize};

use crate::observe::ResourceType;

/// A filter list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ListId {
    PlatformTelemetry,
    Easyprivacy,
    Easylist,
}

impl ListId {
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

/// The compiled lists: the platform list first, then the general ones.
pub struct FilterLists {
    platform: adblock::Engine,
    general: adblock::Engine,
    /// Per list (in `ListId` order): the list file's 0-based line of each
    /// network rule the engine holds, by the engine's own line number.
    lines: [Vec<u32>; 3],
}

/// Each engine's lists in source-index order (build/filters.rs `ENGINES`).
const PLATFORM_LISTS: &[ListId] = &[ListId::PlatformTelemetry];
const GENERAL_LISTS: &[ListId] = &[ListId::Easyprivacy, ListId::Easylist];

fn load(bytes: &[u8]) -> Result<adblock::Engine, String> {
    let mut engine = adblock::Engine::default();
    engine.deserialize(bytes).map_err(|e| format!("filter engine: {e:?}"))?;
    Ok(engine)
}

impl FilterLists {
    /// Loads the engines compiled into the binary.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> FilterLists {
        FilterLists::from_pack(crate::data::embedded::LISTS).expect("the embedded filter engines deserialise (same crate version built them)")
    }

    /// Loads the `lists.bin` data pack (build/filters.rs: two engines, then a
    /// line map per list); a corrupt or foreign pack is an error, not a panic.
    pub fn from_pack(pack: &[u8]) -> Result<FilterLists, String> {
        let s = crate::data::pack::sections(pack, 5)?;
        let map = |i: usize| -> Result<Vec<u32>, String> {
            let bytes = &pack[s[i].clone()];
            if !bytes.len().is_multiple_of(4) {
                return Err("filter lists: a line map is not whole u32s".into());
            }
            Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
        };
        super::domain::install_resolver();
        let lines = [map(2)?, map(3)?, map(4)?];
        Ok(FilterLists { platform: load(&pack[s[0].clone()])?, general: load(&pack[s[1].clone()])?, lines })
    }

    pub fn check(&self, q: &ListQuery) -> ListVerdict {
        let request = adblock::request::Request::preparsed(q.url, q.host, q.site_host, q.resource_type.filter_name(), q.third_party, q.method);
        let platform = self.verdict(&self.platform, &request, PLATFORM_LISTS);
        if platform.matched.is_some() {
            return platform;
        }
        let general = self.verdict(&self.general, &request, GENERAL_LISTS);
        ListVerdict { matched: general.matched, exception: general.exception.or(platform.exception) }
    }

    fn verdict(&self, engine: &adblock::Engine, request: &adblock::request::Request, lists: &[ListId]) -> ListVerdict {
        let result = engine.check_network_request(request);
        let exception = result.exception.and_then(|i| self.to_match(i, lists));
        let matched = if exception.is_some() && !result.important { None } else { result.filter.and_then(|i| self.to_match(i, lists)) };
        ListVerdict { matched, exception }
    }

    /// The rule as written and where: the engine's line number is mapped back
    /// to the list file's (1-based).
    fn to_match(&self, info: adblock::sourcemap::FilterRuleDebugInfo, lists: &[ListId]) -> Option<RuleMatch> {
        let location = info.source_location?;
        let list = *lists.get(location.source_index as usize)?;
        let line = *self.lines[list as usize].get(location.line_number as usize)?;
        Some(RuleMatch { list, rule: info.raw_line.unwrap_or_default(), line: line + 1 })
    }
}
