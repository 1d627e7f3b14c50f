//! The privacy statement (AVG art. 12–14; seed 001 art. 15): generated from
//! the newest adopted register and the board's profile for one audience,
//! checked item by item against the law ([`statement::coverage`]), published
//! as numbered versions with their hash, and shown to anyone without signing
//! in — the version in force today or on a given day.
//!
//! Publishing needs `RegisterManage` (the IBP manager, seed 001 §5: ST runs
//! IBP for the board; the policy table's comment names the statement): the
//! text only restates what the board already adopted (`RegisterAdopt`), so
//! informing people about it is the manager's daily work, not a new decision.

use crate::error::{Error, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::statement::{self, Audience, Coverage, Section};
use aantoonbaar_rules::register::{
    BoardProfile, DataCategory, LegalBasis, RecipientKind, Register, RegisteredActivity,
};
use aantoonbaar_store::{BoardStore, NewStatement, PublishedStatement, StatementAt};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// One section as the statement reads: its code, its title and its text
/// (paragraphs separated by `\n`; a line starting with `- ` is a list item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StatementSection {
    pub code: String,
    pub title: String,
    pub text: String,
}

/// A published version, without its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Published {
    /// `parents`, `pupils`, `staff` or `applicants`.
    pub audience: String,
    pub version: i64,
    pub published_at: String,
    pub published_by: String,
    pub register_version: i64,
    pub sha256: String,
}

impl From<&PublishedStatement> for Published {
    fn from(p: &PublishedStatement) -> Self {
        Self {
            audience: p.audience.clone(),
            version: p.version,
            published_at: p.published_at.to_string(),
            published_by: p.published_by_name.clone(),
            register_version: p.register_version,
            sha256: p.sha256.clone(),
        }
    }
}

/// A statement as generated now from the adopted register.
#[derive(Debug, Clone)]
pub struct Draft {
    pub audience: Audience,
    pub title: String,
    pub board_name: String,
    /// The adopted register version it comes from.
    pub register_version: i64,
    pub sections: Vec<StatementSection>,
    pub coverage: Vec<Coverage>,
    /// The stored form of the sections and its hash.
    pub body: String,
    pub sha256: String,
    /// The newest published version, when there is one.
    pub latest: Option<Published>,
}

impl Draft {
    /// The published version this text is, when it is the newest published one
    /// unchanged; `None` for a draft that differs from what is published.
    #[must_use]
    pub fn published(&self) -> Option<&Published> {
        self.latest.as_ref().filter(|p| p.sha256 == self.sha256)
    }
}

/// The audience named in a request.
///
/// # Errors
/// `audience` unknown: 422 naming the field.
pub fn audience(code: &str) -> Result<Audience> {
    Audience::from_code(code).map_err(|e| Error::field("audience", e.code))
}

fn sealed(sections: &[StatementSection]) -> Result<(String, String)> {
    let body = serde_json::to_string(sections).map_err(|e| Error::internal(&e))?;
    let hash = Sha256::digest(body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    Ok((body, hash))
}

/// The title of a statement for `audience`.
#[must_use]
pub fn title(audience: Audience) -> String {
    t(&format!("privacy_statement.title.{}", audience.code())).to_owned()
}

/// Builds the statement of `board` for `audience` from the newest adopted
/// register. No permission check: [`preview`] and [`publish`] check theirs.
///
/// # Errors
/// `privacy_statement.not_adopted` (409) before the first adoption, or the store.
async fn draft(store: BoardStore<'_>, audience: Audience) -> Result<Draft> {
    let adopted = store.register_version(None).await?.map(crate::register::Adopted::try_from).transpose()?;
    let Some(adopted) = adopted else {
        return Err(Error::conflict("audience", "privacy_statement.not_adopted"));
    };
    // Contact details are facts, not decisions: a new FG's address shows
    // without a new adoption; before any profile, the snapshot's.
    let profile = store.board_profile().await?.unwrap_or_else(|| adopted.register.profile.clone());
    let others = store.recipients().await?;
    let others: Vec<Other> = others
        .into_iter()
        .map(|r| Other { name: r.data.name, shared: r.data.shared, legal_ground: r.data.legal_ground })
        .collect();
    let sections = render(audience, &profile, &adopted.register, &others);
    let activities = statement::activities_for(&adopted.register, audience);
    let coverage = statement::coverage(&profile, &activities);
    let (body, sha256) = sealed(&sections)?;
    let latest = store.statement(audience.code(), StatementAt::Latest).await?;
    Ok(Draft {
        audience,
        title: title(audience),
        board_name: if profile.name.trim().is_empty() {
            adopted.register.profile.name.clone()
        } else {
            profile.name.clone()
        },
        register_version: adopted.version,
        sections,
        coverage,
        body,
        sha256,
        latest: latest.as_ref().map(Published::from),
    })
}

/// The statement for `audience` as it would read now, with its coverage
/// (RegisterView: the FG and the board check it before it is published).
///
/// # Errors
/// Forbidden, no adopted register (409), or the store.
pub async fn preview(app: &App, staff: &Staff, audience: Audience) -> Result<Draft> {
    staff.may(Action::RegisterView)?;
    draft(app.store.board(&staff.principal.board), audience).await
}

/// Publishing: `{audience}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Publish {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `parents`, `pupils`, `staff` or `applicants`.
    #[schema(value_type = String)]
    pub audience: Option<Given<String>>,
}

