use super::*;
use crate::aggregate::Bounds;
use crate::observe::read_har;
use crate::Analyzer;

/// The first screen says nothing the report does not: on every bundled
/// capture, its bars and companies add up to the report's own counts.
#[test]
fn the_first_screen_equals_the_report() {
    let analyzer = Analyzer::new();
    let policy = Policy::parse("US", "us").unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for site in std::fs::read_dir(&root).unwrap().flatten().filter(|d| d.path().is_dir()) {
        for case in std::fs::read_dir(site.path()).unwrap().flatten() {
            let Ok(text) = std::fs::read_to_string(case.path().join("capture.har")) else { continue };
            let capture = read_har(&text, |_, _| {}).unwrap();
            let reports = analyzer.observe_capture(&capture, Bounds::UNBOUNDED);
            for s in reports.busiest() {
                let r = analyzer.report(s, &policy);
                let g = &r.glance;
                let sum = |bars: &[GlanceBar]| bars.iter().map(|b| b.requests).sum::<u64>();
                assert_eq!(sum(&g.server_countries), r.totals.requests, "server bars: every request once");
                assert_eq!(
                    g.server_countries.iter().map(|b| (b.country.clone(), b.requests)).collect::<Vec<_>>(),
                    r.countries.iter().map(|c| (c.country.clone(), c.requests)).collect::<Vec<_>>()
                );
                assert_eq!(sum(&g.company_countries), r.totals.requests, "company bars: every request once");
                let unnamed: u64 = r.endpoints.iter().filter(|e| e.entity.is_none()).map(|e| e.requests).sum();
                assert_eq!(g.company_countries.iter().filter(|b| b.label == "no company named").map(|b| b.requests).sum::<u64>(), unnamed);
                for c in &g.top_companies {
                    let by_root: u64 = r
                        .endpoints
                        .iter()
                        .filter(|e| e.entity.as_ref().is_some_and(|v| v.parent.as_ref().map_or(&v.name, |p| &p.name) == &c.name))
                        .map(|e| e.requests)
                        .sum();
                    assert_eq!(c.requests, by_root, "{}", c.name);
                }
                let most = r.grade.reasons.iter().filter(|x| x.points > 0).map(|x| x.points).max();
                assert_eq!(g.main_reason.is_some(), most.is_some());
                if let Some(m) = most {
                    assert!(r.grade.reasons.iter().any(|x| x.points == m && Some(&x.reason) == g.main_reason.as_ref()));
                }
                // The markup shows every bar's number, and "of concern" in words where it applies.
                let html = glance_markup_in(g, &r.grade, crate::l10n::english()).into_string();
                for b in g.server_countries.iter().chain(&g.company_countries) {
                    assert!(html.contains(&format!(">{}", b.requests)), "{}", b.label);
                }
                assert_eq!(
                    html.matches("· of concern").count(),
                    g.server_countries.iter().chain(&g.company_countries).filter(|b| b.jurisdiction == Jurisdiction::OfConcern).count()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 4, "{checked} reports");
}
