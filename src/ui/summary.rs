//! 自查结果: per-section scores, the total, the grade and counts by status,
//! with the report download.

use yew::prelude::*;

use super::annual::AnnualHelper;
use super::checklist_view::ChecklistHandle;
use super::word::WordButton;
use crate::browser::{clock, download};
use crate::model::document::DocKind;
use crate::model::draft::Step;
use crate::model::messages::{m, Msg};
use crate::model::scoring::{Summary, Tally};
use crate::model::validation::items_left;
use crate::model::{report, Assessment, Edit, Lang, Status};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub summary: Summary,
    pub assessment: Assessment,
    pub checklist: ChecklistHandle,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
    pub on_step: Callback<Step>,
}

fn counts_cells(t: &Tally) -> Html {
    let c = &t.counts;
    html! { <>
        <td>{ c.done }</td><td>{ c.partial }</td><td>{ c.not_done }</td><td>{ c.not_applicable }</td><td>{ c.unanswered }</td>
    </> }
}

#[function_component]
pub fn SummaryPage(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let s = &props.summary;
    let t = &s.total;
    let left = items_left(&props.checklist.0, &props.assessment);
    let download = {
        let (a, c) = (props.assessment.clone(), props.checklist.clone());
        Callback::from(move |_| {
            let (_, json) = report::export_current(&c.0, &a);
            let name = report::file_name(&a.unit.name, a.year);
            let _ = download::save_text(&name, &json, "application/json;charset=utf-8");
        })
    };
    // Sections are listed under their parts, as in the walk.
    let mut index = 0;
    html! {
        <section class="step summary" aria-labelledby="step-h">
            <h1 id="step-h" tabindex="-1">{ Msg::Summary.tr(lang) }</h1>
            <div class="total-box">
                <div><span class="big" data-testid="total-score">{ t.normalized }</span><span class="unit">{ Msg::PointsUnit.tr(lang) }</span></div>
                <div class="grade" data-testid="grade">{ t.grade.get(lang) }</div>
                <p class="total-detail">{ m::TotalDetail { score: t.score, max: t.max }.tr(lang) }</p>
            </div>
            if left > 0 {
                <div class="panel notice-warn" role="note" data-testid="summary-unfinished">
                    <p>{ m::SummaryUnfinished { n: left }.tr(lang) }</p>
                    <button type="button" class="secondary" onclick={ props.on_step.reform(|_: MouseEvent| Step::Finish) }>
                        { Msg::Finish.tr(lang) }</button>
                </div>
            }
            <table class="summary-table">
                <caption>{ Msg::SectionScores.tr(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ Msg::Section.tr(lang) }</th>
                    <th scope="col">{ Msg::Score.tr(lang) }</th>
                    <th scope="col">{ Msg::Max.tr(lang) }</th>
                    <th scope="col">{ Msg::Rate.tr(lang) }</th>
                    { for Status::ALL.iter().map(|st| html!{ <th scope="col">{ st.label().tr(lang).to_string() }</th> }) }
                    <th scope="col">{ Msg::Unanswered.tr(lang) }</th>
                    <th scope="col">{ Msg::Grade.tr(lang) }</th>
                </tr></thead>
                { for props.checklist.0.parts.iter().map(|part| {
                    let rows = part.groups.iter().map(|_| {
                        let sec = &s.sections[index];
                        index += 1;
                        html!{
                            <tr>
                                <th scope="row">{ sec.title.get(lang) }</th>
                                <td>{ sec.tally.score }</td><td>{ sec.tally.max }</td><td>{ format!("{}%", sec.tally.normalized) }</td>
                                { counts_cells(&sec.tally) }
                                <td>{ sec.tally.grade.get(lang) }</td>
                            </tr>
                        }
                    }).collect::<Html>();
                    html! {
                        <tbody>
                            <tr class="part-row"><th scope="rowgroup" colspan="10">{ part.title.get(lang) }</th></tr>
                            { rows }
                        </tbody>
                    }
                }) }
                <tfoot><tr>
                    <th scope="row">{ Msg::Total.tr(lang) }</th>
                    <td>{ t.score }</td><td>{ t.max }</td><td>{ format!("{}%", t.normalized) }</td>
                    { counts_cells(t) }
                    <td>{ t.grade.get(lang) }</td>
                </tr></tfoot>
            </table>
            <p class="hint">{ Msg::NaNote.tr(lang) }</p>
            { super::chart::section_rates("summary-chart", s, &props.checklist.0.grade_bands, lang) }
            if !props.checklist.0.is_builtin() {
                <label class="check">
                    <input type="checkbox" checked={ report::embeds_checklist(&props.checklist.0, &props.assessment) }
                           onchange={ {
                               let on = !report::embeds_checklist(&props.checklist.0, &props.assessment);
                               props.on_edit.reform(move |_: Event| Edit::EmbedChecklist(on))
                           } } />
                    { " " }{ Msg::EmbedChecklist.tr(lang) }
                </label>
            }
            <div class="step-buttons">
                <button type="button" class="secondary" onclick={ props.on_step.reform(|_: MouseEvent| Step::Print) }>
                    { Msg::PrintPreview.tr(lang) }</button>
                <button type="button" class="primary" onclick={download}>{ Msg::DownloadReport.tr(lang) }</button>
                <WordButton kind={ DocKind::Report } checklist={ props.checklist.clone() } assessment={ props.assessment.clone() }
                            {lang} today={ clock::today() } />
            </div>
            <AnnualHelper checklist={ props.checklist.clone() } assessment={ props.assessment.clone() } {lang} />
        </section>
    }
}
