use super::*;

#[test]
fn us_preset_is_28_cfr_202() {
    let p = Policy::parse("us", "us").unwrap();
    for c in ["CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"] {
        assert_eq!(p.judge(Some(c)), Jurisdiction::OfConcern, "{c}");
    }
    assert_eq!(p.judge(Some("US")), Jurisdiction::Home);
    assert_eq!(p.judge(Some("SG")), Jurisdiction::Foreign);
    assert_eq!(p.judge(None), Jurisdiction::Unknown);
}

#[test]
fn eu_preset_uses_eea_and_adequacy() {
    let p = Policy::parse("DE", "eu").unwrap();
    assert_eq!(p.judge(Some("DE")), Jurisdiction::Home);
    assert_eq!(p.judge(Some("FR")), Jurisdiction::Foreign);
    assert_eq!(p.judge(Some("NO")), Jurisdiction::Foreign, "EEA");
    assert_eq!(p.judge(Some("JP")), Jurisdiction::Foreign, "adequate");
    assert_eq!(p.judge(Some("US")), Jurisdiction::Foreign, "adequate for DPF members");
    assert!(p.caveat("US").is_some());
    assert_eq!(p.judge(Some("CN")), Jurisdiction::OfConcern);
    assert_eq!(p.judge(Some("SG")), Jurisdiction::OfConcern);
    assert_eq!(p.judge(Some("IN")), Jurisdiction::OfConcern);
}

#[test]
fn custom_lists_and_home_never_of_concern() {
    let p = Policy::parse("sg", " sg, cn ,").unwrap();
    assert_eq!(p.home, "SG");
    assert_eq!(p.judge(Some("SG")), Jurisdiction::Home);
    assert_eq!(p.judge(Some("CN")), Jurisdiction::OfConcern);
    assert_eq!(p.judge(Some("US")), Jurisdiction::Foreign);
}

#[test]
fn bad_policies_are_clear_errors() {
    assert!(Policy::parse("USA", "us").unwrap_err().to_string().contains("two-letter"));
    assert!(Policy::parse("US", "C1").is_err());
    assert!(Policy::parse("US", ",,").unwrap_err().to_string().contains("empty"));
    assert!(Policy::parse("", "us").is_err());
}

#[test]
fn default_preset_follows_home() {
    assert_eq!(Policy::for_home("FR").unwrap().preset, Preset::Eu);
    assert_eq!(Policy::for_home("us").unwrap().preset, Preset::Us);
    assert_eq!(Policy::for_home("JP").unwrap().preset, Preset::Us);
}

#[test]
fn jurisdictions_order_from_local_to_of_concern() {
    use Jurisdiction::*;
    assert!(Local < Unknown && Unknown < Home && Home < Foreign && Foreign < OfConcern);
}
