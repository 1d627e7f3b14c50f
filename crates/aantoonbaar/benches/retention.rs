//! Retention at provider scale (issue 15): the worklist of every board for a
//! date in under 10 seconds and under 1 GiB, as one set-based query per rule;
//! one board's worklist (10,000 pupils) in under 100 ms.
//!
//! Run `./scripts/bench-retention` (PostgreSQL: 1,000 boards, about 2.5
//! million pupils enrolled and five years of leavers; then SQLite: the one
//! large board). By hand: `AANTOONBAAR_BENCH_POSTGRES=postgres://…/db cargo
//! bench -p aantoonbaar --bench retention` on an empty database; without the
//! variable the SQLite run. The figures go into docs/performance.md.

#![expect(clippy::unwrap_used, reason = "a benchmark that cannot set up should stop")]

use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::jobs::retention_notices;
use aantoonbaar_app::{App, Config, Staff};
use aantoonbaar_rules::Role;
use aantoonbaar_store::{BoardId, Principal, Scope, Store};
use jiff::Timestamp;
use std::time::{Duration, Instant};

/// The large board: 10,000 pupils enrolled (and its leavers).
const LARGE: &str = "b0000";
const LARGE_ENROLLED: i64 = 10_000;
/// Every other board: 2,500 pupils enrolled.
const ENROLLED: i64 = 2_500;
/// One in eight pupils leaves a primary school each year; five years of them.
const fn leavers(enrolled: i64) -> i64 {
    enrolled * 5 / 8
}

/// The pupils of one board: enrolled first, then the leavers, their leave
/// dates spread over five years (15 July 2021 to 14 July 2026), mostly to
/// secondary school, some to another primary school, to special education,
/// abroad, or not admitted.
fn pupils_sql(postgres: bool, board: &str, enrolled: i64) -> String {
    let total = enrolled + leavers(enrolled);
    let span = leavers(enrolled);
    let (series, leave) = if postgres {
        (
            format!("generate_series(0, {}) AS s(n)", total - 1),
            format!("to_char(DATE '2021-07-15' + ((n - {enrolled}) * 1826 / {span})::int, 'YYYY-MM-DD')"),
        )
    } else {
        (
            format!(
                "(WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {}) SELECT n FROM s)",
                total - 1
            ),
            format!("date('2021-07-15', '+' || ((n - {enrolled}) * 1826 / {span}) || ' days')"),
        )
    };
    format!(
        "INSERT INTO pupils (board_id, id, school_id, group_id, external_number, given_name, surname, birth_date, \
         enrolment_date, leave_date, leave_destination, created_at, updated_at) \
         SELECT b.id, b.id || '-p' || n, b.id || '-s' || (n % 4), b.id || '-s' || (n % 4) || '-g', \
         CAST(n AS TEXT), 'Kind', 'Achternaam' || n, '2015-01-10', '2019-08-20', \
         CASE WHEN n >= {enrolled} THEN {leave} END, \
         CASE WHEN n < {enrolled} THEN NULL WHEN n % 100 < 85 THEN 'secondary_school' \
         WHEN n % 100 < 93 THEN 'primary_school' WHEN n % 100 < 97 THEN 'special_education' \
         WHEN n % 100 < 99 THEN 'abroad' ELSE 'not_admitted' END, 0, 0 \
         FROM boards b, {series} WHERE {}",
        if board.is_empty() { format!("b.id <> '{LARGE}'") } else { format!("b.id = '{board}'") }
    )
}

/// The seeding statements: boards, schools (4 each), groups, pupils, and two
/// holds per board.
fn statements(postgres: bool, boards: i64) -> Vec<String> {
    let numbers = if postgres {
        format!("generate_series(0, {}) AS s(n)", boards - 1)
    } else {
        format!(
            "(WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {}) SELECT n FROM s)",
            boards - 1
        )
    };
    let pad = if postgres { "lpad(CAST(n AS TEXT), 4, '0')" } else { "printf('%04d', n)" };
    let mut sql = vec![
        format!("INSERT INTO boards (id, name, created_at) SELECT 'b' || {pad}, 'Bestuur ' || n, 0 FROM {numbers}"),
        "INSERT INTO schools (board_id, id, name, brin, created_at) SELECT b.id, b.id || '-s' || s.n, 'School ' || s.n, \
         '0' || s.n || 'AA', 0 FROM boards b, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) s"
            .to_owned(),
        "INSERT INTO school_groups (board_id, id, school_id, name, created_at) \
         SELECT board_id, id || '-g', id, 'Groep 8', 0 FROM schools"
            .to_owned(),
        pupils_sql(postgres, LARGE, LARGE_ENROLLED),
    ];
    if boards > 1 {
        sql.push(pupils_sql(postgres, "", ENROLLED));
    }
    // A hold for a possible legal claim on two leavers of every board.
    sql.push(
        "INSERT INTO retention_holds (board_id, id, pupil_id, category, kind, reason, placed_by_label, placed_at, \
         placed_on) SELECT board_id, id || '-h', id, NULL, 'legal_claim', 'Mogelijke rechtszaak', 'bench', 0, \
         '2025-01-01' FROM pupils WHERE leave_date IS NOT NULL AND external_number IN ('2600', '3100')"
            .to_owned(),
    );
    // Statistics, as autovacuum (PostgreSQL) or the optimizer (SQLite) would gather them.
    sql.push("ANALYZE".to_owned());
    sql
}

