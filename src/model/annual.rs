//! Drafts built from an assessment, in official-document prose: the annual
//! 法治政府建设情况报告 in its five required parts (《法治政府建设与责任落实
//! 督察工作规定》, 2019) and the first responsible person's shorter year-end
//! 述法 report. Duties are stated, never asked ([`Item::statement`]); each
//! section is written as “在……方面，……”; notes, evidence (title, 文号, date),
//! problems with the duty they concern, rectifications by deadline with their
//! 责任人 and last year's follow-ups are woven in; what only a person can
//! write is left as a placeholder 【请补充：……】.

use serde::{Deserialize, Serialize};

use super::assessment::{Answer, Assessment, Evidence, FollowUpStatus, Status};
use super::calendar::Deadline;
use super::checklist::{clause, Checklist, Group, Item};
use super::document::{Block, Document, Span};
use super::messages::documents as d;
use super::messages::{m, Date, Msg, Ordinal};
use super::report_doc::heading;
use super::text::Lang;
use super::validation::is_valid_date;

/// "2027-03-01" → "2027年3月1日" (Arabic numerals, no leading zeros); other input is returned as is.
pub fn cn_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// 一, 二, 三 … for numbering clauses (up to 99).
pub fn cn_ordinal(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

/// How the unit calls itself in its own report: 我镇, 我乡, 我街道, 我局, 我委,
/// 我办 — from the end of its name — or 我单位.
pub fn we(a: &Assessment, lang: Lang) -> String {
    let name = a.unit.name.trim();
    let name = name.strip_suffix("人民政府").unwrap_or(name);
    let name = name.strip_suffix("办事处").unwrap_or(name);
    let kind = [
        ("街道", "街道"),
        ("委员会", "委"),
        ("办公室", "办"),
        ("镇", "镇"),
        ("乡", "乡"),
        ("局", "局"),
        ("委", "委"),
        ("办", "办"),
    ]
    .into_iter()
    .find(|(end, _)| name.ends_with(end));
    match kind.filter(|_| lang == Lang::Zh) {
        Some((_, k)) => d::m::DraftWe { kind: k.into() }.tr(lang),
        None => d::Msg::DraftWeDefault.tr(lang).to_string(),
    }
}

/// "镇长李明", or the principal leader when no name was given.
fn head(a: &Assessment, lang: Lang) -> String {
    let (name, title) = (a.unit.head_name.trim(), a.unit.head_title.trim());
    if name.is_empty() {
        return d::Msg::DraftHeadDefault.tr(lang).to_string();
    }
    d::m::AnnualHead {
        name: name.into(),
        title: title.into(),
    }
    .tr(lang)
}

/// A section's title as a topic, without its numbering: （一）以法治思维谋划工作
/// → 以法治思维谋划工作; "1. Plan work…" → "Plan work…".
pub fn topic(title: &str) -> &str {
    let t = title.trim();
    if let Some(i) = t.find('）').filter(|_| t.starts_with('（')) {
        return t[i + '）'.len_utf8()..].trim_start();
    }
    if let Some(i) = t.find('、') {
        if t[..i].chars().all(|c| "一二三四五六七八九十".contains(c)) {
            return t[i + '、'.len_utf8()..].trim_start();
        }
    }
    // "1. …" and "II. …" in English.
    match t.split_once(". ") {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit() || "IVX".contains(c)) => rest,
        _ => t,
    }
}

/// The statement as it stands after a subject: in English its first letter lowercased.
fn predicate(item: &Item, lang: Lang) -> String {
    let s = item.statement(lang);
    match lang {
        Lang::Zh => s,
        Lang::En => {
            let mut c = s.chars();
            match (c.next(), c.clone().next()) {
                (Some(f), Some(n)) if !n.is_uppercase() => f.to_lowercase().chain(c).collect(),
                _ => s,
            }
        }
    }
}

/// Inner “” become ‘’ when the text is quoted itself.
fn requote(s: &str) -> String {
    s.replace('“', "‘").replace('”', "’")
}

/// One piece of evidence as cited in prose: 《title》，文号，date. Files are
/// left out (their names say little in a report; the self-assessment lists them).
fn evidence_cite(e: &Evidence, lang: Lang) -> Option<String> {
    let Evidence::Reference {
        title,
        doc_number,
        date,
    } = e
    else {
        return None;
    };
    let title = title
        .trim()
        .trim_start_matches('《')
        .trim_end_matches('》')
        .to_string();
    if title.is_empty() {
        return None;
    }
    let (number, date) = (doc_number.trim(), date.trim());
    let detail = match (number.is_empty(), date.is_empty() || !is_valid_date(date)) {
        (true, true) => return Some(m::EvidenceTitle { title }.tr(lang)),
        (false, true) => number.to_string(),
        (true, false) => m::DateOnly {
            date: Date(date.into()),
        }
        .tr(lang),
        (false, false) => d::m::EvidenceNumberDate {
            number: number.into(),
            date: Date(date.into()),
        }
        .tr(lang),
    };
    Some(d::m::EvidenceWith { title, detail }.tr(lang))
}

