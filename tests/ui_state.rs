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
        .reduce(Action::HeldElsewhere)
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

mod tab_guard {
    //! Issue 23: the tab guard's decisions. A reopened draft asks first; only a
    //! living holder pauses it; when the holder goes, saving resumes by itself
    //! (with the holder's version when only it changed the draft), and the
    //! user chooses only when both tabs changed it.
    use super::*;
    use selfcheck::model::draft::{DraftRecord, DRAFT_VERSION};
    use selfcheck::model::{Edit, Status};
    use selfcheck::ui::state::Hold;

    const ITEM: &str = "thinking.rules";

    fn record(notes_status: Status, saved_at: &str, revision: u64) -> DraftRecord {
        let c = Checklist::builtin();
        let mut a = selfcheck::model::Assessment::new(c, UnitInfo::default(), 2026, "t0");
        a.apply(c, Edit::Status(ITEM.into(), notes_status));
        DraftRecord {
            version: DRAFT_VERSION,
            id: "d1".into(),
            assessment: a,
            step: Step::Section(0),
            revision,
            saved_at: saved_at.into(),
        }
    }

    fn opened() -> Rc<AppState> {
        state().reduce(Action::Opened(Box::new(record(Status::Done, "s1", 3))))
    }

    fn hold(s: &AppState) -> Hold {
        s.open().unwrap().hold
    }

    fn edited(s: Rc<AppState>) -> Rc<AppState> {
        s.reduce(Action::Edited {
            edit: Edit::Status(ITEM.into(), Status::Partial),
            at: "t1".into(),
        })
    }

    #[test]
    fn a_reopened_draft_saves_nothing_until_it_knows_nobody_holds_it() {
        let s = edited(opened());
        assert_eq!(hold(&s), Hold::Checking);
        assert!(!s.needs_save(), "no save while asking");
        let s = s.reduce(Action::Held);
        assert_eq!(hold(&s), Hold::Mine);
        assert!(
            s.needs_save(),
            "what was typed meanwhile is saved once held"
        );
        // A new draft is this tab's at once.
        assert_eq!(hold(&created(state())), Hold::Mine);
    }

    #[test]
    fn when_the_holder_goes_saving_resumes_and_says_so() {
        let s = opened().reduce(Action::HeldElsewhere);
        assert_eq!(hold(&s), Hold::Paused);
        let s = edited(s);
        assert!(!s.needs_save(), "paused: nothing saved");
        // The holder went without saving anything new: this tab's edit is saved.
        let s = s.reduce(Action::HolderLeft(Some(Box::new(record(
            Status::Done,
            "s1",
            3,
        )))));
        assert_eq!(hold(&s), Hold::Mine);
        assert!(s.needs_save());
        assert_eq!(
            s.open().unwrap().assessment.status(ITEM),
            Some(Status::Partial)
        );
        assert_eq!(s.notices, vec![Message::from(Msg::SavingResumed)]);
    }

    #[test]
    fn the_holders_version_is_taken_when_only_it_changed_the_draft() {
        let s = opened().reduce(Action::HeldElsewhere);
        let theirs = record(Status::NotDone, "s2", 9);
        let s = s.reduce(Action::HolderLeft(Some(Box::new(theirs))));
        let o = s.open().unwrap();
        assert_eq!(o.hold, Hold::Mine);
        assert_eq!(o.assessment.status(ITEM), Some(Status::NotDone));
        assert_eq!(o.stored_at, "s2");
        assert!(!s.needs_save(), "nothing new to write");
        assert_eq!(s.notices, vec![Message::from(Msg::SavingResumedTheirs)]);
    }

    #[test]
    fn when_both_changed_the_user_chooses_and_nothing_is_overwritten() {
        let s = edited(opened().reduce(Action::HeldElsewhere));
        let s = s.reduce(Action::HolderLeft(Some(Box::new(record(
            Status::NotDone,
            "s2",
            9,
        )))));
        assert_eq!(hold(&s), Hold::BothChanged);
        assert!(!s.needs_save());
        assert_eq!(
            s.open().unwrap().assessment.status(ITEM),
            Some(Status::Partial),
            "this tab's text kept"
        );
        // A living tab claiming again does not hide the choice.
        let s = s.reduce(Action::HeldElsewhere);
        assert_eq!(hold(&s), Hold::BothChanged);
        let s = s.reduce(Action::TookOver);
        assert_eq!(hold(&s), Hold::Mine);
        assert!(s.needs_save());
    }

    #[test]
    fn when_both_changed_different_items_both_are_kept_and_saved() {
        let s = opened().reduce(Action::HeldElsewhere);
        // This tab answers another item; the holder changed ITEM and saved.
        let s = s.reduce(Action::Edited {
            edit: Edit::Status("thinking.risk_assessment".into(), Status::Done),
            at: "t1".into(),
        });
        let s = s.reduce(Action::HolderLeft(Some(Box::new(record(
            Status::NotDone,
            "s2",
            9,
        )))));
        let o = s.open().unwrap();
        assert_eq!(o.hold, Hold::Mine);
        assert_eq!(
            o.assessment.status(ITEM),
            Some(Status::NotDone),
            "the holder's change"
        );
        assert_eq!(
            o.assessment.status("thinking.risk_assessment"),
            Some(Status::Done),
            "this tab's change"
        );
        assert!(s.needs_save(), "the merged draft is saved");
        assert_eq!(s.notices, vec![Message::from(Msg::SavingResumedMerged)]);
    }

    #[test]
    fn the_holders_notice_goes_when_it_is_no_longer_true() {
        let s = opened()
            .reduce(Action::Held)
            .reduce(Action::OpenedElsewhere);
        assert_eq!(s.clone().reduce(Action::ViewerLeft).notices, vec![]);
        let s = s.reduce(Action::HeldElsewhere);
        assert_eq!(
            s.notices,
            vec![],
            "paused: “this window keeps saving” is no longer true"
        );
    }

    #[test]
    fn a_holder_is_told_when_another_tab_opens_its_draft_and_back_from_the_cache_asks_again() {
        let s = opened()
            .reduce(Action::Held)
            .reduce(Action::OpenedElsewhere);
        assert_eq!(s.notices, vec![Message::from(Msg::OpenedElsewhere)]);
        let s = s.reduce(Action::OpenedElsewhere);
        assert_eq!(s.notices.len(), 1, "said once");
        assert_eq!(hold(&s), Hold::Mine, "the holder keeps saving");
        let s = s.reduce(Action::Reshown);
        assert_eq!(hold(&s), Hold::Checking);
    }

    #[test]
    fn saving_records_what_storage_holds() {
        let s = opened().reduce(Action::Held).reduce(Action::Saved {
            revision: 3,
            time: "10:00:00".into(),
            saved_at: "s5".into(),
        });
        assert_eq!(s.open().unwrap().stored_at, "s5");
        // The holder leaving after this tab's own save is not "their" change.
        let s = s.reduce(Action::HeldElsewhere);
        let s = s.reduce(Action::HolderLeft(Some(Box::new(record(
            Status::Done,
            "s5",
            3,
        )))));
        assert_eq!(s.notices.last(), Some(&Message::from(Msg::SavingResumed)));
    }
}
