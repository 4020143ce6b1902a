//! Bilingual text: every user-facing string in the model and the checklist is
//! carried in both zh-CN (the default) and English.

use serde::{Deserialize, Serialize};

/// The two interface languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag used for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh" | "zh-CN" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A string in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to Chinese when the English is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.zh,
        }
    }
}

/// Paragraphs in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraphs {
    pub zh: Vec<String>,
    pub en: Vec<String>,
}

impl Paragraphs {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.zh,
        }
    }
}

/// A user's sentence as a clause of a longer one: trimmed, its closing
/// punctuation (。；，、.;, and the like) removed, so joining texts never
/// doubles punctuation (“按季度检查。，张伟”).
pub fn clause(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ',', '、', '：', ':'])
        .trim_end()
}

/// A text to be set inside “…”: its own double quotation marks become single
/// ones (“权力清单” → ‘权力清单’), as nested quotations are written in
/// Chinese and English alike.
pub fn nested_quotes(s: &str) -> String {
    s.replace('“', "‘").replace('”', "’")
}
