//! A DPIA as a document: the status line (which version, approved by whom, or
//! "concept"), then the Model DPIA's points, the risks, the FG's advice and the
//! approval, each a section of label–value rows. The texts come from the
//! caller (the application's catalogue).

use crate::{DocumentError, DocumentSection, sectioned_document};

/// One section with its rows (label, value); a row with an empty value is a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<(String, String)>,
}

/// The whole DPIA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dpia {
    pub title: String,
    pub status_line: String,
    pub sections: Vec<Section>,
}

/// The DPIA as a PDF.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn dpia(dpia: &Dpia) -> Result<Vec<u8>, DocumentError> {
    let mut sections = vec![DocumentSection { title: "", rows: vec![(dpia.status_line.as_str(), "")] }];
    sections.extend(dpia.sections.iter().map(|s| DocumentSection {
        title: &s.title,
        rows: s.rows.iter().map(|(l, v)| (l.as_str(), v.as_str())).collect(),
    }));
    sectioned_document(&dpia.title, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dpia_is_a_pdf() {
        let pdf = dpia(&Dpia {
            title: "DPIA Leerlingvolgsysteem".to_owned(),
            status_line: "Versie 1".to_owned(),
            sections: vec![Section {
                title: "1. Voorstel".to_owned(),
                rows: vec![("Doel".to_owned(), "Onderwijs".to_owned())],
            }],
        })
        .unwrap_or_default();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
