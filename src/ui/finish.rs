//! 检查并完成: every incomplete or invalid item, each a link to the field to fix.

use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use crate::model::draft::Step;
use crate::model::messages::{m, Msg};
use crate::model::validation::{unsupported, validate};
use crate::model::{Assessment, Lang};

#[derive(Properties, PartialEq)]
pub struct FinishProps {
    pub assessment: Assessment,
    pub checklist: ChecklistHandle,
    pub lang: Lang,
    pub on_step: Callback<Step>,
    /// Go to a field: (item id, or None for the unit, and the field key).
    pub on_fix: Callback<(Option<String>, String)>,
}

#[function_component]
pub fn FinishStep(props: &FinishProps) -> Html {
    let lang = props.lang;
    let c = &props.checklist.0;
    let issues = validate(c, &props.assessment);
    let numbers: std::collections::HashMap<&str, usize> = c
        .items()
        .enumerate()
        .map(|(n, i)| (i.id.as_str(), n + 1))
        .collect();
    // One entry per item: its first problem is where the user should start.
    let mut seen = std::collections::HashSet::new();
    let entries: Vec<_> = issues
        .iter()
        .filter(|i| {
            seen.insert(
                i.item_id
                    .clone()
                    .unwrap_or_else(|| format!("unit.{}", i.field)),
            )
        })
        .collect();
    let to_summary = props.on_step.reform(|_: MouseEvent| Step::Summary);
    let bare = unsupported(c, &props.assessment);
    // A link to the item's 情况说明, where the user can say what was done.
    let to_notes = |id: &str| {
        let item = Some(id.to_string());
        let onclick = props.on_fix.reform(move |e: MouseEvent| {
            e.prevent_default();
            (item.clone(), "notes".to_string())
        });
        html! {
            <a href={ format!("#{id}-notes") } {onclick}>
                { format!("{} {}", m::ItemNo { n: numbers.get(id).copied().unwrap_or(0) }.tr(lang), c.duty(id, lang)) }
            </a>
        }
    };
    html! {
        <section class="step finish" aria-labelledby="step-h">
            <h1 id="step-h" tabindex="-1">{ Msg::Finish.tr(lang) }</h1>
            if entries.is_empty() {
                <p class="all-good" role="status">{ Msg::AllComplete.tr(lang) }</p>
            } else {
                <p role="status">{ m::IssuesIntro { n: entries.len() }.tr(lang) }</p>
                <ol class="issue-list">
                    { for entries.iter().map(|i| {
                        let (item, field) = (i.item_id.clone(), i.field.clone());
                        let onclick = props.on_fix.reform(move |e: MouseEvent| {
                            e.prevent_default();
                            (item.clone(), field.clone())
                        });
                        let what = match &i.item_id {
                            Some(id) => format!("{} {} {}", m::ItemNo { n: numbers.get(id.as_str()).copied().unwrap_or(0) }.tr(lang),
                                                c.duty(id, lang), ""),
                            None if i.field.starts_with("followup.") => Msg::FollowUps.tr(lang).to_string(),
                            None => Msg::UnitInfo.tr(lang).to_string(),
                        };
                        let href = match &i.item_id {
                            Some(id) => format!("#{id}-{}", i.field),
                            None => format!("#unit-{}", i.field),
                        };
                        html! {
                            <li data-issue-item={ i.item_id.clone().unwrap_or_default() }>
                                <a {href} {onclick}>{ what.trim() }</a>
                                <span class="issue-msg">{ i.message.tr(lang) }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
            if !bare.is_empty() {
                <section class="evidence-warning" aria-labelledby="evidence-warning-h">
                    <p id="evidence-warning-h" class="warning-intro">{ m::EvidenceWarning { n: bare.len() }.tr(lang) }</p>
                    <ol class="warning-list">
                        { for bare.iter().map(|item| html! {
                            <li data-warning-item={ item.id.clone() }>
                                { to_notes(&item.id) }
                                <span class="issue-msg">{ Msg::EvidenceLacking.tr(lang) }</span>
                            </li>
                        }) }
                    </ol>
                </section>
            }
            <div class="step-buttons">
                <button type="button" class="primary" onclick={to_summary}>{ Msg::SeeSummary.tr(lang) }</button>
            </div>
        </section>
    }
}
