//! The root component: owns the reducer and every side effect — loading and
//! autosaving drafts, the tab lock, storage events from other tabs, focus
//! requests and the language preference.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::checklist_view::{ChecklistHandle, ChecklistView};
use super::desk::ReviewDesk;
use super::i18n::Msg;
use super::start::StartScreen;
use super::state::{Action, AppState, SaveState};
use super::walk::Workspace;
use super::widgets::SaveIndicator;
use crate::browser::storage::{self, External};
use crate::browser::{clock, download, files, prefs};
use crate::model::draft::{DraftRecord, Step, DRAFT_VERSION};
use crate::model::import::{import, ChecklistSource, DigestCheck};
use crate::model::{report, Assessment, Checklist, Lang, UnitInfo};

/// Autosave waits this long after the last change.
const SAVE_DELAY_MS: u32 = 300;

/// Saved drafts for the start screen, each measured against its own checklist.
fn list_drafts(library: &[Rc<Checklist>]) -> Vec<crate::model::draft::DraftMeta> {
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

/// Saves the open draft now; reports the outcome to the reducer.
fn save_now(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) {
    let Some(record) = state.record(&clock::now_iso()) else {
        return;
    };
    // "Saved" only once the IndexedDB copy is committed, so it holds after a crash.
    let (d, revision) = (dispatch.clone(), record.revision);
    let committed = move || {
        d.dispatch(Action::Saved {
            revision,
            time: clock::local_hms(),
        })
    };
    if let Err(e) = storage::save_then(&record, committed) {
        dispatch.dispatch(Action::SaveFailed(match state.lang {
            Lang::Zh => e.zh,
            Lang::En => e.en,
        }));
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let mut library = vec![Rc::new(Checklist::builtin().clone())];
        library.extend(storage::list_checklists().into_iter().map(Rc::new));
        AppState::new(prefs::load_lang(), library)
    });
    let dispatch = state.dispatcher();
    let tab = use_memo((), |_| clock::random_id());
    // The latest state, for listeners registered once.
    let latest: Rc<RefCell<Rc<AppState>>> = use_mut_ref(|| Rc::new((*state).clone()));
    *latest.borrow_mut() = Rc::new((*state).clone());
    let lang = state.lang;
    let handle = ChecklistHandle(state.builtin());

    // Start-up: list drafts, reopen the last one, then let IndexedDB correct
    // anything localStorage lost in a crash.
    {
        let (dispatch, c) = (dispatch.clone(), latest.clone());
        use_effect_with((), move |_| {
            dispatch.dispatch(Action::DraftsListed(list_drafts(&c.borrow().library)));
            let last = storage::last_open().and_then(|id| storage::load(&id));
            if let Some(r) = &last {
                dispatch.dispatch(Action::Load(Box::new(r.clone())));
            }
            let last_id = last.map(|r| r.id);
            wasm_bindgen_futures::spawn_local(async move {
                let newer = storage::recover().await;
                if newer.is_empty() {
                    return;
                }
                dispatch.dispatch(Action::DraftsListed(list_drafts(&c.borrow().library)));
                if let Some(r) = newer.into_iter().find(|r| Some(&r.id) == last_id.as_ref()) {
                    dispatch.dispatch(Action::Load(Box::new(r)));
                }
            });
        });
    }

    use_lang_pref(lang);

    // Debounced autosave.
    {
        let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
        let key = state
            .open
            .as_ref()
            .map(|o| (o.id.clone(), o.revision, o.conflict));
        let (latest, dispatch) = (latest.clone(), dispatch.clone());
        let needs = state.needs_save();
        use_effect_with(key, move |_| {
            if needs {
                let t = Timeout::new(SAVE_DELAY_MS, move || {
                    let s = latest.borrow().clone();
                    if s.needs_save() {
                        save_now(&s, &dispatch);
                    }
                });
                *pending.borrow_mut() = Some(t);
            }
        });
    }

    // Flush unsaved changes when the page is hidden or closed.
    {
        let (latest, dispatch) = (latest.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let win = gloo::utils::window();
            let flush = move |_: &Event| {
                let s = latest.borrow().clone();
                if s.needs_save() {
                    save_now(&s, &dispatch);
                }
            };
            let a = EventListener::new(&win, "pagehide", flush.clone());
            let b = EventListener::new(&gloo::utils::document(), "visibilitychange", flush);
            move || drop((a, b))
        });
    }

    // Remember the open draft, and notice when another tab already holds it.
    {
        let open_id = state.open.as_ref().map(|o| o.id.clone());
        let (tab, dispatch) = ((*tab).clone(), dispatch.clone());
        use_effect_with(open_id, move |id| {
            storage::set_last_open(id.as_deref());
            if let Some(id) = id {
                if storage::lock_holder(id).is_some_and(|t| t != tab) {
                    dispatch.dispatch(Action::ExternalChange);
                }
            }
        });
    }
    // Hold the draft's lock while editing it; a tab in conflict lets go.
    {
        let key = state.open.as_ref().map(|o| (o.id.clone(), o.conflict));
        let tab = (*tab).clone();
        use_effect_with(key, move |key| {
            let held = match key {
                Some((id, false)) => Some(id.clone()),
                _ => None,
            };
            let heartbeat = held.clone().map(|id| {
                storage::claim(&id, &tab);
                let tab = tab.clone();
                Interval::new(3000, move || storage::claim(&id, &tab))
            });
            move || {
                drop(heartbeat);
                if let Some(id) = held {
                    storage::release(&id, &tab);
                }
            }
        });
    }
    {
        let (latest, dispatch, tab) = (latest.clone(), dispatch.clone(), (*tab).clone());
        use_effect_with((), move |_| {
            let l = EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = e.key() else { return };
                let s = latest.borrow().clone();
                let Some(open) = &s.open else {
                    dispatch.dispatch(Action::DraftsListed(list_drafts(&s.library)));
                    return;
                };
                match storage::classify(&key, e.new_value().as_deref()) {
                    External::Draft(id) if id == open.id => {
                        dispatch.dispatch(Action::ExternalChange)
                    }
                    External::Lock { draft, tab: other }
                        if draft == open.id
                            && !other.is_empty()
                            && other != tab
                            && !open.conflict =>
                    {
                        dispatch.dispatch(Action::ExternalChange)
                    }
                    _ => {}
                }
            });
            move || drop(l)
        });
    }

    // A new step: focus its heading (for screen readers) unless a field was asked for.
    {
        let step = state.open.as_ref().map(|o| o.step);
        let pending = state.open.as_ref().is_some_and(|o| o.focus.is_some());
        use_effect_with(step, move |step| {
            if step.is_some() && !pending {
                if let Some(el) = gloo::utils::document().get_element_by_id("step-h") {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    }
    // A field asked for by the finish step's list: focus it and bring it into view.
    {
        let focus = state.open.as_ref().and_then(|o| o.focus.clone());
        let dispatch = dispatch.clone();
        use_effect_with(focus, move |focus| {
            if let Some((item, field)) = focus {
                let id = match item {
                    Some(item) => format!("{item}-{field}"),
                    None => format!("unit-{field}"),
                };
                if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                    let el: web_sys::HtmlElement = el.unchecked_into();
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                    let _ = el.focus();
                }
                dispatch.dispatch(Action::FocusDone);
            }
        });
    }

    let on_create = {
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        Callback::from(move |(unit, year, index): (UnitInfo, i32, usize)| {
            let library = latest.borrow().library.clone();
            let checklist = library.get(index).unwrap_or(&library[0]).clone();
            dispatch.dispatch(Action::Create {
                id: clock::random_id(),
                unit,
                year,
                at: clock::now_iso(),
                checklist,
            })
        })
    };
    // Loads a checklist definition file: every problem is listed; a valid one is kept.
    let on_load_checklist = {
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        Callback::from(move |file: web_sys::File| {
            let (dispatch, latest) = (dispatch.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match files::read_bytes(file).await {
                    Ok(b) => b,
                    Err(e) => return dispatch.dispatch(Action::Notice(Some(e))),
                };
                let text = String::from_utf8_lossy(&bytes);
                let text = text.trim_start_matches('\u{feff}');
                let notice = match Checklist::parse(text) {
                    Err(problems) => {
                        let list: Vec<String> = problems
                            .iter()
                            .map(|p| format!("· {}（{}）", p.message.get(lang), p.path))
                            .collect();
                        format!("{}\n{}", Msg::ChecklistInvalid.tr(lang), list.join("\n"))
                    }
                    Ok(c) => {
                        let mut library = latest.borrow().library.clone();
                        let fill = |m: Msg| {
                            m.tr(lang)
                                .replace("{title}", c.title.get(lang))
                                .replace("{version}", &c.version)
                                .replace("{n}", &c.items().count().to_string())
                        };
                        if library.iter().any(|x| x.sha256() == c.sha256()) {
                            fill(Msg::ChecklistAlready)
                        } else {
                            match storage::save_checklist(&c, &clock::now_iso()) {
                                Err(e) => match lang {
                                    Lang::Zh => e.zh,
                                    Lang::En => e.en,
                                },
                                Ok(()) => {
                                    let msg = fill(Msg::ChecklistLoaded);
                                    library.push(Rc::new(c));
                                    dispatch.dispatch(Action::Library(library));
                                    msg
                                }
                            }
                        }
                    }
                };
                dispatch.dispatch(Action::Notice(Some(notice)));
            });
        })
    };
    let on_remove_checklist = {
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        Callback::from(move |sha: String| {
            storage::delete_checklist(&sha);
            let library: Vec<Rc<Checklist>> = latest
                .borrow()
                .library
                .iter()
                .filter(|c| c.sha256() != sha || c.is_builtin())
                .cloned()
                .collect();
            dispatch.dispatch(Action::Library(library));
        })
    };
    let on_open = {
        let dispatch = dispatch.clone();
        Callback::from(move |id: String| {
            if let Some(r) = storage::load(&id) {
                dispatch.dispatch(Action::Load(Box::new(r)));
            }
        })
    };
    let on_duplicate = {
        let (dispatch, c) = (dispatch.clone(), latest.clone());
        Callback::from(move |id: String| {
            if let Some(mut r) = storage::load(&id) {
                r.id = clock::random_id();
                r.revision = 1;
                r.saved_at = clock::now_iso();
                r.assessment.unit.name =
                    format!("{}{}", r.assessment.unit.name, Msg::CopySuffix.tr(Lang::Zh));
                let _ = storage::save(&r);
                dispatch.dispatch(Action::DraftsListed(list_drafts(&c.borrow().library)));
            }
        })
    };
    let on_delete = {
        let (dispatch, c) = (dispatch.clone(), latest.clone());
        Callback::from(move |id: String| {
            storage::delete(&id);
            dispatch.dispatch(Action::DraftsListed(list_drafts(&c.borrow().library)));
        })
    };
    // A report read from a file waiting for the user's choice, because a draft
    // for the same unit and year exists: (the new draft, the existing one's id, a notice).
    let pending = use_state(|| None::<(DraftRecord, String, Option<String>)>);
    let adopt = {
        let (dispatch, c) = (dispatch.clone(), latest.clone());
        Rc::new(move |record: DraftRecord, notice: Option<String>| {
            let _ = storage::save(&record);
            dispatch.dispatch(Action::DraftsListed(list_drafts(&c.borrow().library)));
            dispatch.dispatch(Action::Load(Box::new(record)));
            dispatch.dispatch(Action::Notice(notice));
        })
    };
    // Reads a report file; `carry` starts next year's draft from it instead of opening it.
    let read_report = {
        let (dispatch, c, adopt, pending) = (
            dispatch.clone(),
            latest.clone(),
            adopt.clone(),
            pending.clone(),
        );
        Callback::from(move |(file, carry): (web_sys::File, bool)| {
            let (dispatch, c, adopt, pending) =
                (dispatch.clone(), c.clone(), adopt.clone(), pending.clone());
            let size = file.size() as u64;
            if size > crate::model::import::MAX_REPORT_BYTES {
                // Refused by size before a byte is read.
                let e = crate::model::import::ImportError::TooLarge { bytes: size };
                dispatch.dispatch(Action::Notice(Some(e.message().get(lang).to_string())));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match files::read_bytes(file).await {
                    Ok(b) => b,
                    Err(e) => return dispatch.dispatch(Action::Notice(Some(e))),
                };
                let library = c.borrow().library.clone();
                let refs: Vec<&Checklist> = library.iter().map(|x| x.as_ref()).collect();
                let imp = match import(&bytes, &refs) {
                    Ok(i) => i,
                    Err(e) => {
                        return dispatch
                            .dispatch(Action::Notice(Some(e.message().get(lang).to_string())))
                    }
                };
                let checklist = match imp.source {
                    ChecklistSource::Given(i) => library[i].clone(),
                    ChecklistSource::Embedded => Rc::new(imp.checklist(&refs).clone()),
                };
                let now = clock::now_iso();
                let mut notes = Vec::new();
                if imp.digest != DigestCheck::Valid {
                    notes.push(Msg::DigestMismatch.tr(lang).to_string());
                }
                // A report that carries its own checklist makes that checklist available.
                if imp.checklist_from_report() && storage::save_checklist(&checklist, &now).is_ok()
                {
                    let mut l = library.clone();
                    l.push(checklist.clone());
                    dispatch.dispatch(Action::Library(l));
                    notes.push(
                        Msg::ChecklistStored
                            .tr(lang)
                            .replace("{title}", checklist.title.get(lang))
                            .replace("{version}", &checklist.version),
                    );
                }
                let tampered = (!notes.is_empty()).then(|| notes.join("\n"));
                let (assessment, step) = if carry {
                    (
                        Assessment::carry_forward(&checklist, &imp.assessment, &now),
                        Step::Unit,
                    )
                } else {
                    (imp.assessment, Step::Summary)
                };
                let record = DraftRecord {
                    version: DRAFT_VERSION,
                    id: clock::random_id(),
                    assessment,
                    step,
                    revision: 1,
                    saved_at: now,
                };
                let same = storage::list().into_iter().find(|r| {
                    r.assessment.year == record.assessment.year
                        && r.assessment.unit.name.trim() == record.assessment.unit.name.trim()
                });
                match same {
                    Some(existing) => pending.set(Some((record, existing.id, tampered))),
                    None => adopt(record, tampered),
                }
            });
        })
    };
    let on_import = read_report.reform(|f| (f, false));
    let on_carry = read_report.reform(|f| (f, true));
    let resolve = |replace: Option<bool>| {
        let (pending, adopt) = (pending.clone(), adopt.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some((record, existing, notice)), Some(replace)) = ((*pending).clone(), replace)
            {
                if replace {
                    storage::delete(&existing);
                }
                adopt(record, notice);
            }
            pending.set(None);
        })
    };
    let on_browse = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Browse(true)))
    };

    let toggle_lang = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            d.dispatch(Action::SetLang(match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };
    let close = {
        let (d, c) = (dispatch.clone(), latest.clone());
        let latest = latest.clone();
        Callback::from(move |_| {
            let s = latest.borrow().clone();
            if s.needs_save() {
                save_now(&s, &d);
            }
            d.dispatch(Action::Close);
            d.dispatch(Action::Browse(false));
            d.dispatch(Action::Review(false));
            d.dispatch(Action::DraftsListed(list_drafts(&c.borrow().library)));
        })
    };
    let download_draft = {
        let latest = latest.clone();
        Callback::from(move |_| {
            let s = latest.borrow().clone();
            if let Some(o) = &s.open {
                let (_, json) = report::export_current(&o.checklist, &o.assessment);
                let _ = download::save_text(
                    &report::file_name(&o.assessment.unit.name, o.assessment.year),
                    &json,
                    "application/json;charset=utf-8",
                );
            }
        })
    };
    let reload_other = {
        let (d, latest) = (dispatch.clone(), latest.clone());
        Callback::from(move |_| {
            let s = latest.borrow().clone();
            if let Some(r) = s.open.as_ref().and_then(|o| storage::load(&o.id)) {
                d.dispatch(Action::Load(Box::new(r)));
            }
        })
    };
    let take_over = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::TakeOver))
    };

    let conflict = state.open.as_ref().is_some_and(|o| o.conflict);
    let body = if let Some(open) = &state.open {
        html! { <Workspace open={ open.clone() } checklist={ ChecklistHandle(open.checklist.clone()) } {lang} dispatch={ dispatch.clone() } /> }
    } else if state.reviewing {
        html! { <>
            <button type="button" class="secondary back" onclick={ close.clone() }>{ Msg::Back.tr(lang) }</button>
            <ReviewDesk library={ state.library.clone() } {lang} />
        </> }
    } else if state.browsing {
        html! { <>
            <button type="button" class="secondary back" onclick={ close.clone() }>{ Msg::Back.tr(lang) }</button>
            <ChecklistView checklist={ handle.clone() } {lang} />
        </> }
    } else {
        html! { <StartScreen drafts={ state.drafts.clone() } {lang}
        {on_create} {on_open} {on_duplicate} {on_delete} {on_import} {on_carry} {on_browse}
                             on_review={ { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Review(true))) } }
                             library={ state.library.clone() } {on_load_checklist} {on_remove_checklist} /> }
    };
    html! {
        <div class="app">
            <a class="skip" href="#main">{ Msg::SkipToContent.tr(lang) }</a>
            <header class="topbar">
                <span class="brand">{ Msg::AppName.tr(lang) }</span>
                <span class="topbar-tools">
                    if let Some(o) = &state.open {
                        <span class="unit-chip">{ format!("{} · {}", o.assessment.unit.name, o.assessment.year) }</span>
                        <SaveIndicator state={ state.save.clone() } {lang} />
                        <button type="button" class="ghost" onclick={ download_draft.clone() }>{ Msg::DownloadDraft.tr(lang) }</button>
                        <button type="button" class="ghost" onclick={ close.clone() }>{ Msg::BackToStart.tr(lang) }</button>
                    }
                    <button type="button" class="lang-switch" onclick={toggle_lang}
                            lang={ match lang { Lang::Zh => "en", Lang::En => "zh-CN" } }>{ Msg::LanguageSwitch.tr(lang) }</button>
                </span>
            </header>
            if let SaveState::Failed(reason) = &state.save {
                <div class="banner error" role="alert">
                    <p>{ Msg::SaveFailed.tr(lang).replace("{reason}", reason) }</p>
                    <button type="button" class="primary" onclick={ download_draft.clone() }>{ Msg::DownloadDraft.tr(lang) }</button>
                </div>
            }
            if conflict {
                <div class="banner warn" role="alert">
                    <p>{ Msg::Conflict.tr(lang) }</p>
                    <button type="button" class="secondary" onclick={reload_other}>{ Msg::LoadOther.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={take_over}>{ Msg::KeepMine.tr(lang) }</button>
                </div>
            }
            if let Some((record, _, _)) = &*pending {
                <div class="banner warn" role="alertdialog" aria-labelledby="dup-msg">
                    <p id="dup-msg">{ Msg::SameDraftExists.tr(lang)
                        .replace("{unit}", record.assessment.unit.name.trim())
                        .replace("{year}", &record.assessment.year.to_string()) }</p>
                    <button type="button" class="danger" onclick={ resolve(Some(true)) }>{ Msg::Replace.tr(lang) }</button>
                    <button type="button" class="primary" onclick={ resolve(Some(false)) }>{ Msg::KeepBoth.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ resolve(None) }>{ Msg::Cancel.tr(lang) }</button>
                </div>
            }
            if let Some(n) = &state.notice {
                <div class="banner warn" role="alert">
                    <p>{ n }</p>
                    <button type="button" class="secondary" onclick={ { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Notice(None))) } }>
                        { Msg::Dismiss.tr(lang) }</button>
                </div>
            }
            <main id="main">{ body }</main>
            <footer class="footer"><p>{ Msg::OfflineNote.tr(lang) }</p></footer>
        </div>
    }
}

#[hook]
fn use_lang_pref(lang: Lang) {
    use_effect_with(lang, move |_| prefs::save_lang(lang));
}
