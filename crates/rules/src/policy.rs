//! Who may do what, where: the one policy table.
//!
//! Need-to-know (seed 001 art. 10 and §13; seed 002 §8.1.1): a teacher sees
//! their own groups, a director their school, the IBP manager (ST), the board
//! (CvB) and the FG the whole board. Everything not granted here is denied.
//! The web layer and the authorisation tests both read [`POLICY`].

use serde::{Deserialize, Serialize};

/// Staff roles of the access policy (seed 001 §13 role inventory; seed 002 §3.3
/// for the FG). Pupils (L) and parents (O) sign in to the portal, not as staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// College van Bestuur: the board, controller under the GDPR.
    #[serde(rename = "CvB")]
    Cvb,
    /// Stafmedewerker ICT: the board's IBP manager.
    #[serde(rename = "ST")]
    St,
    /// Directie: school director.
    #[serde(rename = "D")]
    D,
    /// Teamleider.
    #[serde(rename = "TL")]
    Tl,
    /// ICT-beheerder school: the school's ICT administrator.
    #[serde(rename = "BS")]
    Bs,
    /// Administratief personeel.
    #[serde(rename = "AP")]
    Ap,
    /// Onderwijspersoneel: teachers.
    #[serde(rename = "OP")]
    Op,
    /// Onderwijspersoneel tijdelijk: supply teachers, interns.
    #[serde(rename = "OPT")]
    Opt,
    /// Functionaris gegevensbescherming: the DPO, who supervises independently.
    #[serde(rename = "FG")]
    Fg,
}

impl Role {
    pub const ALL: &'static [Self] =
        &[Self::Cvb, Self::St, Self::D, Self::Tl, Self::Bs, Self::Ap, Self::Op, Self::Opt, Self::Fg];

    /// The code used by the seeds, the API and the CLI.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Cvb => "CvB",
            Self::St => "ST",
            Self::D => "D",
            Self::Tl => "TL",
            Self::Bs => "BS",
            Self::Ap => "AP",
            Self::Op => "OP",
            Self::Opt => "OPT",
            Self::Fg => "FG",
        }
    }

    /// Case-insensitive: `cvb`, `CvB` and `CVB` are the same role.
    ///
    /// # Errors
    /// `role.unknown`.
    pub fn from_code(code: &str) -> Result<Self, crate::Invalid> {
        Self::ALL
            .iter()
            .copied()
            .find(|role| role.code().eq_ignore_ascii_case(code.trim()))
            .ok_or(crate::Invalid::new("role.unknown"))
    }

    /// The scope a user with this role normally has.
    #[must_use]
    pub const fn natural_scope(self) -> ScopeKind {
        match self {
            Self::Cvb | Self::St | Self::Fg => ScopeKind::Board,
            Self::D | Self::Tl | Self::Bs | Self::Ap => ScopeKind::School,
            Self::Op | Self::Opt => ScopeKind::Groups,
        }
    }
}

/// The area a staff user works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    /// Their own groups (and the schools those groups belong to).
    Groups,
    /// One or more schools.
    School,
    /// The whole board.
    Board,
}

impl ScopeKind {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Groups => "groups",
            Self::School => "school",
            Self::Board => "board",
        }
    }
}

