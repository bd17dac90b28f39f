//! `cargo run -p import-entities`: rewrites data/entities-listed.toml from
//! the pinned inputs (see the library's documentation for the rule).
use std::path::Path;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let companies = import_entities::build(&data);
    let text = import_entities::render(&companies);
    std::fs::write(data.join(import_entities::OUTPUT), &text).expect("write data/entities-listed.toml");
    let domains: usize = companies.iter().map(|c| c.domains.len()).sum();
    let with_hq = companies.iter().filter(|c| c.cited.is_none() && c.headquarters.is_some()).count();
    println!("data/{}: {} companies ({} with a headquarters country), {domains} domains", import_entities::OUTPUT, companies.len(), with_hq);
}
