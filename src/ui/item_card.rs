//! One checklist item as the user answers it: the duty, its guidance and
//! source, the four answers, the self-score, notes, evidence, and the
//! follow-up fields the answer calls for. Re-renders only when its own answer changes.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::due::{due_field, DueFieldProps};
use super::evidence::EvidenceList;
use super::widgets::{issue_for, TextField};
use crate::model::checklist::Item;
use crate::model::messages::{m, Msg};
use crate::model::points::Step;
use crate::model::scoring::default_score;
use crate::model::text::nested_quotes;
use crate::model::validation::item_issues;
use crate::model::{Answer, AnswerField, Edit, Lang, Status};

#[derive(Properties, PartialEq)]
pub struct ItemCardProps {
    pub checklist: ChecklistHandle,
    pub section: usize,
    pub position: usize,
    /// Number shown before the duty (1-based across the checklist).
    pub number: usize,
    pub answer: Option<Answer>,
    pub show_all_issues: bool,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

/// The key a status answers to: 1 已落实, 2 部分落实, 3 未落实, 4 不适用.
pub fn status_for_key(key: &str) -> Option<Status> {
    match key {
        "1" => Some(Status::Done),
        "2" => Some(Status::Partial),
        "3" => Some(Status::NotDone),
        "4" => Some(Status::NotApplicable),
        _ => None,
    }
}

/// True when the key press belongs to a text field and must not answer the item.
fn typing_into(e: &KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("radio") | Some("checkbox") | Some("button")
        ),
        _ => false,
    }
}

#[function_component]
pub fn ItemCard(props: &ItemCardProps) -> Html {
    let c = &props.checklist.0;
    let lang = props.lang;
    let item = &c
        .sections()
        .nth(props.section)
        .expect("section exists")
        .items[props.position];
    let id = item.id.clone();
    let answer = props.answer.clone().unwrap_or_default();
    let status = answer.status;
    let step = c.step();
    let all_issues = item_issues(item, props.answer.as_ref(), c.score_rule());
    // Until the finish step, an untouched item shows no complaints.
    let issues = if status.is_some() || props.show_all_issues {
        all_issues.clone()
    } else {
        Vec::new()
    };
    let err =
        |f: &str| issue_for(&issues, f).map(|i| AttrValue::from(i.message.tr(lang).to_string()));
    // Errors of fields the user has not left yet wait until they ask to finish.
    let reveal = props.show_all_issues;
    let due_left = use_state(|| false);

    let edit = props.on_edit.clone();
    let text_cb = |field: AnswerField| {
        let (edit, id) = (edit.clone(), id.clone());
        Callback::from(move |v: String| edit.emit(Edit::Text(id.clone(), field, v)))
    };
    // A required follow-up field: a textarea, or an input of this kind.
    let field = |f: AnswerField, key: &str, label: Msg, value: String, kind: &'static str| {
        let multiline = kind == "textarea";
        html! {
            <TextField id={ format!("{id}-{key}") } label={ label.tr(lang) } {multiline} required=true {reveal}
                       kind={ if multiline { "text" } else { kind } } {value} error={ err(key) } oninput={ text_cb(f) } />
        }
    };
    let onkeydown = status_keys(&edit, &id);

    let radios = Status::ALL.iter().enumerate().map(|(n, s)| {
        let input_id = if n == 0 {
            format!("{id}-status")
        } else {
            format!("{id}-status-{}", s.key())
        };
        let onchange = {
            let (edit, id, s) = (edit.clone(), id.clone(), *s);
            Callback::from(move |_: Event| edit.emit(Edit::Status(id.clone(), s)))
        };
        html! {
            <label class={ classes!("choice", format!("choice-{}", s.key())) } for={ input_id.clone() }>
                <input type="radio" id={ input_id } name={ format!("{id}-status-group") }
                       value={ s.key() } checked={ status == Some(*s) } {onchange}
                       aria-keyshortcuts={ (n + 1).to_string() } />
                <span>{ s.label().tr(lang).to_string() }</span>
            </label>
        }
    });
    let status_err = err("status");

    let scored = matches!(status, Some(s) if s != Status::NotApplicable);

    let complete = status.is_some() && all_issues.is_empty();
    html! {
        <article class={ classes!("card", status.map(|s| format!("is-{}", s.key())), complete.then_some("is-complete")) }
                 id={ format!("item-{id}") } data-item-id={ id.clone() } tabindex="-1"
                 aria-labelledby={ format!("{id}-duty") } {onkeydown}>
            { item_head(item, props.number, lang) }

            <fieldset class={ classes!("status", status_err.as_ref().map(|_| "has-error")) }
                      aria-describedby={ status_err.as_ref().map(|_| format!("{id}-status-err")) }>
                <legend>{ Msg::Result.tr(lang) }<span class="key-hint">{ Msg::KeyHint.tr(lang) }</span></legend>
                <div class="choices">{ for radios }</div>
                if let Some(e) = status_err { <p class="error" id={ format!("{id}-status-err") }>{ e }</p> }
            </fieldset>

            if scored {
                { score_field(item, props.answer.as_ref(), step, err("score"), &edit, lang) }
            }

            if status == Some(Status::NotApplicable) {
                { field(AnswerField::NaReason, "na_reason", Msg::NaReason, answer.na_reason.clone(), "textarea") }
            }

            <TextField id={ format!("{id}-notes") } label={ Msg::Notes.tr(lang) } multiline=true {reveal}
                       value={ answer.notes.clone() } error={ err("notes") } oninput={ text_cb(AnswerField::Notes) } />

            <EvidenceList item_id={ id.clone() } evidence={ answer.evidence.clone() } issues={ issues.clone() }
                          {reveal} {lang} onedit={ edit.clone() } />

            if status.is_some_and(|s| s.needs_rectification()) {
                <div class="followup">
                    { field(AnswerField::Problem, "problem", Msg::Problem, answer.problem.clone(), "textarea") }
                    <fieldset class="rectification">
                        <legend>{ Msg::Rectification.tr(lang) }</legend>
                        { field(AnswerField::Measure, "measure", Msg::Measure, answer.rectification.measure.clone(), "textarea") }
                        { field(AnswerField::Owner, "owner", Msg::Owner, answer.rectification.owner.clone(), "text") }
                        { due_field(DueFieldProps {
                            id: format!("{id}-due").into(),
                            value: answer.rectification.due.clone().into(),
                            error: err("due"),
                            reveal: reveal || *due_left,
                            lang,
                            oninput: text_cb(AnswerField::Due),
                            onblur: { let due_left = due_left.clone(); Callback::from(move |_| due_left.set(true)) },
                        }) }
                    </fieldset>
                </div>
            }
        </article>
    }
}

