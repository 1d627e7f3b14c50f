//! The columns of an export and the words of its coded columns: the one table
//! the reader matches headers and cells against, the column list page shows
//! and the template file is written from.

use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
use jiff::ToSpan;
use jiff::civil::Date;

/// The fields a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Number,
    GivenName,
    Prefix,
    Surname,
    BirthDate,
    Group,
    EnrolmentDate,
    LeaveDate,
    LeaveDestination,
    FamilySituation,
    Guardian(u8, GuardianField),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum GuardianField {
    GivenName,
    Prefix,
    Surname,
    Email,
    Phone,
    Relation,
    Custody,
    Recognised,
}

/// How many guardians a row can describe (`Ouder1…`, `Ouder2…`, `Ouder3…`).
pub const MAX_GUARDIANS: u8 = 3;

/// The accepted words of one value of a coded column: Dutch first, the first
/// one as the column list and the template write it.
pub type Words = &'static [&'static str];

pub(crate) const DESTINATIONS: &[(LeaveDestination, Words)] = &[
    (LeaveDestination::PrimarySchool, &["basisschool", "andere basisschool", "po", "primary_school"]),
    (LeaveDestination::SecondarySchool, &["voortgezet onderwijs", "vo", "secondary_school"]),
    (
        LeaveDestination::SpecialEducation,
        &["speciaal onderwijs", "speciaal basisonderwijs", "sbo", "so", "special_education"],
    ),
    (LeaveDestination::NotAdmitted, &["niet toegelaten", "not_admitted"]),
    (LeaveDestination::Abroad, &["buitenland", "emigratie", "abroad"]),
    (LeaveDestination::Other, &["anders", "overig", "other"]),
];

pub(crate) const FAMILY: &[(FamilySituation, Words)] = &[
    (FamilySituation::Together, &["samen", "gehuwd", "getrouwd", "samenwonend", "together"]),
    (FamilySituation::Separated, &["gescheiden", "uit elkaar", "separated"]),
    (FamilySituation::Guardianship, &["voogdij", "guardianship"]),
];

pub(crate) const RELATIONS: &[(Relation, Words)] = &[
    (Relation::Mother, &["moeder", "mother"]),
    (Relation::Father, &["vader", "father"]),
    (Relation::Guardian, &["voogd", "guardian"]),
    (Relation::Carer, &["verzorger", "carer"]),
    (Relation::FosterParent, &["pleegouder", "pleegmoeder", "pleegvader", "foster_parent"]),
    (Relation::Other, &["anders", "overig", "other"]),
];

pub(crate) const YES_NO: &[(bool, Words)] =
    &[(true, &["ja", "j", "x", "1", "yes", "y", "true"]), (false, &["nee", "n", "0", "no", "false"])];

/// The value whose words include `text` (case, spaces and punctuation ignored).
pub(crate) fn lookup<T: Copy>(table: &[(T, Words)], text: &str) -> Option<T> {
    let text = normalise(text);
    table.iter().find(|(_, words)| words.iter().any(|w| normalise(w) == text)).map(|(value, _)| *value)
}

/// The first (Dutch) word of every value.
pub(crate) fn dutch<T>(table: &[(T, Words)]) -> Vec<&'static str> {
    table.iter().map(|(_, words)| words[0]).collect()
}

/// Lower-case, letters and digits only: `Datum inschrijving` → `datuminschrijving`.
pub(crate) fn normalise(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase()
}

/// A column as the column list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The name the template uses.
    pub name: String,
    /// Other names the import understands for it.
    pub also: Vec<String>,
    pub required: bool,
    /// Catalogue key of what the column holds and how it is written.
    pub format: &'static str,
    /// For a coded column: the words of each value, Dutch first.
    pub values: Vec<Words>,
}

struct Spec {
    field: Field,
    names: Words,
    required: bool,
    format: &'static str,
    values: fn() -> Vec<Words>,
}

fn none() -> Vec<Words> {
    Vec::new()
}

fn words<T>(table: &[(T, Words)]) -> Vec<Words> {
    table.iter().map(|(_, words)| *words).collect()
}

