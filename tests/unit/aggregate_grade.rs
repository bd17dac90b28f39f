use super::*;

#[test]
fn a_clean_site_gets_an_a_with_a_reason() {
    let g = grade(&GradeInput::default());
    assert_eq!((g.letter.as_str(), g.score), ("A", 100));
    assert_eq!(g.reasons.len(), 1);
    assert_eq!(g.reasons[0].points, 0);
}

#[test]
fn each_rule_takes_its_points_and_says_why() {
    let cases: [(GradeInput, u32, &str); 8] = [
        (GradeInput { tracker_companies: 2, ..Default::default() }, 2 * PER_TRACKER_COMPANY, "2 tracker companies"),
        (GradeInput { session_replay: true, ..Default::default() }, SESSION_REPLAY, "session-replay"),
        (GradeInput { fingerprinting: true, ..Default::default() }, FINGERPRINTING, "fingerprinting"),
        (GradeInput { server_of_concern_requests: 4, ..Default::default() }, SERVER_OF_CONCERN, "4 requests went to servers"),
        (GradeInput { entity_of_concern_requests: 9, ..Default::default() }, ENTITY_OF_CONCERN, "9 requests went to endpoints controlled by a company"),
        (GradeInput { third_party_cookies: 3, ..Default::default() }, THIRD_PARTY_COOKIES, "3 third-party cookies"),
        (GradeInput { identifiers_sent: 2, ..Default::default() }, IDENTIFIERS_SENT, "identifier-like values"),
        (GradeInput { contact_details_sent: 1, ..Default::default() }, CONTACT_DETAILS_SENT, "e-mail addresses, phone numbers"),
    ];
    for (input, points, words) in cases {
        let g = grade(&input);
        assert_eq!(g.score, 100 - points, "{words}");
        assert_eq!(g.reasons.len(), 1);
        assert_eq!(g.reasons[0].points, points);
        assert!(g.reasons[0].reason.contains(words), "{}", g.reasons[0].reason);
    }
}

#[test]
fn trackers_are_capped() {
    let g = grade(&GradeInput { tracker_companies: 100, ..Default::default() });
    assert_eq!(g.score, 100 - MAX_TRACKERS);
}

#[test]
fn letters_follow_the_documented_bands() {
    let score_of = |companies: usize, concern: bool| {
        grade(&GradeInput { tracker_companies: companies, server_of_concern_requests: u64::from(concern), ..Default::default() })
    };
    assert_eq!(score_of(1, false).letter, "A"); // 94
    assert_eq!(score_of(2, false).letter, "B"); // 88
    assert_eq!(score_of(5, false).letter, "C"); // 70
    assert_eq!(score_of(3, true).letter, "D"); // 52
    assert_eq!(score_of(6, true).letter, "F"); // 34
    let all = grade(&GradeInput {
        tracker_companies: 10,
        unidentified_tracker_domains: 2,
        session_replay: true,
        fingerprinting: true,
        server_of_concern_requests: 1,
        entity_of_concern_requests: 1,
        third_party_cookies: 1,
        identifiers_sent: 1,
        contact_details_sent: 1,
        unit: Default::default(),
    });
    assert_eq!((all.letter.as_str(), all.score, all.reasons.len()), ("F", 0, 8));
}

#[test]
fn reasons_count_in_the_report_unit() {
    use crate::aggregate::Unit;
    let input =
        GradeInput { tracker_companies: 1, server_of_concern_requests: 1, entity_of_concern_requests: 3, unit: Unit::Connections, ..Default::default() };
    let reasons: Vec<String> = grade(&input).reasons.into_iter().map(|r| r.reason).collect();
    assert_eq!(reasons[0], format!("1 tracker company received tracker connections ({PER_TRACKER_COMPANY} points each, at most {MAX_TRACKERS})"));
    assert!(reasons[1].starts_with("1 connection went to servers"), "{reasons:?}");
    assert!(reasons[2].starts_with("3 connections went to endpoints"), "{reasons:?}");
    assert!(reasons.iter().all(|r| !r.contains("request")), "{reasons:?}");
}

#[test]
fn unidentified_tracker_domains_are_graded_as_domains_not_companies() {
    let g = grade(&GradeInput { tracker_companies: 1, unidentified_tracker_domains: 2, ..Default::default() });
    assert_eq!(g.score, 100 - 3 * PER_TRACKER_COMPANY);
    assert_eq!(
        g.reasons[0].reason,
        format!("1 tracker company and 2 unidentified tracker domains received tracker requests ({PER_TRACKER_COMPANY} points each, at most {MAX_TRACKERS})")
    );
}
