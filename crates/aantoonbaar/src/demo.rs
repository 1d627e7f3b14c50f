//! The demo board: three schools, about 700 pupils over groups 1–8 and an SBO
//! school whose oldest pupils turn 16, guardians in every family situation of
//! the information-rights table (seed 001 §14.13), staff in every role.
//! Pseudo-random but the same on every run.

use aantoonbaar_app::clock::Clock;
use aantoonbaar_rules::consent::Choice;
use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
use aantoonbaar_rules::retention::{Category, HoldKind};
use aantoonbaar_rules::{Brin, Email, PersonName, PupilNumber, Role, SchoolYear, ScopeKind};
use aantoonbaar_store::credentials::hash_password;
use aantoonbaar_store::retention::NewHold;
use aantoonbaar_store::{
    Actor, BoardId, BoardStore, Channel, ImportedGuardian, ImportedPupil, Link, NewConsentDecision, NewGuardian,
    NewSchool, NewUser, PupilQuery, Scope, Store, StoreError,
};
use jiff::civil::Date;
use jiff::{Span, ToSpan};

pub const BOARD: &str = "Stichting Demo Onderwijs";
/// The password of every demo account (never use demo mode for real data).
pub const PASSWORD: &str = "Demo-Aantoonbaar-2026";
const MAIL_DOMAIN: &str = "demo.aantoonbaar.nl";

pub struct Summary {
    pub schools: usize,
    pub pupils: usize,
    pub accounts: Vec<(String, String)>,
}

/// A small deterministic generator (xorshift64*), so the demo is the same every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const GIRLS: &[&str] = &[
    "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Saar", "Noor", "Fenna",
    "Lotte", "Amira", "Fleur", "Hiba", "Maud", "Isa",
];
const BOYS: &[&str] = &[
    "Noah", "Liam", "Luca", "Lucas", "Sem", "Finn", "Daan", "Levi", "Milan", "Jesse", "Mees", "Bram", "Adam",
    "Mohammed", "Thijs", "Ravi", "Sven", "Jayden", "Otis", "Ties",
];
const ADULTS_F: &[&str] =
    &["Anne", "Marloes", "Fatima", "Linda", "Sanne", "Ingrid", "Priya", "Esther", "Petra", "Naima"];
const ADULTS_M: &[&str] =
    &["Mark", "Jeroen", "Ahmed", "Peter", "Kees", "Ruben", "Youssef", "Martijn", "Dennis", "Arjun"];
const SURNAMES: &[(&str, &str)] = &[
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("van", "Dijk"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Yilmaz"),
    ("", "El Amrani"),
    ("", "Peters"),
    ("van", "Leeuwen"),
    ("", "Kramer"),
    ("", "Hendriks"),
    ("van der", "Linden"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Singh"),
];

struct SchoolPlan {
    name: &'static str,
    brin: &'static str,
    groups: &'static [(&'static str, i16)],
    pupils_per_group: usize,
}

/// Group names with the age (in years on 1 October) of most pupils in them.
const REGULAR: &[(&str, i16)] = &[
    ("Groep 1", 4),
    ("Groep 2", 5),
    ("Groep 3", 6),
    ("Groep 4", 7),
    ("Groep 5", 8),
    ("Groep 6", 9),
    ("Groep 7", 10),
    ("Groep 8", 11),
];
const SBO: &[(&str, i16)] = &[("Onderbouw", 7), ("Middenbouw", 10), ("Bovenbouw", 12), ("Schoolverlaters", 15)];

const SCHOOLS: &[SchoolPlan] = &[
    SchoolPlan { name: "OBS De Regenboog", brin: "12AB", groups: REGULAR, pupils_per_group: 37 },
    SchoolPlan { name: "CBS Het Kompas", brin: "34CD", groups: REGULAR, pupils_per_group: 37 },
    SchoolPlan { name: "SBO De Sterrenkijker", brin: "56EF", groups: SBO, pupils_per_group: 27 },
];

fn name(text: &str) -> Result<PersonName, StoreError> {
    PersonName::parse(text).map_err(|e| StoreError::Corrupt(e.code.to_owned()))
}

fn guardian(
    dice: &mut Dice,
    female: bool,
    surname: (&str, &str),
    number: usize,
    link: Link,
) -> Result<ImportedGuardian, StoreError> {
    let given = if female { dice.pick(ADULTS_F) } else { dice.pick(ADULTS_M) };
    let email =
        format!("{}.{}{number}@ouders.example", given.to_lowercase(), surname.1.to_lowercase().replace(' ', ""));
    Ok(ImportedGuardian {
        guardian: NewGuardian {
            given_name: name(given)?,
            surname_prefix: PersonName::parse_optional(surname.0)
                .map_err(|e| StoreError::Corrupt(e.code.to_owned()))?,
            surname: name(surname.1)?,
            email: Email::parse(&email).ok(),
            phone: Some(format!("06-{:08}", dice.next() % 100_000_000)),
        },
        link,
    })
}

/// Guardians for one family, covering every row of the information-rights
/// table: together, separated with custody for both / one (other recognised or
/// not), and guardianship by a voogd (parents recognised, no custody).
fn family(
    dice: &mut Dice,
    surname: (&str, &str),
    number: usize,
) -> Result<(FamilySituation, Vec<ImportedGuardian>), StoreError> {
    let link = |relation, holds_custody, recognised| Link { relation, holds_custody, recognised };
    let other = SURNAMES[dice.below(SURNAMES.len())];
    let foster = SURNAMES[dice.below(SURNAMES.len())];
    let voogd_is_female = dice.below(2) == 0;
    let roll = dice.below(100);
    let (situation, members) = match roll {
        0..=64 => (
            FamilySituation::Together,
            vec![
                guardian(dice, true, surname, number, link(Relation::Mother, true, true))?,
                guardian(dice, false, surname, number, link(Relation::Father, true, true))?,
            ],
        ),
        65..=79 => (
            FamilySituation::Separated,
            vec![
                guardian(dice, true, other, number, link(Relation::Mother, true, true))?,
                guardian(dice, false, surname, number, link(Relation::Father, true, true))?,
            ],
        ),
        80..=86 => (
            FamilySituation::Separated,
            vec![
                guardian(dice, true, surname, number, link(Relation::Mother, true, true))?,
                guardian(dice, false, other, number, link(Relation::Father, false, true))?,
            ],
        ),
        87..=90 => (
            FamilySituation::Separated,
            vec![
                guardian(dice, true, surname, number, link(Relation::Mother, true, true))?,
                guardian(dice, false, other, number, link(Relation::Father, false, false))?,
            ],
        ),
        91..=93 => (
            FamilySituation::Together,
            vec![guardian(dice, true, surname, number, link(Relation::Mother, true, true))?],
        ),
        94..=96 => (
            FamilySituation::Guardianship,
            vec![
                guardian(dice, voogd_is_female, other, number, link(Relation::Guardian, true, false))?,
                guardian(dice, true, surname, number, link(Relation::Mother, false, true))?,
                guardian(dice, false, surname, number, link(Relation::Father, false, true))?,
            ],
        ),
        _ => (
            FamilySituation::Guardianship,
            vec![
                guardian(dice, true, other, number, link(Relation::Guardian, true, false))?,
                guardian(dice, true, foster, number, link(Relation::FosterParent, false, false))?,
            ],
        ),
    };
    Ok((situation, members))
}

fn pupils_for(
    plan: &SchoolPlan,
    dice: &mut Dice,
    today: Date,
    first_number: usize,
) -> Result<Vec<ImportedPupil>, StoreError> {
    let year = SchoolYear::containing(today);
    let october = Date::new(year.start_year(), 10, 1).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut pupils = Vec::new();
    let mut number = first_number;
    for (group, age) in plan.groups {
        for _ in 0..plan.pupils_per_group {
            number += 1;
            let female = dice.below(2) == 0;
            let surname = SURNAMES[dice.below(SURNAMES.len())];
            let days_before = i64::try_from(dice.below(365)).unwrap_or(0);
            let mut birth =
                october.checked_sub(Span::new().years(*age)).and_then(|d| d.checked_sub(days_before.days()));
            if plan.groups == SBO && *group == "Schoolverlaters" && number.is_multiple_of(6) {
                // Pupils who turn 16 this school year: from then on they decide
                // about consent themselves.
                birth = today
                    .checked_sub(16.years())
                    .and_then(|d| d.checked_add((30 * i64::try_from(number % 9).unwrap_or(0)).days()));
            }
            let birth = birth.map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let enrolment = birth.checked_add(4.years()).map_err(|e| StoreError::Corrupt(e.to_string()))?.max(birth);
            let enrolment = if enrolment > today { today } else { enrolment };
            let (family_situation, guardians) = family(dice, surname, number)?;
            let given = if female { dice.pick(GIRLS) } else { dice.pick(BOYS) };
            pupils.push(ImportedPupil {
                line: 0,
                external_number: PupilNumber::parse(&number.to_string())
                    .map_err(|e| StoreError::Corrupt(e.code.to_owned()))?,
                given_name: name(given)?,
                surname_prefix: PersonName::parse_optional(surname.0)
                    .map_err(|e| StoreError::Corrupt(e.code.to_owned()))?,
                surname: name(surname.1)?,
                birth_date: birth,
                group_name: name(group)?,
                enrolment_date: enrolment,
                leave_date: None,
                leave_destination: None,
                family_situation: Some(family_situation),
                guardians,
            });
        }
    }
    // Families with two (or three) children: every tenth pupil from the third
    // group on is a younger sibling of the pupil two groups up (same surname,
    // the same parents), so a parent can decide or withdraw for one child only.
    let gap = 2 * plan.pupils_per_group;
    let mut in_a_family = std::collections::HashSet::new();
    for younger in (gap..pupils.len()).step_by(10) {
        let elder = pupils[younger - gap].clone();
        let pupil = &mut pupils[younger];
        (pupil.surname_prefix, pupil.surname) = (elder.surname_prefix, elder.surname);
        (pupil.family_situation, pupil.guardians) = (elder.family_situation, elder.guardians);
        in_a_family.extend([younger, younger - gap]);
    }
    // Two girls with the same name in one group, as happens: the pages tell them apart by birth date.
    // Not from a family above, whose children share their surname.
    let single =
        pupils.iter_mut().enumerate().filter(|(i, p)| !in_a_family.contains(i) && p.group_name.as_str() == "Groep 3");
    for (_, pupil) in single.take(2) {
        pupil.given_name = name("Fenna")?;
        pupil.surname_prefix = Some(name("de")?);
        pupil.surname = name("Boer")?;
    }
    // Last school year's leavers: kept for the retention period.
    for pupil in pupils.iter_mut().step_by(53) {
        pupil.leave_date =
            Some(year.first_day().checked_sub(10.days()).map_err(|e| StoreError::Corrupt(e.to_string()))?);
        pupil.leave_destination = Some(LeaveDestination::SecondarySchool);
    }
    // Leavers of three school years ago: their pupil file (two years; three for
    // a pupil referred to special education) is due for destruction, their
    // enrolment and absence data (five years) not yet, so the worklist shows both kinds.
    for (n, pupil) in pupils.iter_mut().skip(7).step_by(61).enumerate() {
        let left = year.first_day().checked_sub(3.years()).and_then(|d| d.checked_sub(10.days()));
        pupil.leave_date = Some(left.map_err(|e| StoreError::Corrupt(e.to_string()))?);
        pupil.leave_destination =
            Some(if n % 4 == 0 { LeaveDestination::SpecialEducation } else { LeaveDestination::PrimarySchool });
    }
    Ok(pupils)
}