/// Things a user can do. Each API route and page maps to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    SchoolView,
    SchoolManage,
    GroupView,
    GroupManage,
    PupilView,
    PupilManage,
    GuardianView,
    GuardianManage,
    PupilImport,
    UserView,
    UserManage,
    /// Create and revoke one's own API tokens.
    OwnTokens,
    /// Read the audit trail (seed 002 §3.3: the FG supervises; seed 001 §5: ST
    /// and the board answer for IBP).
    AuditView,
    /// Read the mail the system sent (and, without SMTP, the mail waiting for
    /// delivery): the IBP manager runs the mail set-up.
    OutboxView,
    /// Keep the days a royal decree equates with public holidays (for legal deadlines).
    HolidaysManage,
    /// Record consent decisions and parents' objections (the administration
    /// enters paper forms, seed 001 §14.5; the director answers for the school).
    ConsentRecord,
    /// Change the board's settings (consent renewal, both parents' consent).
    BoardSettingsManage,
    /// Run the yearly consent round: invite and remind parents, follow progress
    /// (seed 001 §12.2: consent asked "vooraf en ieder schooljaar opnieuw").
    ConsentRound,
    /// Report an incident or a suspected data breach: every staff member, at
    /// once (seed 001 §14.8; seed 002 §8.4.5).
    IncidentReport,
    /// Read the incident register (seed 001 §10.4): the director for their
    /// school, the IBP manager, the board and the FG for the board. Others see
    /// only their own reports.
    IncidentView,
    /// Assess an incident, notify the AP, inform the people concerned and close
    /// it: the director decides on the notification duty (seed 001 §14.8), the
    /// IBP manager coordinates for the board (seed 001 §5).
    IncidentManage,
    /// See data-subject requests and their deadlines (the FG supervises them,
    /// seed 002 §3.3; the board answers for them).
    RequestView,
    /// Record and handle data-subject requests: intake, extension, the action
    /// per kind, the decision and the letter (seed 002 §10.10.2: the director
    /// decides; ST runs IBP for the board, seed 001 §5).
    RequestHandle,
    /// Read the registers: processing activities, systems, suppliers and
    /// agreements, recipients and the privacy statement (the FG supervises,
    /// AVG art. 39; the board answers for them, art. 5(2); a director reads
    /// their school's activities).
    RegisterView,
    /// Keep the registers and publish the privacy statement (seed 001 §5: ST
    /// runs IBP for the board).
    RegisterManage,
    /// Comment on an activity: the FG's advice (AVG art. 39(1)(a)).
    RegisterComment,
    /// Adopt the register as the controller (the CvB, seed 001 §19: the board adopts).
    RegisterAdopt,
    /// Read the risk analysis (seed 001 §6.2, §14.15): the board answers for
    /// it, the FG supervises it (AVG art. 39), a director reads it because the
    /// school's leaders carry out the measures (seed 001 §5.4.2, §6.1).
    RiskView,
    /// Keep the risk analysis: add, score and treat risks (seed 001 §5: ST
    /// runs IBP for the board).
    RiskManage,
    /// Read the self-assessment against a framework (seed 003: the Aanpak IBP's
    /// Normenkader and maturity levels): the board answers for it, the FG
    /// supervises it (AVG art. 39), a director reads the board's picture.
    SelfAssessmentView,
    /// Record the self-assessment and import frameworks (seed 001 §5: ST runs
    /// IBP for the board).
    SelfAssessmentManage,
    /// Ask before using new software in class (a pre-DPIA, seed 004): every
    /// staff member, for their own requests.
    PreDpiaRequest,
    /// Answer the board's pre-DPIAs (seed 004: the privacy officer or the FG advises).
    PreDpiaAnswer,
    /// Read the DPIAs and the stored screenings (AVG art. 35): the board
    /// approves them, the FG advises on them (art. 35(2), 39(1)(c)), a
    /// director reads them because the school carries out the measures.
    DpiaView,
    /// Record a screening for an activity or a product: the IBP manager, and a
    /// director for the software the school wants (seed 004).
    DpiaScreen,
    /// Write DPIAs (seed 001 §5: ST runs IBP for the board).
    DpiaManage,
    /// Give the FG's advice on a DPIA (AVG art. 35(2), 39(1)(c)).
    DpiaAdvise,
    /// Approve a DPIA as the controller (the CvB, as it adopts the register).
    DpiaApprove,
    /// Ask for the review of an approved DPIA (seed 002 §3.5.2: on significant
    /// change): the IBP manager, and the FG who monitors it (art. 39(1)(b)).
    DpiaReopen,
    /// Read the retention rules and the worklist of items due (AVG art. 5(1)(e)):
    /// the board answers for them, the FG supervises them (art. 39), a director
    /// reads their school's worklist because the school destroys.
    RetentionView,
    /// Change the board's retention rules and its reading of the SBO term (seed
    /// 001 §5: ST runs IBP for the board).
    RetentionManage,
    /// Place and release a hold that stops destruction (seed 002 §8.5.3: a
    /// legal claim, a law; §7.2: an incident): the IBP manager for the board,
    /// the director for their school.
    RetentionHold,
    /// Make a destruction batch from the worklist, approve it and confirm per
    /// system how it was destroyed (issue 15; the archive practice of a
    /// destruction list with two approvals): the IBP manager for the board,
    /// the director for their school, because the school destroys and the
    /// director answers for it there (seed 001 §5).
    RetentionBatch,
    /// Read the camera register, the kwaliteitskaart, the viewing and
    /// disclosure log and the footage holds (seed 002 §7.3: the kwaliteitskaart
    /// "kan op verzoek worden ingezien"): the board answers for it, the FG
    /// supervises it (AVG art. 39), a director reads their school's cameras.
    CameraView,
    /// Keep the camera register: add a camera, change it, take it down (seed
    /// 001 §5: ST runs IBP for the board; the director for their school).
    CameraManage,
    /// Log a viewing or a disclosure of footage and place or release a footage
    /// hold (seed 002 §7.2: only authorised staff have access to footage):
    /// the IBP manager for the board, the director for their school.
    FootageLog,
    /// Read the access policy per system and the authorisation matrix (seed
    /// 001 §13, §13.2): the board answers for it, the FG supervises it (AVG
    /// art. 39), a director reads it because the director orders changes.
    AccessPolicyView,
    /// Keep the access policy and the authorisation matrix (seed 001 §13:
    /// "een autorisatietabel bijgehouden door de stafmedewerker ICT").
    AccessPolicyManage,
    /// Read the staff list and the joiners, movers and leavers: the director
    /// and the school's ICT administrator for their school, the IBP manager,
    /// the board and the FG for the board.
    StaffView,
    /// Keep the staff list: the IBP manager for the board (the HR import), the
    /// administration for their school.
    StaffManage,
    /// Request and approve a joiner's, mover's or leaver's change (seed 001
    /// §13: "Alleen de personen in deze tabel mogen bepaalde wijzigingen op
    /// school aanvragen"; a leaver's account goes "op last van de directeur"):
    /// the director for their school, the IBP manager for the board.
    AccessChangeRequest,
    /// Record that a change was carried out in a system, with evidence (seed
    /// 001 §13: carried out by the ICT administrator or the stafmedewerker ICT).
    AccessChangeCarryOut,
    /// Import a system's account list and read its differences with the
    /// matrix and the staff list (the IBP manager for the board).
    AccountsImport,
    /// Read review campaigns and their outcome: the board, the FG, the IBP
    /// manager; a director sees their school's part.
    AccessReviewView,
    /// Start and close a review campaign, decide what reviewers left open and
    /// record remediation (BIO2 5.18.02; seed 001 §13: ST keeps the table).
    AccessReviewManage,
    /// Review the accounts of one's own people (the issue: one review per
    /// manager, not per system owner): the director for their school.
    AccessReviewDecide,
    /// Read the policy documents in force and sign those every employee signs
    /// (seed 001 §9.3, §14.8; seed 002 §8.1.2): every member of staff.
    PolicyRead,
    /// Read drafts and the history of every policy document: the IBP manager
    /// who writes them, the board that adopts them, the FG who advises.
    PolicyDraftView,
    /// Write policy documents and record their adoption by the CvB with the
    /// GMR's consent (seed 001's version table; §5: ST prepares the policy).
    PolicyManage,
    /// See who signed the code of conduct and the confidentiality statement:
    /// the board, the IBP manager and the FG for the board; the director and
    /// the administration for their school (seed 001 §6.4: the manager sees
    /// to compliance).
    SignatureView,
    /// Record a signature given on paper: the administration for their
    /// school, the IBP manager for the board.
    SignatureRecord,
    /// Read awareness activities and who attended (seed 001 §5–6: awareness is
    /// worked on actively): the board, the FG, the IBP manager; a director for
    /// her school.
    AwarenessView,
    /// Plan awareness activities and record attendance: the IBP manager for
    /// the board, a director for her school's activities.
    AwarenessManage,
    /// Read the activity calendar of the IBP cycle (seed 001 §5–6: "een
    /// activiteitenkalender"): the board, the FG, the IBP manager, directors.
    CalendarView,
    /// Make and keep the activity calendar: the IBP manager.
    CalendarManage,
    /// Read the board report on the state of IBP (seed 001 §5: the IBP
    /// manager reports to the board): the board, the IBP manager, the FG.
    BoardReportView,
    /// Write the IBP manager's section of the board report (ST).
    BoardReportWrite,
    /// Write the FG's opinion in the board report (AVG art. 39: the FG
    /// advises and supervises independently; only the FG writes it).
    BoardReportOpinion,
    /// Adopt the board report, freezing it (the CvB, or ST recording the CvB's decision).
    BoardReportAdopt,
}

