//! A read-only view of a whole checklist: its introduction, then every
//! section with its items.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::checklist::{Group, Item};
use crate::model::messages::Msg;
use crate::model::{Checklist, Lang};

/// A shared checklist; equal when it is the same definition, so comparing
/// props never walks the whole tree.
#[derive(Clone, Debug)]
pub struct ChecklistHandle(pub Rc<Checklist>);

impl PartialEq for ChecklistHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ChecklistHandle {
    pub fn builtin() -> ChecklistHandle {
        ChecklistHandle(Rc::new(Checklist::builtin().clone()))
    }
}

#[derive(Properties, PartialEq)]
pub struct ChecklistViewProps {
    pub checklist: ChecklistHandle,
    pub lang: Lang,
    /// Shown inside another page (the county's preview): its headings one level down.
    #[prop_or_default]
    pub nested: bool,
}

#[function_component]
pub fn ChecklistView(props: &ChecklistViewProps) -> Html {
    let c = &props.checklist.0;
    let lang = props.lang;
    let (title, h2) = if props.nested {
        ("h2", "h3")
    } else {
        ("h1", "h2")
    };
    html! {
        <article class="checklist">
            <@{title} class="checklist-title">{ c.title.get(lang) }</@>
            <section class="intro" aria-labelledby="intro-h">
                <@{h2} id="intro-h">{ Msg::Introduction.tr(lang) }</@>
                { for c.introduction.get(lang).iter().map(|p| html!{ <p>{ p }</p> }) }
                <p class="source-note">{ c.source.get(lang) }</p>
            </section>
            <nav class="toc" aria-label={ Msg::Contents.tr(lang) }>
                <ul>
                { for c.parts.iter().map(|part| html!{
                    <li>{ part.title.get(lang) }
                        <ul>
                        { for part.groups.iter().map(|g| html!{
                            <li><a href={ format!("#section-{}", g.id) }>{ g.title.get(lang) }</a></li>
                        }) }
                        </ul>
                    </li>
                }) }
                </ul>
            </nav>
            { for c.parts.iter().map(|part| html!{
                <section class="part" key={ part.id.clone() }>
                    <@{h2}>{ part.title.get(lang) }</@>
                    { for part.groups.iter().map(|g| html!{
                        <SectionView key={ g.id.clone() } group={ g.clone() } {lang} nested={ props.nested } />
                    }) }
                </section>
            }) }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    group: Group,
    lang: Lang,
    nested: bool,
}

#[function_component]
fn SectionView(props: &SectionProps) -> Html {
    let g = &props.group;
    let lang = props.lang;
    let heading = format!("section-{}-h", g.id);
    html! {
        <section class="section" id={ format!("section-{}", g.id) } data-section-id={ g.id.clone() }
                 aria-labelledby={ heading.clone() }>
            <@{ if props.nested { "h4" } else { "h3" } } id={ heading }>{ g.title.get(lang) }
                <span class="count">{ format!(" · {} {}", g.items.len(), Msg::Items.tr(lang)) }</span>
            </@>
            <ol class="items">
                { for g.items.iter().map(|i| html!{ <ItemView key={ i.id.clone() } item={ i.clone() } {lang} /> }) }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    item: Item,
    lang: Lang,
}

#[function_component]
fn ItemView(props: &ItemProps) -> Html {
    let i = &props.item;
    let lang = props.lang;
    html! {
        <li class="item" data-item-id={ i.id.clone() }>
            <p class="duty">{ i.duty.get(lang) }
                <span class="points">{ format!("{} {}", Msg::Points.tr(lang), i.points) }</span></p>
            <details class="guidance">
                <summary>{ Msg::Guidance.tr(lang) }</summary>
                <p>{ i.guidance.get(lang) }</p>
                <p><strong>{ Msg::Evidence.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ i.evidence.get(lang) }</p>
                if let Some(d) = &i.deduction {
                    <p><strong>{ Msg::Deduction.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ d.get(lang) }</p>
                }
            </details>
            <p class="source"><span class="label">{ Msg::Source.tr(lang) }{ Msg::Colon.tr(lang) }</span>
                { i.source.reference.get(lang) }{ " · " }{ super::item_card::quote(&i.source.quote, lang) }</p>
        </li>
    }
}
