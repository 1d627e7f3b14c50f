//! The register as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.2), so
//! another system can read it: the board as `dpv:DataController` with its FG,
//! every activity a `dpv:PersonalDataHandling` with its purposes, legal bases
//! (`eu-gdpr:A6-1-a` … `f`, `eu-gdpr:A9-2-a` … `j`), data subjects, personal
//! data (`pd:` categories), recipients, transfers (a nested handling with
//! `dpv:CrossBorderTransfer`, the third country and its safeguard), storage
//! and measures. Every DPV term used is listed in `dpv_terms.txt`, which says
//! where each comes from and where the names had to change.

use aantoonbaar_rules::register::{
    DataCategory, LegalBasis, RecipientKind, Register, RegisteredActivity, Safeguard, SubjectCategory,
};
use serde_json::{Map, Value, json};

/// Every DPV term the export may use (the file's non-comment lines).
pub const TERMS: &str = include_str!("dpv_terms.txt");

/// The terms of [`TERMS`].
pub fn terms() -> impl Iterator<Item = &'static str> {
    TERMS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The prefixes of the document.
#[must_use]
pub fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "pd": "https://w3id.org/dpv/pd#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
    })
}

fn id(curie: &str) -> Value {
    json!({ "@id": curie })
}

/// The art. 6(1) basis.
#[must_use]
pub fn legal_basis(basis: LegalBasis) -> String {
    format!("eu-gdpr:A6-1-{}", basis.article_letter())
}

/// The DPV data-subject concepts of a category.
#[must_use]
pub const fn subjects(category: SubjectCategory) -> &'static [&'static str] {
    match category {
        SubjectCategory::Pupils => &["dpv:Student", "dpv:Child"],
        SubjectCategory::Parents => &["dpv:ParentOfDataSubject", "dpv:GuardianOfDataSubject"],
        SubjectCategory::Staff => &["dpv:Employee"],
        SubjectCategory::Applicants => &["dpv:JobApplicant"],
        SubjectCategory::Visitors => &["dpv:Visitor"],
        // DPV has no narrower concept for passers-by, former pupils or contact persons.
        SubjectCategory::Public | SubjectCategory::FormerPupils | SubjectCategory::ExternalContacts => {
            &["dpv:DataSubject"]
        }
    }
}

/// The DPV personal-data category (pd extension) of a data category.
#[must_use]
pub const fn personal_data(category: DataCategory) -> &'static str {
    match category {
        DataCategory::Identification => "pd:Identifying",
        DataCategory::Contact => "pd:Contact",
        DataCategory::EducationProgress | DataCategory::SpecialNeeds => "pd:Education",
        // "Information about school such as … grades obtained".
        DataCategory::Performance => "pd:School",
        DataCategory::Health => "pd:Health",
        DataCategory::Images => "pd:Picture",
        DataCategory::Biometric => "pd:Biometric",
        DataCategory::Location => "pd:Location",
        DataCategory::Financial => "pd:Financial",
        DataCategory::Communications => "pd:Communication",
        DataCategory::Behaviour => "pd:Behavioural",
        DataCategory::Religion => "pd:Religion",
        DataCategory::Ethnicity => "pd:EthnicOrigin",
        DataCategory::Criminal => "pd:Criminal",
        DataCategory::Bsn => "pd:OfficialID",
        // The ECK iD: a unique (pseudonymous) identifier.
        DataCategory::LearningResources => "pd:UID",
        DataCategory::Employment => "pd:CurrentEmployment",
    }
}

/// The DPV entity type of a recipient.
#[must_use]
pub const fn recipient(kind: RecipientKind) -> &'static str {
    match kind {
        RecipientKind::Processor => "dpv:DataProcessor",
        RecipientKind::ThirdParty => "dpv:ThirdParty",
        RecipientKind::PublicAuthority => "dpv:Authority",
        RecipientKind::Internal => "dpv:Recipient",
    }
}

/// The transfer's legal basis of chapter V.
#[must_use]
pub const fn safeguard(safeguard: Safeguard) -> &'static str {
    match safeguard {
        Safeguard::Adequacy => "eu-gdpr:A45-3",
        Safeguard::Sccs => "eu-gdpr:A46-2-c",
        Safeguard::Bcrs => "eu-gdpr:A46-2-b",
        // The register does not record which art. 49(1) letter applies.
        Safeguard::Derogation => "dpv:DataTransferLegalBasis",
    }
}

fn described(kind: &str, text: &str) -> Value {
    json!({ "@type": kind, "dct:description": text })
}

