//! Canonical entities: the same person, organisation or place in different
//! articles becomes one row of `canonical`, and every entity mention,
//! person and quote speaker of an article points to one.
//!
//! Linking reads an article's stored rows back (so ingest and the migration
//! of an older database share one code path) and works in two steps:
//!
//! 1. Within the article, mentions are grouped: a person of the people
//!    layer with the entity mentions it covers and its roles; other
//!    mentions by type and key (a place by its GeoNames id when resolved,
//!    so "Kiev" and "Kyiv" meet); an acronym with the name it abbreviates.
//! 2. Each group is resolved against the knowledge base by its keys
//!    (`entity_names`). A person known only by a surname joins the one
//!    person of that surname — or, when several share it, the one whose
//!    roles fit; otherwise it stays an entity of its own ("Johnson"), never
//!    merged on the surname alone. When a full name first arrives, an
//!    earlier surname-only entity with no rival is folded into it.
//!
//! Invariant: a person's lookup names are full names (two words or more)
//! or the key of a surname-only entity; a surname never leads to a full
//! name through `entity_names`.

use crate::link_index::LinkIndex;
use crate::names::{is_acronym_of, name_key, person_key, roles_fit, surname};
use crate::StoreError;
use rusqlite::{params, Transaction};

/// Links every stored article, oldest first (used by the migration).
pub(crate) fn link_all(tx: &Transaction) -> Result<(), StoreError> {
    let articles: Vec<(i64, String)> = tx
        .prepare("SELECT id, date FROM articles ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut index = LinkIndex::load(tx)?;
    for (id, date) in articles {
        link_stored(tx, &mut index, id, &date)?;
    }
    Ok(())
}

/// An entity mention as linking reads it.
pub(crate) struct Mention {
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub kind: String,
}

/// A person of the people layer.
pub(crate) struct Person {
    pub name: String,
    pub roles: Vec<String>,
    /// Spans of its mentions, `[start, end]`.
    pub spans: Vec<[i64; 2]>,
}

/// What linking reads of one article, each list in the order of the
/// article's rows: from the article being stored (ingest) or from its
/// stored rows (the migration), so both share one code path.
#[derive(Default)]
pub(crate) struct LinkInput {
    pub mentions: Vec<Mention>,
    pub people: Vec<Person>,
    /// Resolved places: start, end, GeoNames id.
    pub places: Vec<(i64, i64, i64)>,
    /// The speaker of each quote, if any.
    pub speakers: Vec<Option<String>>,
}

/// The canonical entity of each mention, person and quote speaker of a
/// [`LinkInput`], index for index (`None`: not linked).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Links {
    pub mentions: Vec<Option<i64>>,
    pub people: Vec<Option<i64>>,
    pub speakers: Vec<Option<i64>>,
}

/// Mentions of one thing within an article.
#[derive(Debug)]
struct Group {
    kind: String,
    /// Names as written, the primary one first.
    names: Vec<String>,
    /// The key of each name ([`key_of`]), computed once.
    keys: Vec<String>,
    roles: Vec<String>,
    geonameid: Option<i64>,
    /// Indexes into [`LinkInput::mentions`].
    mentions: Vec<usize>,
    /// Index into [`LinkInput::people`].
    person: Option<usize>,
}

impl Group {
    fn new(kind: &str, name: &str) -> Group {
        Group {
            kind: kind.to_owned(),
            names: vec![name.to_owned()],
            keys: vec![key_of(kind, name)],
            roles: Vec::new(),
            geonameid: None,
            mentions: Vec::new(),
            person: None,
        }
    }

    fn key(&self) -> String {
        self.keys[0].clone()
    }

    fn add_name(&mut self, name: &str) {
        self.names.push(name.to_owned());
        self.keys.push(key_of(&self.kind, name));
    }
}

fn key_of(kind: &str, name: &str) -> String {
    if kind == "PER" {
        person_key(name)
    } else {
        name_key(name)
    }
}

/// What linking needs of one article that the database does not hold: its
/// mentions grouped, with every name's key, and the keys of its quote
/// speakers ([`PreparedLinks::of`], run off the writer's thread).
#[derive(Debug)]
pub(crate) struct PreparedLinks {
    groups: Vec<Group>,
    mentions: usize,
    people: usize,
    /// Each quote's speaker: as written, its person key and its name key.
    speakers: Vec<Option<(String, String, String)>>,
}

