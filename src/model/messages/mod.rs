//! The one message catalogue: every string the user reads that is not
//! checklist content, in zh-CN and English, for the interface, the model's
//! errors and findings, storage errors and CSV headers alike.
//!
//! Two kinds of entry, declared together below:
//! - [`Msg`]: fixed texts (`Msg::Back.tr(lang)` is a `&'static str`);
//! - [`Message`]: texts with typed placeholders. `{n}` in a template is the
//!   field `n` of its variant; a template naming a placeholder its variant
//!   lacks does not compile (a const assertion per entry). A [`Message`] is a value:
//!   the state stores it and renders it in whatever language is current.

use std::borrow::Cow;

use super::text::{Lang, Text};

/// A placeholder's value, kept typed until it is shown in one language.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Text(Text),
    Msg(Msg),
    Message(Box<Message>),
    Int(i64),
    Num(f64),
    Megabytes(Megabytes),
    Ordinal(Ordinal),
    Date(Date),
}

impl Value {
    fn show(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Value::Str(s) => Cow::Borrowed(s),
            Value::Text(t) => Cow::Borrowed(t.get(lang)),
            Value::Msg(m) => Cow::Borrowed(m.tr(lang)),
            Value::Message(m) => Cow::Owned(m.tr(lang)),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Num(x) => Cow::Owned(x.to_string()),
            Value::Megabytes(b) => Cow::Owned(format!("{:.1}", b.0 as f64 / 1048576.0)),
            Value::Ordinal(n) => match lang {
                Lang::Zh => Cow::Owned(super::annual::cn_ordinal(n.0)),
                Lang::En => Cow::Owned(n.0.to_string()),
            },
            Value::Date(d) => Cow::Owned(super::calendar::long_date(&d.0, lang)),
        }
    }
}

macro_rules! value_from {
    ($($t:ty => $v:ident $(as $cast:ty)?),* $(,)?) => {$(
        impl From<$t> for Value {
            fn from(x: $t) -> Value {
                Value::$v(x $(as $cast)?)
            }
        }
    )*};
}
value_from!(
    String => Str, Text => Text, Msg => Msg, Box<Message> => Message,
    usize => Int as i64, u32 => Int as i64, u64 => Int as i64, i32 => Int as i64,
    f64 => Num, Megabytes => Megabytes, Ordinal => Ordinal, Date => Date,
);

/// A size in bytes, shown in megabytes with one decimal (`50.0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Megabytes(pub u64);

/// 一, 二, 三 … in Chinese, 1, 2, 3 … in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ordinal(pub usize);

/// A YYYY-MM-DD date: 2027年6月30日 in Chinese, 30 June 2027 in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Date(pub String);

/// True when every `{name}` in `template` is one of `fields` and every
/// brace is closed: checked at compile time for each template below.
const fn placeholders_known(template: &str, fields: &[&str]) -> bool {
    let t = template.as_bytes();
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'}' {
            return false;
        }
        if t[i] == b'{' {
            let start = i + 1;
            let mut end = start;
            while end < t.len() && t[end] != b'}' {
                end += 1;
            }
            if end == t.len() || !one_of(t, start, end, fields) {
                return false;
            }
            i = end;
        }
        i += 1;
    }
    true
}

/// True when `t[start..end]` is one of `fields`.
const fn one_of(t: &[u8], start: usize, end: usize, fields: &[&str]) -> bool {
    let mut f = 0;
    while f < fields.len() {
        let name = fields[f].as_bytes();
        if name.len() == end - start {
            let mut k = 0;
            while k < name.len() && name[k] == t[start + k] {
                k += 1;
            }
            if k == name.len() {
                return true;
            }
        }
        f += 1;
    }
    false
}

/// Fills a template's placeholders (checked by [`placeholders_known`]):
/// `{name}` is the value at `name`'s position in `fields`.
fn fill(template: &str, fields: &[&str], args: &[Value], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        if let Some(v) = fields
            .iter()
            .position(|f| *f == name)
            .and_then(|i| args.get(i))
        {
            out.push_str(&v.show(lang));
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

macro_rules! catalog {
    (
        fixed { $($name:ident => ($zh:expr, $en:expr),)* }
        with_args { $($aname:ident { $($arg:ident : $ty:ty),* } => ($azh:literal, $aen:literal),)* }
    ) => {
        /// A fixed text, named by what it is for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            /// Every fixed message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($zh, $en),)* }
            }
        }

        /// Which message with placeholders a [`Message::With`] is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($aname,)* }

        /// Both templates and the field names of each [`Key`], in its order.
        const ENTRIES: &[(&str, &str, &[&str])] = &[$(($azh, $aen, &[$(stringify!($arg)),*]),)*];

        /// One struct per message with placeholders: its fields are the
        /// placeholders, typed (`m::IssuesIntro { n: 3 }.into()`).
        pub mod m {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[derive(Clone, Debug, PartialEq)]
                pub struct $aname { $(pub $arg: $ty),* }

                impl From<$aname> for Message {
                    fn from(v: $aname) -> Message {
                        Message::With(Key::$aname, vec![$(v.$arg.into()),*])
                    }
                }

                impl $aname {
                    /// The message in `lang`, its placeholders filled.
                    pub fn tr(self, lang: Lang) -> String {
                        Message::from(self).tr(lang)
                    }
                }
            )*
        }

        // A template naming a placeholder its variant lacks does not compile.
        $(const _: () = assert!(
            placeholders_known($azh, &[$(stringify!($arg)),*])
                && placeholders_known($aen, &[$(stringify!($arg)),*]),
            concat!("unknown placeholder in ", stringify!($aname))
        );)*

        impl Message {
            /// Both templates of every message with placeholders, for the completeness test.
            pub const TEMPLATES: &'static [(&'static str, &'static str)] = &[$(($azh, $aen),)*];
        }
    };
}

