//! Observe: what one network request looked like, built from browser events or
//! from HAR entries. No judgement happens here.

mod har;
pub mod packets;
mod request;
pub mod sent;

pub use har::{read_har, AppCapture, HarCapture, HarError};
pub use request::{Request, ResourceType};
pub use sent::{BinaryBody, Sent, SentField, SentKind, SentReason};
