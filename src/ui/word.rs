//! 下载 Word 版: one of the unit's documents (the self-assessment report, the
//! annual-report draft, the 述法 draft) as a .docx, written by the office
//! module, which is loaded the first time (`browser::lazy`). The draft is only
//! read: a failure says why and leaves the JSON and the print as they were.

use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use crate::browser::{download, lazy};
use crate::model::document::{docx_file_name, DocKind};
use crate::model::messages::{m, Message, Msg};
use crate::model::{Assessment, Lang};

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Properties, PartialEq)]
pub struct WordButtonProps {
    pub kind: DocKind,
    pub checklist: ChecklistHandle,
    pub assessment: Assessment,
    pub lang: Lang,
    /// Today, YYYY-MM-DD: the date under the report's signature.
    pub today: AttrValue,
}

/// Where making one document stands.
#[derive(Clone, PartialEq)]
enum Making {
    Idle,
    Busy,
    Failed(Message),
}

/// The office module's function for each document.
fn function(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Report => "report",
        DocKind::Annual => "annual",
        DocKind::Head => "head",
    }
}

fn label(kind: DocKind) -> Msg {
    match kind {
        DocKind::Report => Msg::WordReport,
        DocKind::Annual => Msg::WordAnnual,
        DocKind::Head => Msg::WordHead,
    }
}

#[function_component]
pub fn WordButton(props: &WordButtonProps) -> Html {
    let making = use_state(|| Making::Idle);
    let lang = props.lang;
    let onclick = {
        let making = making.clone();
        let (kind, today) = (props.kind, props.today.to_string());
        let checklist = serde_json::to_string(&*props.checklist.0).unwrap_or_default();
        let assessment = serde_json::to_string(&props.assessment).unwrap_or_default();
        let name = docx_file_name(
            kind,
            &props.assessment.unit.name,
            props.assessment.year,
            lang,
        );
        Callback::from(move |_| {
            if *making == Making::Busy {
                return;
            }
            making.set(Making::Busy);
            let (making, checklist, assessment, today, name) = (
                making.clone(),
                checklist.clone(),
                assessment.clone(),
                today.clone(),
                name.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let args = [
                    checklist.as_str(),
                    assessment.as_str(),
                    today.as_str(),
                    lang.tag(),
                ];
                let result = lazy::call_for_bytes("office", function(kind), &args)
                    .await
                    .and_then(|bytes| download::save_bytes(&name, &bytes, DOCX_MIME));
                making.set(match result {
                    Ok(()) => Making::Idle,
                    Err(detail) => Making::Failed(m::OfficeFailed { detail }.into()),
                });
            });
        })
    };
    let busy = *making == Making::Busy;
    html! {
        <span class="word-download">
            <button type="button" class="secondary" {onclick} disabled={ busy } aria-busy={ busy.to_string() }>
                { if busy { Msg::WordMaking.tr(lang) } else { label(props.kind).tr(lang) } }
            </button>
            if let Making::Failed(message) = &*making {
                <span class="error" role="alert">{ message.tr(lang) }</span>
            }
        </span>
    }
}