/// Publishes the statement for the audience as it reads now: the next
/// version, with the register version it came from and its SHA-256, audited
/// in the same transaction. When the newest published version already has
/// this exact text, that version is the answer and nothing is written
/// (`false`).
///
/// # Errors
/// Forbidden (RegisterManage), the audience missing or unknown, no adopted
/// register (409), or the store.
pub async fn publish(app: &App, staff: &Staff, command: Publish) -> Result<(Published, bool)> {
    staff.may(Action::RegisterManage)?;
    let mut errors = command.unknown.errors();
    let text = given_text(&mut errors, "audience", command.audience, true, TEXT_LIMIT);
    let audience = rule(&mut errors, "audience", text, Audience::from_code);
    let audience = done(errors, audience)?;
    publish_board(app.store.board(&staff.principal.board), &staff.actor(), &staff.principal.name, audience).await
}

/// Publishes `store`'s statement for `audience` by `published_by`: [`publish`]
/// after its checks, and the demo seeder.
///
/// # Errors
/// As [`publish`], without the permission and the command.
pub async fn publish_board(
    store: BoardStore<'_>,
    actor: &aantoonbaar_store::Actor,
    published_by: &str,
    audience: Audience,
) -> Result<(Published, bool)> {
    let draft = draft(store, audience).await?;
    if let Some(same) = draft.published() {
        return Ok((same.clone(), false));
    }
    let new = NewStatement {
        audience: audience.code().to_owned(),
        published_by_name: published_by.to_owned(),
        register_version: draft.register_version,
        body: draft.body,
        sha256: draft.sha256.clone(),
    };
    let version = store.publish_statement(actor, &new).await?;
    Ok((
        Published {
            audience: audience.code().to_owned(),
            version,
            published_at: actor.at.to_string(),
            published_by: published_by.to_owned(),
            register_version: draft.register_version,
            sha256: draft.sha256,
        },
        true,
    ))
}

/// Every published version for `audience`, newest first (RegisterView).
///
/// # Errors
/// Forbidden, or the store.
pub async fn versions(app: &App, staff: &Staff, audience: Audience) -> Result<Vec<PublishedStatement>> {
    staff.may(Action::RegisterView)?;
    Ok(app.store.board(&staff.principal.board).statements(audience.code()).await?)
}

/// A published statement as the public reads it.
#[derive(Debug, Clone)]
pub struct PublicStatement {
    pub board_id: String,
    pub board_name: String,
    pub audience: Audience,
    pub title: String,
    pub version: i64,
    pub published_at: jiff::Timestamp,
    pub sha256: String,
    pub sections: Vec<StatementSection>,
}

/// The statement of a board for an audience that was in force on `on`
/// (the newest published by the end of that day in the Netherlands), or the
/// newest. No sign-in: a privacy statement is public (AVG art. 12(1), 13).
///
/// # Errors
/// Not found for an unknown board or audience, or nothing published by then;
/// the store; a stored body that cannot be read.
pub async fn public(app: &App, board_id: &str, audience_code: &str, on: Option<Date>) -> Result<PublicStatement> {
    let board = app.store.board_by_id(board_id).await?.ok_or(Error::NotFound)?;
    let audience = Audience::from_code(audience_code).map_err(|_| Error::NotFound)?;
    let at = match on {
        None => StatementAt::Latest,
        Some(day) => {
            let next = day.tomorrow().map_err(|_| Error::field("on", "privacy_statement.on_format"))?;
            let zone = aantoonbaar_rules::calendar::dutch_time_zone();
            let end = next.to_zoned(zone).map_err(|_| Error::field("on", "privacy_statement.on_format"))?;
            StatementAt::Before(end.timestamp())
        }
    };
    let found = app.store.board(&board.id).statement(audience.code(), at).await?.ok_or(Error::NotFound)?;
    let sections = serde_json::from_str(&found.body).map_err(|e| Error::internal(&e))?;
    Ok(PublicStatement {
        board_id: board_id.to_owned(),
        board_name: board.name,
        audience,
        title: title(audience),
        version: found.version,
        published_at: found.published_at,
        sha256: found.sha256,
        sections,
    })
}

