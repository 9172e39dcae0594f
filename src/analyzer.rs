//! The analyzer: owns the compiled resources and runs the pipeline stages in order.

use crate::article::Article;
use crate::dictionary::Dictionary;
use crate::document::Document;
use crate::entity::{self, EntityId};
use crate::error::Result;
use crate::lexicon::{Interactions, SpeechCues};
use crate::mention::{self, Mention, Recognizers, gazetteer::Gazetteer};
use crate::quote::{self, CueMatcher};
use crate::relation::{self, InteractionMatcher};
use crate::segment::{Boundaries, Segmenter};
use crate::{script, sentence};

/// Turns articles into documents. Build it once (it compiles the gazetteer and loads jieba's
/// dictionary) and share it: it is `Send + Sync` and `analyze` takes `&self`.
///
/// # Example
/// ```
/// let analyzer = newsgraph::Analyzer::new();
/// let doc = analyzer.analyze(&newsgraph::Article::new("a", "拜登与普京举行视频会谈。"));
/// let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
/// assert!(names.contains(&"拜登") && names.contains(&"普京"));
/// ```
#[derive(Debug)]
pub struct Analyzer {
    dictionary: Dictionary,
    gazetteer: Gazetteer,
    segmenter: Segmenter,
    cues: CueMatcher,
    interactions: InteractionMatcher,
    recognizers: Recognizers,
}

/// Configures an [`Analyzer`].
///
/// # Example
/// ```
/// use newsgraph::{Analyzer, Dictionary};
/// let mine = Dictionary::from_reader("mine.tsv", "id\tname\ttype\nacme\t阿克米公司\torganization\n".as_bytes())?;
/// let analyzer = Analyzer::builder().builtin_dictionaries(false).add_dictionary(mine).build()?;
/// let doc = analyzer.analyze(&newsgraph::Article::new("a", "阿克米公司表示不会让步。"));
/// assert_eq!(doc.entities[0].id.as_str(), "acme");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    recognizers: Recognizers,
    builtin: bool,
    builtin_cues: bool,
    extra: Vec<Dictionary>,
    extra_cues: Vec<SpeechCues>,
    extra_interactions: Vec<Interactions>,
}

impl Default for AnalyzerBuilder {
    fn default() -> Self {
        AnalyzerBuilder {
            recognizers: Recognizers::default(),
            builtin: true,
            builtin_cues: true,
            extra: Vec::new(),
            extra_cues: Vec::new(),
            extra_interactions: Vec::new(),
        }
    }
}

impl AnalyzerBuilder {
    /// Whether to start from the built-in dictionaries (default `true`).
    pub fn builtin_dictionaries(&mut self, yes: bool) -> &mut Self {
        self.builtin = yes;
        self
    }

    /// Adds a dictionary; its rows replace built-in rows with the same id.
    pub fn add_dictionary(&mut self, dict: Dictionary) -> &mut Self {
        self.extra.push(dict);
        self
    }

    /// Whether to start from the built-in speech cues (default `true`; `builtin_dictionaries(false)`
    /// turns them off too). Without cues no quotes are extracted.
    pub fn builtin_speech_cues(&mut self, yes: bool) -> &mut Self {
        self.builtin_cues = yes;
        self
    }

    /// Adds speech cues (same format as `dictionaries/speech_cues.tsv`).
    pub fn add_speech_cues(&mut self, cues: SpeechCues) -> &mut Self {
        self.extra_cues.push(cues);
        self
    }

    /// Adds interaction cues (same format as `dictionaries/interactions.tsv`).
    pub fn add_interactions(&mut self, interactions: Interactions) -> &mut Self {
        self.extra_interactions.push(interactions);
        self
    }

    /// Whether to look for names the dictionaries do not have — dotted and titled foreign
    /// names, Chinese names, organizations and places by suffix, outlets, agreements, the
    /// statistical model — and to resolve descriptions (这位美国国家安全顾问) to them (default
    /// `true`). Without them only dictionary names, roles and abbreviations are found: the
    /// fast, closed-world coding of known actors.
    pub fn recognizers(&mut self, yes: bool) -> &mut Self {
        self.recognizers = Recognizers {
            rules: yes,
            model: yes && self.recognizers.model,
        };
        self
    }

    /// Whether to run the statistical NER model (default `true`; the model is built in only
    /// with the `ner-model` feature, research use only, and this has no effect without it).
    pub fn ner_model(&mut self, yes: bool) -> &mut Self {
        self.recognizers.model = yes;
        self
    }

