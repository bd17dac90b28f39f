//! Render: the report as JSON (versioned contract), CSV (one row per request)
//! and self-contained printable HTML. Every string that came from the network
//! is escaped by the format's own library (serde_json, csv, maud).

mod capture;
mod csv;
mod findings;
pub use findings::findings_in_language;
mod glance;
pub mod history;
mod html;
mod popup;
mod rollup;
mod view;

pub use self::csv::{neutralise, row_cells, rows_to_csv, to_csv, COLUMNS as CSV_COLUMNS, HEADER as CSV_HEADER};
pub use crate::judge::entity_jurisdiction;
pub use capture::{CaptureView, PacketSummary, SubjectView};
pub use glance::{country_label, glance_markup_in, glance_text_in, GlanceBar, GlanceCompany, GlanceView};
pub use html::{to_html, to_html_in};
#[cfg(test)]
pub(crate) use popup::words_for_tests as view_words_for_tests;
pub use popup::{to_popup_html, to_popup_html_in, warning_text, warning_text_in};
pub use view::{
    BinaryView, CountryRollup, DataSourceView, EndpointView, EntityBasis, EntityRef, EntityRollup, EntityView, JurisdictionView, NetworkRollup, PolicyView,
    Report, RuleView, ServerView, Totals, TrackerView, UnidentifiedTracker, UnlocatedView, SCHEMA_VERSION,
};

/// The report as pretty JSON.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("the report serialises (plain data)")
}

/// The JSON Schema of [`Report`], as committed in schema/report.schema.json.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serialises");
    s.push('\n');
    s
}
