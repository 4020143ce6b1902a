//! 整改跟踪: every rectification promised in the counted reports, overdue
//! ones marked; the filters live with the desk.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::Shared;
use crate::model::calendar::Deadline;
use crate::model::desk;
use crate::model::messages::Msg;
use crate::model::Lang;
use crate::ui::widgets::TextField;

/// The tracker's filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RectFilter {
    pub text: String,
    pub overdue_only: bool,
}

#[derive(Properties, PartialEq)]
pub struct RectProps {
    pub desk: Shared,
    pub group: usize,
    pub lang: Lang,
    pub today: String,
    pub filter: RectFilter,
    pub on_filter: Callback<RectFilter>,
}

#[function_component]
pub fn RectTracker(props: &RectProps) -> Html {
    let lang = props.lang;
    let f = &props.filter;
    let all = desk::rectifications(props.desk.group(props.group), &props.today);
    let shown: Vec<_> = all
        .iter()
        .filter(|r| !f.overdue_only || r.overdue)
        .filter(|r| r.matches(&f.text))
        .collect();
    let overdue = all.iter().filter(|r| r.overdue).count();
    let on_text = {
        let (f, cb) = (f.clone(), props.on_filter.clone());
        Callback::from(move |v: String| {
            cb.emit(RectFilter {
                text: v,
                ..f.clone()
            })
        })
    };
    let on_overdue = {
        let (f, cb) = (f.clone(), props.on_filter.clone());
        Callback::from(move |_| {
            cb.emit(RectFilter {
                overdue_only: !f.overdue_only,
                ..f.clone()
            })
        })
    };
    html! {
        <div class="rects">
            <div class="filters">
                <TextField id="r-text" label={ b::Msg::FilterRects.tr(lang) } value={ f.text.clone() } kind="search" oninput={ on_text } />
                <label class="check"><input type="checkbox" checked={ f.overdue_only } onchange={ on_overdue } />
                    { format!(" {}（{overdue}）", b::Msg::OverdueOnly.tr(lang)) }</label>
            </div>
            <p class="hint" role="status">{ b::m::ShownOf { n: shown.len(), total: all.len() }.tr(lang) }</p>
            <div class="table-wrap">
            <table class="rect-table">
                <thead><tr>
                    <th scope="col">{ Msg::UnitName.tr(lang) }</th><th scope="col">{ Msg::CheckItem.tr(lang) }</th>
                    <th scope="col">{ Msg::Problem.tr(lang) }</th><th scope="col">{ Msg::Measure.tr(lang) }</th>
                    <th scope="col">{ Msg::Owner.tr(lang) }</th><th scope="col">{ Msg::Due.tr(lang) }</th>
                </tr></thead>
                <tbody>
                    { for shown.iter().map(|r| html!{
                        <tr class={ classes!(r.overdue.then_some("overdue")) } data-overdue={ r.overdue.to_string() }>
                            <th scope="row">{ &r.unit }</th>
                            <td>{ format!("{}. {}", r.item_number, r.duty.get(lang)) }</td>
                            <td>{ &r.problem }</td><td>{ &r.measure }</td><td>{ &r.owner }</td>
                            <td class="nowrap">{ Deadline::parse(&r.due).show(lang) }if r.overdue { <span class="badge">{ b::Msg::Overdue.tr(lang) }</span> }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}
