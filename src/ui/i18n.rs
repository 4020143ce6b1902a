//! The one catalog of interface strings, in zh-CN and English. Checklist
//! content carries its own two languages; everything else the user reads is here.

use crate::model::Lang;

macro_rules! catalog {
    ($($name:ident => ($zh:expr, $en:expr),)*) => {
        /// Every interface string, named by what it is for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            /// Every message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($zh, $en),)* }
            }
        }
    };
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

catalog! {
    AppName => ("法治政府建设第一责任人履职自查", "Rule-of-law government: self-assessment of the person with primary responsibility"),
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
    ConfirmDelete => ("确定删除“{name}”的自查草稿吗？删除后无法恢复。", "Delete the draft of “{name}”? This cannot be undone."),
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
    Result => ("自查结果", "Answer"),
    KeyHint => ("（可按数字键 1–4 选择）", " (keys 1–4)"),
    SelfScore => ("自评得分", "Self-score"),
    DefaultScore => ("默认", "default"),
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
    SaveFailed => ("自动保存失败：{reason}。请立即下载草稿文件保存到本机，以免丢失填写内容。",
                   "Autosave failed: {reason}. Download the draft as a file now so nothing is lost."),
    DownloadDraft => ("下载草稿", "Download draft"),
    DownloadReport => ("下载自查报告（JSON）", "Download the report (JSON)"),
    Conflict => ("此草稿已在另一个窗口或标签页中打开。为避免互相覆盖，本窗口已暂停自动保存。",
                 "This draft is open in another window or tab. To avoid overwriting each other, saving is paused in this one."),
    LoadOther => ("载入另一窗口的最新内容", "Load the other window's latest version"),
    KeepMine => ("以本窗口内容为准继续保存", "Keep this window's version and save it"),
    AllComplete => ("全部事项已填写完整，可以查看自查结果并下载报告。", "Every item is complete. See the results and download the report."),
    IssuesIntro => ("还有 {n} 处需要补充或修改，点击可直接跳转：", "{n} places still need attention; choose one to go there:"),
    ItemNo => ("第{n}项", "Item {n}:"),
    SeeSummary => ("查看自查结果", "See the results"),
    SectionScores => ("各部分得分", "Scores by section"),
    Section => ("部分", "Section"),
    Unanswered => ("未作答", "Unanswered"),
    Total => ("合计", "Total"),
    TotalDetail => ("适用事项得分 {score} / {max}，折算为百分制", "{score} of {max} applicable points, scaled to 100"),
    NaNote => ("“不适用”的事项不计入满分，总分按适用事项折算为百分制。",
               "Items answered “Not applicable” leave the maximum; the total is scaled to 100 over the applicable items."),
}
