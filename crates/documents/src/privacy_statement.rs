//! The privacy statement as a PDF (AVG art. 12(1): "in writing, or by other
//! means"; seed 001 art. 15): the title, a line saying which version it is,
//! then every section with its paragraphs. The texts come from the caller.

use crate::{DocumentError, DocumentSection, sectioned_document};

/// The whole statement: sections as (title, text), the text's paragraphs
/// separated by `\n`; a paragraph starting with `- ` is a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub title: String,
    /// The board whose statement it is: the heading of the version line.
    pub board: String,
    /// Which version, published when, with which hash (or: a draft).
    pub note: String,
    pub sections: Vec<(String, String)>,
}

/// The statement as a PDF.
///
/// # Errors
/// [`DocumentError::Empty`] without sections; otherwise only when the embedded
/// fonts or krilla fail.
pub fn statement(statement: &Statement) -> Result<Vec<u8>, DocumentError> {
    if statement.sections.is_empty() {
        return Err(DocumentError::Empty);
    }
    let bulleted: Vec<(String, Vec<String>)> = statement
        .sections
        .iter()
        .map(|(title, text)| {
            let paragraphs = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.strip_prefix("- ").map_or_else(|| l.to_owned(), |item| format!("• {item}")))
                .collect();
            (title.clone(), paragraphs)
        })
        .collect();
    let mut sections = vec![DocumentSection { title: &statement.board, rows: vec![(statement.note.as_str(), "")] }];
    for (title, paragraphs) in &bulleted {
        sections.push(DocumentSection { title, rows: paragraphs.iter().map(|p| (p.as_str(), "")).collect() });
    }
    sectioned_document(&statement.title, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_is_a_pdf() {
        let pdf = statement(&Statement {
            title: "Privacyverklaring".to_owned(),
            board: "Stichting Kerobei".to_owned(),
            note: "Versie 1".to_owned(),
            sections: vec![("Wie zijn wij?".to_owned(), "Stichting Kerobei\n- Adres: Schoolstraat 1".to_owned())],
        })
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let empty =
            Statement { title: "x".to_owned(), board: String::new(), note: String::new(), sections: Vec::new() };
        assert!(matches!(statement(&empty), Err(DocumentError::Empty)));
    }
}
