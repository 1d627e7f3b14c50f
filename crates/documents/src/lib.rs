//! Printable PDF documents of the consent round: the consent form per pupil
//! (seed 001 §14.5) and the letter to parents that goes with it (seed 001 §14.4).
//!
//! Plain data in, PDF bytes out: the caller reads pupils, purposes and names
//! from the store and decides how many forms or letters one PDF holds (one
//! pupil, a group, a school). Nothing here does I/O or reads the clock, and the
//! output is deterministic (no creation date in the PDF).
//!
//! The rest of the application keeps its texts in `locales/nl/*.ftl`; the texts
//! of these documents are document bodies, adapted from the seed, and live as
//! constants at the top of this file so that a form reads as one piece.
//!
//! Layout: A4 portrait, 20 mm margins, DejaVu Sans (embedded with
//! `include_bytes!`, licence in `assets/fonts/LICENSE`). Text is wrapped here,
//! measured with the advance widths of the font's own `hmtx` table (krilla
//! draws glyphs but neither shapes without its `simple-text` feature nor wraps),
//! and drawn glyph by glyph with krilla. A page is first laid out as a list of
//! `Item`s; only then is it drawn, so tests can check that nothing passes the
//! margins.

pub mod access_matrix;
pub mod board_report;
pub mod destruction;
pub mod dpia;
pub mod privacy_statement;
pub mod recipients;
pub mod register;

use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

// ---------------------------------------------------------------------------
// Texts. Adapted from seed 001 §14.5 (the form) and §14.4 (the letter).
// `{name}` is replaced by a value; a value is never itself searched for `{…}`.
// ---------------------------------------------------------------------------

/// Title of the form (seed 001 §14.5).
const FORM_TITLE: &str = "Formulier toestemming gebruik beeldmateriaal en sociale media";
const FORM_SCHOOL_YEAR: &str = "Schooljaar {year}";
const FORM_PUPIL: &str = "Naam leerling";
const FORM_BIRTH_DATE: &str = "Geboortedatum";
const FORM_GROUP: &str = "Groep";
const FORM_INTRO: &str = "Wij gebruiken beeldmateriaal (foto's en video's) van uw kind en sociale media alleen voor \
     de doelen waarvoor u toestemming geeft. Kruis bij elk doel 'ja' of 'nee' aan.";
const FORM_YES: &str = "ja";
const FORM_NO: &str = "nee";
const FORM_WITHDRAW: &str = "U kunt uw toestemming te allen tijde en zonder opgaaf van redenen intrekken, en later \
     alsnog toestemming geven: laat het de school schriftelijk weten.";
const FORM_NO_ANSWER: &str = "Geen antwoord betekent geen toestemming: kruist u bij een doel niets aan, dan \
     gebruiken wij daarvoor geen beeldmateriaal van uw kind.";
const FORM_DECLARATION: &str = "Hierbij verklaart ondergetekende dat de aangekruiste keuzes van toepassing zijn.";
const FORM_GUARDIAN: &str = "Naam ouder/verzorger";
const FORM_DATE: &str = "Datum";
const FORM_SIGNATURE: &str = "Handtekening";
const FORM_CONTINUED: &str = "Vervolg formulier toestemming beeldmateriaal en sociale media – {pupil}";
const FORM_FOOTER: &str = "{school} · {pupil}";
const PAGE_NUMBER: &str = "blad {page} van {pages}";

/// The letter (seed 001 §14.4), addressed to every parent of a school.
const LETTER_TITLE: &str = "Brief aan ouders over toestemming voor foto's en video's";
const LETTER_SUBJECT: &str = "Toestemming voor het gebruik van foto's en video's, schooljaar {year}";
const LETTER_SALUTATION: &str = "Beste ouder/verzorger,";
const LETTER_BEFORE_LIST: [&str; 3] = [
    "Op {school} laten wij u met beeldmateriaal (foto's en video's) zien waar we mee bezig zijn. Opnames worden \
     gemaakt tijdens verschillende gelegenheden, bijvoorbeeld tijdens activiteiten, schoolreisjes en lessen. Ook \
     uw kind kan op dit beeldmateriaal te zien zijn.",
    "Wij gaan zorgvuldig om met deze foto's en video's. Wij plaatsen geen beeldmateriaal waardoor leerlingen schade \
     kunnen ondervinden, en we zetten bij foto's en video's geen namen van leerlingen.",
    "De wet verplicht ons om uw toestemming te vragen voor het gebruik van beeldmateriaal van uw kind als het jonger \
     is dan 16 jaar; leerlingen van 16 jaar en ouder geven zelf toestemming. Wij vragen die toestemming per doel, \
     en elk schooljaar opnieuw. Dit schooljaar gaat het om deze doelen:",
];
const LETTER_BULLET: &str = "•";
const LETTER_AFTER_LIST: [&str; 3] = [
    "Op het toestemmingsformulier staat bij elk doel waarvoor wij het beeldmateriaal gebruiken; u kiest per doel \
     'ja' of 'nee'. Het is goed om uw keuze samen met uw kind te bespreken: dan weet het zelf waarom foto's en \
     video's wel of niet mogen.",
    "Uw toestemming geldt alleen voor beeldmateriaal dat door ons of in onze opdracht wordt gemaakt. Het kan \
     voorkomen dat andere ouders foto's maken tijdens schoolactiviteiten. De school heeft daar geen invloed op, \
     maar wij vertrouwen erop dat ook zij terughoudend zijn met het plaatsen en delen van beeldmateriaal op \
     internet.",
    "Willen we beeldmateriaal voor een ander doel gebruiken dan op het formulier staat, bijvoorbeeld om een les van \
     een stagiair op te nemen, dan informeren we u daar apart over en vragen we zo nodig opnieuw om toestemming.",
];
const LETTER_EMPHASIS: [&str; 2] = [
    "U mag uw toestemming altijd intrekken, en u mag ook later alsnog toestemming geven. Zonder toestemming \
     gebruiken en delen wij geen beeldmateriaal van uw kind.",
    "Wilt u het ingevulde formulier met uw kind meegeven naar school?",
];
const LETTER_QUESTIONS: &str = "Heeft u vragen over deze brief of over de manier waarop wij met beeldmateriaal \
     omgaan? Neem dan gerust contact op met {school}.";
