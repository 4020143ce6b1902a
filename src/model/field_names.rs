//! The report format's members in words, so that a message about a broken
//! file names the field as a person would (年度, 第4条作答的自评得分), with
//! its path in the file beside it. Names not listed here are shown as their
//! path alone.

use super::text::{Lang, Text};

/// Members' names in Chinese and English, by their names in the file (a
/// table rather than a `match`: a few hundred bytes less in the app).
const MEMBERS: &[(&str, &str, &str)] = &[
    ("format", "格式标识", "format"),
    ("format_version", "格式版本", "format version"),
    ("generator", "生成程序", "generator"),
    ("checklist", "检查清单", "checklist"),
    ("unit", "单位信息", "unit information"),
    (
        "head_name",
        "第一责任人姓名",
        "name of the person responsible",
    ),
    (
        "head_title",
        "第一责任人职务",
        "title of the person responsible",
    ),
    ("filled_by", "填报人", "filled in by"),
    ("phone", "联系电话", "telephone"),
    ("type", "类型", "type"),
    ("year", "自查年度", "year"),
    ("answers", "逐项作答", "answers"),
    ("item_id", "事项编号", "item id"),
    ("status", "作答结果", "result"),
    ("score", "自评得分", "self-score"),
    ("notes", "情况说明", "notes"),
    ("evidence", "佐证材料", "evidence"),
    ("title", "标题", "title"),
    ("doc_number", "文号", "document number"),
    ("date", "日期", "date"),
    ("kind", "类别", "kind"),
    ("size", "大小", "size"),
    ("sha256", "SHA-256指纹", "SHA-256"),
    ("problem", "存在问题", "problem"),
    ("rectification", "整改措施", "rectification"),
    ("measure", "措施", "measure"),
    ("owner", "责任人", "owner"),
    ("due", "完成时限", "deadline"),
    ("na_reason", "不适用理由", "reason for not applicable"),
    ("summary", "得分汇总", "summary"),
    ("created_at", "创建时间", "created at"),
    ("updated_at", "修改时间", "updated at"),
    ("exported_at", "导出时间", "exported at"),
    ("score_step", "评分步长", "score step"),
    (
        "checklist_definition",
        "检查清单定义",
        "checklist definition",
    ),
    ("follow_ups", "上年度整改事项", "last year's rectifications"),
    ("integrity", "数字指纹", "fingerprint"),
    ("digest", "指纹值", "digest"),
    ("id", "编号", "id"),
    ("version", "版本", "version"),
    ("name", "名称", "name"),
];

/// A member's name in Chinese and English, by its name in the file.
fn member(name: &str) -> Option<(&'static str, &'static str)> {
    MEMBERS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, zh, en)| (zh, en))
}

/// One step of a path: a member name or an element's index.
enum Part<'a> {
    Member(&'a str),
    Element(usize),
}

fn parts(path: &str) -> Option<Vec<Part<'_>>> {
    let mut out = Vec::new();
    for seg in path.split('.') {
        let (name, rest) = seg.split_once('[').unwrap_or((seg, ""));
        if !name.is_empty() {
            out.push(Part::Member(name));
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(Part::Element(index.strip_suffix(']')?.parse().ok()?));
        }
    }
    Some(out)
}

/// The field at `path` (`answers[3].score`, `unit.name`, `year`) in words:
/// 第4条作答的自评得分 / the self-score of answer 4. `None` when a part of
/// it has no name here.
pub fn field_name(path: &str) -> Option<Text> {
    let parts = parts(path)?;
    let mut zh = String::new();
    let mut en: Vec<String> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        match (&parts[i], parts.get(i + 1)) {
            // 单位名称 rather than 单位信息的名称.
            (Part::Member("unit"), Some(Part::Member("name"))) => {
                zh.push_str("单位名称");
                en.push("the unit's name".into());
                i += 1;
            }
            (Part::Member(list), Some(Part::Element(n))) => {
                let (z, e) = member(list)?;
                let n = n + 1;
                match *list {
                    "answers" => zh.push_str(&format!("第{n}条作答")),
                    _ => zh.push_str(&format!("第{n}条{z}")),
                }
                en.push(match *list {
                    "answers" => format!("answer {n}"),
                    _ => format!("{e} {n}"),
                });
                i += 1;
            }
            (Part::Member(name), _) => {
                let (z, e) = member(name)?;
                zh.push_str(z);
                en.push(e.into());
            }
            (Part::Element(n), _) => {
                zh.push_str(&format!("第{}项", n + 1));
                en.push(format!("element {}", n + 1));
            }
        }
        if i + 1 < parts.len() {
            zh.push('的');
        }
        i += 1;
    }
    // English reads from the innermost out: the self-score of answer 4.
    en.reverse();
    Some(Text::new(zh, en.join(" of ")))
}

/// The field's name and its path, as a message shows it: 第4条作答的自评得分（answers[3].score）.
pub fn field_label(path: &str) -> Text {
    match field_name(path) {
        // In English a top-level member's name is its path: said once.
        Some(t) if t.get(Lang::En) == path => Text::new(
            format!("{}（{path}）", t.get(Lang::Zh)),
            format!("“{path}”"),
        ),
        Some(t) => Text::new(
            format!("{}（{path}）", t.get(Lang::Zh)),
            format!("{} ({path})", t.get(Lang::En)),
        ),
        None => Text::new(format!("“{path}”"), format!("“{path}”")),
    }
}
