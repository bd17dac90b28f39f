//! What a report is about (a site, an app, a device) and what it counts.

use serde::{Deserialize, Serialize};

/// What a report is about: a website (requests its pages made), an app, or a
/// whole device (connections or requests a capture holds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SubjectKind {
    #[default]
    Site,
    App,
    Device,
}

/// What a report counts: HTTP requests (browser, HAR) or connections (packet captures).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Requests,
    Connections,
}

impl Unit {
    /// The counted thing, singular.
    pub fn one(self) -> &'static str {
        match self {
            Unit::Requests => "request",
            Unit::Connections => "connection",
        }
    }
    /// The counted thing, plural.
    pub fn many(self) -> &'static str {
        match self {
            Unit::Requests => "requests",
            Unit::Connections => "connections",
        }
    }
    /// `n` things, in words.
    pub fn count(self, n: u64) -> String {
        format!("{n} {}", if n == 1 { self.one() } else { self.many() })
    }
}

/// The report's subject: its kind, its label (an app's name, a device's
/// model), how it was told, and the unit its counts are in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    pub kind: SubjectKind,
    pub label: Option<String>,
    /// Where the subject came from (e.g. "PCAPdroid app block", "log._tweasel").
    pub basis: Option<String>,
    pub unit: Unit,
}