fn activity(registered: &RegisteredActivity, register: &Register, base: &str) -> Value {
    let a = &registered.activity;
    let mut node = Map::new();
    node.insert("@id".to_owned(), json!(format!("{base}#activity-{}", registered.id)));
    node.insert("@type".to_owned(), json!("dpv:PersonalDataHandling"));
    node.insert("dct:title".to_owned(), json!(a.name));
    if let Some(description) = &a.description {
        node.insert("dct:description".to_owned(), json!(description));
    }
    node.insert("dpv:hasDataController".to_owned(), id(&format!("{base}#controller")));
    let purposes: Vec<Value> = a
        .purposes
        .iter()
        .map(|p| {
            let mut purpose = json!({
                "@type": "dpv:Purpose",
                "dct:description": p.text,
                "dpv:hasLegalBasis": id(&legal_basis(p.legal_basis)),
            });
            if let Some(source) = &p.legal_source {
                purpose["dpv:hasApplicableLaw"] = json!({ "@type": "dpv:Law", "dct:title": source });
            }
            purpose
        })
        .collect();
    node.insert("dpv:hasPurpose".to_owned(), Value::Array(purposes));
    let mut bases: Vec<String> = Vec::new();
    for basis in a.purposes.iter().map(|p| legal_basis(p.legal_basis)) {
        if !bases.contains(&basis) {
            bases.push(basis);
        }
    }
    for special in a.special() {
        if let Some(condition) = special.condition {
            let basis = format!("eu-gdpr:A9-2-{}", condition.article_letter());
            if !bases.contains(&basis) {
                bases.push(basis);
            }
        }
    }
    node.insert("dpv:hasLegalBasis".to_owned(), bases.iter().map(|b| id(b)).collect());
    let mut subjects_used: Vec<&str> = Vec::new();
    for term in a.subject_categories.iter().flat_map(|s| subjects(*s)) {
        if !subjects_used.contains(term) {
            subjects_used.push(term);
        }
    }
    node.insert("dpv:hasDataSubject".to_owned(), subjects_used.iter().map(|s| id(s)).collect());
    let mut data: Vec<&str> = Vec::new();
    for term in a.all_data_categories().into_iter().map(personal_data) {
        if !data.contains(&term) {
            data.push(term);
        }
    }
    node.insert("dpv:hasPersonalData".to_owned(), data.iter().map(|d| id(d)).collect());
    let recipients: Vec<Value> =
        a.recipients.iter().map(|r| json!({ "@type": recipient(r.kind), "dpv:hasName": r.name })).collect();
    node.insert("dpv:hasRecipient".to_owned(), Value::Array(recipients));
    let transfers: Vec<Value> = a
        .transfers
        .iter()
        .map(|tr| {
            let mut transfer = json!({
                "@type": "dpv:PersonalDataHandling",
                "dpv:hasProcessing": id("dpv:CrossBorderTransfer"),
                "dpv:hasThirdCountry": id(&format!("loc:{}", tr.country)),
            });
            if let Some(s) = tr.safeguard {
                transfer["dpv:hasLegalBasis"] = id(safeguard(s));
            }
            if let Some(name) = &tr.recipient {
                transfer["dpv:hasRecipient"] = json!({ "@type": "dpv:Recipient", "dpv:hasName": name });
            }
            transfer
        })
        .collect();
    if !transfers.is_empty() {
        node.insert("dpv:hasPersonalDataHandling".to_owned(), Value::Array(transfers));
    }
    if let Some(retention) = &a.retention {
        node.insert("dpv:hasStorageCondition".to_owned(), described("dpv:StorageDuration", retention));
    }
    if let Some(measures) = &a.security_measures {
        node.insert(
            "dpv:hasTechnicalOrganisationalMeasure".to_owned(),
            described("dpv:TechnicalOrganisationalMeasure", measures),
        );
    }
    let systems: Vec<Value> = a
        .system_ids
        .iter()
        .map(|s| json!({ "@type": "dpv:Technology", "dct:title": register.system_name(s).unwrap_or(s) }))
        .collect();
    if !systems.is_empty() {
        node.insert("dpv:isImplementedUsingTechnology".to_owned(), Value::Array(systems));
    }
    if let Some(owner) = &a.owner {
        node.insert("dpv:hasResponsibleEntity".to_owned(), json!({ "@type": "dpv:Entity", "dpv:hasName": owner }));
    }
    if let Some(source) = &a.source {
        node.insert("dpv:hasDataSource".to_owned(), described("dpv:DataSource", source));
    }
    if let Some(date) = a.review_date {
        node.insert("dct:valid".to_owned(), json!({ "@value": date.to_string(), "@type": "xsd:date" }));
    }
    Value::Object(node)
}