const LETTER_THANKS: &str = "Alvast bedankt voor uw medewerking!";
const LETTER_CLOSING: &str = "Met vriendelijke groet,";
const LETTER_SIGNATORY: &str = "De directie van {school}";
const LETTER_CONTINUED: &str = "{school} – brief over toestemming voor foto's en video's (vervolg)";
const LETTER_FOOTER: &str = "{board} · {school}";

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// A purpose parents answer "ja" or "nee" to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purpose<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

/// One pupil's form, prefilled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentForm<'a> {
    pub school: &'a str,
    /// E.g. `2026-2027`; printed as "Schooljaar 2026-2027".
    pub school_year: &'a str,
    pub pupil: &'a str,
    /// As it should be printed, e.g. `14-03-2018`.
    pub birth_date: &'a str,
    pub group: &'a str,
}

/// One school's letter to its parents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParentLetter<'a> {
    pub board: &'a str,
    pub school: &'a str,
    /// E.g. `2026-2027`.
    pub school_year: &'a str,
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// No forms or letters were asked for; a PDF without pages is not a document.
    #[error("nothing to render: no forms or letters were given")]
    Empty,
    /// An embedded font could not be read (a broken build, not bad input).
    #[error("embedded font {0} could not be read")]
    Font(&'static str),
    /// krilla could not write the PDF.
    #[error("PDF could not be written: {0}")]
    Pdf(String),
}

/// The consent forms of `forms` in one PDF: every pupil starts on a new page,
/// and a long form continues on the next page (with a running head naming the pupil).
///
/// # Errors
/// [`DocumentError::Empty`] when `forms` is empty; the other variants only when
/// the embedded fonts or krilla fail.
pub fn consent_forms(forms: &[ConsentForm<'_>], purposes: &[Purpose<'_>]) -> Result<Vec<u8>, DocumentError> {
    if forms.is_empty() {
        return Err(DocumentError::Empty);
    }
    let fonts = Fonts::load()?;
    let pages = layout_consent_forms(&fonts, forms, purposes);
    render(&fonts, &pages, FORM_TITLE)
}

/// The parent letters of `letters` in one PDF, each starting on a new page.
///
/// # Errors
/// [`DocumentError::Empty`] when `letters` is empty; the other variants only
/// when the embedded fonts or krilla fail.
pub fn parent_letters(letters: &[ParentLetter<'_>], purposes: &[Purpose<'_>]) -> Result<Vec<u8>, DocumentError> {
    if letters.is_empty() {
        return Err(DocumentError::Empty);
    }
    let fonts = Fonts::load()?;
    let pages = layout_parent_letters(&fonts, letters, purposes);
    render(&fonts, &pages, LETTER_TITLE)
}

/// A letter to one person concerned by a data breach (AVG art. 34 lid 2). Its
/// body is the text e-mailed (`aantoonbaar_app::incidents::letter_text`): paragraphs
/// separated by an empty line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreachLetter<'a> {
    pub board: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// The breach letter as a PDF of its own.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn breach_letter(letter: &BreachLetter<'_>) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    let mut layout = Layout::new(&fonts);
    let first = layout.start_unit();
    layout.paragraph(LEFT, WIDTH, HEADING, letter.board);
    layout.gap(6.0);
    layout.rule(LEFT, RIGHT, 1.0, 0);
    layout.gap(16.0);
    layout.paragraph(LEFT, WIDTH, BODY_BOLD, letter.subject);
    layout.gap(12.0);
    layout.running_head = Some(letter.subject.to_owned());
    for paragraph in letter.body.split("\n\n") {
        for line in paragraph.lines() {
            layout.paragraph(LEFT, WIDTH, BODY, line);
        }
        layout.gap(PARAGRAPH_GAP);
    }
    layout.footers(first, letter.board);
    render(&fonts, &layout.pages, letter.subject)
}

/// One section of a sectioned document (the access overview, an answer
/// letter): a heading, then label–value rows; a row with an empty value is a
/// paragraph of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSection<'a> {
    pub title: &'a str,
    pub rows: Vec<(&'a str, &'a str)>,
}

