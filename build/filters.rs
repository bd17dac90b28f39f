//! Compiles the filter lists into serialised adblock engines, so start-up maps
//! a buffer instead of parsing ~130k rules. Two engines: Borderline's platform
//! telemetry list, consulted first so a platform's own telemetry is named as
//! such even when EasyPrivacy also lists it, and the general lists.
//!
//! The order within each engine is the `source_index` it reports for a matched
//! rule; `src/classify/filters.rs` names them in the same order.

use std::path::Path;

use adblock::lists::{FilterSet, ParseOptions, RuleTypes};

/// Output file → list files under data/lists, in source-index order.
pub const ENGINES: [(&str, &[&str]); 2] = [("platform.dat", &["platform-telemetry.txt"]), ("general.dat", &["easyprivacy.txt", "easylist.txt"])];

pub fn write_engine(lists: &Path, out: &Path) {
    for (file, names) in ENGINES {
        // Debug mode keeps each rule's text and (list, line) so reports can cite it.
        let mut set = FilterSet::new(true);
        let opts = ParseOptions { rule_types: RuleTypes::NetworkOnly, ..Default::default() };
        for name in names {
            let text = String::from_utf8(super::read(&lists.join(name))).unwrap_or_else(|_| panic!("data build: {name} is not UTF-8"));
            set.add_filter_list(text, opts);
        }
        // No optimisation pass: it fuses rules, and a fused rule loses its list and line.
        let engine = adblock::Engine::new_with_filter_set_no_optimize(set);
        super::write(&out.join(file), &engine.serialize());
    }
}
