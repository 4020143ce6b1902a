//! 履职矩阵: every item × every counted report, marked by answer (with a
//! legend), and each item's 已落实率 with its denominator.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::Shared;
use crate::model::calendar::Deadline;
use crate::model::desk;
use crate::model::messages::{m, Msg};
use crate::model::text::clause;
use crate::model::{Lang, Status};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub desk: Shared,
    pub group: usize,
    pub lang: Lang,
}

/// The mark of an answer in a cell (the legend explains them).
pub fn mark(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Done) => "✓",
        Some(Status::Partial) => "◐",
        Some(Status::NotDone) => "✗",
        Some(Status::NotApplicable) => "—",
        None => "·",
    }
}

/// ✓ 已落实 ◐ 部分落实 ✗ 未落实 — 不适用 · 未作答.
pub fn legend(lang: Lang) -> Html {
    let all = [
        Some(Status::Done),
        Some(Status::Partial),
        Some(Status::NotDone),
        Some(Status::NotApplicable),
        None,
    ];
    html! {
        <p class="legend">
            <span class="legend-title">{ b::Msg::Legend.tr(lang) }{ Msg::Colon.tr(lang) }</span>
            { for all.iter().map(|&s| html!{
                <span class={ classes!("legend-item", format!("s-{}", s.map(|x| x.key()).unwrap_or("none"))) }>
                    <span class="legend-mark" aria-hidden="true">{ mark(s) }</span>{ desk::status_label(s).tr(lang) }
                </span>
            }) }
        </p>
    }
}

#[function_component]
pub fn DutyMatrix(props: &MatrixProps) -> Html {
    let lang = props.lang;
    let g = props.desk.group(props.group);
    let picked = use_state(|| None::<(usize, usize)>);
    let rates = desk::matrix(g);
    let labels = desk::unit_labels(g, lang);
    let rows: Vec<_> = g.figures().collect();
    let items: Vec<_> = g.checklist.items().collect();
    let detail = picked.and_then(|(report, item)| {
        let r = g.reports().get(report)?;
        let it = items.get(item)?;
        let a = r.assessment.answer(&it.id).cloned().unwrap_or_default();
        Some(html! {
            <div class="cell-detail panel" role="region" aria-label={ b::Msg::AnswerDetail.tr(lang) }>
                <h3>{ format!("{} · {}", r.unit.name, it.duty.get(lang)) }</h3>
                <p><strong>{ Msg::Result.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ desk::status_label(a.status).tr(lang).to_string() }</p>
                <p><strong>{ Msg::Notes.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ if a.notes.is_empty() { "—".to_string() } else { a.notes.clone() } }</p>
                if a.status.is_some_and(Status::needs_rectification) {
                    <p><strong>{ Msg::Problem.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ &a.problem }</p>
                    <p><strong>{ Msg::Rectification.tr(lang) }{ Msg::Colon.tr(lang) }</strong>
                        { format!("{}{}", clause(&a.rectification.measure), m::Parenthesized { text: format!("{}{}{}", a.rectification.owner, Msg::ListSeparator.tr(lang), Deadline::parse(&a.rectification.due).show(lang)) }.tr(lang)) }</p>
                }
                if a.status == Some(Status::NotApplicable) {
                    <p><strong>{ Msg::NaReason.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ &a.na_reason }</p>
                }
            </div>
        })
    });
    html! {
        <div class="matrix">
            { legend(lang) }
            <p class="hint">{ b::Msg::DoneRateNote.tr(lang) }</p>
            { detail.unwrap_or_default() }
            <div class="table-wrap">
            <table class="matrix-table">
                <thead><tr>
                    <th scope="col">{ Msg::SerialNo.tr(lang) }</th>
                    <th scope="col">{ Msg::CheckItem.tr(lang) }</th>
                    <th scope="col" title={ b::Msg::DoneRateNote.tr(lang) }>{ b::Msg::DoneRate.tr(lang) }</th>
                    { for labels.iter().map(|l| html!{ <th scope="col" class="unit-col"><span>{ l }</span></th> }) }
                </tr></thead>
                <tbody>
                    { for rates.iter().enumerate().map(|(ii, rate)| html!{
                        <tr data-item={ rate.item_id.clone() }>
                            <td>{ rate.number }</td>
                            <th scope="row" class="duty-cell">{ rate.duty.get(lang) }</th>
                            <td class="rate" data-rate={ rate.done_rate.map(|r| format!("{r:.4}")).unwrap_or_default() }>
                                { rate.done_rate.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "—".into()) }
                                <span class="sub">{ b::m::OfApplicable { done: rate.counts.done, applicable: rate.applicable }.tr(lang) }</span>
                            </td>
                            { for rows.iter().map(|&(ri, row)| {
                                let s = row.statuses.get(ii).copied().flatten();
                                let p = picked.clone();
                                let label = desk::status_label(s).tr(lang).to_string();
                                html!{
                                    <td class={ classes!("cell", format!("s-{}", s.map(|x| x.key()).unwrap_or("none"))) }>
                                        <button type="button" title={ label.clone() } aria-label={ format!("{} · {} · {}", row.unit.name, rate.number, label) }
                                                onclick={ Callback::from(move |_| p.set(Some((ri, ii)))) }>
                                            { mark(s) }
                                        </button>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}
