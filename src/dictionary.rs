//! The gazetteer's data: entities with aliases, and dated role holders.
//!
//! Built-in files live in `dictionaries/` and are embedded; user files use the same format
//! (see `dictionaries/README.md`) and the same loader, [`Dictionary::from_reader`].

mod builtin;

use crate::entity::{EntityId, EntityKind};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// One dictionary row: an entity with its names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRecord {
    /// Stable id.
    pub id: EntityId,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: EntityKind,
    /// Country id, where known.
    pub country: Option<EntityId>,
    /// English name.
    pub en: Option<String>,
    /// Unambiguous aliases.
    pub aliases: Vec<String>,
    /// Aliases shared with other entities (written `~alias`): linked only with context.
    pub ambiguous: Vec<String>,
    /// One-character abbreviations used in compounds (美 in 中美, 美方).
    pub abbr: Vec<String>,
    /// Where the row came from, for error messages.
    pub origin: Origin,
}

impl EntityRecord {
    /// The name and unambiguous aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A dated role holder: `美国总统` → `joe-biden` from 2021-01-20 to 2025-01-20.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleRecord {
    /// The role phrase (simplified).
    pub role: String,
    /// Holder.
    pub entity: EntityId,
    /// First day, `YYYY-MM-DD` (partial dates are padded: `2021` → `2021-01-01`).
    pub from: String,
    /// Last day, or `None` while in office.
    pub to: Option<String>,
    /// Where the row came from.
    pub origin: Origin,
}

/// The file and line a row came from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Origin {
    /// File name, or `builtin:NAME`.
    pub source: String,
    /// 1-based line.
    pub line: usize,
}

/// Entities and roles, merged from one or more files.
///
/// # Example
/// ```
/// use newsgraph::Dictionary;
/// let tsv = "id\tname\ttype\taliases\njack-sullivan\t沙利文\tperson\t杰克·沙利文\n";
/// let mut dict = Dictionary::from_reader("my.tsv", tsv.as_bytes())?;
/// assert_eq!(dict.len(), 1);
/// dict.merge(Dictionary::from_reader("more.tsv", "id\tname\ttype\nnato\t北约\torganization\n".as_bytes())?);
/// assert_eq!(dict.len(), 2);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dictionary {
    entities: BTreeMap<EntityId, EntityRecord>,
    roles: Vec<RoleRecord>,
}

const ENTITY_COLUMNS: &[&str] = &["id", "name", "type", "country", "en", "aliases", "abbr"];
const ROLE_COLUMNS: &[&str] = &["role", "entity", "from", "to"];

impl Dictionary {
    /// No entries.
    pub fn empty() -> Dictionary {
        Dictionary::default()
    }