/// An item as a clause of prose: its statement, its notes and its evidence.
fn item_clause(item: &Item, ans: Option<&Answer>, lang: Lang, with_notes: bool) -> String {
    let statement = predicate(item, lang);
    let Some(ans) = ans.filter(|_| with_notes) else {
        return statement;
    };
    let notes = clause(&ans.notes);
    let text = if notes.is_empty() {
        statement
    } else {
        d::m::ItemNotes { statement, notes }.tr(lang)
    };
    let cites: Vec<String> = ans
        .evidence
        .iter()
        .filter_map(|e| evidence_cite(e, lang))
        .collect();
    if cites.is_empty() {
        text
    } else {
        d::m::ItemMaterials {
            text,
            list: cites.join(d::Msg::DraftEvidenceSeparator.tr(lang)),
        }
        .tr(lang)
    }
}

/// Clauses as sentences: 。 between them in Chinese, ; in English, then the end.
fn sentences(clauses: &[String], lang: Lang) -> String {
    let mut s = clauses.join(d::Msg::DraftItemSeparator.tr(lang));
    s.push_str(d::Msg::DraftSentenceEnd.tr(lang));
    s
}

/// The items of a section answered `want`, excluding (or only) the
/// first responsible person's own duties.
fn items_where<'a>(
    g: &'a Group,
    a: &'a Assessment,
    head_duties: bool,
    want: impl Fn(Status) -> bool + 'a,
) -> impl Iterator<Item = &'a Item> + 'a {
    g.items
        .iter()
        .filter(move |i| i.is_head_duty() == head_duties)
        .filter(move |i| a.status(&i.id).is_some_and(&want))
}

/// One problem: the duty it concerns, how far it is from done, and the problem.
fn gap(item: &Item, ans: &Answer, lang: Lang) -> String {
    let statement = requote(&predicate(item, lang));
    let gap = if ans.status == Some(Status::NotDone) {
        d::m::GapNotDone { statement }.tr(lang)
    } else {
        d::m::GapPartial { statement }.tr(lang)
    };
    let problem = clause(&ans.problem);
    if problem.is_empty() {
        gap
    } else {
        d::m::GapProblem { gap, problem }.tr(lang)
    }
}

/// 存在的不足: one numbered clause per section with problems, naming the section.
fn gaps_by_section(c: &Checklist, a: &Assessment, lang: Lang) -> Vec<String> {
    let mut n = 0;
    let sections: Vec<(String, Vec<String>)> = c
        .sections()
        .filter_map(|g| {
            let gaps: Vec<String> = g
                .items
                .iter()
                .filter_map(|i| {
                    let ans = a.answer(&i.id)?;
                    ans.status
                        .is_some_and(|s| s.needs_rectification())
                        .then(|| gap(i, ans, lang))
                })
                .collect();
            (!gaps.is_empty()).then(|| (topic(g.title.get(lang)).to_string(), gaps))
        })
        .collect();
    let one = sections.len() == 1;
    sections
        .into_iter()
        .map(|(topic, gaps)| {
            let list = gaps.join(Msg::ListSeparator.tr(lang));
            n += 1;
            if one {
                d::m::ShortcomingOnly { topic, list }.tr(lang)
            } else {
                d::m::ShortcomingSection {
                    n: Ordinal(n),
                    topic,
                    list,
                }
                .tr(lang)
            }
        })
        .collect()
}

/// A rectification to plan: deadline, measure, owner.
struct Plan {
    due: String,
    measure: String,
    owner: String,
}

fn plans(c: &Checklist, a: &Assessment) -> Vec<Plan> {
    c.items()
        .filter_map(|i| {
            let ans = a.answer(&i.id)?;
            ans.status.filter(|s| s.needs_rectification())?;
            let r = &ans.rectification;
            let measure = clause(&r.measure);
            (!measure.is_empty()).then(|| Plan {
                due: r.due.trim().to_string(),
                measure,
                owner: r.owner.trim().to_string(),
            })
        })
        .collect()
}