struct Account {
    local: &'static str,
    name: &'static str,
    role: Role,
    /// Index into SCHOOLS for scope school/groups, and the group name for groups.
    school: Option<usize>,
    group: Option<&'static str>,
}

const ACCOUNTS: &[Account] = &[
    Account { local: "ibp", name: "Ilse Bakker", role: Role::St, school: None, group: None },
    Account { local: "fg", name: "Frank Gerritsen", role: Role::Fg, school: None, group: None },
    Account { local: "bestuur", name: "Carla van Beek", role: Role::Cvb, school: None, group: None },
    Account { local: "directeur.regenboog", name: "Dirk Smits", role: Role::D, school: Some(0), group: None },
    Account { local: "directeur.kompas", name: "Hanneke Vos", role: Role::D, school: Some(1), group: None },
    Account { local: "directeur.sterrenkijker", name: "Mehmet Kaya", role: Role::D, school: Some(2), group: None },
    Account { local: "teamleider.regenboog", name: "Tamara Lely", role: Role::Tl, school: Some(0), group: None },
    Account { local: "ict.regenboog", name: "Bas Schouten", role: Role::Bs, school: Some(0), group: None },
    Account { local: "administratie.regenboog", name: "Anja Pronk", role: Role::Ap, school: Some(0), group: None },
    Account {
        local: "leerkracht.groep3",
        name: "Olga Peeters",
        role: Role::Op,
        school: Some(0),
        group: Some("Groep 3"),
    },
    Account {
        local: "leerkracht.schoolverlaters",
        name: "Omar Haddad",
        role: Role::Op,
        school: Some(2),
        group: Some("Schoolverlaters"),
    },
    Account { local: "invaller", name: "Otto Pieterse", role: Role::Opt, school: Some(0), group: Some("Groep 5") },
];

async fn add_account(
    board: BoardStore<'_>,
    actor: &Actor,
    account: &Account,
    school_ids: &[String],
    password_hash: &str,
) -> Result<(String, String), StoreError> {
    let email = format!("{}@{MAIL_DOMAIN}", account.local);
    let (scope_kind, scope_ids) = match (account.school, account.group) {
        (Some(school), Some(group)) => {
            let school_id = &school_ids[school];
            let groups = board.groups(&Scope::Board, Some(school_id)).await?;
            let id = groups.iter().find(|g| g.name == group).map(|g| g.id.clone()).ok_or(StoreError::NotFound)?;
            (ScopeKind::Groups, vec![id])
        }
        (Some(school), None) => (ScopeKind::School, vec![school_ids[school].clone()]),
        _ => (ScopeKind::Board, Vec::new()),
    };
    let user = NewUser {
        email: Email::parse(&email).map_err(|e| StoreError::Corrupt(e.code.to_owned()))?,
        name: name(account.name)?,
        roles: vec![account.role],
        scope_kind,
        scope_ids,
        // Demo mode lets demo accounts sign in with the password alone; the
        // banner on every page says so.
        mfa_exempt: true,
    };
    board.create_user(actor, &user, Some(password_hash)).await?;
    Ok((email, format!("{} ({})", account.role.code(), account.name)))
}

/// This school year's consent answers: most families answered the image
/// purposes in September (one custodial parent; mostly yes, some no), some
/// did not answer at all, and pupils of 16 and over decide themselves. The
/// decisions go in concurrently, so group commit writes them in a few
/// transactions.
async fn seed_consent(
    store: &Store,
    board_id: &BoardId,
    actor: &Actor,
    today: Date,
    dice: &mut Dice,
) -> Result<(), StoreError> {
    const PURPOSES: &[&str] = &["school_guide", "website", "parent_portal", "newsletter", "social_media_accounts"];
    let answered_at = Date::new(SchoolYear::containing(today).start_year(), 9, 10)
        .and_then(|d| d.at(19, 30, 0, 0).to_zoned(aantoonbaar_rules::calendar::dutch_time_zone()))
        .map_err(|e| StoreError::Corrupt(e.to_string()))?
        .timestamp()
        .min(actor.at);
    let board = store.board(board_id);
    board.consent_purposes(actor.at).await?;
    let query = PupilQuery { limit: 10_000, today: Some(today), ..PupilQuery::default() };
    let (pupils, _) = board.pupils(&Scope::Board, &query).await?;
    let mut decisions = Vec::new();
    for pupil in &pupils {
        if dice.below(6) == 0 {
            continue; // This family has not answered yet.
        }
        let own = aantoonbaar_rules::age::age_on(pupil.birth_date, today) >= 16;
        let guardians = board.guardians_of(&pupil.id).await?;
        let Some(parent) = guardians.iter().find(|g| g.link.holds_custody) else { continue };
        for purpose in PURPOSES {
            let choice = if dice.below(8) == 0 { Choice::Refused } else { Choice::Granted };
            decisions.push(NewConsentDecision {
                pupil_id: pupil.id.clone(),
                purpose: (*purpose).to_owned(),
                choice,
                guardian_id: (!own).then(|| parent.guardian.id.clone()),
                by_pupil: own,
                decided_at: answered_at,
                channel: Channel::Portal,
                signed: None,
            });
        }
    }
    let mut tasks = tokio::task::JoinSet::new();
    for decision in decisions {
        let (store, board_id, actor) = (store.clone(), board_id.clone(), actor.clone());
        tasks.spawn(async move { store.board(&board_id).record_consent_decision(&actor, &decision).await.map(|_| ()) });
    }
    while let Some(done) = tasks.join_next().await {
        done.map_err(|e| StoreError::Corrupt(e.to_string()))??;
    }
    Ok(())
}

/// The recipients to tell after a correction, and two open data-subject
/// requests at the first school: an access request from a parent near its
/// deadline, and an erasure request just received.
async fn seed_requests(board: BoardStore<'_>, actor: &Actor, school_id: &str, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_rules::deadlines::request_deadlines;
    use aantoonbaar_rules::holidays::HolidayCalendar;
    use aantoonbaar_rules::requests::{IdentityCheck, RequestChannel, RequestKind};
    let recipients = ["DUO (Basisregister Onderwijs)", "Leerlingvolgsysteem", "Leerplichtambtenaar"];
    board.set_board_recipients(actor, &recipients.map(str::to_owned)).await?;
    let director = board
        .users(&Scope::Board)
        .await?
        .into_iter()
        .find(|u| u.roles.contains(&Role::D) && u.scope_ids.iter().any(|s| s == school_id))
        .map(|u| u.id);
    let query = aantoonbaar_store::PupilQuery {
        school_id: Some(school_id.to_owned()),
        today: Some(today),
        limit: 2,
        ..aantoonbaar_store::PupilQuery::default()
    };
    let (pupils, _) = board.pupils(&Scope::Board, &query).await?;
    let plans = [
        (RequestKind::Access, 26, RequestChannel::Portal, IdentityCheck::PortalSignIn),
        (RequestKind::Erasure, 2, RequestChannel::Letter, IdentityCheck::SeenInPerson),
    ];
    for (pupil, (kind, days_ago, channel, identity_check)) in pupils.iter().zip(plans) {
        let guardian = board.guardians_of(&pupil.id).await?.into_iter().next().map(|g| g.guardian.id);
        let received_on = today.checked_sub(days_ago.days()).unwrap_or(today);
        let new = aantoonbaar_store::NewRequest {
            kind,
            school_id: Some(school_id.to_owned()),
            subject_pupil_id: Some(pupil.id.clone()),
            subject_guardian_id: None,
            subject_description: None,
            requester_relation: if guardian.is_some() { "parent" } else { "self" }.to_owned(),
            requester_guardian_id: guardian,
            requester_description: None,
            details: None,
            received_on,
            channel,
            identity_check,
            assigned_to: director.clone(),
            deadline: request_deadlines(received_on, &HolidayCalendar::statutory()).deadline,
        };
        board.create_request(actor, &new).await?;
    }
    Ok(())
}

