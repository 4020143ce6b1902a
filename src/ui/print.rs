//! The printable report (自查报告), laid out after the Chinese official-document
//! conventions as far as a browser allows: A4, 37 mm top and 28 mm binding
//! margins, 3号仿宋 body, 2号小标宋 title, headings 一、（一）1., page numbers
//! "— N —", the fingerprint in every footer and a QR code of it on the last page.

use qrcode::render::svg;
use qrcode::QrCode;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use crate::model::annual::{cn_date, cn_ordinal};
use crate::model::assessment::Evidence;
use crate::model::checklist::Item;
use crate::model::messages::{m, Msg, Ordinal};
use crate::model::points::Step;
use crate::model::scoring::{item_score, summarize, Summary};
use crate::model::{report, Answer, Assessment, Checklist, Lang, Status};

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub checklist: ChecklistHandle,
    pub assessment: Assessment,
    pub lang: Lang,
    /// Today, YYYY-MM-DD, for the date under the signature.
    pub today: AttrValue,
}

/// Empty optional fields print as a dash.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.trim().to_string()
    }
}

/// The QR code's text: enough for a reviewer with the paper to find and check the JSON.
pub fn qr_payload(unit: &str, year: i32, digest: &str) -> String {
    format!("selfcheck-report\nunit={unit}\nyear={year}\nsha256={digest}")
}

fn qr_svg(payload: &str) -> Option<String> {
    let code = QrCode::new(payload.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(150, 150)
            .quiet_zone(true)
            .build(),
    )
}

/// A piece of evidence as one line of the report.
fn evidence_line(e: &Evidence) -> String {
    match e {
        Evidence::Reference {
            title,
            doc_number,
            date,
        } => {
            let mut s = title.trim().to_string();
            if !doc_number.trim().is_empty() {
                s.push_str(&format!("（{}）", doc_number.trim()));
            }
            if !date.is_empty() {
                s.push_str(&format!(" {}", cn_date(date)));
            }
            s
        }
        Evidence::File { name, sha256, .. } => {
            format!("{name}（SHA-256 {}…）", sha256.get(..12).unwrap_or(sha256))
        }
    }
}

/// "label：value" in the report's language.
fn labelled(label: Msg, value: &str, lang: Lang) -> String {
    format!(
        "{}{}{}",
        label.tr(lang),
        Msg::Colon.tr(lang),
        or_dash(value)
    )
}

fn date_or_dash(date: &str) -> String {
    if date.is_empty() {
        "—".to_string()
    } else {
        cn_date(date)
    }
}

/// 一、基本情况: the unit, its first responsible person, the checklist and the fingerprint.
fn basic_info(c: &Checklist, a: &Assessment, digest: &str, lang: Lang) -> Html {
    let u = &a.unit;
    let head_title = if u.head_title.trim().is_empty() {
        u.head_name.clone()
    } else {
        format!("{}（{}）", u.head_name.trim(), u.head_title.trim())
    };
    let rows = [
        (Msg::UnitName, or_dash(&u.name)),
        (Msg::UnitType, u.unit_type.label().tr(lang).to_string()),
        (Msg::HeadLabel, or_dash(&head_title)),
        (Msg::FilledBy, or_dash(&u.filled_by)),
        (Msg::Phone, or_dash(&u.phone)),
        (Msg::Year, a.year.to_string()),
        (
            Msg::ChecklistUsed,
            format!("{}（{}）", c.title.get(lang), c.version),
        ),
        (Msg::Fingerprint, digest.to_string()),
    ];
    html! {
        <table class="info"><tbody>
            { for rows.iter().map(|(k, v)| html!{ <tr><th scope="row">{ k.tr(lang) }</th><td class={ (*k == Msg::Fingerprint).then_some("mono") }>{ v }</td></tr> }) }
        </tbody></table>
    }
}

/// 二、自查得分情况: the total in a sentence and each section's score.
fn score_table(summary: &Summary, lang: Lang) -> Html {
    let t = &summary.total;
    html! { <>
        <p class="para">{ m::TotalSentence { score: t.score, max: t.max, total: t.normalized, grade: t.grade.clone() }.tr(lang) }</p>
        <table class="scores">
            <thead><tr>
                <th>{ Msg::Section.tr(lang) }</th><th>{ Msg::Score.tr(lang) }</th><th>{ Msg::Max.tr(lang) }</th>
                { for Status::ALL.iter().map(|s| html!{ <th>{ s.label().tr(lang).to_string() }</th> }) }
                <th>{ Msg::Grade.tr(lang) }</th>
            </tr></thead>
            <tbody>
                { for summary.sections.iter().map(|s| { let x = &s.tally; html!{ <tr>
                    <td class="left">{ s.title.get(lang) }</td><td>{ x.score }</td><td>{ x.max }</td>
                    <td>{ x.counts.done }</td><td>{ x.counts.partial }</td><td>{ x.counts.not_done }</td><td>{ x.counts.not_applicable }</td>
                    <td>{ x.grade.get(lang) }</td>
                </tr> } }) }
            </tbody>
            <tfoot><tr>
                <td class="left">{ Msg::Total.tr(lang) }</td><td>{ t.score }</td><td>{ t.max }</td>
                <td>{ t.counts.done }</td><td>{ t.counts.partial }</td><td>{ t.counts.not_done }</td><td>{ t.counts.not_applicable }</td>
                <td>{ format!("{}（{}）", t.grade.get(lang), t.normalized) }</td>
            </tr></tfoot>
        </table>
    </> }
}

