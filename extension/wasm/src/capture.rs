//! The HAR facade for www/: the data loaded once per page (`HarReader`), each
//! capture read once (`HarSession`), then reported per Site and policy on
//! demand. Same core calls as the CLI, so the exports are identical.

use std::rc::Rc;

use borderline::aggregate::Bounds;
use borderline::judge::Policy;
use borderline::observe::packets::pcapdroid_csv::{self, read_connections_csv};
use borderline::observe::packets::{Format, PacketReader};
use borderline::observe::read_har;
use borderline::render;
use borderline::{Analyzer, Reports};
use wasm_bindgen::prelude::*;

use crate::packs::JsBytes;

/// The core's data, loaded once per page: every capture opened after the
/// first is read without deserialising the engines or checking the tables again.
#[wasm_bindgen]
pub struct HarReader {
    analyzer: Rc<Analyzer>,
}

#[wasm_bindgen]
impl HarReader {
    /// `lists` and `locations` are the data packs, as for `Core`; a bad pack
    /// is an error naming it.
    #[wasm_bindgen(constructor)]
    pub fn new(lists: &js_sys::Uint8Array, locations: &js_sys::Uint8Array) -> Result<HarReader, JsError> {
        Ok(HarReader { analyzer: Rc::new(Analyzer::from_packs(&JsBytes(lists), &JsBytes(locations)).map_err(err)?) })
    }

    /// Reads a HAR document; `progress(done, total)` is called as entries are
    /// read. A file that is not HAR, or truncated, is an error naming the problem.
    pub fn open(&self, text: &str, progress: Option<js_sys::Function>) -> Result<HarSession, JsError> {
        let capture = read_har(text.strip_prefix('\u{feff}').unwrap_or(text), |done, total| {
            if let Some(f) = &progress {
                let _ = f.call2(&JsValue::NULL, &JsValue::from(done as f64), &JsValue::from(total as f64));
            }
        })
        .map_err(err)?;
        let reports = self.analyzer.observe_capture(&capture, Bounds::UNBOUNDED);
        if reports.sites.is_empty() {
            return Err(err(format!("the capture has no usable requests ({} entries could not be read)", capture.skipped)));
        }
        Ok(HarSession { analyzer: Rc::clone(&self.analyzer), reports, info: render::CaptureView::of(&capture), skip_reasons: capture.skip_reasons })
    }

    /// Reports on PCAPdroid's connections CSV (one row per connection).
    #[wasm_bindgen(js_name = openConnections)]
    pub fn open_connections(&self, bytes: &[u8]) -> Result<HarSession, JsError> {
        let capture = read_connections_csv(bytes).map_err(err)?;
        let reports = self.analyzer.observe_packets(&capture, Bounds::UNBOUNDED);
        let skip_reasons = capture.notes.clone();
        Ok(HarSession { analyzer: Rc::clone(&self.analyzer), reports, info: render::CaptureView::of_packets(&capture), skip_reasons })
    }

    /// Reports on a packet capture fed chunk by chunk into `feed` (PCAP or
    /// PCAPNG): one subject per app the capture names, or this device.
    #[wasm_bindgen(js_name = openPackets)]
    pub fn open_packets(&self, feed: &mut PacketFeed) -> Result<HarSession, JsError> {
        let reader = feed.reader.take().ok_or_else(|| err("this packet capture was already opened"))?;
        let capture = reader.finish().map_err(err)?;
        let reports = self.analyzer.observe_packets(&capture, Bounds::UNBOUNDED);
        if reports.sites.is_empty() {
            return Err(err("the packet capture holds no connections"));
        }
        let skip_reasons = capture.stopped.iter().cloned().collect();
        Ok(HarSession { analyzer: Rc::clone(&self.analyzer), reports, info: render::CaptureView::of_packets(&capture), skip_reasons })
    }
}

/// A packet capture as it is read, a slice of the file at a time (so a
/// 200 MB capture never sits whole in memory).
#[wasm_bindgen]
pub struct PacketFeed {
    reader: Option<PacketReader>,
}

