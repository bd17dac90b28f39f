//! The wasm binding: converts at the boundary and calls the core; no logic of
//! its own. One stateful facade, [`Core`], holds the analyzer and one visit
//! (a `SiteReport`) per browser tab.
//!
//! Strings and numbers cross the boundary, not objects: the hot path
//! (`observe`) takes plain arguments and returns a bit set.

use std::collections::HashMap;

use borderline::aggregate::{snapshot, RequestRow, SiteReport};
use borderline::judge::{Jurisdiction, Policy};
use borderline::locate::OverlayEntry;
use borderline::observe::{Request, ResourceType};
use borderline::render::{self, entity_jurisdiction, Report};
use borderline::{classify, Analyzer, Reports};
use wasm_bindgen::prelude::*;

#[cfg(feature = "captures")]
mod capture;
mod packs;
#[cfg(feature = "captures")]
pub use capture::{HarReader, HarSession, PacketFeed};
use packs::JsBytes;

/// Bits returned by [`Core::observe`].
pub mod flags {
    /// The request was recorded.
    pub const RECORDED: u32 = 1;
    /// It is a tracker request.
    pub const TRACKER: u32 = 2;
    /// Its server is registered in a country of concern.
    pub const SERVER_OF_CONCERN: u32 = 4;
    /// Its controlling company (or parent) is based in a country of concern.
    pub const ENTITY_OF_CONCERN: u32 = 8;
    /// The first request of this visit to this host.
    pub const NEW_ENDPOINT: u32 = 16;
    /// Platform telemetry (the platform-telemetry list matched).
    pub const TELEMETRY: u32 = 32;
    /// A tracker by the entity map alone: no list rule matched ([`Core::check`] only).
    pub const ENTITY_MAP: u32 = 64;
    /// Rows left the tab's in-memory log: take them with [`Core::take_evicted`](super::Core::take_evicted).
    pub const EVICTED: u32 = 128;
    /// The request has a server address but the IP tables are not read yet,
    /// so [`SERVER_OF_CONCERN`] was not decided: ask
    /// [`Core::server_flags`](super::Core::server_flags) once they are.
    pub const UNLOCATED: u32 = 256;
}

/// How many request rows a tab keeps for the CSV export (counts stay complete).
const TAB_LOG_CAP: u64 = 2_000;

#[wasm_bindgen]
pub struct Core {
    analyzer: Analyzer,
    policy: Policy,
    tabs: HashMap<i32, Reports>,
    /// What the last observed request sent (JSON: names, never values), for the journal.
    last_fields: String,
    /// The language the popup, the banner and the HTML export are written in.
    lang: Option<&'static borderline::l10n::L10n>,
}

impl Core {
    /// Anything that states a location waits for the IP tables: a report made
    /// without them would call every server's location unknown.
    fn located(&self) -> Result<(), JsError> {
        if self.analyzer.locator().is_loaded() {
            Ok(())
        } else {
            Err(err("the IP tables are not read yet (Core.setLocations)"))
        }
    }

    /// The reader's catalogue.
    fn l(&self) -> &'static borderline::l10n::L10n {
        self.lang.unwrap_or_else(borderline::l10n::english)
    }
}

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

#[wasm_bindgen]
impl Core {
    /// `lists` and `locations`: the `lists.bin` and `locations.bin` data packs
    /// shipped beside the module (a bad pack is an error). `locations` may come
    /// later ([`Core::set_locations`]): the extension wakes on the lists alone,
    /// because recording a request needs no location. Until then nothing that
    /// states a location is made (reports, exports, warnings, badges are an
    /// error), and [`Core::observe`] flags requests it could not judge.
    /// `overlay_json`: optional `[{"network","prefix","country","asn","organisation"}]`
    /// rows consulted before the IP tables (test builds only).
    #[wasm_bindgen(constructor)]
    pub fn new(lists: &js_sys::Uint8Array, locations: Option<js_sys::Uint8Array>, overlay_json: Option<String>) -> Result<Core, JsError> {
        let mut analyzer = Analyzer::from_lists(&JsBytes(lists)).map_err(err)?;
        if let Some(json) = overlay_json.filter(|j| !j.trim().is_empty()) {
            let overlay: Vec<OverlayEntry> = serde_json::from_str(&json).map_err(err)?;
            analyzer = analyzer.with_overlay(overlay);
        }
        if let Some(locations) = &locations {
            analyzer.load_locations(&JsBytes(locations)).map_err(err)?;
        }
        Ok(Core { analyzer, policy: Policy::for_home("US").map_err(err)?, tabs: HashMap::new(), last_fields: String::new(), lang: None })
    }

