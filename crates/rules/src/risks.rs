//! The risk analysis: what a risk is, how it is scored and classified, and the
//! board's own twenty risks to start from.
//!
//! Sources: seed 001 §6.2 ("Classificatie en risicoanalyse": the categories of
//! the summary of the risk analysis), §14.15 ("Risicoanalyse": likelihood and
//! impact in three levels each, "Kans x impact = risicoscore", and the board's
//! twenty risks with their scores).

code_enum! {
    /// The area a risk belongs to (seed 001 §6.2, the summary of the risk
    /// analysis: Apparatuur, Diensten, Gegevens, Mensen, Omgeving, Organisatie,
    /// Programmatuur).
    Category, "risks.category_unknown" {
        /// "Apparatuur": systems and equipment, bought and disposed of.
        Equipment = "equipment",
        /// "Diensten": services under an SLA.
        Services = "services",
        /// "Gegevens": the data themselves, their backup and restore.
        Data = "data",
        /// "Mensen": staff, their behaviour and access rights.
        People = "people",
        /// "Omgeving": threats from outside (fire, flood).
        Environment = "environment",
        /// "Organisatie": the IBP plan, policy, roles and responsibilities.
        Organisation = "organisation",
        /// "Programmatuur": software and the processors behind it.
        Software = "software",
    }
}

code_enum! {
    /// What the board does about a risk: the usual four answers of a risk
    /// analysis (seed 001 §3.1: "Er is een balans tussen de risico's … en de
    /// benodigde investeringen en maatregelen").
    Treatment, "risks.treatment_unknown" {
        /// Take measures that lower the likelihood or the impact.
        Reduce = "reduce",
        /// Accept the risk as it is (a decision to write down).
        Accept = "accept",
        /// Stop the activity that causes the risk.
        Avoid = "avoid",
        /// Place the risk with another party (insurance, a supplier's SLA).
        Transfer = "transfer",
    }
}

/// How likely a risk is to happen, 1 to 3 (seed 001 §14.15, "Kans op het
/// optreden van een risico"): 1 "Klein: minder dan jaarlijks", 2 "Middel:
/// meerdere keren per jaar", 3 "Groot: kan dagelijks voorkomen".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Likelihood(u8);

/// What happens when a risk comes true, 1 to 3 (seed 001 §14.15, "Impact"):
/// 1 "Klein: verstoring niet-primair proces, alleen intern merkbaar", 2
/// "Middel: verstoring primair proces, extern merkbaar, snel opgelost", 3
/// "Groot: verstoring primair proces, reputatieschade, langdurig".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Impact(u8);

macro_rules! level {
    ($name:ident, $invalid:literal) => {
        impl $name {
            pub const ALL: [Self; 3] = [Self(1), Self(2), Self(3)];

            /// A level of 1, 2 or 3 (seed 001 §14.15: three levels, 1 to 3 points).
            ///
            /// # Errors
            #[doc = concat!("`", $invalid, "` for anything else.")]
            pub fn new(points: i64) -> Result<Self, crate::Invalid> {
                match u8::try_from(points) {
                    Ok(p @ 1..=3) => Ok(Self(p)),
                    _ => Err(crate::Invalid::new($invalid)),
                }
            }

            /// The points, 1 to 3.
            #[must_use]
            pub const fn points(self) -> u8 {
                self.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_u8(self.0)
            }
        }
    };
}

level!(Likelihood, "risks.likelihood_out_of_range");
level!(Impact, "risks.impact_out_of_range");

/// The risk score: likelihood × impact, 1 to 9 (seed 001 §14.15: "Kans x
/// impact = risicoscore").
#[must_use]
pub const fn score(likelihood: Likelihood, impact: Impact) -> u8 {
    likelihood.0 * impact.0
}