const COUNTS: &str = "SELECT COUNT(*), COUNT(leave_date) FROM pupils";

async fn seed(url: &str, boards: i64) {
    let started = Instant::now();
    let (pupils, left): (i64, i64) = if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        for sql in statements(true, boards) {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&pool).await.unwrap();
        }
        sqlx::query_as(COUNTS).fetch_one(&pool).await.unwrap()
    } else {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        for sql in statements(false, boards) {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&pool).await.unwrap();
        }
        sqlx::query_as(COUNTS).fetch_one(&pool).await.unwrap()
    };
    eprintln!("seeded {boards} boards, {pupils} pupils ({left} of them left) in {:.1?}", started.elapsed());
}

/// The peak resident memory of this process so far, in MiB.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "an index"
    )]
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ibp_manager(board: BoardId, now: Timestamp) -> Staff {
    Staff {
        principal: Principal {
            board,
            board_name: "Bestuur 0".to_owned(),
            user_id: "bench".to_owned(),
            email: "ibp@bench.example".to_owned(),
            name: "IBP".to_owned(),
            roles: vec![Role::St],
            scope: Scope::Board,
            reauthenticated_at: None,
        },
        ip: None,
        now,
        session: None,
        versions: None,
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let (url, boards) = match std::env::var("AANTOONBAAR_BENCH_POSTGRES") {
        Ok(url) => (url, 1_000),
        Err(_) => {
            let dir = std::env::temp_dir().join(format!("aantoonbaar-bench-retention-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            (format!("sqlite://{}", dir.join("bench.sqlite").display()), 1)
        }
    };
    let store = Store::open(&url).await.unwrap();
    seed(&url, boards).await;
    let now: Timestamp = "2026-11-23T08:00:00+01:00".parse().unwrap();
    let app = App::new(store, Config::default(), Clock::fixed(now)).unwrap();
    let today = app.clock.today();
    eprintln!("peak memory after seeding: {:.0} MiB", peak_mib());

    // Every board's worklist, counted per board and school by the database.
    let all = app.store.board_ids().await.unwrap();
    let settings = app.store.retention_settings_of_every_board().await.unwrap().into_iter().collect();
    let mut runs = Vec::new();
    let mut items = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let found = retention_notices::due_items(&app, &settings, &all, true, today).await.unwrap();
        runs.push(started.elapsed());
        items = found.values().flat_map(|schools| schools.values()).sum::<i64>();
    }
    println!(
        "every board's worklist ({} boards, {items} items due): {:.2?} (runs: {runs:.2?}); peak memory {:.0} MiB",
        all.len(),
        runs.iter().min().unwrap(),
        peak_mib()
    );

    // The weekly job itself: the same counts, then one transaction per board.
    let started = Instant::now();
    let told = retention_notices::run(&app).await.unwrap();
    println!(
        "weekly notice job, first run of the week: {:.2?} ({told} boards told; no users here to mail)",
        started.elapsed()
    );

    // One board's worklist with every item, as the page and the API answer it.
    let large = all.iter().find(|b| b.as_str() == LARGE).unwrap().clone();
    let staff = ibp_manager(large, now);
    let date = today.to_string();
    let mut runs = Vec::new();
    let mut items = 0;
    for _ in 0..30 {
        let started = Instant::now();
        let list = aantoonbaar_app::retention::worklist(&app, &staff, Some(&date)).await.unwrap();
        runs.push(started.elapsed());
        items = list.items.len();
    }
    runs.sort();
    println!(
        "one board's worklist ({} pupils enrolled, {} leavers, {items} items): p50 {:.1?}, p99 {:.1?}, max {:.1?}",
        LARGE_ENROLLED,
        leavers(LARGE_ENROLLED),
        percentile(&runs, 0.5),
        percentile(&runs, 0.99),
        runs.last().unwrap()
    );
    println!("peak memory of the benchmark process: {:.0} MiB", peak_mib());
}