impl Action {
    pub const ALL: &'static [Self] = &[
        Self::SchoolView,
        Self::SchoolManage,
        Self::GroupView,
        Self::GroupManage,
        Self::PupilView,
        Self::PupilManage,
        Self::GuardianView,
        Self::GuardianManage,
        Self::PupilImport,
        Self::UserView,
        Self::UserManage,
        Self::OwnTokens,
        Self::AuditView,
        Self::OutboxView,
        Self::HolidaysManage,
        Self::ConsentRecord,
        Self::BoardSettingsManage,
        Self::ConsentRound,
        Self::IncidentReport,
        Self::IncidentView,
        Self::IncidentManage,
        Self::RequestView,
        Self::RequestHandle,
        Self::RegisterView,
        Self::RegisterManage,
        Self::RegisterComment,
        Self::RegisterAdopt,
        Self::RiskView,
        Self::RiskManage,
        Self::SelfAssessmentView,
        Self::SelfAssessmentManage,
        Self::PreDpiaRequest,
        Self::PreDpiaAnswer,
        Self::DpiaView,
        Self::DpiaScreen,
        Self::DpiaManage,
        Self::DpiaAdvise,
        Self::DpiaApprove,
        Self::DpiaReopen,
        Self::RetentionView,
        Self::RetentionManage,
        Self::RetentionHold,
        Self::RetentionBatch,
        Self::CameraView,
        Self::CameraManage,
        Self::FootageLog,
        Self::AccessPolicyView,
        Self::AccessPolicyManage,
        Self::StaffView,
        Self::StaffManage,
        Self::AccessChangeRequest,
        Self::AccessChangeCarryOut,
        Self::AccountsImport,
        Self::AccessReviewView,
        Self::AccessReviewManage,
        Self::AccessReviewDecide,
        Self::PolicyRead,
        Self::PolicyDraftView,
        Self::PolicyManage,
        Self::SignatureView,
        Self::SignatureRecord,
        Self::AwarenessView,
        Self::AwarenessManage,
        Self::CalendarView,
        Self::CalendarManage,
        Self::BoardReportView,
        Self::BoardReportWrite,
        Self::BoardReportOpinion,
        Self::BoardReportAdopt,
    ];
}

