use super::*;
use crate::judge::Policy;
use crate::observe::{Request, ResourceType};
use crate::{Analyzer, Reports};

fn visit(urls: &[(&str, &str)], t0: u64) -> VisitSummary {
    let a = Analyzer::new();
    let mut reports = Reports::new(10);
    for (i, (url, ip)) in urls.iter().enumerate() {
        let mut r = Request::new(*url, "https://www.instagram.com/reel/", ResourceType::Script).with_ip(ip.parse().unwrap());
        r.time_ms = t0 + i as u64;
        a.observe(&r, &mut reports);
    }
    summarize(&a.report(&reports.sites["instagram.com"], &Policy::parse("US", "us").unwrap()))
}

#[test]
fn summaries_keep_no_urls() {
    let v = visit(
        &[("https://www.instagram.com/reel/secret-path?token=abc", "157.240.22.35"), ("https://www.google-analytics.com/g/collect?cid=1", "142.250.74.46")],
        1000,
    );
    let json = serde_json::to_string(&v).unwrap();
    assert!(!json.contains("secret-path") && !json.contains("token") && !json.contains("cid"), "{json}");
    assert_eq!(v.trackers, vec!["google-analytics.com"]);
    assert_eq!(v.countries, vec!["US"]);
    assert_eq!(v.requests, 2);
}

#[test]
fn new_trackers_and_countries_since_earlier_visits() {
    let first = visit(&[("https://www.instagram.com/reel/", "157.240.22.35")], 1000);
    let second = visit(
        &[
            ("https://www.instagram.com/reel/", "157.240.22.35"),
            ("https://www.google-analytics.com/g/collect", "142.250.74.46"),
            ("https://x.cdninstagram.com/a.jpg", "2a03:2880:f12f:83:face:b00c:0:25de"),
        ],
        5000,
    );
    assert_eq!(novelty(&[], &second), Novelty::default(), "first visit: nothing to compare");
    let n = novelty(std::slice::from_ref(&first), &second);
    assert_eq!(n.new_trackers, vec!["google-analytics.com"]);
    assert_eq!(n.new_countries, vec!["IE"]);
    assert!(novelty_text("instagram.com", &n).contains("google-analytics.com for the first time"));
    assert!(novelty(std::slice::from_ref(&second), &first).is_empty(), "a later visit is not an earlier one");
    let mut other = first.clone();
    other.site = "tiktok.com".into();
    assert!(novelty(&[other], &second).is_empty(), "other sites do not count");
}
