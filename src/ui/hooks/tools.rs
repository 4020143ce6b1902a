//! The county Justice Bureau's tools (the reviewer desk, the checklist tools)
//! are a second WebAssembly module (`browser::lazy`): this hook shows the
//! tool the screen names and hides them otherwise. Hidden, a tool stays
//! mounted, so the reviewer's files are still there on return. The checklist
//! tools keep checklists in the browser's storage: leaving them, the app
//! reads its checklists and drafts again.

use yew::prelude::*;

use super::{list_drafts, load_library};
use crate::browser::lazy::{self, Tool};
use crate::model::messages::m;
use crate::model::Lang;
use crate::ui::state::{Action, AppState};

/// Where loading the tools' module stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolModule {
    /// Not asked for yet, or shown.
    Idle,
    Loading,
    /// Could not be loaded; a notice says why, and the rest of the app works on.
    Failed,
}

#[hook]
pub fn use_tool_module(
    tool: Option<Tool>,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
) -> ToolModule {
    let status = use_state_eq(|| ToolModule::Idle);
    let previous = use_mut_ref(|| None::<Tool>);
    {
        let status = status.clone();
        use_effect_with((tool, lang), move |&(tool, lang)| {
            let was = previous.replace(tool);
            if was == Some(Tool::County) && tool != Some(Tool::County) {
                let library = load_library();
                dispatch.dispatch(Action::DraftsListed(list_drafts(&library)));
                dispatch.dispatch(Action::LibraryReloaded(library));
            }
            match tool {
                Some(tool) => {
                    status.set(ToolModule::Loading);
                    wasm_bindgen_futures::spawn_local(async move {
                        match lazy::open_tool(tool, lang).await {
                            Ok(()) => status.set(ToolModule::Idle),
                            Err(detail) => {
                                status.set(ToolModule::Failed);
                                dispatch.dispatch(Action::Noticed(vec![m::ToolsUnavailable {
                                    detail,
                                }
                                .into()]));
                            }
                        }
                    });
                }
                None => lazy::close_tools(),
            }
        });
    }
    *status
}
