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
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    // One line at a time in one buffer: a cell padded to its column's width
    // and three spaces, the last as it is; trailing blanks cut.
    let mut text = String::new();
    let mut line = |cells: &mut dyn ExactSizeIterator<Item = &str>| {
        text.clear();
        let last = cells.len().saturating_sub(1);
        for (i, c) in cells.enumerate() {
            text.push_str(c);
            if i != last {
                pad(&mut text, (widths[i] + 3).saturating_sub(width(c)));
            }
        }
        let end = text.trim_end().len();
        text.truncate(end);
        text.push('\n');
        out.write_all(text.as_bytes())
    };
    if heading {
        line(&mut header.iter().copied())?;
    }
    for row in rows {
        line(&mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// The columns a cell takes: its characters (the bytes of ASCII text).
fn width(cell: &str) -> usize {
    match cell.is_ascii() {
        true => cell.len(),
        false => cell.chars().count(),
    }
}

/// `n` spaces at the end of `text`.
fn pad(text: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        text.push_str(&SPACES[..k]);
        n -= k;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(header: &[&str], rows: &[&[&str]], heading: bool) -> String {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let mut out = Vec::new();
        print_with(&mut out, header, &rows, heading).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_are_as_wide_as_their_widest_cell_and_three_spaces() {
        let text = printed(
            &["NAME", "ID", "STATUS"],
            &[&["a", "1234567890", ""], &["ünïcödé", "1", "Up"]],
            true,
        );
        assert_eq!(
            text,
            "NAME      ID           STATUS\n\
             a         1234567890\n\
             ünïcödé   1            Up\n"
        );
        let wide = "x".repeat(70);
        let text = printed(&["A", "B"], &[&[&wide, "b"], &["x", "c"]], false);
        let pad = " ".repeat(72);
        assert_eq!(
            text,
            format!("{wide}   b\nx{pad}c\n"),
            "no heading; pads past 32 spaces"
        );
    }
}
