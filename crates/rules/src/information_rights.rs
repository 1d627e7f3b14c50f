//! Which information each parent or guardian of a pupil is entitled to.
//!
//! Source: seed 001 §14.13 "Wettelijke informatieplicht aan ouders" (the table,
//! its footnotes * and ** and the two numbered exceptions) and Burgerlijk
//! Wetboek art. 1:377b and 1:377c; summarised in domain.md "Information to
//! separated parents".
//!
//! For one person, [`right_of`] answers [`Level::Full`], [`Level::Limited`] or
//! [`Level::None`] with the [`Basis`] it rests on. The table distinguishes
//! married/together parents, separated parents and guardianship (voogdij);
//! custody of both parents, of one, or of a voogd; and whether the parent
//! without custody recognised the child. It comes down to:
//!
//! - whoever holds custody (a parent, a voogd, or a non-parent in "gezamenlijk
//!   gezag" with a parent, footnote *) gets full information and decides which
//!   other persons get full information too ("Deze bepaalt welke andere personen
//!   alle informatie mogen verkrijgen (bijv. niet gezaghebbende ouder,
//!   pleegouders, grootouders)");
//! - a parent without custody who recognised the child gets limited information,
//!   on request (1:377c, footnote **); this includes both parents once a voogd
//!   has been appointed, because the voogdijmaatregel means "dat de ouders geen
//!   gezag meer hebben" (footnote *);
//! - a parent without custody who did not recognise the child, and anybody else
//!   without custody or a grant, gets none.
//!
//! The order of the checks, first match wins: a grant never lowers a level, and
//! custody is never overruled by a grant. For a mother or father: guardianship
//! recorded (custody then ignored) → holds custody → granted full → recognised →
//! not recognised. For a voogd: holds custody → granted full → neither. For a
//! carer, foster parent or other: holds custody → granted full → neither.
//!
//! What this module does not decide: the exceptions that depend on the facts of
//! a case (footnote **: information the school would not give the custodial
//! parent in the same way, or that the child's interest opposes, e.g. signs of
//! child abuse or domestic violence). The table puts those decisions, and every
//! answer below full information, "i.o.m. CvB": in consultation with the board
//! ([`Level::consult_board`]). The levels here are what the school gives when no
//! such decision has been taken.

use crate::Invalid;
use crate::organisation::{FamilySituation, Relation};
use serde::{Deserialize, Serialize};

/// How much information the school gives a person about the pupil.
///
/// Source: seed 001 §14.13, the three columns of the table: "Alle informatie",
/// "Beperkte informatie i.o.m CvB", "Geen inf. i.o.m CvB".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// All information the school gives parents, unasked (reports, meetings,
    /// newsletters, the parent portal).
    Full,
    /// Only on request, and only important facts and circumstances concerning
    /// the child's person and care and upbringing: progress at school and,
    /// where relevant, social-pedagogical development (seed 001 §14.13: "waar
    /// hij/zij zelf om moet vragen. Het betreft alleen belangrijke feiten en
    /// omstandigheden"; BW 1:377c lid 1). Never more than the school would give
    /// the custodial parent in the same way, and not when the child's interest
    /// opposes it (footnote ** exceptions 1 and 2).
    Limited,
    /// No information about the pupil.
    None,
}

impl Level {
    pub const ALL: &'static [Self] = &[Self::Full, Self::Limited, Self::None];

    /// The stable code used in the API, the database and the message catalogue.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Limited => "limited",
            Self::None => "none",
        }
    }

    /// # Errors
    /// `information_level.unknown` when `code` is not one of [`Self::ALL`]'s codes.
    pub fn from_code(code: &str) -> Result<Self, Invalid> {
        Self::ALL.iter().copied().find(|level| level.code() == code).ok_or(Invalid::new("information_level.unknown"))
    }

    /// Whether the school acts in consultation with the board (College van
    /// Bestuur) before informing, or refusing to inform, this person.
    ///
    /// Source: seed 001 §14.13, the column headings "Beperkte informatie i.o.m
    /// CvB" and "Geen inf. i.o.m CvB"; "Alle informatie" carries no such note.
    #[must_use]
    pub const fn consult_board(self) -> bool {
        !matches!(self, Self::Full)
    }
}

