//! The catalogue of every user-facing string, so another language can follow.
//!
//! `locales/nl/*.ftl` hold `key = text` lines in the simple subset of Fluent
//! syntax (placeables as `{ $name }`), so moving to `fluent-bundle` when
//! plurals or a second language arrive changes no key and no text. One file
//! per area of the product; a key lives in exactly one of them.

use std::collections::HashMap;
use std::sync::LazyLock;

const DUTCH: &[&str] = &[
    include_str!("../locales/nl/general.ftl"),
    include_str!("../locales/nl/incidents.ftl"),
    include_str!("../locales/nl/requests.ftl"),
    include_str!("../locales/nl/audit.ftl"),
    include_str!("../locales/nl/register.ftl"),
    include_str!("../locales/nl/parties.ftl"),
    include_str!("../locales/nl/privacy_statement.ftl"),
    include_str!("../locales/nl/register_export.ftl"),
    include_str!("../locales/nl/dpia.ftl"),
    include_str!("../locales/nl/risks.ftl"),
    include_str!("../locales/nl/selfassessment.ftl"),
    include_str!("../locales/nl/predpia.ftl"),
    include_str!("../locales/nl/retention.ftl"),
    include_str!("../locales/nl/cameras.ftl"),
    include_str!("../locales/nl/access.ftl"),
    include_str!("../locales/nl/access_policy.ftl"),
    include_str!("../locales/nl/policy.ftl"),
    include_str!("../locales/nl/awareness.ftl"),
    include_str!("../locales/nl/calendar.ftl"),
    include_str!("../locales/nl/board_report.ftl"),
];

static CATALOGUE: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| entries(DUTCH).collect());

/// `key = text` lines of every file; `\n` in a text is a line break.
fn entries(sources: &'static [&'static str]) -> impl Iterator<Item = (&'static str, String)> {
    sources
        .iter()
        .flat_map(|source| source.lines())
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, text)| (key.trim(), text.trim().replace("\\n", "\n")))
}

/// Shown for a key the catalogue lacks; tests check that none is missing.
const MISSING: &str = "[?]";

/// The text for `key`.
#[must_use]
pub fn t(key: &str) -> &'static str {
    CATALOGUE.get(key).map(String::as_str).unwrap_or_else(|| {
        tracing::warn!(key, "text missing from the catalogue");
        MISSING
    })
}

