//! The reducer's screens: one `Screen` at a time, reached by events; notices
//! kept as messages so they follow the language the user switches to.

use std::rc::Rc;

use selfcheck::model::draft::Step;
use selfcheck::model::messages::{m, Message, Msg};
use selfcheck::model::{Checklist, Lang, Text, UnitInfo};
use selfcheck::ui::state::{Action, AppState, Screen};
use yew::Reducible;

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(
        Lang::Zh,
        vec![Rc::new(Checklist::builtin().clone())],
    ))
}

fn created(s: Rc<AppState>) -> Rc<AppState> {
    let checklist = s.builtin();
    s.reduce(Action::Created {
        id: "d1".into(),
        unit: UnitInfo::default(),
        year: 2026,
        at: "t0".into(),
        checklist,
    })
}

#[test]
fn the_app_starts_on_the_start_screen() {
    let s = state();
    assert_eq!(s.screen, Screen::Start);
    assert!(s.open().is_none());
}

#[test]
fn each_screen_is_reached_by_an_event_and_left_for_home() {
    let s = state().reduce(Action::ChecklistShown);
    assert_eq!(s.screen, Screen::Checklist);
    let s = s.reduce(Action::WentHome).reduce(Action::DeskShown);
    assert_eq!(s.screen, Screen::Desk);
    // Starting an assessment replaces whatever screen was shown.
    let s = created(s);
    assert!(matches!(&s.screen, Screen::Draft(o) if o.step == Step::Section(0)));
    let s = s.reduce(Action::SteppedTo(Step::Summary));
    assert_eq!(s.open().unwrap().step, Step::Summary);
    let s = s.reduce(Action::WentHome);
    assert_eq!(s.screen, Screen::Start);
}

#[test]
fn walk_events_without_an_open_draft_change_nothing() {
    let s = state().reduce(Action::DeskShown);
    let after = s
        .clone()
        .reduce(Action::SteppedTo(Step::Finish))
        .reduce(Action::ExternalChange)
        .reduce(Action::FixAsked {
            item: None,
            field: "name".into(),
        });
    assert_eq!(after, s);
}

#[test]
fn a_notice_is_shown_in_the_language_current_when_it_is_read() {
    let s = state().reduce(Action::Noticed(vec![
        Message::Fixed(Msg::ChecklistInvalid),
        m::ChecklistAlready {
            title: Text::new("某县清单", "A county checklist"),
            version: "1".into(),
        }
        .into(),
    ]));
    let shown = |s: &AppState| s.notices.iter().map(|m| m.tr(s.lang)).collect::<Vec<_>>();
    assert_eq!(
        shown(&s),
        [
            "检查清单文件有以下问题，未载入：",
            "检查清单“某县清单”（版本 1）已经载入过，无需重复载入。"
        ]
    );
    let s = s.reduce(Action::LanguageChosen(Lang::En));
    assert_eq!(
        shown(&s),
        [
            "The checklist file has these problems and was not loaded:",
            "The checklist “A county checklist” (version 1) is already loaded."
        ]
    );
    // A new notice replaces the old; dismissing clears.
    let s = s.reduce(Action::Noticed(vec![Msg::StorageFull.into()]));
    assert_eq!(shown(&s), ["The browser's storage is full"]);
    assert!(s.reduce(Action::NoticesDismissed).notices.is_empty());
}

#[test]
fn a_draft_whose_checklist_is_missing_stays_home_with_a_notice() {
    let s = created(state());
    let mut record = s.record("t1").unwrap();
    record.assessment.checklist.id = "county.other".into();
    let s = state().reduce(Action::Opened(Box::new(record)));
    assert_eq!(s.screen, Screen::Start);
    assert!(s.notices[0].tr(Lang::Zh).contains("county.other"));
}

#[test]
fn a_kept_checklist_is_added_once_and_removed_by_fingerprint() {
    let mut custom = Checklist::builtin().clone();
    custom.id = "county.x".into();
    let custom = Rc::new(custom);
    let s = state()
        .reduce(Action::ChecklistKept(custom.clone()))
        .reduce(Action::ChecklistKept(custom.clone()));
    assert_eq!(s.library.len(), 2);
    let s = s.reduce(Action::ChecklistRemoved(custom.sha256().to_string()));
    assert_eq!(s.library.len(), 1);
    // The built-in checklist is never removed.
    let builtin = s.builtin().sha256().to_string();
    assert_eq!(s.reduce(Action::ChecklistRemoved(builtin)).library.len(), 1);
}
