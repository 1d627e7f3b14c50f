//! The overview of every party the board shares personal data with (seed 002
//! §9.2.3: "een actueel overzicht … op verzoek beschikbaar"): the processors,
//! then the recipients that are not processors, each with label–value rows.
//! The texts come from the caller (the application's catalogue).

use crate::{DocumentError, DocumentSection, sectioned_document};

/// One party with its rows (label, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub rows: Vec<(String, String)>,
}

/// The whole overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub title: String,
    /// Who keeps it and on what day it was made.
    pub intro: String,
    pub processors_heading: String,
    pub processors: Vec<Party>,
    pub recipients_heading: String,
    pub recipients: Vec<Party>,
    /// Said under a heading with nobody under it.
    pub empty: String,
}

/// The overview as a PDF: the introduction, then one section per party under
/// the heading of its group.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn overview(overview: &Overview) -> Result<Vec<u8>, DocumentError> {
    let mut sections = vec![DocumentSection { title: &overview.title, rows: vec![(overview.intro.as_str(), "")] }];
    for (heading, parties) in
        [(&overview.processors_heading, &overview.processors), (&overview.recipients_heading, &overview.recipients)]
    {
        if parties.is_empty() {
            sections.push(DocumentSection { title: heading, rows: vec![(overview.empty.as_str(), "")] });
            continue;
        }
        for (index, party) in parties.iter().enumerate() {
            let mut rows: Vec<(&str, &str)> = Vec::new();
            if index == 0 {
                // The group's heading leads into its first party.
                rows.push((heading.as_str(), ""));
            }
            rows.extend(party.rows.iter().filter(|(_, v)| !v.is_empty()).map(|(l, v)| (l.as_str(), v.as_str())));
            sections.push(DocumentSection { title: &party.name, rows });
        }
    }
    sectioned_document(&overview.title, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_is_a_pdf() {
        let party = Party { name: "DUO".to_owned(), rows: vec![("Grondslag".to_owned(), "art. 8 WPO".to_owned())] };
        let pdf = overview(&Overview {
            title: "Overzicht".to_owned(),
            intro: "Intro".to_owned(),
            processors_heading: "Verwerkers".to_owned(),
            processors: Vec::new(),
            recipients_heading: "Ontvangers".to_owned(),
            recipients: vec![party],
            empty: "Geen.".to_owned(),
        })
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
