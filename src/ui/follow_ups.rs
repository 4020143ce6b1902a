//! 上年度整改落实情况: last year's rectifications, each with its progress
//! (已完成 / 推进中 / 未启动) and a note. Shown on the unit step.

use yew::prelude::*;

use super::widgets::{issue_for, TextField};
use crate::model::annual::cn_date;
use crate::model::messages::Msg;
use crate::model::validation::Issue;
use crate::model::{Edit, FollowUp, FollowUpStatus, Lang};

#[derive(Properties, PartialEq)]
pub struct FollowUpsProps {
    pub follow_ups: Vec<FollowUp>,
    pub issues: Vec<Issue>,
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
        let err = issue_for(&props.issues, &field).map(|x| x.message.tr(lang).to_string());
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
        let due = if r.due.is_empty() { String::new() } else { format!("，{}", cn_date(&r.due)) };
        let owner = if r.owner.is_empty() { String::new() } else { format!("，{}", r.owner) };
        html! {
            <div class="followup-row" data-followup={ i.to_string() }>
                <p class="duty-line"><strong>{ format!("{}. ", i + 1) }</strong>{ &f.duty }</p>
                <p class="promised">{ format!("{}{}{}{}{}", Msg::LastYearMeasure.tr(lang), Msg::Colon.tr(lang), r.measure, owner, due) }</p>
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
