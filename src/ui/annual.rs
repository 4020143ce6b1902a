//! The drafts on 自查结果: the annual 法治政府建设情况报告 and the 述法 report,
//! each shown part by part, every part and the whole with a copy button.
//! Their prose is written by the office module (`browser::lazy`), fetched
//! the first time a user asks for the drafts, so a unit's first visit does
//! not download it.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::word::WordButton;
use crate::browser::{clock, lazy};
use crate::model::annual::{DraftText, Drafts};
use crate::model::canonical;
use crate::model::document::DocKind;
use crate::model::messages::{m, Message, Msg};
use crate::model::{Assessment, Lang};

#[derive(Properties, PartialEq)]
pub struct AnnualProps {
    pub checklist: ChecklistHandle,
    pub assessment: Assessment,
    pub lang: Lang,
}

/// Copies `text` through a temporary textarea (works without the async
/// Clipboard API, which old kernels and file:// pages lack).
fn copy_text(text: &str) -> bool {
    let doc = gloo::utils::document();
    let Some(area) = doc
        .create_element("textarea")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:0;left:-9999px;opacity:0");
    let body = gloo::utils::body();
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let ok = doc
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    ok
}

/// The copy button: 复制 / 已复制 for the key last copied.
fn copy_button(
    copied: &UseStateHandle<Option<String>>,
    key: String,
    label: Msg,
    text: String,
    lang: Lang,
) -> Html {
    let done = copied.as_deref() == Some(key.as_str());
    let onclick = {
        let copied = copied.clone();
        Callback::from(move |_| {
            if copy_text(&text) {
                copied.set(Some(key.clone()));
            }
        })
    };
    html! {
        <button type="button" class="secondary" {onclick}>
            { if done { Msg::Copied.tr(lang) } else { label.tr(lang) } }
        </button>
    }
}

/// Enough rows to show a part without scrolling (a line holds about 48
/// Chinese characters or 96 Latin ones), at most 16.
fn rows_for(text: &str) -> usize {
    let lines: usize = text
        .lines()
        .map(|l| {
            let width: usize = l.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            width / 96 + 1
        })
        .sum();
    lines.clamp(2, 16)
}

/// One draft: its title, 复制全文, and each part in a read-only box.
fn draft(
    key: &str,
    title: Msg,
    doc: &DraftText,
    copied: &UseStateHandle<Option<String>>,
    word: Html,
    lang: Lang,
) -> Html {
    let heading_id = format!("draft-{key}");
    html! {
        <section class="draft" aria-labelledby={ heading_id.clone() }>
            <div class="draft-head">
                <h4 id={ heading_id }>{ title.tr(lang) }</h4>
                { copy_button(copied, format!("{key}-all"), Msg::CopyAll, doc.text.clone(), lang) }
                { word }
            </div>
            { for doc.parts.iter().enumerate().map(|(i, (heading, body))| {
                let id = format!("draft-{key}-{i}");
                let rows = rows_for(body).to_string();
                html! {
                    <div class="annual-block">
                        <label for={ id.clone() }>{ heading }</label>
                        <textarea id={ id } readonly=true value={ body.clone() } rows={ rows } />
                        { copy_button(copied, format!("{key}-{i}"), Msg::Copy, body.clone(), lang) }
                    </div>
                }
            }) }
        </section>
    }
}

/// Where writing the drafts stands.
#[derive(Clone, PartialEq)]
enum Writing {
    NotAsked,
    Busy,
    Ready(Rc<Drafts>),
    Failed(Message),
}

/// The drafts of this assessment in `lang`, written by the office module
/// once the user has asked for them (`wanted`), and again whenever the
/// assessment or the language changes.
#[hook]
fn use_drafts(
    wanted: bool,
    checklist: &ChecklistHandle,
    assessment: &Assessment,
    lang: Lang,
) -> Writing {
    let writing = use_state(|| Writing::NotAsked);
    {
        let writing = writing.clone();
        let deps = (wanted, checklist.clone(), assessment.clone(), lang);
        use_effect_with(deps, move |(wanted, checklist, assessment, lang)| {
            if *wanted {
                writing.set(Writing::Busy);
                let c = serde_json::to_string(&*checklist.0).unwrap_or_default();
                let a = serde_json::to_string(assessment).unwrap_or_default();
                let lang = *lang;
                wasm_bindgen_futures::spawn_local(async move {
                    let made = lazy::call_for_text("office", "drafts", &[&c, &a, lang.tag()])
                        .await
                        .and_then(|json| {
                            canonical::parse::<Drafts>(&json)
                                .map_err(|_| "drafts: unreadable".into())
                        });
                    writing.set(match made {
                        Ok(drafts) => Writing::Ready(Rc::new(drafts)),
                        Err(detail) => Writing::Failed(m::DraftsFailed { detail }.into()),
                    });
                });
            }
        });
    }
    (*writing).clone()
}

#[function_component]
pub fn AnnualHelper(props: &AnnualProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let wanted = use_state(|| false);
    let writing = use_drafts(*wanted, &props.checklist, a, lang);
    let copied = use_state(|| None::<String>);
    let word = |kind| {
        html! {
            <WordButton {kind} checklist={ props.checklist.clone() } assessment={ a.clone() } {lang} today={ clock::today() } />
        }
    };
    let ask = {
        let wanted = wanted.clone();
        Callback::from(move |_| wanted.set(true))
    };
    let busy = writing == Writing::Busy;
    html! {
        <section class="panel annual" aria-labelledby="annual-h">
            <h3 id="annual-h">{ Msg::DraftsHeading.tr(lang) }</h3>
            <p class="hint">{ Msg::DraftsHint.tr(lang) }</p>
            if let Writing::Ready(drafts) = &writing {
                { draft("annual", Msg::AnnualDraft, &drafts.annual, &copied, word(DocKind::Annual), lang) }
                { draft("head", Msg::HeadDraft, &drafts.head, &copied, word(DocKind::Head), lang) }
            } else {
                <p>
                    <button type="button" onclick={ ask } disabled={ busy } aria-busy={ busy.to_string() }>
                        { if busy { Msg::DraftsWriting.tr(lang) } else { Msg::DraftsWrite.tr(lang) } }
                    </button>
                </p>
                if let Writing::Failed(message) = &writing {
                    <p class="error" role="alert">{ message.tr(lang) }</p>
                }
            }
        </section>
    }
}
