//! Column-aligned tables (three spaces between columns, as docker prints them).

use std::io::Write;

/// Print `header` and `rows` aligned to `out`.
pub fn print(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    print_with(out, header, rows, true)
}

/// [`print`], with the header line or (`--noheading`) without it.
pub fn print_with(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
    heading: bool,
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    // One line at a time in one buffer: a cell padded to its column's width
    // and three spaces, the last as it is; trailing blanks cut.
    let mut text = String::new();
    let mut line = |cells: &[&str]| {
        text.clear();
        let last = cells.len().saturating_sub(1);
        for (i, c) in cells.iter().enumerate() {
            text.push_str(c);
            if i != last {
                let pad = (widths[i] + 3).saturating_sub(c.chars().count());
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    if heading {
        line(header)?;
    }
    for row in rows {
        line(&row.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    Ok(())
}

/// Print `rows` (template values) as a table: the fields `keys` under `header`
/// (a string as it is, another value as JSON).
pub fn print_fields(
    out: &mut impl Write,
    header: &[&str],
    keys: &[&str],
    rows: &[serde_json::Value],
    heading: bool,
) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            keys.iter()
                .map(|k| match &r[*k] {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    v => v.to_string(),
                })
                .collect()
        })
        .collect();
    print_with(out, header, &cells, heading)
}
