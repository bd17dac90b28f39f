//! The pipeline in one place: observe → classify → locate → judge → aggregate
//! → render, over the data compiled at build time (embedded in native builds,
//! loaded from the data packs in wasm). Shells (CLI, wasm) hold one `Analyzer`
//! and feed it requests.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::aggregate::{Bounds, SiteReport, Subject, SubjectKind, Unit};
use crate::classify::filters::ENGINES;
use crate::classify::{self, entity, Classification, ClassifyError, FilterLists};
use crate::data::pack::{self, PackSource};
use crate::judge::{entity_jurisdiction, server_jurisdiction, Policy};
use crate::locate::{Locator, OverlayEntry};
use crate::observe::packets::PacketCapture;
use crate::observe::{HarCapture, Request};
use crate::render::Report;

/// Loaded lists and tables; cheap to query, built once.
pub struct Analyzer {
    lists: FilterLists,
    locator: Locator,
}

/// What [`Analyzer::observe`] decided about one recorded request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    pub classification: Classification,
    /// The first request of this Site's report to this host.
    pub new_endpoint: bool,
    /// What it sent, as counted: names, kinds and reasons, never values.
    pub sent: crate::observe::Sent,
}

/// The subject of a packet capture's connections made by app `uid`: its
/// key, what it is, and the "page" its hosts' party is judged against (the
/// publisher's company when the app is known, else no one's).
fn packet_subject(capture: &PacketCapture, uid: Option<i32>) -> (String, Subject, classify::Page) {
    let unit = Unit::Connections;
    let app = uid.and_then(|u| capture.apps.get(&u));
    match app {
        Some(app) => {
            // A name the trailer cut short names no app for sure: kept as cut, per uid, with no publisher.
            let known = if app.cut { None } else { classify::app::known_app(&app.package) };
            let key = if app.cut { format!("{}… (uid {})", app.package, app.uid) } else { app.package.clone() };
            let label = app.label.clone().or_else(|| known.map(|k| k.name.to_string()));
            let basis = if app.cut {
                format!(
                    "PCAPdroid packet trailer (uid {}); it keeps 19 bytes of the package name, {}, so which app and publisher is not known",
                    app.uid, app.package
                )
            } else {
                format!("PCAPdroid app block (uid {})", app.uid)
            };
            let page = classify::Page { host: String::new(), site: key.clone(), owner_root: known.map(|k| entity::root(k.publisher)) };
            (key, Subject { kind: SubjectKind::App, label, basis: Some(basis), unit }, page)
        }
        None => {
            let key = "this device".to_string();
            let label = capture.device.clone();
            let basis = match uid {
                Some(u) => format!("the capture names no app for uid {u}"),
                None => "the capture names no app".to_string(),
            };
            let page = classify::Page { host: String::new(), site: key.clone(), owner_root: None };
            (key, Subject { kind: SubjectKind::Device, label, basis: Some(basis), unit }, page)
        }
    }
}

/// Reports for every Site seen, keyed by Site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reports {
    pub sites: BTreeMap<String, SiteReport>,
    /// Requests whose page URL had no valid host, so no Site to file them under.
    pub unattributed: u64,
    /// Capture entries that could not be read at all (not attributable to a Site).
    pub unreadable: u64,
    /// How much each site's report keeps (rows for the CSV, endpoints in detail).
    pub bounds: Bounds,
    page: PageCache,
}

/// The last page URL with its host and Site: a visit's requests share their
/// page, so it is parsed once per visit, not once per request. A cache, not
/// state: it never makes two `Reports` unequal.
#[derive(Debug, Clone, Default)]
struct PageCache(Option<(String, classify::Page)>);

impl PartialEq for PageCache {
    fn eq(&self, _: &PageCache) -> bool {
        true
    }
}
impl Eq for PageCache {}

impl PageCache {
    /// The page's facts, or `None` when its URL has no valid host.
    fn resolve(&mut self, page_url: &str) -> Option<&classify::Page> {
        if self.0.as_ref().is_none_or(|(url, _)| url != page_url) {
            let page = classify::Page::of_host(classify::host_of(page_url)?);
            self.0 = Some((page_url.to_string(), page));
        }
        self.0.as_ref().map(|(_, page)| page)
    }
}