/// The county Justice Bureau's catalogue ([`bureau`]): the same entries'
/// syntax, but each message is rendered in both languages when it is made,
/// so the main catalogue's [`Message`] carries it without knowing its table.
macro_rules! rendered_catalog {
    (
        fixed { $($name:ident => ($zh:expr, $en:expr),)* }
        with_args { $($aname:ident { $($arg:ident : $ty:ty),* } => ($azh:literal, $aen:literal),)* }
    ) => {
        /// A fixed text of the bureau's tools.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            /// Every fixed message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($zh, $en),)* }
            }

            pub fn tr(self, lang: Lang) -> &'static str {
                let (zh, en) = self.pair();
                match lang {
                    Lang::Zh => zh,
                    Lang::En => en,
                }
            }

            fn both(self) -> Text {
                let (zh, en) = self.pair();
                Text::new(zh, en)
            }
        }

        impl From<Msg> for Message {
            fn from(m: Msg) -> Message {
                Message::Both(Box::new(m.both()))
            }
        }

        impl From<Msg> for Value {
            fn from(m: Msg) -> Value {
                Value::Text(m.both())
            }
        }

        /// One struct per message with placeholders, as in the main catalogue.
        pub mod m {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[derive(Clone, Debug, PartialEq)]
                pub struct $aname { $(pub $arg: $ty),* }

                impl $aname {
                    const FIELDS: &'static [&'static str] = &[$(stringify!($arg)),*];

                    fn values(self) -> Vec<Value> {
                        vec![$(self.$arg.into()),*]
                    }

                    /// The message in `lang`, its placeholders filled.
                    pub fn tr(self, lang: Lang) -> String {
                        let template = match lang {
                            Lang::Zh => $azh,
                            Lang::En => $aen,
                        };
                        fill(template, Self::FIELDS, &self.values(), lang)
                    }
                }

                impl From<$aname> for Message {
                    fn from(v: $aname) -> Message {
                        let values = v.values();
                        Message::Both(Box::new(Text::new(
                            fill($azh, $aname::FIELDS, &values, Lang::Zh),
                            fill($aen, $aname::FIELDS, &values, Lang::En),
                        )))
                    }
                }
            )*
        }

        // A template naming a placeholder its struct lacks does not compile.
        $(const _: () = assert!(
            placeholders_known($azh, &[$(stringify!($arg)),*])
                && placeholders_known($aen, &[$(stringify!($arg)),*]),
            concat!("unknown placeholder in ", stringify!($aname))
        );)*

        /// Both templates of every message with placeholders, for the completeness test.
        pub const TEMPLATES: &[(&str, &str)] = &[$(($azh, $aen),)*];
    };
}

pub mod bureau;
pub mod documents;

/// A fixed text of either catalogue, where the bureau's code mixes them
/// (column headers, a chart's axes). Only the bureau's code uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    App(Msg),
    Bureau(bureau::Msg),
}

impl Label {
    pub fn tr(self, lang: Lang) -> &'static str {
        match self {
            Label::App(m) => m.tr(lang),
            Label::Bureau(m) => m.tr(lang),
        }
    }
}

impl From<Msg> for Label {
    fn from(m: Msg) -> Label {
        Label::App(m)
    }
}

impl From<bureau::Msg> for Label {
    fn from(m: bureau::Msg) -> Label {
        Label::Bureau(m)
    }
}

/// A text to show: a fixed one, or one with its placeholders' values
/// (made from a struct in [`m`]). Stored compactly, as a key and a list of
/// values, so the catalogue's code does not grow with each message. A
/// message of the bureau's catalogue arrives rendered in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Fixed(Msg),
    With(Key, Vec<Value>),
    Both(Box<Text>),
}

impl Message {
    /// The message in `lang`, its placeholders filled.
    pub fn tr(&self, lang: Lang) -> String {
        match self {
            Message::Fixed(m) => m.tr(lang).to_string(),
            Message::Both(t) => t.get(lang).to_string(),
            Message::With(key, args) => {
                let (zh, en, fields) = ENTRIES[*key as usize];
                let template = match lang {
                    Lang::Zh => zh,
                    Lang::En => en,
                };
                fill(template, fields, args, lang)
            }
        }
    }
}