const PUPIL_COLUMNS: &[Spec] = &[
    Spec {
        field: Field::Number,
        names: &["Leerlingnummer", "Leerlingnr", "external_number", "pupil_number"],
        required: true,
        format: "import.format.number",
        values: none,
    },
    Spec {
        field: Field::GivenName,
        names: &["Roepnaam", "Voornaam", "given_name"],
        required: true,
        format: "import.format.name",
        values: none,
    },
    Spec {
        field: Field::Prefix,
        names: &["Voorvoegsel", "Tussenvoegsel", "surname_prefix"],
        required: false,
        format: "import.format.prefix",
        values: none,
    },
    Spec {
        field: Field::Surname,
        names: &["Achternaam", "surname"],
        required: true,
        format: "import.format.name",
        values: none,
    },
    Spec {
        field: Field::BirthDate,
        names: &["Geboortedatum", "birth_date"],
        required: true,
        format: "import.format.birth_date",
        values: none,
    },
    Spec {
        field: Field::Group,
        names: &["Groep", "group", "group_name"],
        required: true,
        format: "import.format.group",
        values: none,
    },
    Spec {
        field: Field::EnrolmentDate,
        names: &["Datum inschrijving", "Inschrijfdatum", "enrolment_date"],
        required: true,
        format: "import.format.enrolment_date",
        values: none,
    },
    Spec {
        field: Field::LeaveDate,
        names: &["Datum uitschrijving", "Uitschrijfdatum", "leave_date"],
        required: false,
        format: "import.format.leave_date",
        values: none,
    },
    Spec {
        field: Field::LeaveDestination,
        names: &["Vertrokken naar", "Bestemming", "leave_destination"],
        required: false,
        format: "import.format.leave_destination",
        values: || words(DESTINATIONS),
    },
    Spec {
        field: Field::FamilySituation,
        names: &["Gezinssituatie", "family_situation"],
        required: false,
        format: "import.format.family_situation",
        values: || words(FAMILY),
    },
];

/// A guardian column, named after its prefix `Ouder1` (or `guardian1`).
struct GuardianSpec {
    field: GuardianField,
    names: Words,
    format: &'static str,
    values: fn() -> Vec<Words>,
}

const GUARDIAN_COLUMNS: &[GuardianSpec] = &[
    GuardianSpec {
        field: GuardianField::GivenName,
        names: &["Roepnaam", "Voornaam", "given_name"],
        format: "import.format.guardian_name",
        values: none,
    },
    GuardianSpec {
        field: GuardianField::Prefix,
        names: &["Voorvoegsel", "Tussenvoegsel", "surname_prefix"],
        format: "import.format.prefix",
        values: none,
    },
    GuardianSpec {
        field: GuardianField::Surname,
        names: &["Achternaam", "surname"],
        format: "import.format.guardian_name",
        values: none,
    },
    GuardianSpec {
        field: GuardianField::Email,
        names: &["Email", "E-mailadres", "email"],
        format: "import.format.email",
        values: none,
    },
    GuardianSpec {
        field: GuardianField::Phone,
        names: &["Telefoon", "Telefoonnummer", "phone"],
        format: "import.format.phone",
        values: none,
    },
    GuardianSpec {
        field: GuardianField::Relation,
        names: &["Relatie", "relation"],
        format: "import.format.relation",
        values: || words(RELATIONS),
    },
    GuardianSpec {
        field: GuardianField::Custody,
        names: &["Gezag", "holds_custody"],
        format: "import.format.custody",
        values: || words(YES_NO),
    },
    GuardianSpec {
        field: GuardianField::Recognised,
        names: &["Erkend", "recognised"],
        format: "import.format.recognised",
        values: || words(YES_NO),
    },
];

/// The columns that must be in every file, by the name the template uses.
pub(crate) fn required() -> impl Iterator<Item = (Field, &'static str)> {
    PUPIL_COLUMNS.iter().filter(|spec| spec.required).map(|spec| (spec.field, spec.names[0]))
}

