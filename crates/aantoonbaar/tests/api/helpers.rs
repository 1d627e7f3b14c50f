//! `TestApp`: the real server on a random port over a fresh database, SQLite
//! always and PostgreSQL when `AANTOONBAAR_TEST_POSTGRES` names a server.

use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::{Config, accounts};
use aantoonbaar_rules::{Email, PersonName, Role, ScopeKind};
use aantoonbaar_store::credentials::{hash_password, totp};
use aantoonbaar_store::{Actor, BoardId, NewUser, Store};
use aantoonbaar_web::Application;
use jiff::Timestamp;
use reqwest::{Method, RequestBuilder, Response};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Runs a story against both back-ends: `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! story {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn story($app: $crate::helpers::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                let app = $crate::helpers::TestApp::spawn($crate::helpers::Backend::Sqlite).await;
                story(app.expect("SQLite is always available")).await;
            }

            #[tokio::test]
            async fn postgres() {
                match $crate::helpers::TestApp::spawn($crate::helpers::Backend::Postgres).await {
                    Some(app) => story(app).await,
                    None => eprintln!("PostgreSQL skipped: AANTOONBAAR_TEST_POSTGRES is not set"),
                }
            }
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The instant every test starts at: a Sunday in November 2026.
pub fn start_time() -> Timestamp {
    "2026-11-22T10:00:00+01:00".parse().expect("valid instant")
}

pub const PASSWORD: &str = "Proef-wachtwoord-42";

/// The argon2 hash of [`PASSWORD`], made once per test binary.
fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password(PASSWORD).expect("hash"))
}

pub struct TestApp {
    pub address: String,
    pub store: Store,
    pub clock: Clock,
    /// The background jobs: advance `clock`, then `jobs.run_once()`.
    pub jobs: aantoonbaar_app::jobs::Jobs,
    pub client: reqwest::Client,
    pub jar: Arc<reqwest::cookie::Jar>,
    pub database_url: String,
    /// Each staff user's authenticator secret, by e-mail address.
    /// Shared with a [`TestApp::second_server`]: a user made on either signs in on both.
    pub secrets: Arc<Mutex<HashMap<String, String>>>,
    cleanup: Cleanup,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

enum Cleanup {
    Directory(PathBuf),
    Database {
        admin_url: String,
        name: String,
    },
    /// A second server over the first one's database: the first cleans up.
    None,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::None => {}
            Cleanup::Database { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside the test's runtime: use a thread of our own.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                    runtime.block_on(async {
                        use sqlx::{Connection, Executor};
                        if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                            let _ = conn.execute(sqlx::AssertSqlSafe(sql)).await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

impl TestApp {
    /// A server over a fresh, migrated database; `None` for PostgreSQL when no
    /// server is configured.
    pub async fn spawn(backend: Backend) -> Option<Self> {
        Self::spawn_with(backend, Config::default()).await
    }

    /// As [`TestApp::spawn`], with a configuration of the test's own.
    pub async fn spawn_with(backend: Backend, config: Config) -> Option<Self> {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        let (database_url, cleanup) = match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join("aantoonbaar-tests").join(&unique);
                std::fs::create_dir_all(&dir).expect("temp dir");
                (format!("sqlite://{}", dir.join("test.sqlite").display()), Cleanup::Directory(dir))
            }
            Backend::Postgres => {
                let admin_url = std::env::var("AANTOONBAAR_TEST_POSTGRES").ok().filter(|u| !u.is_empty())?;
                let name = format!("aantoonbaar_test_{unique}");
                {
                    use sqlx::{Connection, Executor};
                    let mut conn =
                        sqlx::PgConnection::connect(&admin_url).await.expect("AANTOONBAAR_TEST_POSTGRES reachable");
                    conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                        .await
                        .expect("create database");
                }
                let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
                (format!("{base}/{name}"), Cleanup::Database { admin_url, name })
            }
        };
        let store = Store::open(&database_url).await.expect("open store");
        let jar = Arc::new(reqwest::cookie::Jar::default());
        Some(Self::serve(store, config, Clock::fixed(start_time()), jar, database_url, cleanup).await)
    }

    /// A second server over the same database, as a provider runs several
    /// behind a load balancer: its own store (connections, read model, token
    /// cache), jobs and mail sender; the same clock, the same authenticator
    /// secrets, and the same cookie jar (one browser, whichever server answers).
    pub async fn second_server(&self) -> Self {
        let store = Store::open(&self.database_url).await.expect("open store");
        let mut second = Self::serve(
            store,
            Config::default(),
            self.clock.clone(),
            Arc::clone(&self.jar),
            self.database_url.clone(),
            Cleanup::None,
        )
        .await;
        second.secrets = Arc::clone(&self.secrets);
        second
    }

    async fn serve(
        store: Store,
        config: Config,
        clock: Clock,
        jar: Arc<reqwest::cookie::Jar>,
        database_url: String,
        cleanup: Cleanup,
    ) -> Self {
        let app = Application::build("127.0.0.1:0", store.clone(), config, clock.clone()).await.expect("bind");
        let address = format!("http://{}", app.local_addr().expect("address"));
        let jobs = app.jobs();
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(Arc::clone(&jar))
            .build()
            .expect("client");
        Self {
            address,
            store,
            clock,
            jobs,
            client,
            jar,
            database_url,
            secrets: Arc::new(Mutex::new(HashMap::new())),
            cleanup,
            _shutdown: shutdown,
        }
    }

    pub fn actor(&self) -> Actor {
        Actor::command_line(self.clock.now())
    }

    pub async fn board(&self, name: &str) -> BoardId {
        self.store.ensure_board(name, self.clock.now()).await.expect("board").id
    }

    /// A staff user with a password ([`PASSWORD`]); returns their API token.
    pub async fn staff(
        &self,
        board: &BoardId,
        email: &str,
        role: Role,
        scope: ScopeKind,
        scope_ids: &[&str],
    ) -> String {
        let user = NewUser {
            email: Email::parse(email).expect("email"),
            name: PersonName::parse(&format!("{} Tester", role.code())).expect("name"),
            roles: vec![role],
            scope_kind: scope,
            scope_ids: scope_ids.iter().map(|s| (*s).to_owned()).collect(),
            mfa_exempt: false,
        };
        let board = self.store.board(board);
        let user = board.create_user(&self.actor(), &user, Some(password_hash())).await.expect("user");
        let secret = totp::new_secret().expect("secret");
        board.enrol_totp(&self.actor(), &user.id, &secret, 0, &[]).await.expect("two-step");
        self.secrets.lock().expect("lock").insert(email.to_owned(), secret);
        accounts::issue_token(board, &self.actor(), &user.id, "test").await.expect("token").1
    }

    pub fn request(&self, method: Method, token: Option<&str>, path: &str) -> RequestBuilder {
        let request = self.client.request(method, format!("{}{path}", self.address));
        match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    pub async fn get(&self, token: &str, path: &str) -> Response {
        self.request(Method::GET, Some(token), path).send().await.expect("request")
    }

    pub async fn post(&self, token: &str, path: &str, body: &Value) -> Response {
        self.request(Method::POST, Some(token), path).json(body).send().await.expect("request")
    }

    pub async fn patch(&self, token: &str, path: &str, body: &Value) -> Response {
        self.request(Method::PATCH, Some(token), path).json(body).send().await.expect("request")
    }

    /// The page forms' CSRF token: the cookie the server set on the first page.
    pub async fn csrf(&self) -> String {
        let url = self.address.parse().expect("url");
        if let Some(token) = self.csrf_cookie(&url) {
            return token;
        }
        self.client.get(format!("{}/aanmelden", self.address)).send().await.expect("request");
        self.csrf_cookie(&url).expect("the server sets a CSRF cookie")
    }

    fn csrf_cookie(&self, url: &reqwest::Url) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let cookies = self.jar.cookies(url)?;
        cookies.to_str().ok()?.split("; ").find_map(|c| c.strip_prefix("aantoonbaar_csrf=")).map(str::to_owned)
    }

    /// Posts a page form with its CSRF token.
    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = self.csrf().await;
        let mut fields = fields.to_vec();
        fields.push(("csrf", &csrf));
        self.client.post(format!("{}{path}", self.address)).form(&fields).send().await.expect("request")
    }

    /// The first step only: e-mail address and password.
    pub async fn sign_in_password(&self, email: &str, password: &str) -> Response {
        self.form("/aanmelden", &[("email", email), ("password", password)]).await
    }

    /// The authenticator code of a staff user at the clock's time.
    pub fn code(&self, email: &str) -> String {
        let secret = self.secrets.lock().expect("lock").get(email).cloned().expect("a staff user made by the test");
        totp::code_at(&secret, self.clock.now().as_second()).expect("code")
    }

    /// Signs in with password and authenticator code; the client keeps the session.
    /// The clock moves on 30 seconds first, as every code is accepted once.
    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        let first = self.sign_in_password(email, password).await;
        if first.headers().get("location").and_then(|l| l.to_str().ok()) != Some("/aanmelden/code") {
            return first;
        }
        self.clock.advance(jiff::SignedDuration::from_secs(30));
        let code = self.code(email);
        self.form("/aanmelden/code", &[("code", &code)]).await
    }

    pub async fn sign_out(&self) {
        self.form("/afmelden", &[]).await;
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.client.get(format!("{}{path}", self.address)).send().await.expect("request");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

/// The body as JSON, with the status checked first.
pub async fn json(response: Response, expected_status: u16) -> Value {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    assert_eq!(status, expected_status, "unexpected status; body: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// A school with two groups and one pupil per group with a custodial mother.
pub struct Fixture {
    pub board: BoardId,
    pub school: String,
    pub other_school: String,
    pub group: String,
    pub other_group: String,
    pub pupil: String,
    pub other_pupil: String,
    pub guardian: String,
    /// The token of the IBP manager who made the fixture.
    pub admin: String,
}

impl Fixture {
    pub async fn create(app: &TestApp, token: &str, brin_base: u8) -> Self {
        let school = json(
            app.post(
                token,
                "/api/v1/schools",
                &serde_json::json!({"name": "OBS De Linde", "brin": format!("{brin_base:02}AA")}),
            )
            .await,
            201,
        )
        .await;
        let other_school = json(
            app.post(
                token,
                "/api/v1/schools",
                &serde_json::json!({"name": "CBS De Eik", "brin": format!("{brin_base:02}BB")}),
            )
            .await,
            201,
        )
        .await;
        let school = school["id"].as_str().expect("id").to_owned();
        let other_school = other_school["id"].as_str().expect("id").to_owned();
        let group = json(
            app.post(token, "/api/v1/groups", &serde_json::json!({"school_id": school, "name": "Groep 3"})).await,
            201,
        )
        .await;
        let other_group = json(
            app.post(token, "/api/v1/groups", &serde_json::json!({"school_id": other_school, "name": "Groep 3"})).await,
            201,
        )
        .await;
        let group = group["id"].as_str().expect("id").to_owned();
        let other_group = other_group["id"].as_str().expect("id").to_owned();
        let pupil = create_pupil(app, token, &school, &group, "1001").await;
        let other_pupil = create_pupil(app, token, &other_school, &other_group, "2001").await;
        let guardian = json(
            app.post(
                token,
                "/api/v1/guardians",
                &serde_json::json!({"given_name": "Eva", "surname": "Berg", "email": "eva@voorbeeld.nl"}),
            )
            .await,
            201,
        )
        .await["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let link = serde_json::json!({"guardian_id": guardian, "relation": "mother", "holds_custody": true, "recognised": true});
        json(app.post(token, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
        let me = json(app.get(token, "/api/v1/me").await, 200).await;
        let board = app.board(me["board"].as_str().expect("board")).await;
        Self { board, school, other_school, group, other_group, pupil, other_pupil, guardian, admin: token.to_owned() }
    }
}

pub async fn create_pupil(app: &TestApp, token: &str, school: &str, group: &str, number: &str) -> String {
    let body = serde_json::json!({
        "school_id": school, "group_id": group, "given_name": "Sanne", "surname_prefix": "van der",
        "surname": "Berg", "birth_date": "2019-03-04", "external_number": number, "enrolment_date": "2023-03-05",
        "family_situation": "together"
    });
    json(app.post(token, "/api/v1/pupils", &body).await, 201).await["id"].as_str().expect("id").to_owned()
}

/// The address of the pager's link `rel` (`next`, `prev`) on `page`.
pub fn link_to(page: &str, rel: &str) -> Option<String> {
    let before = page.split(&format!(r#"" rel="{rel}""#)).next().filter(|b| b.len() < page.len())?;
    Some(before.rsplit("href=\"").next()?.replace("&#38;", "&"))
}

/// The board's outbox mails whose subject contains `part`: (recipient, subject, body), sorted.
pub async fn mails_about(app: &TestApp, board: &BoardId, part: &str) -> Vec<(String, String, String)> {
    let mut mails: Vec<_> = app
        .store
        .board(board)
        .outbox(500)
        .await
        .expect("outbox")
        .into_iter()
        .filter(|m| m.subject.contains(part))
        .map(|m| (m.recipient, m.subject, m.body))
        .collect();
    mails.sort();
    mails
}

/// Who the mails whose subject contains `part` went to, sorted.
pub async fn recipients(app: &TestApp, board: &BoardId, part: &str) -> Vec<String> {
    mails_about(app, board, part).await.into_iter().map(|(to, _, _)| to).collect()
}

/// The text of a PDF (poppler's pdftotext; scripts/test installs poppler-utils).
pub fn pdf_text(bytes: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("aantoonbaar-test-{}.pdf", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, bytes).expect("a temporary file");
    let output =
        std::process::Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext (poppler-utils)");
    std::fs::remove_file(&file).ok();
    String::from_utf8_lossy(&output.stdout).into_owned()
}
