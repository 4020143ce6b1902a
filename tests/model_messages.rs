//! The message catalogue: English is complete wherever Chinese is, both
//! templates of a message name the same placeholders, and a stored message
//! renders in whichever language is asked for.

use selfcheck::model::messages::{m, Message, Msg};
use selfcheck::model::{Lang, Text};

fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(n, _)| n.to_string()))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_fixed_message_has_both_languages() {
    for m in Msg::ALL {
        let (zh, en) = m.pair();
        assert!(!zh.trim().is_empty(), "{m:?} has no Chinese");
        assert!(!en.trim().is_empty(), "{m:?} has no English");
        assert!(
            !en.contains('{'),
            "{m:?} is fixed but has a placeholder: {en}"
        );
    }
}

#[test]
fn both_templates_name_the_same_placeholders() {
    assert!(!Message::TEMPLATES.is_empty());
    for (zh, en) in Message::TEMPLATES {
        assert!(!en.trim().is_empty(), "no English for {zh}");
        assert_eq!(placeholders(zh), placeholders(en), "{zh} / {en}");
        assert!(!placeholders(zh).is_empty(), "{zh} has no placeholder");
    }
}

#[test]
fn a_message_renders_in_the_language_asked_for() {
    let loaded: Message = m::ChecklistLoaded {
        title: Text::new("某县清单", "A county checklist"),
        version: "2027.1".into(),
        n: 31,
    }
    .into();
    assert_eq!(
        loaded.tr(Lang::Zh),
        "已载入检查清单“某县清单”（版本 2027.1，31项）。新建自查时可以选择它。"
    );
    assert_eq!(
        loaded.tr(Lang::En),
        "Loaded the checklist “A county checklist” (version 2027.1, 31 items). Choose it when starting a new assessment."
    );
    let failed: Message = m::SaveFailed {
        reason: Msg::StorageFull,
    }
    .into();
    assert!(failed.tr(Lang::Zh).contains("浏览器存储空间已满"));
    assert!(failed
        .tr(Lang::En)
        .contains("The browser's storage is full"));
    assert_eq!(Message::from(Msg::Back).tr(Lang::En), "Back");
}

#[test]
fn reports_are_counted_as_reports_in_both_languages() {
    assert_eq!(m::ReportsCount { n: 63 }.tr(Lang::Zh), "63份");
    assert_eq!(m::ReportsCount { n: 63 }.tr(Lang::En), "63 reports");
}

/// Every fixed text has both languages and no placeholder; every template
/// names the same placeholders in both.
fn complete(fixed: &[(&str, &str)], templates: &[(&str, &str)]) {
    assert!(!fixed.is_empty() && !templates.is_empty());
    for (zh, en) in fixed {
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{zh} / {en}"
        );
        assert!(!en.contains('{'), "fixed but has a placeholder: {en}");
    }
    for (zh, en) in templates {
        assert!(!en.trim().is_empty(), "no English for {zh}");
        assert_eq!(placeholders(zh), placeholders(en), "{zh} / {en}");
    }
}

#[test]
fn the_documents_catalogue_is_complete_too() {
    use selfcheck::model::messages::documents;
    let fixed: Vec<_> = documents::Msg::ALL.iter().map(|m| m.pair()).collect();
    complete(&fixed, documents::TEMPLATES);
}

#[test]
fn the_bureau_catalogue_is_complete_too() {
    use selfcheck::model::messages::bureau;
    let fixed: Vec<_> = bureau::Msg::ALL.iter().map(|m| m.pair()).collect();
    complete(&fixed, bureau::TEMPLATES);
    // A bureau message made with its values renders in either language, as a Message.
    let made: Message = bureau::m::ShownOf { n: 3, total: 7 }.into();
    assert_ne!(made.tr(Lang::Zh), made.tr(Lang::En));
    assert!(made.tr(Lang::En).contains('3') && made.tr(Lang::En).contains('7'));
}