code_enum! {
    /// The class of a score, for the list, the heat map and the dashboard.
    Level, "risks.level_unknown" {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// The board's classification of scores: from which score a risk is medium and
/// from which it is high. A setting, because seed 001 §14.15 scores the risks
/// but does not say where "high" begins; each board decides that itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LevelThresholds {
    /// The lowest score that is medium.
    pub medium_from: u8,
    /// The lowest score that is high.
    pub high_from: u8,
}

impl Default for LevelThresholds {
    /// 1–2 low, 3–4 medium, 6–9 high: the board's list (seed 001 §14.15)
    /// falls into three groups this way — the six risks of 6 and 9 that stand
    /// out, the nine of 3 and 4 in the middle (5 cannot occur), the five of 2 below.
    fn default() -> Self {
        Self { medium_from: 3, high_from: 6 }
    }
}

impl LevelThresholds {
    /// Thresholds with `1 < medium_from <= high_from <= 9`.
    ///
    /// # Errors
    /// `risks.thresholds_invalid` otherwise.
    pub fn new(medium_from: i64, high_from: i64) -> Result<Self, crate::Invalid> {
        match (u8::try_from(medium_from), u8::try_from(high_from)) {
            (Ok(medium_from @ 2..=9), Ok(high_from @ 2..=9)) if medium_from <= high_from => {
                Ok(Self { medium_from, high_from })
            }
            _ => Err(crate::Invalid::new("risks.thresholds_invalid")),
        }
    }

    /// The class of `score` under these thresholds.
    #[must_use]
    pub const fn level(self, score: u8) -> Level {
        if score >= self.high_from {
            Level::High
        } else if score >= self.medium_from {
            Level::Medium
        } else {
            Level::Low
        }
    }
}

/// One risk of the board's own analysis (seed 001 §14.15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedRisk {
    pub category: Category,
    pub title: &'static str,
    pub likelihood: Likelihood,
    pub impact: Impact,
    /// The score the seed prints beside it, to check the transcription.
    pub seed_score: u8,
}

const fn seed(category: Category, title: &'static str, likelihood: u8, impact: u8, seed_score: u8) -> SeedRisk {
    SeedRisk { category, title, likelihood: Likelihood(likelihood), impact: Impact(impact), seed_score }
}

/// The board's twenty risks as seed 001 §14.15 lists them, highest score
/// first (9 down to 2), with the category, likelihood ("Kan") and impact of
/// each; "Programmatuu" in the seed is read as "Programmatuur" (software).
#[must_use]
pub const fn seed_risks() -> [SeedRisk; 20] {
    use Category::{Data, Environment, Equipment, Organisation, People, Services, Software};
    [
        seed(People, "Cultuur en discipline met autorisaties niet goed", 3, 3, 9),
        seed(Data, "Diefstal of zoekraken (bewust omgaan met privacy)", 2, 3, 6),
        seed(People, "Beeldmateriaal leerlingen gepubliceerd zonder toestemming", 3, 2, 6),
        seed(Equipment, "Gegevens op printer laten liggen", 3, 2, 6),
        seed(Organisation, "Onduidelijke verantwoordelijkheden", 3, 2, 6),
        seed(Data, "Personeelsgegevens niet achter slot en grendel", 3, 2, 6),
        seed(People, "Onveilige passwords", 2, 2, 4),
        seed(Data, "Backup/recovery niet goed", 1, 3, 3),
        seed(Environment, "Brand", 1, 3, 3),
        seed(People, "Leerlinggegevens \"op straat\"", 1, 3, 3),
        seed(People, "Opzettelijke foutieve handelingen", 1, 3, 3),
        seed(Software, "Toegangsbeveiliging faalt", 1, 3, 3),
        seed(Services, "Uitval elektriciteit", 1, 3, 3),
        seed(People, "Gegevens niet tijdig vernietigd (bewaarplicht)", 3, 1, 3),
        seed(People, "Onopzettelijke foutieve handelingen", 3, 1, 3),
        seed(Services, "Afschermen van gegevens van andere scholen", 1, 2, 2),
        seed(People, "Delen van privacy gevoelige info", 1, 2, 2),
        seed(Services, "Faillissement", 1, 2, 2),
        seed(Services, "Illegaal downloaden door medewerkers", 1, 2, 2),
        seed(Organisation, "Integriteitsvraagstukken (ontbreken regels/richtlijnen)", 1, 2, 2),
    ]
}