/// Fills an empty database with the demo board.
///
/// # Errors
/// When the store fails.
pub async fn seed(store: &Store, clock: &Clock) -> Result<Summary, StoreError> {
    let actor = Actor { user_id: None, label: "demo".to_owned(), ip: None, at: clock.now() };
    let today = clock.today();
    let board_id = store.ensure_board(BOARD, actor.at).await?.id;
    let board = store.board(&board_id);
    let mut dice = Dice(0x5EED_2026_A0B1_C2D3);
    let mut school_ids = Vec::new();
    let mut pupil_count = 0;
    for (index, plan) in SCHOOLS.iter().enumerate() {
        let brin = Brin::parse(plan.brin).map_err(|e| StoreError::Corrupt(e.code.to_owned()))?;
        let school = board.create_school(&actor, &NewSchool { name: name(plan.name)?, brin }).await?;
        let pupils = pupils_for(plan, &mut dice, today, 100_000 * (index + 1))?;
        pupil_count += pupils.len();
        board.import_pupils(&actor, &school.id, "demo.csv", &pupils, aantoonbaar_store::ImportMode::Write).await?;
        school_ids.push(school.id);
    }
    seed_consent(store, &board_id, &actor, today, &mut dice).await?;
    let password_hash = hash_password(PASSWORD)?;
    let mut accounts = Vec::new();
    for account in ACCOUNTS {
        accounts.push(add_account(board, &actor, account, &school_ids, &password_hash).await?);
    }
    incidents(board, &actor, &school_ids).await?;
    seed_requests(board, &actor, &school_ids[0], today).await?;
    seed_register(board, &actor, today).await?;
    seed_risks(board, &actor, today).await?;
    seed_self_assessment(board, &actor, today).await?;
    seed_dpias(board, &actor, today).await?;
    seed_holds(board, &actor, today).await?;
    seed_cameras(board, &actor, &school_ids[0]).await?;
    seed_access_policies(board, &actor).await?;
    seed_access(board, &actor, &school_ids, today).await?;
    seed_policies(board, &actor, today).await?;
    seed_cycle(board, &actor, today).await?;
    seed_board_report(board, &actor, today).await?;
    Ok(Summary { schools: SCHOOLS.len(), pupils: pupil_count, accounts })
}

const CODE_OF_CONDUCT_1: &str = "Van iedere medewerker van Stichting Demo Onderwijs wordt verwacht dat hij of zij:\n\
- persoonsgegevens van leerlingen, ouders en collega's alleen gebruikt voor het doel waarvoor ze zijn verzameld;\n\
- gegevens alleen geeft aan wie daar recht op heeft;\n\
- gegevens alleen bewaart in de systemen en kasten die de school daarvoor aanwijst;\n\
- wachtwoorden geheimhoudt en met niemand deelt;\n\
- het apparaat vergrendelt bij het verlaten van de werkplek;\n\
- geen papieren met persoonsgegevens op het bureau of bij de printer laat liggen;\n\
- een verloren apparaat, een verkeerd verstuurde e-mail of ander datalek meteen meldt bij de directeur.\n\
De medewerker heeft kennisgenomen van het privacyreglement; alles daarin geldt ook voor deze gedragscode.";

const CODE_OF_CONDUCT_2: &str = "Van iedere medewerker van Stichting Demo Onderwijs wordt verwacht dat hij of zij:\n\
- op een professionele manier communiceert en handelt volgens het informatiebeveiligings- en privacybeleid;\n\
- persoonsgegevens alleen gebruikt voor het doel waarvoor ze zijn verzameld, en voor een ander doel eerst toestemming vraagt (en die vastlegt);\n\
- gegevens alleen geeft aan personen of organisaties die daar recht op hebben, zoals een leverancier met een verwerkersovereenkomst;\n\
- gegevens alleen bewaart in de systemen en kasten die de school daarvoor aanwijst;\n\
- wachtwoorden geheimhoudt, met niemand deelt en voorkomt dat iemand meekijkt bij het intypen;\n\
- het apparaat vergrendelt bij het verlaten van de werkplek;\n\
- via het schoolaccount, sociale netwerken of internet geen contact met leerlingen heeft dat niet over school gaat;\n\
- geen persoonsgegevens verstuurt over een verbinding die niet beveiligd is, en voorzichtig is met openbare wifi;\n\
- documenten met persoonsgegevens print via de eigen printbox, zodat ze niet bij de printer blijven liggen;\n\
- dossiers met persoonsgegevens alleen in afgesloten kasten bewaart;\n\
- alleen foto's en video's van leerlingen en collega's plaatst als daar toestemming voor is;\n\
- een verloren USB-stick of telefoon, een verkeerd verstuurde e-mail of gegevens die bij de verkeerde terechtkwamen meteen meldt bij de directeur.\n\
Nieuw in deze versie: de regels voor sociale media en foto's, en de printbox.\n\
De medewerker heeft kennisgenomen van het privacyreglement; alles daarin geldt ook voor deze gedragscode.";

const CONFIDENTIALITY: &str = "Ik beloof geheim te houden wat ik in mijn werk bij Stichting Demo Onderwijs te weten kom over leerlingen, \
ouders en collega's, tenzij de wet mij verplicht iets te vertellen of mijn taak vraagt dat ik het deel.\n\
Deze belofte geldt ook nadat ik uit dienst ben gegaan.\n\
Ik gebruik persoonsgegevens alleen voor mijn werk en alleen in de systemen die de school daarvoor aanwijst.";

const PRIVACY_REGULATION: &str = "1. Inleiding\n\
Binnen de scholen van Stichting Demo Onderwijs gebruiken we elke dag persoonsgegevens van leerlingen, ouders, \
medewerkers en anderen: namen, contactgegevens, leerresultaten, begeleidingsinformatie en soms medische gegevens. \
Het bestuur is eindverantwoordelijk voor een zorgvuldige en rechtmatige omgang daarmee.\n\
2. Uitgangspunten\n\
We verwerken gegevens eerlijk en open, alleen voor vooraf bepaalde doelen, niet meer dan nodig, juist en actueel, \
niet langer dan nodig, goed beveiligd, en we kunnen aantonen dat we dat doen.\n\
3. Vaststelling\n\
Dit reglement is vastgesteld door het College van Bestuur, met instemming van de GMR. Het vervangt alle eerdere \
privacyreglementen van de scholen.\n\
4. Rechten van ouders en leerlingen\n\
Ouders, en leerlingen vanaf 16 jaar, mogen de gegevens inzien, laten verbeteren of laten verwijderen. De school \
antwoordt binnen vier weken.\n\
5. Geheimhouding\n\
Iedereen die met persoonsgegevens werkt, belooft geheimhouding in een ondertekende geheimhoudingsverklaring.";

const RESPONSIBLE_DISCLOSURE: &str = "Wij vinden de veiligheid van onze systemen erg belangrijk. Heeft u toch een zwakke plek gevonden? \
Meld het ons dan zo snel mogelijk, zodat we maatregelen kunnen nemen.\n\
Wij vragen u:\n\
- de zwakke plek niet te misbruiken, bijvoorbeeld door meer gegevens te bekijken of te downloaden dan nodig is om haar aan te tonen;\n\
- de zwakke plek met niemand te delen totdat ze is opgelost, en gegevens die u zo kreeg meteen daarna te wissen.\n\
Wij reageren binnen 3 dagen op uw melding en doen geen aangifte als u zich aan deze regels houdt.";

const IBP_POLICY_3_0: &str = "Het informatiebeveiligings- en privacybeleid van Stichting Demo Onderwijs beschrijft hoe we \
persoonsgegevens en informatie beschermen: wie waarvoor verantwoordelijk is (het College van Bestuur, de directeuren, \
de IBP-functionaris en de functionaris gegevensbescherming), welke maatregelen we nemen en hoe we elk jaar nagaan of ze werken.\n\
Elk jaar: de risicoanalyse, de controle van de toegangsrechten, de toestemmingsronde, de bewustwording van medewerkers \
en een verslag aan het bestuur.";

const IBP_POLICY_3_1: &str = "Het informatiebeveiligings- en privacybeleid van Stichting Demo Onderwijs beschrijft hoe we \
persoonsgegevens en informatie beschermen: wie waarvoor verantwoordelijk is (het College van Bestuur, de directeuren, \
de IBP-functionaris en de functionaris gegevensbescherming), welke maatregelen we nemen en hoe we elk jaar nagaan of ze werken.\n\
Elk jaar: de risicoanalyse, de controle van de toegangsrechten, de toestemmingsronde, de bewustwording van medewerkers \
en een verslag aan het bestuur.\n\
Nieuw in deze versie: camera's op de scholen, en tweestapsverificatie voor elk systeem met vertrouwelijke gegevens.";

/// A demo policy version: kind, title, version, change note, text, adopted
/// on, the GMR's consent on, public.
type PolicyPlan = (
    aantoonbaar_rules::policy_documents::PolicyKind,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<Date>,
    Option<Date>,
    bool,
);