    /// Compiles the analyzer.
    ///
    /// # Errors
    /// When the merged dictionaries are inconsistent (a role naming an unknown entity, an
    /// alias shared by two entities without `~`), naming the row's file and line.
    pub fn build(&self) -> Result<Analyzer> {
        let mut dictionary = if self.builtin {
            Dictionary::builtin().clone()
        } else {
            Dictionary::empty()
        };
        for d in &self.extra {
            dictionary.merge(d.clone());
        }
        dictionary.validate()?;
        let mut cues = if self.builtin && self.builtin_cues {
            SpeechCues::builtin().clone()
        } else {
            SpeechCues::default()
        };
        for c in &self.extra_cues {
            cues.merge(c.clone());
        }
        let mut interactions = if self.builtin {
            Interactions::builtin().clone()
        } else {
            Interactions::default()
        };
        for i in &self.extra_interactions {
            interactions.merge(i.clone());
        }
        let mut analyzer = Analyzer::from_parts(dictionary, &cues, &interactions);
        analyzer.recognizers = self.recognizers;
        Ok(analyzer)
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the built-in dictionaries.
    pub fn new() -> Analyzer {
        Analyzer::from_parts(
            Dictionary::builtin().clone(),
            SpeechCues::builtin(),
            Interactions::builtin(),
        )
    }

    /// A builder, to add or replace dictionaries.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    fn from_parts(
        dictionary: Dictionary,
        cues: &SpeechCues,
        interactions: &Interactions,
    ) -> Analyzer {
        let gazetteer = Gazetteer::new(&dictionary);
        let words = dictionary.entities().flat_map(|e| {
            let tag = match e.kind {
                crate::EntityKind::Person => "nr",
                crate::EntityKind::Place => "ns",
                crate::EntityKind::Organization => "nt",
                crate::EntityKind::Other => "nz",
            };
            e.names()
                .chain(e.ambiguous.iter().map(String::as_str))
                .map(move |n| (n, tag))
        });
        let segmenter = Segmenter::new(words);
        Analyzer {
            dictionary,
            gazetteer,
            segmenter,
            cues: cues.matcher(),
            interactions: interactions.matcher(),
            recognizers: Recognizers::default(),
        }
    }

    /// The merged dictionary in use.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// Runs the pipeline on one article. Never fails and never panics on any text.
    pub fn analyze(&self, article: &Article) -> Document {
        let text = &article.text;
        // Stages read the simplified-script copy; its byte offsets equal the original's.
        let norm = script::to_simplified(text);
        let sentences = sentence::split(&norm);
        let tokens = self.segmenter.tokens(&norm);
        let day = article.day();
        let holder = |role: &str| {
            let id = self.dictionary.role_holder(role, day)?;
            self.dictionary.get(id).map(|e| (e.id.clone(), e.kind))
        };
        let country_of = |id: &EntityId| self.dictionary.get(id).and_then(|e| e.country.clone());
        let names_of = |id: &EntityId| {
            self.dictionary
                .get(id)
                .map(|e| e.names().map(String::from).collect())
                .unwrap_or_default()
        };
        let candidates = mention::find_mentions(
            &self.gazetteer,
            holder,
            country_of,
            names_of,
            &norm,
            &tokens,
            self.recognizers,
        );
        let bounds = Boundaries::new(&tokens);
        let groups = match self.recognizers.rules {
            true => mention::groups(&norm, &tokens, &candidates, country_of),
            false => Vec::new(),
        };
        let ctx = quote::Context {
            text: &norm,
            original: text,
            sentences: &sentences,
            bounds: &bounds,
            tokens: &tokens,
            mentions: &candidates,
            groups: &groups,
        };
        let quotes = quote::extract(&self.cues, &ctx);
        let relations = relation::extract(&self.interactions, &ctx, &quotes, &groups);
        let mentions = candidates.into_iter().map(|c| {
            (
                c.entity,
                c.kind,
                Mention {
                    span: c.span,
                    text: text[c.span.range()].to_string(),
                    rule: c.rule,
                },
            )
        });
        let entities = entity::group(mentions, |id: &EntityId| {
            self.dictionary
                .get(id)
                .map(|e| (e.name.clone(), e.kind, e.country.clone(), e.en.clone()))
        });
        let groups: Vec<mention::Group> = groups
            .into_iter()
            .map(|g| mention::Group {
                text: text[g.span.range()].to_string(),
                ..g
            })
            .collect();
        Document {
            id: article.id.clone(),
            title: article.title.clone(),
            date: article.date.clone(),
            source: article.source.clone(),
            encoding: article.encoding.clone(),
            text: text.clone(),
            entities,
            quotes,
            relations,
            groups,
        }
    }
}
