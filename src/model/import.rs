//! Import: reads a report file of any provenance into an assessment. Every
//! way a file can be wrong yields its own zh/en message; nothing panics; a
//! digest mismatch is reported, never hidden.

use std::collections::HashSet;

use super::assessment::Assessment;
use super::assessment::{FollowUp, UnitInfo};
use super::canonical::{sha256_bytes_hex, Canonical};
use super::checklist::Checklist;
use super::report::{
    self, Generator, Integrity, Report, ReportAnswer, REPORT_FORMAT, REPORT_FORMAT_VERSION,
};
use super::scoring;
use super::scoring::Summary;
use super::text::Text;
use super::validation::{MAX_TEXT_CHARS, YEAR_RANGE};

/// Larger files are refused before they are read or parsed.
pub const MAX_REPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: u64,
    },
    Binary,
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated,
    TooDeep,
    NotAnObject,
    NotAReport,
    BadVersion,
    FutureVersion {
        version: u64,
    },
    OldVersion {
        version: u64,
    },
    Field {
        path: String,
        detail: String,
    },
    UnknownItem {
        id: String,
    },
    DuplicateItem {
        id: String,
    },
    ScoreOutOfRange {
        id: String,
        max: f64,
    },
    TextTooLong {
        path: String,
    },
    YearOutOfRange {
        year: i32,
    },
    UnknownChecklist {
        id: String,
        version: String,
    },
    /// The embedded definition is broken or is not the one the report names.
    BadEmbeddedChecklist {
        detail: String,
    },
}

impl ImportError {
    pub fn message(&self) -> Text {
        use ImportError::*;
        match self {
            Empty => Text::new("文件是空的，没有任何内容。", "The file is empty."),
            TooLarge { bytes } => Text::new(
                format!(
                    "文件过大（{:.1} MB），自查报告不会超过 {} MB，请确认选择了正确的文件。",
                    *bytes as f64 / 1048576.0,
                    MAX_REPORT_BYTES / 1048576
                ),
                format!(
                    "The file is too large ({:.1} MB); a report is never larger than {} MB. Check that you chose the right file.",
                    *bytes as f64 / 1048576.0,
                    MAX_REPORT_BYTES / 1048576
                ),
            ),
            Binary => Text::new(
                "这不是文本文件（可能是图片、压缩包或 Word 文档），请选择下载的 .json 自查报告。",
                "This is not a text file (perhaps an image, archive or Word document). Choose a downloaded .json report.",
            ),
            NotUtf8 => Text::new(
                "文件不是 UTF-8 编码（可能被其他软件以 GBK 等编码另存过），请使用本系统下载的原始文件。",
                "The file is not UTF-8 encoded (perhaps re-saved as GBK by another program). Use the original file downloaded from this app.",
            ),
            NotJson { line, column } => Text::new(
                format!("文件不是有效的 JSON 格式（第 {line} 行第 {column} 列附近出错），可能已损坏或被修改。"),
                format!("The file is not valid JSON (error near line {line}, column {column}); it may be damaged or edited."),
            ),
            Truncated => Text::new(
                "文件不完整（内容在中途结束），可能下载或复制时被截断。",
                "The file is incomplete (it ends part-way); it may have been cut off while downloading or copying.",
            ),
            TooDeep => Text::new(
                "文件结构嵌套过深，不是本系统生成的自查报告。",
                "The file is nested too deeply; it is not a report from this app.",
            ),
            NotAnObject => Text::new(
                "文件内容不是自查报告（最外层应为 JSON 对象）。",
                "The file is not a report (its top level must be a JSON object).",
            ),
            NotAReport => Text::new(
                format!("这不是法治政府建设第一责任人履职自查报告（缺少或不匹配 format 字段，应为 “{REPORT_FORMAT}”）。"),
                format!("This is not a self-assessment report (the format field is missing or is not \"{REPORT_FORMAT}\")."),
            ),
            BadVersion => Text::new(
                "报告的格式版本号（format_version）缺失或无效。",
                "The report's format_version is missing or invalid.",
            ),
            FutureVersion { version } => Text::new(
                format!("该报告使用较新的格式版本 {version}，本系统仅支持到版本 {REPORT_FORMAT_VERSION}。请更新到最新版本后再打开。"),
                format!("This report uses the newer format version {version}; this app reads up to version {REPORT_FORMAT_VERSION}. Update the app and try again."),
            ),
            OldVersion { version } => Text::new(
                format!("不支持的报告格式版本 {version}。"),
                format!("Unsupported report format version {version}."),
            ),
            Field { path, detail } => Text::new(
                format!("字段 “{path}” 的内容不符合报告格式：{detail}"),
                format!("Field \"{path}\" does not match the report format: {detail}"),
            ),
            UnknownItem { id } => Text::new(
                format!("报告中含有检查清单里不存在的事项 “{id}”。"),
                format!("The report answers an item \"{id}\" that the checklist does not have."),
            ),
            DuplicateItem { id } => Text::new(
                format!("报告中事项 “{id}” 出现了不止一次。"),
                format!("The report answers item \"{id}\" more than once."),
            ),
            ScoreOutOfRange { id, max } => Text::new(
                format!("事项 “{id}” 的得分超出范围（应在 0 至 {max} 分之间）。"),
                format!("The score of item \"{id}\" is out of range (0 to {max})."),
            ),
            TextTooLong { path } => Text::new(
                format!("字段 “{path}” 的文字过长（超过 {MAX_TEXT_CHARS} 字）。"),
                format!("Field \"{path}\" is too long (over {MAX_TEXT_CHARS} characters)."),
            ),
            YearOutOfRange { year } => Text::new(
                format!("自查年度 {year} 无效。"),
                format!("The year {year} is not valid."),
            ),
            UnknownChecklist { id, version } => Text::new(
                format!("报告依据的检查清单（{id}，版本 {version}）在本系统中不可用，报告中也未附带该清单。请先通过“使用自定义检查清单”载入该清单文件。"),
                format!("The report answers a checklist ({id}, version {version}) that is not available here and is not embedded in the report. Load that checklist file first (“Use a custom checklist”)."),
            ),
            BadEmbeddedChecklist { detail } => Text::new(
                format!("报告中附带的检查清单无效或与报告不符：{detail}"),
                format!("The checklist embedded in the report is invalid or does not match it: {detail}"),
            ),
        }
    }
}

