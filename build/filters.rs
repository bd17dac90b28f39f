//! Compiles the filter lists into serialised adblock engines, so start-up maps
//! a buffer instead of parsing ~130k rules. Two engines: Borderline's platform
//! telemetry list, consulted first so a platform's own telemetry is named as
//! such even when EasyPrivacy also lists it, and the general lists.
//!
//! The order within each engine is the `source_index` it reports for a matched
//! rule; `src/classify/filters.rs` names them in the same order.
//!
//! Each engine is built optimised: the optimiser fuses the rules that have no
//! token to index them by (otherwise tried on every request) into one, which
//! makes matching about a fifth cheaper, but a fused rule no longer knows its
//! list and line. So each engine comes with an attribution engine, unoptimised,
//! holding every rule the optimiser could have fused (a superset: see
//! `may_be_fused`). It is consulted only when a fused rule decided, and names
//! the rule as written.
//!
//! Only network rules go into the engines. In debug mode the engine also keeps
//! every line it could not use (comments, cosmetic rules: most of EasyList),
//! which would ship 1 MB for nothing; so each list is given to the engine with
//! its network rules only, and a line map per list turns the engine's line
//! numbers back into the list file's.

use std::path::Path;

use adblock::filters::network::{FilterPart, NetworkFilter, NetworkFilterMask, NetworkFilterMaskHelper};
use adblock::lists::{parse_filter, FilterSet, ParseOptions, ParsedLine, RuleTypes};

/// Each engine's list files under data/lists, in source-index order.
pub const ENGINES: [&[&str]; 2] = [&["platform-telemetry.txt"], &["easyprivacy.txt", "easylist.txt"]];

/// Could the optimiser fuse this rule? It fuses only rules it can group by
/// pattern (no `$domain`, no `||` anchor, no redirect or CSP) that yield no
/// token. Token-less means at most the first and the last token of the
/// pattern, which the engine may skip: counting the pattern's tokens without
/// skipping gives a superset, which is all attribution needs. `$badfilter`
/// rules go in too, so they cancel in the attribution engine what they cancel
/// in the main one.
fn may_be_fused(f: &NetworkFilter) -> bool {
    if f.is_badfilter() {
        return true;
    }
    let groupable =
        f.opt_domains.is_none() && f.opt_not_domains.is_none() && !f.mask.contains(NetworkFilterMask::IS_HOSTNAME_ANCHOR) && !f.is_redirect() && !f.is_csp();
    groupable
        && match &f.filter {
            FilterPart::Simple(p) => f.is_complete_regex() || adblock::utils::tokenize(p).len() <= 2,
            _ => true,
        }
}

/// One list's rules as given to an engine, and where each came from.
struct Rules {
    text: String,
    /// 0-based line in the list file of each rule, as u32 LE.
    lines: Vec<u8>,
}

impl Rules {
    fn new() -> Rules {
        Rules { text: String::new(), lines: Vec::new() }
    }

    fn push(&mut self, line: &str, n: usize) {
        self.text.push_str(line);
        self.text.push('\n');
        self.lines.extend_from_slice(&(n as u32).to_le_bytes());
    }
}

/// Writes `lists.bin`, a data pack of, for each engine in order: the
/// optimised engine, its attribution engine, then one line map per list for
/// each of the two (u32 LE per rule: its 0-based line in the list file).
pub fn write_engine(lists: &Path, out: &Path) {
    let opts = ParseOptions { rule_types: RuleTypes::NetworkOnly, ..Default::default() };
    let mut sections: Vec<Vec<u8>> = Vec::new();
    for names in ENGINES {
        // Debug mode keeps each rule's text and (list, line) so reports can cite it.
        let (mut all, mut fusable) = (FilterSet::new(true), FilterSet::new(true));
        let (mut all_lines, mut fusable_lines) = (Vec::new(), Vec::new());
        for name in names {
            let text = String::from_utf8(super::read(&lists.join(name))).unwrap_or_else(|_| panic!("data build: {name} is not UTF-8"));
            let (mut rules, mut candidates) = (Rules::new(), Rules::new());
            for (n, line) in text.lines().enumerate() {
                if let Ok(ParsedLine::Network(f)) = parse_filter(line, false, opts) {
                    rules.push(line, n);
                    if may_be_fused(&f) {
                        candidates.push(line, n);
                    }
                }
            }
            all.add_filter_list(rules.text, opts);
            fusable.add_filter_list(candidates.text, opts);
            all_lines.push(rules.lines);
            fusable_lines.push(candidates.lines);
        }
        sections.push(adblock::Engine::new_with_filter_set(all).serialize());
        sections.push(adblock::Engine::new_with_filter_set_no_optimize(fusable).serialize());
        sections.extend(all_lines);
        sections.extend(fusable_lines);
    }
    let refs: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
    super::write(&out.join("lists.bin"), &super::pack::write(&refs));
}
