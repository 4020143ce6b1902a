//! Storage events from other tabs: the draft list follows them on the start
//! screen; for the open draft, another tab's claim or write pauses this tab,
//! a ping is answered (the other half of `hooks::tab_lock`), and the
//! holder giving the draft up lets a paused tab resume at once.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{list_drafts, Latest};
use crate::browser::storage::{self, External};
use crate::ui::state::{Action, Hold, Open};

/// What a storage change from another tab means for the open draft.
fn react(change: External, open: &Open, tab: &str) -> Option<Action> {
    let live = matches!(open.hold, Hold::Mine | Hold::Checking);
    match change {
        External::Draft(id) if id == open.id && live => Some(Action::HeldElsewhere),
        // Another tab took the draft; a mere renewal of an older claim does not count.
        External::Lock {
            draft,
            claim: Some(c),
        } if draft == open.id
            && c.tab != tab
            && !c.leaving
            && (open.hold == Hold::Checking || open.hold == Hold::Mine && c.outranks_mine(tab)) =>
        {
            Some(Action::HeldElsewhere)
        }
        // The holder left the draft (not the page: that says `leaving`, and a reload may follow).
        External::Lock { draft, claim: None } if draft == open.id && open.hold == Hold::Paused => {
            Some(Action::HolderLeft(storage::load(&open.id).map(Box::new)))
        }
        External::Left(draft) if draft == open.id && open.hold == Hold::Mine => {
            Some(Action::ViewerLeft)
        }
        External::Ping(draft) if draft == open.id && open.hold == Hold::Mine => {
            storage::renew(&open.id, tab);
            Some(Action::OpenedElsewhere)
        }
        _ => None,
    }
}

#[hook]
pub fn use_storage_sync(
    latest: Latest,
    dispatch: UseReducerDispatcher<crate::ui::state::AppState>,
    tab: String,
) {
    use_effect_with((), move |_| {
        let l = EventListener::new(&gloo::utils::window(), "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let Some(key) = e.key() else { return };
            let change = storage::classify(&key, e.new_value().as_deref());
            let s = latest.borrow().clone();
            match s.open() {
                None if matches!(change, External::Draft(_)) => {
                    dispatch.dispatch(Action::DraftsListed(list_drafts(&s.library)))
                }
                None => {}
                Some(open) => {
                    if let Some(a) = react(change, open, &tab) {
                        dispatch.dispatch(a);
                    }
                }
            }
        });
        move || drop(l)
    });
}