/// Why a person has the level they have: one variant per outcome of the table
/// in seed 001 §14.13. Every basis implies exactly one [`Level`]
/// ([`Basis::level`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A mother or father with custody, parents married or living together.
    /// Full. Source: rows "Ouders die met elkaar getrouwd zijn en beide het
    /// gezag hebben" ("Beide ouders") and "getrouwd ... waarvan één ouder het
    /// gezag heeft" ("De ouder die gezag heeft").
    CustodialParent,
    /// A mother or father with custody, parents divorced or separated. Full;
    /// the table adds for separated parents who both hold custody that
    /// information is limited, in consultation with the board, "Indien er
    /// signalen zijn van kindermishandeling/huiselijk geweld". Source: rows
    /// "Ouders die gescheiden zijn, waarvan beide ouders het gezag hebben" and
    /// "gescheiden, waarvan 1 ouder het gezag heeft".
    SeparatedCustodialParent,
    /// A mother or father with custody while the family situation is not
    /// recorded. Full, from custody alone; the record should say whether the
    /// parents are together, separated (see [`Basis::SeparatedCustodialParent`])
    /// or under guardianship (then they hold no custody). Source: seed 001
    /// §14.13: the family situation is one of the three facts the table needs.
    UnknownFamilySituation,
    /// A voogd (relation guardian) with custody. Full, and decides who else gets
    /// full information. Source: the two guardianship rows: "De voogd. Deze
    /// bepaalt welke andere personen alle informatie mogen verkrijgen (bijv.
    /// leefgroep, niet gezaghebbende ouder, pleegouders, grootouders)".
    Voogd,
    /// A carer, foster parent or other non-parent who holds custody: jointly
    /// with a parent ("gezamenlijk gezag", e.g. a parent's partner) or as the
    /// appointed voogd recorded under another relation. Full. Source: seed 001
    /// §14.13 footnote *: "Het gezag kan ook worden uitgeoefend door een ouder en
    /// een niet-ouder samen".
    NonParentWithCustody,
    /// A mother or father without custody who recognised the child (is its
    /// legal parent). Limited, on request. Source: rows "... waarvan één ouder
    /// het gezag heeft en één ouder het kind erkend heeft" (married and
    /// separated), footnote **; BW 1:377c.
    RecognisedWithoutCustody,
    /// A mother or father without custody who did not recognise the child. None.
    /// Source: rows "... 1 ouder geen gezag heeft en zijn kind niet erkend
    /// heeft" (married and separated): "De ouder die geen gezag heeft en het
    /// kind niet erkend heeft" under "Geen inf.". BW 1:377c only gives a right
    /// to "de ouder".
    NotRecognisedWithoutCustody,
    /// A mother or father who recognised the child while a voogd holds custody.
    /// Limited, on request. Source: rows "... beide ouders het gezag niet hebben
    /// maar wel hun kind erkend hebben. Er is een voogd toegewezen" (married) and
    /// "... Er is een voogdijmaatregel uitgesproken door de rechter" (separated):
    /// "De ouders hebben recht op beperkte informatie"; footnote *: the parents
    /// then hold no custody.
    ParentUnderGuardianship,
    /// Somebody without custody to whom a custodial parent or the voogd granted
    /// full information (a step-parent, grandparent, foster parent or the parent
    /// without custody). Full. Source: every row: "Zij bepalen / Deze bepaalt
    /// welke andere personen alle informatie mogen verkrijgen".
    GrantedByCustodian,
    /// Recorded as voogd but without custody, e.g. a gezinsvoogd under an OTS
    /// (footnote *: the parents keep custody). None unless granted; a voogd
    /// proper holds custody, so the record should be checked. Source: seed 001
    /// §14.13 footnote *: "Als een ander dan de ouder(s) het gezag uitoefent
    /// wordt dit voogdij genoemd".
    GuardianWithoutCustody,
    /// A carer, foster parent or other non-parent without custody and without a
    /// grant. None. Source: seed 001 §14.13: non-parents get full information
    /// only when a custodian decides so; the table gives them no other right.
    NonParentWithoutGrant,
}