/// The board's policy documents (issue 17): the code of conduct 1.0 of last
/// school year, signed by nearly everyone, and its 2.0 adopted this autumn
/// after the GMR's consent, signed by about two thirds of the staff (some on
/// paper), so the signatures page shows who has not, per school (the demo
/// teacher of group 3 among them); the confidentiality statement, mostly
/// signed; the public privacy regulation and responsible-disclosure policy;
/// the IBP policy 3.0 in force and its draft 3.1. Written through the store
/// functions the operations use, so hashes and adoption numbers are right;
/// no mails at adoption.
async fn seed_policies(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_rules::policy_documents::PolicyKind;
    use aantoonbaar_store::parties::sha256_hex;
    use aantoonbaar_store::policy_documents::{Adoption, NewSignature, PolicyDraft, SignatureChannel};
    let year = SchoolYear::containing(today).start_year();
    let at = |day: Date, hour: i8| Actor {
        at: day.at(hour, 0, 0, 0).in_tz("Europe/Amsterdam").map_or(actor.at, |z| z.timestamp().min(actor.at)),
        label: format!("ibp@{MAIL_DOMAIN}"),
        ..actor.clone()
    };
    let day = |y: i16, m: i8, d: i8| jiff::civil::date(y, m, d).min(today);
    let later = |from: Date, days: i64| from.checked_add(days.days()).unwrap_or(from).min(today);
    let plans: [PolicyPlan; 7] = [
        (
            PolicyKind::CodeOfConduct,
            "Gedragscode ICT-gebruik en privacy voor medewerkers",
            "1.0",
            None,
            CODE_OF_CONDUCT_1,
            Some(day(year - 1, 6, 10)),
            Some(day(year - 1, 5, 20)),
            false,
        ),
        (
            PolicyKind::Confidentiality,
            "Geheimhoudingsverklaring",
            "1.0",
            None,
            CONFIDENTIALITY,
            Some(day(year - 1, 8, 26)),
            None,
            false,
        ),
        (
            PolicyKind::PrivacyRegulation,
            "Privacyreglement Stichting Demo Onderwijs",
            "2.0",
            Some("Herzien naar het model van de PO-Raad; met de rechten van leerlingen vanaf 16 jaar"),
            PRIVACY_REGULATION,
            Some(day(year - 1, 9, 15)),
            Some(day(year - 1, 9, 8)),
            true,
        ),
        (
            PolicyKind::ResponsibleDisclosure,
            "Zwakke plek gevonden? Meld het ons",
            "1.0",
            None,
            RESPONSIBLE_DISCLOSURE,
            Some(day(year - 1, 11, 4)),
            None,
            true,
        ),
        (
            PolicyKind::IbpPolicy,
            "Informatiebeveiligings- en privacybeleid",
            "3.0",
            Some("Jaarlijkse evaluatie: nieuwe taken voor de directeuren"),
            IBP_POLICY_3_0,
            Some(day(year - 1, 12, 9)),
            None,
            false,
        ),
        (
            PolicyKind::CodeOfConduct,
            "Gedragscode ICT-gebruik en privacy voor medewerkers",
            "2.0",
            Some("Regels voor sociale media en foto's, en printen via de printbox"),
            CODE_OF_CONDUCT_2,
            Some(day(year, 10, 6)),
            Some(day(year, 9, 29)),
            false,
        ),
        (
            PolicyKind::IbpPolicy,
            "Informatiebeveiligings- en privacybeleid",
            "3.1",
            Some("Camera's en tweestapsverificatie toegevoegd; nog te bespreken in het bestuur"),
            IBP_POLICY_3_1,
            None,
            None,
            false,
        ),
    ];
    let staff = board.staff_members(&Scope::Board).await?;
    let person = |local: &str| staff.iter().find(|m| m.data.email == format!("{local}@{MAIL_DOMAIN}"));
    // Who signed each version in force (the others have not yet), and who signed on paper.
    let everyone_but = |not: &[&str]| -> Vec<&str> {
        staff
            .iter()
            .filter_map(|m| m.data.email.strip_suffix(&format!("@{MAIL_DOMAIN}")))
            .filter(|local| !not.contains(local))
            .collect()
    };
    let code_1 = everyone_but(&["invaller", "r.dekker"]);
    let confidentiality = everyone_but(&["invaller", "leerkracht.schoolverlaters"]);
    let code_2: Vec<&str> = vec![
        "ibp",
        "fg",
        "bestuur",
        "directeur.regenboog",
        "directeur.kompas",
        "directeur.sterrenkijker",
        "administratie.regenboog",
        "ict.regenboog",
        "s.degroot",
    ];
    // On paper, with who recorded it: the school's administration or director, the board office's own.
    let paper = [
        ("ict.regenboog", "administratie.regenboog"),
        ("s.degroot", "directeur.kompas"),
        ("directeur.sterrenkijker", "ibp"),
    ];
    for (kind, title, version, note, text, adopted_on, gmr_consent_on, public) in plans {
        let written = at(gmr_consent_on.or(adopted_on).map_or(today, |d| later(d, -14)), 11);
        let draft = PolicyDraft {
            kind,
            title: title.to_owned(),
            version: version.to_owned(),
            change_note: note.map(str::to_owned),
            text: Some((text.to_owned(), sha256_hex(text.as_bytes()))),
        };
        let doc = board.create_policy_document(&written, &draft).await?;
        let Some(adopted_on) = adopted_on else { continue };
        let adoption = Adoption { adopted_on, gmr_consent_on, public, mails: Vec::new() };
        board.adopt_policy_document(&at(adopted_on, 16), &doc.id, &adoption).await?;
        let signers = match (kind, version) {
            (PolicyKind::CodeOfConduct, "1.0") => &code_1,
            (PolicyKind::CodeOfConduct, _) => &code_2,
            (PolicyKind::Confidentiality, _) => &confidentiality,
            _ => continue,
        };
        for (index, local) in signers.iter().enumerate() {
            let Some(member) = person(local) else { continue };
            let recorder = paper
                .iter()
                .find(|(signer, _)| signer == local)
                .filter(|_| kind == PolicyKind::CodeOfConduct && version == "2.0")
                .map(|(_, by)| format!("{by}@{MAIL_DOMAIN}"));
            let on_paper = recorder.is_some();
            let signed_on = later(adopted_on, 1 + i64::try_from(index).unwrap_or(0) * 2);
            let recorder = recorder.unwrap_or_else(|| member.data.email.clone());
            let signature = NewSignature {
                staff_id: member.id.clone(),
                signer_name: member.name(),
                signed_on,
                channel: if on_paper { SignatureChannel::Paper } else { SignatureChannel::Online },
            };
            let by = Actor { label: recorder, ..at(signed_on, 9) };
            board.sign_policy_document(&by, &doc.id, &signature).await?;
        }
    }
    Ok(())
}

/// The yearly cycle (issue 17): this school year's calendar from the seeds
/// (the consent round, the half-done access review and the policy
/// documents show their facts; an item of the board's own is ticked by hand), and the privacy
/// refresher after the summer holiday (seed 004) for the teachers, with the
/// teachers of the staff list who attended it.
async fn seed_cycle(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_rules::cycle::{ActivityKind, Audience, ItemKind};
    use aantoonbaar_store::awareness::ActivityData;
    let year = aantoonbaar_rules::SchoolYear::containing(today);
    // The consent round of this school year started at the first school in September.
    let started = aantoonbaar_store::Actor {
        at: jiff::civil::date(year.start_year(), 9, 7)
            .at(9, 0, 0, 0)
            .in_tz("Europe/Amsterdam")
            .map_or(actor.at, |z| z.timestamp().min(actor.at)),
        ..actor.clone()
    };
    let pupils = board.consent_round(&Scope::Board, year.first_day(), today).await?;
    let invitations: Vec<aantoonbaar_store::NewRoundMail> = pupils
        .iter()
        .take(40)
        .flat_map(|p| p.custodians.iter().filter_map(move |g| Some((p, g, g.email.clone()?))))
        .map(|(p, g, to)| aantoonbaar_store::NewRoundMail {
            pupil_id: p.pupil_id.clone(),
            asked: g.id.clone(),
            mail: aantoonbaar_store::NewMail {
                to,
                subject: "Toestemming voor foto's en video's".to_owned(),
                body: "Geef via het ouderportaal aan waarvoor wij foto's en video's van uw kind mogen gebruiken."
                    .to_owned(),
                sensitive: false,
            },
        })
        .collect();
    let event =
        aantoonbaar_store::AuditEvent::new(aantoonbaar_store::AuditAction::Create, "consent_invitations", "demo");
    board.send_consent_invitations(&started, &event, &invitations, year).await?;
    board.create_calendar(actor, year, &aantoonbaar_app::calendar::default_data(year)).await?;
    let own = aantoonbaar_store::calendar::ItemData {
        kind: ItemKind::Custom,
        title: "Privacy op de agenda van de teamvergadering".to_owned(),
        owner_role: Some(Role::D),
        owner_user_id: None,
        due_on: jiff::civil::date(year.start_year(), 10, 15),
        source: None,
    };
    let item = board.add_calendar_item(actor, year, &own).await?;
    board
        .tick_calendar_item(
            actor,
            &item.id,
            "Besproken in beide teams, zie de notulen van 8 oktober",
            jiff::civil::date(year.start_year(), 10, 8),
        )
        .await?;
    let held_on = jiff::civil::date(year.start_year(), 9, 14).min(today);
    let refresher = ActivityData {
        kind: ActivityKind::Refresher,
        title: "Privacy-opfrisser na de zomervakantie".to_owned(),
        held_on,
        audience: Audience::Roles,
        school_id: None,
        roles: vec![Role::Op, Role::Opt],
        material: Some("Een korte opfrisser: sociale media, foto's van leerlingen, wachtwoorden en datalekken melden (Kennisnet, 14 september 2022).".to_owned()),
    };
    let activity = board.create_awareness_activity(actor, &refresher).await?;
    let staff = board.staff_members(&Scope::Board).await?;
    let teachers: Vec<String> =
        staff.iter().filter(|p| p.data.roles.contains(&Role::Op)).map(|p| p.id.clone()).collect();
    let attended: Vec<String> = teachers.iter().take(teachers.len().saturating_sub(1).max(1)).cloned().collect();
    board.set_awareness_attendance(actor, &activity.id, &teachers, &attended).await?;
    Ok(())
}

