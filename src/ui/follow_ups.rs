//! 上年度整改落实情况: last year's rectifications, each with its progress
//! (已完成 / 推进中 / 未启动) and a note. Shown on the unit step.

use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::widgets::{issue_for, TextField};
use crate::model::assessment::Rectification;
use crate::model::calendar::Deadline;
use crate::model::messages::{m, Msg};
use crate::model::text::clause;
use crate::model::validation::Issue;
use crate::model::{Edit, FollowUp, FollowUpStatus, Lang};

#[derive(Properties, PartialEq)]
pub struct FollowUpsProps {
    pub follow_ups: Vec<FollowUp>,
    /// This year's checklist: a carried item's duty is shown in the current language from it.
    pub checklist: ChecklistHandle,
    pub issues: Vec<Issue>,
    /// Show a line's missing progress (once the user asked to finish).
    pub reveal: bool,
    pub lang: Lang,
    pub onedit: Callback<Edit>,
}

#[function_component]
pub fn FollowUps(props: &FollowUpsProps) -> Html {
    let lang = props.lang;
    if props.follow_ups.is_empty() {
        return Html::default();
    }
    let rows = props.follow_ups.iter().enumerate().map(|(i, f)| {
        let field = format!("followup.{i}.status");
        let err = issue_for(&props.issues, &field)
            .filter(|_| props.reveal)
            .map(|x| x.message.tr(lang).to_string());
        let radios = FollowUpStatus::ALL.iter().enumerate().map(|(n, s)| {
            let id = if n == 0 { format!("unit-{field}") } else { format!("unit-{field}-{}", s.key()) };
            let onchange = {
                let (cb, s) = (props.onedit.clone(), *s);
                Callback::from(move |_: Event| cb.emit(Edit::FollowUpStatus(i, s)))
            };
            html! {
                <label class="choice" for={ id.clone() }>
                    <input type="radio" id={ id } name={ format!("followup-{i}") } checked={ f.status == Some(*s) } {onchange} />
                    <span>{ s.label().tr(lang).to_string() }</span>
                </label>
            }
        });
        let on_note = {
            let cb = props.onedit.clone();
            Callback::from(move |v: String| cb.emit(Edit::FollowUpNote(i, v)))
        };
        let r = &f.rectification;
        let promised = promised_line(r, lang);
        let duty = props.checklist.0.item(&f.item_id).map_or(f.duty.as_str(), |item| item.duty.get(lang));
        html! {
            <div class="followup-row" data-followup={ i.to_string() }>
                <p class="duty-line"><strong>{ format!("{}. ", i + 1) }</strong>{ duty }</p>
                <p class="promised">{ promised }</p>
                <fieldset class={ classes!("status", err.as_ref().map(|_| "has-error")) }>
                    <legend>{ Msg::FollowUpState.tr(lang) }</legend>
                    <div class="choices">{ for radios }</div>
                    if let Some(e) = err { <p class="error">{ e }</p> }
                </fieldset>
                <TextField id={ format!("unit-followup.{i}.note") } label={ Msg::FollowUpNote.tr(lang) } multiline=true
                           value={ f.note.clone() } oninput={on_note} />
            </div>
        }
    });
    html! {
        <section class="panel followups" aria-labelledby="followups-h">
            <h3 id="followups-h">{ Msg::FollowUps.tr(lang) }</h3>
            <p class="hint">{ Msg::FollowUpsHint.tr(lang) }</p>
            { for rows }
        </section>
    }
}

/// 上年度整改措施：measure（责任人：…；完成时限：…）, joined without doubled punctuation.
fn promised_line(r: &Rectification, lang: Lang) -> String {
    let details: Vec<String> = [
        (Msg::Owner, r.owner.trim().to_string()),
        (Msg::Due, Deadline::parse(&r.due).show(lang)),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(label, value)| m::Labelled { label, value }.tr(lang))
    .collect();
    let mut text = clause(&r.measure).to_string();
    if !details.is_empty() {
        text.push_str(
            &m::Parenthesized {
                text: details.join(Msg::ListSeparator.tr(lang)),
            }
            .tr(lang),
        );
    }
    m::Labelled {
        label: Msg::LastYearMeasure,
        value: text,
    }
    .tr(lang)
}