/// Keys 1–4 answer the item and move the focus to the chosen radio; typing into a field is left alone.
fn status_keys(edit: &Callback<Edit>, id: &str) -> Callback<KeyboardEvent> {
    let (edit, id) = (edit.clone(), id.to_string());
    Callback::from(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.alt_key() || e.meta_key() || typing_into(&e) {
            return;
        }
        if let Some(s) = status_for_key(&e.key()) {
            e.prevent_default();
            edit.emit(Edit::Status(id.clone(), s));
            let radio = format!("{}-status-{}", id, s.key());
            if let Some(el) = gloo::utils::document().get_element_by_id(&radio) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    })
}

/// 自评得分: the item's self-score, its default for the answer, and its error.
fn score_field(
    item: &Item,
    answer: Option<&Answer>,
    step: Step,
    error: Option<AttrValue>,
    edit: &Callback<Edit>,
    lang: Lang,
) -> Html {
    let id = item.id.clone();
    let status = answer.and_then(|a| a.status);
    // What the clerk typed, even a score that cannot count (its error says
    // what counts instead), else the answer's default.
    let value = answer
        .and_then(|a| a.score)
        .or_else(|| status.map(|s| s.default_score(item.points, step)))
        .map(|s| s.to_string())
        .unwrap_or_default();
    let onchange = {
        let (edit, id) = (edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            edit.emit(Edit::Score(id.clone(), v.trim().parse::<f64>().ok()))
        })
    };
    let label = m::SelfScoreLabel {
        max: item.points,
        default: default_score(item.points, status, step),
    };
    html! {
        <div class={ classes!("field", "score", error.as_ref().map(|_| "has-error")) }>
            <label for={ format!("{id}-score") }>{ label.tr(lang) }</label>
            <input type="number" id={ format!("{id}-score") } min="0" max={ item.points.to_string() }
                   step={ step.points().to_string() } {value} {onchange}
                   aria-invalid={ error.as_ref().map(|_| "true") }
                   aria-describedby={ error.as_ref().map(|_| format!("{id}-score-err")) } />
            if let Some(e) = error { <p class="error" id={ format!("{id}-score-err") }>{ e }</p> }
        </div>
    }
}

/// The item's number, duty and points, its guidance (folded) and its source.
fn item_head(item: &Item, number: usize, lang: Lang) -> Html {
    let id = &item.id;
    html! { <>
            <header class="card-head">
                <span class="num" aria-hidden="true">{ number }</span>
                <h3 class="duty" id={ format!("{id}-duty") }>{ item.duty.get(lang) }</h3>
                <span class="points">{ format!("{} {}", Msg::Points.tr(lang), item.points) }</span>
            </header>
            <details class="guidance">
                <summary>{ Msg::GuidanceToggle.tr(lang) }</summary>
                <p><strong>{ Msg::Guidance.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ item.guidance.get(lang) }</p>
                <p><strong>{ Msg::EvidenceHint.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ item.evidence.get(lang) }</p>
                if let Some(d) = &item.deduction {
                    <p><strong>{ Msg::Deduction.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ d.get(lang) }</p>
                }
            </details>
            <p class="source"><span class="label">{ Msg::Source.tr(lang) }{ Msg::Colon.tr(lang) }</span>
                { item.source.reference.get(lang) }{ " · " }{ quote(&item.source.quote, lang) }</p>
    </> }
}

/// A quotation from the source, in “…” (its own quotation marks made single);
/// always in Chinese, and said so in English.
pub fn quote(text: &str, lang: Lang) -> Html {
    html! { <>
        <span class="quote" lang="zh-CN">{ format!("“{}”", nested_quotes(text)) }</span>
        if lang == Lang::En { { " " }{ Msg::QuoteInChinese.tr(lang) } }
    </> }
}
