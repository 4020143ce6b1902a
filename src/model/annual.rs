//! Text for the annual 法治政府建设情况报告, built from an assessment: the
//! first-responsible-person's performance, the shortcomings, and next year's
//! plan — copy-ready Chinese paragraphs (English when that language is chosen).

use super::assessment::{Assessment, Status};
use super::checklist::Checklist;
use super::text::Lang;

/// The three paragraphs the annual report needs from the self-assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnualText {
    /// 第一责任人履职情况
    pub performance: String,
    /// 存在的不足和原因
    pub shortcomings: String,
    /// 下一年度主要安排
    pub plans: String,
}

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

fn clause(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ','])
        .to_string()
}

/// Builds the paragraphs. Items are taken in checklist order; plans by due date.
pub fn annual_text(c: &Checklist, a: &Assessment, lang: Lang) -> AnnualText {
    let zh = lang == Lang::Zh;
    let head = if a.unit.head_name.trim().is_empty() {
        if zh {
            "第一责任人".to_string()
        } else {
            "The person with primary responsibility".to_string()
        }
    } else if zh {
        format!("{}{}", a.unit.head_title.trim(), a.unit.head_name.trim())
    } else {
        format!("{} ({})", a.unit.head_name.trim(), a.unit.head_title.trim())
    };
    let unit = a.unit.name.trim();

    let done: Vec<String> = c
        .items()
        .filter(|i| a.status(&i.id) == Some(Status::Done))
        .map(|i| {
            let notes = a
                .answer(&i.id)
                .map(|x| clause(&x.notes))
                .unwrap_or_default();
            let duty = clause(&i.duty.get(lang).replace(['？', '?'], ""));
            match (notes.is_empty(), zh) {
                (true, true) => duty,
                (false, true) => format!("{duty}（{notes}）"),
                (true, false) => duty,
                (false, false) => format!("{duty} ({notes})"),
            }
        })
        .collect();
    let performance = if done.is_empty() {
        if zh {
            format!("{year}年，{unit}{head}作为推进法治政府建设第一责任人，对照第一责任人职责开展了自查。", year = a.year)
        } else {
            format!("In {}, {head}, as the person with primary responsibility in {unit}, assessed the unit against the duties of the role.", a.year)
        }
    } else if zh {
        format!(
            "{year}年，{unit}{head}认真履行推进法治建设第一责任人职责，对照自查清单，以下{n}项已落实：{list}。",
            year = a.year,
            n = done.len(),
            list = done.join("；")
        )
    } else {
        format!(
            "In {year}, {head}, as the person with primary responsibility in {unit}, carried out these {n} duties: {list}.",
            year = a.year,
            n = done.len(),
            list = done.join("; ")
        )
    };

    let gaps: Vec<String> = c
        .items()
        .filter(|i| a.status(&i.id).is_some_and(|s| s.needs_rectification()))
        .filter_map(|i| {
            let p = clause(&a.answer(&i.id)?.problem);
            (!p.is_empty()).then_some(p)
        })
        .collect();
    let shortcomings = if gaps.is_empty() {
        if zh {
            "经自查，未发现明显不足。".to_string()
        } else {
            "The self-assessment found no significant shortcomings.".to_string()
        }
    } else if zh {
        let numbered: Vec<String> = gaps
            .iter()
            .enumerate()
            .map(|(n, g)| format!("{}是{g}", cn_ordinal(n + 1)))
            .collect();
        format!("经自查，主要存在以下不足：{}。", numbered.join("；"))
    } else {
        let numbered: Vec<String> = gaps
            .iter()
            .enumerate()
            .map(|(n, g)| format!("({}) {g}", n + 1))
            .collect();
        format!(
            "The self-assessment found these shortcomings: {}.",
            numbered.join("; ")
        )
    };

    let mut steps: Vec<(String, String, String)> = c
        .items()
        .filter(|i| a.status(&i.id).is_some_and(|s| s.needs_rectification()))
        .filter_map(|i| {
            let r = &a.answer(&i.id)?.rectification;
            (!r.measure.trim().is_empty()).then(|| {
                (
                    r.due.clone(),
                    clause(&r.measure),
                    r.owner.trim().to_string(),
                )
            })
        })
        .collect();
    // Undated plans go last; equal dates keep checklist order.
    steps.sort_by(|x, y| (x.0.is_empty(), &x.0).cmp(&(y.0.is_empty(), &y.0)));
    let plans = if steps.is_empty() {
        if zh {
            "下一年度，将继续对照第一责任人职责，巩固已落实事项，推动法治政府建设再上新台阶。"
                .to_string()
        } else {
            "Next year the unit will keep every duty in place and build on this year's work."
                .to_string()
        }
    } else if zh {
        let list: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(n, (due, m, owner))| {
                let mut s = format!("{}是{m}", cn_ordinal(n + 1));
                if !owner.is_empty() {
                    s.push_str(&format!("（责任人：{owner}"));
                }
                if !due.is_empty() {
                    s.push_str(if owner.is_empty() { "（" } else { "，" });
                    s.push_str(&format!("{}前完成", cn_date(due)));
                }
                if !owner.is_empty() || !due.is_empty() {
                    s.push('）');
                }
                s
            })
            .collect();
        format!(
            "下一年度，将针对自查发现的问题抓好整改：{}。",
            list.join("；")
        )
    } else {
        let list: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(n, (due, m, owner))| {
                let mut s = format!("({}) {m}", n + 1);
                if !owner.is_empty() {
                    s.push_str(&format!(", led by {owner}"));
                }
                if !due.is_empty() {
                    s.push_str(&format!(", by {due}"));
                }
                s
            })
            .collect();
        format!(
            "Next year the unit will rectify what the assessment found: {}.",
            list.join("; ")
        )
    };
    AnnualText {
        performance,
        shortcomings,
        plans,
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
