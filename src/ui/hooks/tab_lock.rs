//! The tab lock: the open draft is remembered as the last one, held by this
//! tab with a heartbeat while edited, and a tab that finds another holding it
//! pauses saving (the conflict banner lets the user choose).

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::browser::storage;
use crate::ui::state::{Action, AppState};

/// How often the holder renews its claim on the draft.
const HEARTBEAT_MS: u32 = 3000;

#[hook]
pub fn use_tab_lock(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> String {
    let tab = (*use_memo((), |_| crate::browser::clock::random_id())).clone();
    let open_id = state.open().map(|o| o.id.clone());
    {
        let tab = tab.clone();
        use_effect_with(open_id, move |id| {
            storage::set_last_open(id.as_deref());
            if let Some(id) = id {
                if storage::lock_holder(id).is_some_and(|t| t != tab) {
                    dispatch.dispatch(Action::ExternalChange);
                }
            }
        });
    }
    let key = state.open().map(|o| (o.id.clone(), o.conflict));
    {
        let tab = tab.clone();
        use_effect_with(key, move |key| {
            let held = match key {
                Some((id, false)) => Some(id.clone()),
                _ => None,
            };
            let heartbeat = held.clone().map(|id| {
                storage::claim(&id, &tab);
                let tab = tab.clone();
                Interval::new(HEARTBEAT_MS, move || storage::claim(&id, &tab))
            });
            move || {
                drop(heartbeat);
                if let Some(id) = held {
                    storage::release(&id, &tab);
                }
            }
        });
    }
    tab
}
