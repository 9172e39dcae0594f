//! Typed lexicons: speech cues (who said what). Plain TSV in `dictionaries/`, embedded, and
//! extensible with user files in the same format, like the gazetteer.

pub(crate) mod matcher;

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// What kind of statement a cue introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueType {
    /// Neutral speech act (表示, 说, 指出).
    Say,
    /// Opinion or cognition (认为, 相信, 预计).
    Believe,
    /// Denial (否认, 驳斥).
    Deny,
    /// Accusation or criticism (指责, 批评).
    Accuse,
    /// Warning or threat (警告).
    Warn,
    /// Appeal, demand, proposal (呼吁, 要求, 建议).
    Appeal,
    /// Promise (承诺).
    Promise,
    /// Media or second-hand report (报道, 援引).
    Report,
}

impl CueType {
    fn from_name(s: &str) -> Option<CueType> {
        Some(match s {
            "say" => CueType::Say,
            "believe" => CueType::Believe,
            "deny" => CueType::Deny,
            "accuse" => CueType::Accuse,
            "warn" => CueType::Warn,
            "appeal" => CueType::Appeal,
            "promise" => CueType::Promise,
            "report" => CueType::Report,
            _ => return None,
        })
    }
}

/// How a cue takes its speaker and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Frame {
    /// SPEAKER (+ time/place/occasion) CUE (，|：) CONTENT.
    SpeakerCue,
    /// SPEAKER CUE ADDRESSEE ，CONTENT (拜登警告普京，…).
    SpeakerCueAddressee,
    /// 据 SOURCE CUE ，CONTENT.
    AccordingTo,
    /// REPORTER CUE SPEAKER 的话 … CONTENT (路透社援引美国官员的话报道称).
    Relay,
    /// 在 SPEAKER 看来，CONTENT.
    Opinion,
}

impl Frame {
    fn from_name(s: &str) -> Option<Frame> {
        Some(match s {
            "speaker_cue" => Frame::SpeakerCue,
            "speaker_cue_addressee" => Frame::SpeakerCueAddressee,
            "according_to" => Frame::AccordingTo,
            "relay" => Frame::Relay,
            "opinion_frame" => Frame::Opinion,
            _ => return None,
        })
    }
}

/// The rows of a lexicon file: tab-separated, a header naming the columns, `#` comments. Each
/// row comes with its 1-based line number and has exactly as many fields as the header.
struct Table {
    source_name: String,
    columns: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn read(source_name: &str, mut reader: impl std::io::Read, required: &[&str]) -> Result<Table> {
        let content = crate::dictionary::read_utf8(source_name, &mut reader)?;
        let mut lines = content
            .strip_prefix('\u{feff}')
            .unwrap_or(&content)
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((hline, header)) = lines.next() else {
            return Ok(Table {
                source_name: source_name.to_string(),
                columns: Vec::new(),
                rows: Vec::new(),
            });
        };
        let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_string()).collect();
        if let Some(missing) = required.iter().find(|r| !columns.iter().any(|c| c == *r)) {
            return Err(Error::dictionary(
                source_name,
                hline + 1,
                format!("missing column {missing:?}"),
            ));
        }
        let mut rows = Vec::new();
        for (i, line) in lines {
            let fields: Vec<String> = line.split('\t').map(|f| f.trim().to_string()).collect();
            if fields.len() != columns.len() {
                return Err(Error::dictionary(
                    source_name,
                    i + 1,
                    format!("expected {} fields, found {}", columns.len(), fields.len()),
                ));
            }
            rows.push((i + 1, fields));
        }
        Ok(Table {
            source_name: source_name.to_string(),
            columns,
            rows,
        })
    }

    /// The field `name` of `row` (the column exists: `read` checked it).
    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.columns
            .iter()
            .position(|c| c == name)
            .map_or("", |i| row[i].as_str())
    }

    fn error(&self, line: usize, message: String) -> Error {
        Error::dictionary(&self.source_name, line, message)
    }

    fn yes_no(&self, line: usize, column: &str, value: &str) -> Result<bool> {
        match value {
            "yes" => Ok(true),
            "no" => Ok(false),
            v => Err(self.error(line, format!("{column} must be yes or no, not {v:?}"))),
        }
    }
}