/// What the digest check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigestCheck {
    /// The content matches its digest.
    Valid,
    /// 文件内容与数字指纹不符，可能已被修改.
    Mismatch { stated: String, computed: String },
    /// The report carries no `integrity` member.
    Missing,
}

/// Where the checklist a report answers came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecklistSource {
    /// `checklists[index]` of those given to [`import`].
    Given(usize),
    /// The definition embedded in the report (`report.checklist_definition`).
    Embedded,
}

/// What a report states besides what [`Imported::assessment`] holds (its
/// unit, year, answers and follow-ups).
#[derive(Clone, Debug, PartialEq)]
pub struct Stated {
    pub generator: Generator,
    pub summary: Summary,
    pub exported_at: String,
    pub checklist_definition: Option<Checklist>,
    pub integrity: Option<Integrity>,
}

impl Stated {
    /// The checklist the report answers; `given` are the checklists given to [`import`].
    pub fn checklist<'a>(
        &'a self,
        source: ChecklistSource,
        given: &[&'a Checklist],
    ) -> &'a Checklist {
        match (source, &self.checklist_definition) {
            (ChecklistSource::Given(i), _) => given[i],
            (ChecklistSource::Embedded, Some(def)) => def,
            (ChecklistSource::Embedded, None) => {
                unreachable!("an embedded source has a definition")
            }
        }
    }
}

/// A successfully read report.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The report's content as an assessment (as if filled here).
    pub assessment: Assessment,
    pub stated: Stated,
    pub digest: DigestCheck,
    /// False when the stated summary differs from the one computed from the answers.
    pub summary_matches: bool,
    /// The checklist the report answers (one of those given, or the one embedded in it).
    pub source: ChecklistSource,
}

impl Imported {
    /// True when the checklist came from the report itself.
    pub fn checklist_from_report(&self) -> bool {
        self.source == ChecklistSource::Embedded
    }

