//! 打印汇总 — the desk's figures as a document: a title with the county, the
//! year and the date; 一、总体情况 with the charts (grey on a black-and-white
//! printer); 二、各单位自查情况 on landscape pages; 三、各事项落实情况;
//! 四、整改逾期情况; 五、问题文件. Full width, no buttons, sort marks or links,
//! and short labels never broken one character per line.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::overview::{charts, pct};
use crate::model::annual::cn_date;
use crate::model::desk::dashboard::{county, Dashboard};
use crate::model::desk::verdicts::verdicts;
use crate::model::desk::{self, Desk, Group};
use crate::model::messages::{Msg, Ordinal};
use crate::model::{Lang, Status};

/// What the printed summary shows.
pub struct SummaryDoc<'a> {
    pub desk: &'a Desk,
    pub group: &'a Group,
    pub dash: &'a Dashboard,
    /// The place for the title as the reviewer typed it (empty: the county
    /// the units share, when they share one).
    pub title: &'a str,
    pub today: &'a str,
    pub lang: Lang,
}

fn heading(n: usize, title: b::Msg, lang: Lang) -> Html {
    html! { <h2>{ b::m::SummaryHeading { n: Ordinal(n), title }.tr(lang) }</h2> }
}

/// The years as written in the title: 2026 or 2025—2026.
fn years(d: &Dashboard) -> String {
    match (d.years.first(), d.years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}—{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// The printable summary with its toolbar (返回, the place in the title, 打印).
pub fn print_summary(doc: &SummaryDoc, on_back: Callback<()>, on_title: Callback<String>) -> Html {
    let lang = doc.lang;
    let (g, d) = (doc.group, doc.dash);
    let place = if doc.title.trim().is_empty() {
        county(g).unwrap_or_default()
    } else {
        doc.title.trim().to_string()
    };
    let title = b::m::SummaryTitle {
        place,
        years: years(d),
    }
    .tr(lang);
    let today = cn_date(doc.today);
    html! {
        <section class="desk step print-step" aria-labelledby="desk-view-h">
            <div class="print-toolbar">
                <h2 id="desk-view-h" tabindex="-1">{ b::Msg::PrintSummaryPreview.tr(lang) }</h2>
                <button type="button" class="secondary" onclick={ on_back.reform(|_| ()) }>{ b::Msg::BackToList.tr(lang) }</button>
                <button type="button" class="primary" onclick={ Callback::from(|_| crate::browser::print()) }>{ Msg::PrintButton.tr(lang) }</button>
            </div>
            <div class="field print-toolbar-field">
                <label for="desk-place">{ b::Msg::DeskPlaceLabel.tr(lang) }</label>
                <input id="desk-place" type="text" value={ doc.title.to_string() } placeholder={ county(g).unwrap_or_default() }
                       oninput={ on_title.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value()) } />
                <p class="hint">{ b::Msg::DeskPlaceHint.tr(lang) }</p>
            </div>
            <article class="print-doc desk-summary" lang={ lang.tag() } aria-label={ Msg::PrintPreview.tr(lang) }>
                // Here, after the linked style sheets: Chromium lets a later
                // sheet's plain @page rule win over an earlier named one.
                <style>{ "@page wide { size: A4 landscape; margin: 20mm 20mm 22mm 25mm; }" }</style>
                <h1 class="doc-title">{ title }</h1>
                <p class="doc-date">{ format!("（{}）", today) }</p>
                <p class="para">{ b::m::SummaryLead {
                    checklist: g.checklist.title.get(lang).to_string(), version: g.reference.version.clone(),
                    files: doc.desk.files(), units: d.units, score: d.mean_score,
                }.tr(lang) }</p>
                { super::overview::left_out_note(g, lang) }
                { heading(1, b::Msg::DeskOverview, lang) }
                { super::overview::key_figures(d, lang) }
                { charts(d, &g.checklist.grade_bands, lang) }
                <section class="landscape">
                    { heading(2, b::Msg::SummaryUnits, lang) }
                    { units_table(g, lang) }
                </section>
                { heading(3, b::Msg::SummaryItems, lang) }
                { items_table(g, lang) }
                { heading(4, b::Msg::DashOverdue, lang) }
                { overdue_table(d, lang) }
                { heading(5, b::Msg::DeskProblems, lang) }
                { problems_table(doc.desk, lang) }
            </article>
        </section>
    }
}

/// Every report in the figures, by score (highest first; equal ones in
/// natural order of the unit): the ranking. Reports left out are named in
/// the note under the lead, not ranked.
fn units_table(g: &Group, lang: Lang) -> Html {
    let mut rows: Vec<_> = g.figures().map(|(_, r)| r).collect();
    rows.sort_by(|a, b| b.tally.normalized.total_cmp(&a.tally.normalized));
    html! {
        <table class="sum-units">
            <thead><tr>
                <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::UnitName.tr(lang) }</th><th>{ Msg::UnitType.tr(lang) }</th>
                <th>{ Msg::HeadLabel.tr(lang) }</th><th>{ Msg::Progress.tr(lang) }</th><th>{ Msg::Score.tr(lang) }</th>
                <th>{ Msg::Grade.tr(lang) }</th><th>{ b::Msg::NotDoneCount.tr(lang) }</th><th>{ b::Msg::PartialCount.tr(lang) }</th>
                <th>{ b::Msg::EvidenceCount.tr(lang) }</th><th>{ Msg::FingerprintShort.tr(lang) }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().enumerate().map(|(i, r)| html!{ <tr>
                    <td class="num">{ i + 1 }</td><td>{ &r.unit.name }</td>
                    <td class="nowrap">{ r.unit.unit_type.label().tr(lang) }</td>
                    <td>{ format!("{} {}", r.unit.head_name, r.unit.head_title) }</td>
                    <td class="num">{ format!("{:.0}%", r.tally.progress() * 100.0) }</td>
                    <td class="num">{ r.tally.normalized }</td>
                    <td class="nowrap">{ r.tally.grade.get(lang) }</td>
                    <td class="num">{ r.tally.counts.not_done }</td><td class="num">{ r.tally.counts.partial }</td>
                    <td class="num">{ r.evidence }</td>
                    <td class="nowrap">{ format!("{} {}", r.digest.mark(), r.digest.label().tr(lang)) }</td>
                </tr> }) }
            </tbody>
        </table>
    }
}

