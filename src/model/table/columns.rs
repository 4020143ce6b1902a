//! The columns of a checklist table and the names they may carry: the
//! template's Chinese names, the usual names in county tables (考核内容,
//! 评分标准…), English names, and the columns read but ignored (序号, 备注…).

/// A column of the items sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Part,
    PartId,
    Section,
    SectionId,
    Id,
    Duty,
    Points,
    Guidance,
    Deduction,
    Evidence,
    Source,
    Quote,
    PartEn,
    SectionEn,
    DutyEn,
    /// The duty as a statement for reports (checklist `statement`).
    Statement,
    StatementEn,
    GuidanceEn,
    DeductionEn,
    EvidenceEn,
    SourceEn,
    /// Read and left out: 序号, 备注, a column for the unit's own score.
    Ignored,
}

/// (column, template name, other names accepted). The first name is the
/// one the template and the messages use.
const NAMES: &[(Column, &[&str])] = &[
    (Column::Part, &["部分", "一级指标", "类别", "part"]),
    (Column::PartId, &["部分编号", "partid"]),
    (
        Column::Section,
        &["方面", "二级指标", "考核项目", "项目", "section"],
    ),
    (Column::SectionId, &["方面编号", "sectionid"]),
    (Column::Id, &["编号", "事项编号", "检查事项编号", "id"]),
    (
        Column::Duty,
        &[
            "检查内容",
            "考核内容",
            "检查事项",
            "考核要点",
            "三级指标",
            "duty",
        ],
    ),
    (
        Column::Points,
        &["分值", "分数", "标准分", "满分", "points"],
    ),
    (
        Column::Guidance,
        &["落实标准", "考核标准", "达标要求", "guidance"],
    ),
    (
        Column::Deduction,
        &[
            "扣分规则",
            "评分标准",
            "评分办法",
            "考核办法",
            "计分办法",
            "deduction",
        ],
    ),
    (
        Column::Evidence,
        &["佐证材料", "考核方式", "应留存的佐证材料", "evidence"],
    ),
    (Column::Source, &["依据", "出处", "source"]),
    (Column::Quote, &["原文摘录", "原文", "quote"]),
    (Column::PartEn, &["部分（英文）", "part(english)"]),
    (Column::SectionEn, &["方面（英文）", "section(english)"]),
    (Column::DutyEn, &["检查内容（英文）", "duty(english)"]),
    (Column::Statement, &["报告表述", "履职表述", "statement"]),
    (
        Column::StatementEn,
        &["报告表述（英文）", "statement(english)"],
    ),
    (
        Column::GuidanceEn,
        &["落实标准（英文）", "guidance(english)"],
    ),
    (
        Column::DeductionEn,
        &["扣分规则（英文）", "deduction(english)"],
    ),
    (
        Column::EvidenceEn,
        &["佐证材料（英文）", "evidence(english)"],
    ),
    (Column::SourceEn, &["依据（英文）", "source(english)"]),
    (
        Column::Ignored,
        &[
            "序号",
            "备注",
            "自评得分",
            "自评分",
            "得分",
            "考核得分",
            "扣分",
            "扣分情况",
            "no.",
            "notes",
        ],
    ),
];

impl Column {
    /// The ten columns of the template, in its order.
    pub const TEMPLATE: [Column; 10] = [
        Column::Part,
        Column::Section,
        Column::Id,
        Column::Duty,
        Column::Points,
        Column::Guidance,
        Column::Deduction,
        Column::Evidence,
        Column::Source,
        Column::Quote,
    ];

    /// The optional columns, written only when a checklist needs them.
    pub const OPTIONAL: [Column; 11] = [
        Column::PartId,
        Column::SectionId,
        Column::PartEn,
        Column::SectionEn,
        Column::DutyEn,
        Column::Statement,
        Column::StatementEn,
        Column::GuidanceEn,
        Column::DeductionEn,
        Column::EvidenceEn,
        Column::SourceEn,
    ];

    /// The name the template gives the column (部分, 分值…).
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, names)| names[0])
    }

    /// The column a header names, if any.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = normalize(header);
        NAMES
            .iter()
            .find(|(_, names)| names.iter().any(|n| normalize(n) == h))
            .map(|(c, _)| *c)
    }

    /// Texts several items may share: a merged cell or an empty one below
    /// takes the text above (部分 and 方面 always; 落实标准 and the like from
    /// a merged cell).
    pub fn shared(self) -> bool {
        !matches!(
            self,
            Column::Id
                | Column::Duty
                | Column::Points
                | Column::DutyEn
                | Column::Statement
                | Column::StatementEn
                | Column::Ignored
        )
    }

    /// Names accepted for the template's columns, for messages.
    pub fn template_names() -> String {
        Column::TEMPLATE.map(Column::name).join("、")
    }
}

/// A header as compared: no spaces or line breaks, full-width brackets, no
/// unit suffix such as （分）, no asterisk marking it required, lowercase.
fn normalize(h: &str) -> String {
    let mut s: String = h
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '★' | '＊'))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    for suffix in ["（分）", "（单位：分）"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            s = stem.to_string();
        }
    }
    // English names with ASCII brackets normalised above: "Duty (English)".
    s.replace("（english）", "(english)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_their_usual_spellings() {
        assert_eq!(Column::from_header(" 检查\n内容 "), Some(Column::Duty));
        assert_eq!(Column::from_header("考核内容"), Some(Column::Duty));
        assert_eq!(Column::from_header("分值（分）"), Some(Column::Points));
        assert_eq!(Column::from_header("分值(分)"), Some(Column::Points));
        assert_eq!(Column::from_header("*分值"), Some(Column::Points));
        assert_eq!(Column::from_header("评分标准"), Some(Column::Deduction));
        assert_eq!(Column::from_header("检查内容(英文)"), Some(Column::DutyEn));
        assert_eq!(Column::from_header("Duty (English)"), Some(Column::DutyEn));
        assert_eq!(Column::from_header("Points"), Some(Column::Points));
        assert_eq!(Column::from_header("序号"), Some(Column::Ignored));
        assert_eq!(Column::from_header("考核结果"), None);
        for c in Column::TEMPLATE.into_iter().chain(Column::OPTIONAL) {
            assert_eq!(Column::from_header(c.name()), Some(c), "{c:?}");
        }
    }
}
