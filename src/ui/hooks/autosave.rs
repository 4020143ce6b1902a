//! Autosave: the open draft is written a moment after the last change, and
//! at once when the page is hidden or closed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::Latest;
use crate::browser::{clock, storage};
use crate::ui::state::{Action, AppState};

/// Autosave waits this long after the last change.
const SAVE_DELAY_MS: u32 = 300;

/// Saves the open draft now; reports the outcome to the reducer.
pub fn save_now(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) {
    let Some(record) = state.record(&clock::now_iso()) else {
        return;
    };
    // "Saved" only once the IndexedDB copy is committed: localStorage reaches
    // the disk seconds later, so only then does the change survive a crash.
    let (d, revision, saved_at) = (dispatch.clone(), record.revision, record.saved_at.clone());
    let committed = move || {
        d.dispatch(Action::Saved {
            revision,
            time: clock::local_hms(),
            saved_at,
        })
    };
    if let Err(reason) = storage::save_then(&record, committed) {
        dispatch.dispatch(Action::SaveFailed(reason));
    }
}

/// Saves if there is anything unsaved, as of the latest render.
fn flush(latest: &Latest, dispatch: &UseReducerDispatcher<AppState>) {
    let s = latest.borrow().clone();
    if s.needs_save() {
        save_now(&s, dispatch);
    }
}

#[hook]
pub fn use_autosave(state: &AppState, latest: Latest, dispatch: UseReducerDispatcher<AppState>) {
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let key = state.open().map(|o| (o.id.clone(), o.revision, o.hold));
    let needs = state.needs_save();
    {
        let (latest, dispatch) = (latest.clone(), dispatch.clone());
        use_effect_with(key, move |_| {
            if needs {
                let t = Timeout::new(SAVE_DELAY_MS, move || flush(&latest, &dispatch));
                *pending.borrow_mut() = Some(t);
            }
        });
    }
    use_effect_with((), move |_| {
        let on_hide = move |_: &Event| flush(&latest, &dispatch);
        let a = EventListener::new(&gloo::utils::window(), "pagehide", on_hide.clone());
        let b = EventListener::new(&gloo::utils::document(), "visibilitychange", on_hide);
        move || drop((a, b))
    });
}
