// The import of a school's pupil-administration export; compiled for both back-ends (see
// `queries.rs`).

use super::guardians::{SCHOOL_GUARDIANS, insert_guardians, linked_from, update_guardian, upsert_links};
use super::pupils::{PUPIL_COLUMNS, changed_fields, insert_pupils, pupil_from, write_pupil};
use super::schools::insert_group;
use crate::{
    Guardian, ImportMode, ImportReport, ImportedName, ImportedPupil, Link, LinkedGuardian, NewGuardian, NewPupil, Pupil,
};
use aantoonbaar_rules::Email;

/// What an import adds, written at the end with a few multi-row statements
/// (a school's first import adds thousands of pupils and guardians).
#[derive(Default)]
struct Additions<'a> {
    pupils: Vec<(String, NewPupil)>,
    guardians: Vec<(String, &'a NewGuardian)>,
    /// (pupil, guardian, link); a pair at most once.
    links: Vec<(String, String, Link)>,
}

/// The board's guardians with an e-mail address, by address and lower-case
/// surname: how a sibling's parent is recognised. The first made counts.
type ByAddress = HashMap<(String, String), String>;

fn address_key(email: &str, surname: &str) -> (String, String) {
    (email.to_owned(), surname.to_lowercase())
}

pub(crate) async fn import_pupils(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    school_id: &str,
    file_name: &str,
    pupils: &[ImportedPupil],
    mode: ImportMode,
) -> Result<ImportReport> {
    let today = aantoonbaar_rules::calendar::dutch_date(actor.at);
    let mut report = ImportReport { dry_run: mode == ImportMode::DryRun, ..ImportReport::default() };
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let school_exists: Option<String> = sqlx::query_scalar("SELECT id FROM schools WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(school_id)
        .fetch_optional(&mut *tx)
        .await?;
    if school_exists.is_none() {
        return Err(StoreError::NotFound);
    }

    let mut group_ids: HashMap<String, String> = HashMap::new();
    let mut group_names: HashMap<String, String> = HashMap::new();
    for row in sqlx::query("SELECT id, name FROM school_groups WHERE board_id = $1 AND school_id = $2")
        .bind(&board.0)
        .bind(school_id)
        .fetch_all(&mut *tx)
        .await?
    {
        let (id, name): (String, String) = (row.try_get("id")?, row.try_get("name")?);
        group_ids.insert(name.to_lowercase(), id.clone());
        group_names.insert(id, name);
    }

    let mut existing: HashMap<String, Pupil> = HashMap::new();
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND school_id = ").push_bind(school_id.to_owned());
    for row in qb.build().fetch_all(&mut *tx).await? {
        let pupil = pupil_from(&row)?;
        existing.insert(pupil.external_number.clone(), pupil);
    }
    let present = |p: &Pupil| p.leave_date.is_none_or(|d| d > today);
    report.current_pupils = existing.values().filter(|p| present(p)).count();

    let mut linked: HashMap<String, Vec<LinkedGuardian>> = HashMap::new();
    for row in sqlx::query(SCHOOL_GUARDIANS).bind(&board.0).bind(school_id).fetch_all(&mut *tx).await? {
        linked.entry(row.try_get("pupil_id")?).or_default().push(linked_from(&row)?);
    }
    let mut by_address = ByAddress::new();
    for row in sqlx::query(
        "SELECT id, email, surname FROM guardians WHERE board_id = $1 AND email IS NOT NULL ORDER BY created_at, id",
    )
    .bind(&board.0)
    .fetch_all(&mut *tx)
    .await?
    {
        let (email, surname): (String, String) = (row.try_get("email")?, row.try_get("surname")?);
        by_address.entry(address_key(&email, &surname)).or_insert(row.try_get("id")?);
    }
    let mut additions = Additions::default();

    for imported in pupils {
        let group_key = imported.group_name.as_str().to_lowercase();
        let group_id = if let Some(id) = group_ids.get(&group_key) {
            id.clone()
        } else {
            let id = insert_group(&mut tx, board, actor, school_id, imported.group_name.as_str()).await?;
            report.groups_created.push(imported.group_name.to_string());
            group_ids.insert(group_key, id.clone());
            id
        };
        let mut new = NewPupil {
            school_id: school_id.to_owned(),
            group_id,
            external_number: imported.external_number.clone(),
            given_name: imported.given_name.clone(),
            surname_prefix: imported.surname_prefix.clone(),
            surname: imported.surname.clone(),
            birth_date: imported.birth_date,
            enrolment_date: imported.enrolment_date,
            leave_date: imported.leave_date,
            leave_destination: imported.leave_destination,
            family_situation: imported.family_situation,
            // The export has no pupil addresses: an existing one is kept.
            email: None,
        };
        let name = ImportedName {
            external_number: imported.external_number.to_string(),
            name: crate::model::full_name(
                imported.given_name.as_str(),
                imported.surname_prefix.as_ref().map(|p| p.as_str()),
                imported.surname.as_str(),
            ),
            group: imported.group_name.to_string(),
            birth_date: imported.birth_date,
        };
        match existing.remove(imported.external_number.as_str()) {
            None => {
                let id = new_id();
                additions.pupils.push((id.clone(), new));
                import_guardians(&mut tx, board, actor, &id, &[], imported, &mut by_address, &mut additions).await?;
                report.created.push(name);
            }
            Some(old) => {
                new.email = old
                    .email
                    .as_deref()
                    .map(|e| Email::parse(e).map_err(|_| StoreError::Corrupt(format!("email of pupil {}", old.id))))
                    .transpose()?;
                let fields = changed_fields(&old, &new);
                let pupil_changed = !fields.is_empty();
                if pupil_changed {
                    write_pupil(&mut tx, board, actor, &old.id, &new, fields).await?;
                }
                let current = linked.remove(&old.id).unwrap_or_default();
                let guardians_changed = import_guardians(
                    &mut tx,
                    board,
                    actor,
                    &old.id,
                    &current,
                    imported,
                    &mut by_address,
                    &mut additions,
                )
                .await?;
                if pupil_changed || guardians_changed {
                    report.updated.push(name);
                } else {
                    report.unchanged += 1;
                }
            }
        }
    }
    let pupils: Vec<(String, &NewPupil)> = additions.pupils.iter().map(|(id, pupil)| (id.clone(), pupil)).collect();
    insert_pupils(&mut tx, board, actor, &pupils).await?;
    insert_guardians(&mut tx, board, actor, &additions.guardians).await?;
    let links: Vec<(&str, &str, Link)> =
        additions.links.iter().map(|(pupil, guardian, link)| (pupil.as_str(), guardian.as_str(), *link)).collect();
    upsert_links(&mut tx, board, actor, &links).await?;

    // Pupils of this school that the export no longer has have left the school.
    let mut gone: Vec<Pupil> = existing.into_values().filter(|p| present(p)).collect();
    gone.sort_by(|a, b| a.surname.cmp(&b.surname).then(a.given_name.cmp(&b.given_name)));
    for pupil in gone {
        sqlx::query(
            "UPDATE pupils SET leave_date = $3, leave_destination = COALESCE(leave_destination, 'other'), updated_at = $4 \
             WHERE board_id = $1 AND id = $2",
        )
        .bind(&board.0)
        .bind(&pupil.id)
        .bind(today.to_string())
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
        let event =
            AuditEvent::new(AuditAction::Update, "pupil", &pupil.id).fields(&["leave_date", "leave_destination"]);
        audit(&mut tx, board, actor, &event).await?;
        report.left_school.push(ImportedName {
            name: pupil.full_name(),
            group: group_names.get(&pupil.group_id).cloned().unwrap_or_default(),
            birth_date: pupil.birth_date,
            external_number: pupil.external_number,
        });
    }
    report.departures_need_confirmation =
        aantoonbaar_rules::organisation::departures_need_confirmation(report.current_pupils, report.left_school.len());

    let run_id = new_id();
    sqlx::query(
        "INSERT INTO import_runs (board_id, id, school_id, at, actor, file_name, created, updated, unchanged, left_school) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&board.0)
    .bind(&run_id)
    .bind(school_id)
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .bind(file_name)
    .bind(i64::try_from(report.created.len()).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.updated.len()).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.unchanged).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.left_school.len()).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Import, "import_run", &run_id).fields(&["school_id"]))
        .await?;

    let unconfirmed = report.departures_need_confirmation && mode != ImportMode::WriteConfirmed;
    if mode == ImportMode::DryRun || unconfirmed {
        report.dry_run = true;
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    Ok(report)
}

