//! Consent performance on a board of 10,000 pupils with five school years of
//! decision history (targets: ≥ 5,000 publication checks/s for 30 pupils over
//! HTTP with p99 < 5 ms and at least half the same server's `/livez` rate,
//! ≥ 3,000 durable decisions/s over HTTP on SQLite, the group overview page
//! p50 < 10 ms). Run: `cargo bench -p aantoonbaar --bench consent`;
//! `AANTOONBAAR_BENCH_POSTGRES=postgres://…` runs it on PostgreSQL instead.
//! `AANTOONBAAR_BENCH_OTHER_BOARDS=999` (PostgreSQL) first adds that many
//! boards of 2,500 pupils each, as a provider's database holds, and then also
//! measures checks spread over every board.
//! The figures go into docs/performance.md.

#![expect(clippy::unwrap_used, reason = "a benchmark that cannot set up should stop")]

use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::consent::verdicts_for;
use aantoonbaar_app::{Config, accounts};
use aantoonbaar_rules::consent::Choice;
use aantoonbaar_rules::organisation::{FamilySituation, Relation};
use aantoonbaar_rules::{Email, PersonName, PupilNumber, Role, ScopeKind};
use aantoonbaar_store::credentials::hash_password;
use aantoonbaar_store::{
    Actor, BoardId, Channel, ImportedGuardian, ImportedPupil, Link, NewConsentDecision, NewGuardian, NewSchool,
    NewUser, Scope, Store,
};
use aantoonbaar_web::Application;
use criterion::Criterion;
use jiff::Timestamp;
use jiff::civil::date;
use std::time::{Duration, Instant};

/// The allocator the product's binary uses (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SCHOOLS: usize = 4;
/// Pupils of each of the provider's other boards.
const OTHER_PUPILS: i64 = 2_500;
const PUPILS_PER_SCHOOL: usize = 2_500;
const YEARS: [i16; 5] = [2022, 2023, 2024, 2025, 2026];

struct Fixture {
    store: Store,
    board: BoardId,
    group_pupils: Vec<String>,
    group_id: String,
    /// Pupils of another group, for the decisions under load, so the checks
    /// and the overview read the history they would read in real life.
    writer_pupils: Vec<String>,
    database_url: String,
    /// The provider's other boards (`AANTOONBAAR_BENCH_OTHER_BOARDS`).
    others: Vec<BoardId>,
}

fn name(text: &str) -> PersonName {
    PersonName::parse(text).unwrap()
}