/// The rectifications grouped by deadline in the order of
/// [`Deadline::sort_key`]: 立行立改, dates in order, 长期坚持, anything else as
/// written, those without one last; checklist order within a group.
fn plan_groups(plans: Vec<Plan>, lang: Lang, with_owner: bool) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for p in &plans {
        if !keys.contains(&p.due) {
            keys.push(p.due.clone());
        }
    }
    keys.sort_by(|a, b| {
        Deadline::parse(a)
            .sort_key()
            .cmp(&Deadline::parse(b).sort_key())
    });
    keys.into_iter()
        .map(|due| {
            let group: Vec<&Plan> = plans.iter().filter(|p| p.due == due).collect();
            let one = group.len() == 1;
            let steps: Vec<String> = group
                .into_iter()
                .enumerate()
                .map(|(n, p)| {
                    let (n, measure) = (Ordinal(n + 1), p.measure.clone());
                    let owner = p.owner.clone();
                    if one && with_owner && !owner.is_empty() {
                        d::m::PlanOnlyOwner { measure, owner }.tr(lang)
                    } else if one {
                        d::m::PlanOnly { measure }.tr(lang)
                    } else if with_owner && !p.owner.is_empty() {
                        d::m::PlanStepOwner {
                            n,
                            measure,
                            owner: p.owner.clone(),
                        }
                        .tr(lang)
                    } else {
                        d::m::PlanStep { n, measure }.tr(lang)
                    }
                })
                .collect();
            let list = steps.join(Msg::ListSeparator.tr(lang));
            if is_valid_date(&due) {
                d::m::PlanGroupDated {
                    due: Date(due),
                    list,
                }
                .tr(lang)
            } else {
                let due = match Deadline::parse(&due) {
                    Deadline::Empty => d::Msg::DraftNoDue.tr(lang).to_string(),
                    d => d.show(lang),
                };
                d::m::PlanGroupOther { due, list }.tr(lang)
            }
        })
        .collect()
}

/// 上年度自查发现问题整改情况: counts by state, then each measure with its state.
fn follow_ups_paragraph(a: &Assessment, lang: Lang) -> Option<String> {
    let f = &a.follow_ups;
    if f.is_empty() {
        return None;
    }
    let count = |s: FollowUpStatus| f.iter().filter(|x| x.status == Some(s)).count();
    let year = f[0].year;
    let summary = d::m::FollowUpSummary {
        year,
        n: f.len(),
        done: count(FollowUpStatus::Completed),
        going: count(FollowUpStatus::InProgress),
        idle: count(FollowUpStatus::NotStarted),
    }
    .tr(lang);
    let clauses: Vec<String> = f
        .iter()
        .enumerate()
        .map(|(n, x)| {
            let (n, measure) = (Ordinal(n + 1), clause(&x.rectification.measure));
            let status = x.status.map_or(Msg::Unanswered, |s| s.label());
            let note = clause(&x.note);
            if note.is_empty() {
                d::m::FollowUpClause { n, measure, status }.tr(lang)
            } else {
                d::m::FollowUpClauseNote {
                    n,
                    measure,
                    status,
                    note,
                }
                .tr(lang)
            }
        })
        .collect();
    let list = d::m::FollowUpList {
        list: clauses.join(Msg::ListSeparator.tr(lang)),
    }
    .tr(lang);
    Some(format!("{summary}{list}"))
}

/// Part titles without their numbering (二、强化措施，狠抓落实 → 强化措施，狠抓落实).
fn part_topic(title: &str) -> &str {
    topic(title)
}

/// 一、上一年度推进法治政府建设的主要举措和成效.
fn measures_part(doc: &mut Document, c: &Checklist, a: &Assessment, lang: Lang) {
    let we = we(a, lang);
    let mut sub = 0;
    for part in &c.parts {
        let paragraphs: Vec<String> = part
            .groups
            .iter()
            .filter_map(|g| {
                let clauses: Vec<String> = items_where(g, a, false, |s| s == Status::Done)
                    .map(|i| item_clause(i, a.answer(&i.id), lang, true))
                    .collect();
                (!clauses.is_empty()).then(|| {
                    d::m::SectionLead {
                        topic: topic(g.title.get(lang)).to_string(),
                        we: we.clone(),
                        text: sentences(&clauses, lang),
                    }
                    .tr(lang)
                })
            })
            .collect();
        if paragraphs.is_empty() {
            continue;
        }
        sub += 1;
        doc.heading(2, sub_heading(sub, part_topic(part.title.get(lang)), lang));
        for p in paragraphs {
            doc.paragraph(p);
        }
    }
    if sub == 0 {
        doc.placeholder(d::Msg::DraftNoMeasures.tr(lang));
    }
    doc.placeholder(d::Msg::DraftFigures.tr(lang));
    if let Some(p) = follow_ups_paragraph(a, lang) {
        sub += 1;
        doc.heading(
            2,
            sub_heading(sub, d::Msg::DraftFollowUpsHeading.tr(lang), lang),
        );
        doc.paragraph(p);
    }
}

