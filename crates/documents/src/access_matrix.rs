//! The authorisation matrix of one information system as a PDF to print and
//! file (seed 001 §13.2, §13.3): the system with its data and
//! classification, its access policy, then every row of the matrix in force
//! (who, with which profile, may do what, how far), under a line that says
//! which version it is and since when. The texts come from the caller (the
//! application's catalogue); nothing here reads the clock.

use crate::{DocumentError, DocumentSection, sectioned_document};

/// One row of the matrix: who (role and profile) and what they may (rights and scope).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub who: String,
    pub grant: String,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessMatrixDocument {
    pub title: String,
    /// The version in force and the day it was saved.
    pub version_line: String,
    pub system_heading: String,
    /// Label–value rows: the data, the classification, the supplier.
    pub system_rows: Vec<(String, String)>,
    pub policy_heading: String,
    pub policy_rows: Vec<(String, String)>,
    pub matrix_heading: String,
    pub lines: Vec<Line>,
    /// Said when the matrix has no rows.
    pub empty: String,
}

fn pairs(rows: &[(String, String)]) -> Vec<(&str, &str)> {
    rows.iter().map(|(l, v)| (l.as_str(), v.as_str())).collect()
}

/// The matrix as a PDF: the version line, the system, its policy, then the rows.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn access_matrix(document: &AccessMatrixDocument) -> Result<Vec<u8>, DocumentError> {
    let lines: Vec<(&str, &str)> = if document.lines.is_empty() {
        vec![(document.empty.as_str(), "")]
    } else {
        document.lines.iter().map(|l| (l.who.as_str(), l.grant.as_str())).collect()
    };
    let sections = [
        DocumentSection { title: "", rows: vec![(document.version_line.as_str(), "")] },
        DocumentSection { title: &document.system_heading, rows: pairs(&document.system_rows) },
        DocumentSection { title: &document.policy_heading, rows: pairs(&document.policy_rows) },
        DocumentSection { title: &document.matrix_heading, rows: lines },
    ];
    sectioned_document(&document.title, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_is_a_pdf_with_and_without_rows() {
        let mut document = AccessMatrixDocument {
            title: "Autorisatiematrix ParnasSys".to_owned(),
            version_line: "Versie 2".to_owned(),
            system_heading: "Systeem".to_owned(),
            system_rows: vec![("Classificatie".to_owned(), "Vertrouwelijk".to_owned())],
            policy_heading: "Toegangsbeleid".to_owned(),
            policy_rows: vec![("Tweestapsverificatie".to_owned(), "Ja".to_owned())],
            matrix_heading: "Matrix".to_owned(),
            lines: Vec::new(),
            empty: "Geen rijen.".to_owned(),
        };
        assert!(access_matrix(&document).unwrap().starts_with(b"%PDF"));
        document.lines.push(Line { who: "Leerkracht".to_owned(), grant: "inzien, wijzigen: eigen groep".to_owned() });
        assert!(access_matrix(&document).unwrap().starts_with(b"%PDF"));
    }
}
