//! Aggregate: per-site reports built as requests arrive, mergeable, storable.

mod fold;
mod grade;
mod site_report;
pub mod snapshot;

pub use grade::{grade, Grade, GradeInput, GradeReason};
pub use site_report::{
    Bounds, EndpointStats, Evicted, Folded, RequestRow, SentStats, ServerTally, SiteReport, Tally, TrackerKind, Verdict, MAX_ENDPOINTS, MAX_EVICTED, MAX_IPS,
    MAX_LOGGED_URL, MAX_RULES, MAX_SENT_NAMES,
};