/// （一）… in Chinese, 1.1 style "(1) …" in English.
fn sub_heading(n: usize, title: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{}）{title}", cn_ordinal(n)),
        Lang::En => format!("({n}) {title}"),
    }
}

/// 三、第一责任人履职: the duties of the first responsible person in person.
fn head_part(doc: &mut Document, c: &Checklist, a: &Assessment, lang: Lang) {
    let head = head(a, lang);
    let clauses: Vec<String> = c
        .sections()
        .flat_map(|g| items_where(g, a, true, |s| s == Status::Done))
        .map(|i| item_clause(i, a.answer(&i.id), lang, true))
        .collect();
    let year = a.year;
    doc.paragraph(if clauses.is_empty() {
        d::m::HeadOpening { year, head }.tr(lang)
    } else {
        d::m::HeadOpeningWith {
            year,
            head,
            text: sentences(&clauses, lang),
        }
        .tr(lang)
    });
    doc.placeholder(d::Msg::DraftHeadFigures.tr(lang));
}

/// The annual 法治政府建设情况报告 draft, in its five parts.
pub fn annual_report(c: &Checklist, a: &Assessment, lang: Lang) -> Document {
    let unit = a.unit.name.trim().to_string();
    let mut doc = Document::new(
        lang,
        d::m::AnnualTitle {
            unit: unit.clone(),
            year: a.year,
        }
        .tr(lang),
    );
    doc.blocks.push(Block::Flush(vec![
        Span::Placeholder(d::Msg::DraftAddressee.tr(lang).into()),
        Span::text(Msg::Colon.tr(lang)),
    ]));
    let we = we(a, lang);
    doc.paragraph(
        d::m::AnnualIntro {
            year: a.year,
            we: we.clone(),
        }
        .tr(lang),
    );

    doc.heading(1, heading(1, d::Msg::AnnualPart1, lang));
    measures_part(&mut doc, c, a, lang);

    doc.heading(1, heading(2, d::Msg::AnnualShortcomings, lang));
    doc.heading(
        2,
        sub_heading(1, d::Msg::DraftShortcomingsHeading.tr(lang), lang),
    );
    let gaps = gaps_by_section(c, a, lang);
    if gaps.is_empty() {
        doc.blocks.push(Block::Paragraph(vec![
            Span::text(d::Msg::DraftAllDone.tr(lang)),
            Span::Placeholder(d::Msg::DraftShortcomingsFill.tr(lang).into()),
        ]));
    } else {
        doc.paragraph(d::m::ShortcomingsIntro { we: we.clone() }.tr(lang));
        for g in gaps {
            doc.paragraph(g);
        }
    }
    doc.heading(2, sub_heading(2, d::Msg::DraftCausesHeading.tr(lang), lang));
    doc.placeholder(d::Msg::DraftCauses.tr(lang));

    doc.heading(1, heading(3, d::Msg::AnnualPart3, lang));
    head_part(&mut doc, c, a, lang);

    doc.heading(1, heading(4, d::Msg::AnnualPlans, lang));
    let next = a.year + 1;
    let groups = plan_groups(plans(c, a), lang, true);
    if groups.is_empty() {
        doc.paragraph(
            d::m::PlansNone {
                year: next,
                we: we.clone(),
            }
            .tr(lang),
        );
    } else {
        doc.paragraph(
            d::m::PlansIntro {
                year: next,
                we: we.clone(),
            }
            .tr(lang),
        );
        for g in groups {
            doc.paragraph(g);
        }
    }
    if let Some(p) = unfinished_follow_ups(a, lang) {
        doc.paragraph(p);
    }
    doc.placeholder(d::Msg::DraftPlansFill.tr(lang));

    doc.heading(1, heading(5, d::Msg::AnnualPart5, lang));
    doc.placeholder(d::Msg::DraftOtherFill.tr(lang));

    doc.blocks.push(Block::Closing(vec![
        vec![Span::text(unit)],
        vec![Span::Placeholder(d::Msg::DraftDateFill.tr(lang).into())],
    ]));
    doc
}

