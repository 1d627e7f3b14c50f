//! The register a new board starts from, built from the seeds: the purposes of
//! seed 001 art. 4.1 a–k on the legal bases of art. 7, the data categories of
//! seed 002 §4.1.2, the retention terms of seed 001 §14.17 and seed 002 §7.2,
//! and the usual activities of a primary-school board. Every activity is
//! complete in the sense of [`super::findings`] once the board has its profile
//! and the default consent purposes; the board edits all of it.
//!
//! The processors are not listed as recipients here: they are the suppliers of
//! the systems the board links to each activity, and each needs its processor
//! agreement (seed 002 §5.4.2).

use super::{
    Activity, ActivityStatus, Classification, DataCategory as D, LegalBasis as B, Purpose, Recipient,
    RecipientKind as K, SpecialCategory, SpecialCondition, SubjectCategory as S,
};

fn purpose(text: &str, legal_basis: B, legal_source: &str) -> Purpose {
    Purpose {
        text: text.to_owned(),
        legal_basis,
        legal_source: Some(legal_source.to_owned()).filter(|s| !s.is_empty()),
        consent_purpose: None,
        balancing_test: None,
    }
}

fn consent(text: &str, consent_purpose: &str) -> Purpose {
    Purpose { consent_purpose: Some(consent_purpose.to_owned()), ..purpose(text, B::Consent, "") }
}

fn interest(text: &str, balancing_test: &str) -> Purpose {
    Purpose { balancing_test: Some(balancing_test.to_owned()), ..purpose(text, B::LegitimateInterests, "") }
}

fn recipient(name: &str, kind: K) -> Recipient {
    Recipient { name: name.to_owned(), kind, supplier_id: None }
}

const STAFF: &str = "Medewerkers van de school die de gegevens voor hun werk nodig hebben";

const MEASURES: &str = "Alleen medewerkers die de gegevens voor hun werk nodig hebben, hebben toegang (autorisatiematrix, \
beleid §13). Aanmelden met tweestapsverificatie en een sterk wachtwoord. Gegevens staan bij leveranciers met een \
verwerkersovereenkomst volgens het model van het Privacyconvenant, binnen de EER en versleuteld verzonden.";

struct Draft {
    name: &'static str,
    description: &'static str,
    purposes: Vec<Purpose>,
    subjects: Vec<S>,
    data: Vec<D>,
    special: Vec<SpecialCategory>,
    recipients: Vec<Recipient>,
    retention: &'static str,
    classification: Classification,
    owner: &'static str,
    source: Option<&'static str>,
}

impl Draft {
    fn activity(self) -> Activity {
        Activity {
            name: self.name.to_owned(),
            description: Some(self.description.to_owned()),
            purposes: self.purposes,
            subject_categories: self.subjects,
            data_categories: self.data,
            special_categories: self.special,
            recipients: self.recipients,
            transfers: Vec::new(),
            retention: Some(self.retention.to_owned()),
            security_measures: Some(MEASURES.to_owned()),
            system_ids: Vec::new(),
            classification: Some(self.classification),
            owner: Some(self.owner.to_owned()),
            source: self.source.map(str::to_owned),
            automated_decisions: None,
            status: ActivityStatus::Draft,
            review_date: None,
        }
    }
}

fn special(category: D, condition: SpecialCondition) -> SpecialCategory {
    SpecialCategory { category, condition: Some(condition) }
}

/// The template activities a register with activities named `present` lacks
/// (names compared without regard to case): all of them for a new board.
#[must_use]
pub fn missing_from<'a>(present: impl IntoIterator<Item = &'a str>) -> Vec<Activity> {
    let present: Vec<String> = present.into_iter().map(str::to_lowercase).collect();
    activities().into_iter().filter(|a| !present.contains(&a.name.to_lowercase())).collect()
}