/// One row of the policy table: `role` may do `action` when the user's scope is
/// one of `scopes`. The visible data is then limited to that scope.
#[derive(Debug, Clone, Copy)]
pub struct Grant {
    pub role: Role,
    pub action: Action,
    pub scopes: &'static [ScopeKind],
}

const BOARD: &[ScopeKind] = &[ScopeKind::Board, ScopeKind::School];
const SCHOOL: &[ScopeKind] = &[ScopeKind::School];
const GROUPS: &[ScopeKind] = &[ScopeKind::Groups];
const ANY: &[ScopeKind] = &[ScopeKind::Board, ScopeKind::School, ScopeKind::Groups];
/// The whole board only: a user limited to a school never sees it.
const WHOLE_BOARD: &[ScopeKind] = &[ScopeKind::Board];

const fn grant(role: Role, action: Action, scopes: &'static [ScopeKind]) -> Grant {
    Grant { role, action, scopes }
}

use Action::{
    AccessChangeCarryOut, AccessChangeRequest, AccessPolicyManage, AccessPolicyView, AccessReviewDecide,
    AccessReviewManage, AccessReviewView, AccountsImport, AuditView, BoardSettingsManage, CameraManage, CameraView,
    ConsentRecord, ConsentRound, DpiaAdvise, DpiaApprove, DpiaManage, DpiaReopen, DpiaScreen, DpiaView, FootageLog,
    GroupManage, GroupView, GuardianManage, GuardianView, HolidaysManage, IncidentManage, IncidentReport, IncidentView,
    OutboxView, OwnTokens, PolicyDraftView, PolicyManage, PolicyRead, PreDpiaAnswer, PreDpiaRequest, PupilImport,
    PupilManage, PupilView, RegisterAdopt, RegisterComment, RegisterManage, RegisterView, RequestHandle, RequestView,
    RetentionBatch, RetentionHold, RetentionManage, RetentionView, RiskManage, RiskView, SchoolManage, SchoolView,
    SelfAssessmentManage, SelfAssessmentView, SignatureRecord, SignatureView, StaffManage, StaffView, UserManage,
    UserView,
};
use Action::{AwarenessManage, AwarenessView, CalendarManage, CalendarView};
use Role::{Ap, Bs, Cvb, D, Fg, Op, Opt, St, Tl};