/// One speech cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechCue {
    /// The cue text (simplified).
    pub cue: String,
    /// Statement type.
    pub kind: CueType,
    /// How it takes speaker and content.
    pub frame: Frame,
    /// Whether content may follow without ，or ：.
    pub bare: bool,
}

/// The speech-cue lexicon.
///
/// # Example
/// ```
/// use newsgraph::lexicon::SpeechCues;
/// let cues = SpeechCues::from_reader("c.tsv", "cue\ttype\tframe\tbare\tnote\n表示\tsay\tspeaker_cue\tyes\tsay\n".as_bytes())?;
/// assert_eq!(cues.len(), 1);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeechCues {
    cues: Vec<SpeechCue>,
}

static BUILTIN_CUES: LazyLock<SpeechCues> = LazyLock::new(|| {
    SpeechCues::from_reader(
        "builtin:speech_cues.tsv",
        include_str!("../dictionaries/speech_cues.tsv").as_bytes(),
    )
    .unwrap_or_else(|e| panic!("built-in speech cues are invalid: {e}"))
});

impl SpeechCues {
    /// The built-in cues.
    pub fn builtin() -> &'static SpeechCues {
        &BUILTIN_CUES
    }

    /// Parses a TSV with columns `cue`, `type`, `frame`, `bare` (and optional `note`).
    ///
    /// # Errors
    /// A missing column, an unknown type or frame, or a bad `bare` value, naming file and line.
    pub fn from_reader(source_name: &str, reader: impl std::io::Read) -> Result<SpeechCues> {
        let table = Table::read(source_name, reader, &["cue", "type", "frame", "bare"])?;
        let mut cues = Vec::new();
        for (line, row) in &table.rows {
            let (cue, ty, frame, bare) = (
                table.get(row, "cue"),
                table.get(row, "type"),
                table.get(row, "frame"),
                table.get(row, "bare"),
            );
            let kind = CueType::from_name(ty).ok_or_else(|| {
                table.error(*line, format!("unknown cue type {ty:?} (expected say, believe, deny, accuse, warn, appeal, promise, report)"))
            })?;
            let frame = Frame::from_name(frame).ok_or_else(|| {
                table.error(*line, format!("unknown frame {frame:?} (expected speaker_cue, speaker_cue_addressee, according_to, relay, opinion_frame)"))
            })?;
            let bare = table.yes_no(*line, "bare", bare)?;
            if cue.is_empty() {
                return Err(table.error(*line, "empty cue".to_string()));
            }
            cues.push(SpeechCue {
                cue: crate::script::to_simplified(cue),
                kind,
                frame,
                bare,
            });
        }
        Ok(SpeechCues { cues })
    }

    /// The compiled matcher over these cues.
    pub(crate) fn matcher(&self) -> matcher::LexiconMatcher<SpeechCue> {
        matcher::LexiconMatcher::new(self.cues.clone(), |c| vec![c.cue.clone()])
    }

    /// Adds another lexicon's cues; a cue with the same text and frame replaces the old one.
    pub fn merge(&mut self, other: SpeechCues) {
        for c in other.cues {
            self.cues
                .retain(|x| !(x.cue == c.cue && x.frame == c.frame));
            self.cues.push(c);
        }
    }

    /// Number of cues.
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    /// All cues.
    pub fn iter(&self) -> impl Iterator<Item = &SpeechCue> {
        self.cues.iter()
    }
}

/// How an interaction cue takes its two actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArgFrame {
    /// SOURCE CUE TARGET (X警告Y).
    Svo,
    /// SOURCE 与/同/和 TARGET … CUE (X与Y举行会谈).
    With,
    /// SOURCE 对/向/针对 TARGET CUE (X对Y实施制裁).
    Dui,
    /// Both `Svo` and `Dui` (制裁).
    SvoOrDui,
}

