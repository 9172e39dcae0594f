//! Actor–actor relations coded with CAMEO root codes and a modality.
//!
//! Types here are the output contract (DESIGN.md): `source`, `target`, `cameo`, `type`,
//! `modality`, `cue`, `evidence`. Extraction (a private stage) lives in `relation/extract.rs`.

mod extract;

use crate::entity::EntityId;
use crate::span::Span;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use extract::{InteractionMatcher, extract};

/// A CAMEO root code (01–20).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Cameo {
    /// 01 make public statement.
    Statement,
    /// 02 appeal.
    Appeal,
    /// 03 express intent to cooperate.
    IntendCooperate,
    /// 04 consult / meet.
    Consult,
    /// 05 engage in diplomatic cooperation / support.
    DiplomaticCooperation,
    /// 06 engage in material cooperation.
    MaterialCooperation,
    /// 07 provide aid.
    ProvideAid,
    /// 08 yield.
    Yield,
    /// 09 investigate.
    Investigate,
    /// 10 demand.
    Demand,
    /// 11 disapprove / accuse.
    Disapprove,
    /// 12 reject / deny.
    Reject,
    /// 13 threaten.
    Threaten,
    /// 14 protest.
    Protest,
    /// 15 exhibit force posture.
    ForcePosture,
    /// 16 reduce relations / sanction.
    ReduceRelations,
    /// 17 coerce.
    Coerce,
    /// 18 assault.
    Assault,
    /// 19 fight.
    Fight,
    /// 20 unconventional mass violence.
    MassViolence,
}

const CAMEO_TABLE: [(Cameo, &str, &str); 20] = [
    (Cameo::Statement, "01", "make public statement"),
    (Cameo::Appeal, "02", "appeal"),
    (Cameo::IntendCooperate, "03", "express intent to cooperate"),
    (Cameo::Consult, "04", "consult"),
    (
        Cameo::DiplomaticCooperation,
        "05",
        "engage in diplomatic cooperation",
    ),
    (
        Cameo::MaterialCooperation,
        "06",
        "engage in material cooperation",
    ),
    (Cameo::ProvideAid, "07", "provide aid"),
    (Cameo::Yield, "08", "yield"),
    (Cameo::Investigate, "09", "investigate"),
    (Cameo::Demand, "10", "demand"),
    (Cameo::Disapprove, "11", "disapprove"),
    (Cameo::Reject, "12", "reject"),
    (Cameo::Threaten, "13", "threaten"),
    (Cameo::Protest, "14", "protest"),
    (Cameo::ForcePosture, "15", "exhibit force posture"),
    (Cameo::ReduceRelations, "16", "reduce relations"),
    (Cameo::Coerce, "17", "coerce"),
    (Cameo::Assault, "18", "assault"),
    (Cameo::Fight, "19", "fight"),
    (
        Cameo::MassViolence,
        "20",
        "use unconventional mass violence",
    ),
];

impl Cameo {
    /// The two-digit code, e.g. `"13"`.
    ///
    /// # Example
    /// ```
    /// use newsgraph::relation::Cameo;
    /// assert_eq!(Cameo::Threaten.code(), "13");
    /// assert_eq!(Cameo::from_code("04"), Some(Cameo::Consult));
    /// ```
    pub fn code(self) -> &'static str {
        CAMEO_TABLE[self as usize].1
    }

    /// The CAMEO name of the root (`"threaten"`).
    pub fn name(self) -> &'static str {
        CAMEO_TABLE[self as usize].2
    }

    /// Parses a root code; a longer CAMEO code (`"138"`) gives its root.
    pub fn from_code(code: &str) -> Option<Cameo> {
        let root = code.get(..2)?;
        CAMEO_TABLE
            .iter()
            .find(|(_, c, _)| *c == root)
            .map(|(k, _, _)| *k)
    }

    /// GDELT's QuadClass: 1 verbal cooperation (01–05), 2 material cooperation (06–08),
    /// 3 verbal conflict (09–13), 4 material conflict (14–20).
    pub fn quad_class(self) -> u8 {
        match self as usize + 1 {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        }
    }
}

impl Serialize for Cameo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Cameo {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cameo, D::Error> {
        let s = String::deserialize(d)?;
        Cameo::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown CAMEO code {s:?}")))
    }
}

/// How the text presents the interaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Denied or negated (不会, 没有, 否认).
    Negated,
    /// Conditional or possible (如果, 一旦, 可能).
    Hypothetical,
    /// Intended or scheduled (将, 计划, 准备).
    Planned,
    /// Inside someone's statement (the quote's index is in `quote`).
    Reported,
}

impl Modality {
    /// The contract's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::Planned => "planned",
            Modality::Reported => "reported",
        }
    }
}

/// A byte span without text, as the contract writes `evidence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte span of the clause that states the interaction.
    #[serde(flatten)]
    pub span: Span,
}

/// One actor–actor interaction stated in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Who acts.
    pub source: EntityId,
    /// Who is acted on (for symmetric interactions, the other party).
    pub target: EntityId,
    /// CAMEO root code.
    pub cameo: Cameo,
    /// Event name from the lexicon (`warn`, `meet`, `sanction`).
    #[serde(rename = "type")]
    pub kind: String,
    /// asserted, negated, hypothetical, planned or reported.
    pub modality: Modality,
    /// The cue as written.
    pub cue: String,
    /// The clause that states it.
    pub evidence: Evidence,
    /// True for mutual interactions (会谈, 通电话): direction carries no meaning.
    #[serde(default)]
    pub symmetric: bool,
    /// Index of the quote the relation is reported in, for `reported`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}