/// A statement as a PDF (A4, the sections one after another).
///
/// # Errors
/// Only when the PDF cannot be made.
pub async fn pdf(title: &str, board_name: &str, note: &str, sections: &[StatementSection]) -> Result<Vec<u8>> {
    let document = aantoonbaar_documents::privacy_statement::Statement {
        title: title.to_owned(),
        board: board_name.to_owned(),
        note: note.to_owned(),
        sections: sections.iter().map(|s| (s.title.clone(), s.text.clone())).collect(),
    };
    crate::blocking(move || aantoonbaar_documents::privacy_statement::statement(&document))
        .await?
        .map_err(|e| Error::internal(&e))
}

/// The line under a page's title: which version, from when (the hash is shown apart).
#[must_use]
pub fn version_line(version: Option<i64>, published_at: Option<jiff::Timestamp>) -> String {
    match (version, published_at) {
        (Some(version), Some(at)) => tf(
            "privacy_statement.version_line",
            &[
                ("version", &version.to_string()),
                ("date", &crate::requests::dutch_date(aantoonbaar_rules::calendar::dutch_date(at))),
            ],
        ),
        _ => t("privacy_statement.pdf_draft").to_owned(),
    }
}

/// A line under a PDF's title: which version, from when, with what hash.
#[must_use]
pub fn version_note(version: Option<i64>, published_at: Option<jiff::Timestamp>, sha256: &str) -> String {
    match (version, published_at) {
        (Some(version), Some(at)) => tf(
            "privacy_statement.pdf_version",
            &[
                ("version", &version.to_string()),
                ("date", &crate::requests::dutch_date(aantoonbaar_rules::calendar::dutch_date(at))),
                ("hash", sha256),
            ],
        ),
        _ => t("privacy_statement.pdf_draft").to_owned(),
    }
}

// ---------------------------------------------------------------- the text

/// A recipient from the overview of parties (seed 002 §9.2.3).
struct Other {
    name: String,
    shared: String,
    legal_ground: String,
}

fn label(prefix: &str, code: &str) -> &'static str {
    t(&format!("{prefix}.{code}"))
}

fn list(lines: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    lines.extend(items.into_iter().map(|item| format!("- {item}")));
}

fn join_labels<T: Copy>(codes: &[T], code: fn(T) -> &'static str, prefix: &str) -> String {
    codes.iter().map(|c| label(prefix, code(*c))).collect::<Vec<_>>().join(", ")
}

