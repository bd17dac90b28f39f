//! Compiles the filter lists into a serialised adblock engine, so start-up maps
//! a buffer instead of parsing ~130k rules.
//!
//! The order of `LISTS` is the `source_index` the engine reports for a matched
//! rule; `src/classify/filters.rs` names them in the same order.

use std::path::Path;

use adblock::lists::{FilterSet, ParseOptions, RuleTypes};

/// File names under data/lists, in source-index order.
pub const LISTS: [&str; 3] = ["platform-telemetry.txt", "easyprivacy.txt", "easylist.txt"];

pub fn write_engine(lists: &Path, out: &Path) {
    // Debug mode keeps each rule's text and (list, line) so reports can cite it.
    let mut set = FilterSet::new(true);
    let opts = ParseOptions { rule_types: RuleTypes::NetworkOnly, ..Default::default() };
    for name in LISTS {
        let text = String::from_utf8(super::read(&lists.join(name)))
            .unwrap_or_else(|_| panic!("data build: {name} is not UTF-8"));
        set.add_filter_list(text, opts.clone());
    }
    // No optimisation pass: it fuses rules, and a fused rule loses its list and line.
    let engine = adblock::Engine::new_with_filter_set_no_optimize(set);
    super::write(&out.join("filters.dat"), &engine.serialize());
}
