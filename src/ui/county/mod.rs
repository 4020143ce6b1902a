//! The county Justice Bureau's tools (feature `county`): load a checklist
//! from a table (.xlsx, .xls, .ods, .csv) or a definition file (.json) and
//! preview it before keeping it ([`preview`]); download the table template;
//! for each kept checklist, download its definition or its table and make
//! the county edition ([`edition`]). Units never use these: they belong in
//! an on-demand module, and reach the rest of the app only through the
//! callbacks of [`CountyPanel`] (keep, remove) and the browser's storage.

mod edition;
mod preview;

use crate::model::messages::bureau as b;
use std::rc::Rc;

use yew::prelude::*;

pub use preview::{Preview, PreviewProps, Source};

use crate::browser::{download, files, storage};
use crate::model::draft::DraftMeta;
use crate::model::edition::Edition;
use crate::model::messages::Message;
use crate::model::messages::{m, Msg};
use crate::model::table::{self, Options};
use crate::model::{Checklist, Lang};
use crate::ui::hooks::{keep_checklist, list_drafts, load_library};
use crate::ui::start::library_table;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file name from a checklist's title, safe on every system.
pub fn safe_name(title: &str, ext: &str) -> String {
    format!("{}.{ext}", crate::model::document::safe_stem(title, 80))
}

/// Saves a checklist's definition as JSON.
pub fn download_definition(c: &Checklist) {
    let json = serde_json::to_string_pretty(c).expect("a checklist always serialises") + "\n";
    let _ = download::save_text(&safe_name(&c.title.zh, "json"), &json, "application/json");
}