/// Each item: how the units answered it, and its 已落实率.
fn items_table(g: &Group, lang: Lang) -> Html {
    html! { <>
        <p class="para small">{ b::Msg::DoneRateNote.tr(lang) }</p>
        <table class="sum-items">
            <colgroup><col class="c-num"/><col/><col class="c-n"/><col class="c-n"/><col class="c-n"/><col class="c-n"/><col class="c-n"/><col class="c-rate"/></colgroup>
            <thead><tr>
                <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th>
                { for [Some(Status::Done), Some(Status::Partial), Some(Status::NotDone), Some(Status::NotApplicable), None]
                    .iter().map(|&s| html!{ <th class="nowrap">{ desk::status_label(s).tr(lang) }</th> }) }
                <th class="nowrap">{ b::Msg::DoneRate.tr(lang) }</th>
            </tr></thead>
            <tbody>
                { for desk::matrix(g).iter().map(|r| html!{ <tr>
                    <td class="num">{ r.number }</td><td>{ r.duty.get(lang) }</td>
                    <td class="num">{ r.counts.done }</td><td class="num">{ r.counts.partial }</td><td class="num">{ r.counts.not_done }</td>
                    <td class="num">{ r.counts.not_applicable }</td><td class="num">{ r.counts.unanswered }</td>
                    <td class="num">{ r.done_rate.map(pct).unwrap_or_else(|| "—".into()) }</td>
                </tr> }) }
            </tbody>
        </table>
    </> }
}

fn overdue_table(d: &Dashboard, lang: Lang) -> Html {
    if d.overdue.is_empty() {
        return html! { <p class="para">{ b::Msg::DashNoOverdue.tr(lang) }</p> };
    }
    html! {
        <table class="sum-overdue">
            <thead><tr><th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::UnitName.tr(lang) }</th>
                <th class="nowrap">{ b::Msg::DashOverdueCount.tr(lang) }</th><th class="nowrap">{ b::Msg::DashOpenCount.tr(lang) }</th></tr></thead>
            <tbody>
                { for d.overdue.iter().enumerate().map(|(i, o)| html!{ <tr>
                    <td class="num">{ i + 1 }</td><td>{ &o.unit }</td><td class="num">{ o.overdue }</td><td class="num">{ o.open }</td>
                </tr> }) }
            </tbody>
        </table>
    }
}

fn problems_table(desk: &Desk, lang: Lang) -> Html {
    let all = verdicts(desk);
    let shown: Vec<_> = all.iter().filter(|v| v.needs_attention()).collect();
    if shown.is_empty() {
        return html! { <p class="para">{ b::Msg::NoProblems.tr(lang) }</p> };
    }
    html! {
        <table class="sum-problems">
            <thead><tr><th>{ Msg::SerialNo.tr(lang) }</th><th>{ b::Msg::File.tr(lang) }</th><th>{ b::Msg::Reason.tr(lang) }</th></tr></thead>
            <tbody>
                { for shown.iter().enumerate().map(|(i, v)| html!{ <tr>
                    <td class="num">{ i + 1 }</td><td>{ v.label(desk).get(lang) }</td><td>{ v.text(lang) }</td>
                </tr> }) }
            </tbody>
        </table>
    }
}