    /// The built-in dictionaries (parsed once per process).
    pub fn builtin() -> &'static Dictionary {
        builtin::get()
    }

    /// Reads an entity or roles file; `.csv` files are comma-separated, others tab-separated.
    ///
    /// # Errors
    /// When the file cannot be read or a row is malformed (naming file and line).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Dictionary> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Dictionary::from_reader(&path.display().to_string(), file)
    }

    /// Parses a file's content. `source_name` is used in error messages and decides the
    /// delimiter (`.csv` → comma, else tab). The header decides the kind of file: a `role`
    /// column makes it a roles file.
    ///
    /// # Errors
    /// A bad header, a row with the wrong number of fields, an unknown type, a bad id or date,
    /// or a duplicate id, each naming `source_name` and the line.
    pub fn from_reader(source_name: &str, mut reader: impl Read) -> Result<Dictionary> {
        let content = read_utf8(source_name, &mut reader)?;
        let mut rows = read_rows(source_name, &content)?.into_iter();
        let Some((header_line, header)) = rows.next() else {
            return Ok(Dictionary::empty());
        };
        let columns: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        let is_roles = columns.iter().any(|c| c == "role");
        let known = if is_roles {
            ROLE_COLUMNS
        } else {
            ENTITY_COLUMNS
        };
        for c in &columns {
            if !known.contains(&c.as_str()) {
                return Err(Error::dictionary(
                    source_name,
                    header_line,
                    format!("unknown column {c:?} (expected {})", known.join(", ")),
                ));
            }
        }
        let required: &[&str] = if is_roles {
            &["role", "entity", "from"]
        } else {
            &["id", "name", "type"]
        };
        for r in required {
            if !columns.iter().any(|c| c == r) {
                return Err(Error::dictionary(
                    source_name,
                    header_line,
                    format!("missing column {r:?}"),
                ));
            }
        }
        let mut dict = Dictionary::empty();
        for (line, rec) in rows {
            if rec.len() != columns.len() {
                return Err(Error::dictionary(
                    source_name,
                    line,
                    format!("expected {} fields, found {}", columns.len(), rec.len()),
                ));
            }
            let get = |name: &str| -> &str {
                columns
                    .iter()
                    .position(|c| c == name)
                    .map_or("", |i| rec[i].trim())
            };
            let origin = Origin {
                source: source_name.to_string(),
                line,
            };
            if is_roles {
                dict.roles.push(parse_role(get, origin)?);
            } else {
                let e = parse_entity(get, origin)?;
                if let Some(prev) = dict.entities.get(&e.id) {
                    return Err(Error::dictionary(
                        source_name,
                        line,
                        format!(
                            "duplicate id {:?} (first on line {})",
                            e.id.as_str(),
                            prev.origin.line
                        ),
                    ));
                }
                dict.entities.insert(e.id.clone(), e);
            }
        }
        Ok(dict)
    }

    /// Adds `other`'s rows: an entity with an existing id replaces it, and `other`'s roles
    /// replace all existing rows of the same role phrase.
    pub fn merge(&mut self, other: Dictionary) {
        self.entities.extend(other.entities);
        let replaced: std::collections::BTreeSet<&str> =
            other.roles.iter().map(|r| r.role.as_str()).collect();
        self.roles.retain(|r| !replaced.contains(r.role.as_str()));
        self.roles.extend(other.roles);
    }

    /// Appends another file's rows without replacing anything (for the built-in files, whose
    /// ids are unique and whose role rows complement each other).
    pub(crate) fn append(&mut self, other: Dictionary) -> std::result::Result<(), String> {
        for (id, e) in other.entities {
            if let Some(prev) = self.entities.get(&id) {
                return Err(format!(
                    "{}:{}: id {:?} already defined at {}:{}",
                    e.origin.source,
                    e.origin.line,
                    id.as_str(),
                    prev.origin.source,
                    prev.origin.line
                ));
            }
            self.entities.insert(id, e);
        }
        self.roles.extend(other.roles);
        Ok(())
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity with this id.
    pub fn get(&self, id: &EntityId) -> Option<&EntityRecord> {
        self.entities.get(id)
    }

    /// All entities, in id order.
    pub fn entities(&self) -> impl Iterator<Item = &EntityRecord> {
        self.entities.values()
    }

    /// All role rows, in file order.
    pub fn roles(&self) -> &[RoleRecord] {
        &self.roles
    }

    /// The holder of `role` on `day` (`YYYY-MM-DD`), or the latest holder when `day` is `None`.
    ///
    /// # Example
    /// ```
    /// use newsgraph::Dictionary;
    /// let d = Dictionary::from_reader("r.tsv", "role\tentity\tfrom\tto\n美国总统\tdonald-trump\t2017-01-20\t2021-01-20\n美国总统\tjoe-biden\t2021-01-20\t2025-01-20\n".as_bytes())?;
    /// assert_eq!(d.role_holder("美国总统", Some("2019-05-01")).unwrap().as_str(), "donald-trump");
    /// assert_eq!(d.role_holder("美国总统", Some("2021-12-08")).unwrap().as_str(), "joe-biden");
    /// assert_eq!(d.role_holder("美国总统", None).unwrap().as_str(), "joe-biden");
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn role_holder(&self, role: &str, day: Option<&str>) -> Option<&EntityId> {
        let rows = self.roles.iter().filter(|r| r.role == role);
        match day {
            Some(d) => rows
                .filter(|r| r.from.as_str() <= d && r.to.as_deref().is_none_or(|t| d <= t))
                // On a hand-over day the incoming holder wins.
                .max_by(|a, b| a.from.cmp(&b.from))
                .map(|r| &r.entity),
            None => rows.max_by(|a, b| a.from.cmp(&b.from)).map(|r| &r.entity),
        }
    }

    /// Checks what one file cannot: every role names a known entity, every country is known,
    /// and an alias used by two entities is marked ambiguous (`~`) on both.
    ///
    /// # Errors
    /// The first problem found, naming the row's file and line.
    pub fn validate(&self) -> Result<()> {
        for r in &self.roles {
            if !self.entities.contains_key(&r.entity) {
                return Err(Error::dictionary(
                    &r.origin.source,
                    r.origin.line,
                    format!(
                        "role {:?} names unknown entity {:?}",
                        r.role,
                        r.entity.as_str()
                    ),
                ));
            }
        }
        let mut owner: BTreeMap<&str, &EntityRecord> = BTreeMap::new();
        for e in self.entities.values() {
            if let Some(c) = &e.country
                && !self.entities.contains_key(c)
            {
                return Err(Error::dictionary(
                    &e.origin.source,
                    e.origin.line,
                    format!("unknown country {:?}", c.as_str()),
                ));
            }
            for n in e.names() {
                if let Some(prev) = owner.insert(n, e)
                    && prev.id != e.id
                {
                    return Err(Error::dictionary(
                        &e.origin.source,
                        e.origin.line,
                        format!(
                            "alias {n:?} also names {:?} ({}:{}); mark it `~{n}` on both rows",
                            prev.id.as_str(),
                            prev.origin.source,
                            prev.origin.line
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Reads a dictionary or lexicon as UTF-8; an invalid byte is reported at its line.
pub(crate) fn read_utf8(source_name: &str, reader: &mut impl Read) -> Result<String> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::dictionary(source_name, 1, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::dictionary(
            source_name,
            line,
            format!(
                "not UTF-8 (byte 0x{:02x} at byte {at}); dictionaries are UTF-8: convert the file, e.g. `iconv -f GB18030 -t UTF-8`",
                bytes[at]
            ),
        )
    })
}

/// Non-blank, non-comment rows with their 1-based line numbers. TSV is split by hand (no
/// quoting, so 《》 and “” need no escaping); CSV goes through the csv crate.
fn read_rows(source_name: &str, content: &str) -> Result<Vec<(usize, Vec<String>)>> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let keep = |fields: &[String]| {
        !(fields.iter().all(|f| f.trim().is_empty()) || fields[0].trim_start().starts_with('#'))
    };
    if !source_name.ends_with(".csv") {
        return Ok(content
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect::<Vec<_>>()))
            .filter(|(_, f)| keep(f))
            .collect());
    }
    let mut rdr = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(content.as_bytes());
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Error::dictionary(source_name, line, e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let fields: Vec<String> = rec.iter().map(str::to_string).collect();
        if keep(&fields) {
            rows.push((line, fields));
        }
    }
    Ok(rows)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.' | ':')
        })
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

fn parse_entity<'a>(get: impl Fn(&str) -> &'a str, origin: Origin) -> Result<EntityRecord> {
    let err = |m: String| Error::dictionary(&origin.source, origin.line, m);
    let id = get("id");
    if !valid_id(id) {
        return Err(err(format!(
            "bad id {id:?} (use lower-case ASCII letters, digits and -)"
        )));
    }
    let name = get("name");
    if name.is_empty() {
        return Err(err("empty name".to_string()));
    }
    let ty = get("type");
    let kind = EntityKind::from_name(ty).ok_or_else(|| {
        err(format!(
            "unknown entity type {ty:?} (expected person, place, organization, other)"
        ))
    })?;
    let country = Some(get("country")).filter(|c| !c.is_empty());
    if let Some(c) = country
        && !valid_id(c)
    {
        return Err(err(format!("bad country id {c:?}")));
    }
    let mut aliases = Vec::new();
    let mut ambiguous = Vec::new();
    for a in split_list(get("aliases")) {
        match a.strip_prefix('~') {
            Some(amb) if !amb.is_empty() => ambiguous.push(amb.to_string()),
            Some(_) => return Err(err("empty ambiguous alias \"~\"".to_string())),
            None if a != name && !aliases.iter().any(|x| x == a) => aliases.push(a.to_string()),
            None => {}
        }
    }
    let abbr: Vec<String> = split_list(get("abbr")).map(str::to_string).collect();
    if let Some(a) = abbr.iter().find(|a| a.chars().count() != 1) {
        return Err(err(format!("abbreviation {a:?} must be one character")));
    }
    Ok(EntityRecord {
        id: EntityId::new(id),
        name: name.to_string(),
        kind,
        country: country.map(EntityId::new),
        en: Some(get("en"))
            .filter(|e| !e.is_empty())
            .map(str::to_string),
        aliases,
        ambiguous,
        abbr,
        origin,
    })
}

fn parse_role<'a>(get: impl Fn(&str) -> &'a str, origin: Origin) -> Result<RoleRecord> {
    let err = |m: String| Error::dictionary(&origin.source, origin.line, m);
    let role = get("role");
    if role.is_empty() {
        return Err(err("empty role".to_string()));
    }
    let entity = get("entity");
    if !valid_id(entity) {
        return Err(err(format!("bad entity id {entity:?}")));
    }
    let from = parse_day(get("from"), false).ok_or_else(|| {
        err(format!(
            "bad date {:?} in \"from\" (expected YYYY-MM-DD)",
            get("from")
        ))
    })?;
    let to = match get("to") {
        "" => None,
        t => Some(
            parse_day(t, true)
                .ok_or_else(|| err(format!("bad date {t:?} in \"to\" (expected YYYY-MM-DD)")))?,
        ),
    };
    if to.as_ref().is_some_and(|t| *t < from) {
        return Err(err(format!(
            "\"to\" {} is before \"from\" {from}",
            to.unwrap_or_default()
        )));
    }
    Ok(RoleRecord {
        role: role.to_string(),
        entity: EntityId::new(entity),
        from,
        to,
        origin,
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to a full day; a partial `to` date pads to the period's end.
fn parse_day(s: &str, end: bool) -> Option<String> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    let full = match parts.as_slice() {
        [y] if num(y, 4) => format!("{y}-{}", if end { "12-31" } else { "01-01" }),
        [y, m] if num(y, 4) && num(m, 2) => format!("{y}-{m}-{}", if end { "31" } else { "01" }),
        [y, m, d] if num(y, 4) && num(m, 2) && num(d, 2) => s.to_string(),
        _ => return None,
    };
    let month: u32 = full[5..7].parse().ok()?;
    let day: u32 = full[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> String {
        Dictionary::from_reader("t.tsv", input.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        for (input, want) in [
            (
                "id\tname\ttype\nx\t甲\tpersn\n",
                "t.tsv:2: unknown entity type \"persn\" (expected person, place, organization, other)",
            ),
            (
                "id\tname\ttype\n# comment\nx\t甲\n",
                "t.tsv:3: expected 3 fields, found 2",
            ),
            (
                "id\tname\ttype\tcolour\n",
                "t.tsv:1: unknown column \"colour\" (expected id, name, type, country, en, aliases, abbr)",
            ),
            ("id\tname\n", "t.tsv:1: missing column \"type\""),
            (
                "id\tname\ttype\nX Y\t甲\tperson\n",
                "t.tsv:2: bad id \"X Y\" (use lower-case ASCII letters, digits and -)",
            ),
            (
                "id\tname\ttype\nx\t甲\tperson\nx\t乙\tperson\n",
                "t.tsv:3: duplicate id \"x\" (first on line 2)",
            ),
            (
                "role\tentity\tfrom\tto\n美国总统\tjoe-biden\t2021-13-01\t\n",
                "t.tsv:2: bad date \"2021-13-01\" in \"from\" (expected YYYY-MM-DD)",
            ),
            (
                "id\tname\ttype\tabbr\nusa\t美国\tplace\t美国\n",
                "t.tsv:2: abbreviation \"美国\" must be one character",
            ),
        ] {
            assert_eq!(err(input), want, "{input:?}");
        }
    }

    #[test]
    fn a_non_utf8_dictionary_is_reported_at_its_line() {
        let gbk = b"id\tname\ttype\nx\t\xc6\xd5\xbe\xa9\tperson\n";
        let err = Dictionary::from_reader("t.tsv", &gbk[..]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.tsv:2: not UTF-8 (byte 0xc6 at byte 15)"),
            "{err}"
        );
        let cues = crate::lexicon::SpeechCues::from_reader("c.tsv", &gbk[..]).unwrap_err();
        assert!(cues.to_string().starts_with("c.tsv:2: not UTF-8"), "{cues}");
    }

    #[test]
    fn csv_and_merge() {
        let mut d = Dictionary::from_reader(
            "a.csv",
            "id,name,type,aliases\nnato,北约,organization,北大西洋公约组织|~联盟\n".as_bytes(),
        )
        .unwrap();
        let e = d.get(&"nato".into()).unwrap();
        assert_eq!(e.aliases, ["北大西洋公约组织"]);
        assert_eq!(e.ambiguous, ["联盟"]);
        d.merge(
            Dictionary::from_reader(
                "b.tsv",
                "id\tname\ttype\nnato\tNATO\torganization\n".as_bytes(),
            )
            .unwrap(),
        );
        assert_eq!(d.get(&"nato".into()).unwrap().name, "NATO");
    }

    #[test]
    fn validate_finds_shared_aliases_and_unknown_roles() {
        let d = Dictionary::from_reader(
            "a.tsv",
            "id\tname\ttype\taliases\na\t甲\tperson\t乙\nb\t乙\tperson\t\n".as_bytes(),
        )
        .unwrap();
        assert!(
            d.validate()
                .unwrap_err()
                .to_string()
                .contains("alias \"乙\" also names")
        );
        let mut d = Dictionary::empty();
        d.merge(
            Dictionary::from_reader(
                "r.tsv",
                "role\tentity\tfrom\n总统\tnobody\t2020\n".as_bytes(),
            )
            .unwrap(),
        );
        assert_eq!(
            d.validate().unwrap_err().to_string(),
            "r.tsv:2: role \"总统\" names unknown entity \"nobody\""
        );
    }

    #[test]
    fn partial_dates() {
        assert_eq!(parse_day("2021", false).as_deref(), Some("2021-01-01"));
        assert_eq!(parse_day("2021-05", true).as_deref(), Some("2021-05-31"));
        assert_eq!(parse_day("21-05-01", false), None);
    }
}
