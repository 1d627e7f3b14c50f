//! A small W3C WebDriver client over reqwest, driving Debian's chromedriver and
//! headless Chromium. The browser is closed on every path: `Drop` ends the
//! session and the driver.

use base64::Engine;
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    http: reqwest::Client,
    profile: std::path::PathBuf,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl Browser {
    pub async fn start() -> Self {
        let port = free_port();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned()))
            .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".to_owned()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian package chromium-driver) on PATH; scripts/test installs it");
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        for _ in 0..100 {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = std::env::temp_dir().join(format!("aantoonbaar-chromium-{}", uuid::Uuid::new_v4().simple()));
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--disable-quic", "--window-size=1280,1000",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let mut browser = Self { driver, base, session: String::new(), http, profile };
        let created = browser.call(reqwest::Method::POST, "/session", Some(capabilities)).await;
        browser.session = created["sessionId"].as_str().expect("a WebDriver session").to_owned();
        browser
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let mut request = self.http.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response: Value = request.send().await.expect("chromedriver answers").json().await.expect("json");
        assert!(response["value"]["error"].is_null(), "WebDriver error on {path}: {}", response["value"]);
        response["value"].clone()
    }

    fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, &self.session_path("/url"), Some(json!({"url": url}))).await;
    }

    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, &self.session_path("/url"), None).await.as_str().unwrap_or_default().to_owned()
    }

    pub async fn source(&self) -> String {
        self.call(reqwest::Method::GET, &self.session_path("/source"), None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    async fn find(&self, css: &str) -> String {
        let found = self
            .call(
                reqwest::Method::POST,
                &self.session_path("/element"),
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        found[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}: {found}")).to_owned()
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.call(reqwest::Method::POST, &self.session_path(&format!("/element/{element}/clear")), Some(json!({})))
            .await;
        self.call(
            reqwest::Method::POST,
            &self.session_path(&format!("/element/{element}/value")),
            Some(json!({"text": text})),
        )
        .await;
    }

    /// Sets a file input to a local file.
    pub async fn attach(&self, css: &str, path: &std::path::Path) {
        let element = self.find(css).await;
        let text = path.display().to_string();
        self.call(
            reqwest::Method::POST,
            &self.session_path(&format!("/element/{element}/value")),
            Some(json!({"text": text})),
        )
        .await;
    }

    /// Clicks, and when the click submits a form, waits until the next page has loaded.
    pub async fn click(&self, css: &str) {
        let before = self.url().await;
        let element = self.find(css).await;
        self.call(reqwest::Method::POST, &self.session_path(&format!("/element/{element}/click")), Some(json!({})))
            .await;
        for _ in 0..50 {
            let ready = self
                .call(
                    reqwest::Method::POST,
                    &self.session_path("/execute/sync"),
                    Some(json!({"script": "return document.readyState", "args": []})),
                )
                .await;
            if self.url().await != before && ready == "complete" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types `keys` into the element as a keyboard does (a space ticks a
    /// checkbox, `\u{E007}` is Enter), and when that submits a form, waits
    /// until the next page has loaded.
    pub async fn press(&self, css: &str, keys: &str) {
        let before = self.url().await;
        let element = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &self.session_path(&format!("/element/{element}/value")),
            Some(json!({"text": keys})),
        )
        .await;
        for _ in 0..20 {
            let ready = self
                .call(
                    reqwest::Method::POST,
                    &self.session_path("/execute/sync"),
                    Some(json!({"script": "return document.readyState", "args": []})),
                )
                .await;
            if self.url().await != before && ready == "complete" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether a checkbox or radio button is ticked.
    pub async fn selected(&self, css: &str) -> bool {
        let element = self.find(css).await;
        self.call(reqwest::Method::GET, &self.session_path(&format!("/element/{element}/selected")), None).await
            == json!(true)
    }

    /// Takes the browser's own check off the page's form fields (`novalidate`),
    /// so a test can see what the server says to a form the browser would stop.
    pub async fn without_browser_checks(&self) {
        self.call(
            reqwest::Method::POST,
            &self.session_path("/execute/sync"),
            Some(json!({"script": "document.querySelectorAll('form').forEach(f => f.noValidate = true)", "args": []})),
        )
        .await;
    }

    /// Whether the element is shown to the person (not hidden).
    pub async fn displayed(&self, css: &str) -> bool {
        let element = self.find(css).await;
        self.call(reqwest::Method::GET, &self.session_path(&format!("/element/{element}/displayed")), None).await
            == json!(true)
    }

    /// The page as the browser prints it on landscape A4, as PDF.
    pub async fn print_landscape_a4(&self) -> Vec<u8> {
        let pdf = self
            .call(
                reqwest::Method::POST,
                &self.session_path("/print"),
                Some(json!({"orientation": "landscape", "page": {"width": 21.0, "height": 29.7}})),
            )
            .await;
        base64::engine::general_purpose::STANDARD.decode(pdf.as_str().unwrap_or_default()).unwrap_or_default()
    }

    /// Runs axe-core on the page; the violations of impact serious or critical.
    pub async fn serious_accessibility_violations(&self) -> Vec<String> {
        let axe = include_str!("node_modules/axe-core/axe.min.js");
        self.call(reqwest::Method::POST, &self.session_path("/execute/sync"), Some(json!({"script": axe, "args": []})))
            .await;
        let script = "const done = arguments[arguments.length - 1];\
            axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})\
              .then(r => done(r.violations\
              .filter(v => v.impact === 'serious' || v.impact === 'critical')\
              .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))));";
        let result = self
            .call(
                reqwest::Method::POST,
                &self.session_path("/execute/async"),
                Some(json!({"script": script, "args": []})),
            )
            .await;
        result.as_array().map(|v| v.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect()).unwrap_or_default()
    }

    /// Lays the page out 390 CSS pixels wide, as a phone does, or back at the
    /// desktop width. Not as a "mobile" device: that one zooms out to fit a wide
    /// page, which would hide the sideways scrolling this is here to find.
    pub async fn phone_width(&self, phone: bool) {
        let (cmd, params) = if phone {
            (
                "Emulation.setDeviceMetricsOverride",
                json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": false}),
            )
        } else {
            ("Emulation.clearDeviceMetricsOverride", json!({}))
        };
        self.call(
            reqwest::Method::POST,
            &self.session_path("/goog/cdp/execute"),
            Some(json!({"cmd": cmd, "params": params})),
        )
        .await;
    }

    /// The page's width and the window's: the page scrolls sideways when the first is larger.
    pub async fn page_and_window_width(&self) -> (i64, i64) {
        let widths = self
            .call(
                reqwest::Method::POST,
                &self.session_path("/execute/sync"),
                Some(json!({"script": "return [document.documentElement.scrollWidth, window.innerWidth]", "args": []})),
            )
            .await;
        (widths[0].as_i64().unwrap_or_default(), widths[1].as_i64().unwrap_or_default())
    }

    /// Saves a screenshot under `test-artifacts/` (kept by CI on failure).
    pub async fn screenshot(&self, name: &str) -> std::path::PathBuf {
        let png = self.call(reqwest::Method::GET, &self.session_path("/screenshot"), None).await;
        let bytes =
            base64::engine::general_purpose::STANDARD.decode(png.as_str().unwrap_or_default()).unwrap_or_default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-artifacts");
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).ok();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Synchronously end the session, then the driver, whatever happened.
        let url = format!("{}/session/{}", self.base, self.session);
        let _ = std::thread::spawn(move || {
            if let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                runtime.block_on(async {
                    let _ = reqwest::Client::new().delete(url).timeout(Duration::from_secs(5)).send().await;
                });
            }
        })
        .join();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