impl Default for PacketFeed {
    fn default() -> Self {
        PacketFeed::new()
    }
}

#[wasm_bindgen]
impl PacketFeed {
    #[wasm_bindgen(constructor)]
    pub fn new() -> PacketFeed {
        PacketFeed { reader: Some(PacketReader::new()) }
    }

    /// Whether a file's first bytes are a packet capture's (else it is read as HAR).
    #[wasm_bindgen(js_name = isPacketCapture)]
    pub fn is_packet_capture(head: &[u8]) -> bool {
        Format::sniff(head).is_some()
    }

    /// Whether a file's first bytes are PCAPdroid's connections CSV.
    #[wasm_bindgen(js_name = isConnectionsCsv)]
    pub fn is_connections_csv(head: &[u8]) -> bool {
        pcapdroid_csv::sniff(head)
    }

    /// Feeds the next slice of the file; an error only when the file is not a packet capture at all.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        self.reader.as_mut().ok_or_else(|| err("this packet capture was already opened"))?.push(chunk).map_err(err)
    }

    /// Connections seen so far.
    pub fn connections(&self) -> usize {
        self.reader.as_ref().map_or(0, PacketReader::connections)
    }
}

/// One capture, read.
#[wasm_bindgen]
pub struct HarSession {
    analyzer: Rc<Analyzer>,
    reports: Reports,
    info: render::CaptureView,
    skip_reasons: Vec<String>,
}

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

#[wasm_bindgen]
impl HarSession {
    /// The capture's Sites (or apps), busiest first, as JSON: `[{"site", "requests", "unit"}]`.
    #[wasm_bindgen(js_name = sitesJson)]
    pub fn sites_json(&self) -> String {
        let list: Vec<serde_json::Value> = self
            .reports
            .busiest()
            .iter()
            .map(|s| serde_json::json!({"site": s.site, "requests": s.requests, "unit": s.subject.unit.many(), "label": s.subject.label}))
            .collect();
        serde_json::Value::Array(list).to_string()
    }

    /// Why entries were skipped (the first few).
    #[wasm_bindgen(js_name = skipReasons)]
    pub fn skip_reasons(&self) -> Vec<String> {
        self.skip_reasons.clone()
    }

    /// The report of `site` (or the busiest) under a policy, as `json`, `csv`,
    /// `html` (printable export) or `view` (the on-page markup, as in the
    /// popup, its first screen included).
    /// `lang`: the reader's languages, most wanted first (absent: English);
    /// JSON and CSV are the same in every language.
    pub fn render(&self, site: Option<String>, home: &str, preset: &str, format: &str, lang: Option<Vec<String>>) -> Result<String, JsError> {
        let policy = Policy::parse(home, preset).map_err(err)?;
        let l = borderline::l10n::negotiate(&lang.unwrap_or_default()).0;
        let site = self.reports.pick(site.as_deref()).map_err(err)?;
        let mut report = self.analyzer.report(&site, &policy);
        report.capture = Some(self.info.clone());
        match format {
            "json" => Ok(render::to_json(&report)),
            "csv" => Ok(self.analyzer.csv(&report, &site, &policy)),
            "html" => Ok(render::to_html_in(&report, l)),
            "view" => Ok(render::to_popup_html_in(&report, l)),
            other => Err(err(format!("unknown format `{other}`"))),
        }
    }
}

/// The report page's own words in the reader's language (most wanted first):
/// JSON `{"lang": tag, "dir": "ltr"|"rtl", "messages": {id: text}}`. The page
/// sets them as text, never as markup.
#[wasm_bindgen(js_name = pageMessages)]
pub fn page_messages(wanted: Vec<String>) -> String {
    let l = borderline::l10n::negotiate(&wanted).0;
    let messages: serde_json::Map<String, serde_json::Value> = l.page_messages().into_iter().map(|(id, text)| (id, serde_json::Value::String(text))).collect();
    serde_json::json!({ "lang": l.tag(), "dir": l.dir(), "messages": messages }).to_string()
}
