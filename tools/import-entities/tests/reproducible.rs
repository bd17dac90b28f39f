//! The committed listed tier is exactly what the pinned inputs give.
use std::path::Path;

#[test]
fn the_committed_table_is_what_the_pinned_inputs_give() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let text = import_entities::render(&import_entities::build(&data));
    let committed = std::fs::read_to_string(data.join(import_entities::OUTPUT)).expect("data/entities-listed.toml");
    assert!(
        text == committed,
        "data/entities-listed.toml differs from what data/upstream/ and data/entity-links.toml give: run `cargo run -p import-entities` and review the diff"
    );
}

/// A cited company whose domains are to come from the listed tier is reached:
/// a listed company is linked to it, or it is the parent of one that is.
#[test]
fn every_cited_company_without_domains_is_linked_or_a_parent() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let cited: toml::Value = toml::from_str(&std::fs::read_to_string(data.join("entities.toml")).unwrap()).unwrap();
    let links: toml::Value = toml::from_str(&std::fs::read_to_string(data.join("entity-links.toml")).unwrap()).unwrap();
    let targets: Vec<&str> = ["same", "v2fly"].iter().flat_map(|t| links[t].as_table().unwrap().values().map(|v| v.as_str().unwrap())).collect();
    let entities = cited["entity"].as_array().unwrap();
    let parents: Vec<&str> = entities.iter().map(|e| e["parent"].as_str().unwrap()).collect();
    for e in entities {
        let id = e["id"].as_str().unwrap();
        let has_domains = e.get("domains").and_then(|d| d.as_table()).is_some_and(|d| !d.is_empty());
        // `domains_source = ""`: the company's domains are the listed tier's.
        if has_domains || !e["domains_source"].as_str().unwrap().is_empty() {
            continue;
        }
        assert!(
            targets.contains(&id) || parents.contains(&id),
            "{id}: its domains are to come from the listed tier, but no listed company is linked to it and it has no child"
        );
    }
}