/// Last year's rectifications not yet completed, to carry on with.
fn unfinished_follow_ups(a: &Assessment, lang: Lang) -> Option<String> {
    let open: Vec<String> = a
        .follow_ups
        .iter()
        .filter(|f| f.status != Some(FollowUpStatus::Completed))
        .map(|f| clause(&f.rectification.measure))
        .filter(|m| !m.is_empty())
        .enumerate()
        .map(|(n, measure)| {
            d::m::PlanStep {
                n: Ordinal(n + 1),
                measure,
            }
            .tr(lang)
        })
        .collect();
    (!open.is_empty()).then(|| {
        d::m::FollowUpsContinue {
            year: a.follow_ups[0].year,
            list: open.join(Msg::ListSeparator.tr(lang)),
        }
        .tr(lang)
    })
}

/// The first responsible person's year-end 述法 report draft: 履职情况,
/// 存在问题, 下一步打算 — shorter than the annual report, in the first person.
pub fn head_report(c: &Checklist, a: &Assessment, lang: Lang) -> Document {
    let unit = a.unit.name.trim().to_string();
    let head = head(a, lang);
    let mut doc = Document::new(lang, d::m::HeadTitleLine { year: a.year }.tr(lang));
    doc.subtitle.push(
        d::m::HeadByline {
            unit: unit.clone(),
            head: head.clone(),
        }
        .tr(lang),
    );
    doc.paragraph(
        d::m::HeadIntro {
            year: a.year,
            unit: unit.clone(),
        }
        .tr(lang),
    );

    doc.heading(1, heading(1, d::Msg::HeadPart1, lang));
    doc.heading(2, sub_heading(1, d::Msg::HeadLeadHeading.tr(lang), lang));
    let own: Vec<String> = c
        .sections()
        .flat_map(|g| items_where(g, a, true, |s| s == Status::Done))
        .map(|i| item_clause(i, a.answer(&i.id), lang, true))
        .collect();
    if own.is_empty() {
        doc.placeholder(d::Msg::HeadLeadFill.tr(lang));
    } else {
        doc.paragraph(
            d::m::HeadSelf {
                text: sentences(&own, lang),
            }
            .tr(lang),
        );
    }
    doc.heading(2, sub_heading(2, d::Msg::HeadUnitHeading.tr(lang), lang));
    let mut any = false;
    for g in c.sections() {
        let done: Vec<String> = items_where(g, a, false, |s| s == Status::Done)
            .map(|i| item_clause(i, None, lang, false))
            .collect();
        if done.is_empty() {
            continue;
        }
        any = true;
        doc.paragraph(
            d::m::HeadUnitLead {
                topic: topic(g.title.get(lang)).to_string(),
                text: format!(
                    "{}{}",
                    done.join(Msg::ListSeparator.tr(lang)),
                    d::Msg::DraftSentenceEnd.tr(lang)
                ),
            }
            .tr(lang),
        );
    }
    if !any {
        doc.placeholder(d::Msg::DraftNoMeasures.tr(lang));
    }

    doc.heading(1, heading(2, d::Msg::HeadPart2, lang));
    let gaps = gaps_by_section(c, a, lang);
    if gaps.is_empty() {
        doc.placeholder(d::Msg::HeadProblemsFill.tr(lang));
    } else {
        doc.paragraph(d::Msg::HeadProblemsIntro.tr(lang));
        for g in gaps {
            doc.paragraph(g);
        }
        doc.placeholder(d::Msg::HeadProblemsFill.tr(lang));
    }

    doc.heading(1, heading(3, d::Msg::HeadPart3, lang));
    let groups = plan_groups(plans(c, a), lang, false);
    if !groups.is_empty() {
        doc.paragraph(d::Msg::HeadNextIntro.tr(lang));
        for g in groups {
            doc.paragraph(g);
        }
    }
    doc.placeholder(d::Msg::HeadNextFill.tr(lang));

    doc.blocks.push(Block::Closing(vec![
        vec![Span::text(d::m::HeadSign { head }.tr(lang))],
        vec![Span::Placeholder(d::Msg::DraftDateFill.tr(lang).into())],
    ]));
    doc
}

/// A draft as the app shows it: the whole text and its parts (heading,
/// text), for the copy buttons. The office module makes both drafts and
/// sends them to the app as JSON, so their prose stays out of the app's module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftText {
    pub text: String,
    pub parts: Vec<(String, String)>,
}

/// Both drafts of one assessment, in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    pub annual: DraftText,
    pub head: DraftText,
}

impl Drafts {
    pub fn of(c: &Checklist, a: &Assessment, lang: Lang) -> Drafts {
        let shown = |doc: Document| DraftText {
            text: doc.text(),
            parts: doc.parts(Msg::DraftPreamble.tr(lang)),
        };
        Drafts {
            annual: shown(annual_report(c, a, lang)),
            head: shown(head_report(c, a, lang)),
        }
    }
}
