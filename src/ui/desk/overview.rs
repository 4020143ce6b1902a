//! 总体情况 — the desk's first view: the county at a glance. Key figures,
//! then charts (the grade distribution, each section's average score rate,
//! completion, the ten duties least often 已落实), the units with overdue
//! rectifications, last year's rectifications marked 未启动, and — with last
//! year's reports added — each unit's score change. Every chart has its
//! numbers as a table for screen readers (ui/chart.rs); the same figures
//! print in 打印汇总.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::intake::picker;
use super::{Dash, Open, Shared};
use crate::model::desk::dashboard::{self, Dashboard};
use crate::model::desk::Group;
use crate::model::messages::Msg;
use crate::model::Lang;
use crate::ui::chart::{bar_chart, Bar, BarChart, Mark};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub desk: Shared,
    /// Last year's reports, for the comparison (empty when none were added).
    pub last: Shared,
    pub group: usize,
    pub dash: Dash,
    pub lang: Lang,
    pub on_open: Callback<Open>,
    pub on_last: Callback<Vec<web_sys::File>>,
}

/// A share as a percentage with at most one decimal.
pub fn pct(x: f64) -> String {
    let s = format!("{:.1}", x * 100.0);
    format!("{}%", s.strip_suffix(".0").unwrap_or(&s))
}

/// The key figures: reports, the mean score, complete reports, units with
/// overdue rectifications.
pub fn key_figures(d: &Dashboard, lang: Lang) -> Html {
    let figure = |label: &str, value: String, id: &str| {
        html! { <div class="figure"><dt id={ id.to_string() }>{ label }</dt><dd aria-labelledby={ id.to_string() }>{ value }</dd></div> }
    };
    html! {
        <dl class="key-figures">
            { figure(b::Msg::DashUnits.tr(lang), d.units.to_string(), "kf-units") }
            { figure(b::Msg::DashMeanScore.tr(lang), d.mean_score.to_string(), "kf-score") }
            { figure(b::Msg::DashComplete.tr(lang), format!("{} / {}", d.completion[0], d.units), "kf-complete") }
            { figure(b::Msg::DashOverdueUnits.tr(lang), d.overdue.len().to_string(), "kf-overdue") }
        </dl>
    }
}

/// The four charts of the dashboard, as on screen and in print.
pub fn charts(d: &Dashboard, bands: &[crate::model::checklist::GradeBand], lang: Lang) -> Html {
    let units = d.units.max(1) as f64;
    let share = |n: usize| Bar {
        label: String::new(),
        value: Some(n as f64 / units),
        text: b::m::UnitsShare {
            n,
            pct: pct(n as f64 / units),
        }
        .tr(lang),
    };
    let grades: Vec<Bar> = d
        .grades
        .iter()
        .map(|g| Bar {
            label: g.grade.get(lang).to_string(),
            ..share(g.units)
        })
        .collect();
    let sections: Vec<Bar> = d
        .sections
        .iter()
        .map(|s| Bar {
            label: s.title.get(lang).to_string(),
            value: s.mean,
            text: s.mean.map(pct).unwrap_or_else(|| "—".into()),
        })
        .collect();
    let marks: Vec<Mark> = bands
        .iter()
        .filter(|b| b.min > 0.0)
        .map(|b| Mark {
            at: b.min / 100.0,
            label: b.min.to_string(),
        })
        .collect();
    let completion_labels = [
        b::Msg::Completion100,
        b::Msg::Completion80,
        b::Msg::Completion60,
        b::Msg::CompletionBelow60,
    ];
    let completion: Vec<Bar> = d
        .completion
        .iter()
        .zip(completion_labels)
        .map(|(&n, l)| Bar {
            label: l.tr(lang).to_string(),
            ..share(n)
        })
        .collect();
    let weakest: Vec<Bar> = d
        .weakest
        .iter()
        .map(|r| Bar {
            label: format!("{}. {}", r.number, r.duty.get(lang)),
            value: r.done_rate,
            text: format!(
                "{}（{}）",
                r.done_rate.map(pct).unwrap_or_default(),
                b::m::OfApplicable {
                    done: r.counts.done,
                    applicable: r.applicable
                }
                .tr(lang)
            ),
        })
        .collect();
    let chart = |id: &str,
                 title: b::Msg,
                 bars: &[Bar],
                 marks: &[Mark],
                 heads: (Msg, b::Msg),
                 share: f64,
                 note: String| {
        bar_chart(
            &BarChart {
                id,
                title: title.tr(lang),
                bars,
                marks,
                heads: (heads.0.tr(lang), heads.1.tr(lang)),
                label_share: share,
            },
            &note,
        )
    };
    html! {
        <div class="charts">
            { chart("dash-grades", b::Msg::DashGrades, &grades, &[], (Msg::Grade, b::Msg::DashUnitsCol), 0.3, String::new()) }
            { chart("dash-sections", b::Msg::DashSections, &sections, &marks, (Msg::Section, b::Msg::DashMeanRate), 0.42,
                    b::Msg::DashSectionsNote.tr(lang).to_string()) }
            { chart("dash-completion", b::Msg::DashCompletion, &completion, &[], (Msg::Progress, b::Msg::DashUnitsCol), 0.3,
                    b::m::DashMeanCompletion { pct: pct(d.mean_completion) }.tr(lang)) }
            { chart("dash-weakest", b::Msg::DashWeakest, &weakest, &[], (Msg::CheckItem, b::Msg::DoneRate), 0.62,
                    b::Msg::DoneRateNote.tr(lang).to_string()) }
        </div>
    }
}

