//! The reviewer desk is a second WebAssembly module (`browser::lazy`): this
//! hook shows it while the screen is the desk and hides it otherwise. Hidden,
//! it stays mounted, so the reviewer's files are still there on return.

use yew::prelude::*;

use crate::browser::lazy;
use crate::model::messages::m;
use crate::model::Lang;
use crate::ui::state::{Action, AppState};

/// Where loading the desk's module stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskModule {
    /// Not asked for yet, or shown.
    Idle,
    Loading,
    /// Could not be loaded; a notice says why, and the rest of the app works on.
    Failed,
}

#[hook]
pub fn use_desk_module(
    on_desk: bool,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
) -> DeskModule {
    let status = use_state_eq(|| DeskModule::Idle);
    {
        let status = status.clone();
        use_effect_with((on_desk, lang), move |&(on_desk, lang)| {
            if on_desk {
                status.set(DeskModule::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    match lazy::open_desk(lang).await {
                        Ok(()) => status.set(DeskModule::Idle),
                        Err(detail) => {
                            status.set(DeskModule::Failed);
                            dispatch.dispatch(Action::Noticed(vec![
                                m::DeskUnavailable { detail }.into()
                            ]));
                        }
                    }
                });
            } else {
                lazy::close_desk();
            }
        });
    }
    *status
}
