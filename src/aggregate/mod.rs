//! Aggregate: per-site reports built as requests arrive, mergeable, storable.

mod fold;
mod grade;
mod site_report;
pub mod snapshot;

pub use grade::{grade, Grade, GradeInput, GradeReason};
pub use site_report::{EndpointStats, Folded, RequestRow, SentStats, SiteReport, TrackerEvidence, MAX_ENDPOINTS, MAX_LOGGED_URL, MAX_SENT_NAMES};