impl Msg {
    pub fn tr(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl From<Msg> for Message {
    fn from(m: Msg) -> Message {
        Message::Fixed(m)
    }
}

catalog! {
fixed {    AppName => ("法治政府建设第一责任人履职自查", "Rule-of-law government: self-assessment of the person with primary responsibility"),
    LanguageSwitch => ("English", "中文"),
    SkipToContent => ("跳到正文", "Skip to content"),
    OfflineNote => ("本工具完全在浏览器中运行，不联网、不上传，填写内容只保存在本机。",
                    "This tool runs entirely in your browser: nothing is uploaded; your answers stay on this computer."),
    StartIntro => ("对照讲话和《党政主要负责人履行推进法治建设第一责任人职责规定》，逐项自查本单位第一责任人履职情况，填写情况说明、佐证材料和整改措施，生成自查报告。",
                   "Check, duty by duty, how the unit's head performs as the person with primary responsibility for rule-of-law government; record notes, evidence and rectification plans; produce the self-assessment report."),
    NewAssessment => ("新建自查", "New assessment"),
    NewHint => ("先填写单位基本信息，再逐部分作答。填写内容自动保存，可随时关闭页面，下次继续。",
                "Enter the unit's information first, then answer section by section. Everything is saved automatically; close the page at any time and continue later."),
    StartAssessment => ("开始自查", "Start"),
    SavedDrafts => ("继续填写", "Continue a saved draft"),
    NoDrafts => ("本机还没有保存的自查草稿。", "There are no saved drafts on this computer yet."),
    LastSaved => ("最后保存", "Last saved"),
    Actions => ("操作", "Actions"),
    Continue => ("继续填写", "Continue"),
    Duplicate => ("复制", "Duplicate"),
    Delete => ("删除", "Delete"),
    Cancel => ("取消", "Cancel"),
    Unnamed => ("（未填写单位名称）", "(no unit name)"),
    CopySuffix => ("（副本）", " (copy)"),
    OpenReport => ("打开自查报告文件", "Open a report file"),
    OpenReportHint => ("打开以前下载的自查报告（.json 文件），作为草稿继续填写或查看。",
                       "Open a report you downloaded earlier (a .json file) to view it or continue as a draft."),
    ChooseReport => ("选择报告文件…", "Choose a report file…"),
    DigestMismatch => ("文件内容与数字指纹不符，可能已被修改。已作为草稿打开，请核对内容。",
                       "The file's content does not match its fingerprint: it may have been modified. It was opened as a draft; check its content."),
    ChecklistText => ("检查清单全文", "The checklist"),
    BrowseHint => ("查看全部检查事项、落实标准和依据。", "Read every item, what counts as done, and where it comes from."),
    Browse => ("查看检查清单", "View the checklist"),
    Back => ("返回", "Back"),
    BackToStart => ("返回首页", "Home"),
    Introduction => ("说明", "Introduction"),
    Contents => ("目录", "Contents"),
    Items => ("项", "items"),
    Sections => ("自查步骤", "Steps"),
    UnitInfo => ("单位基本信息", "Unit information"),
    UnitName => ("单位名称", "Unit name"),
    UnitType => ("单位类型", "Type of unit"),
    HeadName => ("第一责任人姓名", "Name of the person responsible"),
    HeadTitle => ("第一责任人职务", "Title of the person responsible"),
    FilledBy => ("填报人", "Filled in by"),
    Phone => ("联系电话", "Telephone"),
    Year => ("自查年度", "Year"),
    Progress => ("完成度", "Completion"),
    Completed => ("已完成", "Complete"),
    Score => ("得分", "Score"),
    Max => ("满分", "Maximum"),
    Rate => ("得分率", "Rate"),
    Grade => ("等级", "Grade"),
    Points => ("分值", "Points"),
    PointsUnit => ("分", "points"),
    Previous => ("上一步", "Previous"),
    Next => ("下一步", "Next"),
    Finish => ("检查并完成", "Check and finish"),
    Summary => ("自查结果", "Results"),
    GuidanceToggle => ("落实标准与佐证材料", "What counts as done, and evidence to keep"),
    Guidance => ("落实标准", "What counts as done"),
    EvidenceHint => ("应留存的佐证材料", "Evidence to keep"),
    Deduction => ("扣分规则", "Deduction rule"),
    Source => ("依据", "Source"),
    Colon => ("：", ": "),
    ColOwner => ("责任人", "Responsible"),
    ColDue => ("完成时限", "Deadline"),
    Result => ("自查结果", "Answer"),
    KeyHint => ("（可按数字键 1–4 选择）", " (keys 1–4)"),
    Notes => ("情况说明", "Notes"),
    NaReason => ("不适用理由", "Why it does not apply"),
    Problem => ("存在问题", "Problem"),
    Rectification => ("整改措施", "Rectification"),
    Measure => ("措施", "Measure"),
    Owner => ("责任人", "Responsible person"),
    Due => ("完成时限", "Deadline"),
    Evidence => ("佐证材料", "Evidence"),
    EvidenceTitle => ("材料名称", "Title"),
    DocNumber => ("文号", "Document number"),
    EvidenceDate => ("日期", "Date"),
    AddEvidence => ("添加材料", "Add a document"),
    PickFile => ("选择本机文件…", "Pick a file…"),
    Hashing => ("正在计算文件指纹…", "Computing the file's fingerprint…"),
    FilePrivacy => ("选择文件时只记录文件名、大小和 SHA-256 指纹，文件内容不会被保存或上传。",
                    "For a picked file only its name, size and SHA-256 fingerprint are recorded; its content is never stored or uploaded."),
    Remove => ("删除", "Remove"),
    AutoSaved => ("已自动保存", "Saved automatically at"),
    SaveFailedShort => ("未能保存", "Not saved"),
    DownloadDraft => ("下载草稿", "Download draft"),
    DownloadReport => ("下载自查报告（JSON）", "Download the report (JSON)"),
    WantNumber => ("数字", "a number"),
    WantText => ("文字", "text"),
    WantBool => ("true或false", "true or false"),
    WantList => ("列表", "a list"),
    WantObject => ("一组字段", "an object"),
    WantOther => ("另一类型的值", "a value of another kind"),
    FoundNull => ("空值（null）", "null"),
    FoundList => ("列表", "a list"),
    FoundObject => ("一组字段", "an object"),
    FoundOther => ("其他值", "another value"),
    Conflict => ("此草稿已在另一个窗口或标签页中打开。为避免互相覆盖，本窗口已暂停自动保存；另一窗口关闭后，本窗口将自动恢复保存。",
                 "This draft is open in another window or tab. To avoid overwriting each other, saving is paused in this one; it resumes by itself once the other window is closed."),
    ConflictBoth => ("另一窗口已关闭，但两个窗口都修改过此草稿。请选择保留哪一份；选择之前，本窗口的修改不会保存。",
                     "The other window was closed, but both windows changed this draft. Choose which version to keep; until then, this window's changes are not saved."),
    SavePaused => ("自动保存已暂停", "Saving paused"),
    SavePausedHint => ("本窗口的修改目前不会保存：此草稿正在另一窗口中编辑。", "Changes in this window are not being saved: the draft is being edited in another window."),
    SaveChoiceHint => ("本窗口的修改目前不会保存：请先选择保留哪一份。", "Changes in this window are not being saved: choose which version to keep first."),
    SaveHere => ("改在本窗口保存", "Save from this window"),
    SavingResumed => ("另一窗口已关闭，本窗口已恢复自动保存。", "The other window was closed; saving has resumed in this window."),
    SavingResumedTheirs => ("另一窗口已关闭。已载入它最后保存的内容，本窗口已恢复自动保存。",
                            "The other window was closed. Its last saved version was loaded, and saving has resumed in this window."),
    SavingResumedMerged => ("另一窗口已关闭。两个窗口修改的是不同内容，已合并在一起，本窗口已恢复自动保存。",
                            "The other window was closed. The two windows changed different things, which were merged; saving has resumed in this window."),
    OpenedElsewhere => ("此草稿在另一个窗口或标签页中也已打开；那边已暂停保存，以本窗口为准继续自动保存。",
                        "This draft was also opened in another window or tab; saving is paused there and continues in this window."),
    LoadOther => ("载入另一窗口最后保存的内容", "Load what the other window saved last"),
    KeepMine => ("以本窗口内容为准继续保存", "Keep this window's version and save it"),
    AllComplete => ("全部事项已填写完整，可以查看自查结果并下载报告。", "Every item is complete. See the results and download the report."),
    SeeSummary => ("查看自查结果", "See the results"),
    SectionScores => ("各部分得分", "Scores by section"),
    Section => ("方面", "Section"),
    Unanswered => ("未作答", "Unanswered"),
    Total => ("合计", "Total"),
    NaNote => ("“不适用”的事项不计入满分，总分按适用事项折算为百分制。",
               "Items answered “Not applicable” leave the maximum; the total is scaled to 100 over the applicable items."),
    PrintPreview => ("打印预览", "Print preview"),
    PrintButton => ("打印 / 另存为 PDF", "Print / save as PDF"),
    PrintHint => ("打印时请选择 A4 纸张；如需电子版，在打印对话框中选择“另存为 PDF”。", "Choose A4 paper; to get a PDF, choose “Save as PDF” in the print dialog."),
    FingerprintLabel => ("数字指纹", "Fingerprint"),
    Fingerprint => ("数字指纹（SHA-256）", "Fingerprint (SHA-256)"),
    HeadLabel => ("第一责任人", "Person with primary responsibility"),
    ChecklistUsed => ("检查清单", "Checklist"),
    BasicInfo => ("基本情况", "Basic information"),
    ScoreSummary => ("自查得分情况", "Scores"),
    ItemDetails => ("逐项自查情况", "Item by item"),
    RectList => ("整改措施清单", "Rectifications"),
    NoRect => ("无需整改的事项。", "Nothing needs rectification."),
    SerialNo => ("序号", "No."),
    CheckItem => ("检查事项", "Item"),
    NotesAndEvidence => ("情况说明及佐证材料", "Notes and evidence"),
    ProblemsAndRect => ("存在问题及整改措施", "Problems and rectification"),
    QrLabel => ("数字指纹二维码", "QR code of the fingerprint"),
    SealLine => ("单位（盖章）：", "Unit (seal): "),
    SignLine => ("第一责任人（签字）：", "Person with primary responsibility (signature): "),
    Copy => ("复制", "Copy"),
    Copied => ("已复制", "Copied"),
    Dismiss => ("知道了", "Dismiss"),
    CustomChecklists => ("使用自定义检查清单", "Use a custom checklist"),
    CustomHint => ("县司法局可以把本县年度法治政府建设工作要点制作成检查清单文件（格式见说明文档），在这里载入后即可用于新建自查。",
                   "A county can turn its annual work plan into a checklist file (see the format document); load it here to use it for new assessments."),
    LoadChecklist => ("载入检查清单文件…", "Load a checklist file…"),
    ChecklistInvalid => ("检查清单文件有以下问题，未载入：", "The checklist file has these problems and was not loaded:"),
    ConfirmRemoveChecklist => ("确定删除此检查清单吗？", "Delete this checklist?"),
    ChooseChecklist => ("检查清单", "Checklist"),
    NoCustom => ("尚未载入自定义检查清单。", "No custom checklist loaded yet."),
    Desk => ("汇总审阅", "Reviewer desk"),
    EmbedChecklist => ("在报告中附带检查清单定义（审阅人无需另行载入清单文件）", "Include the checklist definition in the report (the reviewer needs no separate file)"),
    OpenDesk => ("进入汇总审阅", "Open the reviewer desk"),
    DeskHint => ("供县司法局使用：一次选择或拖入各单位报送的自查报告文件，核验数字指纹，汇总比较各单位和各事项的落实情况，跟踪整改。文件只在本机浏览器中处理，不会上传。",
                 "For the county Justice Bureau: select or drop the units' report files, verify their fingerprints, compare units and duties, and track rectifications. Files are processed in this browser only, never uploaded."),
    FingerprintShort => ("指纹", "Fingerprint"),
    VersionLabel => ("版本", "Version"),
    Replace => ("替换", "Replace"),
    KeepBoth => ("两份都保留", "Keep both"),
    CarryForward => ("以上年度报告为基础开始", "Start from last year's report"),
    CarryHint => ("选择上一年度下载的自查报告：单位信息将自动带入，上年度的整改措施会列出，便于逐项说明落实情况。",
                  "Choose last year's downloaded report: the unit information is copied and last year's rectifications are listed so you can report on each."),
    DropHint => ("也可以把文件拖到这里。", "You can also drop the file here."),
    FollowUps => ("上年度整改落实情况", "Last year's rectifications"),
    FollowUpsHint => ("以下是上年度自查报告中的整改措施，请逐项选择落实情况并作简要说明。",
                      "These rectifications were promised in last year's report; say how far each has come."),
    FollowUpState => ("落实情况", "Progress"),
    FollowUpNote => ("说明", "Note"),
    LastYearMeasure => ("上年度整改措施", "Promised measure"),
    ListSeparator => ("；", "; "),
    StorageDisabled => ("浏览器禁用了本地存储（可能处于无痕/隐私模式）", "The browser has disabled local storage (private mode?)"),
    StorageFull => ("浏览器存储空间已满", "The browser's storage is full"),
    StorageRefused => ("浏览器拒绝保存（存储可能已被禁用）", "The browser refused to save (storage may be disabled)"),
    ChecklistStoreRefused => ("浏览器拒绝保存检查清单（存储空间已满或被禁用）", "The browser refused to store the checklist (storage full or disabled)"),
    // Answers, unit types and follow-up states (the model's labels).
    StatusDone => ("已落实", "Done"),
    StatusPartial => ("部分落实", "Partly done"),
    StatusNotDone => ("未落实", "Not done"),
    StatusNotApplicable => ("不适用", "Not applicable"),
    UnitTypeTownship => ("乡镇（街道）", "Township or subdistrict"),
    UnitTypeCountyDepartment => ("县直部门", "County department"),
    UnitTypeOther => ("其他", "Other"),
    FollowUpCompleted => ("已完成", "Completed"),
    FollowUpInProgress => ("推进中", "In progress"),
    FollowUpNotStarted => ("未启动", "Not started"),
    // Validation findings.
    UnitNameRequired => ("请填写单位名称", "Unit name is required"),
    HeadNameRequired => ("请填写第一责任人姓名", "Name of the person responsible is required"),
    HeadTitleRequired => ("请填写第一责任人职务", "Title of the person responsible is required"),
    PhoneInvalid => ("联系电话格式不正确", "The telephone number is not valid"),
    NotAnswered => ("尚未作答：请选择已落实、部分落实、未落实或不适用", "Not answered: choose Done, Partly done, Not done or Not applicable"),
    NaReasonRequired => ("选择“不适用”须说明理由", "Say why the item does not apply"),
    ProblemRequired => ("请填写存在问题", "Enter the problem"),
    MeasureRequired => ("请填写整改措施", "Enter the rectification measure"),
    OwnerRequired => ("请填写整改责任人", "Enter who is responsible for the rectification"),
    DueRequired => ("请填写整改完成时限", "Enter the rectification deadline"),
    DueInvalid => ("完成时限应为有效日期（年-月-日），或选择“长期坚持”“立行立改”", "The deadline must be a valid date, “Ongoing” or “Immediately”"),
    // Why a report file cannot be imported.
    ImportEmpty => ("文件是空的，没有任何内容。", "The file is empty."),
    ImportBinary => ("这不是文本文件（可能是图片、压缩包或 Word 文档），请选择下载的 .json 自查报告。",
                     "This is not a text file (perhaps an image, archive or Word document). Choose a downloaded .json report."),
    ImportNotUtf8 => ("文件不是 UTF-8 编码（可能被其他软件以 GBK 等编码另存过），请使用本系统下载的原始文件。",
                      "The file is not UTF-8 encoded (perhaps re-saved as GBK by another program). Use the original file downloaded from this app."),
    ImportTruncated => ("文件不完整（内容在中途结束），可能下载或复制时被截断。",
                        "The file is incomplete (it ends part-way); it may have been cut off while downloading or copying."),
    ImportTooDeep => ("文件结构嵌套过深，不是本系统生成的自查报告。", "The file is nested too deeply; it is not a report from this app."),
    ImportNotAnObject => ("文件内容不是自查报告（最外层应为 JSON 对象）。", "The file is not a report (its top level must be a JSON object)."),
    ImportBadVersion => ("报告的格式版本号（format_version）缺失或无效。", "The report's format_version is missing or invalid."),
    // The reviewer desk's reasons and fingerprint labels.
    // Problems of a checklist definition.
    ChecklistIdMissing => ("缺少检查清单编号（id）", "The checklist id is missing"),
    ChecklistVersionMissing => ("缺少检查清单版本（version）", "The checklist version is missing"),
    ChecklistTitleMissing => ("缺少检查清单的中文标题", "The Chinese title is missing"),
    ChecklistTotalPoints => ("total_points 须为大于0的数", "total_points must be a positive number"),
    ChecklistNoGradeBands => ("至少需要一个等级", "At least one grade band is required"),
    // The desk's CSV headers.
    // The reviewer desk's own module.
    ToolsLoading => ("正在载入县司法局工具…", "Loading the county Justice Bureau's tools…"),
    CountyTools => ("县司法局工具：检查清单", "County Justice Bureau: checklists"),
    CountyToolsHint => ("供县司法局使用：把本县考核细则表格（Excel、WPS 或 CSV）制作成检查清单，预览后保留；下载表格模板；为保留的清单生成本县分发版（内置该清单的单文件），分发给各单位。",
                        "For the county Justice Bureau: turn the county's assessment table (Excel, WPS or CSV) into a checklist, preview it and keep it; download the table template; make the county edition (the single file with that checklist built in) to hand out to units."),
    OpenCountyTools => ("进入县司法局工具", "Open the county's checklist tools"),
    WordReport => ("下载自查报告（Word）", "Download the report (Word)"),
    WordAnnual => ("下载年度报告草稿（Word）", "Download the annual-report draft (Word)"),
    WordHead => ("下载述法草稿（Word）", "Download the year-end report draft (Word)"),
    WordMaking => ("正在生成 Word 文档…", "Making the Word document…"),
    // Issue 19 (a clerk's first full run): deadlines, the evidence warning, the print, English.
    DueByDate => ("指定日期", "A date"),
    DueOngoing => ("长期坚持", "Ongoing"),
    DueImmediate => ("立行立改", "Immediately"),
    EvidenceLacking => ("选择了“已落实”，但未填写情况说明，也未列明佐证材料", "answered “Done” with no notes and no evidence"),
    OnePoint => ("1分", "1 point"),
    ReportSubject => ("法治政府建设第一责任人履职情况自查报告", "Self-assessment of the person with primary responsibility for rule-of-law government"),
    BrandShort => ("法治政府建设第一责任人履职自查", "Rule-of-law self-assessment"),
    NotesEvidenceRect => ("情况说明、佐证材料及整改措施", "Notes, evidence and rectification"),
    Comma => ("，", ", "),
    QuoteInChinese => ("（原文）", "(Chinese original)"),
    // Issue 15: the annual-report and 述法 drafts, checklist statements, Word and Excel.
    DraftsHeading => ("年度报告和述法草稿", "Drafts: annual report and year-end report"),
    DraftsHint => ("根据自查内容生成年度法治政府建设情况报告和第一责任人述法报告的草稿，按公文格式组织；【请补充：……】处须由本单位填写。复制到文件中后，请结合实际修改完善。",
                   "Drafts of the annual report and the first responsible person's year-end report, built from this assessment in the form of an official report; fill in every [To fill in: …] and adapt the text before use."),
    AnnualDraft => ("年度法治政府建设情况报告（草稿）", "Annual report on building rule-of-law government (draft)"),
    HeadDraft => ("第一责任人述法报告（草稿）", "Year-end rule-of-law report of the person with primary responsibility (draft)"),
    CopyAll => ("复制全文", "Copy all"),
    DraftsWrite => ("生成年度报告草稿和述法草稿", "Write the annual report and year-end report drafts"),
    DraftsWriting => ("正在生成草稿…", "Writing the drafts…"),
    DraftPreamble => ("标题与开头", "Title and opening"),
    WbRejected => ("未采用", "Not accepted"),
    WbFlagged => ("需关注", "Needs attention"),
    // Issue 17: the section chart, the reviewer desk's resubmission rule, verdicts and dashboard.
    SectionRates => ("各部分得分率", "Score rate by section"),
    EnumSeparator => ("、", ", "),
    StatedFingerprint => ("文件所载数字指纹", "fingerprint stated"),
    StatedFingerprintMismatch => ("为报告文件所载的数字指纹，与文件内容不符", "the fingerprint the file states; it does not match the file's content"),
    // Issue 16: score steps, checklists from tables, the county edition.
    TableMetaRequired => ("须填写（在工作表“清单信息”中或在本页填写）", "required (in the sheet “清单信息” or on this page)"),
    EditionNoSlot => ("所用的单文件版没有内置检查清单的位置（可能不是本系统生成的单文件版），无法生成分发版。", "The single file used has no place for a built-in checklist (it may not be this app's single-file edition), so no county edition can be made."),
}
with_args {
    ConfirmDelete { name: String } => ("确定删除“{name}”的自查草稿吗？删除后无法恢复。", "Delete the draft of “{name}”? This cannot be undone."),
    SaveFailed { reason: Msg } => ("自动保存失败：{reason}。请立即下载草稿文件保存到本机，以免丢失填写内容。",
                   "Autosave failed: {reason}. Download the draft as a file now so nothing is lost."),
    IssuesIntro { n: usize } => ("还有 {n} 处需要补充或修改，点击可直接跳转：", "{n} places still need attention; choose one to go there:"),
    ItemNo { n: usize } => ("第{n}项", "Item {n}:"),
    TotalDetail { score: f64, max: f64 } => ("适用事项得分 {score} / {max}，折算为百分制", "{score} of {max} applicable points, scaled to 100"),
    TotalSentence { score: f64, max: f64, total: f64, grade: Text } => ("经自查，本单位适用事项得分{score}分（满分{max}分），折算为百分制{total}分，自评等次为“{grade}”。",
                      "The unit scored {score} of {max} applicable points, {total} on a 100-point scale: “{grade}”."),
    MissingChecklist { id: String, version: String } => ("无法打开：此草稿依据的检查清单（{id}，版本 {version}）在本机不可用。请先通过“使用自定义检查清单”重新载入该清单文件。",
                         "Cannot open: the checklist this draft answers ({id}, version {version}) is not available here. Load that checklist file again (“Use a custom checklist”)."),
    ChecklistLoaded { title: Text, version: String, n: usize } => ("已载入检查清单“{title}”（版本 {version}，{n}项）。新建自查时可以选择它。",
                        "Loaded the checklist “{title}” (version {version}, {n} items). Choose it when starting a new assessment."),
    ChecklistAlready { title: Text, version: String } => ("检查清单“{title}”（版本 {version}）已经载入过，无需重复载入。", "The checklist “{title}” (version {version}) is already loaded."),
    ChecklistStored { title: Text, version: String } => ("报告附带了检查清单“{title}”（版本 {version}），已一并载入。", "The report carried its checklist “{title}” (version {version}); it has been loaded too."),
    ChecklistInUse { n: usize } => ("有{n}份草稿使用此清单，删除后这些草稿将无法打开（重新载入清单文件即可恢复）。确定删除吗？",
                       "{n} drafts use this checklist; they cannot be opened without it (loading the file again restores them). Delete it?"),
    ItemsCount { n: usize } => ("{n}项", "{n} items"),
    ChecklistProblem { problem: Box<Message>, path: String } => ("· {problem}（{path}）", "· {problem} ({path})"),
    // Data (a duty, a name) standing where a message may stand, e.g. in a joined list.
    ReportTitle { unit: String, year: i32 } => ("{unit}{year}年度法治政府建设第一责任人履职情况自查报告",
        "{unit}: self-assessment of the person with primary responsibility for rule-of-law government, {year}"),
    DocHeading { n: Ordinal, title: Value } => ("{n}、{title}", "{n}. {title}"),
    ReportsCount { n: usize } => ("{n}份", "{n} reports"),
    FileUnreadable { name: String, detail: String } => ("无法读取文件“{name}”：{detail}。请确认文件仍在原位置且未被其他程序占用，然后重新选择。",
                        "Could not read the file “{name}”: {detail}. Check that it is still where it was and not locked by another program, then choose it again."),
    SameDraftExists { unit: String, year: i32 } => ("本机已有“{unit}”{year}年度的自查草稿。要用打开的文件替换它，还是两份都保留？",
                        "This computer already has a draft for “{unit}”, {year}. Replace it with the file, or keep both?"),
    // Validation findings.
    TooLong { n: usize, max: usize } => ("内容过长（{n}字），请控制在{max}字以内", "Too long ({n} characters); keep it within {max}"),
    YearRange { min: i32, max: i32 } => ("自查年度应在{min}至{max}之间", "The year must be between {min} and {max}"),
    ScoreRange { max: f64, counted: f64 } => ("自评得分应在0至{max}分之间；此分值不计入得分，暂按默认得分{counted}分计", "The self-score must be between 0 and {max}; it is not counted, the default {counted} counts instead"),
    EvidenceNoTitle { n: usize } => ("第{n}项佐证材料缺少名称", "Evidence {n} has no title"),
    EvidenceBadDate { n: usize } => ("第{n}项佐证材料的日期无效", "Evidence {n} has an invalid date"),
    EvidenceBadFile { n: usize } => ("第{n}项佐证材料的文件指纹无效", "Evidence {n} has an invalid file fingerprint"),
    FollowUpStatusRequired { n: usize } => ("请选择上年度第{n}项整改措施的落实情况", "Choose how far last year's rectification {n} has come"),
    // Why a report file cannot be imported.
    ImportUnreadable { detail: String } => ("无法读取文件（{detail}），请确认文件仍在原位置且未被其他程序占用，然后重新选择。",
                        "The file could not be read ({detail}). Check that it is still where it was and not locked by another program, then choose it again."),
    ImportTooLarge { size: Megabytes, limit: u64 } => ("文件过大（{size} MB），自查报告不会超过 {limit} MB，请确认选择了正确的文件。",
                        "The file is too large ({size} MB); a report is never larger than {limit} MB. Check that you chose the right file."),
    ImportNotJson { line: usize, column: usize } => ("文件不是有效的 JSON 格式（第 {line} 行第 {column} 列附近出错），可能已损坏或被修改。",
                        "The file is not valid JSON (error near line {line}, column {column}); it may be damaged or edited."),
    ImportNotAReport { expected: String } => ("这不是法治政府建设第一责任人履职自查报告（缺少或不匹配 format 字段，应为 “{expected}”）。",
                        "This is not a self-assessment report (the format field is missing or is not \"{expected}\")."),
    ImportFutureVersion { version: u64, supported: u32 } => ("该报告使用较新的格式版本 {version}，本系统仅支持到版本 {supported}。请更新到最新版本后再打开。",
                        "This report uses the newer format version {version}; this app reads up to version {supported}. Update the app and try again."),
    ImportOldVersion { version: u64 } => ("不支持的报告格式版本 {version}。", "Unsupported report format version {version}."),
    ImportField { path: String, detail: String } => ("字段 “{path}” 的内容不符合报告格式：{detail}", "Field \"{path}\" does not match the report format: {detail}"),
    ImportFieldKind { field: Text, wanted: Msg, found: Text } => ("不符合报告格式：{field}应为{wanted}，实为{found}。", "Does not match the report format: {field} should be {wanted}, but is {found}."),
    ImportFieldValue { field: Text, found: Text } => ("不符合报告格式：{field}的值{found}超出允许的范围。", "Does not match the report format: the value {found} of {field} is out of range."),
    ImportFieldMissing { field: Text } => ("不符合报告格式：缺少{field}。", "Does not match the report format: {field} is missing."),
    ImportFieldUnknown { field: Text } => ("不符合报告格式：{field}不是本格式的字段。", "Does not match the report format: {field} is not part of this format."),
    ImportFieldVariant { field: Text, found: String, allowed: String } => ("不符合报告格式：{field}的值“{found}”无法识别，应为以下之一：{allowed}。",
        "Does not match the report format: {field} is “{found}”, which is not one of: {allowed}."),
    ImportUnknownItem { id: String } => ("报告中含有检查清单里不存在的事项 “{id}”。", "The report answers an item \"{id}\" that the checklist does not have."),
    ImportDuplicateItem { id: String } => ("报告中事项 “{id}” 出现了不止一次。", "The report answers item \"{id}\" more than once."),
    ImportScoreOutOfRange { id: String, max: f64 } => ("事项 “{id}” 的得分超出范围（应在 0 至 {max} 分之间）。", "The score of item \"{id}\" is out of range (0 to {max})."),
    ImportTextTooLong { path: String, max: usize } => ("字段 “{path}” 的文字过长（超过 {max} 字）。", "Field \"{path}\" is too long (over {max} characters)."),
    ImportYearOutOfRange { year: i32 } => ("自查年度 {year} 无效。", "The year {year} is not valid."),
    ImportUnknownChecklist { id: String, version: String } => ("报告依据的检查清单（{id}，版本 {version}）在本系统中不可用，报告中也未附带该清单。请先通过“使用自定义检查清单”载入该清单文件。",
                        "The report answers a checklist ({id}, version {version}) that is not available here and is not embedded in the report. Load that checklist file first (“Use a custom checklist”)."),
    ImportBadEmbeddedChecklist { detail: String } => ("报告中附带的检查清单无效或与报告不符：{detail}", "The checklist embedded in the report is invalid or does not match it: {detail}"),
    // The reviewer desk.
    NameWithTitle { name: String, title: String } => ("{name}（{title}）", "{name} ({title})"),
    // Problems of a checklist definition.
    ChecklistNotAnObject { start: String } => ("检查清单文件应为 JSON 对象（以 {start} 开头）", "A checklist file must be a JSON object (starting with {start})"),
    ChecklistMalformed { detail: String } => ("检查清单文件格式错误：{detail}", "The checklist file is malformed: {detail}"),
    ChecklistWrongFormat { expected: String } => ("format 应为 “{expected}”", "format must be \"{expected}\""),
    ChecklistWrongVersion { version: u32 } => ("不支持的检查清单格式版本 {version}", "Unsupported checklist format version {version}"),
    GradeNoLabel { n: usize } => ("第{n}个等级缺少中文名称", "Grade band {n} has no Chinese label"),
    GradeMinRange { n: usize } => ("第{n}个等级的最低分应在0至100之间", "Grade band {n} must start between 0 and 100"),
    PartNoId { n: usize } => ("第{n}部分缺少编号（id）", "Part {n} has no id"),
    PartNoTitle { id: String } => ("部分 “{id}” 缺少中文标题", "Part \"{id}\" has no Chinese title"),
    ChecklistDuplicateId { id: String } => ("编号 “{id}” 重复", "Duplicate id \"{id}\""),
    SectionNoId { part: usize, n: usize } => ("第{part}部分第{n}个方面缺少编号（id）", "Section {n} of part {part} has no id"),
    SectionNoTitle { id: String } => ("方面 “{id}” 缺少中文标题", "Section \"{id}\" has no Chinese title"),
    SectionNoItems { id: String } => ("方面 “{id}” 没有检查事项", "Section \"{id}\" has no items"),
    ItemNoId { n: usize } => ("第{n}项检查事项缺少编号（id）", "Item {n} has no id"),
    ChecklistDuplicateItemId { id: String } => ("检查事项编号 “{id}” 重复", "Duplicate item id \"{id}\""),
    ItemNoChinese { id: String } => ("检查事项 “{id}” 缺少中文表述", "Item \"{id}\" has no Chinese text"),
    ToolsUnavailable { detail: String } => ("县司法局工具（汇总审阅、检查清单工具）未能载入（{detail}）。首次打开需要连接到部署本工具的服务器，或使用单文件版；自查填写、下载和打印不受影响。",
        "The county Justice Bureau's tools (reviewer desk, checklist tools) could not be loaded ({detail}). The first time, they need the server this tool is hosted on, or use the single-file edition; filling in, downloading and printing are not affected."),
    PointsSum { declared: f64, total: f64 } => ("各检查事项分值合计应为{declared}分，实际为{total}分", "Item points must sum to {declared}; they sum to {total}"),
    // Issue 19 (a clerk's first full run): deadlines, the evidence warning, the print, English.
    EvidenceWarning { n: usize } => ("有{n}项选择了“已落实”，但既未填写情况说明，也未列明佐证材料。审阅时通常需要说明落实情况并提供佐证，建议逐项补充（不补充也可以完成自查）：",
        "{n} items are answered “Done” with neither notes nor evidence. Reviewers usually ask how a duty was carried out and what shows it; consider adding them (you can finish without):"),
    Points { n: f64 } => ("{n}分", "{n} points"),
    Parenthesized { text: String } => ("（{text}）", " ({text})"),
    SelfScoreLabel { max: f64, default: f64 } => ("自评得分（0–{max}，默认{default}）", "Self-score (0–{max}, default {default})"),
    ReportUnitYear { unit: String, year: i32 } => ("{unit}{year}年度", "{unit}, {year}"),
    TitleWithVersion { title: Text, version: String } => ("{title}（{version}）", "{title} (version {version})"),
    Labelled { label: Msg, value: String } => ("{label}：{value}", "{label}: {value}"),
    // Issue 15: the annual-report and 述法 drafts, checklist statements, Word and Excel.
    StatementNoChinese { id: String } => ("检查事项 “{id}” 的陈述表述（statement）缺少中文", "Item \"{id}\" has a statement without Chinese text"),
    StatementIsQuestion { id: String } => ("检查事项 “{id}” 的陈述表述（statement）应为陈述句，不应含“是否”或问号", "Item \"{id}\" has a statement phrased as a question (是否 or a question mark)"),
    EvidenceTitle { title: String } => ("《{title}》", "“{title}”"),
    DateOnly { date: Date } => ("{date}", "{date}"),
    SummaryUnfinished { n: usize } => ("自查尚未完成：还有{n}项未作答或未填写完整。未作答事项按0分计，自评得分有误的按默认得分计，以上得分和等级仅供参考；请在“检查并完成”中逐项补齐后再报送。",
                                       "The self-assessment is not finished: {n} items are unanswered or incomplete. Unanswered items score 0 and a self-score that breaks the rule counts as the default, so the score and grade above are provisional; complete them under Check and finish before submitting."),
    DraftsFailed { detail: String } => ("生成草稿失败：{detail}。自查内容未受影响，可稍后重试。", "The drafts could not be written: {detail}. The assessment is unchanged; try again later."),
    OfficeFailed { detail: String } => ("生成文件失败：{detail}。草稿未受影响，仍可下载JSON报告或打印。", "The file could not be made: {detail}. The draft is unchanged; the JSON report and the print still work."),
    DocxReportName { unit: String, year: i32 } => ("{year}年{unit}法治政府建设第一责任人履职自查报告", "{year} {unit} self-assessment report"),
    DocxAnnualName { unit: String, year: i32 } => ("{year}年度{unit}法治政府建设情况报告（草稿）", "{year} {unit} annual rule-of-law report (draft)"),
    DocxHeadName { unit: String, year: i32 } => ("{year}年度{unit}第一责任人述法报告（草稿）", "{year} {unit} year-end rule-of-law report (draft)"),
    XlsxDeskName { date: String } => ("汇总审阅{date}", "reviewer-desk-{date}"),
    // Issue 17: the section chart, the reviewer desk's resubmission rule, verdicts and dashboard.
    GradeFrom { grade: Text, min: f64 } => ("{grade}{min}分", "{grade} {min}"),
    ChartThresholds { list: String } => ("虚线为等次分界：{list}。", "Dashed lines mark the grade thresholds: {list}."),
    ItemPoints { id: String, step: f64 } => ("检查事项 “{id}” 的分值须为大于0的{step}的整数倍", "Item \"{id}\" points must be a positive multiple of {step}"),
    // Issue 16: score steps, checklists from tables, the county edition.
    ChecklistScoreStep { max: f64 } => ("score_step（评分步长）须为大于0、不超过{max}的0.01的整数倍，如0.1或0.5", "score_step must be a positive multiple of 0.01 no larger than {max}, e.g. 0.1 or 0.5"),
    ScoreStep { step: f64, counted: f64 } => ("自评得分应为{step}分的整数倍；此分值不计入得分，暂按默认得分{counted}分计", "The self-score must be a multiple of {step}; it is not counted, the default {counted} counts instead"),
    ImportScoreStep { stated: f64, step: f64 } => ("报告记载的评分步长（{stated}）与其检查清单的评分步长（{step}）不一致。", "The report states a score step ({stated}) other than its checklist's ({step})."),
    EditionIntroOnly { issuer: String, title: String, version: String, n: usize } => ("本工具由{issuer}分发，内置检查清单《{title}》（版本 {version}，共{n}项），新建自查即使用该清单。", "Handed out by {issuer}, with the checklist “{title}” (version {version}, {n} items) built in: new assessments use it."),
    EditionIntroDefault { issuer: String, title: String, version: String, n: usize } => ("本工具由{issuer}分发，内置检查清单《{title}》（版本 {version}，共{n}项），新建自查时默认使用该清单。", "Handed out by {issuer}, with the checklist “{title}” (version {version}, {n} items) built in: new assessments use it unless you choose another."),
    EditionInvalid { detail: String } => ("本分发版内置的检查清单无法读取（{detail}），已按普通单文件版打开。请向分发单位索取新的文件。", "The checklist built into this edition cannot be read ({detail}); the app opened as the ordinary single file. Ask whoever handed it out for a new file."),
    EditionTitle { title: String, issuer: String } => ("{title}（{issuer}分发版）", "{title} ({issuer} edition)"),}
}
