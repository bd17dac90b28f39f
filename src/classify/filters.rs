//! Tracker lists: Borderline's platform-telemetry list, then EasyPrivacy and
//! EasyList, matched by Borderline's own matcher (`super::matcher`) over the
//! layout the build step compiles into the `lists.bin` data pack.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::matcher;

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
    platform: Engines,
    general: Engines,
}

/// The engines in `lists.bin`, and each one's lists in list-index order
/// (build/matcher.rs `ENGINES`).
pub const ENGINES: usize = 2;
const PLATFORM_LISTS: &[ListId] = &[ListId::PlatformTelemetry];
const GENERAL_LISTS: &[ListId] = &[ListId::Easyprivacy, ListId::Easylist];

/// One engine of Borderline's matcher and the lists it holds.
struct Engines {
    lists: &'static [ListId],
    engine: matcher::Engine,
}

impl Engines {
    fn verdict(&self, request: &matcher::Prepared, host_only: bool) -> ListVerdict {
        let d = self.engine.decide(request, host_only);
        let matched = if d.flagged() { d.filter.map(|h| self.cite(h)) } else { None };
        ListVerdict { matched, exception: d.exception.map(|h| self.cite(h)) }
    }

    /// The rule as written and where (1-based line in its list file).
    fn cite(&self, hit: matcher::Hit) -> RuleMatch {
        let (rule, list, line) = self.engine.rule(hit);
        RuleMatch { list: self.lists.get(list).copied().unwrap_or(self.lists[0]), rule: rule.to_string(), line: line + 1 }
    }
}

impl FilterLists {
    /// The lists compiled into the binary.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> FilterLists {
        let engines = crate::data::pack::borrowed_sections(crate::data::embedded::LISTS, ENGINES).expect("the embedded filter lists are a pack of two engines");
        FilterLists::from_engines(engines).expect("the embedded filter lists have the layout this build wrote")
    }

    /// The two engines of a `lists.bin` data pack (layout: build/matcher.rs),
    /// each in its own allocation (or borrowed), read in place; an engine of
    /// another shape is an error, not a panic.
    pub fn from_engines(engines: Vec<Cow<'static, [u8]>>) -> Result<FilterLists, String> {
        let [platform, general]: [Cow<'static, [u8]>; ENGINES] = engines.try_into().map_err(|_| "filter lists: a pack of two engines")?;
        Ok(FilterLists {
            platform: Engines { lists: PLATFORM_LISTS, engine: matcher::Engine::from_pack(platform)? },
            general: Engines { lists: GENERAL_LISTS, engine: matcher::Engine::from_pack(general)? },
        })
    }

    fn prepare<'a>(q: &ListQuery<'a>) -> matcher::Prepared<'a> {
        matcher::Prepared::new(q.url, q.host, q.site_host, q.resource_type.filter_name(), q.third_party, q.method)
    }

    /// What the lists say about a whole host (a connection of a packet
    /// capture): only rules that are about the host alone are tried, from
    /// the platform list first and then the general lists.
    pub fn check_host(&self, q: &ListQuery) -> ListVerdict {
        self.check_prepared(&Self::prepare(q), true)
    }

    pub fn check(&self, q: &ListQuery) -> ListVerdict {
        self.check_prepared(&Self::prepare(q), false)
    }

    fn check_prepared(&self, request: &matcher::Prepared, host_only: bool) -> ListVerdict {
        let platform = self.platform.verdict(request, host_only);
        if platform.matched.is_some() {
            return platform;
        }
        let general = self.general.verdict(request, host_only);
        ListVerdict { matched: general.matched, exception: general.exception.or(platform.exception) }
    }
}

pub use super::matcher::layout::is_host_rule;
