//! The drafts on 自查结果: the annual 法治政府建设情况报告 and the 述法 report,
//! each shown part by part, every part and the whole with a copy button.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::word::WordButton;
use crate::browser::clock;
use crate::model::annual::{annual_report, head_report};
use crate::model::document::DocKind;
use crate::model::document::Document;
use crate::model::messages::Msg;
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
    doc: &Document,
    copied: &UseStateHandle<Option<String>>,
    word: Html,
    lang: Lang,
) -> Html {
    let heading_id = format!("draft-{key}");
    let parts = doc.parts(Msg::DraftPreamble.tr(lang));
    html! {
        <section class="draft" aria-labelledby={ heading_id.clone() }>
            <div class="draft-head">
                <h4 id={ heading_id }>{ title.tr(lang) }</h4>
                { copy_button(copied, format!("{key}-all"), Msg::CopyAll, doc.text(), lang) }
                { word }
            </div>
            { for parts.into_iter().enumerate().map(|(i, (heading, body))| {
                let id = format!("draft-{key}-{i}");
                let rows = rows_for(&body).to_string();
                html! {
                    <div class="annual-block">
                        <label for={ id.clone() }>{ heading }</label>
                        <textarea id={ id } readonly=true value={ body.clone() } rows={ rows } />
                        { copy_button(copied, format!("{key}-{i}"), Msg::Copy, body, lang) }
                    </div>
                }
            }) }
        </section>
    }
}

#[function_component]
pub fn AnnualHelper(props: &AnnualProps) -> Html {
    let lang = props.lang;
    let (c, a) = (&props.checklist.0, &props.assessment);
    let copied = use_state(|| None::<String>);
    let word = |kind| {
        html! {
            <WordButton {kind} checklist={ props.checklist.clone() } assessment={ a.clone() } {lang} today={ clock::today() } />
        }
    };
    html! {
        <section class="panel annual" aria-labelledby="annual-h">
            <h3 id="annual-h">{ Msg::DraftsHeading.tr(lang) }</h3>
            <p class="hint">{ Msg::DraftsHint.tr(lang) }</p>
            { draft("annual", Msg::AnnualDraft, &annual_report(c, a, lang), &copied, word(DocKind::Annual), lang) }
            { draft("head", Msg::HeadDraft, &head_report(c, a, lang), &copied, word(DocKind::Head), lang) }
        </section>
    }
}
