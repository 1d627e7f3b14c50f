//! The register of processing activities (AVG art. 30(1)) as a PDF for the
//! supervisory authority or the inspectorate: the controller and the FG, then
//! one section per activity with label–value rows, under a line that says
//! which version it is and when it was made. The texts come from the caller
//! (the application's catalogue); nothing here reads the clock.

use crate::{DocumentError, DocumentSection, sectioned_document};

/// One section: a heading and its rows (label, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub rows: Vec<(String, String)>,
}

/// The whole register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterDocument {
    pub title: String,
    /// The version and adoption line, with the day it was made.
    pub version_line: String,
    /// The controller and the FG (art. 30(1)(a)).
    pub controller: Entry,
    pub activities: Vec<Entry>,
    /// Said when there is no activity.
    pub empty: String,
}

fn rows(entry: &Entry) -> Vec<(&str, &str)> {
    entry.rows.iter().filter(|(_, v)| !v.is_empty()).map(|(l, v)| (l.as_str(), v.as_str())).collect()
}

/// The register as a PDF: the version line, the controller, then every activity.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn register(document: &RegisterDocument) -> Result<Vec<u8>, DocumentError> {
    let mut sections = vec![
        DocumentSection { title: "", rows: vec![(document.version_line.as_str(), "")] },
        DocumentSection { title: &document.controller.name, rows: rows(&document.controller) },
    ];
    if document.activities.is_empty() {
        sections.push(DocumentSection { title: &document.title, rows: vec![(document.empty.as_str(), "")] });
    }
    for activity in &document.activities {
        sections.push(DocumentSection { title: &activity.name, rows: rows(activity) });
    }
    sectioned_document(&document.title, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_is_a_pdf_even_without_activities() {
        let controller = Entry {
            name: "Verwerkingsverantwoordelijke".to_owned(),
            rows: vec![("Naam".to_owned(), "Kerobei".to_owned())],
        };
        let mut document = RegisterDocument {
            title: "Register".to_owned(),
            version_line: "Versie 1".to_owned(),
            controller,
            activities: Vec::new(),
            empty: "Geen.".to_owned(),
        };
        assert!(register(&document).unwrap().starts_with(b"%PDF"));
        document.activities.push(Entry {
            name: "Leerlingadministratie".to_owned(),
            rows: vec![("Doel 1".to_owned(), "Onderwijs".to_owned()), ("Leeg".to_owned(), String::new())],
        });
        assert!(register(&document).unwrap().starts_with(b"%PDF"));
    }
}
