//! Spreadsheet exports that cannot run formulas (OWASP, "CSV injection"): a
//! cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! opened by Excel and LibreOffice as a formula. Such a cell gets a leading
//! apostrophe, which spreadsheets read as "this is text"; the visible text
//! stays what was typed.

use std::borrow::Cow;

/// The cell as text a spreadsheet will not evaluate.
#[must_use]
pub fn cell(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// A CSV file for Dutch spreadsheets: a byte-order mark (so Excel reads
/// UTF-8), `;` between cells, every cell through [`cell`].
///
/// # Errors
/// Only when writing in memory fails.
pub fn csv<R, C>(rows: R) -> Result<Vec<u8>, csv::Error>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|c| cell(c.as_ref()).into_owned()).collect();
        writer.write_record(&cells)?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_stays_text_and_ordinary_text_is_untouched() {
        assert_eq!(
            cell("=HYPERLINK(\"http://evil.example\",\"klik\")"),
            "'=HYPERLINK(\"http://evil.example\",\"klik\")"
        );
        for risky in ["+31 6 1234", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(risky).starts_with('\''), "{risky:?}");
        }
        assert_eq!(cell("Laptop kwijt"), "Laptop kwijt");
        let file = String::from_utf8(csv([["=1+1", "gewoon"]]).unwrap()).unwrap();
        assert_eq!(file, "\u{feff}'=1+1;gewoon\n");
    }
}
