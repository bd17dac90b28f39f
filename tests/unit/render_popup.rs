use super::*;
use crate::aggregate::SiteReport;
use crate::judge::Policy;
use crate::observe::{Request, ResourceType};
use crate::{Analyzer, Reports};

fn report(urls: &[(&str, &str)]) -> Report {
    let a = Analyzer::new();
    let mut reports = Reports::new(100);
    for (url, ip) in urls {
        a.observe(&Request::new(*url, "https://www.tiktok.com/foryou", ResourceType::Xmlhttprequest).with_ip(ip.parse().unwrap()), &mut reports);
    }
    let site: &SiteReport = &reports.sites["tiktok.com"];
    a.report(site, &Policy::parse("US", "us").unwrap())
}

#[test]
fn warnings_name_what_whom_and_where() {
    let r = report(&[
        ("https://mon.tiktokv.com/monitor_browser/collect/batch/", "161.117.5.5"),
        ("https://www.tiktok.com/", "23.45.12.4"),
        ("https://p16-sign-va.tiktokcdn.com/a.jpeg", "71.18.1.3"),
    ]);
    let ep = |h: &str| r.endpoints.iter().find(|e| e.host == h).unwrap();
    let mon = warning_text(&r, ep("mon.tiktokv.com"));
    assert!(mon.contains("mon.tiktokv.com") && mon.contains("telemetry") && mon.contains("ByteDance Ltd.") && mon.contains("registered in SG"), "{mon}");
    // Non-tracker endpoints of the same company of concern share one sentence.
    let a = warning_text(&r, ep("www.tiktok.com"));
    assert!(a.contains("ByteDance Ltd.") && a.contains("country of concern"), "{a}");
    let b = warning_text(&r, ep("p16-sign-va.tiktokcdn.com"));
    assert_ne!(a, mon);
    assert!(b.contains("ByteDance"), "{b}");
}

#[test]
fn popup_fragment_escapes_and_marks_rows_for_filters() {
    let r = report(&[("https://x.example/<img src=x onerror=alert(1)>", "8.8.8.8"), ("https://www.google-analytics.com/g/collect", "142.250.74.46")]);
    let html = to_popup_html(&r);
    assert!(!html.contains("<img src=x"), "escaped");
    assert!(!html.contains("<script"), "no script in the fragment");
    assert!(html.contains(r#"data-tracker="1""#) && html.contains(r#"data-tracker="0""#));
    assert!(html.contains("DB-IP"), "attribution shown where results are shown");
}

#[test]
fn international_names_are_shown_in_ascii_with_a_note() {
    let r = report(&[("https://xn--tkto-xqa.com/collect", "8.8.8.8"), ("https://www.tiktok.com/api", "8.8.8.8")]);
    let html = to_popup_html(&r);
    assert!(html.contains("<code>xn--tkto-xqa.com</code> <span class=\"muted idn\""), "{html}");
    assert_eq!(html.matches("class=\"muted idn\"").count(), 1, "only the punycode host gets the note");
}

#[test]
fn hostile_field_names_reach_the_popup_escaped_and_visible() {
    // A query parameter name is the page's to choose: markup and a right-to-left override.
    let r = report(&[("https://tracker.example/p?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=0123456789abcdef0123&u\u{202E}di=1234567890abcdef12", "8.8.8.8")]);
    let html = to_popup_html(&r);
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the name is shown, as text: {html}");
    assert!(!html.contains('\u{202E}'), "no direction override reaches the markup");
    assert!(html.contains("u\u{FFFD}di"), "it is replaced visibly: {html}");
}