/// A document of `sections` under `title`, continuing over as many pages as it needs.
///
/// # Errors
/// [`DocumentError::Empty`] without sections; the other variants only when the
/// embedded fonts or krilla fail.
pub fn sectioned_document(title: &str, sections: &[DocumentSection<'_>]) -> Result<Vec<u8>, DocumentError> {
    if sections.is_empty() {
        return Err(DocumentError::Empty);
    }
    let fonts = Fonts::load()?;
    let mut layout = Layout::new(&fonts);
    let first = layout.start_unit();
    layout.paragraph(LEFT, WIDTH, TITLE, title);
    layout.gap(8.0);
    layout.running_head = Some(title.to_owned());
    for section in sections {
        // A section without a title continues under the document's title.
        if !section.title.is_empty() {
            layout.keep(HEADING.leading() + BODY.leading() * 2.0);
            layout.gap(PARAGRAPH_GAP);
            layout.paragraph(LEFT, WIDTH, HEADING, section.title);
            layout.rule(LEFT, RIGHT, 0.4, 150);
            layout.gap(4.0);
        }
        for (label, value) in &section.rows {
            if value.is_empty() {
                layout.paragraph(LEFT, WIDTH, BODY, label);
                layout.gap(PARAGRAPH_GAP);
            } else {
                layout.field(label, value);
            }
        }
    }
    layout.footers(first, title);
    render(&fonts, &layout.pages, title)
}

// ---------------------------------------------------------------------------
// The two documents
// ---------------------------------------------------------------------------

fn layout_consent_forms(fonts: &Fonts, forms: &[ConsentForm<'_>], purposes: &[Purpose<'_>]) -> Vec<Vec<Item>> {
    let mut layout = Layout::new(fonts);
    for form in forms {
        let first = layout.start_unit();
        layout.paragraph(LEFT, WIDTH, TITLE, FORM_TITLE);
        layout.gap(3.0);
        layout.beside(HEADING, form.school, LABEL, &fill(FORM_SCHOOL_YEAR, &[("year", form.school_year)]));
        layout.gap(4.0);
        layout.rule(LEFT, RIGHT, 1.0, 0);
        layout.gap(8.0);
        layout.running_head = Some(fill(FORM_CONTINUED, &[("pupil", form.pupil)]));

        for (label, value) in [(FORM_PUPIL, form.pupil), (FORM_BIRTH_DATE, form.birth_date), (FORM_GROUP, form.group)] {
            layout.field(label, value);
        }
        layout.gap(8.0);
        layout.paragraph(LEFT, WIDTH, FORM_TEXT, FORM_INTRO);
        layout.gap(4.0);
        layout.rule(LEFT, RIGHT, 0.6, 90);
        for purpose in purposes {
            layout.purpose(purpose);
        }
        layout.gap(8.0);

        let closing = [FORM_WITHDRAW, FORM_NO_ANSWER, FORM_DECLARATION];
        let height: f32 = closing.iter().map(|text| layout.height(WIDTH, FORM_TEXT, text) + 3.0).sum();
        layout.keep(height.min(CONTENT_HEIGHT));
        for text in closing {
            layout.paragraph(LEFT, WIDTH, FORM_TEXT, text);
            layout.gap(3.0);
        }
        layout.signature_lines(&[(&[FORM_GUARDIAN], 24.0), (&[FORM_DATE, FORM_SIGNATURE], 30.0)]);
        layout.footers(first, &fill(FORM_FOOTER, &[("school", form.school), ("pupil", form.pupil)]));
    }
    layout.pages
}

fn layout_parent_letters(fonts: &Fonts, letters: &[ParentLetter<'_>], purposes: &[Purpose<'_>]) -> Vec<Vec<Item>> {
    let mut layout = Layout::new(fonts);
    for letter in letters {
        let values = [("board", letter.board), ("school", letter.school), ("year", letter.school_year)];
        let first = layout.start_unit();
        layout.paragraph(LEFT, WIDTH, HEADING, letter.board);
        layout.paragraph(LEFT, WIDTH, BODY, letter.school);
        layout.gap(6.0);
        layout.rule(LEFT, RIGHT, 1.0, 0);
        layout.gap(16.0);
        layout.paragraph(LEFT, WIDTH, BODY_BOLD, &fill(LETTER_SUBJECT, &values));
        layout.gap(12.0);
        layout.running_head = Some(fill(LETTER_CONTINUED, &values));

        layout.paragraph(LEFT, WIDTH, BODY, LETTER_SALUTATION);
        layout.gap(PARAGRAPH_GAP);
        for text in LETTER_BEFORE_LIST {
            layout.paragraph(LEFT, WIDTH, BODY, &fill(text, &values));
            layout.gap(PARAGRAPH_GAP);
        }
        layout.bullets(&purposes.iter().map(|purpose| purpose.name).collect::<Vec<_>>());
        layout.gap(PARAGRAPH_GAP);
        for text in LETTER_AFTER_LIST {
            layout.paragraph(LEFT, WIDTH, BODY, &fill(text, &values));
            layout.gap(PARAGRAPH_GAP);
        }
        for text in LETTER_EMPHASIS {
            layout.paragraph(LEFT, WIDTH, BODY_BOLD, &fill(text, &values));
            layout.gap(PARAGRAPH_GAP);
        }
        layout.paragraph(LEFT, WIDTH, BODY, &fill(LETTER_QUESTIONS, &values));
        layout.gap(PARAGRAPH_GAP);
        let signatory = fill(LETTER_SIGNATORY, &values);
        let closing = layout.height(WIDTH, BODY, LETTER_THANKS)
            + layout.height(WIDTH, BODY, LETTER_CLOSING)
            + layout.height(WIDTH, BODY, &signatory)
            + layout.height(WIDTH, BODY, letter.board)
            + PARAGRAPH_GAP
            + 20.0;
        layout.keep(closing.min(CONTENT_HEIGHT));
        layout.paragraph(LEFT, WIDTH, BODY, LETTER_THANKS);
        layout.gap(PARAGRAPH_GAP);
        layout.paragraph(LEFT, WIDTH, BODY, LETTER_CLOSING);
        layout.gap(20.0);
        layout.paragraph(LEFT, WIDTH, BODY, &signatory);
        layout.paragraph(LEFT, WIDTH, BODY, letter.board);
        layout.footers(first, &fill(LETTER_FOOTER, &values));
    }
    layout.pages
}

/// `template` with every `{key}` of `values` replaced, in one pass (a value
/// that contains `{school}` stays as it is); unknown `{…}` stay as written.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let key = &after[..close];
            values.iter().find(|(name, _)| *name == key).map(|(_, value)| (*value, close))
        });
        match found {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------
// Page geometry and styles (points; y grows downwards, as in krilla)
// ---------------------------------------------------------------------------

const MM: f32 = 72.0 / 25.4;
const PAGE_WIDTH: f32 = 210.0 * MM;
const PAGE_HEIGHT: f32 = 297.0 * MM;
const MARGIN: f32 = 20.0 * MM;
const LEFT: f32 = MARGIN;
const RIGHT: f32 = PAGE_WIDTH - MARGIN;
const WIDTH: f32 = RIGHT - LEFT;
const TOP: f32 = MARGIN;
/// The footer sits inside the bottom margin's edge; content stops above it.
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - MARGIN - 2.0;
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 16.0;
const CONTENT_HEIGHT: f32 = BOTTOM - TOP;
const PARAGRAPH_GAP: f32 = 6.0;
/// Width of the column with the "ja" and "nee" boxes, right of a purpose.
const TICK_COLUMN: f32 = 84.0;
const TICK_GAP: f32 = 12.0;
const TICK_SIDE: f32 = 10.0;
const FIELD_LABEL: f32 = 140.0;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    bold: bool,
    size: f32,
    /// 0 is black, 255 white.
    gray: u8,
    /// Distance between baselines, as a multiple of `size`.
    spacing: f32,
}

impl Style {
    const fn new(bold: bool, size: f32, gray: u8, spacing: f32) -> Self {
        Self { bold, size, gray, spacing }
    }

    fn leading(self) -> f32 {
        self.size * self.spacing
    }
}