/// The heat map: how many risks have each likelihood (rows, index 0 = 1) and
/// impact (columns, index 0 = 1).
#[must_use]
pub fn heat_map(risks: impl IntoIterator<Item = (Likelihood, Impact)>) -> [[u32; 3]; 3] {
    let mut cells = [[0; 3]; 3];
    for (l, i) in risks {
        cells[usize::from(l.0 - 1)][usize::from(i.0 - 1)] += 1;
    }
    cells
}

/// A high risk without measures: the dashboard names it (seed 001 §6.2: the
/// level of the measures follows from the risk analysis).
#[must_use]
pub fn needs_measures(level: Level, measures: Option<&str>) -> bool {
    level == Level::High && measures.is_none_or(|m| m.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(n: i64) -> Likelihood {
        Likelihood::new(n).unwrap()
    }
    fn i(n: i64) -> Impact {
        Impact::new(n).unwrap()
    }

    #[test]
    fn the_score_is_likelihood_times_impact() {
        assert_eq!(score(l(1), i(1)), 1);
        assert_eq!(score(l(2), i(3)), 6);
        assert_eq!(score(l(3), i(2)), 6);
        assert_eq!(score(l(3), i(3)), 9);
    }

    #[test]
    fn levels_are_one_to_three_only() {
        assert!(Likelihood::new(0).is_err());
        assert!(Likelihood::new(4).is_err());
        assert_eq!(Impact::new(4).unwrap_err().code, "risks.impact_out_of_range");
        assert_eq!(Likelihood::new(-1).unwrap_err().code, "risks.likelihood_out_of_range");
        assert_eq!(Likelihood::ALL.map(Likelihood::points), [1, 2, 3]);
    }

    #[test]
    fn every_seed_risk_scores_as_the_seed_prints_it() {
        let risks = seed_risks();
        for risk in risks {
            assert_eq!(score(risk.likelihood, risk.impact), risk.seed_score, "{}", risk.title);
        }
        let scores: Vec<u8> = risks.iter().map(|r| r.seed_score).collect();
        assert_eq!(scores, [9, 6, 6, 6, 6, 6, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2]);
        let mut titles: Vec<&str> = risks.iter().map(|r| r.title).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), 20);
    }

    #[test]
    fn the_default_classification_is_low_medium_high() {
        let t = LevelThresholds::default();
        let levels: Vec<Level> = (1..=9).map(|s| t.level(s)).collect();
        use Level::{High, Low, Medium};
        assert_eq!(levels, [Low, Low, Medium, Medium, Medium, High, High, High, High]);
        let seed_levels = seed_risks().map(|r| t.level(r.seed_score));
        assert_eq!(seed_levels.iter().filter(|l| **l == High).count(), 6);
        assert_eq!(seed_levels.iter().filter(|l| **l == Medium).count(), 9);
        assert_eq!(seed_levels.iter().filter(|l| **l == Low).count(), 5);
    }

    #[test]
    fn a_board_sets_its_own_thresholds() {
        let strict = LevelThresholds::new(2, 4).unwrap();
        assert_eq!(strict.level(4), Level::High);
        assert_eq!(strict.level(2), Level::Medium);
        assert!(LevelThresholds::new(5, 4).is_err());
        assert!(LevelThresholds::new(1, 4).is_err());
        assert!(LevelThresholds::new(3, 10).is_err());
    }

    #[test]
    fn the_heat_map_counts_per_cell() {
        let map = heat_map(seed_risks().map(|r| (r.likelihood, r.impact)));
        // Rows: likelihood 1, 2, 3; columns: impact 1, 2, 3.
        assert_eq!(map, [[0, 5, 6], [0, 1, 1], [2, 4, 1]]);
        assert_eq!(map.iter().flatten().sum::<u32>(), 20);
    }

    #[test]
    fn a_high_risk_without_measures_is_named() {
        assert!(needs_measures(Level::High, None));
        assert!(needs_measures(Level::High, Some("  ")));
        assert!(!needs_measures(Level::High, Some("Training")));
        assert!(!needs_measures(Level::Medium, None));
    }
}