async fn seed() -> Fixture {
    let database_url = match std::env::var("AANTOONBAAR_BENCH_POSTGRES") {
        Ok(url) => url,
        Err(_) => {
            let dir = std::env::temp_dir().join(format!("aantoonbaar-bench-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            format!("sqlite://{}", dir.join("bench.sqlite").display())
        }
    };
    let store = Store::open(&database_url).await.unwrap();
    let now: Timestamp = "2026-11-22T10:00:00+01:00".parse().unwrap();
    let actor = Actor::command_line(now);
    let others = match std::env::var("AANTOONBAAR_BENCH_OTHER_BOARDS") {
        Ok(count) if !database_url.starts_with("sqlite") => {
            other_boards(&store, &database_url, count.parse().unwrap()).await
        }
        _ => Vec::new(),
    };
    let board = store.ensure_board(&format!("Bench {}", std::process::id()), now).await.unwrap().id;
    let b = store.board(&board);
    let purposes = b.consent_purposes(now).await.unwrap();
    let started = Instant::now();
    for school in 0..SCHOOLS {
        let s = b
            .create_school(
                &actor,
                &NewSchool {
                    name: name(&format!("School {school}")),
                    brin: aantoonbaar_rules::Brin::parse(&format!("{:02}BB", school + 10)).unwrap(),
                },
            )
            .await
            .unwrap();
        let pupils: Vec<ImportedPupil> = (0..PUPILS_PER_SCHOOL)
            .map(|i| {
                let guardian = |given: &str, relation| ImportedGuardian {
                    guardian: NewGuardian {
                        given_name: name(given),
                        surname_prefix: None,
                        surname: name(&format!("Achternaam{i}")),
                        email: Email::parse(&format!("{given}.{school}.{i}@bench.example")).ok(),
                        phone: None,
                    },
                    link: Link { relation, holds_custody: true, recognised: true },
                };
                ImportedPupil {
                    line: 0,
                    external_number: PupilNumber::parse(&format!("{school}{i:05}")).unwrap(),
                    given_name: name(&format!("Kind{i}")),
                    surname_prefix: None,
                    surname: name(&format!("Achternaam{i}")),
                    birth_date: date(2014 + i16::try_from(i % 8).unwrap(), 1 + i8::try_from(i % 12).unwrap(), 10),
                    // Groups of 30, as in a real school.
                    group_name: name(&format!("Groep {}", i / 30 + 1)),
                    enrolment_date: date(2022, 8, 20),
                    leave_date: None,
                    leave_destination: None,
                    family_situation: Some(if i % 5 == 0 {
                        FamilySituation::Separated
                    } else {
                        FamilySituation::Together
                    }),
                    guardians: vec![guardian("moeder", Relation::Mother), guardian("vader", Relation::Father)],
                }
            })
            .collect();
        b.import_pupils(&actor, &s.id, "bench.csv", &pupils, aantoonbaar_store::ImportMode::Write).await.unwrap();
    }
    eprintln!("seeded {} pupils in {:.1?}", SCHOOLS * PUPILS_PER_SCHOOL, started.elapsed());

    // Five school years of decisions: each year both parents answer every purpose.
    let started = Instant::now();
    let mut pupils = Vec::new();
    loop {
        let offset = i64::try_from(pupils.len()).unwrap();
        let query = aantoonbaar_store::PupilQuery { limit: 1000, offset, ..Default::default() };
        let (page, _) = b.pupils(&Scope::Board, &query).await.unwrap();
        if page.is_empty() {
            break;
        }
        pupils.extend(page);
    }
    let mut rows = 0;
    let mut batch = Vec::new();
    for (n, pupil) in pupils.iter().enumerate() {
        let guardians = b.guardians_of(&pupil.id).await.unwrap();
        for year in YEARS {
            for (k, purpose) in purposes.iter().enumerate() {
                for g in &guardians {
                    let grant = (n + k + usize::try_from(year).unwrap()) % 7 != 0;
                    batch.push((pupil.id.clone(), purpose.code.clone(), g.guardian.id.clone(), grant, year));
                }
            }
        }
        if batch.len() >= 5_000 || n + 1 == pupils.len() {
            rows += batch.len();
            insert_decisions(&database_url, &board, &std::mem::take(&mut batch)).await;
        }
    }
    eprintln!("seeded {rows} decisions in {:.1?}", started.elapsed());
    if !database_url.starts_with("sqlite") {
        // What autovacuum does soon after a bulk load; without statistics the
        // planner guesses and reads all of a board's pupils.
        let pool = sqlx::PgPool::connect(&database_url).await.unwrap();
        sqlx::query("ANALYZE").execute(&pool).await.unwrap();
        pool.close().await;
    }
    let group = b.groups(&Scope::Board, None).await.unwrap().remove(0);
    let group_pupils: Vec<String> =
        pupils.iter().filter(|p| p.group_id == group.id).take(30).map(|p| p.id.clone()).collect();
    let writer_pupils: Vec<String> =
        pupils.iter().rev().filter(|p| p.group_id != group.id).take(30).map(|p| p.id.clone()).collect();
    Fixture { store, board, group_pupils, group_id: group.id, writer_pupils, database_url, others }
}

/// The other boards by their seeded names, `Bestuur 1` …
async fn named_boards(store: &Store, count: i64) -> Vec<BoardId> {
    let mut boards = Vec::new();
    for n in 1..=count {
        boards.push(store.ensure_board(&format!("Bestuur {n}"), Timestamp::UNIX_EPOCH).await.unwrap().id);
    }
    boards
}

/// A provider's other boards, seeded by SQL: one school each, groups of 30,
/// 2,500 pupils with two custodial parents, and this school year's answers of
/// both parents for the website and the newsletter (not five years of every
/// purpose for every board: that would be 225 million rows).
async fn other_boards(store: &Store, database_url: &str, count: i64) -> Vec<BoardId> {
    let started = Instant::now();
    let pool = sqlx::PgPool::connect(database_url).await.unwrap();
    let seeded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM boards WHERE id LIKE 'p%'").fetch_one(&pool).await.unwrap();
    if seeded >= count {
        eprintln!("the {seeded} other boards of an earlier run are used again");
        return named_boards(store, count).await;
    }
    let pupils = format!("generate_series(0, {}) AS p(n)", OTHER_PUPILS - 1);
    let statements = [
        format!("INSERT INTO boards (id, name, created_at) SELECT 'p' || lpad(n::text, 4, '0'), 'Bestuur ' || n, 0 FROM generate_series(1, {count}) AS s(n)"),
        "INSERT INTO schools (board_id, id, name, brin, created_at) SELECT id, id || '-s', 'School', '01AA', 0 FROM boards WHERE id LIKE 'p%'".to_owned(),
        format!("INSERT INTO school_groups (board_id, id, school_id, name, created_at) SELECT b.id, b.id || '-g' || g, b.id || '-s', 'Groep ' || g, 0 \
                 FROM boards b, generate_series(0, {}) AS s(g) WHERE b.id LIKE 'p%'", (OTHER_PUPILS - 1) / 30),
        format!("INSERT INTO pupils (board_id, id, school_id, group_id, external_number, given_name, surname, birth_date, enrolment_date, \
                 family_situation, created_at, updated_at) SELECT b.id, b.id || '-p' || n, b.id || '-s', b.id || '-g' || (n / 30), n::text, 'Kind', \
                 'Achternaam' || n, '2017-01-10', '2022-08-20', 'together', 0, 0 FROM boards b, {pupils} WHERE b.id LIKE 'p%'"),
        "INSERT INTO guardians (board_id, id, given_name, surname, created_at, updated_at) SELECT board_id, id || '-' || r, r, surname, 0, 0 \
         FROM pupils, (VALUES ('moeder'), ('vader')) AS x(r) WHERE board_id LIKE 'p%'".to_owned(),
        "INSERT INTO pupil_guardians (board_id, pupil_id, guardian_id, relation, holds_custody, recognised) SELECT board_id, id, id || '-' || r, \
         CASE r WHEN 'moeder' THEN 'mother' ELSE 'father' END, true, true FROM pupils, (VALUES ('moeder'), ('vader')) AS x(r) WHERE board_id LIKE 'p%'".to_owned(),
    ];
    for sql in statements {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&pool).await.unwrap();
    }
    let boards = named_boards(store, count).await;
    let at: Timestamp = "2026-09-15T12:00:00+02:00".parse().unwrap();
    for board in &boards {
        store.board(board).consent_purposes(at).await.unwrap();
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "INSERT INTO consent_decisions (board_id, id, pupil_id, purpose_code, purpose_version, decision, guardian_id, by_pupil, decided_at, \
         decided_on, channel, recorded_by, created_at) SELECT pg.board_id, pg.guardian_id || '-' || x.purpose, pg.pupil_id, x.purpose, 1, \
         CASE WHEN length(pg.pupil_id) % 7 = 0 THEN 'refused' ELSE 'granted' END, pg.guardian_id, false, {s}, '2026-09-15', 'paper', 'bench', {s} \
         FROM pupil_guardians pg, (VALUES ('website'), ('newsletter')) AS x(purpose) WHERE pg.board_id LIKE 'p%'",
        s = at.as_second()
    )))
    .execute(&pool)
    .await
    .unwrap();
    sqlx::raw_sql("ANALYZE").execute(&pool).await.unwrap();
    pool.close().await;
    eprintln!("seeded {count} other boards of {OTHER_PUPILS} pupils in {:.1?}", started.elapsed());
    boards
}

