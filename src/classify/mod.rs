//! Classify: host → Domain → Party, the tracker verdict from the lists, and the
//! owning Entity with the Domain's Category.

pub mod app;
pub mod domain;
pub mod entity;
pub mod filters;
mod host;
pub mod matcher;
mod party;

pub use entity::{Category, EntityRecord};
pub use filters::{is_host_rule, FilterLists, ListId, ListVerdict, RuleMatch};
pub use host::host_of;
pub use party::Party;

use crate::observe::ResourceType;

/// Why a request is a tracker request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackerVerdict {
    pub category: Category,
    /// The list rule that matched; `None` when the entity map alone classes the
    /// Domain as tracking.
    pub rule: Option<RuleMatch>,
}

/// Everything the classify stage decides about one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub host: String,
    pub domain: String,
    /// The Site: registrable domain of the top-level page.
    pub site: String,
    pub party: Party,
    /// Index into the entity map.
    pub entity: Option<usize>,
    /// The Domain's category in the entity map.
    pub domain_category: Option<Category>,
    pub tracker: Option<TrackerVerdict>,
    /// An exception rule that spared the request, kept for `explain`.
    pub exception: Option<RuleMatch>,
}

/// A URL that cannot be classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassifyError {
    BadUrl,
    BadSiteUrl,
}

impl std::fmt::Display for ClassifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ClassifyError::BadUrl => "the request URL has no valid host",
            ClassifyError::BadSiteUrl => "the page URL has no valid host",
        })
    }
}

/// Classifies one request from its URL and its page URL.
pub fn classify(lists: &FilterLists, url: &str, site_url: &str, resource_type: ResourceType, method: &str) -> Result<Classification, ClassifyError> {
    let host = host_of(url).ok_or(ClassifyError::BadUrl)?;
    let page = Page::of_host(host_of(site_url).ok_or(ClassifyError::BadSiteUrl)?);
    Ok(classify_hosts(lists, url, host, &page, resource_type, method))
}

/// What a request's classification needs to know about its page: the same
/// for every request of a visit, so worked out once per page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub host: String,
    /// The page's Site (its registrable domain).
    pub site: String,
    /// The root entity that owns the Site, if known (cited or listed).
    pub owner_root: Option<usize>,
}

impl Page {
    pub fn of_host(host: String) -> Page {
        let site = domain::registrable_domain(&host).to_string();
        let owner_root = entity::owner_of_domain(&site).map(|o| entity::root(o.entity));
        Page { host, site, owner_root }
    }
}

/// What a host is, seen from a page: its Domain, Party, owning Entity and
/// the Domain's category. The same for every request to the host, so the
/// CSV can state it for a request whose endpoint was folded away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostFacts {
    pub domain: String,
    pub party: Party,
    pub entity: Option<usize>,
    pub domain_category: Option<Category>,
}

impl HostFacts {
    pub fn of(host: &str, page: &Page) -> HostFacts {
        let domain = domain::registrable_domain(host).to_string();
        let owner = entity::owner_of_domain(&domain);
        let party = Party::of(&domain, &page.site, owner.map(|o| entity::root(o.entity)), page.owner_root);
        HostFacts { domain, party, entity: owner.map(|o| o.entity), domain_category: owner.and_then(|o| o.category) }
    }
}

/// Classifies a request whose host and page are already worked out.
pub fn classify_hosts(lists: &FilterLists, url: &str, host: String, page: &Page, resource_type: ResourceType, method: &str) -> Classification {
    classify_with(lists, url, host, page, resource_type, method, false)
}

/// Classifies a connection read from a packet capture by its host name alone
/// (or its server's address, when nothing names it). No URL is known, so
/// only rules about the whole host count: `||host^` with options that do not
/// need a path. A rule about paths is never applied to a connection.
pub fn classify_connection(lists: &FilterLists, host: String, page: &Page) -> Classification {
    let url = match host.parse::<std::net::Ipv6Addr>() {
        Ok(_) => format!("https://[{host}]/"),
        Err(_) => format!("https://{host}/"),
    };
    classify_with(lists, &url, host, page, ResourceType::Other, "GET", true)
}

fn classify_with(lists: &FilterLists, url: &str, host: String, page: &Page, resource_type: ResourceType, method: &str, host_only: bool) -> Classification {
    let HostFacts { domain, party, entity: owner_entity, domain_category } = HostFacts::of(&host, page);
    let site = page.site.clone();
    let query = filters::ListQuery { url, host: &host, site_host: &page.host, resource_type, third_party: domain != site, method };
    let verdict = if host_only { lists.check_host(&query) } else { lists.check(&query) };
    let tracker = match verdict.matched {
        Some(rule) => Some(TrackerVerdict { category: category_for(rule.list, domain_category), rule: Some(rule) }),
        None => domain_category
            .filter(|c| c.is_tracking() && party != Party::FirstParty && verdict.exception.is_none())
            .map(|category| TrackerVerdict { category, rule: None }),
    };
    Classification { host, domain, site, party, entity: owner_entity, domain_category, tracker, exception: verdict.exception }
}

/// The Category of a list match: the platform list is telemetry; for the
/// general lists the entity map's category wins when it is a tracking one.
fn category_for(list: ListId, domain_category: Option<Category>) -> Category {
    match (list, domain_category) {
        (ListId::PlatformTelemetry, _) => Category::Telemetry,
        (_, Some(c)) if c.is_tracking() => c,
        (ListId::Easyprivacy, _) => Category::Analytics,
        (ListId::Easylist, _) => Category::Advertising,
    }
}

#[cfg(test)]
#[path = "../../tests/unit/classify.rs"]
mod tests;
