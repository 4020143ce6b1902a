//! 佐证材料: document references (title, 文号, date) and local files, of
//! which only the name, size and SHA-256 are recorded.

use yew::prelude::*;

use super::widgets::{issue_for, TextField};
use crate::browser::files;
use crate::model::messages::Msg;
use crate::model::validation::Issue;
use crate::model::{Edit, Evidence, EvidenceField, Lang};

#[derive(Properties, PartialEq)]
pub struct EvidenceListProps {
    pub item_id: AttrValue,
    pub evidence: Vec<Evidence>,
    pub issues: Vec<Issue>,
    /// Show errors before a field is left (once the user asked to finish).
    pub reveal: bool,
    pub lang: Lang,
    pub onedit: Callback<Edit>,
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / 1048576.0),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

#[function_component]
pub fn EvidenceList(props: &EvidenceListProps) -> Html {
    let lang = props.lang;
    let id = props.item_id.to_string();
    let hashing = use_state(|| false);
    let add = {
        let (onedit, id) = (props.onedit.clone(), id.clone());
        Callback::from(move |_| {
            onedit.emit(Edit::AddEvidence(id.clone(), Evidence::empty_reference()))
        })
    };
    let pick = {
        let (onedit, id, hashing) = (props.onedit.clone(), id.clone(), hashing.clone());
        Callback::from(move |e: Event| {
            let picked = files::take_picked(&e);
            let (onedit, id, hashing) = (onedit.clone(), id.clone(), hashing.clone());
            hashing.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                for f in picked {
                    if let Ok(ev) = files::fingerprint(f).await {
                        onedit.emit(Edit::AddEvidence(id.clone(), ev));
                    }
                }
                hashing.set(false);
            });
        })
    };
    let rows = props.evidence.iter().enumerate().map(|(i, e)| {
        let remove = {
            let (onedit, id) = (props.onedit.clone(), id.clone());
            Callback::from(move |_| onedit.emit(Edit::RemoveEvidence(id.clone(), i)))
        };
        let remove_label = format!("{} {}", Msg::Remove.tr(lang), i + 1);
        let body = match e {
            Evidence::Reference { title, doc_number, date } => {
                let field = |f: EvidenceField, key: &str, label: Msg, value: &str, kind: &'static str, required: bool| {
                    let (onedit, id2) = (props.onedit.clone(), id.clone());
                    let fid = format!("evidence.{i}.{key}");
                    html! {
                        <TextField id={ format!("{id}-{fid}") } label={ label.tr(lang) } value={ value.to_string() }
                                   {kind} {required} reveal={ props.reveal }
                                   error={ issue_for(&props.issues, &fid).map(|x| AttrValue::from(x.message.tr(lang).to_string())) }
                                   oninput={ Callback::from(move |v| onedit.emit(Edit::EditEvidence(id2.clone(), i, f, v))) } />
                    }
                };
                html! {
                    <div class="evidence-ref">
                        { field(EvidenceField::Title, "title", Msg::EvidenceTitle, title, "text", true) }
                        { field(EvidenceField::DocNumber, "doc_number", Msg::DocNumber, doc_number, "text", false) }
                        { field(EvidenceField::Date, "date", Msg::EvidenceDate, date, "date", false) }
                    </div>
                }
            }
            Evidence::File { name, size, sha256 } => html! {
                <p class="evidence-file" id={ format!("{id}-evidence.{i}.title") } tabindex="-1">
                    <span class="file-name">{ name }</span>
                    <span class="file-meta">{ format!(" · {} · SHA-256 ", human_size(*size)) }
                        <code title={ sha256.clone() }>{ sha256.get(..16).unwrap_or(sha256) }{ "…" }</code></span>
                </p>
            },
        };
        html! {
            <li class="evidence-row">
                { body }
                <button type="button" class="link danger" onclick={remove} aria-label={ remove_label }>{ Msg::Remove.tr(lang) }</button>
            </li>
        }
    });
    html! {
        <fieldset class="evidence">
            <legend>{ Msg::Evidence.tr(lang) }</legend>
            if !props.evidence.is_empty() { <ol class="evidence-list">{ for rows }</ol> }
            <div class="evidence-actions">
                <button type="button" class="secondary" onclick={add}>{ Msg::AddEvidence.tr(lang) }</button>
                <label class="button secondary file-pick">
                    { Msg::PickFile.tr(lang) }
                    <input type="file" multiple=true class="visually-hidden" onchange={pick} />
                </label>
                if *hashing { <span class="hint" role="status">{ Msg::Hashing.tr(lang) }</span> }
            </div>
            <p class="hint">{ Msg::FilePrivacy.tr(lang) }</p>
        </fieldset>
    }
}
