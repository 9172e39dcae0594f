//! Mentions: where the text names an entity, found by the gazetteer and by rules.

mod chars;
mod chinese_name;
pub(crate) mod gazetteer;
// Without the embedded model only the parser's tests and the trainer use some of it.
mod coref;
mod group;
#[cfg_attr(not(feature = "ner-model"), allow(dead_code))]
mod model;
pub(crate) mod recognize;
mod suffix;

use crate::entity::{EntityId, EntityKind};
use crate::segment::{Boundaries, Pos, Token};
use crate::span::Span;
use gazetteer::{Gazetteer, Target};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub use group::Group;
pub(crate) use group::groups;

/// The NER model trainer and its scorer (feature `train-ner`, used by `examples/train_ner.rs`).
#[cfg(feature = "train-ner")]
#[doc(hidden)]
pub use model::{evaluate, train};

/// One mention of an entity in the document text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span; serialised flat as `start` and `end`.
    #[serde(flatten)]
    pub span: Span,
    /// `&document.text[span]`.
    pub text: String,
    /// Which rule found it.
    pub rule: MentionRule,
}

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionRule {
    /// A name or alias in the gazetteer.
    Gazetteer,
    /// An ambiguous alias, linked because the document names one candidate unambiguously.
    Context,
    /// A one-character abbreviation in a compound (中美, 美方, 访华).
    Abbreviation,
    /// A role phrase with no name beside it, resolved to the holder at the article's date.
    Role,
    /// A transliterated foreign name joined by a middle dot (谢尔盖·尼基福罗夫).
    TransliteratedName,
    /// The surname of a name found earlier in the article, standing alone (尼基福罗夫) or with
    /// a title (王毅…王部长).
    ShortForm,
    /// A transliterated name right after a title (国务卿布林肯).
    TitleName,
    /// A named agreement or meeting (明斯克协议).
    Agreement,
    /// A run of capitalised Latin words typed by context (特别报告员David Kaye, Essex Court
    /// Chambers), as Hong Kong and Taiwan outlets write foreign names.
    LatinName,
    /// A definite description of a person introduced earlier (这位乌克兰官员).
    Coreference,
    /// A Chinese name glossed with its Latin form in brackets, and that Latin form
    /// (祈文辉（Matthew Gearing）).
    GlossedName,
    /// A Chinese personal name: surname + given name, by jieba's tag or context (黄登仁).
    ChineseName,
    /// A bare surname with an honorific or title that names no one earlier (吴先生, 老王,
    /// 刘某): the surname is the mention.
    Surname,
    /// An organization by its last word (北京博爱医院, 国家质量技术监督局).
    OrgSuffix,
    /// A newspaper or agency title in 《》 (《人民日报》).
    OutletName,
    /// A place by its last word or jieba's place tag (如皋市, 鲅鱼圈区).
    PlaceSuffix,
    /// A person, place or organization found by the statistical model (feature `ner-model`).
    Model,
}

/// A mention linked (or not yet) to an entity, with its type. Internal stage output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub span: Span,
    pub kind: EntityKind,
    pub entity: EntityId,
    pub rule: MentionRule,
}

/// Prefix characters that make a following one-character abbreviation a country (访华, 驻美, 对俄).
const ABBR_PREFIXES: &str = "访驻赴对来在涉反亲援抗侵旅留返离经联制攻抵进";
/// Verbs jieba joins to 在 + abbreviation in one word (在京举行, 在沪召开).
const ABBR_EVENT_VERBS: &[&str] = &[
    "举行", "召开", "举办", "开幕", "闭幕", "会见", "逝世", "成立", "出版", "发布", "签署", "落幕",
];
/// Abbreviations that never form side words: 西方 is the West, 土方 earthwork.
const NOT_SIDE: &str = "西土东南北双";
/// What may follow a short name inside one jieba token (美国人, 中方籍).
const NAME_SUFFIXES: &[&str] = &[
    "人",
    "籍",
    "方",
    "军",
    "裔",
    "队",
    "版",
    "产",
    "式",
    "国内",
    "境内",
    "当局",
    "政府",
    "总统",
    "总理",
    "首相",
    "人民",
    "民众",
    "官员",
    "大使",
    "使馆",
    "大使馆",
    "外长",
    "外交部",
];

/// Which recognisers run beside the gazetteer (see [`AnalyzerBuilder::recognizers`] and
/// [`AnalyzerBuilder::ner_model`]).
///
/// [`AnalyzerBuilder::recognizers`]: crate::AnalyzerBuilder::recognizers
/// [`AnalyzerBuilder::ner_model`]: crate::AnalyzerBuilder::ner_model
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Recognizers {
    /// The rules for unknown names (dotted and titled names, Chinese names, suffixes,
    /// outlets, agreements) and the coreference of descriptions.
    pub rules: bool,
    /// The statistical model (when built with the `ner-model` feature).
    pub model: bool,
}

impl Default for Recognizers {
    fn default() -> Self {
        Recognizers {
            rules: true,
            model: true,
        }
    }
}

