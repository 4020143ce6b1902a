//! Storage events from other tabs: the draft list follows them on the start
//! screen, and a write to the open draft (or a claim on it) by another tab
//! raises the conflict.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{list_drafts, Latest};
use crate::browser::storage::{self, External};
use crate::ui::state::{Action, AppState};

/// True when this storage change means another tab is working on `open`.
fn is_conflict(key: &str, value: Option<&str>, open: &str, tab: &str, conflict: bool) -> bool {
    match storage::classify(key, value) {
        External::Draft(id) => id == open,
        External::Lock { draft, tab: other } => {
            draft == open && !other.is_empty() && other != tab && !conflict
        }
        _ => false,
    }
}

#[hook]
pub fn use_storage_sync(latest: Latest, dispatch: UseReducerDispatcher<AppState>, tab: String) {
    use_effect_with((), move |_| {
        let l = EventListener::new(&gloo::utils::window(), "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let Some(key) = e.key() else { return };
            let s = latest.borrow().clone();
            let Some(open) = s.open() else {
                dispatch.dispatch(Action::DraftsListed(list_drafts(&s.library)));
                return;
            };
            if is_conflict(
                &key,
                e.new_value().as_deref(),
                &open.id,
                &tab,
                open.conflict,
            ) {
                dispatch.dispatch(Action::ExternalChange);
            }
        });
        move || drop(l)
    });
}