impl Basis {
    pub const ALL: &'static [Self] = &[
        Self::CustodialParent,
        Self::SeparatedCustodialParent,
        Self::UnknownFamilySituation,
        Self::Voogd,
        Self::NonParentWithCustody,
        Self::RecognisedWithoutCustody,
        Self::NotRecognisedWithoutCustody,
        Self::ParentUnderGuardianship,
        Self::GrantedByCustodian,
        Self::GuardianWithoutCustody,
        Self::NonParentWithoutGrant,
    ];

    /// The stable code used in the API, the database and the message catalogue
    /// (`information_rights.basis.<code>`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::CustodialParent => "custodial_parent",
            Self::SeparatedCustodialParent => "separated_custodial_parent",
            Self::UnknownFamilySituation => "unknown_family_situation",
            Self::Voogd => "voogd",
            Self::NonParentWithCustody => "non_parent_with_custody",
            Self::RecognisedWithoutCustody => "recognised_without_custody",
            Self::NotRecognisedWithoutCustody => "not_recognised_without_custody",
            Self::ParentUnderGuardianship => "parent_under_guardianship",
            Self::GrantedByCustodian => "granted_by_custodian",
            Self::GuardianWithoutCustody => "guardian_without_custody",
            Self::NonParentWithoutGrant => "non_parent_without_grant",
        }
    }

    /// # Errors
    /// `information_basis.unknown` when `code` is not one of [`Self::ALL`]'s codes.
    pub fn from_code(code: &str) -> Result<Self, Invalid> {
        Self::ALL.iter().copied().find(|basis| basis.code() == code).ok_or(Invalid::new("information_basis.unknown"))
    }

    /// The level this basis gives (see each variant for its source).
    #[must_use]
    pub const fn level(self) -> Level {
        match self {
            Self::CustodialParent
            | Self::SeparatedCustodialParent
            | Self::UnknownFamilySituation
            | Self::Voogd
            | Self::NonParentWithCustody
            | Self::GrantedByCustodian => Level::Full,
            Self::RecognisedWithoutCustody | Self::ParentUnderGuardianship => Level::Limited,
            Self::NotRecognisedWithoutCustody | Self::GuardianWithoutCustody | Self::NonParentWithoutGrant => {
                Level::None
            }
        }
    }
}

/// The facts about one parent or guardian of the pupil that the table needs, as
/// they are on the day in question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub relation: Relation,
    /// Holds custody: ouderlijk gezag, gezamenlijk gezag or voogdij (seed 001
    /// §14.13 footnote *).
    pub holds_custody: bool,
    /// Is the child's legal parent: the table's "erkend". For a father outside
    /// marriage that is recognition; the birth mother and the mother's spouse
    /// are parents by law, and the caller records them as recognised. Only
    /// matters for a mother or father without custody.
    pub recognised: bool,
    /// A custodial parent or the voogd has granted this person full information
    /// and the grant stands. The web layer keeps who granted it and when; it
    /// only counts when given by someone who holds custody now.
    pub granted_full_by_custodian: bool,
}

/// A person's level of information and the basis it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Right {
    pub level: Level,
    pub basis: Basis,
}

impl From<Basis> for Right {
    fn from(basis: Basis) -> Self {
        Self { level: basis.level(), basis }
    }
}