/// The template activities, in the order the register shows them.
#[must_use]
pub fn activities() -> Vec<Activity> {
    let drafts = vec![
        Draft {
            name: "Leerlingadministratie",
            description: "Inschrijven en uitschrijven van leerlingen, de groepsindeling, verzuim en de gegevens voor \
                          de bekostiging.",
            purposes: vec![
                purpose("Het organiseren en geven van onderwijs (art. 4.1 a)", B::PublicTask, "art. 8 WPO"),
                purpose("Het aanvragen van bekostiging (art. 4.1 g)", B::LegalObligation, "art. 178a WPO"),
                purpose("Het uitvoeren van de leerplicht (art. 4.1 j)", B::LegalObligation, "Leerplichtwet 1969"),
            ],
            subjects: vec![S::Pupils, S::Parents],
            data: vec![D::Identification, D::Contact, D::EducationProgress, D::Bsn],
            special: Vec::new(),
            recipients: vec![
                recipient(STAFF, K::Internal),
                recipient("DUO (basisregister onderwijs)", K::PublicAuthority),
                recipient("Gemeente (leerplicht)", K::PublicAuthority),
            ],
            retention: "Tot 2 jaar nadat de leerling de school heeft verlaten. Gegevens over in- en uitschrijving \
                        en verzuim: 5 jaar na uitschrijving (beleid §14.17).",
            classification: Classification::Confidential,
            owner: "Directeur van de school",
            source: None,
        },
        Draft {
            name: "Leerlingvolgsysteem en leerlingenzorg",
            description: "De ontwikkeling van de leerling volgen, toetsen, handelingsplannen en extra ondersteuning.",
            purposes: vec![purpose(
                "De begeleiding van leerlingen en hun extra ondersteuning (art. 4.1 a)",
                B::PublicTask,
                "art. 8 WPO; Wet passend onderwijs",
            )],
            subjects: vec![S::Pupils, S::Parents],
            data: vec![D::Identification, D::EducationProgress, D::Performance, D::SpecialNeeds, D::Behaviour],
            special: vec![special(D::Health, SpecialCondition::SubstantialPublicInterest)],
            recipients: vec![
                recipient(STAFF, K::Internal),
                recipient("Samenwerkingsverband passend onderwijs", K::ThirdParty),
                recipient("De volgende school (onderwijskundig rapport, via OSO)", K::ThirdParty),
            ],
            retention: "Tot 2 jaar nadat de leerling de school heeft verlaten; bij verwijzing naar het speciaal \
                        (basis)onderwijs 3 jaar na uitschrijving (beleid §14.17).",
            classification: Classification::Confidential,
            owner: "Intern begeleider, namens de directeur",
            source: Some("Van de ouders, van de vorige school (onderwijskundig rapport) en van de leerkrachten."),
        },
        Draft {
            name: "Digitale leermiddelen met ECK iD",
            description: "Leerlingen werken met digitale lesmethodes; de school geeft hiervoor een ECK iD door in \
                          plaats van naam of leerlingnummer.",
            purposes: vec![purpose(
                "Het verstrekken van leermiddelen (art. 4.1 b)",
                B::PublicTask,
                "art. 8 WPO; Privacyconvenant onderwijs",
            )],
            subjects: vec![S::Pupils],
            data: vec![D::Identification, D::LearningResources, D::Performance],
            special: Vec::new(),
            recipients: vec![recipient(STAFF, K::Internal)],
            retention: "Zolang de leerling de leermiddelen gebruikt; daarna verwijdert de leverancier de gegevens \
                        volgens de verwerkersovereenkomst.",
            classification: Classification::Internal,
            owner: "Bestuurskantoor (ICT)",
            source: None,
        },
        Draft {
            name: "Website, schoolgids en nieuwsbrief",
            description: "Foto's en berichten over activiteiten van de school, alleen met toestemming.",
            purposes: vec![
                consent("Foto's en video's op de website van de school (art. 4.1 d)", "website"),
                consent("Foto's in de schoolgids en brochures (art. 4.1 e)", "school_guide"),
                consent("Foto's in de nieuwsbrief (art. 4.1 e)", "newsletter"),
            ],
            subjects: vec![S::Pupils, S::Staff],
            data: vec![D::Identification, D::Images],
            special: Vec::new(),
            recipients: vec![
                recipient(STAFF, K::Internal),
                recipient("Bezoekers van de website en lezers van de schoolgids", K::ThirdParty),
            ],
            retention: "Tot de toestemming wordt ingetrokken, en uiterlijk 1 jaar nadat de leerling de school \
                        heeft verlaten.",
            classification: Classification::Public,
            owner: "Directeur van de school",
            source: None,
        },
        Draft {
            name: "Contact met ouders",
            description: "Berichten, gesprekken en het ouderportaal.",
            purposes: vec![purpose(
                "Het informeren van ouders over hun kind en de school (art. 4.1 a)",
                B::PublicTask,
                "art. 8 WPO; art. 11 WPO",
            )],
            subjects: vec![S::Parents, S::Pupils],
            data: vec![D::Identification, D::Contact, D::Communications],
            special: Vec::new(),
            recipients: vec![recipient(STAFF, K::Internal)],
            retention: "Tot 2 jaar nadat de leerling de school heeft verlaten.",
            classification: Classification::Internal,
            owner: "Directeur van de school",
            source: None,
        },
        Draft {
            name: "Ouderbijdrage en schoolreisjes",
            description: "Het vragen en innen van de vrijwillige ouderbijdrage en bijdragen voor activiteiten.",
            purposes: vec![purpose(
                "Het berekenen, vastleggen en innen van bijdragen (art. 4.1 f)",
                B::Contract,
                "de afspraak met de ouders over de vrijwillige bijdrage",
            )],
            subjects: vec![S::Parents, S::Pupils],
            data: vec![D::Identification, D::Contact, D::Financial],
            special: Vec::new(),
            recipients: vec![recipient(STAFF, K::Internal)],
            retention: "7 jaar, omdat de belastingwet dat voor de financiële administratie verplicht (art. 52 AWR).",
            classification: Classification::Internal,
            owner: "Bestuurskantoor (financiën)",
            source: None,
        },
        Draft {
            name: "Personeelsadministratie",
            description: "Het dienstverband, salaris, verlof, ziekte en de verplichte verklaringen van medewerkers.",
            purposes: vec![
                purpose(
                    "Het aangaan en uitvoeren van arbeidsovereenkomsten (art. 4.1 i)",
                    B::Contract,
                    "de arbeidsovereenkomst; cao primair onderwijs",
                ),
                purpose(
                    "Het uitvoeren van wet- en regelgeving (art. 4.1 j)",
                    B::LegalObligation,
                    "Wet op de loonbelasting 1964; art. 32 WPO (verklaring omtrent het gedrag)",
                ),
            ],
            subjects: vec![S::Staff],
            data: vec![D::Identification, D::Contact, D::Employment, D::Financial, D::Bsn],
            special: vec![special(D::Health, SpecialCondition::Employment)],
            recipients: vec![
                recipient("Bestuurskantoor (personeelszaken en salarisadministratie)", K::Internal),
                recipient("Belastingdienst", K::PublicAuthority),
                recipient("Pensioenfonds ABP", K::ThirdParty),
                recipient("Arbodienst en bedrijfsarts", K::ThirdParty),
            ],
            retention: "2 jaar nadat het dienstverband is geëindigd; loonbelastinggegevens 7 jaar (fiscale \
                        bewaarplicht).",
            classification: Classification::Confidential,
            owner: "Bestuurskantoor (personeelszaken)",
            source: None,
        },
        Draft {
            name: "Werving en selectie",
            description: "Sollicitaties op vacatures van het bestuur en de scholen.",
            purposes: vec![purpose(
                "Het aangaan van arbeidsovereenkomsten (art. 4.1 i)",
                B::Contract,
                "stappen op verzoek van de sollicitant vóór een arbeidsovereenkomst",
            )],
            subjects: vec![S::Applicants],
            data: vec![D::Identification, D::Contact, D::Employment],
            special: Vec::new(),
            recipients: vec![recipient("De sollicitatiecommissie", K::Internal)],
            retention: "4 weken na het einde van de sollicitatieprocedure; met toestemming van de sollicitant \
                        ten hoogste 1 jaar.",
            classification: Classification::Confidential,
            owner: "Bestuurskantoor (personeelszaken)",
            source: None,
        },
        Draft {
            name: "Cameratoezicht",
            description: "Camera's bij de ingang en op het schoolplein, buiten lestijd.",
            purposes: vec![interest(
                "De veiligheid in de school en het beschermen van eigendommen (art. 4.1 c)",
                "De school wil inbraak en vernieling voorkomen en kunnen uitzoeken. De camera's hangen alleen bij de \
                 ingang en het plein, niet in klaslokalen of toiletten, en er hangen borden. Alleen de directeur \
                 bekijkt beelden, en alleen na een incident. Beelden worden na 4 weken gewist. Zo weegt het belang \
                 van leerlingen en medewerkers bij een ongestoorde schooldag zwaarder dan het belang van de school \
                 binnen de lestijd, en daarom staan de camera's dan uit.",
            )],
            subjects: vec![S::Pupils, S::Staff, S::Visitors, S::Public],
            data: vec![D::Images],
            special: Vec::new(),
            recipients: vec![
                recipient("De directeur, alleen na een incident", K::Internal),
                recipient("Politie, alleen op een officieel verzoek", K::PublicAuthority),
            ],
            retention: "Ten hoogste 4 weken, tenzij er een incident is: dan zolang de afhandeling nodig heeft \
                        (beleid §7.2).",
            classification: Classification::Confidential,
            owner: "Directeur van de school",
            source: None,
        },
        Draft {
            name: "Contact met oud-leerlingen",
            description: "Uitnodigingen voor reünies en jubilea.",
            purposes: vec![interest(
                "Het onderhouden van contacten met oud-leerlingen (art. 4.1 h)",
                "Het gaat alleen om naam en adres, voor een uitnodiging. Oud-leerlingen kunnen altijd bezwaar \
                 maken; dan worden hun gegevens gewist. Er gaat niets naar anderen.",
            )],
            subjects: vec![S::FormerPupils],
            data: vec![D::Identification, D::Contact],
            special: Vec::new(),
            recipients: vec![recipient("De reüniecommissie van de school", K::Internal)],
            retention: "Tot de oud-leerling bezwaar maakt (adresgegevens voor reünies, beleid §14.17).",
            classification: Classification::Internal,
            owner: "Directeur van de school",
            source: None,
        },
        Draft {
            name: "Klachten en juridische procedures",
            description: "Klachten, bezwaren en procedures waarbij het bestuur betrokken is.",
            purposes: vec![purpose(
                "Juridische procedures waarbij het bestuur betrokken is (art. 4.1 k)",
                B::LegalObligation,
                "art. 14 WPO (klachtenregeling)",
            )],
            subjects: vec![S::Parents, S::Pupils, S::Staff],
            data: vec![D::Identification, D::Contact, D::Communications],
            special: Vec::new(),
            recipients: vec![
                recipient("Het bestuur en de klachtencontactpersoon", K::Internal),
                recipient("De landelijke klachtencommissie", K::ThirdParty),
            ],
            retention: "Tot 2 jaar nadat de klacht of de procedure is afgerond.",
            classification: Classification::Confidential,
            owner: "College van Bestuur",
            source: None,
        },
    ];
    drafts.into_iter().map(Draft::activity).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{BoardProfile, Context, Dpo, findings};
    use super::*;

    /// With the board's profile and the default consent purposes, the template
    /// misses nothing, and together it covers purposes a–k of seed 001 art. 4.1.
    #[test]
    fn the_template_is_complete_and_covers_every_purpose() {
        let profile = BoardProfile {
            name: "Stichting".into(),
            address: "Straat 1".into(),
            kvk: None,
            contact_email: "info@example.org".into(),
            dpo: Dpo { name: "FG".into(), email: "fg@example.org".into(), phone: None },
        };
        let consent: Vec<String> = ["website", "school_guide", "newsletter"].map(String::from).to_vec();
        let context = Context {
            profile: Some(&profile),
            consent_purposes: &consent,
            systems: &[],
            suppliers: &[],
            today: jiff::civil::date(2026, 12, 2),
        };
        let all = activities();
        for activity in &all {
            assert_eq!(findings(activity, &context), vec![], "{}", activity.name);
        }
        for letter in 'a'..='k' {
            let tag = format!("(art. 4.1 {letter})");
            assert!(all.iter().flat_map(|a| &a.purposes).any(|p| p.text.contains(&tag)), "purpose {letter}");
        }
    }
}
