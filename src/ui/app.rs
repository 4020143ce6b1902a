//! The root component: holds the one reducer, composes the named hooks
//! ([`super::hooks`]) that do the work, and shows the top bar, the banners
//! and the current [`Screen`].

use std::rc::Rc;

use yew::prelude::*;

use super::banners::{banners, BannersProps};
use super::checklist_view::{ChecklistHandle, ChecklistView};
use super::hooks::{self, Commands, DeskModule, FileCommands};
use super::start::StartScreen;
use super::state::{AppState, Screen};
use super::topbar::{top_bar, TopBarProps};
use super::walk::{Workspace, WorkspaceEvents};
use crate::browser::{clock, edition, prefs, storage};
use crate::model::edition::Edition;
use crate::model::messages::Msg;
use crate::model::{Checklist, Lang};

fn initial_state() -> AppState {
    let mut library = vec![Rc::new(Checklist::builtin().clone())];
    library.extend(storage::list_checklists().into_iter().map(Rc::new));
    let state = AppState::new(prefs::load_lang(), library);
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
    hooks::use_autosave(&state, latest.clone(), dispatch.clone());
    let tab = hooks::use_tab_lock(&state, dispatch.clone());
    hooks::use_storage_sync(latest.clone(), dispatch.clone(), tab);
    hooks::use_focus_requests(&state, dispatch.clone());
    let commands = hooks::use_commands(latest.clone(), dispatch.clone());
    let files = hooks::use_file_commands(latest, dispatch.clone());
    let lang = state.lang;
    let on_desk = state.screen == Screen::Desk;
    let desk = hooks::use_desk_module(on_desk, lang, dispatch);
    html! {
        <div class="app">
            <a class="skip" href={ if on_desk { "#desk-main" } else { "#main" } }>{ Msg::SkipToContent.tr(lang) }</a>
            { top_bar(TopBarProps {
                open: state.open().map(|o| (o.assessment.unit.name.clone(), o.assessment.year)),
                save: state.save.clone(), lang, on_download: commands.download_draft.clone(),
                on_home: commands.home.clone(), on_lang: commands.toggle_lang.clone(),
            }) }
            { banners(BannersProps {
                save: state.save.clone(), conflict: state.open().is_some_and(|o| o.conflict),
                pending: state.pending.clone(), notices: state.notices.clone(), lang,
                on_download: commands.download_draft.clone(), on_reload: commands.reload_other.clone(),
                on_take_over: commands.take_over.clone(), on_choose: files.choose.clone(),
                on_dismiss: commands.dismiss.clone(),
            }) }
            if on_desk {
                // The desk's own module renders the main landmark, beside this root.
                { desk_bar(desk, lang, &commands) }
            } else {
                <main id="main">{ screen(&state, &commands, &files) }</main>
                <footer class="footer"><p>{ Msg::OfflineNote.tr(lang) }</p></footer>
            }
        </div>
    }
}

/// Above the reviewer desk: the way back, and the module's loading state.
fn desk_bar(desk: DeskModule, lang: Lang, c: &Commands) -> Html {
    html! {
        <div class="desk-bar">
            <button type="button" class="secondary back" onclick={ c.home.reform(|_| ()) }>{ Msg::Back.tr(lang) }</button>
            if desk == DeskModule::Loading {
                <p class="hint" role="status">{ Msg::DeskLoading.tr(lang) }</p>
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
        // Shown by the desk's own module (see `desk_bar`).
        Screen::Desk => html! {},
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
                         on_keep_checklist={ f.keep_checklist.clone() } edition={ state.edition.clone() } />
        },
    }
}
