//! Query output in every format, for every query: a readable table, JSON,
//! JSON Lines, CSV, or Parquet (cargo feature `parquet`).
//!
//! Rows are any `serde::Serialize` value. For the flat formats a row's
//! top-level fields become columns in their declared order; a field holding
//! a list or an object is written as its JSON text in one cell, so nested
//! results (an entity profile) export without loss. Parquet columns are
//! typed from the values: whole numbers Int64, other numbers Float64,
//! booleans Boolean, everything else Utf8; absent values are nulls.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::Serialize;
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table (the default of the query commands).
    Table,
    /// One pretty-printed JSON array.
    Json,
    /// One JSON object per line (the default of `export`).
    Jsonl,
    /// A header line then one row per result (RFC 4180).
    Csv,
    /// An Apache Parquet file (needs the `parquet` build feature).
    Parquet,
}

/// Output arguments every query takes.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The most results (or rows per list of a profile), at most 1000.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Shorthand for `--format json`.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    fn format(&self, export: bool) -> Format {
        match (self.json, self.format) {
            (true, _) => Format::Json,
            (false, Some(f)) if !(export && f == Format::Table) => f,
            (false, _) if export => Format::Jsonl,
            _ => Format::Table,
        }
    }
}

/// Writes query results as `out` asks; `table` prints one result readably.
pub fn emit<T: Serialize>(
    rows: &[T],
    out: &OutputArgs,
    export: bool,
    noun: &str,
    table: impl Fn(&T),
) -> Result<Outcome> {
    let format = out.format(export);
    if format == Format::Table {
        if out.output.is_some() {
            bail!("--output needs a machine format: --format json, jsonl, csv or parquet");
        }
        rows.iter().for_each(table);
        let s = if rows.len() == 1 { "" } else { "s" };
        eprintln!("{} {noun}{s}", rows.len());
        return Ok(Outcome::Clean);
    }
    let mut bytes = Vec::new();
    match format {
        Format::Table => unreachable!("handled above"),
        Format::Json => {
            serde_json::to_writer_pretty(&mut bytes, rows)?;
            bytes.push(b'\n');
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut bytes, row)?;
                bytes.push(b'\n');
            }
        }
        Format::Csv => write_csv(&mut bytes, &table_of(rows)?)?,
        Format::Parquet => {
            if out.output.is_none() && std::io::stdout().is_terminal() {
                bail!("Parquet is binary: give --output FILE or redirect standard output");
            }
            write_parquet(&mut bytes, &table_of(rows)?)?;
        }
    }
    match &out.output {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
        }
    }
    Ok(Outcome::Clean)
}

/// Rows as columns in declared field order.
pub struct Table {
    pub columns: Vec<String>,
    /// One value per column per row (`Null` when a row lacks the field).
    pub rows: Vec<Vec<Value>>,
}

fn table_of<T: Serialize>(items: &[T]) -> Result<Table> {
    let mut columns: Vec<String> = Vec::new();
    let mut fields = Vec::with_capacity(items.len());
    for item in items {
        let text = serde_json::to_string(item)?;
        let OrderedFields(row) = serde_json::from_str(&text)
            .context("a query result that is not an object cannot be a table row")?;
        for (name, _) in &row {
            if !columns.contains(name) {
                columns.push(name.clone());
            }
        }
        fields.push(row);
    }
    let rows = fields
        .into_iter()
        .map(|mut row| {
            columns
                .iter()
                .map(|c| {
                    row.iter()
                        .position(|(name, _)| name == c)
                        .map_or(Value::Null, |i| row.swap_remove(i).1)
                })
                .collect()
        })
        .collect();
    Ok(Table { columns, rows })
}

/// A JSON object's fields in the order written (serde_json's `Map` sorts
/// them).
struct OrderedFields(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for OrderedFields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = OrderedFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedFields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    fields.push(entry);
                }
                Ok(OrderedFields(fields))
            }
        }
        d.deserialize_map(Fields)
    }
}

/// A cell's text: strings as they are, nulls empty, the rest as JSON.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn write_csv(out: &mut Vec<u8>, table: &Table) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&table.columns)?;
    for row in &table.rows {
        writer.write_record(row.iter().map(cell))?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(feature = "parquet")]
fn write_parquet(out: &mut Vec<u8>, table: &Table) -> Result<()> {
    crate::export_parquet::write(out, table)
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: &mut Vec<u8>, _: &Table) -> Result<()> {
    bail!("this chronicle was built without Parquet support: build it with `--features parquet`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Hit {
        zulu: &'static str,
        alpha: Option<i64>,
        list: Vec<u8>,
    }

    #[test]
    fn columns_keep_field_order_and_nested_values_become_json_cells() {
        let rows = [
            Hit {
                zulu: "a, \"b\"",
                alpha: Some(3),
                list: vec![1, 2],
            },
            Hit {
                zulu: "c",
                alpha: None,
                list: vec![],
            },
        ];
        let table = table_of(&rows).unwrap();
        assert_eq!(table.columns, ["zulu", "alpha", "list"]);
        let mut out = Vec::new();
        write_csv(&mut out, &table).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "zulu,alpha,list\n\"a, \"\"b\"\"\",3,\"[1,2]\"\nc,,[]\n"
        );
    }

    #[test]
    fn export_defaults_to_json_lines_and_json_wins() {
        let out = |format, json| OutputArgs {
            limit: 1,
            format,
            json,
            output: None,
        };
        assert_eq!(out(None, false).format(false), Format::Table);
        assert_eq!(out(None, false).format(true), Format::Jsonl);
        assert_eq!(out(Some(Format::Table), false).format(true), Format::Jsonl);
        assert_eq!(out(Some(Format::Csv), false).format(true), Format::Csv);
        assert_eq!(out(None, true).format(false), Format::Json);
    }
}
