//! 生成本县分发版: the single-file edition with a kept checklist built in,
//! made here in the browser (the model puts the checklist in the single
//! file's slot, see `model::edition`) and downloaded.

use crate::model::messages::bureau as b;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{download, edition};
use crate::model::edition::Edition;
use crate::model::messages::Message;
use crate::model::{Checklist, Lang};
use crate::ui::widgets::TextField;

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Working,
    Done(String),
    Failed(Message),
}

#[derive(Properties, PartialEq)]
pub struct EditionFormProps {
    pub checklist: Rc<Checklist>,
    pub lang: Lang,
}

#[function_component]
pub fn EditionForm(props: &EditionFormProps) -> Html {
    let lang = props.lang;
    let issuer = use_state(String::new);
    let only = use_state(|| true);
    let tried = use_state(|| false);
    let status = use_state(|| Status::Idle);
    let key = props.checklist.sha256();
    let key = &key[..12];
    let missing = issuer.trim().is_empty();
    let onsubmit = {
        let (issuer, only, tried, status, c) = (
            issuer.clone(),
            only.clone(),
            tried.clone(),
            status.clone(),
            props.checklist.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if issuer.trim().is_empty() {
                return;
            }
            let e = Edition::new(&issuer, *only, (*c).clone());
            let status = status.clone();
            status.set(Status::Working);
            wasm_bindgen_futures::spawn_local(async move {
                let made = match edition::single_file().await {
                    Err(detail) => Err(b::m::EditionFailed { detail }.into()),
                    Ok(page) => e.embed(&page).map_err(|x| x.message()),
                };
                status.set(match made {
                    Ok(html) => {
                        let name = e.file_name();
                        match download::save_text(&name, &html, "text/html") {
                            Ok(()) => Status::Done(name),
                            Err(detail) => Status::Failed(b::m::EditionFailed { detail }.into()),
                        }
                    }
                    Err(msg) => Status::Failed(msg),
                });
            });
        })
    };
    html! {
        <form class="edition-form" {onsubmit} novalidate=true>
            <p class="hint">{ b::Msg::EditionHint.tr(lang) }</p>
            <TextField id={ format!("edition-{key}-issuer") } label={ b::Msg::EditionIssuer.tr(lang) } required=true
                       value={ (*issuer).clone() } hint={ b::Msg::EditionIssuerHint.tr(lang) }
                       error={ (*tried && missing).then(|| AttrValue::from(b::Msg::IssuerRequired.tr(lang))) }
                       reveal={ *tried }
                       oninput={ { let i = issuer.clone(); Callback::from(move |v: String| i.set(v)) } } />
            <p><label class="check">
                <input type="checkbox" checked={ *only }
                       onchange={ { let o = only.clone(); Callback::from(move |_| o.set(!*o)) } } />
                { b::Msg::EditionOnly.tr(lang) }
            </label></p>
            <button type="submit" class="primary" disabled={ *status == Status::Working }>{ b::Msg::EditionGenerate.tr(lang) }</button>
            <p role="status" class="edition-status">{
                match &*status {
                    Status::Idle => String::new(),
                    Status::Working => b::Msg::EditionWorking.tr(lang).to_string(),
                    Status::Done(name) => b::m::EditionDone { name: name.clone() }.tr(lang),
                    Status::Failed(msg) => msg.tr(lang),
                }
            }</p>
        </form>
    }
}