/// The reports left out of the figures, each unit with why (none: nothing).
pub fn left_out_note(g: &Group, lang: Lang) -> Html {
    let n = g.left_out().count();
    if n == 0 {
        return html! {};
    }
    html! {
        <p class="para warn-text left-out-note" role="note">{ b::m::LeftOutNote { n, list: g.left_out_list() }.tr(lang) }</p>
    }
}

#[function_component]
pub fn Overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let g = props.desk.group(props.group);
    let d = &props.dash.0;
    let gi = props.group;
    let open = |report: usize, prefix: &str| {
        let (cb, id) = (props.on_open.clone(), format!("{prefix}-{gi}-{report}"));
        Callback::from(move |_| cb.emit((gi, report, id.clone())))
    };
    let changes = (props.last.0.files() > 0).then(|| dashboard::compare(g, &props.last.0));
    html! {
        <div class="overview">
            if d.years.len() > 1 {
                <p class="hint">{ b::m::DashYears { years: d.years.iter().map(i32::to_string).collect::<Vec<_>>().join(Msg::EnumSeparator.tr(lang)) }.tr(lang) }</p>
            }
            { left_out_note(g, lang) }
            { key_figures(d, lang) }
            { charts(d, &g.checklist.grade_bands, lang) }
            <section class="dash-block" aria-labelledby="dash-overdue-h">
                <h2 id="dash-overdue-h">{ b::Msg::DashOverdue.tr(lang) }</h2>
                if d.overdue.is_empty() {
                    <p class="hint">{ b::Msg::DashNoOverdue.tr(lang) }</p>
                } else {
                    <div class="table-wrap">
                    <table class="overdue-table">
                        <thead><tr>
                            <th scope="col">{ Msg::UnitName.tr(lang) }</th>
                            <th scope="col">{ b::Msg::DashOverdueCount.tr(lang) }</th>
                            <th scope="col">{ b::Msg::DashOpenCount.tr(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for d.overdue.iter().map(|o| html!{
                                <tr>
                                    <th scope="row">{ &o.unit }</th><td>{ o.overdue }</td><td>{ o.open }</td>
                                    <td><button type="button" class="link" id={ format!("o-{gi}-{}", o.report) } onclick={ open(o.report, "o") }
                                                aria-label={ format!("{} {}", b::Msg::View.tr(lang), o.unit) }>{ b::Msg::View.tr(lang) }</button></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
            </section>
            if !d.not_started.is_empty() {
                <section class="dash-block" aria-labelledby="dash-ns-h">
                    <h2 id="dash-ns-h">{ b::Msg::DashNotStarted.tr(lang) }</h2>
                    <div class="table-wrap">
                    <table class="not-started-table">
                        <thead><tr>
                            <th scope="col">{ Msg::UnitName.tr(lang) }</th><th scope="col">{ Msg::CheckItem.tr(lang) }</th>
                            <th scope="col">{ Msg::LastYearMeasure.tr(lang) }</th><th scope="col">{ Msg::Owner.tr(lang) }</th>
                            <th scope="col">{ Msg::Due.tr(lang) }</th><th scope="col">{ Msg::FollowUpNote.tr(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for d.not_started.iter().map(|n| html!{
                                <tr><th scope="row">{ &n.unit }</th><td>{ &n.duty }</td><td>{ &n.measure }</td>
                                    <td>{ &n.owner }</td><td class="nowrap">{ &n.due }</td><td>{ &n.note }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                </section>
            }
            <section class="dash-block" aria-labelledby="dash-last-h">
                <h2 id="dash-last-h">{ b::Msg::DashCompare.tr(lang) }</h2>
                <p class="hint">{ b::Msg::DashCompareHint.tr(lang) }</p>
                { picker(b::Msg::DashPickLast.tr(lang), Msg::DropHint.tr(lang), "desk-last", &props.on_last) }
                if let Some(changes) = changes {
                    <p class="hint" role="status">{ b::m::DashLastRead { files: props.last.0.files(), counted: props.last.0.accepted() }.tr(lang) }</p>
                    <div class="table-wrap">
                    <table class="change-table">
                        <thead><tr>
                            <th scope="col">{ Msg::UnitName.tr(lang) }</th>
                            <th scope="col">{ b::Msg::DashLastScore.tr(lang) }</th>
                            <th scope="col">{ b::Msg::DashThisScore.tr(lang) }</th>
                            <th scope="col">{ b::Msg::DashChange.tr(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for changes.iter().map(|c| html!{
                                <tr data-unit={ c.unit.clone() }>
                                    <th scope="row">{ &c.unit }</th>
                                    <td>{ c.last.map(|x| x.to_string()).unwrap_or_else(|| b::Msg::DashNoLast.tr(lang).to_string()) }</td>
                                    <td>{ c.this }</td>
                                    <td class={ classes!("nowrap", c.delta().map(|x| if x < 0.0 { "down" } else { "up" })) }>
                                        { c.delta().map(|x| if x > 0.0 { format!("+{x}") } else { x.to_string() }).unwrap_or_else(|| "—".into()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
            </section>
        </div>
    }
}
