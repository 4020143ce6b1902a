//! The root component: holds the one reducer, composes the named hooks
//! ([`super::hooks`]) that do the work, and shows the top bar, the banners
//! and the current [`Screen`].

use yew::prelude::*;

use super::banners::{banners, BannersProps};
use super::checklist_view::{ChecklistHandle, ChecklistView};
use super::hooks::{self, Commands, FileCommands, ToolModule};
use super::start::StartScreen;
use super::state::{AppState, Screen};
use super::topbar::{top_bar, TopBarProps};
use super::walk::{Workspace, WorkspaceEvents};
use crate::browser::{clock, edition, prefs, storage};
use crate::model::edition::Edition;
use crate::model::messages::Msg;
use crate::model::Lang;

fn initial_state() -> AppState {
    let state = AppState::new(prefs::load_lang(), hooks::load_library());
    // The county edition's checklist, built into the page (本县分发版).
    match edition::slot().map(|s| Edition::read(&s)) {
        Some(Ok(Some(e))) => {
            // Also kept in the browser, so drafts made with it open in any copy of the app.
            if !state.library.iter().any(|c| **c == e.checklist) {
                let _ = storage::save_checklist(&e.checklist, &clock::now_iso());
            }
            state.with_edition(e)
        }
        Some(Err(e)) => {
            let mut state = state;
            state.notices.push(e.message());
            state
        }
        _ => state,
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dispatch = state.dispatcher();
    let latest = hooks::use_latest(&state);
    hooks::use_startup(latest.clone(), dispatch.clone());
    hooks::use_lang_pref(state.lang);
    // Autosave before the tab lock: on pagehide the draft is saved, then given up.
    hooks::use_autosave(&state, latest.clone(), dispatch.clone());
    let tab = hooks::use_tab_lock(&state, latest.clone(), dispatch.clone());
    hooks::use_storage_sync(latest.clone(), dispatch.clone(), tab);
    hooks::use_focus_requests(&state, dispatch.clone());
    let commands = hooks::use_commands(latest.clone(), dispatch.clone());
    let files = hooks::use_file_commands(latest, dispatch.clone());
    let lang = state.lang;
    let tool = state.screen.tool();
    let tools = hooks::use_tool_module(tool, lang, dispatch);
    html! {
        <div class={ classes!("app", state.open().is_some_and(|o| o.hold.paused()).then_some("paused")) }>
            <a class="skip" href={ tool.map_or("#main".to_string(), |t| format!("#{}-main", t.name())) }>{ Msg::SkipToContent.tr(lang) }</a>
            { top_bar(TopBarProps {
                open: state.open().map(|o| (o.assessment.unit.name.clone(), o.assessment.year)),
                save: state.save.clone(), paused: state.open().and_then(|o| o.hold.why_paused()), lang,
                on_download: commands.download_draft.clone(), on_take_over: commands.take_over.clone(),
                on_home: commands.home.clone(), on_lang: commands.toggle_lang.clone(),
            }) }
            { banners(BannersProps {
                save: state.save.clone(), hold: state.open().map(|o| o.hold),
                pending: state.pending.clone(), notices: state.notices.clone(), lang,
                on_download: commands.download_draft.clone(), on_reload: commands.reload_other.clone(),
                on_take_over: commands.take_over.clone(), on_choose: files.choose.clone(),
                on_dismiss: commands.dismiss.clone(),
            }) }
            if tool.is_some() {
                // The tool's own module renders the main landmark, beside this root.
                { tool_bar(tools, lang, &commands) }
            } else {
                <main id="main">{ screen(&state, &commands, &files) }</main>
                <footer class="footer"><p>{ Msg::OfflineNote.tr(lang) }</p></footer>
            }
        </div>
    }
}

/// Above one of the bureau's tools: the way back, and the module's loading state.
fn tool_bar(status: ToolModule, lang: Lang, c: &Commands) -> Html {
    html! {
        <div class="tool-bar">
            <button type="button" class="secondary back" onclick={ c.home.reform(|_| ()) }>{ Msg::Back.tr(lang) }</button>
            if status == ToolModule::Loading {
                <p class="hint" role="status">{ Msg::ToolsLoading.tr(lang) }</p>
            }
        </div>
    }
}

/// The current screen's content.
fn screen(state: &AppState, c: &Commands, f: &FileCommands) -> Html {
    let lang = state.lang;
    let back = html! {
        <button type="button" class="secondary back" onclick={ c.home.reform(|_| ()) }>{ Msg::Back.tr(lang) }</button>
    };
    match &state.screen {
        Screen::Draft(open) => {
            let events = WorkspaceEvents {
                edit: c.edit.clone(),
                step: c.step.clone(),
                fix: c.fix.clone(),
            };
            html! { <Workspace open={ (**open).clone() } checklist={ ChecklistHandle(open.checklist.clone()) } {lang} {events} /> }
        }
        // Shown by the bureau's own module (see `tool_bar`).
        Screen::Desk | Screen::County => html! {},
        Screen::Checklist => html! { <>
            { back.clone() }
            <ChecklistView checklist={ ChecklistHandle(state.default_checklist()) } {lang} />
        </> },
        Screen::Start => html! {
            <StartScreen drafts={ (*state.drafts).clone() } {lang} library={ (*state.library).clone() }
                         on_create={ c.create.clone() } on_open={ c.open.clone() } on_duplicate={ c.duplicate.clone() }
                         on_delete={ c.delete.clone() } on_import={ f.import.clone() } on_carry={ f.carry.clone() }
                         on_browse={ c.show_checklist.clone() } on_review={ c.show_desk.clone() }
                         on_load_checklist={ f.load_checklist.clone() } on_remove_checklist={ f.remove_checklist.clone() }
                         on_county={ c.show_county_tools.clone() } edition={ state.edition.clone() } />
        },
    }
}