impl PreparedLinks {
    pub(crate) fn of(input: &LinkInput) -> PreparedLinks {
        PreparedLinks {
            groups: group_article(input),
            mentions: input.mentions.len(),
            people: input.people.len(),
            speakers: input
                .speakers
                .iter()
                .map(|s| {
                    let s = s.as_deref()?;
                    Some((s.to_owned(), person_key(s), name_key(s)))
                })
                .collect(),
        }
    }
}

/// Links the entity mentions, people and quote speakers of one article:
/// resolves each group against the knowledge base and records its names
/// and roles, and answers the entity of every row (the caller writes them).
/// A surname entity folded into a full name while linking (also one the
/// article's earlier groups chose) is replaced in the answer by that name.
/// `index` is what the knowledge base holds in `tx` (`link_index`); it is
/// kept in step with the rows written.
pub(crate) fn link_article(
    tx: &Transaction,
    index: &mut LinkIndex,
    article: i64,
    date: &str,
    input: &PreparedLinks,
) -> Result<Links, StoreError> {
    let groups = &input.groups;
    // (surname entity, the person it was folded into), in order.
    let mut folds: Vec<(i64, i64)> = Vec::new();
    // Each group's entity, and how many surname entities had been folded
    // away when it was registered: later folds apply to its rows.
    let mut entities = Vec::with_capacity(groups.len());
    let mut folds_before = Vec::with_capacity(groups.len());
    for group in groups {
        let entity = resolve(tx, index, group, &mut folds)?;
        register(tx, index, group, entity, article, date)?;
        entities.push(entity);
        folds_before.push(folds.len());
    }
    let mut links = Links {
        mentions: vec![None; input.mentions],
        people: vec![None; input.people],
        speakers: Vec::new(),
    };
    for (g, group) in groups.iter().enumerate() {
        let entity =
            folds[folds_before[g]..].iter().fold(
                entities[g],
                |e, &(bare, person)| {
                    if e == bare {
                        person
                    } else {
                        e
                    }
                },
            );
        // Later folds apply to everything linked through this group,
        // speakers included (linked below from the groups' entities).
        entities[g] = entity;
        for &m in &group.mentions {
            links.mentions[m] = Some(entity);
        }
        if let Some(p) = group.person {
            links.people[p] = Some(entity);
        }
    }
    links.speakers = link_speakers(input, &entities);
    Ok(links)
}