const TITLE: Style = Style::new(true, 15.0, 0, 1.3);
const HEADING: Style = Style::new(true, 12.0, 0, 1.35);
const BODY: Style = Style::new(false, 10.0, 0, 1.38);
const BODY_BOLD: Style = Style::new(true, 10.0, 0, 1.38);
const LABEL: Style = Style::new(false, 10.0, 70, 1.35);
const FORM_TEXT: Style = Style::new(false, 9.5, 0, 1.3);
const FORM_VALUE: Style = Style::new(true, 10.5, 0, 1.35);
const PURPOSE_NAME: Style = Style::new(true, 10.0, 0, 1.3);
const PURPOSE_TEXT: Style = Style::new(false, 9.0, 50, 1.25);
const RUNNING_HEAD: Style = Style::new(false, 8.5, 90, 1.3);
const FOOTER: Style = Style::new(false, 8.0, 90, 1.3);

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    /// One line of text; `y` is the baseline, `width` its measured width.
    Text { x: f32, y: f32, width: f32, style: Style, text: String },
    /// A horizontal line.
    Rule { x1: f32, x2: f32, y: f32, thickness: f32, gray: u8 },
    /// An empty square (a tick box); `y` is its top.
    Square { x: f32, y: f32, side: f32 },
    /// A filled rectangle in a shade of gray (a chart's bar or cell); `y` is its top.
    Block { x: f32, y: f32, width: f32, height: f32, gray: u8 },
}

// ---------------------------------------------------------------------------
// Layout: fills pages top to bottom, breaking before the bottom margin
// ---------------------------------------------------------------------------

struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Item>>,
    /// Top of the next thing on the current page.
    y: f32,
    /// Whether the current page has content besides its running head.
    used: bool,
    /// Printed at the top of a page that continues the current form or letter.
    running_head: Option<String>,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Self { fonts, pages: Vec::new(), y: TOP, used: false, running_head: None }
    }

    /// Starts a form or letter on a fresh page; returns the index of that page.
    fn start_unit(&mut self) -> usize {
        self.running_head = None;
        self.new_page();
        self.pages.len() - 1
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
        self.used = false;
        if let Some(head) = &self.running_head {
            let head = self.fonts.shorten(head, RUNNING_HEAD, WIDTH);
            self.line(LEFT, RUNNING_HEAD, head);
            self.gap(4.0);
            self.rule(LEFT, RIGHT, 0.4, 150);
            self.gap(12.0);
            self.used = false;
        }
    }

    fn push(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page();
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
        self.used = true;
    }

    /// Breaks the page unless `height` still fits (a fresh page takes anything).
    fn keep(&mut self, height: f32) {
        if self.used && self.y + height > BOTTOM {
            self.new_page();
        }
    }

    fn gap(&mut self, height: f32) {
        self.y += height;
    }

    fn height(&self, width: f32, style: Style, text: &str) -> f32 {
        self.fonts.wrap(text, style, width).len() as f32 * style.leading()
    }

    /// Wrapped text; each line breaks the page if it would pass the bottom.
    /// A paragraph of up to five lines is kept on one page.
    fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        let lines = self.fonts.wrap(text, style, width);
        if lines.len() <= 5 {
            self.keep(lines.len() as f32 * style.leading());
        }
        for line in lines {
            self.line(x, style, line);
        }
    }

    fn line(&mut self, x: f32, style: Style, text: String) {
        self.keep(style.leading());
        let baseline = self.y + self.fonts.baseline(style);
        let width = self.fonts.measure(&text, style);
        self.push(Item::Text { x, y: baseline, width, style, text });
        self.y += style.leading();
    }

    /// A horizontal line at the current position; left out past the bottom
    /// margin, where the page break separates enough.
    fn rule(&mut self, x1: f32, x2: f32, thickness: f32, gray: u8) {
        let y = self.y;
        if y > BOTTOM {
            return;
        }
        self.push(Item::Rule { x1, x2, y, thickness, gray });
    }

    /// `text` left and `aside` right-aligned on its first line; `aside` goes
    /// below when the two do not fit side by side.
    fn beside(&mut self, style: Style, text: &str, aside_style: Style, aside: &str) {
        let aside_width = self.fonts.measure(aside, aside_style);
        let room = WIDTH - aside_width - 12.0;
        if room < WIDTH / 2.0 {
            self.paragraph(LEFT, WIDTH, style, text);
            self.paragraph(LEFT, WIDTH, aside_style, aside);
            return;
        }
        let lines = self.fonts.wrap(text, style, room);
        self.keep(style.leading());
        let baseline = self.y + self.fonts.baseline(style);
        let item = Item::Text {
            x: RIGHT - aside_width,
            y: baseline,
            width: aside_width,
            style: aside_style,
            text: aside.to_owned(),
        };
        self.push(item);
        for line in lines {
            self.line(LEFT, style, line);
        }
    }

    /// "Label   value", the value bold and wrapped in its column; the label
    /// (one line, shortened if need be) sits on the value's first baseline.
    /// A label and its value beside it; a long label wraps in its column
    /// (a legal document never cuts its labels off).
    fn field(&mut self, label: &str, value: &str) {
        let labels = self.fonts.wrap(label, LABEL, FIELD_LABEL - 8.0);
        let values = self.fonts.wrap(value, FORM_VALUE, WIDTH - FIELD_LABEL);
        let lines = labels.len().max(values.len()).max(1);
        self.keep((lines as f32 * FORM_VALUE.leading()).min(CONTENT_HEIGHT));
        let (mut labels, mut values) = (labels.into_iter(), values.into_iter());
        for _ in 0..lines {
            self.keep(FORM_VALUE.leading());
            let baseline = self.y + self.fonts.baseline(FORM_VALUE);
            if let Some(text) = labels.next() {
                let width = self.fonts.measure(&text, LABEL);
                self.push(Item::Text { x: LEFT, y: baseline, width, style: LABEL, text });
            }
            if let Some(text) = values.next() {
                let width = self.fonts.measure(&text, FORM_VALUE);
                self.push(Item::Text { x: LEFT + FIELD_LABEL, y: baseline, width, style: FORM_VALUE, text });
            }
            self.y += FORM_VALUE.leading();
        }
        self.gap(1.0);
    }

    /// A purpose: its name with the "ja" and "nee" boxes on the right, and
    /// below them its description over the full width.
    fn purpose(&mut self, purpose: &Purpose<'_>) {
        const PAD: f32 = 4.0;
        let names = self.fonts.wrap(purpose.name, PURPOSE_NAME, WIDTH - TICK_COLUMN - TICK_GAP);
        let texts = self.fonts.wrap(purpose.description, PURPOSE_TEXT, WIDTH);
        let height = 2.0 * PAD
            + names.len().max(1) as f32 * PURPOSE_NAME.leading()
            + 1.0
            + texts.len() as f32 * PURPOSE_TEXT.leading();
        self.keep(height.min(CONTENT_HEIGHT));
        self.gap(PAD);
        let top = self.y;
        let box_y = top + (PURPOSE_NAME.leading() - TICK_SIDE) / 2.0;
        let box_baseline = top + self.fonts.baseline(PURPOSE_NAME);
        let mut x = RIGHT - TICK_COLUMN + 6.0;
        for answer in [FORM_YES, FORM_NO] {
            self.push(Item::Square { x, y: box_y, side: TICK_SIDE });
            let label_x = x + TICK_SIDE + 5.0;
            let width = self.fonts.measure(answer, FORM_TEXT);
            self.push(Item::Text { x: label_x, y: box_baseline, width, style: FORM_TEXT, text: answer.to_owned() });
            x += TICK_COLUMN / 2.0;
        }
        for line in names {
            self.line(LEFT, PURPOSE_NAME, line);
        }
        self.gap(1.0);
        for line in texts {
            self.line(LEFT, PURPOSE_TEXT, line);
        }
        self.gap(PAD);
        self.rule(LEFT, RIGHT, 0.4, 170);
    }

    /// A bulleted list; in two columns (down, then across) when it has four
    /// or more items that each fit half the width on one line.
    fn bullets(&mut self, items: &[&str]) {
        const INDENT: f32 = 22.0;
        let column = WIDTH / 2.0;
        let two_columns =
            items.len() >= 4 && items.iter().all(|item| self.fonts.measure(item, BODY) <= column - INDENT - 8.0);
        let rows = if two_columns { items.len().div_ceil(2) } else { items.len() };
        let row = BODY.leading() + 2.0;
        if rows as f32 * row <= CONTENT_HEIGHT / 2.0 {
            self.keep(rows as f32 * row);
        }
        let top = self.y;
        let mut bottom = top;
        for (index, item) in items.iter().enumerate() {
            let x = if two_columns && index >= rows { LEFT + column } else { LEFT };
            if two_columns && index == rows {
                self.y = top;
            }
            let lines = self.fonts.wrap(item, BODY, WIDTH - INDENT);
            self.keep(BODY.leading());
            let baseline = self.y + self.fonts.baseline(BODY);
            let width = self.fonts.measure(LETTER_BULLET, BODY);
            self.push(Item::Text { x: x + 8.0, y: baseline, width, style: BODY, text: LETTER_BULLET.to_owned() });
            for line in lines {
                self.line(x + INDENT, BODY, line);
            }
            self.gap(2.0);
            bottom = bottom.max(self.y);
        }
        self.y = self.y.max(bottom);
    }

    /// Rows of labels, each with a line to write on; a row splits the width
    /// evenly between its labels. Kept together on one page.
    fn signature_lines(&mut self, rows: &[(&[&str], f32)]) {
        let height: f32 = rows.iter().map(|(_, height)| height).sum::<f32>() + 4.0;
        self.keep(height);
        for (labels, height) in rows {
            self.gap(*height);
            let y = self.y;
            let column = WIDTH / labels.len().max(1) as f32;
            for (index, label) in labels.iter().enumerate() {
                let x = LEFT + index as f32 * column;
                let label = self.fonts.shorten(label, LABEL, column / 2.0);
                let width = self.fonts.measure(&label, LABEL);
                let line_start = if index == 0 { LEFT + FIELD_LABEL } else { x + width + 10.0 };
                let line_end = if index + 1 == labels.len() { RIGHT } else { x + column - 16.0 };
                self.push(Item::Text { x, y: y - 2.0, width, style: LABEL, text: label });
                self.push(Item::Rule { x1: line_start, x2: line_end, y, thickness: 0.6, gray: 0 });
            }
        }
        self.gap(4.0);
    }

    /// Puts `label` (shortened to fit) and "blad n van m" under every page of
    /// the form or letter that started on page `first`.
    fn footers(&mut self, first: usize, label: &str) {
        let total = self.pages.len().saturating_sub(first).to_string();
        let fonts = self.fonts;
        for (number, page) in self.pages.iter_mut().skip(first).enumerate() {
            let numbering = fill(PAGE_NUMBER, &[("page", &(number + 1).to_string()), ("pages", &total)]);
            let numbering_width = fonts.measure(&numbering, FOOTER);
            let label = fonts.shorten(label, FOOTER, WIDTH - numbering_width - 16.0);
            let width = fonts.measure(&label, FOOTER);
            page.push(Item::Text { x: LEFT, y: FOOTER_BASELINE, width, style: FOOTER, text: label });
            let x = RIGHT - numbering_width;
            page.push(Item::Text { x, y: FOOTER_BASELINE, width: numbering_width, style: FOOTER, text: numbering });
        }
    }
}

// ---------------------------------------------------------------------------
// Fonts: krilla fonts plus our own reading of cmap (format 4) and hmtx
// ---------------------------------------------------------------------------

