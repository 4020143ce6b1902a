//! Import: reads a report file of any provenance into an assessment. Every
//! way a file can be wrong yields its own zh/en message; nothing panics; a
//! digest mismatch is reported, never hidden.

use std::collections::HashSet;

use super::assessment::Assessment;
use super::assessment::{FollowUp, UnitInfo};
use super::canonical::{sha256_bytes_hex, Canonical, Found, Problem, ReadError, Wanted};
use super::checklist::Checklist;
use super::field_names::field_label;
use super::messages::{m, Megabytes, Message, Msg};
use super::report::{
    self, Generator, Integrity, Report, ReportAnswer, REPORT_FORMAT, REPORT_FORMAT_VERSION,
};
use super::scoring;
use super::scoring::Summary;
use super::text::{Lang, Text};
use super::validation::{MAX_TEXT_CHARS, YEAR_RANGE};

/// Larger files are refused before they are read or parsed.
pub const MAX_REPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The file could not be read at all (the browser's reason in `detail`).
    Unreadable {
        detail: String,
    },
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
    /// A value that does not fit the format: where (`answers[3].score`;
    /// the member's own path when it is missing or unknown) and what.
    Field {
        path: String,
        problem: Problem,
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
    /// The score step the report states is not its checklist's.
    ScoreStep {
        stated: f64,
        step: f64,
    },
}

impl ImportError {
    pub fn message(&self) -> Message {
        use ImportError::*;
        match self.clone() {
            Unreadable { detail } => m::ImportUnreadable { detail }.into(),
            Empty => Msg::ImportEmpty.into(),
            TooLarge { bytes } => m::ImportTooLarge {
                size: Megabytes(bytes),
                limit: MAX_REPORT_BYTES / 1048576,
            }
            .into(),
            Binary => Msg::ImportBinary.into(),
            NotUtf8 => Msg::ImportNotUtf8.into(),
            NotJson { line, column } => m::ImportNotJson { line, column }.into(),
            Truncated => Msg::ImportTruncated.into(),
            TooDeep => Msg::ImportTooDeep.into(),
            NotAnObject => Msg::ImportNotAnObject.into(),
            NotAReport => m::ImportNotAReport {
                expected: REPORT_FORMAT.into(),
            }
            .into(),
            BadVersion => Msg::ImportBadVersion.into(),
            FutureVersion { version } => m::ImportFutureVersion {
                version,
                supported: REPORT_FORMAT_VERSION,
            }
            .into(),
            OldVersion { version } => m::ImportOldVersion { version }.into(),
            Field { path, problem } => field_message(&path, problem),
            UnknownItem { id } => m::ImportUnknownItem { id }.into(),
            DuplicateItem { id } => m::ImportDuplicateItem { id }.into(),
            ScoreOutOfRange { id, max } => m::ImportScoreOutOfRange { id, max }.into(),
            TextTooLong { path } => m::ImportTextTooLong {
                path,
                max: MAX_TEXT_CHARS,
            }
            .into(),
            YearOutOfRange { year } => m::ImportYearOutOfRange { year }.into(),
            UnknownChecklist { id, version } => m::ImportUnknownChecklist { id, version }.into(),
            BadEmbeddedChecklist { detail } => m::ImportBadEmbeddedChecklist { detail }.into(),
            ScoreStep { stated, step } => m::ImportScoreStep { stated, step }.into(),
        }
    }
}

/// The report's typed error as an import error: a missing or unknown
/// member is named by its own path, not its object's.
fn field_error(e: ReadError) -> ImportError {
    let within = |name: &str| match &e.path {
        Some(p) => format!("{p}.{name}"),
        None => name.to_string(),
    };
    let path = match &e.problem {
        Problem::Missing(name) | Problem::Unknown(name) => within(name),
        _ => e.path.clone().unwrap_or_default(),
    };
    ImportError::Field {
        path,
        problem: e.problem,
    }
}

/// A wrong value quoted as the file has it (long texts cut).
fn quoted(found: &Found) -> Text {
    let same = |s: &str| Text::new(s, s);
    match found {
        Found::Text(s) => {
            let mut cut: String = s.chars().take(40).collect();
            if cut.len() < s.len() {
                cut.push('…');
            }
            Text::new(format!("“{cut}”"), format!("“{cut}”"))
        }
        Found::Number(n) => same(n),
        Found::Bool(b) => same(if *b { "true" } else { "false" }),
        Found::Null => both(Msg::FoundNull),
        Found::List => both(Msg::FoundList),
        Found::Object => both(Msg::FoundObject),
        Found::Other => both(Msg::FoundOther),
    }
}

fn both(m: Msg) -> Text {
    Text::new(m.tr(Lang::Zh), m.tr(Lang::En))
}

/// What a field error says: which field (in words, and its path) and what
/// it expected — never the reader's own English.
fn field_message(path: &str, problem: Problem) -> Message {
    let field = field_label(if path.is_empty() { "(root)" } else { path });
    match problem {
        Problem::Kind { wanted, found } => m::ImportFieldKind {
            field,
            wanted: match wanted {
                Wanted::Number => Msg::WantNumber,
                Wanted::Text => Msg::WantText,
                Wanted::Bool => Msg::WantBool,
                Wanted::List => Msg::WantList,
                Wanted::Object => Msg::WantObject,
                Wanted::Other => Msg::WantOther,
            },
            found: quoted(&found),
        }
        .into(),
        Problem::Value { found } => m::ImportFieldValue {
            field,
            found: quoted(&found),
        }
        .into(),
        Problem::Missing(_) => m::ImportFieldMissing { field }.into(),
        Problem::Unknown(_) => m::ImportFieldUnknown { field }.into(),
        Problem::Variant { found, allowed } => m::ImportFieldVariant {
            field,
            found,
            allowed: allowed.join(", "),
        }
        .into(),
        Problem::Other(detail) => m::ImportField {
            path: path.to_string(),
            detail,
        }
        .into(),
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
    let report: Report = canonical.read().map_err(field_error)?;

    let r = &report.checklist;
    let source = match checklists
        .iter()
        .position(|c| c.id == r.id && (c.version == r.version || c.supersedes(r)))
    {
        Some(i) => ChecklistSource::Given(i),
        None => match &report.checklist_definition {
            Some(def) => {
                if let Some(p) = def.problems().first() {
                    return Err(ImportError::BadEmbeddedChecklist {
                        detail: format!("{}: {}", p.path, p.message.tr(Lang::Zh)),
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
        score_step,
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
    // Absent means 0.5, the step of every report written before steps existed.
    let step = checklist.step().points();
    if let Some(stated) = score_step.filter(|s| *s != step) {
        return Err(ImportError::ScoreStep { stated, step });
    }
    if score_step.is_none() && checklist.score_rule().is_some_and(|s| s.points() != 0.5) {
        return Err(ImportError::ScoreStep { stated: 0.5, step });
    }
    check_content(year, &unit, &answers, &follow_ups, checklist)?;

    // The answers are moved, not copied: for a thousand reports at the desk
    // copying every text was a third of the work.
    let embed_checklist = {
        let embedded = stated.checklist_definition.is_some();
        // By the fingerprint the report states: comparing whole
        // definitions for each of a thousand reports was measurable.
        let builtin = Checklist::is_builtin_reference(&reference);
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
