use super::*;
use crate::aggregate::{grade, GradeInput, Unit};
use fluent_syntax::ast;

fn parse(tag: &str, ftl: &str) -> ast::Resource<String> {
    match fluent_syntax::parser::parse(ftl.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{tag}: syntax errors: {errors:?}"),
    }
}

/// Variables a pattern uses, through selects and nested placeables.
fn variables(p: &ast::Pattern<String>, out: &mut std::collections::BTreeSet<String>) {
    fn expr(e: &ast::Expression<String>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &ast::InlineExpression<String>, out: &mut std::collections::BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.clone());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

fn messages(tag: &str, ftl: &str) -> Vec<(String, std::collections::BTreeSet<String>)> {
    parse(tag, ftl)
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => {
                let mut vars = std::collections::BTreeSet::new();
                if let Some(v) = &m.value {
                    variables(v, &mut vars);
                }
                Some((m.id.name.clone(), vars))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_catalogue_parses_and_has_every_english_message_with_its_variables() {
    for (files, least) in [(SHIPPED, 100), (PAGE, 20)] {
        catalogue_files_agree(files, least);
    }
}

fn catalogue_files_agree(files: &[(&str, &str)], least: usize) {
    let en = messages("en", files[0].1);
    assert!(en.len() >= least, "{} English messages", en.len());
    assert_eq!(files.iter().map(|f| f.0).collect::<Vec<_>>(), SHIPPED.iter().map(|f| f.0).collect::<Vec<_>>());
    for (tag, ftl) in files {
        let these = messages(tag, ftl);
        let ids: Vec<&String> = these.iter().map(|m| &m.0).collect();
        let want: Vec<&String> = en.iter().map(|m| &m.0).collect();
        let missing: Vec<&&String> = want.iter().filter(|id| !ids.contains(id)).collect();
        let extra: Vec<&&String> = ids.iter().filter(|id| !want.contains(id)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{tag}: missing {missing:?}, not in English {extra:?}");
        for ((id, vars), (_, theirs)) in en.iter().zip(&these) {
            // Every variable the English uses is used (a translation may drop none; it may reorder).
            let lost: Vec<&String> = vars.difference(theirs).collect();
            assert!(lost.is_empty(), "{tag}: {id} lost {lost:?}");
        }
    }
}

/// Every message formatted with one set of arguments (a number that is
/// plural everywhere, text placeholders), for comparing languages.
fn formatted(l: &L10n) -> Vec<(String, String)> {
    let args: Vec<(&str, Arg)> = ["n", "companies", "domains", "per", "max", "score", "endpoints"]
        .into_iter()
        .map(|k| (k, Arg::Num(7)))
        .chain(
            [
                "site",
                "host",
                "who",
                "where",
                "kinds",
                "reason",
                "letter",
                "policy",
                "publisher",
                "group",
                "name",
                "parent",
                "countries",
                "country",
                "domicile",
                "headquarters",
                "a",
                "b",
                "size",
            ]
            .into_iter()
            .map(|k| (k, Arg::from("X"))),
        )
        .chain(std::iter::once(("unit", Arg::from("requests"))))
        .collect();
    english().ids().into_iter().map(|id| (l.ta(&id, &args), id)).collect()
}

#[test]
fn no_shipped_catalogue_is_a_copy_of_english() {
    let en = formatted(english());
    for (tag, _) in &SHIPPED[1..] {
        let (l, note) = negotiate(&[tag]);
        assert_eq!((l.tag(), note), (*tag, None));
        let theirs = formatted(l);
        // Short tags and pure structure can coincide across languages ("local",
        // "cdn", "{ $name } ({ $countries })"); phrases of three words or more may not.
        let words = |t: &str| t.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 1 && *w != "X").count();
        let phrases: Vec<_> = en.iter().zip(&theirs).filter(|(a, _)| words(&a.0) >= 3).collect();
        let same: Vec<&String> = phrases.iter().filter(|(a, b)| a.0 == b.0).map(|(a, _)| &a.1).collect();
        assert!(phrases.len() >= 30, "{} phrases compared", phrases.len());
        assert!(same.is_empty(), "{tag}: {} of {} phrases read as in English: {same:?}", same.len(), phrases.len());
    }
}

#[test]
fn every_message_the_code_asks_for_is_in_english() {
    let mut asked = std::collections::BTreeSet::new();
    fn walk(dir: &std::path::Path, asked: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, asked);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for call in [".t(\"", ".ta(\""] {
                    for (i, _) in text.match_indices(call) {
                        let rest = &text[i + call.len()..];
                        if let Some(end) = rest.find('"') {
                            asked.insert(rest[..end].to_string());
                        }
                    }
                }
            }
        }
    }
    walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut asked);
    walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/extension/wasm/src")), &mut asked);
    assert!(asked.len() >= 40, "the scan finds the calls ({})", asked.len());
    // Ids made from a label at run time.
    for j in [
        crate::judge::Jurisdiction::Local,
        crate::judge::Jurisdiction::Unknown,
        crate::judge::Jurisdiction::Home,
        crate::judge::Jurisdiction::Foreign,
        crate::judge::Jurisdiction::OfConcern,
    ] {
        asked.insert(format!("jurisdiction-{}", j.label()));
    }
    use crate::classify::entity::Category;
    for c in [
        Category::Advertising,
        Category::Analytics,
        Category::Telemetry,
        Category::Social,
        Category::SessionReplay,
        Category::Fingerprinting,
        Category::Cdn,
        Category::Content,
        Category::Api,
    ] {
        asked.insert(format!("category-{}", c.label()));
    }
    let missing: Vec<&String> = asked.iter().filter(|id| !english().has(id)).collect();
    assert!(missing.is_empty(), "asked for but not in the English catalogue: {missing:?}");
}

