//! The annual-report and 述法 drafts, the duties' statements they are made
//! of, and the Chinese date format.

use selfcheck::fixtures::realistic::realistic_assessment;
use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::annual::{
    annual_report, cn_date, cn_ordinal, head_report, topic, we, Drafts,
};
use selfcheck::model::canonical;
use selfcheck::model::document::{Block, Document};
use selfcheck::model::{Assessment, Checklist, Lang, Status, UnitInfo};

#[test]
fn dates_are_written_the_official_way() {
    assert_eq!(cn_date("2027-03-01"), "2027年3月1日");
    assert_eq!(cn_date("2026-12-31T10:00:00Z"), "2026年12月31日");
    assert_eq!(cn_date("不是日期"), "不是日期");
    assert_eq!(cn_ordinal(1), "一");
    assert_eq!(cn_ordinal(10), "十");
    assert_eq!(cn_ordinal(12), "十二");
    assert_eq!(cn_ordinal(20), "二十");
    assert_eq!(cn_ordinal(35), "三十五");
}

fn headings(doc: &Document, level: u8) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: l, text } if *l == level => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The paragraph holding `needle`.
fn paragraph_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no paragraph contains {needle:?}:\n{text}"))
}

#[test]
fn every_builtin_item_has_a_statement_in_both_languages_and_none_is_a_question() {
    let c = Checklist::builtin();
    for item in c.items() {
        let s = item
            .statement
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no statement", item.id));
        assert!(
            !s.zh.trim().is_empty() && !s.en.trim().is_empty(),
            "{}",
            item.id
        );
        for bad in ["是否", "？", "?", "法制宣传", "法制教育", "本单位是", "““"]
        {
            assert!(!s.zh.contains(bad), "{}: {bad} in {}", item.id, s.zh);
        }
        assert!(!s.en.contains('?'), "{}", item.id);
        // No subject: the draft says who (我镇, the head, 本人).
        assert!(
            !s.zh.starts_with("本单位") && !s.zh.starts_with("第一责任人"),
            "{}",
            item.id
        );
    }
    // 法无禁止即可为 is stated as the speech means it: bold work within the law.
    let permitted = c.item("boundaries.permitted").unwrap();
    assert!(permitted
        .statement(Lang::Zh)
        .starts_with("在法律框架内大胆开展工作"));
}

#[test]
fn a_checklist_without_statements_still_gives_statements() {
    let c = Checklist::parse(include_str!("../examples/township-checklist.json")).unwrap();
    assert!(c.items().all(|i| i.statement.is_none()));
    for item in c.items() {
        let s = item.statement(Lang::Zh);
        assert!(
            !s.is_empty() && !s.contains("是否") && !s.contains('？'),
            "{s}"
        );
        assert!(!s.starts_with("本单位"), "{s}");
    }
    let first = c.items().next().unwrap();
    assert_eq!(
        (first.duty.zh.as_str(), first.statement(Lang::Zh).as_str()),
        (
            "本单位是否在年初对照县年度法治政府建设工作要点，制定本镇（乡）年度工作计划，并与经济社会发展同部署、同推进？",
            "在年初对照县年度法治政府建设工作要点，制定本镇（乡）年度工作计划，并与经济社会发展同部署、同推进"
        )
    );
}

#[test]
fn a_statement_phrased_as_a_question_or_without_chinese_is_refused() {
    let json = include_str!("corpus/checklists/statement-question.json");
    let problems = Checklist::parse(json).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "parts[0].groups[0].items[0].statement.zh");
    assert!(problems[0].message.tr(Lang::Zh).contains("陈述句"));
}