/// The IBP manager's section of this year's board report; the report stays
/// live (not adopted), so the demo shows its figures as the records say now.
async fn seed_board_report(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    let text = "Dit jaar hebben we de basis verder op orde gebracht: de toestemmingsronde liep via Aantoonbaar, \
                de toegangsrechten zijn voor het eerst per school gecontroleerd en elke melding van een datalek is \
                binnen een dag beoordeeld.\nAandachtspunten voor volgend jaar: de verwerkersovereenkomsten die nog \
                ontbreken, en de normen van de zelfevaluatie onder niveau 3.";
    let year = i64::from(today.year());
    board.write_report_text(actor, year, aantoonbaar_store::board_reports::TextPart::Text, text).await
}

/// The staff list (every demo account and a few colleagues without one),
/// ParnasSys's account list with an orphan, a leaver whose removal is late
/// and a supply teacher with a profile the matrix does not give her role,
/// a leaver removed on time with the evidence, and this year's review
/// campaign, half done: De Regenboog's director has her part still to do.
async fn seed_access(
    board: BoardStore<'_>,
    actor: &Actor,
    school_ids: &[String],
    today: Date,
) -> Result<(), StoreError> {
    use aantoonbaar_import::lists::AccountRow;
    use aantoonbaar_rules::access::{ReviewOutcome, leaver_remove_by};
    use aantoonbaar_rules::holidays::HolidayCalendar;
    use aantoonbaar_store::access_reviews::{NewCampaign, Verdict};
    use aantoonbaar_store::staff::{ChangeFilter, LeaveSync, StaffData};
    let equated: Vec<Date> = board.equated_days().await?.into_iter().map(|d| d.day).collect();
    let calendar = HolidayCalendar::new(&equated);
    let ago = |days: i64| today.checked_sub(days.days()).unwrap_or(today);
    let people = [
        ("Ilse", "Bakker", "ibp", None, Role::St, None),
        ("Frank", "Gerritsen", "fg", None, Role::Fg, None),
        ("Carla", "van Beek", "bestuur", None, Role::Cvb, None),
        ("Dirk", "Smits", "directeur.regenboog", Some(0), Role::D, None),
        ("Hanneke", "Vos", "directeur.kompas", Some(1), Role::D, None),
        ("Mehmet", "Kaya", "directeur.sterrenkijker", Some(2), Role::D, None),
        ("Tamara", "Lely", "teamleider.regenboog", Some(0), Role::Tl, None),
        ("Bas", "Schouten", "ict.regenboog", Some(0), Role::Bs, None),
        ("Anja", "Pronk", "administratie.regenboog", Some(0), Role::Ap, None),
        ("Olga", "Peeters", "leerkracht.groep3", Some(0), Role::Op, None),
        ("Omar", "Haddad", "leerkracht.schoolverlaters", Some(2), Role::Op, None),
        ("Otto", "Pieterse", "invaller", Some(0), Role::Opt, None),
        ("Sanne", "de Groot", "s.degroot", Some(1), Role::Op, None),
        ("Ruben", "Dekker", "r.dekker", Some(1), Role::Op, None),
        ("Petra", "Mulder", "p.mulder", Some(0), Role::Op, Some(ago(7))),
        ("Kees", "Brouwer", "k.brouwer", Some(1), Role::Op, Some(ago(40))),
    ];
    for (given, surname, local, school, role, end) in &people {
        let data = StaffData {
            given_name: (*given).to_owned(),
            surname: (*surname).to_owned(),
            email: format!("{local}@{MAIL_DOMAIN}"),
            school_id: school.map(|s| school_ids[s].clone()),
            roles: vec![*role],
            employment_start: jiff::civil::date(2019, 8, 1),
            employment_end: *end,
        };
        let leaving = end.map(|end| (end, leaver_remove_by(end, &calendar)));
        board.create_staff(actor, &data, &LeaveSync { leaving, mails: Vec::new() }).await?;
    }
    let systems = board.systems().await?;
    let Some(parnassys) = systems.iter().find(|s| s.data.name == "ParnasSys") else { return Ok(()) };
    let account = |username: &str, local: Option<&str>, profile: &str, last: Date| AccountRow {
        line: 0,
        username: username.to_owned(),
        name: None,
        email: local.and_then(|l| Email::parse(&format!("{l}@{MAIL_DOMAIN}")).ok()),
        profile: Some(profile.to_owned()),
        last_sign_in: Some(last.to_string()),
    };
    let rows = vec![
        account("ibakker", Some("ibp"), "Beheerder", ago(1)),
        account("dsmits", Some("directeur.regenboog"), "Directie", ago(2)),
        account("hvos", Some("directeur.kompas"), "Directie", ago(1)),
        account("apronk", Some("administratie.regenboog"), "Administratie", ago(1)),
        account("opeeters", Some("leerkracht.groep3"), "Leerkracht", ago(1)),
        account("opieterse", Some("invaller"), "Leerkracht", ago(9)),
        account("sdegroot", Some("s.degroot"), "Leerkracht", ago(3)),
        account("rdekker", Some("r.dekker"), "Leerkracht", ago(2)),
        account("pmulder", Some("p.mulder"), "Leerkracht", ago(8)),
        account("stagiair2023", None, "Leerkracht", jiff::civil::date(2023, 6, 30)),
    ];
    let failed = |e: aantoonbaar_app::Error| StoreError::Corrupt(format!("demo accounts: {e}"));
    aantoonbaar_app::access::accounts::replace_list(board, actor, &parnassys.id, rows, today).await.map_err(failed)?;
    // Kees Brouwer left last month; his ParnasSys account was removed the day after.
    let changes = board.access_changes(ChangeFilter::default()).await?;
    if let Some(change) = changes.iter().find(|c| c.staff_name == "Kees Brouwer") {
        let evidence = "Account kbrouwer verwijderd in ParnasSys door Bas Schouten (melding 2026-114)";
        board.record_change_step(actor, &change.id, &parnassys.id, evidence, ago(39)).await?;
    }
    let campaign = NewCampaign {
        name: format!("Jaarlijkse controle toegangsrechten {}", today.year()),
        started_on: ago(10),
        deadline: today.checked_add(10.days()).unwrap_or(today),
        system_ids: vec![parnassys.id.clone()],
        mails: Vec::new(),
    };
    let campaign = board.start_campaign(actor, &campaign).await?;
    // Het Kompas finished its part; De Regenboog's and the board's are open.
    let kompas = Scope::Schools(vec![school_ids[1].clone()]);
    let verdicts: Vec<Verdict> = board
        .review_items(&campaign.id, &kompas)
        .await?
        .into_iter()
        .map(|item| Verdict { item_id: item.id, outcome: ReviewOutcome::Keep, note: None })
        .collect();
    board.decide_review_items(actor, &campaign.id, &kompas, &verdicts).await?;
    Ok(())
}

/// The access policy and the authorisation matrix in force of the register's
/// main systems, written through the access operations (their validation and
/// audit); the trial app and the old newsletter tool are left without, so the
/// overview shows what is missing, and ECK iD signs in without two-step
/// verification, so its warning shows.
async fn seed_access_policies(board: BoardStore<'_>, actor: &Actor) -> Result<(), StoreError> {
    use aantoonbaar_app::access::{matrix, policy};
    use serde_json::json;
    let failed = |e: aantoonbaar_app::Error| StoreError::Corrupt(format!("demo access policy: {e}"));
    let all = ["view", "change", "delete"];
    let plans = [
        (
            "ParnasSys",
            json!({"issued_by": "Stafmedewerker ICT, op last van de directeur", "provisioning": "sync", "two_step": true,
                "password_rule": "Minstens 12 tekens; na 60 minuten niets doen wordt je afgemeld", "owner": "Directeur-bestuurder"}),
            json!([
                {"role": "OP", "profile": "Leerkracht", "rights": ["view", "change"], "scope": "group"},
                {"role": "D", "profile": "Directie", "rights": all, "scope": "school"},
                {"role": "AP", "profile": "Administratie", "rights": ["view", "change"], "scope": "school"},
                {"role": "ST", "profile": "Beheerder", "rights": all, "scope": "board"}
            ]),
        ),
        (
            "ParnasSys leerlingvolgsysteem",
            json!({"issued_by": "Stafmedewerker ICT", "provisioning": "sync", "two_step": true,
                "password_rule": "Minstens 12 tekens", "review_interval": "P6M", "owner": "Directeur-bestuurder"}),
            json!([
                {"role": "OP", "profile": "Leerkracht", "rights": ["view", "change"], "scope": "group"},
                {"role": "OPT", "profile": "Invaller", "rights": ["view"], "scope": "group"},
                {"role": "D", "profile": "Directie", "rights": ["view", "change"], "scope": "school"},
                {"role": "ST", "profile": "Beheerder", "rights": all, "scope": "board"}
            ]),
        ),
        (
            "Entree Federatie (ECK iD)",
            json!({"issued_by": "ICT-beheerder school", "provisioning": "sso", "two_step": false,
                "password_rule": "Het wachtwoord van het account van het bestuur", "owner": "Stafmedewerker ICT"}),
            json!([
                {"role": "OP", "profile": "Docent", "rights": ["view"], "scope": "group"},
                {"role": "BS", "profile": "Schoolbeheerder", "rights": ["view", "change"], "scope": "school"}
            ]),
        ),
        (
            "Microsoft 365",
            json!({"issued_by": "Stafmedewerker ICT", "provisioning": "manual", "two_step": true,
                "password_rule": "Minstens 10 tekens, drie van de vier soorten tekens", "owner": "Stafmedewerker ICT"}),
            json!([
                {"role": "OP", "profile": "Medewerker", "rights": all, "scope": "own"},
                {"role": "D", "profile": "Medewerker", "rights": all, "scope": "own"},
                {"role": "ST", "profile": "Globale beheerder", "rights": all, "scope": "board"}
            ]),
        ),
    ];
    let systems = board.systems().await?;
    for (name, policy_body, rows) in plans {
        let Some(system) = systems.iter().find(|s| s.data.name == name) else { continue };
        let command = serde_json::from_value(policy_body).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        policy::write_policy(board, actor, &system.id, command).await.map_err(failed)?;
        let command = serde_json::from_value(json!({"note": "Vastgesteld door de stafmedewerker ICT", "rows": rows}))
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        matrix::write_matrix(board, actor, &system.id, command).await.map_err(failed)?;
    }
    Ok(())
}