impl Reports {
    /// Reports keeping `log_cap` rows per site and the bounded number of endpoints.
    pub fn new(log_cap: u64) -> Reports {
        Reports::with_bounds(Bounds::log(log_cap))
    }

    pub fn with_bounds(bounds: Bounds) -> Reports {
        Reports { sites: BTreeMap::new(), unattributed: 0, unreadable: 0, bounds, page: PageCache::default() }
    }

    /// The report to show for a capture: the named Site, or the busiest one.
    /// Unreadable entries and requests without a Site are counted as skipped in
    /// it, so the totals say what could not be read. The CLI and www/ both use
    /// this, which keeps their outputs identical.
    pub fn pick(&self, site: Option<&str>) -> Result<SiteReport, String> {
        let busiest = self.busiest();
        let chosen = match site {
            Some(s) => {
                let s = s.trim().to_ascii_lowercase();
                busiest.iter().find(|r| r.site == s).copied().ok_or_else(|| {
                    let known: Vec<&str> = busiest.iter().map(|r| r.site.as_str()).collect();
                    format!("site `{s}` is not in the capture (sites: {})", known.join(", "))
                })?
            }
            None => *busiest.first().ok_or_else(|| format!("the capture has no usable requests ({} skipped)", self.unreadable + self.unattributed))?,
        };
        let mut report = chosen.clone();
        report.skipped += self.unreadable + self.unattributed;
        Ok(report)
    }

    /// Sites by number of requests, most first.
    pub fn busiest(&self) -> Vec<&SiteReport> {
        let mut v: Vec<&SiteReport> = self.sites.values().collect();
        v.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.site.cmp(&b.site)));
        v
    }
}