#[test]
fn the_annual_draft_has_the_five_parts_in_order_in_official_prose() {
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    let doc = annual_report(c, &a, Lang::Zh);
    assert_eq!(
        doc.title,
        "X县青山镇人民政府关于2026年度法治政府建设情况的报告"
    );
    assert_eq!(
        headings(&doc, 1),
        [
            "一、上一年度推进法治政府建设的主要举措和成效",
            "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
            "四、下一年度主要安排",
            "五、其他需要报告的情况",
        ]
    );
    let text = doc.text();
    assert!(!text.contains("是否"), "{text}");
    assert!(!text.contains('？') && !text.contains('?'), "{text}");
    assert!(!text.contains("（（") && !text.contains("））"), "{text}");
    assert!(
        !text.contains("。。") && !text.contains("。，") && !text.contains("；。"),
        "{text}"
    );
    // Organised by section, in the unit's own voice.
    assert!(text.contains("在以法治思维谋划工作方面，我镇推进改革、出台政策和部署重要工作严守规则"));
    assert!(text.contains("在营造法治环境方面，我镇"));
    // Notes and evidence with 文号 and date.
    assert!(text.contains("全年召开党委会24次、镇长办公会18次，集体研究重大事项36项（有关材料：《青山镇党委议事决策规则》，青委发〔2026〕3号，2026年2月10日）"), "{text}");
    // Every problem names its section and its duty.
    for item in c.items() {
        let Some(ans) = a.answer(&item.id) else {
            continue;
        };
        if !ans.status.is_some_and(|s| s.needs_rectification()) {
            continue;
        }
        let problem = ans.problem.trim_end_matches('。');
        let p = paragraph_with(&text, problem);
        let section = c.sections().nth(c.section_of(&item.id).unwrap()).unwrap();
        assert!(
            p.contains(&format!("在{}方面", topic(&section.title.zh))),
            "{p}"
        );
        assert!(p.contains(&item.statement(Lang::Zh)), "{p}");
        let verdict = match ans.status {
            Some(Status::NotDone) => "尚未落实",
            _ => "落实还不够到位",
        };
        assert!(p.contains(verdict), "{p}");
    }
    // The first responsible person's own duties go to part 三, with the name.
    let head = paragraph_with(&text, "认真履行推进法治建设第一责任人职责：");
    assert!(head.starts_with("2026年，镇长李明"), "{head}");
    assert!(head.contains(
        "对法治政府建设重要工作亲自部署，主持召开镇政府常务会议专题部署法治政府建设工作3次"
    ));
    // Rectifications by deadline, dated ones first, each with its 责任人.
    let plans: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("前完成：") || l.starts_with("长期坚持："))
        .collect();
    assert_eq!(plans.len(), 5, "{plans:#?}");
    assert!(plans[0].starts_with("2027年3月31日前完成：建立违法建设案件台账"));
    assert!(plans[1].starts_with("2027年6月30日前完成：一是制定重大行政决策风险评估工作规程"));
    assert!(plans[1].contains("由张伟（分管副镇长）负责；二是"));
    assert!(plans[4].starts_with("长期坚持：明确党政办专人负责"));
    // Last year's follow-ups, and the unfinished one carried on.
    assert!(text.contains("对2025年自查发现的2项问题，已完成整改1项，正在推进1项，尚未启动0项。"));
    assert!(text.contains("同时，继续推进2025年自查发现问题的整改：一是组织执法人员专题培训。"));
    // What only a person can write is marked.
    let holes = doc.placeholders();
    assert!(holes.iter().any(|p| p.starts_with("请补充：主送机关")));
    assert!(holes
        .iter()
        .any(|p| p.starts_with("请补充：产生上述不足的主客观原因")));
    assert!(holes
        .iter()
        .any(|p| p.starts_with("请补充：其他需要报告的情况")));
    assert!(text.contains("【请补充：其他需要报告的情况；没有的，写“无”】"));
}

#[test]
fn the_head_report_is_shorter_in_the_first_person_in_three_parts() {
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    let doc = head_report(c, &a, Lang::Zh);
    assert_eq!(doc.title, "2026年度述法报告");
    assert_eq!(doc.subtitle, ["X县青山镇人民政府　镇长李明"]);
    assert_eq!(
        headings(&doc, 1),
        [
            "一、履行推进法治建设第一责任人职责情况",
            "二、存在的问题",
            "三、下一步打算"
        ]
    );
    let text = doc.text();
    assert!(!text.contains("是否") && !text.contains('？'), "{text}");
    assert!(text.contains("本人带头懂法"));
    assert!(text.contains("在完善工作机制方面，“按季度向县司法局报送"));
    assert!(text.ends_with("述法人：镇长李明\n【请补充：成文日期】"));
    assert!(text.chars().count() < annual_report(c, &a, Lang::Zh).text().chars().count());
}

