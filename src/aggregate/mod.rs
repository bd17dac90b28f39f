//! Aggregate: per-site reports built as requests arrive, mergeable, storable.

mod fold;
mod grade;
mod log;
mod site_report;
pub mod snapshot;
mod subject;

pub use grade::{grade, Grade, GradeInput, GradeReason, Why};
pub use log::{Evicted, RequestRow, MAX_EVICTED, MAX_LOGGED_URL};
pub use site_report::{
    Bounds, EndpointStats, Folded, SentStats, ServerTally, SiteReport, Subject, SubjectKind, Tally, TrackerKind, Unit, Verdict, MAX_ENDPOINTS, MAX_IPS,
    MAX_RULES, MAX_SENT_NAMES,
};