    /// The checklist the report answers; `given` are the checklists given to [`import`].
    pub fn checklist<'a>(&'a self, given: &[&'a Checklist]) -> &'a Checklist {
        self.stated.checklist(self.source, given)
    }
}

/// A report read and checked whose digest is still to be computed: the
/// reviewer desk hashes a batch of them at once with the browser's own
/// SHA-256 where it can, several times faster than hashing in WebAssembly.
#[derive(Debug)]
pub struct Unhashed {
    stated: Stated,
    assessment: Assessment,
    summary_matches: bool,
    source: ChecklistSource,
    /// The canonical report without its `integrity` member, when it has one.
    content: Option<String>,
}

impl Unhashed {
    /// The bytes the stated digest covers; `None` when the report states none.
    pub fn content(&self) -> Option<&[u8]> {
        self.content.as_deref().map(str::as_bytes)
    }

    /// Checks the stated digest against `computed`, the lowercase hex SHA-256
    /// of [`Unhashed::content`]; with `None` it is computed here.
    pub fn finish(self, computed: Option<String>) -> Imported {
        let digest = match (&self.stated.integrity, &self.content) {
            (Some(i), Some(content)) => {
                let computed = computed.unwrap_or_else(|| sha256_bytes_hex(content.as_bytes()));
                if i.digest == computed {
                    DigestCheck::Valid
                } else {
                    DigestCheck::Mismatch {
                        stated: i.digest.clone(),
                        computed,
                    }
                }
            }
            _ => DigestCheck::Missing,
        };
        Imported {
            assessment: self.assessment,
            stated: self.stated,
            digest,
            summary_matches: self.summary_matches,
            source: self.source,
        }
    }
}

/// Reads a report file. `checklists` are the definitions available to answer it.
pub fn import(bytes: &[u8], checklists: &[&Checklist]) -> Result<Imported, ImportError> {
    read_unhashed(bytes, checklists).map(|u| u.finish(None))
}

/// Reads and checks a report file, all but its digest: see [`Unhashed`].
pub fn read_unhashed(bytes: &[u8], checklists: &[&Checklist]) -> Result<Unhashed, ImportError> {
    if bytes.len() as u64 > MAX_REPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::NotUtf8);
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    // One pass checks the syntax (and the UTF-8 of every string) and gives
    // the canonical form, for the digest and for reading the report.
    let canonical = Canonical::of_json(bytes).map_err(|e| {
        if std::str::from_utf8(bytes).is_err() {
            ImportError::NotUtf8
        } else if e.to_string().contains("recursion limit") {
            ImportError::TooDeep
        } else if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    if !canonical.is_object() {
        return Err(ImportError::NotAnObject);
    }
    if canonical.member("format") != Some(format!("\"{REPORT_FORMAT}\"").as_str()) {
        return Err(ImportError::NotAReport);
    }
    let version = canonical
        .member("format_version")
        .and_then(|v| v.parse::<u64>().ok())
        .ok_or(ImportError::BadVersion)?;
    migrate(version)?;
    let report: Report = canonical.read().map_err(|e| ImportError::Field {
        path: e.path.unwrap_or_else(|| "(根)".into()),
        detail: e.message,
    })?;

    let source = match checklists
        .iter()
        .position(|c| c.id == report.checklist.id && c.version == report.checklist.version)
    {
        Some(i) => ChecklistSource::Given(i),
        None => match &report.checklist_definition {
            Some(def) => {
                if let Some(p) = def.problems().first() {
                    return Err(ImportError::BadEmbeddedChecklist {
                        detail: format!("{}: {}", p.path, p.message.zh),
                    });
                }
                if !def.answers_to(&report.checklist) {
                    return Err(ImportError::BadEmbeddedChecklist {
                        detail: "数字指纹不一致 (fingerprint differs)".into(),
                    });
                }
                ChecklistSource::Embedded
            }
            None => {
                return Err(ImportError::UnknownChecklist {
                    id: report.checklist.id.clone(),
                    version: report.checklist.version.clone(),
                })
            }
        },
    };
    let Report {
        format: _,
        format_version: _,
        generator,
        checklist: reference,
        unit,
        year,
        answers,
        summary,
        created_at,
        updated_at,
        exported_at,
        checklist_definition,
        follow_ups,
        integrity,
    } = report;
    let stated = Stated {
        generator,
        summary,
        exported_at,
        checklist_definition,
        integrity,
    };
    let checklist = stated.checklist(source, checklists);
    check_content(year, &unit, &answers, &follow_ups, checklist)?;

    // The answers are moved, not copied: for a thousand reports at the desk
    // copying every text was a third of the work.
    let embed_checklist = {
        let embedded = stated.checklist_definition.is_some();
        // By the fingerprint the report states: comparing whole
        // definitions for each of a thousand reports was measurable.
        let builtin = reference == *Checklist::builtin_reference();
        (embedded == builtin).then_some(embedded)
    };
    let assessment = Assessment {
        answers: report::answers_to_assessment(checklist, answers),
        checklist: reference,
        unit,
        year,
        created_at,
        updated_at,
        follow_ups,
        embed_checklist,
    };
    let summary_matches = scoring::summarize(checklist, &assessment) == stated.summary;
    let content = stated
        .integrity
        .is_some()
        .then(|| canonical.into_text_without("integrity"));
    Ok(Unhashed {
        stated,
        assessment,
        summary_matches,
        source,
        content,
    })
}

/// Brings an older report up to the current format version. Version 1 is the
/// first, so today this only refuses versions it does not know; a later
/// version converts older reports here, before they are read.
fn migrate(version: u64) -> Result<(), ImportError> {
    match version {
        v if v == u64::from(REPORT_FORMAT_VERSION) => Ok(()),
        v if v > u64::from(REPORT_FORMAT_VERSION) => Err(ImportError::FutureVersion { version: v }),
        v => Err(ImportError::OldVersion { version: v }),
    }
}

fn check_content(
    year: i32,
    unit: &UnitInfo,
    answers: &[ReportAnswer],
    follow_ups: &[FollowUp],
    checklist: &Checklist,
) -> Result<(), ImportError> {
    if !YEAR_RANGE.contains(&year) {
        return Err(ImportError::YearOutOfRange { year });
    }
    // The path is only written out for a text found too long: a thousand
    // reports have hundreds of thousands of texts.
    let long = |path: &dyn Fn() -> String, s: &str| {
        // A string no longer in bytes than the limit is within it in characters.
        if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
            Err(ImportError::TextTooLong { path: path() })
        } else {
            Ok(())
        }
    };
    let u = unit;
    for (name, v) in [
        ("name", &u.name),
        ("head_name", &u.head_name),
        ("head_title", &u.head_title),
        ("filled_by", &u.filled_by),
        ("phone", &u.phone),
    ] {
        long(&|| format!("unit.{name}"), v)?;
    }
    let mut seen = HashSet::new();
    for (i, a) in answers.iter().enumerate() {
        let item =
            checklist
                .item_hinted(i, &a.item_id)
                .ok_or_else(|| ImportError::UnknownItem {
                    id: a.item_id.clone(),
                })?;
        if !seen.insert(a.item_id.as_str()) {
            return Err(ImportError::DuplicateItem {
                id: a.item_id.clone(),
            });
        }
        if let Some(s) = a.score {
            if !(0.0..=item.points).contains(&s) {
                return Err(ImportError::ScoreOutOfRange {
                    id: a.item_id.clone(),
                    max: item.points,
                });
            }
        }
        let none = String::new();
        let r = a.rectification.as_ref();
        let (measure, owner, due) =
            r.map_or((&none, &none, &none), |r| (&r.measure, &r.owner, &r.due));
        for (name, v) in [
            ("notes", &a.notes),
            ("problem", &a.problem),
            ("na_reason", &a.na_reason),
            ("rectification.measure", measure),
            ("rectification.owner", owner),
            ("rectification.due", due),
        ] {
            long(&|| format!("answers[{i}].{name}"), v)?;
        }
    }
    for (i, f) in follow_ups.iter().enumerate() {
        for (name, v) in [
            ("duty", &f.duty),
            ("problem", &f.problem),
            ("note", &f.note),
            ("rectification.measure", &f.rectification.measure),
            ("rectification.owner", &f.rectification.owner),
            ("rectification.due", &f.rectification.due),
        ] {
            long(&|| format!("follow_ups[{i}].{name}"), v)?;
        }
    }
    Ok(())
}