/// The information `person` is entitled to, given the family situation
/// (`None` when it is not recorded).
///
/// Source: seed 001 §14.13 and BW 1:377b/1:377c; the order of the checks is in
/// the module documentation. Decisions:
/// - Under guardianship ([`FamilySituation::Guardianship`]) a mother or father
///   holds no custody (footnote *: "Dit betekent dus ook dat de ouders geen
///   gezag meer hebben"), so custody recorded for them is ignored and they get
///   limited information if they recognised the child, none otherwise: the
///   cautious answer to a record that contradicts itself.
/// - A custodial mother or father gets full information whether or not the
///   record says they recognised the child (custody implies parenthood).
/// - Whether the parents are together or separated only changes the basis of a
///   custodial parent ([`Basis::SeparatedCustodialParent`] carries the table's
///   note on signs of abuse); without a recorded situation a custodial parent
///   gets [`Basis::UnknownFamilySituation`]. The answers for a parent without
///   custody are the same in every situation, so they keep their own basis.
/// - A voogd, carer, foster parent or other is judged on custody and grant
///   alone; the family situation concerns the parents.
#[must_use]
pub fn right_of(situation: Option<FamilySituation>, person: &Person) -> Right {
    let granted = person.granted_full_by_custodian;
    let basis = match person.relation {
        Relation::Mother | Relation::Father => match situation {
            Some(FamilySituation::Guardianship) if granted => Basis::GrantedByCustodian,
            Some(FamilySituation::Guardianship) if person.recognised => Basis::ParentUnderGuardianship,
            Some(FamilySituation::Guardianship) => Basis::NotRecognisedWithoutCustody,
            Some(FamilySituation::Together) if person.holds_custody => Basis::CustodialParent,
            Some(FamilySituation::Separated) if person.holds_custody => Basis::SeparatedCustodialParent,
            None if person.holds_custody => Basis::UnknownFamilySituation,
            _ if granted => Basis::GrantedByCustodian,
            _ if person.recognised => Basis::RecognisedWithoutCustody,
            _ => Basis::NotRecognisedWithoutCustody,
        },
        Relation::Guardian if person.holds_custody => Basis::Voogd,
        Relation::Carer | Relation::FosterParent | Relation::Other if person.holds_custody => {
            Basis::NonParentWithCustody
        }
        _ if granted => Basis::GrantedByCustodian,
        Relation::Guardian => Basis::GuardianWithoutCustody,
        Relation::Carer | Relation::FosterParent | Relation::Other => Basis::NonParentWithoutGrant,
    };
    Right::from(basis)
}

