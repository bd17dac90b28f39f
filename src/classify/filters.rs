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
    platform: Engines,
    general: Engines,
}

/// Each engine's lists in source-index order (build/filters.rs `ENGINES`).
const PLATFORM_LISTS: &[ListId] = &[ListId::PlatformTelemetry];
const GENERAL_LISTS: &[ListId] = &[ListId::Easyprivacy, ListId::Easylist];

/// One optimised engine and its attribution engine (build/filters.rs): the
/// first decides, the second names a rule the optimiser fused.
struct Engines {
    lists: &'static [ListId],
    main: adblock::Engine,
    attribution: adblock::Engine,
    /// Per list, for each engine: the list file's 0-based line of each rule,
    /// by the engine's own line number.
    main_lines: Vec<Vec<u32>>,
    attribution_lines: Vec<Vec<u32>>,
}

fn load(bytes: &[u8]) -> Result<adblock::Engine, String> {
    let mut engine = adblock::Engine::default();
    engine.deserialize(bytes).map_err(|e| format!("filter engine: {e:?}"))?;
    Ok(engine)
}

fn line_map(bytes: &[u8]) -> Result<Vec<u32>, String> {
    if !bytes.len().is_multiple_of(4) {
        return Err("filter lists: a line map is not whole u32s".into());
    }
    Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

impl Engines {
    /// Reads one engine's sections: main, attribution, then the line maps.
    fn read(sections: &[&[u8]], lists: &'static [ListId]) -> Result<Engines, String> {
        let n = lists.len();
        let maps = |from: usize| sections[from..from + n].iter().map(|b| line_map(b)).collect::<Result<Vec<_>, _>>();
        Ok(Engines { lists, main: load(sections[0])?, attribution: load(sections[1])?, main_lines: maps(2)?, attribution_lines: maps(2 + n)? })
    }

    /// Sections one engine takes in the pack.
    fn sections(lists: &[ListId]) -> usize {
        2 + 2 * lists.len()
    }

    fn verdict(&self, request: &adblock::request::Request) -> ListVerdict {
        let r = self.main.check_network_request(request);
        let flagged = r.filter.is_some() && (r.exception.is_none() || r.important);
        let fused = |i: &Option<adblock::sourcemap::FilterRuleDebugInfo>| i.as_ref().is_some_and(|i| i.source_location.is_none());
        let (mut by_attribution, mut exception_by_attribution) = (None, None);
        if (flagged && fused(&r.filter)) || fused(&r.exception) {
            let a = self.attribution.check_network_request_subset(request, false, true);
            by_attribution = a.filter.and_then(|i| self.cite(i, &self.attribution_lines));
            exception_by_attribution = a.exception.and_then(|i| self.cite(i, &self.attribution_lines));
        }
        let matched = if flagged { r.filter.and_then(|i| self.cite(i, &self.main_lines)).or(by_attribution) } else { None };
        let exception = r.exception.and_then(|i| self.cite(i, &self.main_lines)).or(exception_by_attribution);
        ListVerdict { matched, exception }
    }

    /// The rule as written and where: the engine's line number is mapped back
    /// to the list file's (1-based). `None` for a fused rule.
    fn cite(&self, info: adblock::sourcemap::FilterRuleDebugInfo, lines: &[Vec<u32>]) -> Option<RuleMatch> {
        let location = info.source_location?;
        let i = location.source_index as usize;
        let line = *lines.get(i)?.get(location.line_number as usize)?;
        Some(RuleMatch { list: *self.lists.get(i)?, rule: info.raw_line.unwrap_or_default(), line: line + 1 })
    }
}

impl FilterLists {
    /// Loads the engines compiled into the binary.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> FilterLists {
        FilterLists::from_pack(crate::data::embedded::LISTS).expect("the embedded filter engines deserialise (same crate version built them)")
    }

    /// Loads the `lists.bin` data pack (layout: build/filters.rs); a corrupt
    /// or foreign pack is an error, not a panic.
    pub fn from_pack(pack: &[u8]) -> Result<FilterLists, String> {
        let (p, g) = (Engines::sections(PLATFORM_LISTS), Engines::sections(GENERAL_LISTS));
        let ranges = crate::data::pack::sections(pack, p + g)?;
        let s: Vec<&[u8]> = ranges.into_iter().map(|r| &pack[r]).collect();
        super::domain::install_resolver();
        Ok(FilterLists { platform: Engines::read(&s[..p], PLATFORM_LISTS)?, general: Engines::read(&s[p..], GENERAL_LISTS)? })
    }

    /// What the lists say about a whole host (a connection of a packet
    /// capture): only rules that are about the host alone count, from the
    /// platform list first and then the general lists.
    pub fn check_host(&self, q: &ListQuery) -> ListVerdict {
        let request = adblock::request::Request::preparsed(q.url, q.host, q.site_host, q.resource_type.filter_name(), q.third_party, q.method);
        let host_only =
            |v: ListVerdict| ListVerdict { matched: v.matched.filter(|m| is_host_rule(&m.rule)), exception: v.exception.filter(|m| is_host_rule(&m.rule)) };
        let platform = host_only(self.platform.verdict(&request));
        if platform.matched.is_some() {
            return platform;
        }
        let general = host_only(self.general.verdict(&request));
        ListVerdict { matched: general.matched, exception: general.exception.or(platform.exception) }
    }

    pub fn check(&self, q: &ListQuery) -> ListVerdict {
        let request = adblock::request::Request::preparsed(q.url, q.host, q.site_host, q.resource_type.filter_name(), q.third_party, q.method);
        let platform = self.platform.verdict(&request);
        if platform.matched.is_some() {
            return platform;
        }
        let general = self.general.verdict(&request);
        ListVerdict { matched: general.matched, exception: general.exception.or(platform.exception) }
    }
}

/// Whether a rule is about a whole host, so it can judge a connection whose
/// URL is not known: `||host^` (or `||host/`, `||host^|`), or a regular
/// expression anchored at the scheme that ends with the host (and port):
/// `/^https?:\/\/HOST-PATTERN(?::[0-9]+)?\//`. Any options.
pub fn is_host_rule(rule: &str) -> bool {
    let rule = rule.strip_prefix("@@").unwrap_or(rule);
    if let Some(body) = rule.strip_prefix('/') {
        // A regex rule: `/…/` then options; the pattern must stop at the first `/` after the host.
        let Some(end) = body.rfind('/') else { return false };
        let pattern = &body[..end];
        let Some(host) = pattern.strip_prefix("^https?:\\/\\/").or_else(|| pattern.strip_prefix("^https:\\/\\/")) else { return false };
        let Some(host) = host.strip_suffix("\\/") else { return false };
        // Nothing in the host part may match a `/`: no unescaped `/`, no `.`-star that could run into a path.
        return !host.contains("\\/") && !host.contains(".*") && !host.contains(".+") && !host.contains("[^");
    }
    let pattern = rule.split_once('$').map_or(rule, |(p, _)| p);
    let Some(rest) = pattern.strip_prefix("||") else { return false };
    let host = rest.strip_suffix("^|").or_else(|| rest.strip_suffix('^')).or_else(|| rest.strip_suffix('/')).unwrap_or(rest);
    !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
}
