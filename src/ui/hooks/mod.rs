//! The root component's behaviour, one named hook per concern, so that
//! `App` only composes: start-up and crash recovery, autosave, the tab lock,
//! storage events from other tabs, focus requests, the language preference,
//! the county Justice Bureau's tools in their own module, and the commands the screens send upward
//! (as callbacks).

mod autosave;
mod commands;
mod files;
mod focus;
mod lang;
mod startup;
mod storage_sync;
mod tab_lock;
mod tools;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

pub use autosave::{save_now, use_autosave};
pub use commands::{use_commands, Commands};
pub use files::{keep_checklist, use_file_commands, Choice, FileCommands};
pub use focus::use_focus_requests;
pub use lang::use_lang_pref;
pub use startup::use_startup;
pub use storage_sync::use_storage_sync;
pub use tab_lock::use_tab_lock;
pub use tools::{use_tool_module, ToolModule};

use super::state::{Action, AppState};
use crate::browser::storage;
use crate::model::draft::DraftMeta;
use crate::model::Checklist;

/// The state as of the latest render, for listeners registered once.
pub type Latest = Rc<RefCell<UseReducerHandle<AppState>>>;

/// Keeps [`Latest`] current (a handle clone: no copy of the state).
#[hook]
pub fn use_latest(state: &UseReducerHandle<AppState>) -> Latest {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    latest
}

/// Every checklist available: the built-in one first, then those kept in
/// this browser (a county edition's among them).
pub fn load_library() -> Vec<Rc<Checklist>> {
    let mut library = vec![Rc::new(Checklist::builtin().clone())];
    library.extend(storage::list_checklists().into_iter().map(Rc::new));
    library
}

/// Saved drafts for the start screen, each measured against its own checklist.
pub fn list_drafts(library: &[Rc<Checklist>]) -> Vec<DraftMeta> {
    storage::list()
        .iter()
        .map(|r| {
            let c = library
                .iter()
                .find(|c| c.answers_to(&r.assessment.checklist))
                .unwrap_or(&library[0]);
            r.meta(c)
        })
        .collect()
}

/// Lists the drafts again (after one was written or removed).
pub fn relist(latest: &Latest, dispatch: &UseReducerDispatcher<AppState>) {
    let library = latest.borrow().library.clone();
    dispatch.dispatch(Action::DraftsListed(list_drafts(&library)));
}