    /// Reads the `locations.bin` pack (the IP tables) into a core made from
    /// the lists alone. A bad pack is an error and changes nothing.
    #[wasm_bindgen(js_name = setLocations)]
    pub fn set_locations(&mut self, locations: &js_sys::Uint8Array) -> Result<(), JsError> {
        self.analyzer.load_locations(&JsBytes(locations)).map_err(err)
    }

    /// Whether the IP tables are read (see [`Core::set_locations`]).
    #[wasm_bindgen(js_name = hasLocations)]
    pub fn has_locations(&self) -> bool {
        self.analyzer.locator().is_loaded()
    }

    /// [`flags::SERVER_OF_CONCERN`] when a server at `ip` is registered in a
    /// country of concern under the current policy, else 0: for requests
    /// [`Core::observe`] flagged [`flags::UNLOCATED`], once the tables are read.
    #[wasm_bindgen(js_name = serverFlags)]
    pub fn server_flags(&self, ip: &str) -> Result<u32, JsError> {
        self.located()?;
        let of_concern = ip.trim_matches(['[', ']']).parse().is_ok_and(|ip| self.analyzer.server_of_concern(ip, &self.policy));
        Ok(if of_concern { flags::SERVER_OF_CONCERN } else { 0 })
    }

    /// Sets the home country and preset (`us`, `eu`, or `CC,CC`).
    /// The reader's languages, most wanted first (the browser's UI language,
    /// or the one chosen in the options); returns the tag of the catalogue
    /// chosen ("en" when none of them is shipped).
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, wanted: Vec<String>) -> String {
        self.lang = Some(borderline::l10n::negotiate(&wanted).0);
        self.language()
    }

    /// The tag of the catalogue in use.
    pub fn language(&self) -> String {
        self.l().tag().to_string()
    }

    /// "rtl" or "ltr": the direction of the catalogue in use.
    #[wasm_bindgen(js_name = languageDir)]
    pub fn language_dir(&self) -> String {
        self.l().dir().to_string()
    }

    /// The shipped languages as JSON: `[[tag, name in that language], …]`.
    #[wasm_bindgen(js_name = languagesJson)]
    pub fn languages_json(&self) -> String {
        let list = borderline::l10n::languages();
        serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
    }

    #[wasm_bindgen(js_name = setPolicy)]
    pub fn set_policy(&mut self, home: &str, preset: &str) -> Result<(), JsError> {
        self.policy = Policy::parse(home, preset).map_err(err)?;
        Ok(())
    }

    /// Records one request of a tab; returns [`flags`]. `body` is the request body as
    /// text, when known: the core reads field names from it and keeps no values.
    /// `fields`: instead of a body, what the request sent as [`Core::last_fields`]
    /// gave it when it was first observed (a request replayed from the journal).
    /// `body_bytes`: the body's size, when the text handed over is only its start.
    #[allow(clippy::too_many_arguments)]
    pub fn observe(
        &mut self,
        tab: i32,
        url: &str,
        page_url: &str,
        kind: &str,
        method: &str,
        ip: &str,
        status: u16,
        bytes_sent: f64,
        bytes_received: f64,
        cookies_set: u32,
        time_ms: f64,
        body: Option<String>,
        fields: Option<String>,
        body_bytes: Option<f64>,
    ) -> u32 {
        let mut req = Request::new(url, page_url, ResourceType::from_name(kind));
        req.method = if method.is_empty() { "GET".into() } else { method.to_ascii_uppercase() };
        req.ip = ip.trim_matches(['[', ']']).parse().ok();
        req.status = (status > 0).then_some(status);
        req.bytes_sent = bytes_sent.max(0.0) as u64;
        req.bytes_received = bytes_received.max(0.0) as u64;
        req.cookies_set = cookies_set;
        req.time_ms = time_ms.max(0.0) as u64;
        req.body = body.filter(|b| !b.is_empty());
        req.body_size = body_bytes.filter(|n| n.is_finite() && *n > 0.0).map(|n| n.min(1e15) as u64);
        req.sent = fields.as_deref().filter(|f| !f.is_empty()).and_then(|f| borderline::observe::Sent::from_journal(f).ok());
        self.last_fields.clear();
        let tab = if tab < 0 { self.tab_of_site(page_url).unwrap_or(tab) } else { tab };
        let reports = self.tabs.entry(tab).or_insert_with(|| Reports::new(TAB_LOG_CAP));
        let Some(observed) = self.analyzer.observe(&req, reports) else { return 0 };
        if observed.sent != borderline::observe::Sent::default() {
            self.last_fields = serde_json::to_string(&observed.sent).unwrap_or_default();
        }
        let c = observed.classification;
        let mut f = flags::RECORDED;
        if observed.new_endpoint {
            f |= flags::NEW_ENDPOINT;
        }
        if let Some(t) = &c.tracker {
            f |= flags::TRACKER;
            if t.rule.as_ref().is_some_and(|r| r.list == classify::ListId::PlatformTelemetry) {
                f |= flags::TELEMETRY;
            }
        }
        if let Some(ip) = req.ip {
            if !self.analyzer.locator().is_loaded() {
                f |= flags::UNLOCATED;
            } else if self.analyzer.server_of_concern(ip, &self.policy) {
                f |= flags::SERVER_OF_CONCERN;
            }
        }
        if c.entity.is_some_and(|e| entity_jurisdiction(e, &self.policy) == Jurisdiction::OfConcern) {
            f |= flags::ENTITY_OF_CONCERN;
        }
        if self.tabs.get(&tab).is_some_and(|r| r.sites.get(&c.site).is_some_and(|s| !s.evicted.0.is_empty())) {
            f |= flags::EVICTED;
        }
        f
    }

    /// The rows evicted from the tab's in-memory log since the last call, in
    /// the snapshot format (`[(site, rows)]`), for the shell to keep: the
    /// CSV export reads them back ([`Core::export_with_log`]).
    #[wasm_bindgen(js_name = takeEvicted)]
    pub fn take_evicted(&mut self, tab: i32) -> Vec<u8> {
        let taken: Vec<(String, Vec<RequestRow>)> = self
            .tabs
            .get_mut(&tab)
            .map(|r| r.sites.values_mut().map(|s| (s.site.clone(), s.take_evicted())).filter(|(_, rows)| !rows.is_empty()).collect())
            .unwrap_or_default();
        snapshot::encode(&taken)
    }

    /// Like [`Core::export`], with the rows the shell kept (chunks from
    /// [`Core::take_evicted`]) read back into the CSV: every request of the
    /// visit once, in order. A chunk that cannot be read is skipped; its
    /// requests are then counted in the export's line for missing rows.
    #[wasm_bindgen(js_name = exportWithLog)]
    pub fn export_with_log(&self, tab: i32, format: &str, chunks: js_sys::Array) -> Result<String, JsError> {
        if format != "csv" {
            return self.export(tab, format);
        }
        self.located()?;
        let site = self.visit(tab).ok_or_else(|| err("no requests recorded for this tab yet"))?;
        let mut spilled = Vec::new();
        for chunk in chunks.iter() {
            let bytes = js_sys::Uint8Array::new(&chunk).to_vec();
            if let Ok(parts) = snapshot::decode::<Vec<(String, Vec<RequestRow>)>>(&bytes) {
                spilled.extend(parts.into_iter().filter(|(s, _)| *s == site.site).flat_map(|(_, rows)| rows));
            }
        }
        let report = self.analyzer.report(site, &self.policy);
        Ok(self.analyzer.csv_with(&report, site, spilled, &self.policy))
    }

    /// What the last request given to [`Core::observe`] sent, as counted:
    /// JSON of names, kinds and reasons (never values), or "" when nothing.
    /// The extension journals it, so the request replays the same after a restart.
    #[wasm_bindgen(js_name = lastFields)]
    pub fn last_fields(&self) -> String {
        self.last_fields.clone()
    }

    /// The badge of a tab under the current policy: its tracker endpoints
    /// times two, plus one when any request reached a server or a company of
    /// concern. Worked out from the tab's report, so it is right after a
    /// restart and after a change of policy.
    pub fn badge(&self, tab: i32) -> Result<u32, JsError> {
        self.located()?;
        Ok(self.visit(tab).map_or(0, |s| (s.tracker_endpoints() as u32) << 1 | u32::from(self.analyzer.of_concern(s, &self.policy))))
    }

    /// The lists' verdict alone (host parsing, PSL, both filter engines), with
    /// nothing recorded: [`flags::TRACKER`], [`flags::TELEMETRY`] and
    /// [`flags::ENTITY_MAP`]. The comparative benchmark uses it to time
    /// matching apart from the pipeline, and to explain where its verdicts
    /// differ from the peers'.
    pub fn check(&self, url: &str, page_url: &str, kind: &str) -> u32 {
        let req = Request::new(url, page_url, ResourceType::from_name(kind));
        let Ok(c) = self.analyzer.classify(&req) else { return 0 };
        match c.tracker {
            Some(t) if t.rule.as_ref().is_some_and(|r| r.list == classify::ListId::PlatformTelemetry) => flags::TRACKER | flags::TELEMETRY,
            Some(t) if t.rule.is_none() => flags::TRACKER | flags::ENTITY_MAP,
            Some(_) => flags::TRACKER,
            None => 0,
        }
    }

    /// Forgets a tab's visit (a navigation starts a new one, or the tab closed).
    #[wasm_bindgen(js_name = resetTab)]
    pub fn reset_tab(&mut self, tab: i32) {
        self.tabs.remove(&tab);
    }

    fn visit(&self, tab: i32) -> Option<&SiteReport> {
        self.tabs.get(&tab).and_then(|r| r.busiest().first().copied())
    }

    /// The tab whose visit is on the same Site as `page_url` (service-worker requests).
    fn tab_of_site(&self, page_url: &str) -> Option<i32> {
        let host = classify::host_of(page_url)?;
        let site = classify::domain::registrable_domain(&host);
        self.tabs.iter().filter(|(t, _)| **t >= 0).find(|(_, r)| r.sites.contains_key(site)).map(|(t, _)| *t)
    }

    /// The Site of the tab's visit.
    pub fn site(&self, tab: i32) -> Option<String> {
        self.visit(tab).map(|s| s.site.clone())
    }

    /// The in-page warning about `url`'s endpoint and the first screen in a
    /// line, from one report: `[warning, glance]` ("" where there is none).
    pub fn warning(&self, tab: i32, url: &str) -> Result<Vec<String>, JsError> {
        let Some(report) = self.report(tab)? else { return Ok(vec![String::new(), String::new()]) };
        let text = classify::host_of(url)
            .and_then(|host| report.endpoints.iter().find(|e| e.host == host))
            .map_or_else(String::new, |e| render::warning_text_in(&report, e, self.l()));
        Ok(vec![text, render::glance_text_in(&report.glance, self.l())])
    }

    /// The tab's report, once the IP tables are read.
    fn report(&self, tab: i32) -> Result<Option<Report>, JsError> {
        self.located()?;
        Ok(self.visit(tab).map(|s| self.analyzer.report(s, &self.policy)))
    }

    /// The tab's report as JSON (the versioned contract), or "null".
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self, tab: i32) -> Result<String, JsError> {
        Ok(self.report(tab)?.map_or_else(|| "null".into(), |r| render::to_json(&r)))
    }

    /// The tab's report as `json`, `csv` or `html` (same formats as the CLI).
    pub fn export(&self, tab: i32, format: &str) -> Result<String, JsError> {
        self.located()?;
        let site = self.visit(tab).ok_or_else(|| err("no requests recorded for this tab yet"))?;
        let report = self.analyzer.report(site, &self.policy);
        match format {
            "json" => Ok(render::to_json(&report)),
            "csv" => Ok(self.analyzer.csv(&report, site, &self.policy)),
            "html" => Ok(render::to_html_in(&report, self.l())),
            other => Err(err(format!("unknown export format `{other}`"))),
        }
    }

    /// The popup's markup for the tab (escaped by the core's renderer), in the reader's language.
    #[wasm_bindgen(js_name = popupHtml)]
    pub fn popup_html(&self, tab: i32) -> Result<String, JsError> {
        Ok(self.report(tab)?.map_or_else(String::new, |r| render::to_popup_html_in(&r, self.l())))
    }

    /// Tracker endpoints of the tab's visit (the badge count).
    #[wasm_bindgen(js_name = trackerEndpoints)]
    pub fn tracker_endpoints(&self, tab: i32) -> u32 {
        self.visit(tab).map_or(0, |s| s.tracker_endpoints() as u32)
    }

    /// Requests recorded for the tab (all sites of the visit), skipped ones included.
    pub fn requests(&self, tab: i32) -> f64 {
        self.tabs.get(&tab).map_or(0.0, |r| r.sites.values().map(|s| (s.requests + s.skipped) as f64).sum::<f64>() + r.unattributed as f64)
    }

    /// The tab's state in the versioned binary snapshot form.
    pub fn snapshot(&self, tab: i32) -> Vec<u8> {
        let sites: Vec<SiteReport> = self.tabs.get(&tab).map(|r| r.sites.values().cloned().collect()).unwrap_or_default();
        snapshot::encode(&sites)
    }

    /// Merges a snapshot into the tab's state (restoring after a restart).
    pub fn restore(&mut self, tab: i32, bytes: &[u8]) -> Result<(), JsError> {
        let sites: Vec<SiteReport> = snapshot::decode(bytes).map_err(err)?;
        let reports = self.tabs.entry(tab).or_insert_with(|| Reports::new(TAB_LOG_CAP));
        for s in sites {
            match reports.sites.get_mut(&s.site) {
                Some(existing) => existing.merge(&s),
                None => {
                    reports.sites.insert(s.site.clone(), s);
                }
            }
        }
        Ok(())
    }

    /// Tabs with state, for persistence.
    pub fn tabs(&self) -> Vec<i32> {
        self.tabs.keys().copied().collect()
    }

    /// The tab's visit as a history summary (JSON, no URLs), or "null".
    #[wasm_bindgen(js_name = visitSummary)]
    pub fn visit_summary(&self, tab: i32) -> Result<String, JsError> {
        Ok(self.report(tab)?.map_or_else(|| "null".into(), |r| serde_json::to_string(&render::history::summarize(&r)).unwrap_or_default()))
    }

    /// Like [`Core::visit_summary`], of a visit kept as a [`Core::snapshot`]
    /// (a visit that ended before the IP tables were read: its summary is
    /// made once they are, from the state it had when it ended).
    #[wasm_bindgen(js_name = snapshotSummary)]
    pub fn snapshot_summary(&self, snapshot_bytes: &[u8]) -> Result<String, JsError> {
        self.located()?;
        let mut reports = Reports::new(TAB_LOG_CAP);
        for s in snapshot::decode::<Vec<SiteReport>>(snapshot_bytes).map_err(err)? {
            reports.sites.insert(s.site.clone(), s);
        }
        let summary = reports.busiest().first().map(|s| render::history::summarize(&self.analyzer.report(s, &self.policy)));
        Ok(summary.map_or_else(|| "null".into(), |s| serde_json::to_string(&s).unwrap_or_default()))
    }

    /// The tab's first screen in one line of text, for the in-page banner.
    #[wasm_bindgen(js_name = glanceText)]
    pub fn glance_text(&self, tab: i32) -> Result<String, JsError> {
        Ok(self.report(tab)?.map_or_else(String::new, |r| render::glance_text_in(&r.glance, self.l())))
    }

    /// A kept visit's first screen (its summary as JSON), in the reader's
    /// language: the popup's markup, escaped by the core; "" when the summary
    /// predates first screens or cannot be read.
    #[wasm_bindgen(js_name = historyGlance)]
    pub fn history_glance(&self, summary_json: &str) -> String {
        serde_json::from_str::<render::history::VisitSummary>(summary_json)
            .ok()
            .and_then(|v| render::history::summary_glance_in(&v, self.l()))
            .unwrap_or_default()
    }

    /// "New since your last visit" for the tab, from earlier summaries of its
    /// Site (a JSON array); "" when nothing is new or there is nothing to compare.
    #[wasm_bindgen(js_name = noveltyText)]
    pub fn novelty_text(&self, tab: i32, previous_json: &str) -> Result<String, JsError> {
        let previous: Vec<render::history::VisitSummary> = serde_json::from_str(previous_json).map_err(err)?;
        let Some(report) = self.report(tab)? else { return Ok(String::new()) };
        let current = render::history::summarize(&report);
        let n = render::history::novelty(&previous, &current);
        Ok(if n.is_empty() { String::new() } else { render::history::novelty_text_in(&current.site, &n, self.l()) })
    }

    /// Data sources with versions and licences, as JSON (for the options page).
    #[wasm_bindgen(js_name = dataSourcesJson)]
    pub fn data_sources_json(&self) -> String {
        let list: Vec<serde_json::Value> = borderline::data::DATA_SOURCES
            .iter()
            .map(|d| serde_json::json!({"id": d.id, "name": d.name, "version": d.version, "date": d.date, "licence": d.licence, "attribution": d.attribution}))
            .collect();
        serde_json::Value::Array(list).to_string()
    }
}