/// The name of a field's column as the template writes it (`Ouder2Email`).
pub(crate) fn name_of(field: Field) -> String {
    match field {
        Field::Guardian(index, g) => GUARDIAN_COLUMNS
            .iter()
            .find(|spec| spec.field == g)
            .map_or_else(String::new, |spec| format!("Ouder{index}{}", spec.names[0])),
        _ => PUPIL_COLUMNS.iter().find(|spec| spec.field == field).map_or("", |spec| spec.names[0]).to_owned(),
    }
}

/// The field a header names, if any.
pub(crate) fn field_for(header: &str) -> Option<Field> {
    let name = normalise(header);
    if let Some(spec) = PUPIL_COLUMNS.iter().find(|spec| spec.names.iter().any(|n| normalise(n) == name)) {
        return Some(spec.field);
    }
    let rest = name.strip_prefix("ouder").or_else(|| name.strip_prefix("guardian"))?;
    let digit = rest.chars().next()?.to_digit(10)?;
    let index = u8::try_from(digit).ok().filter(|d| (1..=MAX_GUARDIANS).contains(d))?;
    GUARDIAN_COLUMNS
        .iter()
        .find(|spec| spec.names.iter().any(|n| normalise(n) == rest[1..]))
        .map(|spec| Field::Guardian(index, spec.field))
}

/// Every column the import reads, in the template's order; the guardian
/// columns once, for `Ouder1` (`Ouder2…` and `Ouder3…` work the same).
#[must_use]
pub fn columns() -> Vec<Column> {
    let pupil = PUPIL_COLUMNS.iter().map(|spec| Column {
        name: spec.names[0].to_owned(),
        also: spec.names[1..].iter().map(|n| (*n).to_owned()).collect(),
        required: spec.required,
        format: spec.format,
        values: (spec.values)(),
    });
    let guardian = GUARDIAN_COLUMNS.iter().map(|spec| Column {
        name: format!("Ouder1{}", spec.names[0]),
        // The last name of each is the English one.
        also: spec.names[1..spec.names.len() - 1]
            .iter()
            .map(|n| format!("Ouder1{n}"))
            .chain(spec.names.last().map(|n| format!("guardian1_{n}")))
            .collect(),
        required: false,
        format: spec.format,
        values: (spec.values)(),
    });
    pupil.chain(guardian).collect()
}

/// The template file's rows: the header and one example pupil with obviously
/// made-up data whose dates fit the rules on `today` (seven years old,
/// enrolled at four).
#[must_use]
pub fn template(today: Date) -> [Vec<String>; 2] {
    let birth = Date::new(today.year() - 7, 10, 1).unwrap_or(today);
    let enrolled = birth.checked_add(4.years()).unwrap_or(birth);
    let date = |d: Date| d.strftime("%d-%m-%Y").to_string();
    let example = |field: Field| -> String {
        match field {
            Field::Number => "000001".to_owned(),
            Field::GivenName => "Fleur".to_owned(),
            Field::Prefix | Field::Guardian(_, GuardianField::Prefix) => "van".to_owned(),
            Field::Surname | Field::Guardian(_, GuardianField::Surname) => "Voorbeeld".to_owned(),
            Field::BirthDate => date(birth),
            Field::Group => "Groep 4".to_owned(),
            Field::EnrolmentDate => date(enrolled),
            Field::LeaveDate | Field::LeaveDestination => String::new(),
            Field::FamilySituation => FAMILY[0].1[0].to_owned(),
            Field::Guardian(_, GuardianField::GivenName) => "Eva".to_owned(),
            Field::Guardian(_, GuardianField::Email) => "eva.voorbeeld@voorbeeld.example".to_owned(),
            Field::Guardian(_, GuardianField::Phone) => "06 12345678".to_owned(),
            Field::Guardian(_, GuardianField::Relation) => RELATIONS[0].1[0].to_owned(),
            Field::Guardian(_, GuardianField::Custody | GuardianField::Recognised) => YES_NO[0].1[0].to_owned(),
        }
    };
    let fields: Vec<Field> = PUPIL_COLUMNS
        .iter()
        .map(|spec| spec.field)
        .chain(GUARDIAN_COLUMNS.iter().map(|spec| Field::Guardian(1, spec.field)))
        .collect();
    [fields.iter().map(|f| name_of(*f)).collect(), fields.iter().map(|f| example(*f)).collect()]
}
