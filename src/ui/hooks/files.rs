//! Files the user brings: a report to open or to start next year from (the
//! decision is the model's, [`crate::model::intake`]), a checklist
//! definition to keep, and the replace-or-keep-both choice.

use std::rc::Rc;

use yew::prelude::*;

use super::{relist, Latest};
use crate::browser::{clock, files, storage};
use crate::model::import::{ImportError, MAX_REPORT_BYTES};
use crate::model::intake::{self, Decision, Intake, Purpose};
use crate::model::messages::{m, Message, Msg};
use crate::model::Checklist;
use crate::ui::state::{Action, AppState, Pending};

type Dispatch = UseReducerDispatcher<AppState>;

/// The user's answer to "a draft of the same unit and year exists".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Replace,
    KeepBoth,
    Cancel,
}

#[derive(Clone, PartialEq)]
pub struct FileCommands {
    pub import: Callback<web_sys::File>,
    pub carry: Callback<web_sys::File>,
    pub load_checklist: Callback<web_sys::File>,
    /// Remove a custom checklist, by fingerprint.
    pub remove_checklist: Callback<String>,
    pub choose: Callback<Choice>,
}

/// Keeps the new draft, opens it and says what the user must know about it.
fn adopt(intake: Intake, latest: &Latest, d: &Dispatch) {
    let Intake {
        record,
        tampered,
        carried_checklist,
    } = intake;
    let mut notices = Vec::new();
    if tampered {
        notices.push(Message::Fixed(Msg::DigestMismatch));
    }
    // A report that carries its own checklist makes that checklist available.
    if let Some(c) = carried_checklist {
        if storage::save_checklist(&c, &clock::now_iso()).is_ok() {
            notices.push(
                m::ChecklistStored {
                    title: c.title.clone(),
                    version: c.version.clone(),
                }
                .into(),
            );
            d.dispatch(Action::ChecklistKept(c));
        }
    }
    let _ = storage::save(&record);
    relist(latest, d);
    d.dispatch(Action::Opened(Box::new(record)));
    d.dispatch(Action::Noticed(notices));
}

/// Reads a report file and applies the model's decision about it.
fn report_reader(latest: &Latest, d: &Dispatch, purpose: Purpose) -> Callback<web_sys::File> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |file: web_sys::File| {
        let size = file.size() as u64;
        if size > MAX_REPORT_BYTES {
            // Refused by size before a byte is read.
            let e = ImportError::TooLarge { bytes: size };
            return d.dispatch(Action::Noticed(vec![e.message()]));
        }
        let (latest, d) = (latest.clone(), d.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = match files::read_bytes(file).await {
                Ok(b) => b,
                Err(e) => return d.dispatch(Action::Noticed(vec![e.into()])),
            };
            let library = latest.borrow().library.clone();
            let drafts = storage::list();
            let now = clock::now_iso();
            match intake::decide(&bytes, &library, &drafts, purpose, clock::random_id(), &now) {
                Decision::Refused(e) => d.dispatch(Action::Noticed(vec![e.message()])),
                Decision::Ask { intake, existing } => {
                    d.dispatch(Action::ChoiceAsked(Box::new(Pending { intake, existing })))
                }
                Decision::Open(intake) => adopt(intake, &latest, &d),
            }
        });
    })
}

/// What loading a checklist definition file says: every problem, or that it was kept.
fn take_checklist(text: &str, library: &[Rc<Checklist>], d: &Dispatch) -> Vec<Message> {
    match Checklist::parse(text) {
        Ok(c) => keep(c, library, d),
        Err(problems) => {
            let mut out = vec![Message::Fixed(Msg::ChecklistInvalid)];
            out.extend(problems.into_iter().map(|p| {
                m::ChecklistProblem {
                    problem: Box::new(p.message),
                    path: p.path,
                }
                .into()
            }));
            out
        }
    }
}

/// Keeps a valid checklist in the browser and offers it for new assessments.
fn keep(c: Checklist, library: &[Rc<Checklist>], d: &Dispatch) -> Vec<Message> {
    let c = Rc::new(c);
    let said = keep_checklist(&c, library);
    if said.is_ok() {
        d.dispatch(Action::ChecklistKept(c));
    }
    vec![said.unwrap_or_else(|e| e)]
}

/// Keeps `c` in the browser's storage unless `library` has it already: what
/// to tell the user, `Ok` when it was kept. Also used by the county's tools.
pub fn keep_checklist(c: &Checklist, library: &[Rc<Checklist>]) -> Result<Message, Message> {
    let (title, version) = (c.title.clone(), c.version.clone());
    if library.iter().any(|x| x.sha256() == c.sha256()) {
        return Err(m::ChecklistAlready { title, version }.into());
    }
    storage::save_checklist(c, &clock::now_iso()).map_err(Message::Fixed)?;
    let n = c.items().count();
    Ok(m::ChecklistLoaded { title, version, n }.into())
}

fn checklist_loader(latest: &Latest, d: &Dispatch) -> Callback<web_sys::File> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |file: web_sys::File| {
        let (latest, d) = (latest.clone(), d.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let notices = match files::read_bytes(file).await {
                Err(e) => vec![e.into()],
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let library = latest.borrow().library.clone();
                    take_checklist(text.trim_start_matches('\u{feff}'), &library, &d)
                }
            };
            d.dispatch(Action::Noticed(notices));
        });
    })
}

fn chooser(latest: &Latest, d: &Dispatch) -> Callback<Choice> {
    let (latest, d) = (latest.clone(), d.clone());
    Callback::from(move |choice: Choice| {
        let pending = latest.borrow().pending.clone();
        d.dispatch(Action::ChoiceMade);
        let Some(p) = pending else { return };
        match choice {
            Choice::Cancel => {}
            Choice::Replace => {
                storage::delete(&p.existing);
                adopt(p.intake, &latest, &d);
            }
            Choice::KeepBoth => adopt(p.intake, &latest, &d),
        }
    })
}

fn checklist_remover(d: &Dispatch) -> Callback<String> {
    let d = d.clone();
    Callback::from(move |sha: String| {
        storage::delete_checklist(&sha);
        d.dispatch(Action::ChecklistRemoved(sha));
    })
}

/// The file commands, made once for the life of the app.
#[hook]
pub fn use_file_commands(latest: Latest, d: Dispatch) -> FileCommands {
    (*use_memo((), move |_| FileCommands {
        import: report_reader(&latest, &d, Purpose::Open),
        carry: report_reader(&latest, &d, Purpose::CarryForward),
        load_checklist: checklist_loader(&latest, &d),
        remove_checklist: checklist_remover(&d),
        choose: chooser(&latest, &d),
    }))
    .clone()
}