/// Bulk insert straight into the table (the seed, not the code under test).
async fn insert_decisions(database_url: &str, board: &BoardId, rows: &[(String, String, String, bool, i16)]) {
    macro_rules! insert {
        ($pool:expr, $db:ty) => {{
            let pool = $pool;
            for chunk in rows.chunks(500) {
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO consent_decisions (board_id, id, pupil_id, purpose_code, purpose_version, decision, guardian_id, \
                     by_pupil, decided_at, decided_on, channel, signed, recorded_by, created_at) ",
                );
                qb.push_values(chunk, |mut row, (pupil, purpose, guardian, grant, year)| {
                    let on = date(*year, 9, 15);
                    let at = on.at(12, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp().as_second();
                    row.push_bind(board.as_str().to_owned())
                        .push_bind(uuid::Uuid::new_v4().to_string())
                        .push_bind(pupil.clone())
                        .push_bind(purpose.clone())
                        .push_bind(1_i64)
                        .push_bind(if *grant { "granted" } else { "refused" })
                        .push_bind(guardian.clone())
                        .push_bind(false)
                        .push_bind(at)
                        .push_bind(on.to_string())
                        .push_bind("paper")
                        .push_bind(Option::<bool>::None)
                        .push_bind("bench")
                        .push_bind(at);
                });
                qb.build().execute(&pool).await.unwrap();
            }
            pool.close().await;
        }};
    }
    if database_url.starts_with("sqlite") {
        insert!(sqlx::SqlitePool::connect(database_url).await.unwrap(), sqlx::Sqlite);
    } else {
        insert!(sqlx::PgPool::connect(database_url).await.unwrap(), sqlx::Postgres);
    }
}