/// One interaction cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InteractionCue {
    /// The cue text (simplified).
    pub cue: String,
    /// CAMEO root code.
    pub cameo: crate::relation::Cameo,
    /// Event name (`warn`, `meet`).
    pub name: String,
    /// Mutual interaction.
    pub symmetric: bool,
    /// How it takes its actors.
    pub frame: ArgFrame,
}

/// The interaction lexicon (`dictionaries/interactions.tsv`).
///
/// # Example
/// ```
/// use newsgraph::lexicon::Interactions;
/// let i = Interactions::from_reader("i.tsv", "cue\tcameo\tname\tsymmetric\tframe\tnote\n警告\t13\twarn\tno\tsvo\t\n".as_bytes())?;
/// assert_eq!(i.len(), 1);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interactions {
    cues: Vec<InteractionCue>,
}

static BUILTIN_INTERACTIONS: LazyLock<Interactions> = LazyLock::new(|| {
    Interactions::from_reader(
        "builtin:interactions.tsv",
        include_str!("../dictionaries/interactions.tsv").as_bytes(),
    )
    .unwrap_or_else(|e| panic!("built-in interactions are invalid: {e}"))
});

impl Interactions {
    /// The built-in interaction cues.
    pub fn builtin() -> &'static Interactions {
        &BUILTIN_INTERACTIONS
    }

    /// Parses a TSV with columns `cue`, `cameo`, `name`, `symmetric`, `frame` (and optional `note`).
    ///
    /// # Errors
    /// A missing column, a bad CAMEO code, frame or yes/no value, naming file and line.
    pub fn from_reader(source_name: &str, reader: impl std::io::Read) -> Result<Interactions> {
        let table = Table::read(
            source_name,
            reader,
            &["cue", "cameo", "name", "symmetric", "frame"],
        )?;
        let mut cues = Vec::new();
        for (line, row) in &table.rows {
            let code = table.get(row, "cameo");
            let cameo = crate::relation::Cameo::from_code(code)
                .filter(|_| code.len() == 2)
                .ok_or_else(|| {
                    table.error(
                        *line,
                        format!("bad CAMEO root code {code:?} (expected 01 to 20)"),
                    )
                })?;
            let frame = match table.get(row, "frame") {
                "svo" => ArgFrame::Svo,
                "with" => ArgFrame::With,
                "dui" => ArgFrame::Dui,
                "svo_or_dui" => ArgFrame::SvoOrDui,
                x => {
                    return Err(table.error(
                        *line,
                        format!("unknown frame {x:?} (expected svo, with, dui, svo_or_dui)"),
                    ));
                }
            };
            let symmetric = table.yes_no(*line, "symmetric", table.get(row, "symmetric"))?;
            let cue = table.get(row, "cue");
            if cue.is_empty() {
                return Err(table.error(*line, "empty cue".to_string()));
            }
            cues.push(InteractionCue {
                cue: crate::script::to_simplified(cue),
                cameo,
                name: table.get(row, "name").to_string(),
                symmetric,
                frame,
            });
        }
        Ok(Interactions { cues })
    }

    /// The compiled matcher over these cues. Each cue also matches with 了 after its first or
    /// second character (通了电话, 举行了会谈), the most common insertion in news verbs.
    pub(crate) fn matcher(&self) -> matcher::LexiconMatcher<InteractionCue> {
        matcher::LexiconMatcher::new(self.cues.clone(), |c| {
            let chars: Vec<(usize, char)> = c.cue.char_indices().collect();
            let mut forms = vec![c.cue.clone()];
            if chars.len() >= 3 {
                for k in [1, 2] {
                    let at = chars[k].0;
                    forms.push(format!("{}了{}", &c.cue[..at], &c.cue[at..]));
                }
            }
            forms
        })
    }

    /// Adds another lexicon's cues; a cue with the same text and frame replaces the old one.
    pub fn merge(&mut self, other: Interactions) {
        for c in other.cues {
            self.cues
                .retain(|x| !(x.cue == c.cue && x.frame == c.frame));
            self.cues.push(c);
        }
    }

    /// Number of cues.
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    /// All cues.
    pub fn iter(&self) -> impl Iterator<Item = &InteractionCue> {
        self.cues.iter()
    }
}