/// The rights of all parents and guardians of one pupil, in the order of
/// `people` ([`right_of`] for each).
#[must_use]
pub fn rights(situation: Option<FamilySituation>, people: &[Person]) -> Vec<Right> {
    people.iter().map(|person| right_of(situation, person)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::Error as ValueError;

    const TOGETHER: Option<FamilySituation> = Some(FamilySituation::Together);
    const SEPARATED: Option<FamilySituation> = Some(FamilySituation::Separated);
    const GUARDIANSHIP: Option<FamilySituation> = Some(FamilySituation::Guardianship);

    fn person(relation: Relation, holds_custody: bool, recognised: bool) -> Person {
        Person { relation, holds_custody, recognised, granted_full_by_custodian: false }
    }

    fn custodial_mother() -> Person {
        person(Relation::Mother, true, true)
    }

    fn custodial_father() -> Person {
        person(Relation::Father, true, true)
    }

    fn recognising_father_without_custody() -> Person {
        person(Relation::Father, false, true)
    }

    fn non_recognising_father() -> Person {
        person(Relation::Father, false, false)
    }

    fn voogd() -> Person {
        person(Relation::Guardian, true, false)
    }

    fn granted(person: Person) -> Person {
        Person { granted_full_by_custodian: true, ..person }
    }

    fn right(basis: Basis) -> Right {
        Right::from(basis)
    }

    fn levels(situation: Option<FamilySituation>, people: &[Person]) -> Vec<Level> {
        rights(situation, people).iter().map(|right| right.level).collect()
    }

    /// Reads a value from its serde code, as the web layer does.
    fn from_serde<'de, T: Deserialize<'de>>(code: &'de str) -> Result<T, ValueError> {
        T::deserialize(code.into_deserializer())
    }

    #[test]
    fn every_basis_and_level_has_a_unique_snake_case_code_that_round_trips() -> Result<(), ValueError> {
        let mut codes: Vec<&str> = Basis::ALL.iter().map(|basis| basis.code()).collect();
        for basis in Basis::ALL {
            assert_eq!(Basis::from_code(basis.code()), Ok(*basis));
            assert_eq!(from_serde::<Basis>(basis.code())?, *basis);
            assert!(basis.code().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Basis::ALL.len());
        assert_eq!(Basis::from_code("cousin"), Err(Invalid::new("information_basis.unknown")));
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Ok(*level));
            assert_eq!(from_serde::<Level>(level.code())?, *level);
        }
        assert_eq!(Level::ALL.iter().map(|level| level.code()).collect::<Vec<_>>(), ["full", "limited", "none"]);
        assert_eq!(Level::from_code("some"), Err(Invalid::new("information_level.unknown")));
        Ok(())
    }

    #[test]
    fn only_limited_and_no_information_are_decided_in_consultation_with_the_board() {
        let consulted: Vec<Level> = Level::ALL.iter().copied().filter(|level| level.consult_board()).collect();
        assert_eq!(consulted, [Level::Limited, Level::None]);
    }

    #[test]
    fn every_answer_has_the_level_its_basis_implies_and_every_basis_occurs() {
        let situations = [None, TOGETHER, SEPARATED, GUARDIANSHIP];
        let mut seen = Vec::new();
        for situation in situations {
            for relation in Relation::ALL {
                for bits in 0..8_u8 {
                    let person = Person {
                        relation: *relation,
                        holds_custody: bits & 1 != 0,
                        recognised: bits & 2 != 0,
                        granted_full_by_custodian: bits & 4 != 0,
                    };
                    let answer = right_of(situation, &person);
                    assert_eq!(answer.level, answer.basis.level());
                    seen.push(answer.basis);
                }
            }
        }
        for basis in Basis::ALL {
            assert!(seen.contains(basis), "{basis:?} never occurs");
        }
    }

    #[test]
    fn married_parents_who_both_hold_custody_both_get_full_information() {
        let answers = rights(TOGETHER, &[custodial_mother(), custodial_father()]);
        assert_eq!(answers, [right(Basis::CustodialParent), right(Basis::CustodialParent)]);
    }

    #[test]
    fn married_parents_with_one_custodian_and_one_recognising_parent_get_full_and_limited() {
        let answers = rights(TOGETHER, &[custodial_mother(), recognising_father_without_custody()]);
        assert_eq!(answers, [right(Basis::CustodialParent), right(Basis::RecognisedWithoutCustody)]);
        assert_eq!(answers[1].level, Level::Limited);
    }

    #[test]
    fn married_parents_with_one_custodian_and_one_non_recognising_parent_get_full_and_none() {
        let answers = rights(TOGETHER, &[custodial_mother(), non_recognising_father()]);
        assert_eq!(answers, [right(Basis::CustodialParent), right(Basis::NotRecognisedWithoutCustody)]);
        assert_eq!(answers[1].level, Level::None);
    }

    #[test]
    fn married_parents_who_recognised_the_child_under_a_voogd_get_limited_and_the_voogd_full() {
        let parents = [person(Relation::Mother, false, true), recognising_father_without_custody()];
        let answers = rights(GUARDIANSHIP, &[parents[0], parents[1], voogd()]);
        assert_eq!(
            answers,
            [right(Basis::ParentUnderGuardianship), right(Basis::ParentUnderGuardianship), right(Basis::Voogd)]
        );
        // Recorded as "together" with custody at the voogd, the levels are the same.
        let levels_together = levels(TOGETHER, &[parents[0], parents[1], voogd()]);
        assert_eq!(levels_together, [Level::Limited, Level::Limited, Level::Full]);
    }

    #[test]
    fn separated_parents_who_both_hold_custody_both_get_full_information() {
        let answers = rights(SEPARATED, &[custodial_mother(), custodial_father()]);
        assert_eq!(answers, [right(Basis::SeparatedCustodialParent), right(Basis::SeparatedCustodialParent)]);
        assert_eq!(answers[0].level, Level::Full);
    }

    #[test]
    fn separated_parents_with_one_custodian_and_one_recognising_parent_get_full_and_limited() {
        let answers = rights(SEPARATED, &[custodial_mother(), recognising_father_without_custody()]);
        assert_eq!(answers, [right(Basis::SeparatedCustodialParent), right(Basis::RecognisedWithoutCustody)]);
    }

    #[test]
    fn separated_parents_with_one_custodian_and_one_non_recognising_parent_get_full_and_none() {
        let answers = rights(SEPARATED, &[custodial_mother(), non_recognising_father()]);
        assert_eq!(answers, [right(Basis::SeparatedCustodialParent), right(Basis::NotRecognisedWithoutCustody)]);
    }

    #[test]
    fn separated_parents_who_recognised_the_child_under_a_voogdijmaatregel_get_limited_and_the_voogd_full() {
        let parents = [person(Relation::Mother, false, true), recognising_father_without_custody()];
        let answers = rights(GUARDIANSHIP, &[parents[0], parents[1], voogd()]);
        assert_eq!(
            levels(GUARDIANSHIP, &[parents[0], parents[1], voogd()]),
            [Level::Limited, Level::Limited, Level::Full]
        );
        assert_eq!(answers[2], right(Basis::Voogd));
        // Recorded as "separated" with custody at the voogd, the levels are the same.
        assert_eq!(
            levels(SEPARATED, &[parents[0], parents[1], voogd()]),
            [Level::Limited, Level::Limited, Level::Full]
        );
    }

    #[test]
    fn under_guardianship_a_parent_who_did_not_recognise_the_child_gets_none() {
        assert_eq!(right_of(GUARDIANSHIP, &non_recognising_father()), right(Basis::NotRecognisedWithoutCustody));
    }

    #[test]
    fn under_guardianship_custody_recorded_for_a_parent_is_ignored() {
        assert_eq!(right_of(GUARDIANSHIP, &custodial_mother()), right(Basis::ParentUnderGuardianship));
    }

    #[test]
    fn joint_custody_of_a_parent_and_a_non_parent_gives_both_full_information() {
        let partner = person(Relation::Carer, true, false);
        let answers = rights(TOGETHER, &[custodial_mother(), partner]);
        assert_eq!(answers, [right(Basis::CustodialParent), right(Basis::NonParentWithCustody)]);
        assert_eq!(right_of(GUARDIANSHIP, &person(Relation::FosterParent, true, false)).level, Level::Full);
    }

    #[test]
    fn a_foster_parent_granted_full_information_by_a_custodian_gets_full_information() {
        let foster_parent = granted(person(Relation::FosterParent, false, false));
        assert_eq!(right_of(GUARDIANSHIP, &foster_parent), right(Basis::GrantedByCustodian));
        assert_eq!(right_of(SEPARATED, &foster_parent).level, Level::Full);
    }

    #[test]
    fn a_grandparent_without_a_grant_gets_no_information() {
        let grandparent = person(Relation::Other, false, false);
        for situation in [None, TOGETHER, SEPARATED, GUARDIANSHIP] {
            assert_eq!(right_of(situation, &grandparent), right(Basis::NonParentWithoutGrant));
        }
    }

    #[test]
    fn a_parent_without_custody_granted_full_information_gets_full_in_every_situation() {
        for situation in [None, TOGETHER, SEPARATED, GUARDIANSHIP] {
            assert_eq!(right_of(situation, &granted(non_recognising_father())), right(Basis::GrantedByCustodian));
            assert_eq!(
                right_of(situation, &granted(recognising_father_without_custody())),
                right(Basis::GrantedByCustodian)
            );
        }
    }

    #[test]
    fn a_grant_does_not_replace_custody_as_the_basis() {
        assert_eq!(right_of(TOGETHER, &granted(custodial_mother())), right(Basis::CustodialParent));
        assert_eq!(right_of(None, &granted(voogd())), right(Basis::Voogd));
    }

    #[test]
    fn with_an_unknown_family_situation_custody_and_recognition_decide_alone() {
        let answers = rights(
            None,
            &[custodial_mother(), recognising_father_without_custody(), non_recognising_father(), voogd()],
        );
        assert_eq!(
            answers,
            [
                right(Basis::UnknownFamilySituation),
                right(Basis::RecognisedWithoutCustody),
                right(Basis::NotRecognisedWithoutCustody),
                right(Basis::Voogd),
            ]
        );
        assert_eq!(answers[0].level, Level::Full);
    }

    #[test]
    fn a_voogd_recorded_without_custody_gets_none_unless_granted() {
        let gezinsvoogd = person(Relation::Guardian, false, false);
        assert_eq!(right_of(TOGETHER, &gezinsvoogd), right(Basis::GuardianWithoutCustody));
        assert_eq!(right_of(TOGETHER, &granted(gezinsvoogd)), right(Basis::GrantedByCustodian));
    }
}
