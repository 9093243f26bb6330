//! Parquet output of a query table (cargo feature `parquet`): one column
//! per field, typed from the values (see `export`), uncompressed pages —
//! no zstd or other C code in the build.

use crate::export::{cell, Table};
use anyhow::Result;
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use serde_json::Value;
use std::sync::Arc;

/// The Arrow type that holds every value of a column.
fn column_type(values: impl Iterator<Item = Value> + Clone) -> DataType {
    let present = values.filter(|v| !v.is_null());
    if present.clone().all(|v| v.is_i64()) {
        // All nulls too: a column of nothing is still typed.
        DataType::Int64
    } else if present.clone().all(|v| v.is_number()) {
        DataType::Float64
    } else if present.clone().all(|v| v.is_boolean()) {
        DataType::Boolean
    } else {
        DataType::Utf8
    }
}

/// Writes `table` as a Parquet file into `out`.
pub fn write(out: &mut Vec<u8>, table: &Table) -> Result<()> {
    let mut fields = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (i, name) in table.columns.iter().enumerate() {
        let values = table.rows.iter().map(move |r| r[i].clone());
        let kind = column_type(values.clone());
        let array: ArrayRef = match kind {
            DataType::Int64 => Arc::new(values.map(|v| v.as_i64()).collect::<Int64Array>()),
            DataType::Float64 => Arc::new(values.map(|v| v.as_f64()).collect::<Float64Array>()),
            DataType::Boolean => Arc::new(values.map(|v| v.as_bool()).collect::<BooleanArray>()),
            _ => Arc::new(
                values
                    .map(|v| (!v.is_null()).then(|| cell(&v)))
                    .collect::<StringArray>(),
            ),
        };
        fields.push(Field::new(name, kind, true));
        arrays.push(array);
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), arrays)?;
    let mut writer = ArrowWriter::try_new(out, schema, None)?;
    writer.write(&batch)?;
    writer.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use serde_json::json;

    #[test]
    fn a_table_round_trips_with_typed_columns() {
        let table = Table {
            columns: vec!["name".into(), "count".into(), "value".into(), "list".into()],
            rows: vec![
                vec![json!("Kyiv"), json!(3), json!(1.5), json!([1, 2])],
                vec![json!(null), json!(null), json!(2), json!([])],
            ],
        };
        let mut out = Vec::new();
        write(&mut out, &table).unwrap();
        let file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut &file, &out).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows(), 2);
        let schema = meta.file_metadata().schema_descr();
        let types: Vec<String> = (0..4)
            .map(|i| format!("{:?}", schema.column(i).physical_type()))
            .collect();
        assert_eq!(types, ["BYTE_ARRAY", "INT64", "DOUBLE", "BYTE_ARRAY"]);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        assert_eq!(
            rows,
            [
                "{name: \"Kyiv\", count: 3, value: 1.5, list: \"[1,2]\"}",
                "{name: null, count: null, value: 2.0, list: \"[]\"}"
            ]
        );
    }
}
