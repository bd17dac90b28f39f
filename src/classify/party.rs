//! Party: how a request's Domain relates to the Site it was made for.

use serde::{Deserialize, Serialize};

/// First-party, same-entity or third-party, relative to the Site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Party {
    /// The request's Domain is the Site itself.
    FirstParty,
    /// Another Domain of the company that owns the Site (tiktokv.com on tiktok.com).
    SameEntity,
    /// Anyone else.
    ThirdParty,
}

impl Party {
    /// `domain` and `site` are registrable domains; the roots are the ultimate
    /// parent entities of each, when the entity map knows them.
    pub fn of(domain: &str, site: &str, domain_root: Option<usize>, site_root: Option<usize>) -> Party {
        if domain.eq_ignore_ascii_case(site) {
            Party::FirstParty
        } else if domain_root.is_some() && domain_root == site_root {
            Party::SameEntity
        } else {
            Party::ThirdParty
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Party::FirstParty => "first-party",
            Party::SameEntity => "same-entity",
            Party::ThirdParty => "third-party",
        }
    }
}