#[test]
fn grade_reasons_in_english_are_the_sentences_the_json_quotes() {
    let mut checked = 0;
    for unit in [Unit::Requests, Unit::Connections] {
        for companies in [0u64, 1, 2, 9] {
            for domains in [0u64, 1, 3] {
                for n in [0u64, 1, 2, 40] {
                    let input = GradeInput {
                        tracker_companies: companies as usize,
                        unidentified_tracker_domains: domains as usize,
                        session_replay: n == 1,
                        fingerprinting: n == 2,
                        server_of_concern_requests: n,
                        entity_of_concern_requests: n,
                        third_party_cookies: n,
                        identifiers_sent: n,
                        contact_details_sent: n,
                        unit,
                    };
                    for r in grade(&input).reasons {
                        assert!(r.why.is_some());
                        assert_eq!(r.text(english(), unit), r.reason, "{r:?}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 300);
}

#[test]
fn the_reader_s_language_is_negotiated_and_english_is_the_fallback() {
    let tag = |w: &[&str]| negotiate(w).0.tag();
    assert_eq!(tag(&["de-DE"]), "de");
    assert_eq!(tag(&["de_AT.UTF-8"]), "de");
    assert_eq!(tag(&["pt-BR"]), "pt-BR");
    assert_eq!(tag(&["pt-PT"]), "pt-BR");
    assert_eq!(tag(&["pt"]), "pt-BR");
    assert_eq!(tag(&["zh-CN"]), "zh-CN");
    assert_eq!(tag(&["zh"]), "zh-CN");
    assert_eq!(tag(&["in-ID", "id-ID"]), "id");
    assert_eq!(tag(&["nl-NL", "fr-BE"]), "fr", "the first shipped one of several asked for");
    assert_eq!(tag(&["en-XA"]), "en-XA");
    let (l, note) = negotiate(&["C"]);
    assert_eq!((l.tag(), note), ("en", None), "the C locale asks for nothing");
    let (l, note) = negotiate(&["xx-YY"]);
    assert_eq!(l.tag(), "en");
    assert!(note.unwrap().contains("no catalogue for xx-YY"));
    let (l, note) = negotiate(&["not a tag!!"]);
    assert_eq!(l.tag(), "en");
    assert!(note.is_some());
    assert_eq!(negotiate::<&str>(&[]).0.tag(), "en");
}

#[test]
fn pseudo_locales_are_longer_accented_and_right_to_left() {
    let en = english().t("glance-top-companies");
    let (xa, _) = negotiate(&["en-XA"]);
    let long = xa.t("glance-top-companies");
    assert!(long.chars().count() > en.chars().count(), "{long}");
    assert!(!long.is_ascii(), "{long}");
    let (xb, _) = negotiate(&["ar-XB"]);
    assert_eq!(xb.dir(), "rtl");
    assert_ne!(xb.t("glance-top-companies"), en);
    // Placeables are left as they are: a host is never transformed.
    assert!(xa.ta("popup-endpoints-caption", &[("site", "tiktok.com".into())]).contains("tiktok.com"));
}

#[test]
fn a_missing_message_falls_back_to_english_and_an_unknown_one_shows_its_id() {
    let (de, _) = negotiate(&["de"]);
    assert_eq!(de.t("no-such-message"), "no-such-message");
    assert_eq!(english().t("no-such-message"), "no-such-message");
}

#[test]
fn countries_and_languages_are_named_from_cldr() {
    use crate::render::country_label;
    let (de, _) = negotiate(&["de"]);
    let (zh, _) = negotiate(&["zh-CN"]);
    assert_eq!(english().country("US"), Some("United States"));
    assert_eq!(de.country("KY"), Some("Kaimaninseln"));
    assert_eq!(zh.country("CN"), Some("中国"));
    assert_eq!(de.country("ZZ"), None, "no guess for a code CLDR does not name");
    assert_eq!(country_label("US", de, 24), "Vereinigte Staaten (US)");
    assert_eq!(country_label("ZZ", de, 24), "ZZ");
    // Shortened to fit, the code always whole.
    let long = country_label("BA", de, 24);
    assert!(long.chars().count() <= 24 && long.ends_with("… (BA)"), "{long}");
    // Pseudo-locales use English names.
    assert_eq!(negotiate(&["en-XA"]).0.country("FR"), Some("France"));
    // Every shipped language names itself, and every country of the IP tables' world has a name in each.
    let names = languages();
    assert_eq!(names.len(), SHIPPED.len());
    assert!(names.contains(&("de", "Deutsch")) && names.contains(&("zh-CN", "简体中文")), "{names:?}");
    for (tag, _) in SHIPPED {
        let (l, _) = negotiate(&[tag]);
        for code in ["US", "CN", "SG", "IE", "KY", "HK", "RU", "DE", "BR", "ID"] {
            assert!(l.country(code).is_some(), "{tag}: {code}");
        }
    }
}

#[test]
fn numbers_are_grouped_as_each_language_writes_them() {
    let n = |tag: &str, v: u64| negotiate(&[tag]).0.number(v);
    assert_eq!(n("en", 999), "999");
    assert_eq!(n("en", 2008), "2,008");
    assert_eq!(n("de", 1_234_567), "1.234.567");
    assert_eq!(n("fr", 12345), "12\u{202f}345");
    assert_eq!(n("es", 1234), "1234", "Spanish groups from five digits");
    assert_eq!(n("es", 12345), "12.345");
    assert_eq!(n("zh-CN", 12345), "12,345");
    // In a message, the count is grouped and the plural still chosen by the number.
    assert_eq!(english().ta("unit-count", &[("n", 2008u64.into()), ("unit", "requests".into())]), "2,008 requests");
    assert_eq!(
        negotiate(&["de"]).0.ta("unit-count", &[("n", 1u64.into()), ("unit", "requests".into())]),
        english().ta("unit-count", &[("n", 1u64.into()), ("unit", "requests".into())]).replace("request", "Anfrage")
    );
}

#[test]
fn identifiers_are_never_grouped_like_quantities() {
    use crate::render::view_words_for_tests as w;
    let (de, _) = negotiate(&["de"]);
    let (asn, line) = w(de);
    assert!(asn.contains("AS13335") && !asn.contains("13.335"), "{asn}");
    assert!(line.contains("12345") && !line.contains("12.345"), "{line}");
}

#[test]
fn findings_and_policies_in_english_are_what_the_json_quotes_and_every_language_has_them() {
    use crate::aggregate::Bounds;
    use crate::judge::Policy;
    use crate::observe::read_har;
    use crate::render::findings_in_language;
    for (home, preset) in [("US", "us"), ("DE", "eu"), ("US", "CN,RU"), ("FR", "us")] {
        let p = Policy::parse(home, preset).unwrap();
        assert_eq!(p.describe_in(english()), p.describe_literal(), "{home} {preset}");
        let view = (p.home.clone(), p.preset_name().to_string(), p.describe());
        assert_eq!(Policy::of_view(&view.0, &view.1, &view.2).map(|q| q.describe()), Some(p.describe()), "read back from its view");
    }
    let analyzer = crate::Analyzer::new();
    let mut checked = 0;
    for dir in ["tiktok/foryou", "youtube/mixed-chrome", "youtube/watch", "bilibili/video"] {
        let text = std::fs::read_to_string(format!("{}/tests/fixtures/{dir}/capture.har", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let har = read_har(&text, |_, _| {}).unwrap();
        for policy in [Policy::parse("US", "us").unwrap(), Policy::parse("DE", "eu").unwrap(), Policy::parse("US", "CN,US").unwrap()] {
            let site = analyzer.observe_capture(&har, Bounds::UNBOUNDED).pick(None).unwrap();
            let r = analyzer.report(&site, &policy);
            assert_eq!(findings_in_language(&r, english()).as_ref(), Some(&r.findings), "{dir}: English findings made again are the JSON's");
            for (tag, _) in &SHIPPED[1..] {
                let translated = findings_in_language(&r, negotiate(&[tag]).0).unwrap();
                assert_eq!(translated.len(), r.findings.len());
                for (a, b) in translated.iter().zip(&r.findings) {
                    assert_eq!((a.kind, a.severity, &a.subject, &a.evidence), (b.kind, b.severity, &b.subject, &b.evidence), "{tag}: the same finding");
                    assert!(!a.message.contains("{$") && !a.message.is_empty(), "{tag}: {}", a.message);
                }
            }
            checked += r.findings.len();
        }
    }
    assert!(checked > 20, "{checked} findings compared");
}

#[test]
fn a_packet_capture_s_limits_in_english_are_the_json_s_and_every_language_has_them() {
    use crate::observe::packets::pcapdroid_csv::read_connections_csv;
    use crate::observe::packets::read_packets;
    use crate::render::CaptureView;
    let root = format!("{}/tests/fixtures/phone", env!("CARGO_MANIFEST_DIR"));
    let mut captures = vec![read_packets(std::fs::File::open(format!("{root}/tiktok-app/capture.pcapng")).unwrap(), |_| {}).unwrap()];
    captures.push(read_connections_csv(&std::fs::read(format!("{root}/pcapdroid-csv/capture.csv")).unwrap()).unwrap());
    for capture in &captures {
        let mut pk = CaptureView::of_packets(capture).packets.unwrap();
        assert_eq!(pk.limits_in(english()), pk.limits);
        // Every counted limit, made to apply.
        pk.encrypted_dns = 2;
        pk.packets_other_ip = 1;
        pk.dns_not_kept = 3;
        pk.ech = 4;
        pk.ambiguous = 5;
        pk.mid_stream = 6;
        pk.stopped = Some("truncated".into());
        let en = pk.limits_in(english());
        assert_eq!(en.len(), 2 + pk.notes.len() + 7);
        for (tag, _) in &SHIPPED[1..] {
            let theirs = pk.limits_in(negotiate(&[tag]).0);
            assert_eq!(theirs.len(), en.len());
            for (a, b) in theirs.iter().zip(&en).skip(2 + pk.notes.len()) {
                assert_ne!(a, b, "{tag}: translated");
                assert!(!a.contains("{$"), "{tag}: {a}");
            }
        }
    }
}
