//! Who runs an endpoint, and how the report knows it: the cited table, a
//! listed source, or a company's own network; never a cloud, CDN or hosting
//! network; and a company with no country known says so.

use borderline::aggregate::Bounds;
use borderline::judge::Policy;
use borderline::observe::{Request, ResourceType};
use borderline::render::{EndpointView, EntityBasis, Report};
use borderline::{Analyzer, Reports};

/// One request per (url, ip) to a page on www.example.org.
fn report(requests: &[(&str, &str)]) -> Report {
    let analyzer = Analyzer::new();
    let mut reports = Reports::with_bounds(Bounds::UNBOUNDED);
    for (i, (url, ip)) in requests.iter().enumerate() {
        let mut r = Request::new(*url, "https://www.example.org/", ResourceType::Script);
        r.ip = Some(ip.parse().unwrap());
        r.time_ms = 1_764_000_000_000 + i as u64;
        analyzer.observe(&r, &mut reports).expect("observed");
    }
    let site = reports.pick(Some("example.org")).unwrap();
    analyzer.report(&site, &Policy::parse("US", "us").unwrap())
}

fn endpoint<'a>(r: &'a Report, host: &str) -> &'a EndpointView {
    r.endpoints.iter().find(|e| e.host == host).unwrap_or_else(|| panic!("{host} not in the report"))
}

#[test]
fn an_unknown_domain_in_a_companys_own_network_is_inferred_from_it() {
    // 157.240.22.35 and 31.13.64.1 are in AS32934, which Meta runs for itself.
    let r = report(&[("https://edge.unknown-one.example/a", "157.240.22.35"), ("https://edge.unknown-one.example/b", "31.13.64.1")]);
    let e = endpoint(&r, "edge.unknown-one.example");
    assert_eq!(e.entity.as_ref().map(|v| v.id.as_str()), Some("meta"));
    assert_eq!(e.entity_basis, Some(EntityBasis::Network { asn: 32934 }));
    assert_eq!(e.entity_basis.as_ref().unwrap().label(), "inferred from its network AS32934");
}

#[test]
fn cloud_cdn_and_mixed_networks_name_nobody() {
    let r = report(&[
        // AWS (AS16509) and Fastly (AS54113) carry other companies' traffic.
        ("https://a.unknown-two.example/", "52.84.0.1"),
        ("https://b.unknown-three.example/", "151.101.1.1"),
        // One server in Meta's network and one in AWS: not all in one company's own network.
        ("https://c.unknown-four.example/1", "157.240.22.35"),
        ("https://c.unknown-four.example/2", "52.84.0.1"),
    ]);
    for host in ["a.unknown-two.example", "b.unknown-three.example", "c.unknown-four.example"] {
        let e = endpoint(&r, host);
        assert_eq!((e.entity.as_ref().map(|v| v.id.clone()), &e.entity_basis), (None, &None), "{host}");
    }
    // The network's operator is still named, as the network's.
    assert!(r.networks.iter().any(|n| n.asn == Some(16509) && n.operator.as_deref() == Some("Amazon.com, Inc.")));
}

/// A domain of the listed tier whose company is (`cited`) or is not a cited one.
fn listed_domain(cited: bool) -> String {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/entities-listed.toml")).unwrap();
    let file: toml::Value = toml::from_str(&text).unwrap();
    let c = file["company"].as_array().unwrap().iter().find(|c| c.get("cited").is_some() == cited && c.get("domains").is_some()).unwrap();
    c["domains"].as_table().unwrap().keys().next().unwrap().clone()
}

#[test]
fn listed_and_cited_owners_say_how_they_are_known() {
    let (listed, linked) = (listed_domain(false), listed_domain(true));
    let (a, b) = (format!("https://t.{listed}/p"), format!("https://t.{linked}/p"));
    let r = report(&[(&a, "192.0.2.1"), (&b, "192.0.2.2"), ("https://www.googletagmanager.com/gtm.js", "142.250.1.1")]);
    // A company only the listed tier knows: its domicile is never taken from its sources.
    let e = endpoint(&r, &format!("t.{listed}"));
    let v = e.entity.as_ref().expect("named");
    assert_eq!((v.tier, v.domicile.as_deref()), (borderline::classify::entity::Tier::Listed, None), "{listed}");
    assert_eq!(v.headquarters.is_some(), v.headquarters_source.is_some(), "a country comes with its source");
    // A listed domain of a company the cited table has: the company's facts are cited, the domain is listed.
    for (host, tier) in [(format!("t.{listed}"), "listed"), (format!("t.{linked}"), "cited")] {
        let e = endpoint(&r, &host);
        match &e.entity_basis {
            Some(EntityBasis::Listed { source }) => assert!(borderline::data::DATA_SOURCES.iter().any(|s| s.id == source), "{host}"),
            other => panic!("{host}: {other:?}"),
        }
        assert_eq!(serde_json::to_value(e.entity.as_ref().unwrap().tier).unwrap(), tier, "{host}");
    }
    let gtm = endpoint(&r, "www.googletagmanager.com");
    assert_eq!(gtm.entity_basis, Some(EntityBasis::Cited));
    assert!(gtm.entity.as_ref().is_some_and(|v| v.domicile.is_some() && v.headquarters.is_some()));
}