fn some(text: Option<&String>) -> Option<&str> {
    text.map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// The sections of the statement, in plain Dutch (B1), from the profile,
/// the adopted register's activities for the audience and the other recipients.
fn render(audience: Audience, profile: &BoardProfile, register: &Register, others: &[Other]) -> Vec<StatementSection> {
    let activities = statement::activities_for(register, audience);
    let mut sections = Vec::new();
    let mut push = |section: Section, lines: Vec<String>| {
        sections.push(StatementSection {
            code: section.code().to_owned(),
            title: label("privacy_statement.section", section.code()).to_owned(),
            text: lines.join("\n"),
        });
    };
    push(Section::Controller, controller(audience, profile));
    push(Section::Dpo, dpo(profile));
    push(Section::Purposes, purposes(&activities));
    push(Section::Sources, sources(&activities));
    push(Section::Recipients, recipients(audience, register, &activities, others));
    push(Section::Transfers, transfers(&activities));
    push(Section::Retention, retention(&activities));
    push(Section::Rights, rights(audience, profile, &activities));
    push(Section::Complaint, vec![t("privacy_statement.complaint").to_owned()]);
    push(Section::Obligation, obligation(&activities));
    push(Section::Automated, automated(&activities));
    push(Section::Security, security(&activities));
    sections
}

fn controller(audience: Audience, profile: &BoardProfile) -> Vec<String> {
    let mut lines = vec![
        tf("privacy_statement.intro", &[("board", &profile.name)]),
        t(&format!("privacy_statement.intro.{}", audience.code())).to_owned(),
        tf("privacy_statement.controller", &[("board", &profile.name)]),
    ];
    let mut facts = vec![tf("privacy_statement.address", &[("address", &profile.address)])];
    if let Some(kvk) = some(profile.kvk.as_ref()) {
        facts.push(tf("privacy_statement.kvk", &[("kvk", kvk)]));
    }
    facts.push(tf("privacy_statement.email", &[("email", &profile.contact_email)]));
    list(&mut lines, facts);
    lines.push(tf("privacy_statement.contact", &[("email", &profile.contact_email)]));
    lines
}

fn dpo(profile: &BoardProfile) -> Vec<String> {
    let mut lines = vec![t("privacy_statement.dpo").to_owned()];
    let mut facts = vec![
        tf("privacy_statement.name", &[("name", &profile.dpo.name)]),
        tf("privacy_statement.email", &[("email", &profile.dpo.email)]),
    ];
    if let Some(phone) = some(profile.dpo.phone.as_ref()) {
        facts.push(tf("privacy_statement.phone", &[("phone", phone)]));
    }
    list(&mut lines, facts);
    lines
}

fn purposes(activities: &[&RegisteredActivity]) -> Vec<String> {
    if activities.is_empty() {
        return vec![t("privacy_statement.no_activities").to_owned()];
    }
    let mut lines = vec![t("privacy_statement.purposes_intro").to_owned()];
    for a in activities {
        let activity = &a.activity;
        lines.push(tf("privacy_statement.activity", &[("name", &activity.name)]));
        let mut items = Vec::new();
        let ordinary: Vec<DataCategory> =
            activity.all_data_categories().into_iter().filter(|c| !c.is_special()).collect();
        if !ordinary.is_empty() {
            items.push(tf(
                "privacy_statement.data",
                &[("data", &join_labels(&ordinary, DataCategory::code, "register.data"))],
            ));
        }
        for special in activity.special() {
            let condition =
                special.condition.map_or_else(String::new, |c| label("register.condition", c.code()).to_owned());
            items.push(tf(
                "privacy_statement.special",
                &[("data", label("register.data", special.category.code())), ("condition", &condition)],
            ));
        }
        for purpose in &activity.purposes {
            let mut why = tf(
                "privacy_statement.purpose",
                &[
                    ("purpose", purpose.text.trim().trim_end_matches('.')),
                    ("basis", label("privacy_statement.basis", purpose.legal_basis.code())),
                ],
            );
            if let Some(law) = some(purpose.legal_source.as_ref()) {
                why.push(' ');
                why.push_str(&tf("privacy_statement.law", &[("law", law)]));
            }
            if purpose.legal_basis == LegalBasis::LegitimateInterests
                && let Some(interest) = some(purpose.balancing_test.as_ref())
            {
                why.push(' ');
                why.push_str(&tf("privacy_statement.interest", &[("interest", interest)]));
            }
            items.push(why);
        }
        list(&mut lines, items);
    }
    lines
}

fn sources(activities: &[&RegisteredActivity]) -> Vec<String> {
    let named: Vec<String> = activities
        .iter()
        .filter_map(|a| some(a.activity.source.as_ref()).map(|s| format!("{}: {s}", a.activity.name)))
        .collect();
    if named.is_empty() {
        return vec![t("privacy_statement.sources_self").to_owned()];
    }
    let mut lines = vec![t("privacy_statement.sources_intro").to_owned()];
    list(&mut lines, named);
    lines
}

fn recipients(
    audience: Audience,
    register: &Register,
    activities: &[&RegisteredActivity],
    others: &[Other],
) -> Vec<String> {
    let mut lines = vec![t("privacy_statement.recipients_intro").to_owned()];
    if activities.iter().any(|a| a.activity.recipients.iter().any(|r| r.kind == RecipientKind::Internal)) {
        lines.push(t("privacy_statement.recipients_internal").to_owned());
    }
    // Processors in general terms, named where the register knows them:
    // the processors among the recipients and the suppliers of the systems.
    let mut processors: Vec<String> = Vec::new();
    for a in activities {
        let named = a.activity.recipients.iter().filter(|r| r.kind == RecipientKind::Processor).map(|r| r.name.clone());
        let suppliers = a
            .activity
            .system_ids
            .iter()
            .filter_map(|id| register.systems.iter().find(|s| &s.id == id))
            .filter_map(|s| s.supplier.clone());
        for name in named.chain(suppliers) {
            if !processors.iter().any(|p| p.eq_ignore_ascii_case(name.trim())) {
                processors.push(name.trim().to_owned());
            }
        }
    }
    lines.push(t("privacy_statement.processors").to_owned());
    if !processors.is_empty() {
        lines.push(tf("privacy_statement.processors_named", &[("names", &processors.join(", "))]));
    }
    let mut parties: Vec<String> = Vec::new();
    for a in activities {
        for r in a
            .activity
            .recipients
            .iter()
            .filter(|r| matches!(r.kind, RecipientKind::ThirdParty | RecipientKind::PublicAuthority))
        {
            let line = format!("{} ({})", r.name.trim(), label("register.recipient", r.kind.code()));
            if !parties.contains(&line) {
                parties.push(line);
            }
        }
    }
    // The overview of parties (seed 002 §9.2.3) is about pupils' data: the
    // statements for parents and pupils list it.
    if matches!(audience, Audience::Parents | Audience::Pupils) {
        for other in others {
            parties.push(tf(
                "privacy_statement.other",
                &[("name", other.name.trim()), ("shared", other.shared.trim()), ("ground", other.legal_ground.trim())],
            ));
        }
    }
    if !parties.is_empty() {
        lines.push(t("privacy_statement.parties_intro").to_owned());
        list(&mut lines, parties);
    }
    lines.push(t("privacy_statement.police").to_owned());
    lines
}

fn transfers(activities: &[&RegisteredActivity]) -> Vec<String> {
    let mut items = Vec::new();
    for a in activities {
        for transfer in &a.activity.transfers {
            let safeguard = transfer.safeguard.map_or_else(
                || t("privacy_statement.safeguard_unknown").to_owned(),
                |s| label("register.safeguard", s.code()).to_owned(),
            );
            let country = crate::parties::country_name(&transfer.country);
            let to = transfer.recipient.as_deref().map_or(country.clone(), |r| format!("{r}, {country}"));
            items.push(tf(
                "privacy_statement.transfer",
                &[("activity", &a.activity.name), ("to", &to), ("safeguard", &safeguard)],
            ));
        }
    }
    if items.is_empty() {
        return vec![t("privacy_statement.no_transfers").to_owned()];
    }
    let mut lines = vec![t("privacy_statement.transfers_intro").to_owned()];
    list(&mut lines, items);
    lines
}

fn retention(activities: &[&RegisteredActivity]) -> Vec<String> {
    let mut lines = vec![t("privacy_statement.retention_intro").to_owned()];
    list(
        &mut lines,
        activities.iter().map(|a| {
            let term = some(a.activity.retention.as_ref())
                .map_or_else(|| t("privacy_statement.retention_unknown").to_owned(), str::to_owned);
            format!("{}: {term}", a.activity.name)
        }),
    );
    lines
}

fn rights(audience: Audience, profile: &BoardProfile, activities: &[&RegisteredActivity]) -> Vec<String> {
    let mut lines = vec![t("privacy_statement.rights_intro").to_owned()];
    list(
        &mut lines,
        ["access", "rectification", "erasure", "restriction", "objection", "portability"]
            .iter()
            .map(|r| t(&format!("privacy_statement.right.{r}")).to_owned()),
    );
    let consent: Vec<&str> = activities
        .iter()
        .filter(|a| a.activity.purposes.iter().any(|p| p.legal_basis == LegalBasis::Consent))
        .map(|a| a.activity.name.as_str())
        .collect();
    if !consent.is_empty() {
        lines.push(tf("privacy_statement.withdraw", &[("activities", &consent.join(", "))]));
    }
    if audience == Audience::Parents {
        lines.push(t("privacy_statement.rights_child").to_owned());
    }
    lines.push(tf("privacy_statement.rights_how", &[("email", &profile.contact_email)]));
    lines
}

fn obligation(activities: &[&RegisteredActivity]) -> Vec<String> {
    let mut lines = vec![t("privacy_statement.obligation_intro").to_owned()];
    let mut items = Vec::new();
    for basis in LegalBasis::ALL {
        let names: Vec<&str> = activities
            .iter()
            .filter(|a| a.activity.purposes.iter().any(|p| p.legal_basis == *basis))
            .map(|a| a.activity.name.as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        let mut line = t(statement::obligation_key(*basis)).to_owned();
        if *basis == LegalBasis::LegalObligation {
            let mut laws: Vec<&str> = activities
                .iter()
                .flat_map(|a| a.activity.purposes.iter())
                .filter(|p| p.legal_basis == LegalBasis::LegalObligation)
                .filter_map(|p| some(p.legal_source.as_ref()))
                .collect();
            laws.dedup();
            if !laws.is_empty() {
                line.push(' ');
                line.push_str(&tf("privacy_statement.law", &[("law", &laws.join(", "))]));
            }
        }
        line.push(' ');
        line.push_str(&tf("privacy_statement.applies_to", &[("activities", &names.join(", "))]));
        items.push(line);
    }
    list(&mut lines, items);
    lines
}

fn automated(activities: &[&RegisteredActivity]) -> Vec<String> {
    let named: Vec<String> = activities
        .iter()
        .filter_map(|a| some(a.activity.automated_decisions.as_ref()).map(|d| format!("{}: {d}", a.activity.name)))
        .collect();
    if named.is_empty() {
        return vec![t("privacy_statement.no_automated").to_owned()];
    }
    let mut lines = vec![t("privacy_statement.automated_intro").to_owned()];
    list(&mut lines, named);
    lines.push(t("privacy_statement.automated_rights").to_owned());
    lines
}

fn security(activities: &[&RegisteredActivity]) -> Vec<String> {
    let mut lines = vec![t("privacy_statement.security_intro").to_owned()];
    let mut measures: Vec<&str> = Vec::new();
    for a in activities {
        if let Some(m) = some(a.activity.security_measures.as_ref())
            && !measures.contains(&m)
        {
            measures.push(m);
        }
    }
    lines.extend(measures.into_iter().map(str::to_owned));
    lines.push(t("privacy_statement.security_breach").to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has;
    use aantoonbaar_rules::register::statement::{ITEMS, gaps};

    /// Every key the statement and its coverage table read exists.
    #[test]
    fn every_statement_text_is_in_the_catalogue() {
        let keys = Audience::ALL
            .iter()
            .flat_map(|a| {
                [
                    format!("privacy_statement.title.{}", a.code()),
                    format!("privacy_statement.intro.{}", a.code()),
                    format!("privacy_statement.audience.{}", a.code()),
                ]
            })
            .chain(Section::ALL.iter().map(|s| format!("privacy_statement.section.{}", s.code())))
            .chain(LegalBasis::ALL.iter().map(|b| format!("privacy_statement.basis.{}", b.code())))
            .chain(LegalBasis::ALL.iter().map(|b| statement::obligation_key(*b).to_owned()))
            .chain(gaps::ALL.iter().map(|g| format!("privacy_statement.gap.{g}")))
            .chain(ITEMS.iter().map(|i| format!("privacy_statement.item.{}", i.code)));
        let missing: Vec<String> = keys.filter(|k| !has(k)).collect();
        assert!(missing.is_empty(), "no text for {missing:?}");
    }

    #[test]
    fn the_template_register_reads_as_a_statement_for_parents_without_staff_activities() {
        use aantoonbaar_rules::register::{ActivityStatus, Dpo};
        let activities = aantoonbaar_rules::register::template::activities()
            .into_iter()
            .enumerate()
            .map(|(i, mut activity)| {
                activity.status = ActivityStatus::Adopted;
                RegisteredActivity { id: i.to_string(), school_id: None, activity }
            })
            .collect();
        let profile = BoardProfile {
            name: "Stichting Kerobei".into(),
            address: "Schoolstraat 1".into(),
            kvk: Some("12345678".into()),
            contact_email: "info@kerobei.nl".into(),
            dpo: Dpo { name: "Fenna Visser".into(), email: "fg@kerobei.nl".into(), phone: None },
        };
        let register = Register { profile: profile.clone(), activities, systems: Vec::new() };
        let sections = render(Audience::Parents, &profile, &register, &[]);
        let text: String = sections.iter().map(|s| format!("{}\n{}\n", s.title, s.text)).collect();
        assert!(!text.contains("[?]"), "{text}");
        assert!(text.contains("fg@kerobei.nl") && text.contains("Autoriteit Persoonsgegevens"), "{text}");
        assert!(text.contains("Leerlingadministratie") && !text.contains("Personeelsadministratie"), "{text}");
        let staff = render(Audience::Staff, &profile, &register, &[]);
        let text: String = staff.iter().map(|s| s.text.clone()).collect();
        assert!(text.contains("Personeelsadministratie") && !text.contains("Leerlingvolgsysteem"), "{text}");
    }
}