/// The text for `key` with `{ $name }` placeables filled in, in one pass
/// over the catalogue text: a value is inserted as it is and never read
/// again, so a user who types `{ $dpo }` in a report sees exactly that.
#[must_use]
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let mut rest = t(key);
    let mut text = String::with_capacity(rest.len());
    while let Some(start) = rest.find("{ $") {
        text.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let filled = after.find(" }").and_then(|end| {
            let name = &after[..end];
            args.iter().find(|(n, _)| *n == name).map(|(_, value)| (*value, end))
        });
        match filled {
            Some((value, end)) => {
                text.push_str(value);
                rest = &after[end + 2..];
            }
            None => {
                text.push_str("{ $");
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

/// Whether the catalogue has `key`.
#[must_use]
pub fn has(key: &str) -> bool {
    CATALOGUE.contains_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeables_are_filled_in() {
        assert_eq!(
            tf("import.error_line", &[("line", "12"), ("column", "Groep"), ("message", "x")]),
            "Regel 12, kolom Groep: x"
        );
    }

    /// A value that looks like a placeable is not filled in again.
    #[test]
    fn a_typed_placeable_stays_as_typed() {
        let text = tf("import.error_line", &[("line", "{ $column }"), ("column", "Groep"), ("message", "{ $line }")]);
        assert_eq!(text, "Regel { $column }, kolom Groep: { $line }");
    }

    #[test]
    fn no_key_is_defined_twice() {
        let mut seen = std::collections::HashSet::new();
        let twice: Vec<&str> = entries(DUTCH).map(|(key, _)| key).filter(|key| !seen.insert(*key)).collect();
        assert!(twice.is_empty(), "defined more than once: {twice:?}");
    }

    /// Labels built from codes (`relation.{code}`…) exist for every code.
    #[test]
    fn every_code_has_a_label() {
        use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
        let keys = Relation::ALL
            .iter()
            .map(|r| format!("relation.{}", r.code()))
            .chain(FamilySituation::ALL.iter().map(|f| format!("family.{}", f.code())))
            .chain(LeaveDestination::ALL.iter().map(|l| format!("leave.{}", l.code())))
            .chain(aantoonbaar_rules::Role::ALL.iter().map(|r| format!("role.{}", r.code())))
            .chain(
                aantoonbaar_rules::holidays::public_holidays(2026)
                    .into_iter()
                    .map(|(_, h)| format!("holiday.{}", h.code())),
            )
            .chain(
                aantoonbaar_rules::information_rights::Basis::ALL
                    .iter()
                    .map(|b| format!("information_rights.basis.{}", b.code())),
            )
            .chain(
                aantoonbaar_rules::information_rights::Level::ALL
                    .iter()
                    .map(|l| format!("information_rights.level.{}", l.code())),
            )
            .chain(aantoonbaar_rules::consent::Reason::ALL.iter().map(|r| format!("consent.reason.{}", r.code())))
            .chain(
                aantoonbaar_rules::consent::Reason::ALL
                    .iter()
                    .filter(|r| !r.allows())
                    .map(|r| format!("consent.reason_short.{}", r.code())),
            )
            .chain(aantoonbaar_store::AuditAction::ALL.iter().map(|a| format!("audit.action.{}", a.code())))
            .chain(incident_labels())
            .chain(requests_labels())
            .chain(retention_labels())
            .chain(camera_labels())
            .chain(["scope.board", "scope.school", "scope.groups"].map(String::from));
        let missing: Vec<String> = keys.filter(|k| !has(k)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    fn incident_labels() -> impl Iterator<Item = String> {
        use aantoonbaar_rules::breach::Severity;
        use aantoonbaar_rules::incidents::{Channel, Kind, Status, SubjectsDecision};
        Kind::ALL
            .iter()
            .map(|k| format!("incident.kind.{}", k.code()))
            .chain(Channel::ALL.iter().map(|c| format!("incident.channel.{}", c.code())))
            .chain(Status::ALL.iter().map(|s| format!("incident.status.{}", s.code())))
            .chain(SubjectsDecision::ALL.iter().map(|d| format!("incident.subjects.{}", d.code())))
            .chain(Severity::ALL.iter().map(|s| format!("incident.severity.{}", s.code())))
            .chain(
                ["incident.kind_unknown", "incident.status_unknown", "incident.subjects_decision_unknown"]
                    .map(String::from),
            )
    }

    /// The labels of the retention codes, and the messages of their refusals.
    fn retention_labels() -> impl Iterator<Item = String> {
        use aantoonbaar_rules::retention::{
            Category, EndAction, HoldKind, RuleCode, SboReading, SourceKind, Status, Subject, Trigger,
        };
        let period_errors = ["empty", "negative", "missing_p", "no_components", "time_not_supported", "fraction"]
            .into_iter()
            .chain(["unknown_unit", "missing_number", "missing_unit", "repeated_unit", "unit_order", "too_large"])
            .chain(["zero"])
            .map(|e| format!("retention.period.{e}"));
        RuleCode::ALL
            .iter()
            .map(|c| format!("retention.code.{}", c.code()))
            .chain(Category::ALL.iter().map(|c| format!("retention.category.{}", c.code())))
            .chain(Subject::ALL.iter().map(|c| format!("retention.subject.{}", c.code())))
            .chain(Trigger::ALL.iter().map(|c| format!("retention.trigger.{}", c.code())))
            .chain(EndAction::ALL.iter().map(|c| format!("retention.action.{}", c.code())))
            .chain(SourceKind::ALL.iter().map(|c| format!("retention.source_kind.{}", c.code())))
            .chain(Status::ALL.iter().map(|c| format!("retention.status.{}", c.code())))
            .chain(HoldKind::ALL.iter().map(|c| format!("retention.hold_kind.{}", c.code())))
            .chain(SboReading::ALL.iter().map(|c| format!("retention.sbo_reading.{}", c.code())))
            .chain(period_errors)
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The labels of the camera codes, the messages of their refusals and the findings.
    fn camera_labels() -> impl Iterator<Item = String> {
        use aantoonbaar_rules::camera::{HoldKind, LogKind, LogReason, Recipient, Status};
        Status::ALL
            .iter()
            .map(|c| format!("camera.status.{}", c.code()))
            .chain(LogKind::ALL.iter().map(|c| format!("camera.log_kind.{}", c.code())))
            .chain(LogReason::ALL.iter().map(|c| format!("camera.reason.{}", c.code())))
            .chain(Recipient::ALL.iter().map(|c| format!("camera.recipient.{}", c.code())))
            .chain(HoldKind::ALL.iter().map(|c| format!("camera.hold_kind.{}", c.code())))
            .chain(["no_dpia", "no_signs"].map(|f| format!("camera.finding.{f}")))
            .chain(["status", "log_kind", "reason", "recipient", "hold_kind"].map(|c| format!("camera.{c}_unknown")))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The labels of the data-subject request codes.
    fn requests_labels() -> impl Iterator<Item = String> {
        use aantoonbaar_rules::requests::{
            ErasureItem, IdentityCheck, KeepReason, ObjectionOutcome, Outcome, Reason, RequestChannel, RequestKind,
        };
        RequestKind::ALL
            .iter()
            .map(|k| format!("request.kind.{}", k.code()))
            .chain(RequestChannel::ALL.iter().map(|c| format!("request.channel.{}", c.code())))
            .chain(IdentityCheck::ALL.iter().map(|c| format!("request.identity.{}", c.code())))
            .chain(Outcome::ALL.iter().map(|c| format!("request.outcome.{}", c.code())))
            .chain(Outcome::ALL.iter().map(|c| format!("request.letter.outcome.{}", c.code())))
            .chain(Reason::ALL.iter().map(|c| format!("request.reason.{}", c.code())))
            .chain(ErasureItem::ALL.iter().map(|c| format!("request.item.{}", c.code())))
            .chain(KeepReason::ALL.iter().map(|c| format!("request.keep.{}", c.code())))
            .chain(ObjectionOutcome::ALL.iter().map(|c| format!("request.objection_outcome.{}", c.code())))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Every key written in the templates (`"key"|t`), in this crate's code
    /// (`t("key")`, `tf("key"`) and every rule code (`Invalid::new("key")`,
    /// `code: "key"`) of the rules and import crates has a text.
    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("../web/templates"),
            root.join("../web/src"),
            root.join("src"),
            root.join("../rules/src"),
            root.join("../import/src"),
        ];
        let markers: [(&str, &str); 5] =
            [("\"", "\"|t"), ("t(\"", "\")"), ("tf(\"", "\""), ("Invalid::new(\"", "\")"), ("code: \"", "\"")];
        let mut missing = Vec::new();
        let mut seen = 0;
        for dir in dirs {
            let mut stack = vec![dir];
            while let Some(path) = stack.pop() {
                if path.is_dir() {
                    stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for (open, close) in markers {
                    for (at, _) in source.match_indices(open) {
                        // `t("` must be the function `t`, not the end of `Font("`.
                        let before = source[..at].chars().next_back().unwrap_or(' ');
                        if open != "\"" && (before.is_alphanumeric() || before == '_') {
                            continue;
                        }
                        let Some((key, _)) = source[at + open.len()..].split_once(close) else {
                            continue;
                        };
                        if key.is_empty() || key.contains([' ', '{', '\\', '"']) || !key.contains('.') {
                            continue;
                        }
                        seen += 1;
                        if !has(key) && !key.ends_with('.') {
                            missing.push(format!("{key} ({})", path.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 50, "the scan found only {seen} keys");
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "keys missing from locales/nl/: {missing:#?}");
    }

    /// The quoted words after `open` up to the next `close`, e.g. the fields
    /// of `.fields(&["a", "b"])`.
    fn quoted_after<'a>(source: &'a str, open: &str, close: char) -> Vec<&'a str> {
        source
            .match_indices(open)
            .filter_map(|(at, _)| source[at + open.len()..].split_once(close).map(|(list, _)| list))
            .flat_map(|list| list.split('"').skip(1).step_by(2))
            .filter(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    }

    /// Every audit entry reads in Dutch on "Logboek": each entity the store
    /// writes (`AuditEvent::new(…, "entity", …)`, a view) and each field it
    /// names has its label.
    #[test]
    fn every_audited_entity_and_field_has_a_label() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        let mut seen = 0;
        for dir in [root.join("../store/src"), root.join("src")] {
            let mut stack = vec![dir];
            while let Some(path) = stack.pop() {
                if path.is_dir() {
                    stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                    continue;
                }
                if path.ends_with("src/i18n.rs") {
                    continue; // this test's own examples
                }
                let source = std::fs::read_to_string(&path).unwrap();
                let mut keys: Vec<String> = Vec::new();
                for action in ["Create", "Update", "Delete", "View"] {
                    let open = format!("AuditEvent::new(AuditAction::{action}, ");
                    for (at, _) in source.match_indices(&open) {
                        let rest = &source[at + open.len()..];
                        if let Some(entity) = rest.strip_prefix('"').and_then(|r| r.split_once('"')).map(|(e, _)| e) {
                            keys.push(format!("audit.entity.{entity}"));
                        }
                    }
                }
                for (at, _) in source.match_indices("record_view(") {
                    let rest = &source[at..];
                    if let Some(entity) = rest.split('"').nth(1).filter(|_| rest.find('"') < rest.find(')')) {
                        keys.push(format!("audit.entity.{entity}"));
                    }
                }
                keys.extend(quoted_after(&source, ".fields(&[", ']').into_iter().map(|f| format!("audit.field.{f}")));
                for key in keys {
                    seen += 1;
                    if !has(&key) {
                        missing.push(format!("{key} ({})", path.display()));
                    }
                }
            }
        }
        assert!(seen > 50, "the scan found only {seen} audit words");
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "audit labels missing from locales/nl/: {missing:#?}");
    }
}
