//! Borderline's core: turns observed network requests into a per-site privacy
//! report — who is watching, where the data goes, what was sent.
//!
//! Pure Rust with no I/O, no clock and no browser API: the CLI and the wasm
//! binding are thin shells over it. The stages, one module each, in the order
//! data flows: [`observe`] → [`classify`] → [`locate`] → [`judge`] →
//! [`aggregate`] → [`render`]. [`Analyzer`] runs them together.

pub mod aggregate;
mod analyzer;
pub mod classify;
pub mod data;
pub mod judge;
pub mod l10n;
pub mod locate;
pub mod observe;
pub mod render;

pub use analyzer::{Analyzer, Observed, Reports};
