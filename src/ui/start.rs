//! The start screen: begin a new assessment, continue, duplicate or delete a
//! saved draft, open a report file, or read the checklist.

use yew::prelude::*;

use super::unit_form::UnitFields;
use crate::browser::{clock, files};
use crate::model::draft::DraftMeta;
use crate::model::messages::{m, Msg};
use crate::model::validation::unit_issues;
use std::rc::Rc;

use crate::model::edition::Edition;
use crate::model::{Assessment, Checklist, Edit, Lang, UnitInfo};

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub drafts: Vec<DraftMeta>,
    pub lang: Lang,
    pub on_create: Callback<(UnitInfo, i32, usize)>,
    pub on_open: Callback<String>,
    pub on_duplicate: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_import: Callback<web_sys::File>,
    pub on_carry: Callback<web_sys::File>,
    pub on_browse: Callback<()>,
    pub on_review: Callback<()>,
    pub library: Vec<Rc<Checklist>>,
    pub on_load_checklist: Callback<web_sys::File>,
    pub on_remove_checklist: Callback<String>,
    /// Open the county's checklist tools (in the bureau's own module).
    pub on_county: Callback<()>,
    /// The county edition this page is, if any (本县分发版).
    #[prop_or_default]
    pub edition: Option<Rc<Edition>>,
}