/// Brings the pupil's guardians (`current`) in line with the file; `true`
/// when anything changed. A guardian is recognised by e-mail address, or else
/// by name, first among the pupil's own guardians and then (for siblings)
/// among the board's by address and surname. Changes to a known guardian are
/// written at once; new guardians and links go to `additions`.
#[expect(clippy::too_many_arguments, reason = "the import's state, passed down one level")]
async fn import_guardians<'a>(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    current: &[LinkedGuardian],
    imported: &'a ImportedPupil,
    by_address: &mut ByAddress,
    additions: &mut Additions<'a>,
) -> Result<bool> {
    let mut changed = false;
    for wanted in &imported.guardians {
        let g = &wanted.guardian;
        let email = g.email.as_ref().map(|e| e.as_str().to_owned());
        let same_person = |existing: &Guardian| match (&email, &existing.email) {
            (Some(a), Some(b)) => a == b,
            _ => {
                existing.given_name.eq_ignore_ascii_case(g.given_name.as_str())
                    && existing.surname.eq_ignore_ascii_case(g.surname.as_str())
            }
        };
        let guardian_id = if let Some(found) = current.iter().find(|c| same_person(&c.guardian)) {
            let differs = found.guardian.given_name != g.given_name.as_str()
                || found.guardian.surname_prefix.as_deref() != g.surname_prefix.as_ref().map(|p| p.as_str())
                || found.guardian.surname != g.surname.as_str()
                || found.guardian.email != email
                || found.guardian.phone != g.phone;
            if differs {
                update_guardian(tx, board, actor, &found.guardian.id, g).await?;
                changed = true;
            }
            if found.link == wanted.link {
                continue;
            }
            found.guardian.id.clone()
        } else {
            let known = email.as_ref().and_then(|e| by_address.get(&address_key(e, g.surname.as_str())));
            match known {
                Some(id) => id.clone(),
                None => {
                    let id = new_id();
                    additions.guardians.push((id.clone(), g));
                    if let Some(email) = &email {
                        by_address.insert(address_key(email, g.surname.as_str()), id.clone());
                    }
                    id
                }
            }
        };
        // The same guardian twice in one row: the last link counts.
        let this_pupil = additions.links.iter().rposition(|(pupil, _, _)| pupil != pupil_id).map_or(0, |i| i + 1);
        if let Some(i) = additions.links[this_pupil..].iter().position(|(_, guardian, _)| *guardian == guardian_id) {
            additions.links.remove(this_pupil + i);
        }
        additions.links.push((pupil_id.to_owned(), guardian_id, wanted.link));
        changed = true;
    }
    Ok(changed)
}
