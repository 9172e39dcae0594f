//! Typed lexicons: speech cues (who said what). Plain TSV in `dictionaries/`, embedded, and
//! extensible with user files in the same format, like the gazetteer.

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
    pub fn from_reader(source_name: &str, mut reader: impl std::io::Read) -> Result<SpeechCues> {
        let mut content = String::new();
        reader.read_to_string(&mut content).map_err(|e| {
            Error::dictionary(source_name, 0, format!("cannot read as UTF-8 text: {e}"))
        })?;
        let mut lines = content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((hline, header)) = lines.next() else {
            return Ok(SpeechCues::default());
        };
        let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
        let col = |name: &str| {
            cols.iter().position(|c| *c == name).ok_or_else(|| {
                Error::dictionary(source_name, hline + 1, format!("missing column {name:?}"))
            })
        };
        let (ci, ti, fi, bi) = (col("cue")?, col("type")?, col("frame")?, col("bare")?);
        let mut cues = Vec::new();
        for (i, line) in lines {
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let err = |m: String| Error::dictionary(source_name, i + 1, m);
            if f.len() != cols.len() {
                return Err(err(format!(
                    "expected {} fields, found {}",
                    cols.len(),
                    f.len()
                )));
            }
            let kind = CueType::from_name(f[ti]).ok_or_else(|| {
                err(format!("unknown cue type {:?} (expected say, believe, deny, accuse, warn, appeal, promise, report)", f[ti]))
            })?;
            let frame = Frame::from_name(f[fi]).ok_or_else(|| {
                err(format!("unknown frame {:?} (expected speaker_cue, speaker_cue_addressee, according_to, relay, opinion_frame)", f[fi]))
            })?;
            let bare = match f[bi] {
                "yes" => true,
                "no" => false,
                b => return Err(err(format!("bare must be yes or no, not {b:?}"))),
            };
            if f[ci].is_empty() {
                return Err(err("empty cue".to_string()));
            }
            cues.push(SpeechCue {
                cue: crate::script::to_simplified(f[ci]),
                kind,
                frame,
                bare,
            });
        }
        Ok(SpeechCues { cues })
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
    pub fn from_reader(source_name: &str, mut reader: impl std::io::Read) -> Result<Interactions> {
        let mut content = String::new();
        reader.read_to_string(&mut content).map_err(|e| {
            Error::dictionary(source_name, 0, format!("cannot read as UTF-8 text: {e}"))
        })?;
        let mut lines = content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((hline, header)) = lines.next() else {
            return Ok(Interactions::default());
        };
        let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
        let col = |name: &str| {
            cols.iter().position(|c| *c == name).ok_or_else(|| {
                Error::dictionary(source_name, hline + 1, format!("missing column {name:?}"))
            })
        };
        let (ci, ki, ni, si, fi) = (
            col("cue")?,
            col("cameo")?,
            col("name")?,
            col("symmetric")?,
            col("frame")?,
        );
        let mut cues = Vec::new();
        for (i, line) in lines {
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let err = |m: String| Error::dictionary(source_name, i + 1, m);
            if f.len() != cols.len() {
                return Err(err(format!(
                    "expected {} fields, found {}",
                    cols.len(),
                    f.len()
                )));
            }
            let cameo = crate::relation::Cameo::from_code(f[ki])
                .filter(|_| f[ki].len() == 2)
                .ok_or_else(|| {
                    err(format!(
                        "bad CAMEO root code {:?} (expected 01 to 20)",
                        f[ki]
                    ))
                })?;
            let frame = match f[fi] {
                "svo" => ArgFrame::Svo,
                "with" => ArgFrame::With,
                "dui" => ArgFrame::Dui,
                "svo_or_dui" => ArgFrame::SvoOrDui,
                x => {
                    return Err(err(format!(
                        "unknown frame {x:?} (expected svo, with, dui, svo_or_dui)"
                    )));
                }
            };
            let symmetric = match f[si] {
                "yes" => true,
                "no" => false,
                x => return Err(err(format!("symmetric must be yes or no, not {x:?}"))),
            };
            if f[ci].is_empty() {
                return Err(err("empty cue".to_string()));
            }
            cues.push(InteractionCue {
                cue: crate::script::to_simplified(f[ci]),
                cameo,
                name: f[ni].to_string(),
                symmetric,
                frame,
            });
        }
        Ok(Interactions { cues })
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
