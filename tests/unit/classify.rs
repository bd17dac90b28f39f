use std::sync::OnceLock;

use super::*;

thread_local! {
    static LISTS: FilterLists = FilterLists::embedded();
}

fn run(url: &str, site: &str, t: &str) -> Classification {
    LISTS.with(|l| classify(l, url, site, ResourceType::from_name(t), "GET").unwrap())
}

#[derive(serde::Deserialize)]
struct Case {
    platform: String,
    url: String,
    site: String,
    #[serde(rename = "type")]
    kind: String,
    telemetry: bool,
}

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| toml::from_str::<Cases>(include_str!("../fixtures/platform-telemetry/cases.toml")).unwrap().case)
}

#[test]
fn platform_telemetry_list_matches_its_cited_cases() {
    let mut failures = Vec::new();
    for c in cases() {
        let got = run(&c.url, &c.site, &c.kind);
        let is_telemetry = got.tracker.as_ref().and_then(|t| t.rule.as_ref()).is_some_and(|r| r.list == ListId::PlatformTelemetry);
        if is_telemetry != c.telemetry {
            failures.push(format!("[{}] {} (want telemetry={}, got {:?})", c.platform, c.url, c.telemetry, got.tracker));
        }
        if is_telemetry {
            assert_eq!(got.tracker.as_ref().unwrap().category, Category::Telemetry);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_platform_has_positive_and_negative_cases() {
    // Likee/BIGO has no cited telemetry endpoint yet (see the list's header): negatives only.
    for p in ["tiktok", "douyin", "youtube", "instagram", "facebook", "snapchat", "twitch", "bilibili", "kwai"] {
        let pos = cases().iter().filter(|c| c.platform == p && c.telemetry).count();
        let neg = cases().iter().filter(|c| c.platform == p && !c.telemetry).count();
        assert!(pos >= 3 && neg >= 2, "{p}: {pos} positive, {neg} negative");
    }
    assert!(cases().iter().any(|c| c.platform == "likee" && !c.telemetry));
}

#[test]
fn tiktok_session_facts() {
    let mon = run("https://mon.tiktokv.com/monitor_browser/collect/batch/?biz_id=tiktok_web", "https://www.tiktok.com/foryou", "xhr");
    assert_eq!(mon.domain, "tiktokv.com");
    assert_eq!(mon.site, "tiktok.com");
    assert_eq!(mon.party, Party::SameEntity);
    assert_eq!(entity::entity(mon.entity.unwrap()).name, "ByteDance Ltd.");
    let rule = mon.tracker.as_ref().unwrap().rule.as_ref().unwrap();
    assert_eq!(rule.list, ListId::PlatformTelemetry);
    assert!(rule.rule.contains("mon.tiktokv.com") || rule.rule.starts_with('/'), "{}", rule.rule);

    let pixel = run("https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=X", "https://shop.example/", "script");
    let t = pixel.tracker.expect("analytics.tiktok.com is a tracker");
    let r = t.rule.expect("matched by a list rule");
    assert_ne!(r.list, ListId::PlatformTelemetry);
    assert!(!r.rule.is_empty() && r.line > 0);

    for host in ["https://sf16-website-login.neutral.ttwstatic.com/obj/x.js", "https://www.byteoversea.com/"] {
        let c = run(host, "https://www.tiktok.com/", "script");
        let e = entity::entity(entity::root(c.entity.expect(host)));
        assert_eq!((e.name, e.domicile, e.headquarters), ("ByteDance Ltd.", Some("KY"), Some("CN")), "{host}");
    }
}

#[test]
fn the_video_itself_is_not_a_tracker() {
    let c =
        run("https://v16-webapp-prime.tiktok.com/video/tos/useast2a/tos-useast2a-ve-0068/abc/?mime_type=video_mp4", "https://www.tiktok.com/foryou", "media");
    assert!(c.tracker.is_none(), "{:?}", c.tracker);
    assert_eq!(c.party, Party::FirstParty);
}

#[test]
fn entity_map_alone_can_class_a_third_party_tracker() {
    // A host no list names, on a domain the entity map classes as advertising.
    let ad = entity::entity_of_domain("doubleclick.net").expect("doubleclick.net is in the entity map");
    assert_eq!(ad.1, Category::Advertising);
    let c = run("https://some-unlisted-host.doubleclick.net/nothing-here", "https://www.youtube.com/", "image");
    assert!(c.tracker.as_ref().is_some_and(|t| t.category.is_tracking()), "{:?}", c.tracker);
}

#[test]
fn same_entity_needs_a_shared_parent() {
    let yt = run("https://i.ytimg.com/vi/x/hqdefault.jpg", "https://www.youtube.com/", "image");
    assert_eq!(yt.party, Party::SameEntity);
    let other = run("https://i.ytimg.com/vi/x/hqdefault.jpg", "https://www.tiktok.com/", "image");
    assert_eq!(other.party, Party::ThirdParty);
}

#[test]
fn bad_urls_are_errors() {
    LISTS.with(|l| {
        assert_eq!(classify(l, "not a url", "https://a.example/", ResourceType::Other, "GET"), Err(ClassifyError::BadUrl));
        assert_eq!(classify(l, "https://a.example/", "::", ResourceType::Other, "GET"), Err(ClassifyError::BadSiteUrl));
    });
}

#[test]
fn idn_hosts_are_reported_in_punycode() {
    let c = run("https://bücher.example/x", "https://bücher.example/", "document");
    assert_eq!(c.host, "xn--bcher-kva.example");
}

#[derive(serde::Deserialize)]
struct DdgFile {
    #[serde(rename = "domainTests")]
    domain_tests: DdgSuite,
}

#[derive(serde::Deserialize)]
struct DdgSuite {
    tests: Vec<DdgTest>,
}

#[derive(serde::Deserialize)]
struct DdgTest {
    name: String,
    #[serde(rename = "siteURL")]
    site: String,
    #[serde(rename = "requestURL")]
    request: String,
    #[serde(rename = "expectAction")]
    action: Option<String>,
}

/// DuckDuckGo's reference cases use their own synthetic block list, but their
/// first-/third-party semantics must agree with ours: a request DDG would block
/// is third-party to its site, and a request on the site's own eTLD+1 is never blocked.
#[test]
fn ddg_first_and_third_party_reference_cases() {
    let file: DdgFile = serde_json::from_str(include_str!("../fixtures/real/ddg-privacy-reference-tests/domain_matching_tests.json")).unwrap();
    let mut checked = 0;
    for t in &file.domain_tests.tests {
        let (Some(host), Some(site_host)) = (host_of(&t.request), host_of(&t.site)) else { continue };
        let same = domain::registrable_domain(&host) == domain::registrable_domain(&site_host);
        if t.action.as_deref() == Some("block") {
            assert!(!same, "{}: DDG blocks it, so it must be third-party", t.name);
        }
        if same {
            assert_ne!(t.action.as_deref(), Some("block"), "{}: first-party by our PSL", t.name);
        }
        checked += 1;
    }
    assert!(checked > 100, "checked {checked}");
}

#[test]
fn host_of_works_before_any_engine_is_loaded() {
    // Each test thread may run first; host_of must install the resolver itself.
    assert_eq!(host_of("https://WWW.Example.COM./x").as_deref(), Some("www.example.com"));
    assert_eq!(host_of("data:,x"), None);
}

#[test]
fn host_of_rejects_hosts_no_browser_could_connect_to() {
    // The engine's URL parser is lenient; markup, quotes and controls in the
    // host would otherwise reach every report as a Site or a host name.
    for url in ["https://www.example\"><img src=x onerror=alert(1)>/", "https://a<b.com/", "https://a%00b.com/", "https://exa mple.com/", "https://'x'.com/"] {
        assert_eq!(host_of(url), None, "{url}");
    }
    assert_eq!(host_of("https://xn--80ak6aa92e.com/").as_deref(), Some("xn--80ak6aa92e.com"));
    assert_eq!(host_of("https://a_b.example.com/").as_deref(), Some("a_b.example.com"));
    let v6 = host_of("https://[2001:db8::1]:8443/x").expect("IPv6 literal hosts are kept");
    assert!(v6.contains("2001:db8::1"), "{v6}");
}

/// Every cited rule is the list file's text at the cited line: the engines
/// hold network rules only, and the line maps must turn their numbering back
/// into the files'. Checked over the cited cases and the bundled captures.
#[test]
fn cited_rules_are_the_list_files_lines() {
    let files: std::collections::HashMap<ListId, Vec<String>> =
        [(ListId::PlatformTelemetry, "platform-telemetry.txt"), (ListId::Easyprivacy, "easyprivacy.txt"), (ListId::Easylist, "easylist.txt")]
            .into_iter()
            .map(|(id, f)| {
                let text = std::fs::read_to_string(format!("{}/data/lists/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
                (id, text.lines().map(str::to_string).collect())
            })
            .collect();
    let mut urls: Vec<(String, String, String)> = cases().iter().map(|c| (c.url.clone(), c.site.clone(), c.kind.clone())).collect();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let hars: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|d| d.path().join("capture.har"))
        .filter(|p| p.exists())
        .collect();
    assert!(hars.len() >= 3, "the bundled captures: {hars:?}");
    for path in hars {
        let text = std::fs::read_to_string(&path).unwrap();
        let capture = crate::observe::read_har(&text, |_, _| {}).unwrap();
        urls.extend(capture.requests.iter().map(|r| (r.url.clone(), r.site_url.clone(), r.resource_type.filter_name().to_string())));
    }
    let mut cited = std::collections::HashSet::new();
    for (url, site, kind) in &urls {
        let c = run(url, site, kind);
        for r in c.tracker.and_then(|t| t.rule).into_iter().chain(c.exception) {
            let written = files[&r.list].get(r.line as usize - 1).map(|l| l.trim());
            assert_eq!(written, Some(r.rule.as_str()), "{url}: {} line {}", r.list.id(), r.line);
            cited.insert((r.list, r.line));
        }
    }
    for list in [ListId::PlatformTelemetry, ListId::Easyprivacy, ListId::Easylist] {
        assert!(cited.iter().any(|(l, _)| *l == list), "no rule of {} was cited: the check proved nothing for it", list.id());
    }
}

#[test]
fn host_rules_are_told_from_path_rules() {
    for rule in [
        "||mon.tiktokv.com^",
        "||example.com^$third-party",
        "@@||cdn.example.com^",
        "||a.example/",
        r"/^https?:\/\/(?:rt|x)?log(?:-dr)?[0-9]+(?:-[a-z0-9]+)*\.(?:us\.)?tiktokv\.(?:com|us|eu)(?::[0-9]+)?\//",
        r"/^https?:\/\/mon[0-9]+(?:-[a-z0-9]+)*\.(?:us\.)?tiktokv\.(?:com|us|eu)(?::[0-9]+)?\//",
    ] {
        assert!(filters::is_host_rule(rule), "{rule}");
    }
    for rule in [
        "||graph.facebook.com/*/activities^",
        "||facebook.com/ajax/bz",
        "/pixel.gif",
        "://analytics.",
        r"/^https?:\/\/[^\/]+\/track\//",
        r"/^https?:\/\/.*\.example\.com\//",
        r"/\/collect\?v=/",
        "",
    ] {
        assert!(!filters::is_host_rule(rule), "{rule}");
    }
}
