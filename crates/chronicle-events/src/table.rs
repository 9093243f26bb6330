//! The event table (`data/event_types.tsv`): each subtype's PLOVER root
//! type, its KAIROS and AIDA types, and the role each chronicle argument
//! plays in those ontologies. Parsed once per process; a malformed row is a
//! bug of the repository and fails the unit test that parses the table.

use chronicle_core::EventType;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/event_types.tsv");

/// Which chronicle argument a verb's direct object fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectSlot {
    Target,
    Instrument,
}

/// Role names of one argument in KAIROS and AIDA (`None`: no such role).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleNames {
    pub kairos: Option<String>,
    pub aida: Option<String>,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subtype {
    pub name: String,
    pub plover: EventType,
    pub kairos: Option<String>,
    pub aida: Option<String>,
    /// Roles of actor, target, instrument and place, in that order.
    pub roles: [RoleNames; 4],
    pub object: ObjectSlot,
}

/// The parsed table.
#[derive(Debug)]
pub struct EventTable {
    pub rows: Vec<Subtype>,
}

fn optional(field: &str) -> Option<String> {
    (field != "-").then(|| field.to_owned())
}

fn roles(field: &str) -> RoleNames {
    match field.split_once('|') {
        Some((k, a)) => RoleNames {
            kairos: optional(k),
            aida: optional(a),
        },
        None => RoleNames {
            kairos: optional(field),
            aida: optional(&field.to_lowercase()),
        },
    }
}

/// Parses the table text; errors name the line.
pub fn parse(text: &str) -> Result<EventTable, String> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 9 {
            return Err(format!(
                "event table line {}: {} fields, not 9",
                n + 1,
                f.len()
            ));
        }
        let plover = EventType::from_label(f[1])
            .ok_or_else(|| format!("event table line {}: unknown PLOVER type {}", n + 1, f[1]))?;
        let object = match f[8] {
            "target" => ObjectSlot::Target,
            "instrument" => ObjectSlot::Instrument,
            other => return Err(format!("event table line {}: object {other}", n + 1)),
        };
        rows.push(Subtype {
            name: f[0].to_owned(),
            plover,
            kairos: optional(f[2]),
            aida: optional(f[3]),
            roles: [roles(f[4]), roles(f[5]), roles(f[6]), roles(f[7])],
            object,
        });
    }
    Ok(EventTable { rows })
}

impl EventTable {
    /// The table shipped in the repository.
    pub fn get() -> &'static EventTable {
        static TABLE_ONCE: OnceLock<EventTable> = OnceLock::new();
        TABLE_ONCE.get_or_init(|| parse(TABLE).expect("data/event_types.tsv is well formed"))
    }

    /// The row of a subtype.
    pub fn subtype(&self, name: &str) -> Option<&Subtype> {
        self.rows.iter().find(|r| r.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_covers_the_required_types() {
        let t = parse(TABLE).unwrap();
        for needed in [
            EventType::Assault,
            EventType::Fight,
            EventType::Mobilize,
            EventType::Aid,
            EventType::Consult,
            EventType::Agree,
            EventType::Reject,
            EventType::Threaten,
            EventType::Demand,
            EventType::Sanction,
            EventType::Protest,
            EventType::Coerce,
            EventType::Other,
        ] {
            assert!(t.rows.iter().any(|r| r.plover == needed), "{needed:?}");
        }
        let b = t.subtype("bombing").unwrap();
        assert_eq!(b.kairos.as_deref(), Some("Conflict.Attack.DetonateExplode"));
        assert_eq!(b.roles[2].kairos.as_deref(), Some("ExplosiveDevice"));
        assert_eq!(b.roles[2].aida.as_deref(), Some("instrument"));
        assert_eq!(
            t.subtype("kill").unwrap().roles[1].aida.as_deref(),
            Some("victim")
        );
    }

    #[test]
    fn malformed_rows_name_their_line() {
        assert!(parse("a\tASSAULT\n").unwrap_err().contains("line 1"));
        let bad = "x\tNOPE\t-\t-\t-\t-\t-\t-\ttarget";
        assert!(parse(bad).unwrap_err().contains("PLOVER"));
    }
}