/// One item's row of the item table.
fn item_row(number: usize, item: &Item, ans: &Answer, step: Step, lang: Lang) -> Html {
    let status = ans.status;
    let score = match status {
        None | Some(Status::NotApplicable) => "—".to_string(),
        Some(_) => item_score(item, Some(ans), step).unwrap_or(0.0).to_string(),
    };
    let evidence: Vec<String> = ans.evidence.iter().map(evidence_line).collect();
    let needs = status.is_some_and(|s| s.needs_rectification());
    html! {
        <tr>
            <td class="num">{ number }</td>
            <td>{ item.duty.get(lang) }<span class="pts">{ format!("（{}{}）", item.points, Msg::PointsUnit.tr(lang)) }</span></td>
            <td class="st">{ status.map(|s| s.label().tr(lang).to_string()).unwrap_or_else(|| Msg::Unanswered.tr(lang).to_string()) }</td>
            <td class="num">{ score }</td>
            <td>
                <p>{ or_dash(&ans.notes) }</p>
                if status == Some(Status::NotApplicable) {
                    <p>{ labelled(Msg::NaReason, &ans.na_reason, lang) }</p>
                }
                if !evidence.is_empty() {
                    <p class="ev">{ format!("{}{}", Msg::Evidence.tr(lang), Msg::Colon.tr(lang)) }{ evidence.join("；") }</p>
                }
            </td>
            <td>
                if needs {
                    <p>{ labelled(Msg::Problem, &ans.problem, lang) }</p>
                    <p>{ labelled(Msg::Rectification, &ans.rectification.measure, lang) }</p>
                } else { { "—" } }
            </td>
        </tr>
    }
}

