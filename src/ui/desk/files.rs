//! 多份报告 and 问题文件: every unit and year with several reports — newest
//! first, with times, fingerprints and verdicts, which one counts and why,
//! and one click to use another — and every file that needs attention with
//! every finding about it.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::{Open, Shared};
use crate::browser::clock;
use crate::model::desk::csv::basis_label;
use crate::model::desk::verdicts::{self, Place, Verdict};
use crate::model::desk::{Desk, Group, Slot};
use crate::model::messages::Msg;
use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct FilesProps {
    pub desk: Shared,
    pub lang: Lang,
    pub on_open: Callback<Open>,
    #[prop_or_default]
    pub on_choose: Callback<(usize, usize)>,
}

/// The findings of a file as a list, each marked with its kind.
fn findings_list(v: &Verdict, lang: Lang) -> Html {
    if v.findings.is_empty() {
        return html! { <span class="ok-text">{ b::Msg::DeskNoFinding.tr(lang) }</span> };
    }
    html! {
        <ul class="findings">
            { for v.findings.iter().map(|f| html!{
                <li data-kind={ f.kind() } class={ classes!(f.needs_attention().then_some("attention")) }>{ f.message().tr(lang) }</li>
            }) }
        </ul>
    }
}

/// 采用 / 未采用 / 无效.
fn standing(v: &Verdict, lang: Lang) -> &'static str {
    match v.place {
        Place::Counted { .. } => b::Msg::DeskCounted.tr(lang),
        Place::NotCounted { .. } => b::Msg::DeskNotCounted.tr(lang),
        Place::Invalid { .. } => b::Msg::DeskInvalid.tr(lang),
    }
}

/// A 查看 button for a readable report.
fn view_button(v: &Verdict, prefix: &str, lang: Lang, on_open: &Callback<Open>) -> Html {
    let (Place::Counted { group, report } | Place::NotCounted { group, report }) = v.place else {
        return Html::default();
    };
    let id = format!("{prefix}-{group}-{report}");
    let open = {
        let (cb, id) = (on_open.clone(), id.clone());
        Callback::from(move |_| cb.emit((group, report, id.clone())))
    };
    html! {
        <button type="button" class="link" id={ id } onclick={ open }
                aria-label={ format!("{} {}", b::Msg::View.tr(lang), v.file) }>{ b::Msg::View.tr(lang) }</button>
    }
}

#[function_component]
pub fn SeveralReports(props: &FilesProps) -> Html {
    let lang = props.lang;
    let d: &Desk = &props.desk.0;
    let all = verdicts::verdicts(d);
    let order = d.groups_by_size();
    let slots: Vec<(usize, &Group, &Slot)> = order
        .iter()
        .map(|&g| (g, &d.groups()[g]))
        .flat_map(|(gi, g)| {
            g.slots()
                .filter(|s| s.reports.len() > 1)
                .map(move |s| (gi, g, s))
        })
        .collect();
    if slots.is_empty() {
        return html! { <p class="hint">{ b::Msg::DeskNoSeveral.tr(lang) }</p> };
    }
    html! {
        <div class="several">
            <p class="hint">{ b::Msg::DeskRule.tr(lang) }</p>
            { for slots.iter().map(|&(gi, g, s)| slot_block(d, (gi, g, s), &all, lang, &props.on_open, &props.on_choose)) }
        </div>
    }
}