/// Two holds on leavers of three years ago whose file is due: one placed seven
/// months ago for a possible legal claim (to be reviewed: the board reviews
/// every six months), one last month for a request that is still open.
async fn seed_holds(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    let query =
        aantoonbaar_store::PupilQuery { include_left: true, today: Some(today), limit: 1000, ..Default::default() };
    let (pupils, _) = board.pupils(&aantoonbaar_store::Scope::Board, &query).await?;
    let cutoff = today.checked_sub(2.years()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut leavers = pupils.iter().filter(|p| p.leave_date.is_some_and(|d| d < cutoff));
    let holds = [
        (7, HoldKind::LegalClaim, None, "Ouders hebben aangekondigd naar de rechter te gaan over de verwijzing."),
        (1, HoldKind::OpenRequest, Some(Category::PupilFile), "Verzoek om inzage in het dossier loopt nog."),
    ];
    for (months, kind, category, reason) in holds {
        let Some(pupil) = leavers.next() else { break };
        let placed_on = today.checked_sub(months.months()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let hold = NewHold { pupil_id: pupil.id.clone(), category, kind, reason: reason.to_owned(), placed_on };
        board.place_hold(actor, &hold).await?;
    }
    Ok(())
}

/// The risk analysis: the twenty risks of the board's policy (seed 001
/// §14.15); the highest has its treatment, measures and residual risk filled
/// in, so the list, the heat map and the dashboard card show both kinds.
async fn seed_risks(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_rules::risks::{Impact, Likelihood, Treatment};
    let mut risks = aantoonbaar_app::risks::seed_data();
    if let Some(first) = risks.first_mut() {
        first.owner = Some("IBP-coördinator".to_owned());
        first.scenario = Some(
            "Medewerkers houden accounts van vertrokken collega's open en delen wachtwoorden; \
             leerlinggegevens zijn zo in te zien door wie dat niet hoort."
                .to_owned(),
        );
        first.treatment = Some(Treatment::Reduce);
        first.measures = Some(
            "Autorisaties per rol vastgelegd; accounts dicht op de laatste werkdag; jaarlijkse controle van \
             de rechten door de directeur; bewustwordingsbijeenkomst in september."
                .to_owned(),
        );
        first.residual_likelihood = Likelihood::new(1).ok();
        first.residual_impact = Impact::new(3).ok();
        first.review_date = today.checked_add(Span::new().months(6)).ok();
    }
    board.create_risks(actor, &risks).await?;
    Ok(())
}

/// The DPIAs: the pupil-tracking system screened and its DPIA approved by
/// the board almost three years ago (its review is due within two months, so
/// the dashboard card counts it); the camera activity screened as needing a
/// DPIA that has none yet; and SIVON's central DPIA of the office suite with
/// the board's findings, waiting for the FG's advice.
async fn seed_dpias(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_app::dpia::record::{Approval, seal};
    use aantoonbaar_rules::dpia::record::Kind;
    use aantoonbaar_store::dpias::{DpiaData, NewScreening};
    let failed = |e: aantoonbaar_app::Error| StoreError::Corrupt(e.to_string());
    let register = aantoonbaar_app::register::of_board(board, &Scope::Board).await.map_err(failed)?;
    let activity = |name: &str| register.activities.iter().find(|a| a.activity.name == name).map(|a| a.id.clone());
    let screen = |activity_id: Option<String>, facts: serde_json::Value| {
        let command: aantoonbaar_app::dpia::ScreenDpia = serde_json::from_value(facts.clone()).unwrap_or_default();
        let outcome = aantoonbaar_app::dpia::assess(command);
        (activity_id, facts, outcome)
    };
    let mut tracking = None;
    for (activity_id, facts, outcome) in [
        screen(
            activity("Leerlingvolgsysteem en leerlingenzorg"),
            serde_json::json!({"subjects": ["pupils"], "large_scale": true,
                "data_categories": ["education_progress", "special_needs", "health"], "techniques": ["scoring_performance"]}),
        ),
        screen(
            activity("Cameratoezicht"),
            serde_json::json!({"subjects": ["pupils", "staff", "visitors"], "subject_count": 400,
                "data_categories": ["images"], "techniques": ["camera_public_area"]}),
        ),
    ] {
        let outcome = outcome.map_err(failed)?;
        let data = NewScreening {
            activity_id,
            product: None,
            facts,
            outcome: outcome.outcome.to_owned(),
            reasons: serde_json::to_value(&outcome.reasons).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        };
        let stored = board.create_screening(actor, "Ilse Bakker", &data).await?;
        tracking.get_or_insert(stored);
    }
    let Some(screening) = tracking else { return Ok(()) };
    let content = serde_json::json!({
        "sections": {
            "proposal": "Het leerlingvolgsysteem houdt de voortgang, de toetsresultaten en de zorg van elke leerling bij.",
            "processing": "Leerkrachten voeren toetsresultaten en observaties in; de intern begeleider schrijft zorgnotities.",
            "necessity": "Nodig om onderwijs op maat te geven en de zorgplicht na te komen (art. 8 WPO);                 zorgnotities alleen voor de intern begeleider en de directeur.",
            "data_subject_rights": "Ouders zien het dossier in via de directeur; verzoeken lopen via het verzoekenregister."
        },
        "risks": [
            {"description": "Zorgnotities worden gezien door collega's die ze niet nodig hebben", "severity": 3, "likelihood": 3,
                "measures": "Rechten per rol; alleen de intern begeleider leest zorgnotities; jaarlijkse controle.",
                "residual_severity": 3, "residual_likelihood": 1},
            {"description": "Een leerling krijgt een etiket door oude toetsresultaten", "severity": 2, "likelihood": 2,
                "measures": "Resultaten ouder dan twee jaar worden niet meer getoond."}
        ],
        "subjects_not_asked": "De MR is gevraagd; de leerlingen zijn te jong.",
        "advice_response": "Het advies is overgenomen: de leesrechten zijn per rol beperkt."
    });
    let data = DpiaData {
        title: "Leerlingvolgsysteem en leerlingenzorg".to_owned(),
        activity_id: screening.data.activity_id.clone(),
        product: None,
        kind: Kind::Local,
        screening_id: Some(screening.id.clone()),
        content,
    };
    let dpia = board.create_dpia(actor, &data).await?;
    let dpia = board.advise_dpia(actor, &dpia.id, "Beperk de leesrechten op zorgnotities per rol.", &[]).await?;
    let approved_on =
        today.checked_sub(Span::new().years(3)).and_then(|d| d.checked_add(Span::new().days(40))).unwrap_or(today);
    let approval =
        Approval { approved_by: "Carla van Beek", decision: "Besluit College van Bestuur 2024-12", approved_on };
    seal(board, actor, &register, &dpia, &approval, &[]).await.map_err(failed)?;
    let central = DpiaData {
        title: "Kantoorsoftware (centrale DPIA)".to_owned(),
        activity_id: None,
        product: Some("Kantoorsoftware in de cloud".to_owned()),
        kind: Kind::Central,
        screening_id: None,
        content: serde_json::json!({
            "central": {"publisher": "SIVON", "title": "DPIA kantoorsoftware voor het onderwijs",
                "url": "https://www.sivon.nl/", "version": "2025"},
            "findings": [{"topic": "Diagnostische gegevens", "applies": true,
                "why": "Onze scholen gebruiken nog de standaardinstellingen; die passen we aan."}],
            "subjects_views": "De GMR is gehoord in de vergadering van oktober."
        }),
    };
    board.create_dpia(actor, &central).await?;
    Ok(())
}

/// Camera surveillance (seed 002 §7) at the first school: three cameras
/// outside (none has its DPIA linked yet, so the page shows the finding), a
/// viewing of the entrance camera for the open incident at that school, and
/// the hold that keeps the hour of footage it needs.
async fn seed_cameras(board: BoardStore<'_>, actor: &Actor, school_id: &str) -> Result<(), StoreError> {
    use aantoonbaar_rules::camera::{HoldKind, LogKind, LogReason, Status};
    use aantoonbaar_rules::retention::Period;
    use aantoonbaar_store::cameras::{CameraData, NewFootageHold, NewLogEntry};
    use aantoonbaar_store::incidents::IncidentFilter;
    let camera = |name: &str, location: &str, coverage: &str| CameraData {
        school_id: school_id.to_owned(),
        name: name.to_owned(),
        location: location.to_owned(),
        coverage: coverage.to_owned(),
        purpose: "Beveiliging van het gebouw en het terrein, en de veiligheid van leerlingen, medewerkers en \
                  bezoekers."
            .to_owned(),
        balancing: "Na inbraken in 2025 wegen de veiligheid en de spullen van de school zwaarder dan de inbreuk: \
                    de camera's filmen alleen het eigen terrein, niet de straat, en de beelden gaan na vier weken weg."
            .to_owned(),
        dpia_id: None,
        signs: true,
        signs_where: Some("Bij beide hekken en bij de hoofdingang".to_owned()),
        viewers: "De directeur en de IBP-coördinator".to_owned(),
        retention: Period::weeks(4),
        live_view: false,
        status: Status::Active,
    };
    let entrance = board
        .create_camera(
            actor,
            &camera("Hoofdingang", "Boven de hoofdingang, buitenkant", "De hoofdingang en het bordes"),
        )
        .await?;
    board
        .create_camera(actor, &camera("Fietsenstalling", "Gevel bij de fietsenstalling", "De fietsenstalling"))
        .await?;
    board.create_camera(actor, &camera("Schoolplein", "Hoek van de gymzaal, buitenkant", "Het schoolplein")).await?;
    let scope = Scope::Schools(vec![school_id.to_owned()]);
    let filter =
        IncidentFilter { status: Some(aantoonbaar_rules::incidents::Status::Reported), ..IncidentFilter::default() };
    let open = board.incidents(&scope, &filter).await?;
    let Some(incident) = open.first() else { return Ok(()) };
    let hour = jiff::SignedDuration::from_hours(1);
    let from = incident.discovered_at.checked_sub(hour.saturating_mul(3)).unwrap_or(incident.discovered_at);
    let to = incident.discovered_at.checked_sub(hour.saturating_mul(2)).unwrap_or(incident.discovered_at);
    let viewing = NewLogEntry {
        camera_id: entrance.id.clone(),
        kind: LogKind::Viewing,
        from,
        to,
        reason: LogReason::Incident,
        explanation: "Gekeken wie er in het uur voor de melding bij de hoofdingang was.".to_owned(),
        recipient: None,
        recipient_name: None,
        request_reference: None,
        incident_id: Some(incident.id.clone()),
        request_id: None,
    };
    board.add_camera_log(actor, &viewing).await?;
    let hold = NewFootageHold {
        camera_id: entrance.id,
        kind: HoldKind::Incident,
        from,
        to,
        incident_id: Some(incident.id.clone()),
        reason: "Nodig zolang het incident loopt.".to_owned(),
    };
    board.place_footage_hold(actor, &hold).await?;
    Ok(())
}

/// The self-assessment: five norms of the shipped framework (seed 001 §6.2,
/// §14.9) assessed, two of them below level 3 (the sector's minimum), so the
/// page marks them and the dashboard card counts them.
async fn seed_self_assessment(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_rules::frameworks::{Level, SHIPPED_CODE};
    use aantoonbaar_store::selfassessment::AnswerData;
    let level = |n| Level::new(n).map_err(|e| StoreError::Corrupt(e.code.to_owned()));
    let answers = [
        ("PRG.1", 4, 4, "Verwerkersovereenkomsten staan in het register, met de einddatum.", None),
        ("ORG.1", 3, 4, "IBP-plan vastgesteld door het CvB; evaluatie gepland.", None),
        (
            "MEN.2",
            2,
            3,
            "Eén nieuwsbericht per jaar.",
            Some("Bewustwordingsbijeenkomst in september voor alle scholen."),
        ),
        (
            "MEN.5",
            2,
            3,
            "Accounts worden niet altijd op de laatste werkdag gesloten.",
            Some("Controle door de directeur bij elk vertrek."),
        ),
        ("GEG.2", 3, 3, "Back-up door de ICT-beheerder, hersteltest in 2026.", None),
    ];
    for (reference, now, target, evidence, measures) in answers {
        let data = AnswerData {
            level: level(now)?,
            target: level(target)?,
            evidence: Some(evidence.to_owned()),
            measures: measures.map(str::to_owned),
            owner: Some("IBP-coördinator".to_owned()),
            due_date: measures.and_then(|_| today.checked_add(Span::new().months(4)).ok()),
        };
        board.record_answer(actor, SHIPPED_CODE, reference, &data).await?;
    }
    Ok(())
}

/// The processing register: the board's profile and the template, adopted
/// by the board in September; since then the IBP manager added two
/// activities that still miss something, so the completeness view and the
/// changes since adoption have something to show.
async fn seed_register(board: BoardStore<'_>, actor: &Actor, today: Date) -> Result<(), StoreError> {
    use aantoonbaar_rules::register::{
        Activity, BoardProfile, DataCategory, Dpo, LegalBasis, Purpose, Recipient, RecipientKind, SubjectCategory,
        Transfer, template,
    };
    let failed = |e: aantoonbaar_app::Error| StoreError::Corrupt(e.to_string());
    let profile = BoardProfile {
        name: BOARD.to_owned(),
        address: "Schoolstraat 1, 1234 AB Voorbeeldstad".to_owned(),
        kvk: Some("41234567".to_owned()),
        contact_email: format!("privacy@{MAIL_DOMAIN}"),
        dpo: Dpo { name: "Frank Gerritsen".to_owned(), email: format!("fg@{MAIL_DOMAIN}"), phone: None },
    };
    board.set_board_profile(actor, &profile).await?;
    let systems = seed_parties(board, actor, today).await?;
    let review = today.checked_add(Span::new().months(9)).ok();
    let activities: Vec<Activity> = template::activities()
        .into_iter()
        .map(|a| {
            let system_ids =
                systems.iter().filter(|(_, used_by)| *used_by == a.name).map(|(id, _)| id.clone()).collect();
            Activity { review_date: review, system_ids, ..a }
        })
        .collect();
    board.create_activities(actor, &activities).await?;
    let adopted_at = Actor {
        at: actor.at.checked_sub(jiff::SignedDuration::from_hours(24 * 60)).unwrap_or(actor.at),
        ..actor.clone()
    };
    aantoonbaar_app::register::adoption::adopt_board(
        board,
        &adopted_at,
        "Carla van Beek",
        "Besluit College van Bestuur 2026-31",
    )
    .await
    .map_err(failed)?;
    for audience in aantoonbaar_rules::register::statement::Audience::ALL {
        aantoonbaar_app::privacy_statement::publish_board(board, &adopted_at, "Ilse Bakker", *audience)
            .await
            .map_err(failed)?;
    }
    let draft = |name: &str, purpose: Purpose, data: Vec<DataCategory>| Activity {
        purposes: vec![purpose],
        subject_categories: vec![SubjectCategory::Pupils],
        data_categories: data,
        recipients: vec![Recipient {
            name: "Leerkrachten".to_owned(),
            kind: RecipientKind::Internal,
            supplier_id: None,
        }],
        retention: Some("Tot het einde van het schooljaar".to_owned()),
        security_measures: Some("Alleen de leerkracht van de groep heeft toegang.".to_owned()),
        owner: Some("Directeur De Regenboog".to_owned()),
        review_date: review,
        ..Activity::named(name.to_owned())
    };
    let photographer = Purpose {
        text: "Klassenfoto's door de schoolfotograaf".to_owned(),
        legal_basis: LegalBasis::Consent,
        legal_source: None,
        consent_purpose: None,
        balancing_test: None,
    };
    board
        .create_activity(
            actor,
            None,
            &draft("Schoolfotograaf", photographer, vec![DataCategory::Identification, DataCategory::Images]),
        )
        .await?;
    let trial = Purpose {
        text: "Proef met een oefenapp voor rekenen in groep 5".to_owned(),
        legal_basis: LegalBasis::PublicTask,
        legal_source: Some("art. 8 WPO".to_owned()),
        consent_purpose: None,
        balancing_test: None,
    };
    let mut app_trial =
        draft("Oefenapp rekenen (proef)", trial, vec![DataCategory::Identification, DataCategory::Performance]);
    app_trial.transfers =
        vec![Transfer { country: "US".to_owned(), safeguard: None, recipient: Some("De maker van de app".to_owned()) }];
    app_trial.system_ids = systems.iter().filter(|(_, used_by)| *used_by == TRIAL).map(|(id, _)| id.clone()).collect();
    board.create_activity(actor, None, &app_trial).await?;
    Ok(())
}

/// The activity of the demo's app trial, whose supplier signed nothing yet.
const TRIAL: &str = "Oefenapp rekenen (proef)";

/// The demo board's suppliers, systems, processor agreements and other
/// recipients: the pupil administration and the learning resources under the
/// Privacyconvenant, an office suite whose agreement ends within 60 days, a
/// trial app from the US that signed nothing, and an old newsletter tool
/// still in use that no activity mentions. Answers each system's id with the
/// name of the activity that uses it.
async fn seed_parties(
    board: BoardStore<'_>,
    actor: &Actor,
    today: Date,
) -> Result<Vec<(String, &'static str)>, StoreError> {
    use aantoonbaar_rules::register::Classification;
    use aantoonbaar_rules::register::parties::{AgreementModel, ConvenantStatus, RecipientKind};
    use aantoonbaar_store::parties::{AgreementData, RecipientData, SupplierData, SystemData};
    let day = |months: i64| today.checked_add(Span::new().months(months)).unwrap_or(today);
    /// Name, convenant status, data location, and the agreement: its model,
    /// signed this many months ago, and its end.
    type Seeded = (&'static str, Option<ConvenantStatus>, &'static str, Option<(AgreementModel, i64, Option<Date>)>);
    let suppliers: [Seeded; 4] = [
        (
            "Topicus (ParnasSys)",
            Some(ConvenantStatus::Participant),
            "NL",
            Some((AgreementModel::PrivacyConvenant4, -28, None)),
        ),
        (
            "Kennisnet (Entree Federatie)",
            Some(ConvenantStatus::Participant),
            "NL",
            Some((AgreementModel::PrivacyConvenant4, -40, None)),
        ),
        (
            "Microsoft Ireland",
            Some(ConvenantStatus::NotAffiliated),
            "IE",
            Some((AgreementModel::General, -34, Some(today.checked_add(Span::new().days(45)).unwrap_or(today)))),
        ),
        ("Oefenapp Inc.", Some(ConvenantStatus::NotAffiliated), "US", None),
    ];
    let mut ids = Vec::new();
    for (name, convenant_status, location, agreement) in suppliers {
        let data = SupplierData {
            name: name.to_owned(),
            processor: true,
            convenant_status,
            convenant_checked_on: Some(day(-2)),
            data_location: Some(location.to_owned()),
            contact: Some(format!("privacy@{}.example", name.split_whitespace().next().unwrap_or(name).to_lowercase())),
        };
        let supplier = board.create_supplier(actor, &data).await?.id;
        if let Some((model, signed, ends_at)) = agreement {
            let agreement = AgreementData {
                supplier_id: supplier.clone(),
                model,
                deviations: None,
                signed_at: Some(day(signed)),
                signed_by: Some("Carla van Beek".to_owned()),
                effective_from: Some(day(signed)),
                ends_at,
                review_date: Some(day(10)),
            };
            board.create_agreement(actor, &agreement).await?;
        }
        ids.push(supplier);
    }
    let systems = [
        ("ParnasSys", 0, "Leerlingadministratie", "Leerlinggegevens, groepen, absentie", Classification::Confidential),
        (
            "ParnasSys leerlingvolgsysteem",
            0,
            "Leerlingvolgsysteem en leerlingenzorg",
            "Toetsen, handelingsplannen, zorgnotities",
            Classification::Secret,
        ),
        (
            "Entree Federatie (ECK iD)",
            1,
            "Digitale leermiddelen met ECK iD",
            "ECK iD en inloggegevens",
            Classification::Confidential,
        ),
        (
            "Microsoft 365",
            2,
            "Contact met ouders",
            "E-mail en documenten van het personeel",
            Classification::Confidential,
        ),
        ("Oefenapp", 3, TRIAL, "Namen en oefenresultaten van groep 5", Classification::Internal),
        ("Oude nieuwsbrieftool", 3, "", "E-mailadressen van ouders", Classification::Internal),
    ];
    let mut out = Vec::new();
    for (name, supplier, used_by, holds, classification) in systems {
        let data = SystemData {
            name: name.to_owned(),
            supplier_id: Some(ids[supplier].clone()),
            product: None,
            holds: Some(holds.to_owned()),
            classification: Some(classification),
            data_location: None,
            in_use: true,
        };
        out.push((board.create_system(actor, &data).await?.id, used_by));
    }
    let recipients = [
        (
            "DUO",
            RecipientKind::PublicAuthority,
            "art. 178a WPO",
            "Inschrijving en uitschrijving, met het BSN",
            "Bij elke in- en uitschrijving",
        ),
        (
            "Inspectie van het Onderwijs",
            RecipientKind::PublicAuthority,
            "art. 11 WOT",
            "Gegevens die het toezicht nodig heeft",
            "Bij een onderzoek",
        ),
        (
            "Gemeente Voorbeeldstad, leerplicht",
            RecipientKind::PublicAuthority,
            "art. 21 Leerplichtwet 1969",
            "Ongeoorloofd verzuim",
            "Bij verzuim",
        ),
        (
            "Samenwerkingsverband Passend Onderwijs",
            RecipientKind::ThirdParty,
            "art. 18a WPO",
            "Gegevens voor een ondersteuningsaanvraag",
            "Na toestemming van de ouders",
        ),
        (
            "De nieuwe school (OSO)",
            RecipientKind::ThirdParty,
            "art. 42 WPO",
            "Het onderwijskundig rapport",
            "Bij een overstap",
        ),
    ];
    for (name, kind, legal_ground, shared, occasion) in recipients {
        let data = RecipientData {
            name: name.to_owned(),
            kind,
            legal_ground: legal_ground.to_owned(),
            shared: shared.to_owned(),
            occasion: Some(occasion.to_owned()),
        };
        board.create_recipient(actor, &data).await?;
    }
    Ok(out)
}

/// Three incidents in different states: a fresh report, a breach whose 72-hour
/// clock runs, and a closed misaddressed e-mail whose recipient deleted it.
async fn incidents(board: BoardStore<'_>, actor: &Actor, school_ids: &[String]) -> Result<(), StoreError> {
    use aantoonbaar_rules::breach::{
        Availability, BreachFacts, Confidentiality, Consequence, DataCategory, Exfiltration, Integrity,
    };
    use aantoonbaar_rules::incidents::{Channel, Kind};
    use aantoonbaar_store::{Closing, NewIncident};
    let ago = |hours: i64| actor.at.checked_sub(jiff::SignedDuration::from_hours(hours)).unwrap_or(actor.at);
    let new = |school: usize, reporter: &str, what: &str, hours_ago: i64, data: &str, device: &str| NewIncident {
        kind: Kind::Incident,
        channel: Channel::Staff,
        school_id: Some(school_ids[school].clone()),
        reported_by: None,
        reporter_name: reporter.to_owned(),
        reporter_email: None,
        what_happened: what.to_owned(),
        discovered_at: ago(hours_ago),
        data_concerned: data.to_owned(),
        people_concerned: "leerlingen en ouders".to_owned(),
        device: device.to_owned(),
        ongoing: false,
    };
    // The facts a director knows in both assessed cases: nothing altered or lost, no attack.
    let settled = BreachFacts {
        integrity: Some(Integrity::None),
        availability: Some(Availability::None),
        malicious: Some(false),
        vulnerable: Some(false),
        encrypted: Some(false),
        key_compromised: Some(false),
        recipient_confirmed_deletion: Some(false),
        backup_restored: Some(false),
        risk_removed_by_measures: Some(false),
        individual_contact_disproportionate: Some(false),
        ..BreachFacts::default()
    };
    board
        .report_incident(
            actor,
            &new(
                0,
                "Otto Pieterse",
                "USB-stick met toetsresultaten van groep 5 kwijt",
                2,
                "toetsresultaten",
                "USB-stick",
            ),
            &|_| Vec::new(),
        )
        .await?;

    let phone = board
        .report_incident(
            actor,
            &new(
                1,
                "Hanneke Vos",
                "Telefoon met schoolmail en groepsapp in de trein laten liggen",
                20,
                "e-mails met ouders",
                "telefoon",
            ),
            &|_| Vec::new(),
        )
        .await?;
    let facts = BreachFacts {
        personal_data: Some(true),
        confidentiality: Some(Confidentiality::UnknownRecipient),
        exfiltration: Some(Exfiltration::Suspected),
        data_categories: Some(vec![DataCategory::Contact, DataCategory::Communications, DataCategory::Behaviour]),
        subjects: Some(28),
        children: Some(true),
        encrypted: Some(false),
        aware_at: Some(ago(20)),
        ..settled.clone()
    };
    let (record, _) =
        aantoonbaar_app::incidents::decide(&phone, facts, None, "directeur.kompas@demo.aantoonbaar.nl", actor.at)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    board.record_incident_assessment(actor, &phone.id, &record).await?;

    let mail = board
        .report_incident(
            actor,
            &new(
                0,
                "Olga Peeters",
                "Klassenlijst met telefoonnummers naar de verkeerde ouder gemaild",
                200,
                "namen en telefoonnummers",
                "e-mail",
            ),
            &|_| Vec::new(),
        )
        .await?;
    let facts = BreachFacts {
        personal_data: Some(true),
        confidentiality: Some(Confidentiality::KnownRecipient),
        exfiltration: Some(Exfiltration::None),
        recipient_confirmed_deletion: Some(true),
        data_categories: Some(vec![DataCategory::Contact]),
        subjects: Some(27),
        children: Some(true),
        aware_at: Some(ago(200)),
        recipients: Some(1),
        trusted_recipient: Some(false),
        consequences: Some(vec![Consequence::None]),
        ..settled
    };
    let (record, _) =
        aantoonbaar_app::incidents::decide(&mail, facts, None, "directeur.regenboog@demo.aantoonbaar.nl", actor.at)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    board.record_incident_assessment(actor, &mail.id, &record).await?;
    let closing = Closing {
        measures: "Ontvanger heeft de mail verwijderd en dat bevestigd; adresaanvulling in de mail uitgezet".to_owned(),
        cause: "Automatische aanvulling van het e-mailadres".to_owned(),
        evaluation: "Binnen een uur gemeld; geen melding aan de AP nodig (laag risico)".to_owned(),
    };
    board.close_incident(actor, &mail.id, &closing).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn some_parents_have_two_children_at_one_school() {
        let today = Date::new(2026, 12, 2).unwrap();
        let pupils = pupils_for(&SCHOOLS[0], &mut Dice(0x5EED_2026_A0B1_C2D3), today, 100_000).unwrap();
        let address = |p: &ImportedPupil| p.guardians.iter().filter_map(|g| g.guardian.email.clone()).next();
        let mut families = std::collections::HashMap::<Email, Vec<&ImportedPupil>>::new();
        for pupil in &pupils {
            if let Some(email) = address(pupil) {
                families.entry(email).or_default().push(pupil);
            }
        }
        let siblings: Vec<_> = families.values().filter(|children| children.len() >= 2).collect();
        assert!(siblings.len() >= 20, "families with two children: {}", siblings.len());
        for children in siblings {
            assert!(children.iter().all(|c| c.surname == children[0].surname), "siblings share the surname");
            assert!(children.iter().any(|c| c.group_name != children[0].group_name), "in different groups");
        }
    }
}
