//! The commands the screens send upward, as callbacks made once: start, open,
//! duplicate and delete drafts; edit, step and fix within the open draft; go
//! home, show the checklist or the desk; download the draft; settle a tab
//! conflict; switch language; dismiss notices.

use yew::prelude::*;

use super::{relist, save_now, Latest};
use crate::browser::{clock, download, storage};
use crate::model::draft::Step;
use crate::model::messages::Msg;
use crate::model::{report, Edit, Lang, UnitInfo};
use crate::ui::state::{Action, AppState};

type Dispatch = UseReducerDispatcher<AppState>;

#[derive(Clone, PartialEq)]
pub struct Commands {
    /// Start a new assessment: unit, year and the index of the checklist in the library.
    pub create: Callback<(UnitInfo, i32, usize)>,
    pub open: Callback<String>,
    pub duplicate: Callback<String>,
    pub delete: Callback<String>,
    pub edit: Callback<Edit>,
    pub step: Callback<Step>,
    /// Go to a field: (item id, or None for the unit, and the field key).
    pub fix: Callback<(Option<String>, String)>,
    pub home: Callback<()>,
    pub show_checklist: Callback<()>,
    pub show_desk: Callback<()>,
    pub show_county_tools: Callback<()>,
    pub download_draft: Callback<()>,
    pub reload_other: Callback<()>,
    pub take_over: Callback<()>,
    pub toggle_lang: Callback<()>,
    pub dismiss: Callback<()>,
}

/// A callback that sends one fixed action.
fn send(d: &Dispatch, action: Action) -> Callback<()> {
    let d = d.clone();
    Callback::from(move |_| d.dispatch(action.clone()))
}

fn create(latest: &Latest, d: &Dispatch) -> Callback<(UnitInfo, i32, usize)> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |(unit, year, index): (UnitInfo, i32, usize)| {
        let library = latest.borrow().library.clone();
        let checklist = library.get(index).unwrap_or(&library[0]).clone();
        d.dispatch(Action::Created {
            id: clock::random_id(),
            unit,
            year,
            at: clock::now_iso(),
            checklist,
        })
    })
}

fn open(d: &Dispatch) -> Callback<String> {
    let d = d.clone();
    Callback::from(move |id: String| {
        if let Some(r) = storage::load(&id) {
            d.dispatch(Action::Opened(Box::new(r)));
        }
    })
}

fn duplicate(latest: &Latest, d: &Dispatch) -> Callback<String> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |id: String| {
        if let Some(mut r) = storage::load(&id) {
            r.id = clock::random_id();
            r.revision = 1;
            r.saved_at = clock::now_iso();
            // The copy's name is data, not interface: it stays Chinese.
            r.assessment.unit.name =
                format!("{}{}", r.assessment.unit.name, Msg::CopySuffix.tr(Lang::Zh));
            let _ = storage::save(&r);
            relist(&latest, &d);
        }
    })
}

fn delete(latest: &Latest, d: &Dispatch) -> Callback<String> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |id: String| {
        storage::delete(&id);
        relist(&latest, &d);
    })
}

fn edit(d: &Dispatch) -> Callback<Edit> {
    let d = d.clone();
    Callback::from(move |edit| {
        d.dispatch(Action::Edited {
            edit,
            at: clock::now_iso(),
        })
    })
}

/// Back to the start screen, saving first whatever is unsaved.
fn home(latest: &Latest, d: &Dispatch) -> Callback<()> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |_| {
        let s = latest.borrow().clone();
        if s.needs_save() {
            save_now(&s, &d);
        }
        d.dispatch(Action::WentHome);
        relist(&latest, &d);
    })
}

fn download_draft(latest: &Latest) -> Callback<()> {
    let latest = latest.clone();
    Callback::from(move |_| {
        let s = latest.borrow().clone();
        if let Some(o) = s.open() {
            let (_, json) = report::export_current(&o.checklist, &o.assessment);
            let _ = download::save_text(
                &report::file_name(&o.assessment.unit.name, o.assessment.year),
                &json,
                "application/json;charset=utf-8",
            );
        }
    })
}

/// Load the other tab's version of the open draft.
fn reload_other(latest: &Latest, d: &Dispatch) -> Callback<()> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |_| {
        let s = latest.borrow().clone();
        if let Some(r) = s.open().and_then(|o| storage::load(&o.id)) {
            d.dispatch(Action::Opened(Box::new(r)));
        }
    })
}

fn toggle_lang(latest: &Latest, d: &Dispatch) -> Callback<()> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |_| {
        let lang = match latest.borrow().lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        d.dispatch(Action::LanguageChosen(lang))
    })
}

/// Every command, made once for the life of the app.
#[hook]
pub fn use_commands(latest: Latest, d: Dispatch) -> Commands {
    (*use_memo((), move |_| Commands {
        create: create(&latest, &d),
        open: open(&d),
        duplicate: duplicate(&latest, &d),
        delete: delete(&latest, &d),
        edit: edit(&d),
        step: {
            let d = d.clone();
            Callback::from(move |step| d.dispatch(Action::SteppedTo(step)))
        },
        fix: {
            let d = d.clone();
            Callback::from(move |(item, field)| d.dispatch(Action::FixAsked { item, field }))
        },
        home: home(&latest, &d),
        show_checklist: send(&d, Action::ChecklistShown),
        show_desk: send(&d, Action::DeskShown),
        show_county_tools: send(&d, Action::CountyToolsShown),
        download_draft: download_draft(&latest),
        reload_other: reload_other(&latest, &d),
        take_over: send(&d, Action::TookOver),
        toggle_lang: toggle_lang(&latest, &d),
        dismiss: send(&d, Action::NoticesDismissed),
    }))
    .clone()
}
