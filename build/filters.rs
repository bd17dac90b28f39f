//! Compiles the filter lists into serialised adblock engines, so start-up maps
//! a buffer instead of parsing ~130k rules. Two engines: Borderline's platform
//! telemetry list, consulted first so a platform's own telemetry is named as
//! such even when EasyPrivacy also lists it, and the general lists.
//!
//! The order within each engine is the `source_index` it reports for a matched
//! rule; `src/classify/filters.rs` names them in the same order.
//!
//! Only network rules go into the engines. In debug mode the engine also keeps
//! every line it could not use (comments, cosmetic rules: most of EasyList),
//! which would ship 1 MB for nothing; so each list is given to the engine with
//! its network rules only, and a line map per list turns the engine's line
//! numbers back into the list file's.

use std::path::Path;

use adblock::lists::{parse_filter, FilterSet, ParseOptions, ParsedLine, RuleTypes};

/// Each engine's list files under data/lists, in source-index order.
pub const ENGINES: [&[&str]; 2] = [&["platform-telemetry.txt"], &["easyprivacy.txt", "easylist.txt"]];

/// Writes `lists.bin`, a data pack of: the two serialised engines, then one
/// line map per list in the order above (u32 LE per network rule: its 0-based
/// line in the list file).
pub fn write_engine(lists: &Path, out: &Path) {
    let opts = ParseOptions { rule_types: RuleTypes::NetworkOnly, ..Default::default() };
    let mut engines = Vec::new();
    let mut line_maps = Vec::new();
    for names in ENGINES {
        // Debug mode keeps each rule's text and (list, line) so reports can cite it.
        let mut set = FilterSet::new(true);
        for name in names {
            let text = String::from_utf8(super::read(&lists.join(name))).unwrap_or_else(|_| panic!("data build: {name} is not UTF-8"));
            let mut rules = String::with_capacity(text.len() / 2);
            let mut map = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if matches!(parse_filter(line, false, opts), Ok(ParsedLine::Network(_))) {
                    rules.push_str(line);
                    rules.push('\n');
                    map.extend_from_slice(&(n as u32).to_le_bytes());
                }
            }
            set.add_filter_list(rules, opts);
            line_maps.push(map);
        }
        // No optimisation pass: it fuses rules, and a fused rule loses its list and line.
        let engine = adblock::Engine::new_with_filter_set_no_optimize(set);
        engines.push(engine.serialize());
    }
    let sections: Vec<&[u8]> = engines.iter().chain(&line_maps).map(Vec::as_slice).collect();
    super::write(&out.join("lists.bin"), &super::pack::write(&sections));
}