/// Finds gazetteer and abbreviation mentions in `text` (script-normalised), links ambiguous
/// ones by context, and resolves bare role phrases to their holder on `day`; then, as `use_`
/// says, names beyond the gazetteer.
pub(crate) fn find_mentions(
    gaz: &Gazetteer,
    holder: impl Fn(&str) -> Option<(EntityId, EntityKind)>,
    country_of: impl Fn(&EntityId) -> Option<EntityId>,
    names_of: impl Fn(&EntityId) -> Vec<String>,
    text: &str,
    tokens: &[Token],
    use_: Recognizers,
) -> Vec<Candidate> {
    let bounds = Boundaries::new(tokens);
    let raw = gaz.find(text);
    let (dotted, titled) = if use_.rules {
        (
            recognize::dotted_names(text),
            recognize::titled_names(text, |i| bounds.is_end(i)),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let mut out: Vec<Candidate> = Vec::new();
    let mut ambiguous: Vec<(Span, Vec<u32>)> = Vec::new();
    let entity = |t: u32, span: Span, rule: MentionRule| {
        let (id, kind) = &gaz.entities[t as usize];
        Candidate {
            span,
            kind: *kind,
            entity: id.clone(),
            rule,
        }
    };
    // A country and a place in it (英国伦敦, 美国纽约) line up together where jieba's words
    // straddle them or join them (英国伦敦 as one word); 马里兰州 is not 马里 + 兰州.
    let id_of = |m: &gazetteer::RawMatch| match m.target {
        Target::Entity(t) => Some(&gaz.entities[t as usize].0),
        _ => None,
    };
    let in_country = |country: &gazetteer::RawMatch, place: &gazetteer::RawMatch| {
        country.span.end == place.span.start
            && id_of(place)
                .and_then(&country_of)
                .is_some_and(|c| id_of(country) == Some(&c))
    };
    let chained = |i: usize| {
        let m = &raw[i];
        let before = i
            .checked_sub(1)
            .map(|j| &raw[j])
            .filter(|p| in_country(p, m) && bounds.is_start(p.span.start));
        let after = raw
            .get(i + 1)
            .filter(|n| in_country(m, n) && bounds.is_end(n.span.end));
        (before.is_some(), after.is_some())
    };
    let fits = |i: usize| {
        let (start, end) = chained(i);
        short_name_fits(text, raw[i].span, &bounds, tokens, start, end)
    };
    for (i, m) in raw.iter().enumerate() {
        match &m.target {
            Target::Entity(t) => {
                if fits(i) {
                    out.push(entity(*t, m.span, MentionRule::Gazetteer));
                }
            }
            Target::Ambiguous(ts) => {
                if fits(i) {
                    ambiguous.push((m.span, ts.clone()));
                }
            }
            Target::Role(r) => {
                let role = &gaz.roles[*r as usize];
                let title_start = match role.prefix {
                    Some((len, t)) => {
                        out.push(entity(
                            t,
                            Span::new(m.span.start, m.span.start + len),
                            MentionRule::Gazetteer,
                        ));
                        m.span.start + len
                    }
                    None => m.span.start,
                };
                // A name right after the role (美国总统拜登) is the person; the role is a title.
                let named = raw.get(i + 1).is_some_and(|n| {
                    n.span.start == m.span.end
                        && matches!(&n.target, Target::Entity(t) if gaz.entities[*t as usize].1 == EntityKind::Person)
                }) || dotted.iter().chain(&titled).any(|d| d.start == m.span.end)
                    // 国务院总理李鹏: a Chinese name jieba tags (or reads as one word).
                    || bounds.token_at(m.span.end).is_some_and(|k| {
                        let t = &tokens[k];
                        t.span.start == m.span.end
                            && (t.pos == Pos::PersonName
                                || chinese_name::name_shape(&text[t.span])
                                    && text[t.span].chars().count() == 3)
                    });
                let former =
                    text[..m.span.start].ends_with('前') || text[..m.span.start].ends_with("时任");
                // 乌克兰总统新闻秘书: the role is part of a longer title, not its holder.
                let longer_title = bounds.token_at(m.span.end).is_some_and(|k| {
                    tokens[k].span.start == m.span.end
                        && matches!(tokens[k].pos, Pos::Noun | Pos::OrgName | Pos::OtherProper)
                });
                if !named
                    && !former
                    && !longer_title
                    && let Some((id, kind)) = holder(&role.phrase)
                {
                    out.push(Candidate {
                        span: Span::new(title_start, m.span.end),
                        kind,
                        entity: id,
                        rule: MentionRule::Role,
                    });
                }
            }
        }
    }
    let subnational = |t: u32| country_of(&gaz.entities[t as usize].0).is_some();
    abbreviations(gaz, text, &bounds, tokens, &raw, subnational, &mut out);
    if use_.rules {
        let glossed = recognize::glossed_names(text, tokens);
        recognized_names(text, &dotted, &titled, &glossed, &mut out);
        agreements(text, &mut out);
    }
    // Ambiguous aliases: linked when exactly one candidate is named unambiguously, or when
    // the alias stands in a list of places and exactly one candidate is a place (沙地阿拉伯、
    // 阿塞拜疆、哈萨克、阿联酋: the country, not the people).
    let named: BTreeSet<&EntityId> = out.iter().map(|c| &c.entity).collect();
    let listed_with_places = |span: Span| {
        let place_at = |at: usize, before: bool| {
            out.iter().any(|c| {
                c.kind == EntityKind::Place
                    && if before {
                        c.span.end == at
                    } else {
                        c.span.start == at
                    }
            })
        };
        let before = ["、", "和", "及", "与"]
            .iter()
            .any(|j| text[..span.start].ends_with(j) && place_at(span.start - j.len(), true));
        let after = ["、", "和", "及", "与"]
            .iter()
            .any(|j| text[span.end..].starts_with(j) && place_at(span.end + j.len(), false));
        before || after
    };
    let mut resolved = Vec::new();
    let mut blocked = Vec::new();
    for (span, ts) in ambiguous {
        let hits: Vec<u32> = ts
            .iter()
            .copied()
            .filter(|t| named.contains(&gaz.entities[*t as usize].0))
            .collect();
        let places: Vec<u32> = ts
            .iter()
            .copied()
            .filter(|t| gaz.entities[*t as usize].1 == EntityKind::Place)
            .collect();
        if let [t] = hits.as_slice() {
            resolved.push(entity(*t, span, MentionRule::Context));
        } else if let [t] = places.as_slice()
            && hits.is_empty()
            && listed_with_places(span)
        {
            resolved.push(entity(*t, span, MentionRule::Context));
        } else {
            blocked.push(span);
        }
    }
    out.extend(resolved);
    let model = match use_.model {
        true => model_names(gaz, text, tokens, &raw, &subnational),
        false => Vec::new(),
    };
    unknown_names(text, tokens, &blocked, model, use_.rules, &mut out);
    if use_.model {
        agree_model(text, &mut out);
    }
    out.sort_by_key(|a| a.span);
    if use_.rules {
        coref::descriptions(text, &mut out, country_of);
        coref::organizations(text, |i| bounds.is_end(i), &mut out, names_of);
    }
    out
}

/// Adds organizations, people and places the gazetteer does not know (see `suffix` and
/// `chinese_name`), in that order, so that a longer organization name claims the place it
/// starts with. Recognised spans never overlap an existing mention or an unresolved
/// ambiguous alias (`blocked`), except that an organization may contain whole place and
/// organization mentions, which it replaces (中国银行 contains 中国).
fn unknown_names(
    text: &str,
    tokens: &[Token],
    blocked: &[Span],
    model: Vec<Candidate>,
    rules: bool,
    out: &mut Vec<Candidate>,
) {
    let free = |s: Span, out: &[Candidate]| {
        !blocked.iter().any(|b| b.overlaps(s)) && !out.iter().any(|c| c.span.overlaps(s))
    };
    let new = |span: Span, kind: EntityKind, rule: MentionRule| {
        let prefix = match kind {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            _ => "org",
        };
        Candidate {
            span,
            kind,
            entity: EntityId::new(format!("{prefix}:{}", &text[span])),
            rule,
        }
    };
    let add_model = |out: &mut Vec<Candidate>, model: Vec<Candidate>| {
        for m in model {
            let s = m.span;
            if blocked.iter().any(|b| b.overlaps(s)) {
                continue;
            }
            // Like an organization by suffix, a model organization may contain whole place and
            // organization mentions (中国银行); any other overlap keeps the earlier mention.
            let clash = out.iter().any(|c| {
                c.span.overlaps(s)
                    && (m.kind != EntityKind::Organization
                        || c.span == s
                        || !s.contains(c.span)
                        || !matches!(c.kind, EntityKind::Place | EntityKind::Organization)
                        || c.rule == MentionRule::Role)
            });
            if !clash {
                out.retain(|c| !s.contains(c.span));
                out.push(m);
            }
        }
    };
    if !rules {
        add_model(out, model);
        return;
    }
    let orgs = suffix::org_names(text, tokens)
        .into_iter()
        .map(|s| (s, MentionRule::OrgSuffix))
        .chain(
            suffix::outlet_names(text)
                .into_iter()
                .map(|s| (s, MentionRule::OutletName)),
        );
    for (s, rule) in orgs {
        if blocked.iter().any(|b| b.overlaps(s)) {
            continue;
        }
        let clash = out.iter().any(|c| {
            c.span.overlaps(s)
                && (c.span == s
                    || !s.contains(c.span)
                    || !matches!(c.kind, EntityKind::Place | EntityKind::Organization)
                    || c.rule == MentionRule::Role)
        });
        if clash {
            continue;
        }
        // 黑龙江省|牡丹江市煤气公司: before a second place, the first one (province, country)
        // stands apart; the organization is named from the place it belongs to.
        let lead = out
            .iter()
            .find(|c| c.kind == EntityKind::Place && c.span.start == s.start && c.span.end < s.end);
        let s = match lead.map(|l| l.span.end) {
            Some(e)
                if out
                    .iter()
                    .any(|c| c.kind == EntityKind::Place && c.span.start == e)
                    || place_word_at(tokens, e) =>
            {
                Span::new(e, s.end)
            }
            _ => s,
        };
        out.retain(|c| !s.contains(c.span));
        out.push(new(s, EntityKind::Organization, rule));
    }
    for s in chinese_name::chinese_names(text, tokens) {
        if free(s, out) {
            out.push(new(s, EntityKind::Person, MentionRule::ChineseName));
        }
    }
    // 王毅…王部长: a bare surname with a title is the person of that surname named before.
    for s in chinese_name::surname_references(text, tokens) {
        if !free(s, out) {
            continue;
        }
        let surname = &text[s];
        let named = out.iter().rev().find(|c| {
            c.kind == EntityKind::Person
                && c.span.end <= s.start
                && text[c.span].starts_with(surname)
                && text[c.span].chars().count() >= 2
                && chinese_name::name_shape(&text[c.span])
        });
        out.push(match named {
            Some(c) => Candidate {
                span: s,
                kind: EntityKind::Person,
                entity: c.entity.clone(),
                rule: MentionRule::ShortForm,
            },
            None => new(s, EntityKind::Person, MentionRule::Surname),
        });
    }
    for s in suffix::place_names(text, tokens) {
        if free(s, out) {
            out.push(new(s, EntityKind::Place, MentionRule::PlaceSuffix));
        }
    }
    add_model(out, model);
}

/// Whether a jieba place word starts at `at`.
fn place_word_at(tokens: &[Token], at: usize) -> bool {
    let k = tokens.partition_point(|t| t.span.start < at);
    tokens
        .get(k)
        .is_some_and(|t| t.span.start == at && t.pos == Pos::PlaceName)
}

/// Heads of organization names besides the organization suffixes (中共中央, 北京市政府).
const MODEL_ORG_HEADS: &[&str] = &[
    "中央", "政府", "会", "院", "所", "站", "处", "厂", "团", "馆", "店", "报", "网", "行", "司",
];

/// Names found by the statistical model (rule [`MentionRule::Model`]), before they meet the
/// other mentions. A span that is exactly a gazetteer name links to that entity (jieba's
/// segmentation may have kept the gazetteer from using it); an ambiguous alias is left alone;
/// one character is kept only as a country's abbreviation (中, 美; not 京, 藏). Organizations and places must
/// end in a noun-like word (not 中共武力攻台, 云南瑞丽周二), and organizations must contain a
/// proper name (not 民兵组织).
fn model_names(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    raw: &[gazetteer::RawMatch],
    subnational: &impl Fn(u32) -> bool,
) -> Vec<Candidate> {
    let Some(m) = model::builtin() else {
        return Vec::new();
    };
    let bounds = Boundaries::new(tokens);
    let gaz_entity = |t: u32| gaz.entities[t as usize].clone();
    let mut out = Vec::new();
    for (span, kind) in model::recognize(m, text, tokens) {
        let name = &text[span];
        if !name
            .chars()
            .all(|c| c.is_alphanumeric() || "·•‧・".contains(c))
        {
            continue;
        }
        let known = raw.iter().find(|r| r.span == span).map(|r| &r.target);
        let (entity, kind) = match known {
            Some(Target::Entity(t)) => gaz_entity(*t),
            Some(_) => continue,
            None => {
                let mut chars = name.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    match gaz.abbr.get(&c) {
                        // A country's: a province's (京, 藏) is too often part of a
                        // word (望京, 藏家) to stand alone on the model's word.
                        Some(&t) if kind == EntityKind::Place && !subnational(t) => gaz_entity(t),
                        _ => continue,
                    }
                } else {
                    let trusted = m.knows(name, kind) && kind != EntityKind::Place;
                    if !trusted && !model_shape_ok(text, span, kind, &bounds, tokens, raw) {
                        continue;
                    }
                    let prefix = match kind {
                        EntityKind::Person => "person",
                        EntityKind::Place => "place",
                        _ => "org",
                    };
                    (EntityId::new(format!("{prefix}:{name}")), kind)
                }
            }
        };
        out.push(Candidate {
            span,
            kind,
            entity,
            rule: MentionRule::Model,
        });
    }
    out
}

/// See [`model_names`].
fn model_shape_ok(
    text: &str,
    span: Span,
    kind: EntityKind,
    bounds: &Boundaries,
    tokens: &[Token],
    raw: &[gazetteer::RawMatch],
) -> bool {
    let name = &text[span];
    let chars = name.chars().count();
    let whole_token = |pos: Pos| {
        bounds
            .token_at(span.start)
            .is_some_and(|k| tokens[k].span == span && tokens[k].pos == pos)
    };
    if kind == EntityKind::Person {
        // Chinese names; surname + one character only as a whole jieba name (not 张惇 in
        // 张惇涵); foreign names only dotted (a bare 威尔斯 may be Wales).
        return name.contains('·')
            || (chinese_name::name_shape(name) && (chars >= 3 || whole_token(Pos::PersonName)));
    }
    if kind == EntityKind::Place
        && chars <= 2
        && !name
            .chars()
            .next_back()
            .is_some_and(|c| "省市县区镇乡村州岛山河江湖".contains(c))
    {
        // Two-character places are where newspaper conventions differ most (西南, 长城).
        return false;
    }
    let last = span.end
        - text[..span.end]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
    let head_ok = bounds.token_at(last).is_none_or(|k| {
        !matches!(
            tokens[k].pos,
            Pos::Verb | Pos::Function | Pos::Number | Pos::Time | Pos::Pronoun
        )
    });
    if !head_ok {
        return false;
    }
    if kind != EntityKind::Organization {
        return true;
    }
    if !suffix::ORG_SUFFIXES
        .iter()
        .chain(MODEL_ORG_HEADS)
        .any(|h| name.ends_with(h))
    {
        return false;
    }
    // 四大律师公会, 十大银行: "the N major …" describes.
    let chars: Vec<char> = name.chars().collect();
    if chars
        .windows(2)
        .any(|w| "二三四五六七八九十几".contains(w[0]) && w[1] == '大')
    {
        return false;
    }
    let proper = tokens.iter().any(|t| {
        t.span.overlaps(span)
            && matches!(
                t.pos,
                Pos::PersonName | Pos::PlaceName | Pos::OtherProper | Pos::Latin
            )
    });
    proper || raw.iter().any(|r| span.contains(r.span))
}

/// Model mentions of one text in one document agree: a model mention whose text another
/// mention also has takes that mention's entity (瑞丽 read once as a person, elsewhere as a
/// place), preferring non-model mentions; a model place `X` with a place `X市` (省, 县…) in the
/// document is that place.
fn agree_model(text: &str, out: &mut [Candidate]) {
    extend_model(text, out);
    bracketed_model(text, out);
    // Twice, so that a chain (person 瑞丽 → place 瑞丽 → place 瑞丽市) settles.
    for _ in 0..2 {
        agree_model_once(text, out);
    }
}

/// A model mention in brackets right after a mention of the same type is another name of it
/// (Essex Court Chambers（埃塞克斯园大律师事务所）).
fn bracketed_model(text: &str, out: &mut [Candidate]) {
    for i in 0..out.len() {
        let c = &out[i];
        if c.rule != MentionRule::Model {
            continue;
        }
        let before = &text[..c.span.start];
        let Some(open) = before
            .strip_suffix('（')
            .or_else(|| before.strip_suffix('('))
        else {
            continue;
        };
        let after = &text[c.span.end..];
        if !(after.starts_with('）') || after.starts_with(')')) {
            continue;
        }
        if let Some(d) = out
            .iter()
            .find(|d| d.span.end == open.len() && d.kind == c.kind)
        {
            out[i].entity = d.entity.clone();
        }
    }
}

/// A model mention that is the start of a longer mention of the same type elsewhere in the
/// document, where the text goes on the same way, is cut short (张惇 in 张惇涵今, when 张惇涵
/// is found elsewhere): it takes the longer span and entity, if that overlaps nothing else.
fn extend_model(text: &str, out: &mut [Candidate]) {
    for i in 0..out.len() {
        let c = &out[i];
        if c.rule != MentionRule::Model {
            continue;
        }
        let name = &text[c.span];
        let rest = &text[c.span.start..];
        let longer = out
            .iter()
            .filter(|d| d.kind == c.kind && d.span.len() > c.span.len())
            .find(|d| {
                let t = &text[d.span];
                t.starts_with(name) && rest.starts_with(t)
            })
            .map(|d| {
                (
                    Span::new(c.span.start, c.span.start + d.span.len()),
                    d.entity.clone(),
                )
            });
        if let Some((span, entity)) = longer
            && !out
                .iter()
                .enumerate()
                .any(|(j, d)| j != i && d.span.overlaps(span))
        {
            out[i].span = span;
            out[i].entity = entity;
        }
    }
}

fn agree_model_once(text: &str, out: &mut [Candidate]) {
    let mut fix: Vec<(usize, EntityId, EntityKind)> = Vec::new();
    for (i, c) in out.iter().enumerate() {
        if c.rule != MentionRule::Model || c.entity.as_str().find(':').is_none() {
            continue;
        }
        let name = &text[c.span];
        let other = |pick_model: bool| {
            out.iter()
                .filter(|d| (d.rule == MentionRule::Model) == pick_model && d.entity != c.entity)
                .find(|d| {
                    let t = &text[d.span];
                    t == name
                        || d.kind == EntityKind::Place
                            && t.strip_prefix(name)
                                .is_some_and(|rest| ["省", "市", "县", "州"].contains(&rest))
                })
        };
        if let Some(d) = other(false).or_else(|| {
            // Among model readings: the place or organization reading wins over a person.
            other(true).filter(|d| {
                c.kind == EntityKind::Person && d.kind != EntityKind::Person || c.kind == d.kind
            })
        }) {
            fix.push((i, d.entity.clone(), d.kind));
        }
    }
    for (i, id, kind) in fix {
        out[i].entity = id;
        out[i].kind = kind;
    }
}

/// A short (one- or two-character) CJK name must line up with jieba's words, so that 加纳
/// (Ghana) is not found in 增加纳税; a token may extend it by a suffix (美国人) or a prefix verb
/// (访华), or an adjacent name that itself lines up (`chained_start`, `chained_end`: 英国|伦敦
/// where jieba reads 英|国伦|敦). Longer and Latin names are distinctive enough on their own.
fn short_name_fits(
    text: &str,
    span: Span,
    bounds: &Boundaries,
    tokens: &[Token],
    chained_start: bool,
    chained_end: bool,
) -> bool {
    let s = &text[span];
    if s.chars().count() > 2 || !s.chars().all(is_cjk) {
        return true;
    }
    let start_ok = chained_start
        || bounds.is_start(span.start)
        || bounds.token_at(span.start).is_some_and(|k| {
            let tok = tokens[k].span;
            ABBR_PREFIXES.contains(&text[tok.start..span.start])
                && text[tok.start..span.start].chars().count() == 1
        });
    let end_ok = chained_end
        || bounds.is_end(span.end)
        || bounds
            .token_at(span.end.saturating_sub(1))
            .is_some_and(|k| {
                let tok = tokens[k].span;
                tok.end > span.end && NAME_SUFFIXES.contains(&&text[span.end..tok.end])
            });
    start_ok && end_ok
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// One-character country abbreviations in compounds: runs of two or more (中美, 俄乌, 中日韩),
/// side words (美方), and after a verb-like prefix (访华, 对俄, 驻美).
fn abbreviations(
    gaz: &Gazetteer,
    text: &str,
    bounds: &Boundaries,
    tokens: &[Token],
    raw: &[gazetteer::RawMatch],
    subnational: impl Fn(u32) -> bool,
    out: &mut Vec<Candidate>,
) {
    if gaz.abbr.is_empty() {
        return;
    }
    let mut cover = vec![false; text.len()];
    for m in raw {
        cover[m.span.range()].fill(true);
    }
    let covered = |i: usize| cover[i];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if covered(i) || !gaz.abbr.contains_key(&c) {
            k += 1;
            continue;
        }
        // Maximal run of uncovered abbreviations.
        let mut j = k;
        while j < chars.len() && !covered(chars[j].0) && gaz.abbr.contains_key(&chars[j].1) {
            j += 1;
        }
        let mut run = &chars[k..j];
        // 7日中方: a day 日 after a digit is not Japan.
        if k > 0 && (chars[k - 1].1.is_ascii_digit() || "月年号".contains(chars[k - 1].1)) {
            run = &run[1..];
        }
        let end = |r: &[(usize, char)]| r.last().map_or(0, |&(p, ch)| p + ch.len_utf8());
        let next_char = |r: &[(usize, char)]| text[end(r)..].chars().next();
        let mut accept: &[(usize, char)] = &[];
        // 京西, 鄂西: a direction after a province's abbreviation is part of a region's name,
        // not Spain; 马津 (a person's name) mixes a country and a province.
        let targets: Vec<u32> = run.iter().map(|(_, ch)| gaz.abbr[ch]).collect();
        let province = targets.iter().any(|&t| subnational(t));
        let one_level = targets.iter().all(|&t| subnational(t) == province);
        let direction_after = |r: &[(usize, char)]| {
            r.last().is_some_and(|(_, ch)| "东西南北".contains(*ch)) && province
        };
        if run.len() >= 2 && (!one_level || direction_after(run)) {
            run = &[];
        }
        if run.len() >= 2 {
            let distinct: BTreeSet<u32> = run.iter().map(|(_, ch)| gaz.abbr[ch]).collect();
            let ok = distinct.len() == run.len()
                && next_char(run) != Some('洲')
                && bounds.is_start(run[0].0)
                && (bounds.is_end(end(run)) || next_char(run) == Some('方'));
            if ok {
                accept = run;
            }
        }
        if accept.is_empty() && !run.is_empty() {
            // Single abbreviation: side word or prefixed.
            let last = &run[run.len() - 1..];
            let (p, ch) = last[0];
            let side = next_char(last) == Some('方')
                && !NOT_SIDE.contains(ch)
                && bounds.is_start(p)
                && bounds.is_end(end(last) + '方'.len_utf8());
            let in_word_with_verb = bounds.token_at(p).is_some_and(|t| {
                let tok = tokens[t].span;
                tok.start + 3 == p && ABBR_EVENT_VERBS.contains(&&text[end(last)..tok.end])
            });
            let prefixed = run.len() == 1
                && text[..p]
                    .chars()
                    .next_back()
                    .is_some_and(|b| ABBR_PREFIXES.contains(b))
                && (in_word_with_verb
                    || bounds.is_end(end(last))
                        && (bounds.is_start(p)
                            || bounds
                                .token_at(p)
                                .is_some_and(|t| tokens[t].span.start + 3 == p)));
            if side || prefixed {
                accept = last;
            }
        }
        for &(p, ch) in accept {
            let t = gaz.abbr[&ch];
            let (id, kind) = &gaz.entities[t as usize];
            out.push(Candidate {
                span: Span::new(p, p + ch.len_utf8()),
                kind: *kind,
                entity: id.clone(),
                rule: MentionRule::Abbreviation,
            });
        }
        k = j.max(k + 1);
    }
}

/// Adds names found by the recognisers: dotted transliterated names (linked to a gazetteer
/// person they contain, else a new person), their surnames standing alone, and names after a
/// title. Gazetteer mentions inside a dotted name are replaced by it.
fn recognized_names(
    text: &str,
    dotted: &[Span],
    titled: &[Span],
    glossed: &[(Span, Span)],
    out: &mut Vec<Candidate>,
) {
    let mut new_people: Vec<(String, EntityId)> = Vec::new(); // (surname, id)
    // 祈文辉（Matthew Gearing）: both names of one person; the Latin surname alone later on
    // is a short form of it.
    for &(chinese, latin) in glossed {
        if out.iter().any(|c| c.span.overlaps(latin)) {
            continue;
        }
        let known = out.iter().find(|c| c.span == chinese);
        let id = match known {
            Some(c) if c.kind == EntityKind::Person => c.entity.clone(),
            Some(_) => continue,
            None if out.iter().any(|c| c.span.overlaps(chinese)) => continue,
            None => {
                let id = EntityId::new(format!("person:{}", &text[chinese]));
                out.push(Candidate {
                    span: chinese,
                    kind: EntityKind::Person,
                    entity: id.clone(),
                    rule: MentionRule::GlossedName,
                });
                id
            }
        };
        if let Some(last) = text[latin].rsplit(' ').next() {
            new_people.push((last.to_string(), id.clone()));
        }
        out.push(Candidate {
            span: latin,
            kind: EntityKind::Person,
            entity: id,
            rule: MentionRule::GlossedName,
        });
    }
    for &d in dotted {
        let inside: Vec<&Candidate> = out.iter().filter(|c| d.contains(c.span)).collect();
        if out
            .iter()
            .any(|c| c.span.overlaps(d) && !d.contains(c.span))
        {
            continue; // a longer gazetteer name already covers part of it
        }
        let people: BTreeSet<&EntityId> = inside
            .iter()
            .filter(|c| c.kind == EntityKind::Person)
            .map(|c| &c.entity)
            .collect();
        let id = match people.into_iter().collect::<Vec<_>>().as_slice() {
            [one] => (*one).clone(),
            _ => {
                let name = &text[d];
                let key = recognize::surname(name).unwrap_or(name);
                let id = EntityId::new(format!("person:{key}"));
                new_people.push((key.to_string(), id.clone()));
                id
            }
        };
        out.retain(|c| !d.contains(c.span));
        out.push(Candidate {
            span: d,
            kind: EntityKind::Person,
            entity: id,
            rule: MentionRule::TransliteratedName,
        });
    }
    for &t in titled {
        if out.iter().any(|c| c.span.overlaps(t)) {
            continue;
        }
        let name = &text[t];
        let id = new_people.iter().find(|(s, _)| s == name).map_or_else(
            || EntityId::new(format!("person:{name}")),
            |(_, id)| id.clone(),
        );
        new_people.push((name.to_string(), id.clone()));
        out.push(Candidate {
            span: t,
            kind: EntityKind::Person,
            entity: id,
            rule: MentionRule::TitleName,
        });
    }
    let latin = recognize::latin_names(text);
    // Essex Court after Essex Court Chambers: a Latin organization name that starts another
    // one, word for word, is that organization.
    let full_org = |name: &str| {
        latin
            .iter()
            .filter(|(s, k)| *k == EntityKind::Organization && text[*s].len() > name.len())
            .map(|(s, _)| &text[*s])
            .filter(|full| full.starts_with(name) && full[name.len()..].starts_with(' '))
            .max_by_key(|full| full.len())
    };
    for &(span, kind) in &latin {
        if out.iter().any(|c| c.span.overlaps(span)) {
            continue;
        }
        let name = &text[span];
        let prefix = if kind == EntityKind::Person {
            "person"
        } else {
            "org"
        };
        let canonical = match kind {
            EntityKind::Organization => full_org(name).unwrap_or(name),
            _ => name,
        };
        let id = EntityId::new(format!("{prefix}:{canonical}"));
        if kind == EntityKind::Person
            && let Some(last) = name.rsplit(' ').next()
        {
            new_people.push((last.to_string(), id.clone()));
        }
        out.push(Candidate {
            span,
            kind,
            entity: id,
            rule: MentionRule::LatinName,
        });
    }
    new_people.sort();
    new_people.dedup();
    for (short, id) in new_people {
        for s in recognize::standalone(text, &short) {
            if !out.iter().any(|c| c.span.overlaps(s)) {
                out.push(Candidate {
                    span: s,
                    kind: EntityKind::Person,
                    entity: id.clone(),
                    rule: MentionRule::ShortForm,
                });
            }
        }
    }
}

/// A place directly followed by 协议, 条约, 峰会… names an agreement or meeting (明斯克协议):
/// the mention becomes that `other` entity instead of the place.
fn agreements(text: &str, out: &mut [Candidate]) {
    for c in out.iter_mut() {
        if c.kind != EntityKind::Place {
            continue;
        }
        if let Some(len) = recognize::agreement_suffix(text, c.span.end) {
            c.span = Span::new(c.span.start, c.span.end + len);
            c.kind = EntityKind::Other;
            c.entity = EntityId::new(format!("other:{}", &text[c.span]));
            c.rule = MentionRule::Agreement;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(
        text: &str,
        s: &str,
        nth: usize,
        kind: EntityKind,
        id: &str,
        rule: MentionRule,
    ) -> Candidate {
        let start = text.match_indices(s).nth(nth).expect("in text").0;
        Candidate {
            span: Span::new(start, start + s.len()),
            kind,
            entity: EntityId::new(id.to_string()),
            rule,
        }
    }

    #[test]
    fn model_mentions_agree_within_a_document() {
        use EntityKind::{Organization, Person, Place};
        use MentionRule::{ChineseName, Model, PlaceSuffix, TransliteratedName};
        // A truncated name takes the longer mention's span and entity.
        let text = "发言人张惇涵今天说，张惇涵强调。";
        let mut out = vec![
            cand(text, "张惇", 0, Person, "person:张惇", Model),
            cand(text, "张惇涵", 1, Person, "person:张惇涵", ChineseName),
        ];
        agree_model(text, &mut out);
        assert_eq!(&text[out[0].span], "张惇涵");
        assert_eq!(out[0].entity.as_str(), "person:张惇涵");
        // A person reading gives way to the place reading of the same text; X joins X市.
        let text = "瑞丽再爆疫情。瑞丽市位处边境，新华社问瑞丽。";
        let mut out = vec![
            cand(text, "瑞丽", 0, Place, "place:瑞丽", Model),
            cand(text, "瑞丽市", 0, Place, "place:瑞丽市", PlaceSuffix),
            cand(text, "瑞丽", 2, Person, "person:瑞丽", Model),
        ];
        agree_model(text, &mut out);
        assert!(
            out.iter()
                .all(|c| c.entity.as_str() == "place:瑞丽市" && c.kind == Place)
        );
        // A bracketed alias right after a mention of the same type is that entity.
        let text = "Essex Court Chambers（埃塞克斯园大律师事务所）";
        let mut out = vec![
            cand(
                text,
                "Essex Court Chambers",
                0,
                Organization,
                "org:Essex",
                TransliteratedName,
            ),
            cand(
                text,
                "埃塞克斯园大律师事务所",
                0,
                Organization,
                "org:埃塞克斯园大律师事务所",
                Model,
            ),
        ];
        agree_model(text, &mut out);
        assert_eq!(out[1].entity.as_str(), "org:Essex");
    }

    #[cfg(feature = "ner-model")]
    #[test]
    fn model_finds_names_the_rules_do_not() {
        let dict = crate::Dictionary::builtin();
        let gaz = Gazetteer::new(dict);
        let seg = crate::segment::Segmenter::new(std::iter::empty());
        let found = |text: &str| {
            let tokens = seg.tokens(text);
            find_mentions(
                &gaz,
                |_| None,
                |_| None,
                |_| Vec::new(),
                text,
                &tokens,
                Recognizers::default(),
            )
            .into_iter()
            .map(|c| {
                (
                    text[c.span].to_string(),
                    c.kind,
                    c.rule,
                    c.entity.as_str().to_string(),
                )
            })
            .collect::<Vec<_>>()
        };
        let got = found("江泽民主席在中南海会见了日本首相桥本龙太郎。");
        assert!(got.contains(&(
            "桥本龙太郎".into(),
            EntityKind::Person,
            MentionRule::Model,
            "person:桥本龙太郎".into()
        )));
        // Gazetteer mentions keep their rule and entity.
        assert!(
            got.iter()
                .any(|g| g.0 == "日本" && g.2 == MentionRule::Gazetteer)
        );
        let got = found("国务院副总理钱其琛今天在人民大会堂会见了美国客人。");
        assert!(
            got.iter()
                .any(|g| g.0 == "人民大会堂" && g.1 == EntityKind::Place)
        );
        // No bare two-character place from the model (西南 is a direction here).
        let got = found("战机进入台湾西南防空识别区。");
        assert!(!got.iter().any(|g| g.0 == "西南"), "{got:?}");
        // Never a span with punctuation in it.
        let got = found("如果想让天然气在“北溪2号”管道中流动。");
        assert!(!got.iter().any(|g| g.0.contains('”')), "{got:?}");
    }
}