#[function_component]
pub fn StartScreen(props: &StartProps) -> Html {
    let lang = props.lang;
    let creating = use_state(|| false);
    let (choice, only) = match &props.edition {
        Some(e) => (
            props
                .library
                .iter()
                .position(|c| **c == e.checklist)
                .unwrap_or(0),
            e.only,
        ),
        None => (0, false),
    };
    html! {
        <div class="start">
            <section class="hero">
                <h1>{ Msg::AppName.tr(lang) }</h1>
                if let Some(e) = &props.edition {
                    <p class="edition-intro">{ edition_intro(e, lang) }</p>
                }
                <p>{ Msg::StartIntro.tr(lang) }</p>
                <p class="privacy">{ Msg::OfflineNote.tr(lang) }</p>
            </section>
            <section class="panel" aria-labelledby="new-h">
                <h2 id="new-h">{ Msg::NewAssessment.tr(lang) }</h2>
                if *creating {
                    <NewForm {lang} on_create={ props.on_create.clone() } library={ props.library.clone() } {choice} {only}
                             on_cancel={ { let c = creating.clone(); Callback::from(move |_| c.set(false)) } } />
                } else {
                    <p>{ Msg::NewHint.tr(lang) }</p>
                    <button type="button" class="primary" onclick={ { let c = creating.clone(); Callback::from(move |_| c.set(true)) } }>
                        { Msg::NewAssessment.tr(lang) }</button>
                }
            </section>
            <section class="panel" aria-labelledby="drafts-h">
                <h2 id="drafts-h">{ Msg::SavedDrafts.tr(lang) }</h2>
                if props.drafts.is_empty() {
                    <p class="hint">{ Msg::NoDrafts.tr(lang) }</p>
                } else {
                    <table class="drafts">
                        <thead><tr>
                            <th scope="col">{ Msg::UnitName.tr(lang) }</th>
                            <th scope="col">{ Msg::Year.tr(lang) }</th>
                            <th scope="col">{ Msg::Progress.tr(lang) }</th>
                            <th scope="col">{ Msg::LastSaved.tr(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for props.drafts.iter().map(|d| html!{
                                <DraftRow key={ d.id.clone() } draft={ d.clone() } {lang}
                                          on_open={ props.on_open.clone() } on_duplicate={ props.on_duplicate.clone() }
                                          on_delete={ props.on_delete.clone() } />
                            }) }
                        </tbody>
                    </table>
                }
            </section>
            <FilePanel id="file" title={ Msg::OpenReport.tr(lang) } hint={ Msg::OpenReportHint.tr(lang) }
                       button={ Msg::ChooseReport.tr(lang) } {lang} on_file={ props.on_import.clone() } />
            <FilePanel id="carry" title={ Msg::CarryForward.tr(lang) } hint={ Msg::CarryHint.tr(lang) }
                       button={ Msg::ChooseReport.tr(lang) } {lang} on_file={ props.on_carry.clone() } />
            <ChecklistLibrary library={ props.library.clone() } drafts={ props.drafts.clone() } {lang}
                              on_load={ props.on_load_checklist.clone() } on_remove={ props.on_remove_checklist.clone() } />
            // A county edition is for the units: it carries no bureau tools.
            if props.edition.is_none() {
                <section class="panel" aria-labelledby="desk-h">
                    <h2 id="desk-h">{ Msg::Desk.tr(lang) }</h2>
                    <p>{ Msg::DeskHint.tr(lang) }</p>
                    <button type="button" class="secondary" onclick={ props.on_review.reform(|_| ()) }>{ Msg::OpenDesk.tr(lang) }</button>
                </section>
                <section class="panel" aria-labelledby="county-h">
                    <h2 id="county-h">{ Msg::CountyTools.tr(lang) }</h2>
                    <p>{ Msg::CountyToolsHint.tr(lang) }</p>
                    <button type="button" class="secondary" onclick={ props.on_county.reform(|_| ()) }>{ Msg::OpenCountyTools.tr(lang) }</button>
                </section>
            }
            <section class="panel" aria-labelledby="browse-h">
                <h2 id="browse-h">{ Msg::ChecklistText.tr(lang) }</h2>
                <p>{ Msg::BrowseHint.tr(lang) }</p>
                <button type="button" class="secondary" onclick={ props.on_browse.reform(|_| ()) }>{ Msg::Browse.tr(lang) }</button>
            </section>
        </div>
    }
}

/// 本工具由X县司法局分发，内置检查清单《…》.
fn edition_intro(e: &Edition, lang: Lang) -> String {
    let (issuer, title, version, n) = (
        e.issuer.clone(),
        e.checklist.title.get(lang).to_string(),
        e.checklist.version.clone(),
        e.checklist.items().count(),
    );
    if e.only {
        m::EditionIntroOnly {
            issuer,
            title,
            version,
            n,
        }
        .tr(lang)
    } else {
        m::EditionIntroDefault {
            issuer,
            title,
            version,
            n,
        }
        .tr(lang)
    }
}

#[derive(Properties, PartialEq)]
struct DraftRowProps {
    draft: DraftMeta,
    lang: Lang,
    on_open: Callback<String>,
    on_duplicate: Callback<String>,
    on_delete: Callback<String>,
}

#[function_component]
fn DraftRow(props: &DraftRowProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let confirming = use_state(|| false);
    let name = if d.unit_name.trim().is_empty() {
        Msg::Unnamed.tr(lang).to_string()
    } else {
        d.unit_name.clone()
    };
    let id = d.id.clone();
    let act = |cb: &Callback<String>| {
        let (cb, id) = (cb.clone(), id.clone());
        Callback::from(move |_| cb.emit(id.clone()))
    };
    html! {
        <tr data-draft-id={ d.id.clone() }>
            <th scope="row">{ &name }</th>
            <td>{ d.year }</td>
            <td>{ format!("{}%", (d.progress * 100.0).round()) }</td>
            <td>{ clock::local_datetime(&d.saved_at, lang) }</td>
            <td class="row-actions">
                if *confirming {
                    <span class="confirm" role="alert">{ m::ConfirmDelete { name: name.clone() }.tr(lang) }</span>
                    <button type="button" class="danger" onclick={ act(&props.on_delete) }>{ Msg::Delete.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ { let c = confirming.clone(); Callback::from(move |_| c.set(false)) } }>{ Msg::Cancel.tr(lang) }</button>
                } else {
                    <button type="button" class="primary" onclick={ act(&props.on_open) }
                            aria-label={ format!("{} {} {}", Msg::Continue.tr(lang), name, d.year) }>{ Msg::Continue.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ act(&props.on_duplicate) }
                            aria-label={ format!("{} {} {}", Msg::Duplicate.tr(lang), name, d.year) }>{ Msg::Duplicate.tr(lang) }</button>
                    <button type="button" class="link danger" onclick={ { let c = confirming.clone(); Callback::from(move |_| c.set(true)) } }
                            aria-label={ format!("{} {} {}", Msg::Delete.tr(lang), name, d.year) }>{ Msg::Delete.tr(lang) }</button>
                }
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct NewFormProps {
    lang: Lang,
    library: Vec<Rc<Checklist>>,
    /// The checklist chosen at first (index into `library`).
    choice: usize,
    /// Offer only that one (a county edition that says so).
    only: bool,
    on_create: Callback<(UnitInfo, i32, usize)>,
    on_cancel: Callback<()>,
}

/// The short unit form; the model's own rules decide when it may start.
#[function_component]
fn NewForm(props: &NewFormProps) -> Html {
    let lang = props.lang;
    let draft = use_state(|| {
        Assessment::new(
            Checklist::builtin(),
            UnitInfo::default(),
            clock::default_year(),
            "",
        )
    });
    let tried = use_state(|| false);
    let choice = {
        let first = props.choice;
        use_state(move || first)
    };
    let issues = if *tried {
        unit_issues(&draft)
    } else {
        Vec::new()
    };
    let onedit = {
        let draft = draft.clone();
        Callback::from(move |e: Edit| {
            let mut a = (*draft).clone();
            a.apply(Checklist::builtin(), e);
            draft.set(a);
        })
    };
    let onsubmit = {
        let (draft, tried, cb, choice) = (
            draft.clone(),
            tried.clone(),
            props.on_create.clone(),
            choice.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let problems = unit_issues(&draft);
            if problems.is_empty() {
                cb.emit((draft.unit.clone(), draft.year, *choice));
            } else {
                tried.set(true);
                let first = format!("unit-{}", problems[0].field);
                gloo::timers::callback::Timeout::new(0, move || {
                    if let Some(el) = gloo::utils::document().get_element_by_id(&first) {
                        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el)
                            .focus();
                    }
                })
                .forget();
            }
        })
    };
    html! {
        <form class="new-form" {onsubmit} novalidate=true>
            if props.library.len() > 1 && !props.only {
                <div class="field">
                    <label for="new-checklist">{ Msg::ChooseChecklist.tr(lang) }</label>
                    <select id="new-checklist" onchange={ {
                        let choice = choice.clone();
                        Callback::from(move |e: Event| {
                            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                            choice.set(v.parse().unwrap_or(0));
                        })
                    } }>
                        { for props.library.iter().enumerate().map(|(i, c)| html!{
                            <option value={ i.to_string() } selected={ i == *choice }>
                                { m::TitleWithVersion { title: c.title.clone(), version: c.version.clone() }.tr(lang) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            <UnitFields unit={ draft.unit.clone() } year={ draft.year } {lang} {issues} reveal={ *tried } {onedit} />
            <div class="step-buttons">
                <button type="button" class="secondary" onclick={ props.on_cancel.reform(|_| ()) }>{ Msg::Cancel.tr(lang) }</button>
                <button type="submit" class="primary">{ Msg::StartAssessment.tr(lang) }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct FilePanelProps {
    id: AttrValue,
    title: AttrValue,
    hint: AttrValue,
    button: AttrValue,
    lang: Lang,
    on_file: Callback<web_sys::File>,
}

/// A panel that takes one report file, from the picker or dropped on it.
#[function_component]
fn FilePanel(props: &FilePanelProps) -> Html {
    let over = use_state(|| false);
    let heading = format!("{}-h", props.id);
    let onchange = {
        let cb = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = files::take_picked(&e).into_iter().next() {
                cb.emit(f);
            }
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (cb, over) = (props.on_file.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            over.set(false);
            if let Some(f) = files::dropped(&e).into_iter().next() {
                cb.emit(f);
            }
        })
    };
    html! {
        <section class={ classes!("panel", "drop", over.then_some("drag-over")) } aria-labelledby={ heading.clone() }
                 data-drop={ props.id.clone() } {ondragover} {ondragleave} {ondrop}>
            <h2 id={ heading }>{ props.title.clone() }</h2>
            <p>{ props.hint.clone() }</p>
            <label class="button secondary file-pick">
                { props.button.clone() }
                <input type="file" accept=".json,application/json" class="visually-hidden"
                       aria-describedby={ format!("{}-drop", props.id) } {onchange} />
            </label>
            <span class="hint" id={ format!("{}-drop", props.id) }>{ " " }{ Msg::DropHint.tr(props.lang) }</span>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LibraryProps {
    library: Vec<Rc<Checklist>>,
    drafts: Vec<DraftMeta>,
    lang: Lang,
    on_load: Callback<web_sys::File>,
    on_remove: Callback<String>,
}

/// Custom checklists: load a definition file, list those loaded, remove one.
#[function_component]
fn ChecklistLibrary(props: &LibraryProps) -> Html {
    let lang = props.lang;
    let confirming = use_state(|| None::<String>);
    let custom: Vec<&Rc<Checklist>> = props.library.iter().filter(|c| !c.is_builtin()).collect();
    let rows = custom.iter().map(|c| {
        let sha = c.sha256();
        let used = props.drafts.iter().filter(|d| d.checklist_sha256 == sha).count();
        let asking = confirming.as_deref() == Some(sha.as_str());
        let ask = { let (cf, sha) = (confirming.clone(), sha.clone()); Callback::from(move |_| cf.set(Some(sha.clone()))) };
        let cancel = { let cf = confirming.clone(); Callback::from(move |_| cf.set(None)) };
        let remove = { let (cb, cf, sha) = (props.on_remove.clone(), confirming.clone(), sha.clone()); Callback::from(move |_| { cb.emit(sha.clone()); cf.set(None); }) };
        let title = c.title.get(lang).to_string();
        html! {
            <tr data-checklist={ c.id.clone() }>
                <th scope="row">{ &title }</th>
                <td>{ &c.version }</td>
                <td>{ m::ItemsCount { n: c.items().count() }.tr(lang) }</td>
                <td><code title={ sha.clone() }>{ sha.get(..12).unwrap_or(&sha) }</code></td>
                <td class="row-actions">
                    if asking {
                        <span class="confirm" role="alert">{
                            if used > 0 { m::ChecklistInUse { n: used }.tr(lang) }
                            else { Msg::ConfirmRemoveChecklist.tr(lang).to_string() }
                        }</span>
                        <button type="button" class="danger" onclick={remove}>{ Msg::Delete.tr(lang) }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ Msg::Cancel.tr(lang) }</button>
                    } else {
                        <button type="button" class="link danger" onclick={ask}
                                aria-label={ format!("{} {}", Msg::Delete.tr(lang), title) }>{ Msg::Delete.tr(lang) }</button>
                    }
                </td>
            </tr>
        }
    });
    html! {
        <section class="panel" aria-labelledby="library-h">
            <h2 id="library-h">{ Msg::CustomChecklists.tr(lang) }</h2>
            <p>{ Msg::CustomHint.tr(lang) }</p>
            { library_table(custom.is_empty(), rows.collect(), lang) }
            <label class="button secondary file-pick">
                { Msg::LoadChecklist.tr(lang) }
                <input type="file" accept=".json,application/json" class="visually-hidden" onchange={ {
                    let cb = props.on_load.clone();
                    Callback::from(move |e: Event| {
                        if let Some(f) = files::take_picked(&e).into_iter().next() { cb.emit(f); }
                    })
                } } />
            </label>
        </section>
    }
}

/// The kept checklists as a table (title, version, items, fingerprint,
/// actions), or a line saying there are none: on the start screen and in
/// the county's tools.
pub fn library_table(empty: bool, rows: Html, lang: Lang) -> Html {
    if empty {
        return html! { <p class="hint">{ Msg::NoCustom.tr(lang) }</p> };
    }
    html! {
        <table class="library">
            <thead><tr>
                <th scope="col">{ Msg::ChooseChecklist.tr(lang) }</th><th scope="col">{ Msg::VersionLabel.tr(lang) }</th>
                <th scope="col">{ Msg::Items.tr(lang) }</th><th scope="col">{ Msg::FingerprintShort.tr(lang) }</th>
                <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
            </tr></thead>
            <tbody>{ rows }</tbody>
        </table>
    }
}
