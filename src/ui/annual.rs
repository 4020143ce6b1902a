//! The annual-report helper: copy-ready paragraphs for the 法治政府建设情况报告.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use crate::model::annual::annual_text;
use crate::model::messages::Msg;
use crate::model::{Assessment, Lang};

#[derive(Properties, PartialEq)]
pub struct AnnualProps {
    pub checklist: ChecklistHandle,
    pub assessment: Assessment,
    pub lang: Lang,
}

/// Copies the text of the textarea with this id (works without the async Clipboard API,
/// which old kernels and file:// pages lack).
fn copy_from(id: &str) -> bool {
    let doc = gloo::utils::document();
    let Some(area) = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.select();
    doc.dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

#[function_component]
pub fn AnnualHelper(props: &AnnualProps) -> Html {
    let lang = props.lang;
    let text = annual_text(&props.checklist.0, &props.assessment, lang);
    let copied = use_state(|| None::<&'static str>);
    let block = |key: &'static str, title: Msg, body: String| {
        let id = format!("annual-{key}");
        let onclick = {
            let (copied, id) = (copied.clone(), id.clone());
            Callback::from(move |_| {
                if copy_from(&id) {
                    copied.set(Some(key));
                }
            })
        };
        let rows = (body.chars().count() / 40 + 2).min(14).to_string();
        html! {
            <div class="annual-block">
                <label for={ id.clone() }>{ title.tr(lang) }</label>
                <textarea id={ id } readonly=true value={ body } rows={ rows } />
                <button type="button" class="secondary" {onclick}>
                    { if *copied == Some(key) { Msg::Copied.tr(lang) } else { Msg::Copy.tr(lang) } }
                </button>
            </div>
        }
    };
    html! {
        <section class="panel annual" aria-labelledby="annual-h">
            <h3 id="annual-h">{ Msg::AnnualHelper.tr(lang) }</h3>
            <p class="hint">{ Msg::AnnualHint.tr(lang) }</p>
            { block("performance", Msg::AnnualPerformance, text.performance) }
            { block("shortcomings", Msg::AnnualShortcomings, text.shortcomings) }
            { block("plans", Msg::AnnualPlans, text.plans) }
        </section>
    }
}
