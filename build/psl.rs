//! Compiles the Public Suffix List into three sorted string tables (plain
//! rules, wildcard bases, exceptions) in punycode, so the core looks domains up
//! with binary searches and nothing is parsed at start-up.

use std::fmt::Write;
use std::path::Path;

pub fn write_psl(path: &Path, out: &Path) {
    let text = String::from_utf8(super::read(path)).expect("the PSL is UTF-8");
    let (mut rules, mut wildcards, mut exceptions) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        // A rule is the first whitespace-free run of a line; comments start with "//".
        let rule = line.split_whitespace().next().unwrap_or("");
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        let (kind, name) = if let Some(r) = rule.strip_prefix('!') {
            (2, r)
        } else if let Some(r) = rule.strip_prefix("*.") {
            (1, r)
        } else {
            (0, rule)
        };
        let ascii = idna::domain_to_ascii(name).unwrap_or_else(|e| panic!("data build: PSL rule `{rule}`: {e:?}"));
        assert!(!ascii.contains('*'), "data build: PSL rule `{rule}`: wildcards only as the leftmost label are supported");
        [&mut rules, &mut wildcards, &mut exceptions][kind].push(ascii);
    }
    assert!(rules.len() > 5000, "data build: the PSL has only {} rules", rules.len());
    let mut code = String::from("// Generated from data/psl/public_suffix_list.dat by build/psl.rs.\n");
    for (name, list) in [("RULES", &mut rules), ("WILDCARDS", &mut wildcards), ("EXCEPTIONS", &mut exceptions)] {
        list.sort();
        list.dedup();
        writeln!(code, "static {name}: &[&str] = &[").unwrap();
        for r in list.iter() {
            writeln!(code, "    {r:?},").unwrap();
        }
        code.push_str("];\n");
    }
    super::write(&out.join("psl.rs"), code.as_bytes());
}