/// One unit and year's reports, newest first.
fn slot_block(
    d: &Desk,
    (gi, g, s): (usize, &Group, &Slot),
    all: &[Verdict],
    lang: Lang,
    on_open: &Callback<Open>,
    on_choose: &Callback<(usize, usize)>,
) -> Html {
    let id = format!("slot-{gi}-{}", s.counted);
    let heading = b::m::UnitWithYear {
        unit: s.unit_year.unit.clone(),
        year: s.unit_year.year,
    }
    .tr(lang);
    let verdict_of = |report: usize| {
        all.iter().find(|v| {
            matches!(v.place, Place::Counted { group, report: r } | Place::NotCounted { group, report: r } if group == gi && r == report)
        })
    };
    // Files of the same unit and year that are not readable reports.
    let invalid: Vec<&Verdict> = all
        .iter()
        .filter(|v| {
            matches!(v.place, Place::Invalid { .. }) && v.unit_year.as_ref() == Some(&s.unit_year)
        })
        .collect();
    html! {
        <section class={ classes!("slot", "panel", s.awaiting_choice().then_some("awaiting")) } aria-labelledby={ id.clone() }
                 data-unit={ s.unit_year.unit.clone() } data-year={ s.unit_year.year.to_string() }>
            <h3 id={ id }>{ heading }<span class="sub">{ basis_label(g, s, lang) }</span></h3>
            if s.awaiting_choice() {
                <p class="warn-text" role="note">{ b::m::DeskChooseHint { file: { let r = g.report(s.reports[0]); d.label(&r.file, &r.source).get(lang).to_string() } }.tr(lang) }</p>
            }
            <div class="table-wrap">
            <table class="slot-table">
                <thead><tr>
                    <th scope="col">{ b::Msg::File.tr(lang) }</th>
                    <th scope="col">{ b::Msg::ExportedAt.tr(lang) }</th>
                    <th scope="col">{ Msg::FingerprintShort.tr(lang) }</th>
                    <th scope="col">{ Msg::Score.tr(lang) }</th>
                    <th scope="col">{ b::Msg::DeskStanding.tr(lang) }</th>
                    <th scope="col">{ b::Msg::ColFindings.tr(lang) }</th>
                    <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
                </tr></thead>
                <tbody>
                    { for s.reports.iter().map(|&ri| {
                        let r = g.report(ri);
                        let counted = ri == s.counted;
                        let v = verdict_of(ri);
                        let choose = { let cb = on_choose.clone(); Callback::from(move |_| cb.emit((gi, ri))) };
                        let label = d.label(&r.file, &r.source).get(lang).to_string();
                        html!{
                            <tr data-file={ r.file.clone() } data-counted={ counted.to_string() }
                                class={ classes!(counted.then_some("counted"), (!r.verified()).then_some("flagged")) }>
                                <th scope="row">{ label.clone() }</th>
                                <td class="nowrap">{ clock::local_datetime(&r.exported_at, lang) }</td>
                                <td class={ classes!("nowrap", if r.verified() { "fp-ok" } else { "fp-bad" }) }>
                                    { format!("{} {}", r.digest.mark(), r.digest.label().tr(lang)) }
                                    <span class="mono sub">{ r.fingerprint.chars().take(16).collect::<String>() }</span></td>
                                <td>{ r.tally.normalized }</td>
                                <td class="nowrap"><strong>{ if counted { b::Msg::DeskCounted.tr(lang) } else { b::Msg::DeskNotCounted.tr(lang) } }</strong></td>
                                <td>{ v.map(|v| findings_list(v, lang)).unwrap_or_default() }</td>
                                <td class="actions">
                                    { v.map(|v| view_button(v, "s", lang, on_open)).unwrap_or_default() }
                                    if !counted {
                                        <button type="button" class="secondary small" onclick={ choose }
                                                aria-label={ b::m::UseThis { file: label }.tr(lang) }>{ b::Msg::DeskUseThis.tr(lang) }</button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                    { for invalid.iter().map(|v| html!{
                        <tr data-file={ v.file.clone() } data-counted="false" class="rejected">
                            <th scope="row">{ v.label(d).get(lang) }</th><td>{ "—" }</td><td>{ "—" }</td><td>{ "—" }</td>
                            <td class="nowrap"><strong>{ b::Msg::DeskInvalid.tr(lang) }</strong></td>
                            <td>{ findings_list(v, lang) }</td><td></td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

#[function_component]
pub fn ProblemFiles(props: &FilesProps) -> Html {
    let lang = props.lang;
    let all = verdicts::verdicts(&props.desk.0);
    let shown: Vec<&Verdict> = all.iter().filter(|v| v.needs_attention()).collect();
    if shown.is_empty() {
        return html! { <p class="hint">{ b::Msg::NoProblems.tr(lang) }</p> };
    }
    html! {
        <div class="table-wrap">
        <table class="problems">
            <thead><tr>
                <th scope="col">{ b::Msg::File.tr(lang) }</th>
                <th scope="col">{ Msg::UnitName.tr(lang) }</th>
                <th scope="col">{ b::Msg::DeskStanding.tr(lang) }</th>
                <th scope="col">{ b::Msg::ColFindings.tr(lang) }</th>
                <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
            </tr></thead>
            <tbody>
                { for shown.iter().map(|v| html!{
                    <tr class={ if matches!(v.place, Place::Invalid { .. }) { "rejected" } else { "flagged" } }
                        data-file={ v.file.clone() }
                        data-kinds={ v.findings.iter().map(|f| f.kind()).collect::<Vec<_>>().join(" ") }>
                        <th scope="row">{ v.label(&props.desk.0).get(lang) }</th>
                        <td>{ v.unit_year.as_ref().map(|k| b::m::UnitWithYear { unit: k.unit.clone(), year: k.year }.tr(lang)).unwrap_or_else(|| "—".into()) }</td>
                        <td class="nowrap">{ standing(v, lang) }</td>
                        <td>{ findings_list(v, lang) }</td>
                        <td>{ view_button(v, "p", lang, &props.on_open) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}