#[cfg(feature = "embedded-data")]
impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// Everything from the embedded data.
    #[cfg(feature = "embedded-data")]
    pub fn new() -> Analyzer {
        classify::domain::warm_up();
        Analyzer { lists: FilterLists::embedded(), locator: Locator::embedded() }
    }

    /// Everything from the two data packs (`lists.bin`, `locations.bin`), as
    /// the wasm shells load them. The shells read only a copy whose SHA-256
    /// is the build's, so the core checks each pack's shape (its sections and
    /// each table's and engine's header, in constant time: no lookup can then
    /// panic) and does not check every row again; a pack of the wrong shape
    /// is an error naming it.
    pub fn from_packs<L, P>(lists: &L, locations: &P) -> Result<Analyzer, String>
    where
        L: PackSource + ?Sized,
        P: PackSource + ?Sized,
    {
        let mut analyzer = Analyzer::from_lists(lists)?;
        analyzer.load_locations(locations)?;
        Ok(analyzer)
    }

    /// From the lists pack alone, as the extension wakes: requests are
    /// classified and recorded (a request's row keeps its server's address;
    /// the address is located when a report is made), and nothing is located
    /// until [`Analyzer::load_locations`] is given the IP tables. A report made
    /// before then would call every server's location unknown: a shell must
    /// not render one (the wasm `Core` refuses to; `Locator::is_loaded` says).
    pub fn from_lists<L>(lists: &L) -> Result<Analyzer, String>
    where
        L: PackSource + ?Sized,
    {
        classify::domain::warm_up();
        // Each engine and each table is copied in once, into an allocation of
        // its own, and read in place.
        let engines = pack::copy_sections(lists, ENGINES).map_err(|e| format!("lists.bin: {e}"))?;
        let lists = FilterLists::from_engines(engines.into_iter().map(Cow::Owned).collect()).map_err(|e| format!("lists.bin: {e}"))?;
        Ok(Analyzer { lists, locator: Locator::unloaded() })
    }

    /// Reads the `locations.bin` pack (shapes checked as by
    /// [`Analyzer::from_packs`]) into the locator, keeping its overlay.
    pub fn load_locations<P>(&mut self, locations: &P) -> Result<(), String>
    where
        P: PackSource + ?Sized,
    {
        let tables = pack::copy_sections(locations, 5).map_err(|e| format!("locations.bin: {e}"))?;
        let read = Locator::from_trusted_tables(tables.into_iter().map(Cow::Owned).collect()).map_err(|e| format!("locations.bin: {e}"))?;
        self.locator.load(read);
        Ok(())
    }

    /// Adds an overlay to the IP tables (test sites on loopback addresses).
    pub fn with_overlay(mut self, overlay: Vec<OverlayEntry>) -> Analyzer {
        self.locator = self.locator.with_overlay(overlay);
        self
    }

    pub fn locator(&self) -> &Locator {
        &self.locator
    }

    pub fn classify(&self, req: &Request) -> Result<Classification, ClassifyError> {
        classify::classify(&self.lists, &req.url, &req.site_url, req.resource_type, &req.method)
    }

    /// Classifies one request and files it under its Site. Never fails: an
    /// unusable request is counted as skipped (and `None` returned). Shells
    /// that react to single requests get the classification back, so nothing
    /// is classified twice.
    pub fn observe(&self, req: &Request, reports: &mut Reports) -> Option<Observed> {
        let Some(page) = reports.page.resolve(&req.site_url) else {
            reports.unattributed += 1;
            return None;
        };
        let bounds = reports.bounds;
        let report = match reports.sites.get_mut(&page.site) {
            Some(r) => r,
            None => reports.sites.entry(page.site.clone()).or_insert_with(|| SiteReport::with_bounds(page.site.clone(), bounds)),
        };
        match classify::host_of(&req.url) {
            Some(host) => {
                let classification = classify::classify_hosts(&self.lists, &req.url, host, page, req.resource_type, &req.method);
                let new_endpoint = !report.endpoints.contains_key(&classification.host);
                let sent = report.record(req, &classification);
                Some(Observed { classification, new_endpoint, sent })
            }
            None => {
                report.record_skipped();
                None
            }
        }
    }

    /// Files every request of a capture under its Site.
    pub fn observe_capture(&self, capture: &HarCapture, bounds: Bounds) -> Reports {
        if let Some(subject) = &capture.subject {
            return self.observe_app_capture(capture, subject, bounds);
        }
        let mut reports = Reports::with_bounds(bounds);
        for req in &capture.requests {
            self.observe(req, &mut reports);
        }
        reports.unreadable = capture.skipped;
        reports
    }

    /// Files every request of an app's (or a device's) HAR under its one
    /// subject: the app the capture names, else "this device". Each request
    /// is classified by its full URL; a host is the same entity only when the
    /// app's publisher's company owns it.
    fn observe_app_capture(&self, capture: &HarCapture, subject: &crate::observe::AppCapture, bounds: Bounds) -> Reports {
        let mut reports = Reports::with_bounds(bounds);
        let known = subject.app_id.as_deref().and_then(classify::app::known_app);
        let (key, kind) = match &subject.app_id {
            Some(id) => (id.clone(), SubjectKind::App),
            None => ("this device".to_string(), SubjectKind::Device),
        };
        let page = classify::Page { host: String::new(), site: key.clone(), owner_root: known.map(|k| entity::root(k.publisher)) };
        let mut report = SiteReport::with_bounds(key.clone(), bounds);
        report.subject = Subject {
            kind,
            label: subject.label.clone().or_else(|| known.map(|k| k.name.to_string())),
            basis: Some(subject.basis.clone()),
            unit: Unit::Requests,
        };
        for req in &capture.requests {
            match classify::host_of(&req.url) {
                Some(host) => {
                    let c = classify::classify_hosts(&self.lists, &req.url, host, &page, req.resource_type, &req.method);
                    report.record(req, &c);
                }
                None => report.record_skipped(),
            }
        }
        reports.sites.insert(key, report);
        reports.unreadable = capture.skipped;
        reports
    }

    /// Files every connection of a packet capture under its subject: the
    /// app the capture names for it (PCAPdroid's app blocks or trailers), or
    /// "this device" when it names none. A connection is classified by its
    /// host name alone (or its server's address when nothing names it).
    pub fn observe_packets(&self, capture: &PacketCapture, bounds: Bounds) -> Reports {
        let mut reports = Reports::with_bounds(bounds);
        let mut subjects: HashMap<Option<i32>, (String, Subject, classify::Page)> = HashMap::new();
        for c in &capture.connections {
            let (key, subject, page) = subjects.entry(c.app).or_insert_with(|| packet_subject(capture, c.app));
            let host = c.name.clone().unwrap_or_else(|| c.server.to_string());
            let classification = classify::classify_connection(&self.lists, host, page);
            let mut req = Request::new(String::new(), String::new(), crate::observe::ResourceType::Other);
            req.method = String::new();
            req.ip = Some(c.server);
            req.bytes_sent = c.bytes_sent;
            req.bytes_received = c.bytes_received;
            req.time_ms = c.first_ms;
            req.connection = Some(c.facts());
            let report = reports.sites.entry(key.clone()).or_insert_with(|| {
                let mut r = SiteReport::with_bounds(key.clone(), bounds);
                r.subject = subject.clone();
                r
            });
            report.record(&req, &classification);
        }
        reports
    }

    /// The full report for one Site under a policy.
    pub fn report(&self, site: &SiteReport, policy: &Policy) -> Report {
        Report::build(site, policy, &self.locator)
    }

    /// Whether any request of the site reached a server, or an endpoint
    /// controlled by a company, of concern under `policy` (the badge's
    /// colour): worked out from the stored tallies, so it holds after a
    /// restart and follows a change of policy.
    pub fn of_concern(&self, site: &SiteReport, policy: &Policy) -> bool {
        let server = |ip: &std::net::IpAddr| self.server_of_concern(*ip, policy);
        site.endpoints.values().any(|e| {
            e.by_ip.keys().any(server)
                || e.entity.as_deref().and_then(entity::by_id).is_some_and(|i| entity_jurisdiction(i, policy) == crate::judge::Jurisdiction::OfConcern)
        }) || site.folded.by_ip.keys().any(server)
    }

    /// Whether a server at `ip` is registered in a country of concern under
    /// `policy` (false while the IP tables are not loaded: not known).
    pub fn server_of_concern(&self, ip: std::net::IpAddr, policy: &Policy) -> bool {
        server_jurisdiction(&self.locator.locate(ip), policy) == crate::judge::Jurisdiction::OfConcern
    }

    /// The site's request log as CSV, one row per request with that request's own facts.
    pub fn csv(&self, report: &Report, site: &SiteReport, policy: &Policy) -> String {
        crate::render::to_csv(report, site, &self.locator, policy)
    }

    /// The CSV with rows the shell spilled out of the log's ring read back in
    /// (each row once, in order), and a line for any request in neither.
    pub fn csv_with(&self, report: &Report, site: &SiteReport, spilled: Vec<crate::aggregate::RequestRow>, policy: &Policy) -> String {
        let (rows, missing) = site.log_with(spilled);
        crate::render::rows_to_csv(report, site, rows.iter(), missing, &self.locator, policy)
    }

    /// Each stage's decision for one request, in plain text.
    pub fn explain(&self, req: &Request, policy: &Policy) -> Result<String, ClassifyError> {
        let c = self.classify(req)?;
        let head = format!("request   {} {}\nsite      {} (page {})\n", req.method, req.url, c.site, req.site_url);
        Ok(self.explain_classified(&c, head, req.ip, policy))
    }

    /// Each stage's decision for one connection of a packet capture: to
    /// `host` (a name, or the server's address when nothing named it), made
    /// by the app `app` (a package id; `None`: this device), at `ip`.
    pub fn explain_connection(&self, host: &str, app: Option<&str>, ip: Option<std::net::IpAddr>, policy: &Policy) -> String {
        let known = app.and_then(classify::app::known_app);
        let site = app.unwrap_or("this device").to_string();
        let page = classify::Page { host: String::new(), site: site.clone(), owner_root: known.map(|k| entity::root(k.publisher)) };
        let c = classify::classify_connection(&self.lists, host.trim().to_ascii_lowercase(), &page);
        let subject = match (app, known) {
            (Some(id), Some(k)) => format!("the app {id} ({}, published by {})", k.name, entity::entity(k.publisher).name),
            (Some(id), None) => format!("the app {id} (no publisher known)"),
            (None, _) => "this device".to_string(),
        };
        let head = format!("connection to {}\nsubject   {subject}\n          a connection: only rules about whole hosts apply\n", c.host);
        self.explain_classified(&c, head, ip, policy)
    }

    fn explain_classified(&self, c: &Classification, head: String, ip: Option<std::net::IpAddr>, policy: &Policy) -> String {
        let mut out = head;
        let w = &mut out;
        let _ = writeln!(w, "classify  host {} → domain {} → {}", c.host, c.domain, c.party.label());
        match &c.tracker {
            Some(t) => match &t.rule {
                Some(r) => {
                    let _ = writeln!(w, "          tracker: {} — rule `{}` ({} line {})", t.category.label(), r.rule, r.list.id(), r.line);
                }
                None => {
                    let _ = writeln!(w, "          tracker: {} — the entity map classes {} as {}", t.category.label(), c.domain, t.category.label());
                }
            },
            None => {
                let _ = writeln!(w, "          not a tracker request");
            }
        }
        if let Some(e) = &c.exception {
            let _ = writeln!(w, "          exception rule `{}` ({} line {})", e.rule, e.list.id(), e.line);
        }
        match c.entity {
            Some(i) => {
                let e = entity::entity(i);
                let countries = entity::countries_phrase(e.domicile, e.headquarters);
                let basis = match entity::owner_of_domain(&c.domain).and_then(|o| o.listed_by) {
                    Some(src) => format!("{} listed by {}", c.domain, crate::data::source_name(src)),
                    None => format!("cited: {}", e.domains_source),
                };
                let _ = writeln!(w, "entity    {} — {countries} [{basis}]", e.name);
                match e.tier {
                    entity::Tier::Cited => {
                        let _ = writeln!(w, "          countries cited: {}; {}", e.domicile_source, e.headquarters_source);
                    }
                    entity::Tier::Listed if !e.headquarters_source.is_empty() => {
                        let _ = writeln!(w, "          headquarters as stated by {}", crate::data::source_name(e.headquarters_source));
                    }
                    entity::Tier::Listed => {}
                }
                let root = entity::root(i);
                if root != i {
                    let r = entity::entity(root);
                    let _ = writeln!(w, "          part of {} — {}", r.name, entity::countries_phrase(r.domicile, r.headquarters));
                }
                let _ = writeln!(w, "          company jurisdiction under policy: {}", entity_jurisdiction(i, policy).label());
            }
            None => {
                let _ = writeln!(w, "entity    unknown (no company data names {})", c.domain);
                // The report may name the company whose own network every server of the host is in.
                if let Some((owner, asn)) = ip.and_then(|ip| self.locator.locate(ip).asn).and_then(|a| entity::own_network(a).map(|o| (o, a))) {
                    let _ = writeln!(
                        w,
                        "          this server is in AS{asn}, a network {} runs for itself: the report names it \"inferred from its network AS{asn}\" when every server of the host is there",
                        entity::entity(owner).name
                    );
                }
            }
        }
        match ip {
            Some(ip) => {
                let l = self.locator.locate(ip);
                let asn = l.asn.map_or_else(|| "unknown network".to_string(), |a| format!("AS{a} {}", l.network.clone().unwrap_or_default()));
                let _ = writeln!(w, "locate    {} → {} ({}) · {}", ip, l.country.as_deref().unwrap_or("no country"), l.basis.label(), asn);
                let _ = writeln!(w, "judge     server jurisdiction: {} (home {}, {})", server_jurisdiction(&l, policy).label(), policy.home, policy.describe());
            }
            None => {
                let _ = writeln!(w, "locate    no IP given: server location unknown (pass --ip)");
            }
        }
        out
    }
}