static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn load() -> Result<Self, DocumentError> {
        Ok(Self {
            regular: Face::load(REGULAR).ok_or(DocumentError::Font("DejaVuSans.ttf"))?,
            bold: Face::load(BOLD).ok_or(DocumentError::Font("DejaVuSans-Bold.ttf"))?,
        })
    }

    fn face(&self, style: Style) -> &Face {
        if style.bold { &self.bold } else { &self.regular }
    }

    fn measure(&self, text: &str, style: Style) -> f32 {
        let face = self.face(style);
        text.chars().map(|c| face.advance(face.glyph(c))).sum::<f32>() * style.size
    }

    /// Distance from the top of a line to its baseline, centring the font's
    /// ascent and descent in the leading.
    fn baseline(&self, style: Style) -> f32 {
        let face = self.face(style);
        let extra = style.leading() - (face.ascent + face.descent) * style.size;
        extra / 2.0 + face.ascent * style.size
    }

    /// `text` on one line, cut off with "…" when wider than `width`.
    fn shorten(&self, text: &str, style: Style, width: f32) -> String {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.measure(&text, style) <= width {
            return text;
        }
        let room = width - self.measure("…", style);
        let mut short = String::new();
        let mut used = 0.0;
        for c in text.chars() {
            used += self.measure(c.encode_utf8(&mut [0; 4]), style);
            if used > room {
                break;
            }
            short.push(c);
        }
        short.truncate(short.trim_end().len());
        short.push('…');
        short
    }

    /// Greedy word wrap to `width`. Line breaks in `text` are kept; a word
    /// wider than `width` is broken between characters, so no line is wider.
    fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let space = self.measure(" ", style);
        let mut lines = Vec::new();
        for paragraph in text.trim().lines() {
            let mut line = String::new();
            let mut line_width = 0.0;
            for word in paragraph.split_whitespace() {
                let word_width = self.measure(word, style);
                if !line.is_empty() && line_width + space + word_width <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_width += space + word_width;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if word_width <= width {
                    line.push_str(word);
                    line_width = word_width;
                    continue;
                }
                line_width = 0.0;
                for c in word.chars() {
                    let char_width = self.measure(c.encode_utf8(&mut [0; 4]), style);
                    if !line.is_empty() && line_width + char_width > width {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += char_width;
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// A font as krilla draws it, and the tables we measure it with.
struct Face {
    font: Font,
    data: &'static [u8],
    units_per_em: f32,
    /// Ascent and descent (positive) in em.
    ascent: f32,
    descent: f32,
    hmtx: usize,
    long_metrics: u16,
    /// Start of the format 4 (Unicode BMP) cmap subtable.
    cmap: usize,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Self> {
        let font = Font::new(data.into(), 0)?;
        let table = |tag: &[u8; 4]| -> Option<usize> {
            let count = usize::from(read_u16(data, 4)?);
            (0..count)
                .map(|i| 12 + 16 * i)
                .find(|&record| data.get(record..record + 4) == Some(tag.as_slice()))
                .and_then(|record| usize::try_from(read_u32(data, record + 8)?).ok())
        };
        let head = table(b"head")?;
        let hhea = table(b"hhea")?;
        let hmtx = table(b"hmtx")?;
        let cmap_table = table(b"cmap")?;
        let units_per_em = f32::from(read_u16(data, head + 18)?);
        let ascent = f32::from(read_i16(data, hhea + 4)?) / units_per_em;
        let descent = -f32::from(read_i16(data, hhea + 6)?) / units_per_em;
        let long_metrics = read_u16(data, hhea + 34)?;
        let subtables = usize::from(read_u16(data, cmap_table + 2)?);
        let cmap = (0..subtables).find_map(|i| {
            let record = cmap_table + 4 + 8 * i;
            let platform = read_u16(data, record)?;
            let encoding = read_u16(data, record + 2)?;
            let start = cmap_table + usize::try_from(read_u32(data, record + 4)?).ok()?;
            let unicode = platform == 0 || (platform == 3 && encoding == 1);
            (unicode && read_u16(data, start)? == 4).then_some(start)
        })?;
        if units_per_em <= 0.0 || long_metrics == 0 {
            return None;
        }
        Some(Self { font, data, units_per_em, ascent, descent, hmtx, long_metrics, cmap })
    }

    /// The glyph of `c`, or 0 (the font's "missing" glyph).
    fn glyph(&self, c: char) -> u16 {
        u16::try_from(u32::from(c)).ok().and_then(|code| self.lookup(code)).unwrap_or(0)
    }

    fn lookup(&self, code: u16) -> Option<u16> {
        let data = self.data;
        let segments = usize::from(read_u16(data, self.cmap + 6)? / 2);
        let ends = self.cmap + 14;
        let starts = ends + 2 * segments + 2;
        let deltas = starts + 2 * segments;
        let offsets = deltas + 2 * segments;
        let (mut low, mut high) = (0, segments);
        while low < high {
            let middle = (low + high) / 2;
            if read_u16(data, ends + 2 * middle)? < code {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if low == segments {
            return None;
        }
        let start = read_u16(data, starts + 2 * low)?;
        if code < start {
            return None;
        }
        let delta = read_u16(data, deltas + 2 * low)?;
        let offset = read_u16(data, offsets + 2 * low)?;
        if offset == 0 {
            return Some(code.wrapping_add(delta));
        }
        let at = offsets + 2 * low + usize::from(offset) + 2 * usize::from(code - start);
        let glyph = read_u16(data, at)?;
        (glyph != 0).then(|| glyph.wrapping_add(delta))
    }

    /// Advance width of `glyph` in em.
    fn advance(&self, glyph: u16) -> f32 {
        let index = usize::from(glyph.min(self.long_metrics - 1));
        read_u16(self.data, self.hmtx + 4 * index).map_or(0.0, |units| f32::from(units) / self.units_per_em)
    }
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn read_i16(data: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_be_bytes(data.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

// ---------------------------------------------------------------------------
// Drawing the laid-out pages with krilla
// ---------------------------------------------------------------------------

fn render(fonts: &Fonts, pages: &[Vec<Item>], title: &str) -> Result<Vec<u8>, DocumentError> {
    let settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| DocumentError::Pdf("bad page size".to_owned()))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.to_owned()).language("nl".to_owned()).creator("Aantoonbaar".to_owned()),
    );
    for items in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for item in items {
            draw(&mut surface, fonts, item);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|error| DocumentError::Pdf(error.to_string()))
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, item: &Item) {
    match item {
        Item::Text { x, y, style, text, .. } => {
            let face = fonts.face(*style);
            let glyphs: Vec<KrillaGlyph> = text
                .char_indices()
                .map(|(at, c)| {
                    let glyph = face.glyph(c);
                    KrillaGlyph::new(
                        GlyphId::new(glyph.into()),
                        face.advance(glyph),
                        0.0,
                        0.0,
                        0.0,
                        at..at + c.len_utf8(),
                        None,
                    )
                })
                .collect();
            surface.set_stroke(None);
            surface.set_fill(Some(Fill { paint: luma::Color::new(style.gray).into(), ..Fill::default() }));
            surface.draw_glyphs(Point::from_xy(*x, *y), &glyphs, face.font.clone(), text, style.size, false);
        }
        Item::Rule { x1, x2, y, thickness, gray } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y);
            path.line_to(*x2, *y);
            stroke(surface, path, *thickness, *gray);
        }
        Item::Square { x, y, side } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *side, *side) {
                path.push_rect(rect);
            }
            stroke(surface, path, 0.8, 0);
        }
        Item::Block { x, y, width, height, gray } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill { paint: luma::Color::new(*gray).into(), ..Fill::default() }));
                surface.draw_path(&path);
            }
        }
    }
}

