// The import of a school's pupil-administration export; compiled for both back-ends (see
// `queries.rs`).

use super::guardians::{LINKED_GUARDIANS, insert_guardian, linked_from, update_guardian, upsert_link};
use super::pupils::{PUPIL_COLUMNS, changed_fields, insert_pupil, pupil_from, write_pupil};
use super::schools::insert_group;
use crate::{Guardian, ImportMode, ImportReport, ImportedName, ImportedPupil, LinkedGuardian, NewPupil, Pupil};
use aantoonbaar_rules::Email;

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
                let id = insert_pupil(&mut tx, board, actor, &new).await?;
                import_guardians(&mut tx, board, actor, &id, imported).await?;
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
                let guardians_changed = import_guardians(&mut tx, board, actor, &old.id, imported).await?;
                if pupil_changed || guardians_changed {
                    report.updated.push(name);
                } else {
                    report.unchanged += 1;
                }
            }
        }
    }

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

/// Brings the pupil's guardians in line with the file; `true` when anything changed.
/// A guardian is recognised by e-mail address, or else by name, first among the
/// pupil's own guardians and then (for siblings) among the board's.
async fn import_guardians(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    imported: &ImportedPupil,
) -> Result<bool> {
    let mut changed = false;
    let rows = sqlx::query(LINKED_GUARDIANS).bind(&board.0).bind(pupil_id).fetch_all(&mut **tx).await?;
    let current: Vec<LinkedGuardian> = rows.iter().map(linked_from).collect::<Result<_>>()?;
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
        let found = current.iter().find(|c| same_person(&c.guardian));
        let guardian_id = if let Some(found) = found {
            let differs = found.guardian.given_name != g.given_name.as_str()
                || found.guardian.surname_prefix.as_deref() != g.surname_prefix.as_ref().map(|p| p.as_str())
                || found.guardian.surname != g.surname.as_str()
                || found.guardian.email != email
                || found.guardian.phone != g.phone;
            if differs {
                update_guardian(tx, board, actor, &found.guardian.id, g).await?;
                changed = true;
            }
            if found.link != wanted.link {
                upsert_link(tx, board, actor, pupil_id, &found.guardian.id, wanted.link).await?;
                changed = true;
            }
            continue;
        } else if let Some(email) = &email {
            let sibling_parent: Option<String> = sqlx::query_scalar(
                "SELECT id FROM guardians WHERE board_id = $1 AND email = $2 AND lower(surname) = $3 ORDER BY created_at, id LIMIT 1",
            )
            .bind(&board.0)
            .bind(email)
            .bind(g.surname.as_str().to_lowercase())
            .fetch_optional(&mut **tx)
            .await?;
            match sibling_parent {
                Some(id) => id,
                None => insert_guardian(tx, board, actor, g).await?,
            }
        } else {
            insert_guardian(tx, board, actor, g).await?
        };
        upsert_link(tx, board, actor, pupil_id, &guardian_id, wanted.link).await?;
        changed = true;
    }
    Ok(changed)
}