/// The policy table (role × action × scope).
///
/// Sources: seed 001 §13 (access policy per role: view, register/change, delete),
/// seed 001 art. 10 and seed 002 §8.1.1 (need-to-know), seed 002 §3.3 (the FG
/// must be able to read what supervision needs, but manages nothing), seed 001
/// §5 (ST runs IBP for the board; the director is responsible for the school).
/// The school ICT administrator (BS) manages accounts and devices, not pupil
/// files, so BS sees no pupil data.
pub const POLICY: &[Grant] = &[
    // Board (CvB): reads the board's data, changes nothing day to day.
    grant(Cvb, SchoolView, BOARD),
    grant(Cvb, GroupView, BOARD),
    grant(Cvb, PupilView, BOARD),
    grant(Cvb, GuardianView, BOARD),
    grant(Cvb, UserView, BOARD),
    grant(Cvb, OwnTokens, ANY),
    grant(Cvb, PreDpiaRequest, ANY),
    grant(Cvb, AuditView, BOARD),
    grant(Cvb, IncidentReport, ANY),
    grant(Cvb, IncidentView, BOARD),
    grant(Cvb, RequestView, BOARD),
    grant(Cvb, RegisterView, BOARD),
    grant(Cvb, RegisterAdopt, BOARD),
    grant(Cvb, RiskView, BOARD),
    grant(Cvb, SelfAssessmentView, BOARD),
    grant(Cvb, DpiaView, BOARD),
    grant(Cvb, DpiaScreen, BOARD),
    grant(Cvb, DpiaApprove, BOARD),
    grant(Cvb, RetentionView, BOARD),
    grant(Cvb, CameraView, BOARD),
    grant(Cvb, AccessPolicyView, BOARD),
    grant(Cvb, StaffView, BOARD),
    grant(Cvb, AccessReviewView, BOARD),
    grant(Cvb, PolicyRead, ANY),
    grant(Cvb, PolicyDraftView, BOARD),
    grant(Cvb, SignatureView, BOARD),
    grant(Cvb, AwarenessView, BOARD),
    grant(Cvb, CalendarView, BOARD),
    grant(Cvb, Action::BoardReportView, WHOLE_BOARD),
    grant(Cvb, Action::BoardReportAdopt, WHOLE_BOARD),
    // IBP manager (ST): runs the system for the board.
    grant(St, SchoolView, BOARD),
    grant(St, SchoolManage, BOARD),
    grant(St, GroupView, BOARD),
    grant(St, GroupManage, BOARD),
    grant(St, PupilView, BOARD),
    grant(St, PupilManage, BOARD),
    grant(St, GuardianView, BOARD),
    grant(St, GuardianManage, BOARD),
    grant(St, PupilImport, BOARD),
    grant(St, UserView, BOARD),
    grant(St, UserManage, BOARD),
    grant(St, OwnTokens, ANY),
    grant(St, PreDpiaRequest, ANY),
    grant(St, PreDpiaAnswer, BOARD),
    grant(St, AuditView, BOARD),
    grant(St, OutboxView, BOARD),
    grant(St, HolidaysManage, BOARD),
    grant(St, ConsentRecord, BOARD),
    grant(St, BoardSettingsManage, BOARD),
    grant(St, ConsentRound, BOARD),
    grant(St, IncidentReport, ANY),
    grant(St, IncidentView, BOARD),
    grant(St, IncidentManage, BOARD),
    grant(St, RequestView, BOARD),
    grant(St, RequestHandle, BOARD),
    grant(St, RegisterView, BOARD),
    grant(St, RegisterManage, BOARD),
    grant(St, RiskView, BOARD),
    grant(St, RiskManage, BOARD),
    grant(St, SelfAssessmentView, BOARD),
    grant(St, SelfAssessmentManage, BOARD),
    grant(St, DpiaView, BOARD),
    grant(St, DpiaScreen, BOARD),
    grant(St, DpiaManage, BOARD),
    grant(St, DpiaReopen, BOARD),
    grant(St, RetentionView, BOARD),
    grant(St, RetentionManage, BOARD),
    grant(St, RetentionHold, BOARD),
    grant(St, RetentionBatch, BOARD),
    grant(St, CameraView, BOARD),
    grant(St, CameraManage, BOARD),
    grant(St, FootageLog, BOARD),
    grant(St, AccessPolicyView, BOARD),
    grant(St, AccessPolicyManage, BOARD),
    grant(St, StaffView, BOARD),
    grant(St, StaffManage, BOARD),
    grant(St, AccessChangeRequest, BOARD),
    grant(St, AccessChangeCarryOut, BOARD),
    grant(St, AccountsImport, BOARD),
    grant(St, AccessReviewView, BOARD),
    grant(St, AccessReviewManage, BOARD),
    grant(St, AccessReviewDecide, BOARD),
    grant(St, PolicyRead, ANY),
    grant(St, PolicyDraftView, BOARD),
    grant(St, PolicyManage, BOARD),
    grant(St, SignatureView, BOARD),
    grant(St, SignatureRecord, BOARD),
    grant(St, AwarenessView, BOARD),
    grant(St, AwarenessManage, BOARD),
    grant(St, CalendarView, BOARD),
    grant(St, CalendarManage, BOARD),
    grant(St, Action::BoardReportView, WHOLE_BOARD),
    grant(St, Action::BoardReportWrite, WHOLE_BOARD),
    grant(St, Action::BoardReportAdopt, WHOLE_BOARD),
    // FG: reads everything relevant to supervision, changes nothing.
    grant(Fg, SchoolView, BOARD),
    grant(Fg, GroupView, BOARD),
    grant(Fg, PupilView, BOARD),
    grant(Fg, GuardianView, BOARD),
    grant(Fg, UserView, BOARD),
    grant(Fg, OwnTokens, ANY),
    grant(Fg, PreDpiaRequest, ANY),
    grant(Fg, PreDpiaAnswer, BOARD),
    grant(Fg, AuditView, BOARD),
    grant(Fg, IncidentReport, ANY),
    grant(Fg, IncidentView, BOARD),
    grant(Fg, RequestView, BOARD),
    grant(Fg, RegisterView, BOARD),
    grant(Fg, RegisterComment, BOARD),
    grant(Fg, RiskView, BOARD),
    grant(Fg, SelfAssessmentView, BOARD),
    grant(Fg, DpiaView, BOARD),
    grant(Fg, DpiaAdvise, BOARD),
    grant(Fg, DpiaReopen, BOARD),
    grant(Fg, RetentionView, BOARD),
    grant(Fg, CameraView, BOARD),
    grant(Fg, AccessPolicyView, BOARD),
    grant(Fg, StaffView, BOARD),
    grant(Fg, AccessReviewView, BOARD),
    grant(Fg, PolicyRead, ANY),
    grant(Fg, PolicyDraftView, BOARD),
    grant(Fg, SignatureView, BOARD),
    grant(Fg, AwarenessView, BOARD),
    grant(Fg, CalendarView, BOARD),
    grant(Fg, Action::BoardReportView, WHOLE_BOARD),
    grant(Fg, Action::BoardReportOpinion, WHOLE_BOARD),
    // Director (D): their school.
    grant(D, SchoolView, SCHOOL),
    grant(D, GroupView, SCHOOL),
    grant(D, GroupManage, SCHOOL),
    grant(D, PupilView, SCHOOL),
    grant(D, PupilManage, SCHOOL),
    grant(D, GuardianView, SCHOOL),
    grant(D, GuardianManage, SCHOOL),
    grant(D, PupilImport, SCHOOL),
    grant(D, UserView, SCHOOL),
    grant(D, OwnTokens, ANY),
    grant(D, PreDpiaRequest, ANY),
    grant(D, ConsentRecord, SCHOOL),
    grant(D, ConsentRound, SCHOOL),
    grant(D, IncidentReport, ANY),
    grant(D, IncidentView, SCHOOL),
    grant(D, IncidentManage, SCHOOL),
    grant(D, RequestView, SCHOOL),
    grant(D, RequestHandle, SCHOOL),
    grant(D, RegisterView, SCHOOL),
    // The board's risk analysis is one for all schools; a director reads it whole.
    grant(D, RiskView, SCHOOL),
    // The self-assessment is the board's; a director reads it whole.
    grant(D, SelfAssessmentView, SCHOOL),
    grant(D, DpiaView, SCHOOL),
    grant(D, DpiaScreen, SCHOOL),
    // The school destroys: a director reads the rules and their school's worklist, and holds.
    grant(D, RetentionView, SCHOOL),
    grant(D, RetentionHold, SCHOOL),
    grant(D, RetentionBatch, SCHOOL),
    // The school's cameras: the director keeps them, logs viewings and holds footage.
    grant(D, CameraView, SCHOOL),
    grant(D, CameraManage, SCHOOL),
    grant(D, FootageLog, SCHOOL),
    grant(D, AccessPolicyView, SCHOOL),
    grant(D, StaffView, SCHOOL),
    grant(D, StaffManage, SCHOOL),
    grant(D, AccessChangeRequest, SCHOOL),
    grant(D, AccessReviewView, SCHOOL),
    grant(D, AccessReviewDecide, SCHOOL),
    grant(D, PolicyRead, ANY),
    grant(D, SignatureView, SCHOOL),
    // Awareness at the school is the director's (seed 001 §5.4.2); the board's calendar she reads.
    grant(D, AwarenessView, SCHOOL),
    grant(D, AwarenessManage, SCHOOL),
    grant(D, CalendarView, SCHOOL),
    // Team leader (TL): reads their school's pupils.
    grant(Tl, SchoolView, SCHOOL),
    grant(Tl, GroupView, SCHOOL),
    grant(Tl, PupilView, SCHOOL),
    grant(Tl, GuardianView, SCHOOL),
    grant(Tl, OwnTokens, ANY),
    grant(Tl, PreDpiaRequest, ANY),
    grant(Tl, IncidentReport, ANY),
    grant(Tl, PolicyRead, ANY),
    // School ICT administrator (BS): accounts, not pupil files.
    grant(Bs, SchoolView, SCHOOL),
    grant(Bs, GroupView, SCHOOL),
    grant(Bs, UserView, SCHOOL),
    grant(Bs, StaffView, SCHOOL),
    grant(Bs, AccessChangeCarryOut, SCHOOL),
    grant(Bs, OwnTokens, ANY),
    grant(Bs, PreDpiaRequest, ANY),
    grant(Bs, IncidentReport, ANY),
    grant(Bs, PolicyRead, ANY),
    // Administrative staff (AP): keeps the pupil administration of their school.
    grant(Ap, SchoolView, SCHOOL),
    grant(Ap, GroupView, SCHOOL),
    grant(Ap, PupilView, SCHOOL),
    grant(Ap, PupilManage, SCHOOL),
    grant(Ap, GuardianView, SCHOOL),
    grant(Ap, GuardianManage, SCHOOL),
    grant(Ap, PupilImport, SCHOOL),
    grant(Ap, StaffView, SCHOOL),
    grant(Ap, StaffManage, SCHOOL),
    grant(Ap, OwnTokens, ANY),
    grant(Ap, PreDpiaRequest, ANY),
    grant(Ap, ConsentRecord, SCHOOL),
    grant(Ap, IncidentReport, ANY),
    grant(Ap, PolicyRead, ANY),
    grant(Ap, SignatureView, SCHOOL),
    grant(Ap, SignatureRecord, SCHOOL),
    // Teacher (OP): their own groups, pupils and the pupils' parents.
    grant(Op, SchoolView, GROUPS),
    grant(Op, GroupView, GROUPS),
    grant(Op, PupilView, GROUPS),
    grant(Op, GuardianView, GROUPS),
    grant(Op, OwnTokens, ANY),
    grant(Op, PreDpiaRequest, ANY),
    grant(Op, IncidentReport, ANY),
    grant(Op, PolicyRead, ANY),
    // Temporary teacher (OPT): their groups' pupils, not the parents' details.
    grant(Opt, SchoolView, GROUPS),
    grant(Opt, GroupView, GROUPS),
    grant(Opt, PupilView, GROUPS),
    grant(Opt, OwnTokens, ANY),
    grant(Opt, PreDpiaRequest, ANY),
    grant(Opt, IncidentReport, ANY),
    grant(Opt, PolicyRead, ANY),
];

