//! 导出 Excel 工作簿: the group's four sheets (单位一览, 履职矩阵, 整改跟踪,
//! 问题文件) as one .xlsx, written by the office module, which is loaded the
//! first time (`browser::lazy`). The desk builds the content; nothing in it
//! changes.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::Shared;
use crate::browser::{clock, download, lazy};
use crate::model::desk::workbook::workbook;
use crate::model::document::xlsx_file_name;
use crate::model::messages::{m, Message};
use crate::model::Lang;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[derive(Properties, PartialEq)]
pub struct ExcelProps {
    pub desk: Shared,
    pub group: usize,
    pub lang: Lang,
}

#[function_component]
pub fn ExcelButton(props: &ExcelProps) -> Html {
    let lang = props.lang;
    let busy = use_state(|| false);
    let failed = use_state(|| None::<Message>);
    let onclick = {
        let (busy, failed, desk, group) = (
            busy.clone(),
            failed.clone(),
            props.desk.clone(),
            props.group,
        );
        Callback::from(move |_| {
            if *busy {
                return;
            }
            let today = clock::today();
            let content =
                serde_json::to_string(&workbook(&desk.0, group, &today, lang)).unwrap_or_default();
            let name = xlsx_file_name(&today, lang);
            busy.set(true);
            failed.set(None);
            let (busy, failed) = (busy.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    lazy::call_for_bytes("sheets", "workbook", &[content.as_str(), today.as_str()])
                        .await
                        .and_then(|bytes| download::save_bytes(&name, &bytes, XLSX_MIME));
                busy.set(false);
                if let Err(detail) = result {
                    failed.set(Some(m::OfficeFailed { detail }.into()));
                }
            });
        })
    };
    html! { <>
        <button type="button" class="secondary" {onclick} disabled={ *busy } aria-busy={ busy.to_string() }>
            { if *busy { b::Msg::ExcelMaking.tr(lang) } else { b::Msg::ExportExcel.tr(lang) } }
        </button>
        if let Some(message) = &*failed {
            <span class="error" role="alert">{ message.tr(lang) }</span>
        }
    </> }
}