#[test]
fn a_company_without_a_known_country_is_said_to_be_unknown() {
    use borderline::classify::entity;
    let i = entity::entities().position(|e| e.headquarters.is_none() && e.domicile.is_none()).expect("a listed company with no country");
    let e = entity::entity(i);
    assert_eq!(entity::countries_phrase(e.domicile, e.headquarters), "countries not known");
    let root = entity::root(i);
    if entity::entity(root).domicile.is_none() && entity::entity(root).headquarters.is_none() {
        assert_eq!(borderline::judge::entity_jurisdiction(i, &Policy::parse("US", "us").unwrap()), borderline::judge::Jurisdiction::Unknown);
    }
    assert_eq!(entity::countries_phrase(None, Some("US")), "domicile not known, headquartered US");
}

/// Every company up an entity's parent chain is in the cited table with both
/// countries; the chain's ids, for the failure message.
fn cited_chain(i: usize) -> Result<Vec<&'static str>, String> {
    use borderline::classify::entity::{self, Tier};
    let mut chain = Vec::new();
    let mut at = Some(i);
    while let Some(k) = at {
        let e = entity::entity(k);
        chain.push(e.id);
        if e.tier != Tier::Cited || e.domicile.is_none() || e.headquarters.is_none() {
            return Err(format!("{} is not cited with both countries (chain {chain:?})", e.id));
        }
        at = e.parent;
        assert!(chain.len() <= entity::count(), "no cycle");
    }
    Ok(chain)
}

/// The platforms of DESIGN.md's social-video sites, their apps' publishers,
/// and the SDK, ad and analytics partners seen in their web and app traffic:
/// each named, and its company in the cited table with both countries, up
/// the whole chain.
#[test]
fn the_social_video_platforms_and_their_partners_are_cited_with_both_countries() {
    use borderline::classify::{domain::registrable_domain, entity};
    let mut failures = Vec::new();
    // Every host in the bundled captures of the sites (web).
    let mut hosts = std::collections::BTreeSet::new();
    for case in ["tiktok/foryou", "youtube/watch", "youtube/mixed-chrome", "bilibili/video"] {
        let path = format!("{}/tests/fixtures/{case}/capture.har", env!("CARGO_MANIFEST_DIR"));
        let cap = borderline::observe::read_har(&std::fs::read_to_string(path).unwrap(), |_, _| {}).unwrap();
        for r in &cap.requests {
            hosts.insert(borderline::classify::host_of(&r.url).expect("a host"));
        }
    }
    assert!(hosts.len() >= 20, "the captures' hosts were read ({})", hosts.len());
    // The sites themselves, and the SDKs and ad networks their apps embed.
    const PLATFORMS_AND_SDKS: &[&str] = &[
        "tiktok.com",
        "tiktokv.com",
        "tiktokcdn.com",
        "byteoversea.com",
        "ibytedtos.com",
        "douyin.com",
        "snssdk.com",
        "pstatp.com",
        "youtube.com",
        "googlevideo.com",
        "ytimg.com",
        "instagram.com",
        "cdninstagram.com",
        "facebook.com",
        "facebook.net",
        "fbcdn.net",
        "snapchat.com",
        "snap.com",
        "sc-static.net",
        "twitch.tv",
        "ttvnw.net",
        "jtvnw.net",
        "bilibili.com",
        "hdslb.com",
        "bilivideo.com",
        "kwai.com",
        "kwaicdn.com",
        "kuaishou.com",
        "likee.video",
        "like.video",
        "bigo.sg",
        // Attribution, analytics and crash SDKs.
        "appsflyer.com",
        "appsflyersdk.com",
        "adjust.com",
        "branch.io",
        "app.link",
        "app-measurement.com",
        "firebaseio.com",
        "crashlytics.com",
        "sentry.io",
        "kochava.com",
        "singular.net",
        "segment.io",
        "amplitude.com",
        "mixpanel.com",
        "braze.com",
        "onesignal.com",
        // Ad networks and mediation SDKs.
        "pangle.io",
        "pangleglobal.com",
        "unity3d.com",
        "applovin.com",
        "applvn.com",
        "is.com",
        "supersonicads.com",
        "mintegral.com",
        "rayjump.com",
        "digitalturbine.com",
        "ogury.com",
        "doubleclick.net",
        "googlesyndication.com",
        "google-analytics.com",
        "googletagmanager.com",
        "imasdk.googleapis.com",
        "amazon-adsystem.com",
        "adsrvr.org",
        "criteo.com",
        "taboola.com",
        "outbrain.com",
        "scorecardresearch.com",
        "moatads.com",
    ];
    let domains = hosts.iter().map(|h| registrable_domain(h).to_string()).chain(PLATFORMS_AND_SDKS.iter().map(|d| d.to_string()));
    for d in domains.collect::<std::collections::BTreeSet<_>>() {
        match entity::owner_of_domain(&d) {
            None => failures.push(format!("{d}: no company named")),
            // The domain may be tied to its company by a listed source (e.g.
            // imasdk.googleapis.com, more specific than the cited googleapis.com);
            // the company itself and its parents must be cited.
            Some(o) => {
                if let Err(e) = cited_chain(o.entity) {
                    failures.push(format!("{d}: {e}"));
                }
            }
        }
    }
    // Every app publisher the phone captures are reported under.
    let apps: toml::Value = toml::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/apps.toml")).unwrap()).unwrap();
    let publishers: std::collections::BTreeSet<&str> = apps["app"].as_array().unwrap().iter().map(|a| a["publisher"].as_str().unwrap()).collect();
    assert!(publishers.len() >= 8, "the apps' publishers were read");
    for p in publishers {
        match entity::by_id(p) {
            None => failures.push(format!("publisher {p}: not in the cited table")),
            Some(i) => {
                if let Err(e) = cited_chain(i) {
                    failures.push(format!("publisher {p}: {e}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