fn percentiles(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    format!("p50 {:.3?}, p99 {:.3?}, max {:.3?} (n = {})", at(0.5), at(0.99), at(1.0), samples.len())
}

/// The request headers every load script sends.
fn headers(token: &str) -> String {
    format!(
        "wrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Authorization\"] = \"Bearer {token}\"\n"
    )
}

fn lua_script(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("aantoonbaar-wrk-{name}-{}.lua", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

/// `wrk -t1 -c16 -d10s` from a second process: "N req/s, p99 T" (or why not).
fn wrk(script: Option<&std::path::Path>, url: &str) -> String {
    let mut command = std::process::Command::new("wrk");
    command.args(["-t1", "-c16", "-d10s", "--latency"]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    let Ok(output) = command.arg(url).output() else { return "wrk not found (apt-get install wrk)".to_owned() };
    let text = String::from_utf8_lossy(&output.stdout);
    let field = |prefix: &str| {
        text.lines().find_map(|line| line.trim().strip_prefix(prefix).map(|rest| rest.trim().to_owned()))
    };
    let errors = field("Non-2xx or 3xx responses:").map(|n| format!(", {n} non-2xx")).unwrap_or_default();
    match (field("Requests/sec:"), field("99%")) {
        (Some(rate), Some(p99)) => format!("{rate} req/s, p99 {p99}{errors}"),
        _ => format!("no figures from wrk:\n{text}{}", String::from_utf8_lossy(&output.stderr)),
    }
}

/// The process's peak resident memory (`VmHWM`).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let f = runtime.block_on(seed());
    let board = f.store.board(&f.board);
    let day = date(2026, 11, 22);

    // 1. The publication check for 30 pupils, in process (store + rules).
    let mut criterion = Criterion::default().configure_from_args().sample_size(50);
    criterion.bench_function("publication check, 30 pupils, 10k-pupil board, 5 years of history", |bencher| {
        bencher
            .to_async(&runtime)
            .iter(|| async { verdicts_for(board, &Scope::Board, &f.group_pupils, "website", day).await.unwrap() });
    });
    let samples: Vec<Duration> = runtime.block_on(async {
        let mut samples = Vec::with_capacity(2_000);
        for _ in 0..2_000 {
            let started = Instant::now();
            verdicts_for(board, &Scope::Board, &f.group_pupils, "website", day).await.unwrap();
            samples.push(started.elapsed());
        }
        samples
    });
    eprintln!("publication check (in process): {}", percentiles(samples));

    // 2. Durable decisions from 32 concurrent parents for 5 seconds.
    let (count, elapsed) = runtime.block_on(async {
        let started = Instant::now();
        let mut tasks = Vec::new();
        for t in 0..32 {
            let store = f.store.clone();
            let board_id = f.board.clone();
            let pupil = f.writer_pupils[t % f.writer_pupils.len()].clone();
            tasks.push(tokio::spawn(async move {
                let board = store.board(&board_id);
                let guardian = board.guardians_of(&pupil).await.unwrap().remove(0).guardian.id;
                let mut n = 0_u64;
                while started.elapsed() < Duration::from_secs(5) {
                    let decision = NewConsentDecision {
                        pupil_id: pupil.clone(),
                        purpose: "newsletter".to_owned(),
                        choice: if n.is_multiple_of(2) { Choice::Granted } else { Choice::Refused },
                        guardian_id: Some(guardian.clone()),
                        by_pupil: false,
                        decided_at: Timestamp::from_second(1_795_000_000).unwrap(),
                        channel: Channel::Portal,
                        signed: None,
                    };
                    board.record_consent_decision(&Actor::command_line(decision.decided_at), &decision).await.unwrap();
                    n += 1;
                }
                n
            }));
        }
        let mut total = 0;
        for task in tasks {
            total += task.await.unwrap();
        }
        (total, started.elapsed())
    });
    eprintln!(
        "durable decisions ({}): {count} in {elapsed:.1?} = {:.0}/s",
        f.store.backend_name(),
        count as f64 / elapsed.as_secs_f64()
    );

    // 3. The group overview page (30 pupils × 9 purposes) over HTTP, and the
    //    address and token for a load test of the publication check.
    runtime.block_on(async {
        let config = Config { demo: true, ..Config::default() };
        let app = Application::build("127.0.0.1:0", f.store.clone(), config, Clock::system()).await.unwrap();
        let address = format!("http://{}", app.local_addr().unwrap());
        tokio::spawn(app.run_until(std::future::pending()));
        let b = f.store.board(&f.board);
        let now = Clock::system().now();
        let user = NewUser {
            email: Email::parse(&format!("bench{}@bench.example", std::process::id())).unwrap(),
            name: name("Bench Juf"),
            roles: vec![Role::St],
            scope_kind: ScopeKind::Board,
            scope_ids: vec![],
            mfa_exempt: true,
        };
        let created = b.create_user(&Actor::command_line(now), &user, Some(&hash_password("Bench-wachtwoord-42").unwrap())).await.unwrap();
        let (_, token) = accounts::issue_token(b, &Actor::command_line(now), &created.id, "bench").await.unwrap();
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder().cookie_provider(jar.clone()).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        client.get(format!("{address}/aanmelden")).send().await.unwrap();
        use reqwest::cookie::CookieStore;
        let cookies = jar.cookies(&address.parse().unwrap()).unwrap();
        let csrf = cookies.to_str().unwrap().split("; ").find_map(|c| c.strip_prefix("aantoonbaar_csrf=")).unwrap().to_owned();
        client
            .post(format!("{address}/aanmelden"))
            .form(&[("email", user.email.as_str()), ("password", "Bench-wachtwoord-42"), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        let mut samples = Vec::new();
        for _ in 0..200 {
            let started = Instant::now();
            let response = client.get(format!("{address}/toestemming?groep={}", f.group_id)).send().await.unwrap();
            assert_eq!(response.status(), 200);
            response.bytes().await.unwrap();
            samples.push(started.elapsed());
        }
        eprintln!("group overview page over HTTP: {}", percentiles(samples));

        // 4. Under load from a second process: the publication check against
        //    the same server's /livez, in alternating rounds, then durable
        //    decisions over HTTP.
        let body = serde_json::json!({"purpose": "website", "pupil_ids": f.group_pupils}).to_string();
        let check = lua_script("check", &format!("wrk.method = \"POST\"\nwrk.body = '{body}'\n{}", headers(&token)));
        let mut pairs = Vec::new();
        for pupil in &f.writer_pupils {
            let guardian = b.guardians_of(pupil).await.unwrap().remove(0).guardian.id;
            pairs.push(format!("{{\"{pupil}\", \"{guardian}\"}}"));
        }
        let decide = lua_script(
            "decide",
            &format!(
                "{}\ndeciders = {{{}}}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n  \
                 local pair = deciders[(counter % #deciders) + 1]\n  local choice = (counter % 2 == 0) and \"granted\" or \"refused\"\n  \
                 local body = string.format('{{\"pupil_id\":\"%s\",\"guardian_id\":\"%s\",\"purpose\":\"newsletter\",\"decision\":\"%s\",\
                 \"decided_at\":\"2026-11-20T10:00:00+01:00\",\"channel\":\"paper\"}}', pair[1], pair[2], choice)\n  \
                 return wrk.format(\"POST\", nil, nil, body)\nend\n",
                headers(&token),
                pairs.join(", ")
            ),
        );
        for round in 1..=3 {
            let live = wrk(None, &format!("{address}/livez"));
            let checked = wrk(Some(&check), &format!("{address}/api/v1/publication-check"));
            eprintln!("round {round}: /livez {live}; publication check, 30 pupils: {checked}");
        }
        for round in 1..=3 {
            eprintln!("round {round}: durable decisions over HTTP: {}", wrk(Some(&decide), &format!("{address}/api/v1/consent-decisions")));
        }
        eprintln!("read model: {:?}", f.store.read_model_size());

        // 5. A provider's server: checks spread over every board in turn.
        if !f.others.is_empty() {
            let mut entries = Vec::new();
            for board in &f.others {
                let b = f.store.board(board);
                let user = NewUser {
                    email: Email::parse(&format!("ibp{}@{}.bench.example", std::process::id(), board.as_str())).unwrap(),
                    name: name("Bench Ibp"),
                    roles: vec![Role::St],
                    scope_kind: ScopeKind::Board,
                    scope_ids: vec![],
                    mfa_exempt: true,
                };
                let created = b.create_user(&Actor::command_line(now), &user, None).await.unwrap();
                let (_, token) = accounts::issue_token(b, &Actor::command_line(now), &created.id, "bench").await.unwrap();
                // The seed's ids for the pupils of the first group (`p0001-p0`, …).
                let ids: Vec<String> = (0..30).map(|n| format!("\"{}-p{n}\"", board.as_str())).collect();
                entries.push(format!("{{\"{token}\", '{{\"purpose\": \"website\", \"pupil_ids\": [{}]}}'}}", ids.join(", ")));
            }
            let spread = lua_script(
                "spread",
                &format!(
                    "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nboards = {{{}}}\ncounter = 0\n\
                     request = function()\n  counter = counter + 1\n  local b = boards[(counter % #boards) + 1]\n  \
                     wrk.headers[\"Authorization\"] = \"Bearer \" .. b[1]\n  return wrk.format(nil, nil, nil, b[2])\nend\n",
                    entries.join(",\n")
                ),
            );
            for round in 1..=3 {
                let spread = wrk(Some(&spread), &format!("{address}/api/v1/publication-check"));
                eprintln!("round {round}: checks spread over {} boards: {spread}; read model {:?}", f.others.len(), f.store.read_model_size());
            }
        }
    });
    eprintln!("peak memory of the benchmark process (server and store): {}", peak_memory());
    criterion.final_summary();
    eprintln!("database: {}", f.database_url);
}