/// 三、逐项自查情况: one table per section, every item numbered across the checklist.
fn item_tables(c: &Checklist, a: &Assessment, lang: Lang) -> Html {
    let mut number = 0;
    c.sections().enumerate().map(|(si, g)| {
        let rows = g.items.iter().map(|item| {
            number += 1;
            let ans = a.answer(&item.id).cloned().unwrap_or_default();
            item_row(number, item, &ans, c.step(), lang)
        }).collect::<Html>();
        html! { <>
            <h3>{ match lang {
                Lang::Zh => format!("（{}）{}", cn_ordinal(si + 1), strip_ordinal(g.title.get(lang))),
                Lang::En => format!("{}. {}", si + 1, g.title.en.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')),
            } }</h3>
            <table class="items">
                <colgroup><col class="c-num"/><col class="c-duty"/><col class="c-st"/><col class="c-score"/><col class="c-notes"/><col class="c-rect"/></colgroup>
                <thead><tr>
                    <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th><th>{ Msg::Result.tr(lang) }</th>
                    <th>{ Msg::Score.tr(lang) }</th><th>{ Msg::NotesAndEvidence.tr(lang) }</th><th>{ Msg::ProblemsAndRect.tr(lang) }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </> }
    }).collect()
}

/// 四、整改措施清单: every item answered 部分落实 or 未落实, with its measure, owner and deadline.
fn rect_table(c: &Checklist, a: &Assessment, lang: Lang) -> Html {
    let rows: Vec<Html> = c.items().enumerate().filter_map(|(n, item)| {
        let ans = a.answer(&item.id)?;
        ans.status.filter(|s| s.needs_rectification())?;
        let r = &ans.rectification;
        Some(html! { <tr>
            <td class="num">{ n + 1 }</td><td>{ item.duty.get(lang) }</td><td>{ or_dash(&ans.problem) }</td><td>{ or_dash(&r.measure) }</td>
            <td>{ or_dash(&r.owner) }</td><td class="nowrap">{ date_or_dash(&r.due) }</td>
        </tr> })
    }).collect();
    if rows.is_empty() {
        return html! { <p class="para">{ Msg::NoRect.tr(lang) }</p> };
    }
    html! {
        <table class="rect">
            <colgroup><col class="c-num"/><col class="r-duty"/><col/><col/><col class="r-owner"/><col class="r-due"/></colgroup>
            <thead><tr>
                <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th><th>{ Msg::Problem.tr(lang) }</th>
                <th>{ Msg::Rectification.tr(lang) }</th><th>{ Msg::Owner.tr(lang) }</th><th>{ Msg::Due.tr(lang) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// 五、上年度整改落实情况, when the draft was started from last year's report.
fn follow_up_table(a: &Assessment, lang: Lang) -> Html {
    if a.follow_ups.is_empty() {
        return Html::default();
    }
    html! { <>
        { heading(5, Msg::FollowUps, lang) }
        <table class="rect follow">
            <colgroup><col class="c-num"/><col class="r-duty"/><col/><col class="r-owner"/><col class="r-due"/><col class="r-owner"/><col/></colgroup>
            <thead><tr>
                <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th><th>{ Msg::LastYearMeasure.tr(lang) }</th>
                <th>{ Msg::Owner.tr(lang) }</th><th>{ Msg::Due.tr(lang) }</th><th>{ Msg::FollowUpState.tr(lang) }</th><th>{ Msg::FollowUpNote.tr(lang) }</th>
            </tr></thead>
            <tbody>
                { for a.follow_ups.iter().enumerate().map(|(n, f)| html!{ <tr>
                    <td class="num">{ n + 1 }</td><td>{ &f.duty }</td><td>{ or_dash(&f.rectification.measure) }</td>
                    <td>{ or_dash(&f.rectification.owner) }</td>
                    <td class="nowrap">{ date_or_dash(&f.rectification.due) }</td>
                    <td class="st">{ f.status.map(|s| s.label().tr(lang).to_string()).unwrap_or_else(|| "—".into()) }</td>
                    <td>{ or_dash(&f.note) }</td>
                </tr> }) }
            </tbody>
        </table>
    </> }
}

/// The closing block: the QR code and the fingerprint, the seal and the signature lines.
fn closing(a: &Assessment, digest: &str, today: &str, lang: Lang) -> Html {
    let qr = qr_svg(&qr_payload(&a.unit.name, a.year, digest))
        .map(|s| Html::from_html_unchecked(AttrValue::from(s)))
        .unwrap_or_default();
    html! {
        <section class="closing">
            <div class="verify">
                <div class="qr" role="img" aria-label={ Msg::QrLabel.tr(lang) }>{ qr }</div>
                <p class="mono small">{ format!("{}{}", Msg::Fingerprint.tr(lang), Msg::Colon.tr(lang)) }<br/>{ digest }</p>
            </div>
            <div class="sign">
                <p>{ format!("{}{}", Msg::SealLine.tr(lang), a.unit.name.trim()) }</p>
                <p>{ Msg::SignLine.tr(lang) }</p>
                <p class="date">{ cn_date(today) }</p>
            </div>
        </section>
    }
}

fn doc_title(a: &Assessment, lang: Lang) -> String {
    m::ReportTitle {
        unit: a.unit.name.trim().to_string(),
        year: a.year,
    }
    .tr(lang)
}

/// 一、… in Chinese, 1. … in English.
fn heading(n: usize, title: Msg, lang: Lang) -> Html {
    html! { <h2>{ m::DocHeading { n: Ordinal(n), title }.tr(lang) }</h2> }
}

#[function_component]
pub fn PrintReport(props: &PrintProps) -> Html {
    let lang = props.lang;
    let c = &props.checklist.0;
    let a = &props.assessment;
    let (sealed, _) = report::export_current(c, a);
    let digest = sealed.integrity.map(|i| i.digest).unwrap_or_default();
    let short = digest.get(..16).unwrap_or(&digest).to_string();
    // Margin boxes cannot read the page, so the footer text is written into the rule.
    let page_css = format!(
        "@page {{ @bottom-center {{ content: \"{} {short}\"; }} }}",
        Msg::FingerprintLabel.tr(lang)
    );
    html! {
        <article class="print-doc" lang={ lang.tag() } aria-label={ Msg::PrintPreview.tr(lang) }>
            <style>{ page_css }</style>
            <h1 class="doc-title">{ doc_title(a, lang) }</h1>
            { heading(1, Msg::BasicInfo, lang) }
            { basic_info(c, a, &digest, lang) }
            { heading(2, Msg::ScoreSummary, lang) }
            { score_table(&summarize(c, a), lang) }
            { heading(3, Msg::ItemDetails, lang) }
            { item_tables(c, a, lang) }
            { heading(4, Msg::RectList, lang) }
            { rect_table(c, a, lang) }
            { follow_up_table(a, lang) }
            { closing(a, &digest, &props.today, lang) }
        </article>
    }
}

/// Section titles carry their own （一） numbering; the report renumbers them.
fn strip_ordinal(title: &str) -> &str {
    match title.find('）') {
        Some(i) if title.starts_with('（') => &title[i + '）'.len_utf8()..],
        _ => title,
    }
}
