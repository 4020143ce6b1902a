//! The one catalog of interface strings, in zh-CN and English.

use crate::model::Lang;

/// Every interface string, named by what it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppName,
    LanguageSwitch,
    Introduction,
    Source,
    Guidance,
    Evidence,
    Points,
    Deduction,
    Items,
    Contents,
    OfflineNote,
}

impl Msg {
    pub fn pair(self) -> (&'static str, &'static str) {
        use Msg::*;
        match self {
            AppName => ("法治政府建设第一责任人履职自查", "Rule-of-law government: first-responsible-person self-assessment"),
            LanguageSwitch => ("English", "中文"),
            Introduction => ("说明", "Introduction"),
            Source => ("依据", "Source"),
            Guidance => ("落实标准", "What counts as done"),
            Evidence => ("佐证材料", "Evidence to keep"),
            Points => ("分值", "Points"),
            Deduction => ("扣分规则", "Deduction rule"),
            Items => ("项", "items"),
            Contents => ("目录", "Contents"),
            OfflineNote => (
                "本工具完全在浏览器中运行，不联网、不上传，填写内容只保存在本机。",
                "This tool runs entirely in your browser: nothing is uploaded; your answers stay on this computer.",
            ),
        }
    }

    pub fn tr(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
