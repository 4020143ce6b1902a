//! Start-up: list the drafts, reopen the one open last, then let IndexedDB
//! correct anything localStorage lost in a crash (it writes to disk later).

use yew::prelude::*;

use super::{list_drafts, Latest};
use crate::browser::storage;
use crate::ui::state::{Action, AppState};

#[hook]
pub fn use_startup(latest: Latest, dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let library = latest.borrow().library.clone();
        dispatch.dispatch(Action::DraftsListed(list_drafts(&library)));
        let last = storage::last_open().and_then(|id| storage::load(&id));
        if let Some(r) = &last {
            dispatch.dispatch(Action::Opened(Box::new(r.clone())));
        }
        let last_id = last.map(|r| r.id);
        wasm_bindgen_futures::spawn_local(async move {
            let newer = storage::recover().await;
            if newer.is_empty() {
                return;
            }
            dispatch.dispatch(Action::DraftsListed(list_drafts(&library)));
            if let Some(r) = newer.into_iter().find(|r| Some(&r.id) == last_id.as_ref()) {
                dispatch.dispatch(Action::Opened(Box::new(r)));
            }
        });
    });
}