/// Reads a picked file into what the preview shows: a table, or a definition.
pub fn source_of(name: String, bytes: Vec<u8>) -> Source {
    let text_start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if text_start == Some(&b'{') {
        let text = String::from_utf8_lossy(&bytes);
        Source::Definition {
            name,
            result: Box::new(Checklist::parse(text.trim_start_matches('\u{feff}'))),
        }
    } else {
        let read = table::read_table(&bytes, Options::default());
        Source::Table {
            name,
            bytes: Rc::new(bytes),
            read: Rc::new(read),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CountyRootProps {
    pub lang: Lang,
    /// Counts the times the tools were shown: each time, the checklists and
    /// drafts are read again (the user may have changed them meanwhile).
    pub shown: u32,
}

/// The county's tools as their own app (src/bin/bureau.rs): the checklists
/// this browser keeps, a file's preview, what keeping or removing said.
/// What is kept or removed goes to the browser's storage, where the app
/// reads it when the user goes back.
#[function_component]
pub fn CountyRoot(props: &CountyRootProps) -> Html {
    let lang = props.lang;
    let changed = use_state(|| 0u32);
    let library = use_memo((props.shown, *changed), |_| load_library());
    let drafts = use_memo(library.clone(), |l| list_drafts(l));
    let preview = use_state(|| None::<Rc<Source>>);
    let notices = use_state(Vec::<Message>::new);
    // A county edition never offers to remove its own checklist.
    let edition_sha = use_memo((), |_| {
        crate::browser::edition::slot()
            .and_then(|s| Edition::read(&s).ok().flatten())
            .map(|e| e.checklist.sha256())
    });
    let on_keep = {
        let (library, preview, notices, changed) = (
            library.clone(),
            preview.clone(),
            notices.clone(),
            changed.clone(),
        );
        Callback::from(move |c: Rc<Checklist>| {
            let said = keep_checklist(&c, &library);
            notices.set(vec![said.unwrap_or_else(|e| e)]);
            preview.set(None);
            changed.set(*changed + 1);
        })
    };
    let on_remove = {
        let changed = changed.clone();
        Callback::from(move |sha: String| {
            storage::delete_checklist(&sha);
            changed.set(*changed + 1);
        })
    };
    let on_preview = {
        let (preview, notices) = (preview.clone(), notices.clone());
        Callback::from(move |s| {
            notices.set(Vec::new());
            preview.set(Some(s));
        })
    };
    let on_cancel = {
        let preview = preview.clone();
        Callback::from(move |_| preview.set(None))
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };
    html! {
        <main id="county-main" class="county-main">
            if let Some(source) = &*preview {
                <Preview source={ source.clone() } {lang} on_keep={ on_keep } on_cancel={ on_cancel } />
            } else {
                <h1>{ Msg::CountyTools.tr(lang) }</h1>
                <p>{ Msg::CountyToolsHint.tr(lang) }</p>
                if !notices.is_empty() {
                    <div class="banner warn" role="alert">
                        <div class="notice-list">{ for notices.iter().map(|n| html! { <p>{ n.tr(lang) }</p> }) }</div>
                        <button type="button" class="secondary" onclick={ dismiss }>{ Msg::Dismiss.tr(lang) }</button>
                    </div>
                }
                <CountyPanel library={ (*library).clone() } drafts={ (*drafts).clone() } {lang}
                             {on_preview} {on_remove} edition_sha={ (*edition_sha).clone() } />
            }
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct CountyPanelProps {
    pub library: Vec<Rc<Checklist>>,
    pub drafts: Vec<DraftMeta>,
    pub lang: Lang,
    /// A file was read: show its preview.
    pub on_preview: Callback<Rc<Source>>,
    /// Remove a kept checklist, by fingerprint.
    pub on_remove: Callback<String>,
    /// The fingerprint of the county edition's own checklist, never removed here.
    #[prop_or_default]
    pub edition_sha: Option<String>,
}

/// 使用自定义检查清单, with the county's tools.
#[function_component]
pub fn CountyPanel(props: &CountyPanelProps) -> Html {
    let lang = props.lang;
    let reading = use_state(|| false);
    // The kept checklist whose county edition is being made (its fingerprint).
    let making = use_state(|| None::<String>);
    let custom: Vec<&Rc<Checklist>> = props
        .library
        .iter()
        .filter(|c| !c.is_builtin() && props.edition_sha.as_deref() != Some(c.sha256().as_str()))
        .collect();
    let onchange = {
        let (cb, reading) = (props.on_preview.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let Some(file) = files::take_picked(&e).into_iter().next() else {
                return;
            };
            let (cb, reading) = (cb.clone(), reading.clone());
            reading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let source = match files::read_bytes(file).await {
                    Ok(bytes) => source_of(name, bytes),
                    Err(e) => Source::Unreadable(e.into()),
                };
                reading.set(false);
                cb.emit(Rc::new(source));
            });
        })
    };
    let template = Callback::from(move |_| {
        let _ = download::save_bytes(
            b::Msg::TemplateFileName.tr(lang),
            &table::template_xlsx(),
            XLSX_MIME,
        );
    });
    let on_make = {
        let making = making.clone();
        Callback::from(move |sha: String| {
            making.set(if making.as_deref() == Some(sha.as_str()) {
                None
            } else {
                Some(sha)
            })
        })
    };
    let made = custom
        .iter()
        .find(|c| making.as_deref() == Some(c.sha256().as_str()));
    html! {
        <section class="panel county" aria-labelledby="library-h">
            <h2 id="library-h">{ Msg::CustomChecklists.tr(lang) }</h2>
            <p>{ b::Msg::CountyHint.tr(lang) }</p>
            { library_table(custom.is_empty(), custom.iter().map(|c| html! {
                        <KeptChecklist key={ c.sha256() } checklist={ (*c).clone() } {lang}
                                       used={ props.drafts.iter().filter(|d| d.checklist_sha256 == c.sha256()).count() }
                                       making={ making.as_deref() == Some(c.sha256().as_str()) }
                                       on_make={ on_make.clone() } on_remove={ props.on_remove.clone() } />
                    }).collect(), lang) }
            if let Some(c) = made {
                <section class="edition" aria-labelledby="edition-h">
                    <h3 id="edition-h">{ format!("{}：{}", b::Msg::MakeEdition.tr(lang), c.title.get(lang)) }</h3>
                    <edition::EditionForm checklist={ (*c).clone() } {lang} />
                </section>
            }
            <div class="county-actions">
                <label class="button primary file-pick">
                    { b::Msg::CountyLoad.tr(lang) }
                    <input type="file" class="visually-hidden" {onchange}
                           accept=".xlsx,.xls,.ods,.csv,.json,application/json,text/csv" />
                </label>
                <button type="button" class="secondary" onclick={ template }>{ b::Msg::DownloadTemplate.tr(lang) }</button>
                if *reading { <span class="hint" role="status">{ b::Msg::Reading.tr(lang) }</span> }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct KeptProps {
    checklist: Rc<Checklist>,
    lang: Lang,
    /// Drafts answering it.
    used: usize,
    /// Its county edition's form is open.
    making: bool,
    on_make: Callback<String>,
    on_remove: Callback<String>,
}

/// A kept checklist: what it is, and what the county can do with it.
#[function_component]
fn KeptChecklist(props: &KeptProps) -> Html {
    let lang = props.lang;
    let c = &props.checklist;
    let sha = c.sha256();
    let confirming = use_state(|| false);
    let title = c.title.get(lang).to_string();
    let export = {
        let c = c.clone();
        Callback::from(move |_| {
            let _ = download::save_bytes(
                &safe_name(&c.title.zh, "csv"),
                &table::write_csv(&c),
                "text/csv",
            );
        })
    };
    let definition = {
        let c = c.clone();
        Callback::from(move |_| download_definition(&c))
    };
    let confirm = |v: bool| {
        let s = confirming.clone();
        Callback::from(move |_| s.set(v))
    };
    let (remove, make) = {
        let (r, mk, sha) = (props.on_remove.clone(), props.on_make.clone(), sha.clone());
        let sha2 = sha.clone();
        (
            Callback::from(move |_| r.emit(sha.clone())),
            Callback::from(move |_| mk.emit(sha2.clone())),
        )
    };
    html! {
        <tr data-checklist={ c.id.clone() }>
            <th scope="row">{ &title }</th>
            <td>{ &c.version }</td>
            <td>{ m::ItemsCount { n: c.items().count() }.tr(lang) }</td>
            <td><code title={ sha.clone() }>{ sha.get(..12).unwrap_or(&sha) }</code></td>
            <td class="row-actions">
                if *confirming {
                    <span class="confirm" role="alert">{
                        if props.used > 0 { m::ChecklistInUse { n: props.used }.tr(lang) }
                        else { Msg::ConfirmRemoveChecklist.tr(lang).to_string() }
                    }</span>
                    <button type="button" class="danger" onclick={ remove }>{ Msg::Delete.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ confirm(false) }>{ Msg::Cancel.tr(lang) }</button>
                } else {
                    <button type="button" class="primary" onclick={ make } aria-expanded={ props.making.to_string() }
                            aria-label={ format!("{} {}", b::Msg::MakeEdition.tr(lang), title) }>{ b::Msg::MakeEdition.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ definition }
                            aria-label={ format!("{} {}", b::Msg::DownloadDefinition.tr(lang), title) }>{ b::Msg::DownloadDefinition.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ export }
                            aria-label={ format!("{} {}", b::Msg::ExportTable.tr(lang), title) }>{ b::Msg::ExportTable.tr(lang) }</button>
                    <button type="button" class="link danger" onclick={ confirm(true) }
                            aria-label={ format!("{} {}", Msg::Delete.tr(lang), title) }>{ Msg::Delete.tr(lang) }</button>
                }
            </td>
        </tr>
    }
}