/// Whether any of `roles`, for a user whose scope is `scope`, may do `action`.
/// Deny by default: no row, no permission.
#[must_use]
pub fn permits(roles: &[Role], scope: ScopeKind, action: Action) -> bool {
    POLICY.iter().any(|g| g.action == action && roles.contains(&g.role) && g.scopes.contains(&scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_allowed_without_a_row() {
        assert!(!permits(&[], ScopeKind::Board, Action::PupilView));
        assert!(!permits(&[Role::Bs], ScopeKind::School, Action::PupilView));
    }

    #[test]
    fn a_teacher_sees_pupils_only_with_a_groups_scope() {
        assert!(permits(&[Role::Op], ScopeKind::Groups, Action::PupilView));
        assert!(!permits(&[Role::Op], ScopeKind::Board, Action::PupilView));
        assert!(!permits(&[Role::Op], ScopeKind::Groups, Action::PupilManage));
    }

    #[test]
    fn only_the_ibp_manager_manages_users_and_schools() {
        for role in Role::ALL {
            let may = permits(&[*role], role.natural_scope(), Action::UserManage);
            assert_eq!(may, *role == Role::St, "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::SchoolManage);
            assert_eq!(may, *role == Role::St, "{role:?}");
        }
    }

    #[test]
    fn the_fg_reads_but_never_changes() {
        for action in Action::ALL {
            let may = permits(&[Role::Fg], ScopeKind::Board, *action);
            let is_read = matches!(
                action,
                Action::SchoolView
                    | Action::GroupView
                    | Action::PupilView
                    | Action::GuardianView
                    | Action::UserView
                    | Action::OwnTokens
                    | Action::AuditView
                    | Action::IncidentView
                    // Reporting an incident is everyone's duty, the FG's too.
                    | Action::IncidentReport
                    | Action::RequestView
                    | Action::RegisterView
                    // Advising on the register is the FG's task (AVG art. 39(1)(a)).
                    | Action::RegisterComment
                    | Action::RiskView
                    | Action::SelfAssessmentView
                    | Action::RetentionView
                    | Action::CameraView
                    | Action::AccessPolicyView
                    | Action::StaffView
                    | Action::AccessReviewView
                    | Action::AwarenessView
                    | Action::CalendarView
                    // Asking before new software, and advising on it, is the FG's task too (art. 39(1)(a)).
                    | Action::PreDpiaRequest
                    | Action::PreDpiaAnswer
                    | Action::DpiaView
                    // The FG's advice on a DPIA is required by art. 35(2).
                    | Action::DpiaAdvise
                    // So is asking for a DPIA's review when the processing changed (art. 39(1)(b)).
                    | Action::DpiaReopen
                    // The FG reads the policies (and signs them as an employee) and advises on drafts.
                    | Action::PolicyRead
                    | Action::PolicyDraftView
                    | Action::SignatureView
                    | Action::BoardReportView
                    // The FG's opinion in the board report is their independent word (art. 39(1)(b)).
                    | Action::BoardReportOpinion
            );
            assert_eq!(may, is_read, "{action:?}");
        }
    }

    #[test]
    fn everyone_reads_and_signs_the_policies_and_only_the_ibp_manager_writes_them() {
        for role in Role::ALL {
            assert!(permits(&[*role], role.natural_scope(), Action::PolicyRead), "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::PolicyManage);
            assert_eq!(may, *role == Role::St, "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::SignatureRecord);
            assert_eq!(may, matches!(role, Role::St | Role::Ap), "{role:?}");
        }
    }

    #[test]
    fn every_role_can_manage_its_own_tokens_and_read_its_schools() {
        for role in Role::ALL {
            assert!(permits(&[*role], role.natural_scope(), Action::OwnTokens));
            assert!(permits(&[*role], role.natural_scope(), Action::SchoolView));
        }
    }

    #[test]
    fn only_the_fg_the_ibp_manager_and_the_board_read_the_audit_trail() {
        for role in Role::ALL {
            let may = permits(&[*role], role.natural_scope(), Action::AuditView);
            assert_eq!(may, matches!(role, Role::Fg | Role::St | Role::Cvb), "{role:?}");
        }
    }

    #[test]
    fn everyone_reports_incidents_and_only_director_and_ibp_manager_decide() {
        for role in Role::ALL {
            assert!(permits(&[*role], role.natural_scope(), Action::IncidentReport), "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::IncidentManage);
            assert_eq!(may, matches!(role, Role::D | Role::St), "{role:?}");
        }
    }

    #[test]
    fn everyone_asks_for_a_pre_dpia_and_only_the_ibp_manager_and_the_fg_answer() {
        for role in Role::ALL {
            assert!(permits(&[*role], role.natural_scope(), Action::PreDpiaRequest), "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::PreDpiaAnswer);
            assert_eq!(may, matches!(role, Role::St | Role::Fg), "{role:?}");
        }
    }

    #[test]
    fn only_the_ibp_manager_and_the_director_keep_cameras_and_log_footage() {
        for role in Role::ALL {
            for action in [Action::CameraManage, Action::FootageLog] {
                let may = permits(&[*role], role.natural_scope(), action);
                assert_eq!(may, matches!(role, Role::St | Role::D), "{role:?} {action:?}");
            }
            let reads = permits(&[*role], role.natural_scope(), Action::CameraView);
            assert_eq!(reads, matches!(role, Role::St | Role::D | Role::Fg | Role::Cvb), "{role:?}");
        }
    }

    #[test]
    fn only_the_ibp_manager_keeps_the_matrix_and_directors_review_their_people() {
        for role in Role::ALL {
            let may = permits(&[*role], role.natural_scope(), Action::AccessPolicyManage);
            assert_eq!(may, *role == Role::St, "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::AccessReviewDecide);
            assert_eq!(may, matches!(role, Role::St | Role::D), "{role:?}");
            let may = permits(&[*role], role.natural_scope(), Action::AccessChangeCarryOut);
            assert_eq!(may, matches!(role, Role::St | Role::Bs), "{role:?}");
        }
    }

    #[test]
    fn role_codes_are_read_case_insensitively() {
        assert_eq!(Role::from_code("cvb"), Ok(Role::Cvb));
        assert_eq!(Role::from_code("OPT"), Ok(Role::Opt));
        assert!(Role::from_code("XX").is_err());
    }
}