/// The register as a JSON-LD document; `base` is the IRI the nodes are named under.
#[must_use]
pub fn document(register: &Register, base: &str) -> Value {
    let profile = &register.profile;
    let mut dpo = json!({
        "@type": "dpv:DataProtectionOfficer",
        "dpv:hasName": profile.dpo.name,
        "dpv:hasContact": format!("mailto:{}", profile.dpo.email),
    });
    if let Some(phone) = &profile.dpo.phone {
        dpo["dct:description"] = json!(phone);
    }
    let controller = json!({
        "@id": format!("{base}#controller"),
        "@type": "dpv:DataController",
        "dpv:hasName": profile.name,
        "dpv:hasAddress": profile.address,
        "dpv:hasContact": format!("mailto:{}", profile.contact_email),
        "dpv:hasDataProtectionOfficer": dpo,
    });
    let graph: Vec<Value> =
        std::iter::once(controller).chain(register.activities.iter().map(|a| activity(a, register, base))).collect();
    json!({ "@context": context(), "@id": base, "@graph": graph })
}

/// Every `dpv:`, `pd:` and `eu-gdpr:` term in `value`, as a key or as a
/// string value, for the test against [`TERMS`].
#[must_use]
pub fn used_terms(value: &Value) -> Vec<String> {
    fn note(text: &str, out: &mut Vec<String>) {
        if ["dpv:", "pd:", "eu-gdpr:"].iter().any(|p| text.starts_with(p)) && !out.iter().any(|t| t == text) {
            out.push(text.to_owned());
        }
    }
    fn walk(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => note(s, out),
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => {
                for (key, v) in map {
                    note(key, out);
                    walk(v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::register::{
        Activity, BoardProfile, Dpo, Recipient, SpecialCategory, SpecialCondition, Transfer, template,
    };

    /// Every code of every list, so every mapping is walked.
    fn everything() -> Register {
        let mut activities: Vec<RegisteredActivity> = template::activities()
            .into_iter()
            .enumerate()
            .map(|(i, activity)| RegisteredActivity { id: i.to_string(), school_id: None, activity })
            .collect();
        let mut all = activities[0].activity.clone();
        all.purposes = LegalBasis::ALL
            .iter()
            .map(|b| aantoonbaar_rules::register::Purpose {
                text: b.code().to_owned(),
                legal_basis: *b,
                legal_source: Some("art. 8 WPO".to_owned()),
                consent_purpose: None,
                balancing_test: None,
            })
            .collect();
        all.subject_categories = SubjectCategory::ALL.to_vec();
        all.data_categories = DataCategory::ALL.to_vec();
        all.special_categories = SpecialCondition::ALL
            .iter()
            .map(|c| SpecialCategory { category: DataCategory::Health, condition: Some(*c) })
            .collect();
        all.recipients = RecipientKind::ALL
            .iter()
            .map(|k| Recipient { name: "X".to_owned(), kind: *k, supplier_id: None })
            .collect();
        all.transfers = Safeguard::ALL
            .iter()
            .map(|s| Transfer { country: "US".to_owned(), safeguard: Some(*s), recipient: Some("Y".to_owned()) })
            .chain(std::iter::once(Transfer { country: "CN".to_owned(), safeguard: None, recipient: None }))
            .collect();
        all.owner = Some("IBP".to_owned());
        all.source = Some("DUO".to_owned());
        all.system_ids = vec!["s1".to_owned()];
        // `special()` keeps one condition per category: one activity per condition.
        for condition in SpecialCondition::ALL {
            let special = vec![SpecialCategory { category: DataCategory::Health, condition: Some(*condition) }];
            let activity = Activity { special_categories: special, ..all.clone() };
            activities.push(RegisteredActivity { id: condition.code().to_owned(), school_id: None, activity });
        }
        activities.push(RegisteredActivity { id: "all".to_owned(), school_id: None, activity: all });
        let dpo = Dpo { name: "FG".to_owned(), email: "fg@x.nl".to_owned(), phone: Some("1".to_owned()) };
        let profile = BoardProfile {
            name: "B".to_owned(),
            address: "A".to_owned(),
            kvk: None,
            contact_email: "b@x.nl".to_owned(),
            dpo,
        };
        Register { profile, activities, systems: Vec::new() }
    }

    #[test]
    fn every_term_used_is_a_listed_dpv_2_term() {
        let document = document(&everything(), "urn:aantoonbaar:register:test");
        let listed: Vec<&str> = terms().collect();
        let used = used_terms(&document);
        let unlisted: Vec<&String> = used.iter().filter(|t| !listed.contains(&t.as_str())).collect();
        assert!(unlisted.is_empty(), "not in dpv_terms.txt: {unlisted:?}");
        for term in ["dpv:PersonalDataHandling", "eu-gdpr:A6-1-a", "eu-gdpr:A6-1-f", "dpv:Child", "eu-gdpr:A46-2-c"] {
            assert!(used.iter().any(|t| t == term), "{term}");
        }
        // Every listed term is used by some register, so the list holds nothing stale.
        let stale: Vec<&&str> = listed.iter().filter(|t| !used.iter().any(|u| u == **t)).collect();
        assert!(stale.is_empty(), "listed but never used: {stale:?}");
    }
}
