//! The jurisdiction policy: the user's home country and which countries are of
//! concern (US Data Security Program, EU/EEA adequacy, or a custom list).

use std::fmt;

use serde::{Deserialize, Serialize};

mod tables {
    include!(concat!(env!("OUT_DIR"), "/jurisdictions.rs"));
}
pub use tables::{ADEQUATE, ADEQUATE_PARTIAL, EEA, EU_AS_OF, EU_SOURCE, US_AS_OF, US_OF_CONCERN, US_SOURCE};

/// Which rule decides "of concern".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase", tag = "kind", content = "countries")]
pub enum Preset {
    /// US Data Security Program (28 CFR Part 202) countries of concern.
    Us,
    /// Outside the EEA without a GDPR Art. 45 adequacy decision.
    Eu,
    /// The user's own list.
    Custom(Vec<String>),
}

/// How the policy sees one country (or the lack of one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Jurisdiction {
    /// A loopback or private address: no country.
    Local,
    /// Country not known.
    Unknown,
    /// The user's home country.
    Home,
    /// Another country, not of concern.
    Foreign,
    /// A country the policy names as of concern.
    OfConcern,
}

impl Jurisdiction {
    pub fn label(self) -> &'static str {
        match self {
            Jurisdiction::Local => "local",
            Jurisdiction::Unknown => "unknown",
            Jurisdiction::Home => "home",
            Jurisdiction::Foreign => "foreign",
            Jurisdiction::OfConcern => "of-concern",
        }
    }
}

/// Home country plus preset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Policy {
    /// ISO 3166-1 alpha-2 of the user's home country.
    pub home: String,
    pub preset: Preset,
}

/// A policy the user wrote that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PolicyError {}

/// Upper-cases and checks an ISO 3166-1 alpha-2 code.
pub fn country_code(s: &str) -> Result<String, PolicyError> {
    let c = s.trim().to_ascii_uppercase();
    if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(PolicyError(format!("`{}` is not a two-letter country code (ISO 3166-1 alpha-2, e.g. US, DE)", s.chars().take(20).collect::<String>())))
    }
}

impl Policy {
    /// `preset` is `us`, `eu`, or a comma-separated list of country codes.
    pub fn parse(home: &str, preset: &str) -> Result<Policy, PolicyError> {
        let home = country_code(home)?;
        let preset = match preset.trim().to_ascii_lowercase().as_str() {
            "us" => Preset::Us,
            "eu" | "eea" => Preset::Eu,
            list => {
                let codes = list.split(',').filter(|s| !s.trim().is_empty()).map(country_code).collect::<Result<Vec<_>, _>>()?;
                if codes.is_empty() {
                    return Err(PolicyError("the policy is empty: use `us`, `eu`, or a list such as `CN,RU`".into()));
                }
                Preset::Custom(codes)
            }
        };
        Ok(Policy { home, preset })
    }

    /// The default for a home country: the EU preset inside the EEA, else the US one.
    pub fn for_home(home: &str) -> Result<Policy, PolicyError> {
        let home = country_code(home)?;
        let preset = if EEA.contains(&home.as_str()) { Preset::Eu } else { Preset::Us };
        Ok(Policy { home, preset })
    }

    pub fn is_of_concern(&self, country: &str) -> bool {
        if country == self.home {
            return false;
        }
        match &self.preset {
            Preset::Us => US_OF_CONCERN.contains(&country),
            Preset::Eu => !EEA.contains(&country) && !ADEQUATE.contains(&country),
            Preset::Custom(list) => list.iter().any(|c| c == country),
        }
    }

    /// How the policy sees a country code (`None`: not known).
    pub fn judge(&self, country: Option<&str>) -> Jurisdiction {
        match country {
            None => Jurisdiction::Unknown,
            Some(c) if c == self.home => Jurisdiction::Home,
            Some(c) if self.is_of_concern(c) => Jurisdiction::OfConcern,
            Some(_) => Jurisdiction::Foreign,
        }
    }

    /// A caveat to show next to a country, e.g. a partial adequacy decision.
    pub fn caveat(&self, country: &str) -> Option<&'static str> {
        match self.preset {
            Preset::Eu => ADEQUATE_PARTIAL.iter().find(|(c, _)| *c == country).map(|(_, note)| *note),
            _ => None,
        }
    }

    /// Plain-language name of the rule, for reports.
    pub fn describe(&self) -> String {
        self.describe_in(crate::l10n::english())
    }

    /// The policy in words, in a language.
    pub fn describe_in(&self, l: &crate::l10n::L10n) -> String {
        match &self.preset {
            Preset::Us => l.ta("policy-us", &[("countries", US_OF_CONCERN.join(", ").into()), ("date", US_AS_OF.into())]),
            Preset::Eu => l.ta("policy-eu", &[("date", EU_AS_OF.into())]),
            Preset::Custom(list) => l.ta("policy-custom", &[("countries", list.join(", ").into())]),
        }
    }

    /// The policy a report was judged under, from its view (home and preset,
    /// a custom list read back from its English description).
    pub fn of_view(home: &str, preset: &str, description: &str) -> Option<Policy> {
        let preset = match preset {
            "custom" => description.strip_prefix("custom list: ")?.to_string(),
            other => other.to_string(),
        };
        Policy::parse(home, &preset).ok()
    }

    /// The English words as they were written before the catalogue (the catalogue test compares).
    #[cfg(test)]
    pub(crate) fn describe_literal(&self) -> String {
        match &self.preset {
            Preset::Us => format!("US Data Security Program countries of concern ({}), as of {US_AS_OF}", US_OF_CONCERN.join(", ")),
            Preset::Eu => format!("outside the EEA without a GDPR adequacy decision, as of {EU_AS_OF}"),
            Preset::Custom(list) => format!("custom list: {}", list.join(", ")),
        }
    }

    /// The legal source of the rule, when it has one.
    pub fn source(&self) -> Option<&'static str> {
        match self.preset {
            Preset::Us => Some(US_SOURCE),
            Preset::Eu => Some(EU_SOURCE),
            Preset::Custom(_) => None,
        }
    }

    /// Short name: `us`, `eu` or `custom`.
    pub fn preset_name(&self) -> &'static str {
        match self.preset {
            Preset::Us => "us",
            Preset::Eu => "eu",
            Preset::Custom(_) => "custom",
        }
    }
}

#[cfg(test)]
#[path = "../../tests/unit/judge_policy.rs"]
mod tests;
