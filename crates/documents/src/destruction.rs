//! The certificate of destruction ("verklaring van vernietiging", issue 15):
//! the statement line, then the batch, the approvals, the counts per category
//! and the confirmation per system, each a section of label–value rows. It
//! names what was destroyed by category and count, never a pupil or the
//! destroyed content. The texts come from the caller (the application's catalogue).

use crate::{DocumentError, DocumentSection, sectioned_document};

/// One section with its rows (label, value); a row with an empty value is a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<(String, String)>,
}

/// The whole certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub title: String,
    pub statement: String,
    pub sections: Vec<Section>,
}

/// The certificate as a PDF; the same certificate gives the same bytes.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn certificate(certificate: &Certificate) -> Result<Vec<u8>, DocumentError> {
    let mut sections = vec![DocumentSection { title: "", rows: vec![(certificate.statement.as_str(), "")] }];
    sections.extend(certificate.sections.iter().map(|s| DocumentSection {
        title: &s.title,
        rows: s.rows.iter().map(|(l, v)| (l.as_str(), v.as_str())).collect(),
    }));
    sectioned_document(&certificate.title, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_is_a_pdf_and_the_same_certificate_gives_the_same_bytes() {
        let c = Certificate {
            title: "Verklaring van vernietiging".to_owned(),
            statement: "Vernietigd".to_owned(),
            sections: vec![Section {
                title: "Per soort".to_owned(),
                rows: vec![("Leerlingdossier".to_owned(), "2".to_owned())],
            }],
        };
        let first = certificate(&c).unwrap_or_default();
        assert!(first.starts_with(b"%PDF"));
        assert_eq!(first, certificate(&c).unwrap_or_default());
    }
}