#[test]
fn drafts_of_a_custom_checklist_without_statements_read_as_statements() {
    let c = Checklist::parse(include_str!("../examples/township-checklist.json")).unwrap();
    let mut a = Assessment::new(&c, UnitInfo::default(), 2027, "t");
    a.unit.name = "X县白沙乡人民政府".into();
    for (n, item) in c.items().enumerate() {
        let ans = a.answers.entry(item.id.clone()).or_default();
        ans.status = Some(if n % 4 == 1 {
            Status::Partial
        } else {
            Status::Done
        });
        if n % 4 == 1 {
            ans.problem = format!("问题{n}");
            ans.rectification.measure = format!("措施{n}");
            ans.rectification.due = "2028-06-30".into();
        }
    }
    for doc in [
        annual_report(&c, &a, Lang::Zh),
        head_report(&c, &a, Lang::Zh),
    ] {
        let text = doc.text();
        assert!(!text.contains("是否") && !text.contains('？'), "{text}");
        assert!(!text.contains("我乡本单位"), "{text}");
    }
    let text = annual_report(&c, &a, Lang::Zh).text();
    assert!(text.contains("在"), "{text}");
    assert!(
        text.contains("我乡在年初对照县年度法治政府建设工作要点"),
        "{text}"
    );
}

#[test]
fn the_unit_calls_itself_by_its_kind() {
    let c = Checklist::builtin();
    let mut a = Assessment::new(c, UnitInfo::default(), 2026, "t");
    for (name, expected) in [
        ("X县青山镇人民政府", "我镇"),
        ("X县白沙乡人民政府", "我乡"),
        ("X县城关街道办事处", "我街道"),
        ("X县司法局", "我局"),
        ("X县卫生健康委员会", "我委"),
        ("X县人民政府办公室", "我办"),
        ("X县融媒体中心", "我单位"),
        ("", "我单位"),
    ] {
        a.unit.name = name.into();
        assert_eq!(we(&a, Lang::Zh), expected, "{name}");
    }
}

#[test]
fn an_empty_assessment_gives_a_draft_of_placeholders_not_of_nothing() {
    let c = Checklist::builtin();
    let a = Assessment::new(c, UnitInfo::default(), 2026, "t");
    let doc = annual_report(c, &a, Lang::Zh);
    assert_eq!(headings(&doc, 1).len(), 5);
    let text = doc.text();
    assert!(text.contains("【请补充：本年度推进法治政府建设的主要举措和成效】"));
    assert!(text.contains("各检查事项均已落实") || text.contains("存在不足"));
    assert!(text.contains("2027年，我单位将巩固自查成果"));
}

#[test]
fn english_drafts_are_english_around_the_unit_s_own_words() {
    let c = Checklist::builtin();
    let a = sample_assessment(c);
    let doc = annual_report(c, &a, Lang::En);
    assert_eq!(
        headings(&doc, 1)[0],
        "1. Main measures taken and results achieved in the past year"
    );
    let text = doc.text();
    assert!(text.contains("In the area “Plan work with rule-of-law thinking”, the unit keeps strictly to the rules"), "{text}");
    assert!(!text.contains("一、") && !text.contains("（一）"), "{text}");
    assert!(
        text.contains("[To fill in: the addressees") && !text.contains('【'),
        "{text}"
    );
    assert_eq!(headings(&head_report(c, &a, Lang::En), 1).len(), 3);
}

#[test]
fn parts_cut_the_text_at_the_level_one_headings() {
    let c = Checklist::builtin();
    let doc = annual_report(c, &realistic_assessment(c), Lang::Zh);
    let parts = doc.parts("标题与开头");
    assert_eq!(parts.len(), 6);
    assert_eq!(parts[0].0, "标题与开头");
    assert!(parts[0].1.starts_with("X县青山镇人民政府关于2026年度"));
    assert!(parts[1]
        .1
        .starts_with("一、上一年度推进法治政府建设的主要举措和成效\n（一）强化措施，狠抓落实\n"));
    let joined: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(joined.join("\n\n"), doc.text());
}

#[test]
fn the_drafts_sent_to_the_app_are_the_drafts_part_by_part() {
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    for lang in [Lang::Zh, Lang::En] {
        let drafts = Drafts::of(c, &a, lang);
        let annual = annual_report(c, &a, lang);
        assert_eq!(drafts.annual.text, annual.text());
        assert_eq!(drafts.head.text, head_report(c, &a, lang).text());
        // The title and opening, then the five parts, each starting with its heading.
        assert_eq!(drafts.annual.parts.len(), 6, "{lang:?}");
        for (heading, body) in &drafts.annual.parts[1..] {
            assert!(body.starts_with(heading.as_str()), "{heading}");
        }
        // As the office module sends it and the app reads it.
        let json = serde_json::to_string(&drafts).unwrap();
        assert_eq!(canonical::parse::<Drafts>(&json).unwrap(), drafts);
    }
}