/// Links a stored article from its rows and writes the links to them.
fn link_stored(
    tx: &Transaction,
    index: &mut LinkIndex,
    article: i64,
    date: &str,
) -> Result<(), StoreError> {
    let mut rowids = Vec::new();
    let mut input = LinkInput::default();
    for row in tx
        .prepare_cached(
            "SELECT rowid, start, end, text, type FROM entities WHERE article = ?1 ORDER BY rowid",
        )?
        .query_map([article], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Mention {
                    start: r.get(1)?,
                    end: r.get(2)?,
                    text: r.get(3)?,
                    kind: r.get(4)?,
                },
            ))
        })?
    {
        let (rowid, mention) = row?;
        rowids.push(rowid);
        input.mentions.push(mention);
    }
    let mut people_rows = Vec::new();
    for row in tx
        .prepare_cached(
            "SELECT rowid, name, roles, mentions FROM people WHERE article = ?1 ORDER BY rowid",
        )?
        .query_map([article], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
    {
        let (rowid, name, roles, spans) = row?;
        people_rows.push(rowid);
        input.people.push(Person {
            name,
            roles: serde_json::from_str(&roles).unwrap_or_default(),
            spans: serde_json::from_str(&spans).unwrap_or_default(),
        });
    }
    input.places = tx
        .prepare_cached(
            "SELECT start, end, geonameid FROM places WHERE article = ?1 AND geonameid IS NOT NULL",
        )?
        .query_map([article], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let quotes: Vec<(i64, Option<String>)> = tx
        .prepare_cached("SELECT id, speaker FROM quotes WHERE article = ?1 ORDER BY id")?
        .query_map([article], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    input.speakers = quotes.iter().map(|(_, s)| s.clone()).collect();
    let links = link_article(tx, index, article, date, &PreparedLinks::of(&input))?;
    let mut update = tx.prepare_cached("UPDATE entities SET entity = ?1 WHERE rowid = ?2")?;
    for (rowid, entity) in rowids.iter().zip(&links.mentions) {
        if let Some(entity) = entity {
            update.execute([*entity, *rowid])?;
        }
    }
    let mut update = tx.prepare_cached("UPDATE people SET entity = ?1 WHERE rowid = ?2")?;
    for (rowid, entity) in people_rows.iter().zip(&links.people) {
        if let Some(entity) = entity {
            update.execute([*entity, *rowid])?;
        }
    }
    let mut update = tx.prepare_cached("UPDATE quotes SET speaker_entity = ?1 WHERE id = ?2")?;
    for ((id, _), entity) in quotes.iter().zip(&links.speakers) {
        if let Some(entity) = entity {
            update.execute([*entity, *id])?;
        }
    }
    Ok(())
}

fn group_article(input: &LinkInput) -> Vec<Group> {
    let mentions = &input.mentions;
    // Mentions in the order of their start (rows in order at equal starts).
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    let mut groups: Vec<Group> = Vec::new();
    let mut taken = vec![false; mentions.len()];
    for (p, person) in input.people.iter().enumerate() {
        let mut group = Group::new("PER", &person.name);
        group.person = Some(p);
        group.roles = person.roles.clone();
        for &i in &order {
            let m = &mentions[i];
            if !taken[i]
                && m.kind == "PER"
                && person.spans.iter().any(|s| s[0] < m.end && m.start < s[1])
            {
                taken[i] = true;
                group.mentions.push(i);
                group.add_name(&m.text);
            }
        }
        groups.push(group);
    }
    for &i in &order {
        if taken[i] {
            continue;
        }
        let m = &mentions[i];
        let geonameid = input
            .places
            .iter()
            .find(|p| p.0 == m.start && p.1 == m.end)
            .map(|p| p.2);
        let key = key_of(&m.kind, &m.text);
        if key.is_empty() {
            continue;
        }
        let same = groups.iter().position(|g| {
            g.kind == m.kind
                && match (geonameid, g.geonameid) {
                    (Some(a), Some(b)) => a == b,
                    _ => g.keys.contains(&key),
                }
        });
        let group = match same {
            Some(g) => &mut groups[g],
            None => {
                groups.push(Group::new(&m.kind, &m.text));
                groups.last_mut().expect("just pushed")
            }
        };
        group.geonameid = group.geonameid.or(geonameid);
        group.mentions.push(i);
        group.names.push(m.text.clone());
        group.keys.push(key);
    }
    merge_acronyms(&mut groups);
    groups
}

/// Folds a group named by an acronym into the group it abbreviates.
fn merge_acronyms(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let target = (groups[i].kind != "PER")
            .then(|| {
                groups.iter().position(|g| {
                    g.kind == groups[i].kind && is_acronym_of(&groups[i].names[0], &g.names[0])
                })
            })
            .flatten();
        match target {
            Some(t) if t != i => {
                let short = groups.remove(i);
                let t = if t > i { t - 1 } else { t };
                groups[t].names.extend(short.names);
                groups[t].keys.extend(short.keys);
                groups[t].mentions.extend(short.mentions);
                groups[t].geonameid = groups[t].geonameid.or(short.geonameid);
            }
            _ => i += 1,
        }
    }
}

/// The canonical entity of a group, created when the knowledge base has
/// none.
fn resolve(
    tx: &Transaction,
    index: &mut LinkIndex,
    group: &Group,
    folds: &mut Vec<(i64, i64)>,
) -> Result<i64, StoreError> {
    if let Some(id) = group.geonameid {
        let key = format!("geonames:{id}");
        if let Some(found) = index.canonical(&group.kind, &key) {
            return Ok(found);
        }
        if let Some(found) = by_names(index, group) {
            return Ok(found);
        }
        return create(tx, index, &group.kind, &group.names[0], &key, None);
    }
    if group.kind != "PER" {
        if let Some(found) = by_names(index, group) {
            return Ok(found);
        }
        return create(tx, index, &group.kind, &group.names[0], &group.key(), None);
    }
    let key = group.key();
    if key.contains(' ') {
        if let Some(found) = by_names(index, group) {
            return Ok(found);
        }
        let id = create(tx, index, "PER", &group.names[0], &key, Some(surname(&key)))?;
        if let Some(bare) = fold_surname_entity(tx, index, id, surname(&key), &group.roles)? {
            folds.push((bare, id));
        }
        return Ok(id);
    }
    // Known by one word only: the surname rule.
    let candidates = index.people_of_surname(&key);
    let mut fitting = Vec::new();
    for &c in candidates {
        let roles = index.roles_of(c);
        let fits = group
            .roles
            .iter()
            .any(|a| roles.iter().any(|b| roles_fit(a, b)));
        let clash = !group.roles.is_empty() && !roles.is_empty() && !fits;
        if fits || (candidates.len() == 1 && !clash) {
            fitting.push(c);
        }
    }
    if let [one] = fitting[..] {
        return Ok(one);
    }
    match index.canonical("PER", &key) {
        Some(found) => Ok(found),
        None => create(tx, index, "PER", &group.names[0], &key, None),
    }
}

/// The first entity one of the group's lookup names leads to.
fn by_names(index: &LinkIndex, group: &Group) -> Option<i64> {
    group
        .keys
        .iter()
        .filter(|key| group.kind != "PER" || key.contains(' '))
        .find_map(|key| index.first_named(key, &group.kind))
}

fn create(
    tx: &Transaction,
    index: &mut LinkIndex,
    kind: &str,
    name: &str,
    key: &str,
    surname: Option<&str>,
) -> Result<i64, StoreError> {
    tx.prepare_cached("INSERT INTO canonical (type, name, key, surname) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![kind, name.trim(), key, surname])?;
    let id = tx.last_insert_rowid();
    index.created(id, kind, key, surname);
    add_name(tx, index, key, kind, id)
}

/// `INSERT OR IGNORE INTO entity_names`, asked of the index first.
fn add_name(
    tx: &Transaction,
    index: &mut LinkIndex,
    key: &str,
    kind: &str,
    entity: i64,
) -> Result<i64, StoreError> {
    if index.add_name(key, kind, entity) {
        tx.prepare_cached("INSERT INTO entity_names (key, type, entity) VALUES (?1, ?2, ?3)")?
            .execute(params![key, kind, entity])?;
    }
    Ok(entity)
}

/// A new full name takes over an earlier surname-only entity, when no
/// other known person has that surname and their roles do not clash.
/// Answers the surname entity folded away (its stored rows now point at
/// `person`).
fn fold_surname_entity(
    tx: &Transaction,
    index: &mut LinkIndex,
    person: i64,
    surname: &str,
    roles: &[String],
) -> Result<Option<i64>, StoreError> {
    let Some(bare) = index.canonical("PER", surname) else {
        return Ok(None);
    };
    let rivals = index.people_of_surname(surname).len();
    let bare_roles = index.roles_of(bare);
    let clash = !roles.is_empty()
        && !bare_roles.is_empty()
        && !roles
            .iter()
            .any(|a| bare_roles.iter().any(|b| roles_fit(a, b)));
    if rivals != 1 || clash {
        return Ok(None);
    }
    for sql in [
        "UPDATE entities SET entity = ?1 WHERE entity = ?2",
        "UPDATE people SET entity = ?1 WHERE entity = ?2",
        "UPDATE quotes SET speaker_entity = ?1 WHERE speaker_entity = ?2",
        "UPDATE entity_roles SET entity = ?1 WHERE entity = ?2",
        "INSERT OR IGNORE INTO entity_names (key, type, entity) SELECT key, type, ?1 FROM entity_names WHERE entity = ?2",
        "DELETE FROM entity_names WHERE entity = ?2",
        "DELETE FROM canonical WHERE id = ?2",
    ] {
        tx.prepare_cached(sql)?.execute([person, bare])?;
    }
    index.folded(bare, person, surname);
    Ok(Some(bare))
}

/// Records the names and roles of a group's entity.
fn register(
    tx: &Transaction,
    index: &mut LinkIndex,
    group: &Group,
    entity: i64,
    article: i64,
    date: &str,
) -> Result<(), StoreError> {
    let mut seen = Vec::new();
    for key in &group.keys {
        if key.is_empty() || seen.contains(&key) || (group.kind == "PER" && !key.contains(' ')) {
            continue;
        }
        add_name(tx, index, key, &group.kind, entity)?;
        seen.push(key);
    }
    let mut role = tx.prepare_cached(
        "INSERT INTO entity_roles (entity, role, article, date) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in &group.roles {
        role.execute(params![entity, r, article, date])?;
        index.add_role(entity, r);
    }
    Ok(())
}

/// Links each quote's speaker to the person of that name in the article,
/// else to the article's entity written that way ("the Russian Ministry of
/// Defense"). A speaker that is no entity ("Ukrainian officials") stays
/// unlinked.
fn link_speakers(input: &PreparedLinks, entities: &[i64]) -> Vec<Option<i64>> {
    let groups = &input.groups;
    input
        .speakers
        .iter()
        .map(|speaker| {
            let (speaker, person, other) = speaker.as_ref()?;
            let found = groups
                .iter()
                .position(|g| g.person.is_some() && g.names[0] == *speaker)
                .or_else(|| {
                    groups.iter().position(|g| {
                        let key = if g.kind == "PER" { person } else { other };
                        !key.is_empty() && g.keys.contains(key)
                    })
                })?;
            Some(entities[found])
        })
        .collect()
}