fn stroke(surface: &mut Surface<'_>, path: PathBuilder, width: f32, gray: u8) {
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: luma::Color::new(gray).into(),
            width,
            opacity: NormalizedF32::ONE,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::consent::DEFAULT_PURPOSES;
    use std::path::PathBuf;
    use std::process::Command;

    const SCHOOL: &str = "OBS De Regenboog";
    const BOARD: &str = "Stichting Openbaar Onderwijs Rivierenland";

    fn purposes() -> Vec<Purpose<'static>> {
        DEFAULT_PURPOSES.iter().map(|p| Purpose { name: p.name, description: p.description }).collect()
    }

    fn form(pupil: &str) -> ConsentForm<'_> {
        ConsentForm { school: SCHOOL, school_year: "2026-2027", pupil, birth_date: "14-03-2018", group: "Groep 4b" }
    }

    /// A temporary file for one test, removed when dropped.
    struct TempPdf(PathBuf);

    impl TempPdf {
        fn new(name: &str, bytes: &[u8]) -> Self {
            let path = std::env::temp_dir().join(format!("aantoonbaar-documents-{}-{name}.pdf", std::process::id()));
            std::fs::write(&path, bytes).expect("write temporary PDF");
            Self(path)
        }
    }

    impl Drop for TempPdf {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    /// Runs a poppler tool on `bytes`; fails the test clearly when it is missing.
    fn poppler(tool: &str, args: &[&str], trailing: &[&str], name: &str, bytes: &[u8]) -> String {
        let file = TempPdf::new(name, bytes);
        let output = match Command::new(tool).args(args).arg(&file.0).args(trailing).output() {
            Ok(output) => output,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                panic!("{tool} not found: install poppler-utils (apt-get install poppler-utils) to run the PDF tests")
            }
            Err(error) => panic!("{tool} failed to start: {error}"),
        };
        assert!(output.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("poppler writes UTF-8")
    }

    fn text_of(name: &str, bytes: &[u8]) -> String {
        poppler("pdftotext", &["-layout", "-enc", "UTF-8"], &["-"], name, bytes)
    }

    fn pages_of(name: &str, bytes: &[u8]) -> usize {
        let info = poppler("pdfinfo", &[], &[], name, bytes);
        let line = info.lines().find(|line| line.starts_with("Pages:")).expect("pdfinfo reports Pages");
        line.trim_start_matches("Pages:").trim().parse().expect("a page count")
    }

    /// Every text inside the margins, every line within the width.
    fn assert_within_margins(pages: &[Vec<Item>]) {
        for (number, page) in pages.iter().enumerate() {
            for item in page {
                match item {
                    Item::Text { x, y, width, text, .. } => {
                        assert!(*x >= LEFT - 0.01 && x + width <= RIGHT + 0.01, "page {number}: too wide: {text:?}");
                        assert!(*y >= TOP && *y <= PAGE_HEIGHT - MARGIN, "page {number}: off the page: {text:?}");
                    }
                    Item::Rule { x1, x2, y, .. } => {
                        assert!(*x1 >= LEFT - 0.01 && *x2 <= RIGHT + 0.01 && *y <= BOTTOM + 0.01, "page {number}")
                    }
                    Item::Square { x, y, side } => {
                        assert!(*x >= LEFT && x + side <= RIGHT && y + side <= BOTTOM, "page {number}")
                    }
                    Item::Block { x, y, width, height, .. } => {
                        assert!(
                            *x >= LEFT - 0.01 && x + width <= RIGHT + 0.01 && y + height <= BOTTOM + 0.01,
                            "page {number}"
                        )
                    }
                }
            }
        }
    }

    #[test]
    fn forms_name_both_pupils_the_school_and_every_purpose() {
        let purposes = purposes();
        assert_eq!(purposes.len(), 9);
        let pdf = consent_forms(&[form("Sanne de Vries"), form("Mohammed El Amrani")], &purposes).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = text_of("forms", &pdf);
        for expected in
            ["Sanne de Vries", "Mohammed El Amrani", SCHOOL, "Schooljaar 2026-2027", "14-03-2018", "Groep 4b"]
        {
            assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
        }
        for purpose in &purposes {
            assert!(text.contains(purpose.name), "purpose {:?} missing in:\n{text}", purpose.name);
        }
        for expected in
            ["Formulier toestemming gebruik", FORM_GUARDIAN, FORM_DATE, FORM_SIGNATURE, "Geen antwoord betekent geen"]
        {
            assert!(text.contains(expected), "{expected:?} missing");
        }
        assert_eq!(text.matches("Formulier toestemming gebruik").count(), 2, "one form per pupil");
        assert_eq!(pages_of("forms", &pdf), 2, "nine purposes fit one page per pupil");
    }

    #[test]
    fn a_sectioned_document_shows_every_heading_label_and_value() {
        let sections = [
            DocumentSection {
                title: "Leerling",
                rows: vec![("Naam", "Sanne van der Berg"), ("Leerlingnummer", "1001")],
            },
            DocumentSection { title: "Informatie", rows: vec![("U kunt een klacht indienen bij de AP.", "")] },
        ];
        let pdf = sectioned_document("Overzicht van uw gegevens", &sections).unwrap();
        let text = text_of("sections", &pdf);
        for expected in ["Overzicht van uw gegevens", "Leerling", "Sanne van der Berg", "1001", "klacht indienen"] {
            assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
        }
        assert!(matches!(sectioned_document("Leeg", &[]), Err(DocumentError::Empty)));
    }

    #[test]
    fn letter_names_board_school_and_purposes() {
        let purposes = purposes();
        let letter = ParentLetter { board: BOARD, school: SCHOOL, school_year: "2026-2027" };
        let pdf = parent_letters(&[letter], &purposes).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = text_of("letter", &pdf);
        for expected in [BOARD, SCHOOL, "Beste ouder/verzorger,", "intrekken", "Openbare website van de school"] {
            assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
        }
    }

    #[test]
    fn a_long_description_wraps_and_continues_on_the_next_page() {
        let long =
            "Foto's en video's van schoolreisjes, vieringen en lessen, op de website en in de nieuwsbrief. ".repeat(80);
        let word = "Ontwikkelingsperspectiefplanbesprekingsverslagbijlage".repeat(12);
        let mut purposes = purposes();
        purposes.insert(1, Purpose { name: "Een doel met een zeer lange toelichting", description: &long });
        purposes.push(Purpose { name: &word, description: &word });
        let long_name = "Alexandra Wilhelmina Cornelia Johanna van den Berg-Oosterhuis ".repeat(4);
        let forms = [ConsentForm { pupil: &long_name, ..form("x") }];

        let fonts = Fonts::load().unwrap();
        let pages = layout_consent_forms(&fonts, &forms, &purposes);
        assert!(pages.len() >= 3, "the long form continues: {} pages", pages.len());
        assert_within_margins(&pages);

        let pdf = consent_forms(&forms, &purposes).unwrap();
        let text = text_of("long", &pdf);
        // pdftotext puts the right-aligned boxes and page numbers near column 112;
        // an unwrapped description would make a line of thousands of characters.
        let widest = text.lines().map(|line| line.trim_end().chars().count()).max().unwrap_or(0);
        assert!(widest <= 120, "a line of {widest} characters:\n{text}");
        let description_lines = text.lines().filter(|line| line.contains("schoolreisjes, vieringen"));
        assert!(description_lines.clone().count() > 20);
        assert!(description_lines.clone().all(|line| line.trim_end().chars().count() <= 110), "{text}");
        assert!(
            text.lines().filter(|line| line.contains("Ontwikkelingsperspectiefplan")).count() > 4,
            "long words break"
        );
        assert!(text.contains("Vervolg formulier toestemming"), "continuation pages say whose form they are");
        assert!(text.contains("blad 1 van"));
    }

    #[test]
    fn thirty_pupils_give_at_least_thirty_pages() {
        let names: Vec<String> = (1..=30).map(|n| format!("Leerling {n:02} Jansen")).collect();
        let forms: Vec<ConsentForm<'_>> = names.iter().map(|name| form(name)).collect();
        let pdf = consent_forms(&forms, &purposes()).unwrap();
        assert!(pages_of("thirty", &pdf) >= 30);
        let text = text_of("thirty", &pdf);
        assert!(names.iter().all(|name| text.contains(name.as_str())));
    }

    #[test]
    fn the_default_documents_stay_within_the_margins() {
        let fonts = Fonts::load().unwrap();
        let purposes = purposes();
        assert_within_margins(&layout_consent_forms(&fonts, &[form("Sanne de Vries")], &purposes));
        let letter = ParentLetter { board: BOARD, school: SCHOOL, school_year: "2026-2027" };
        assert_within_margins(&layout_parent_letters(&fonts, &[letter], &purposes));
    }

    #[test]
    fn nothing_to_render_is_an_error() {
        assert!(matches!(consent_forms(&[], &purposes()), Err(DocumentError::Empty)));
        assert!(matches!(parent_letters(&[], &purposes()), Err(DocumentError::Empty)));
    }

    #[test]
    fn wrapping_measures_with_the_font() {
        let fonts = Fonts::load().unwrap();
        // DejaVu Sans: "i" is much narrower than "m".
        assert!(fonts.measure("iiii", BODY) < fonts.measure("mmmm", BODY) / 2.0);
        assert!(fonts.regular.glyph('ë') != 0 && fonts.regular.glyph('€') != 0);
        let lines = fonts.wrap("een twee drie vier vijf zes zeven acht negen tien", BODY, 100.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| fonts.measure(line, BODY) <= 100.0));
        assert_eq!(lines.join(" "), "een twee drie vier vijf zes zeven acht negen tien");
        assert_eq!(fonts.wrap("eerste\n\ntweede", BODY, 400.0), ["eerste", "", "tweede"]);
        assert!(fonts.wrap("   ", BODY, 400.0).is_empty());
    }

    #[test]
    fn fill_replaces_once() {
        assert_eq!(fill("Op {school} in {year}", &[("school", "{year}"), ("year", "2026")]), "Op {year} in 2026");
        assert_eq!(fill("{onbekend} {", &[]), "{onbekend} {");
    }

    /// Writes a sample for looking at: `cargo test -p aantoonbaar-web documents -- --ignored`.
    #[test]
    #[ignore = "writes /tmp/aantoonbaar-consent-form.pdf and the letter for inspection"]
    fn write_samples() {
        let purposes = purposes();
        let pdf = consent_forms(&[form("Sanne de Vries"), form("Mohammed El Amrani")], &purposes).unwrap();
        std::fs::write("/tmp/aantoonbaar-consent-form.pdf", pdf).unwrap();
        let letter = ParentLetter { board: BOARD, school: SCHOOL, school_year: "2026-2027" };
        std::fs::write("/tmp/aantoonbaar-parent-letter.pdf", parent_letters(&[letter], &purposes).unwrap()).unwrap();
        let long = "Foto's en video's van schoolreisjes, vieringen en lessen. ".repeat(60);
        let mut purposes = purposes;
        purposes.insert(2, Purpose { name: "Een doel met een zeer lange toelichting", description: &long });
        let pdf = consent_forms(&[form("Sanne de Vries")], &purposes).unwrap();
        std::fs::write("/tmp/aantoonbaar-consent-form-long.pdf", pdf).unwrap();
    }
}
