//! The group picker of the pages (`templates/group_options.html`): the groups
//! a user may see, under the name of their school when they are of more than
//! one school, and the label that names a group with its school in headings.

use aantoonbaar_store::{BoardStore, Group, Scope, StoreError};

/// The groups of one school, in the store's order.
pub struct SchoolGroups {
    pub school: String,
    pub groups: Vec<Group>,
}

/// The groups a user may pick, per school in the order of the schools' names.
pub struct GroupPicker {
    pub schools: Vec<SchoolGroups>,
}

impl GroupPicker {
    /// The groups and schools within `scope` (the user's `GroupView` scope).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn read(board: BoardStore<'_>, scope: &Scope) -> Result<Self, StoreError> {
        let mut groups = board.groups(scope, None).await?;
        let schools = board
            .schools(scope)
            .await?
            .into_iter()
            .map(|school| SchoolGroups {
                groups: groups.extract_if(.., |g| g.school_id == school.id).collect(),
                school: school.name,
            })
            .filter(|school| !school.groups.is_empty())
            .collect();
        Ok(Self { schools })
    }

    /// No groups at all (a user without the right to see groups).
    #[must_use]
    pub const fn empty() -> Self {
        Self { schools: Vec::new() }
    }

    /// Whether the options are shown under the names of their schools.
    #[must_use]
    pub const fn several_schools(&self) -> bool {
        self.schools.len() > 1
    }

    /// The group with `id`, or else the first group.
    #[must_use]
    pub fn chosen(&self, id: &str) -> Option<&Group> {
        self.find(id).or_else(|| self.schools.iter().flat_map(|s| &s.groups).next())
    }

    /// The group with `id`.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<&Group> {
        self.schools.iter().flat_map(|s| &s.groups).find(|g| g.id == id)
    }

    /// "Groep 3, OBS De Linde": a group named with its school.
    #[must_use]
    pub fn label(&self, group: &Group) -> String {
        match self.schools.iter().find(|s| s.groups.iter().any(|g| g.id == group.id)) {
            Some(school) => format!("{}, {}", group.name, school.school),
            None => group.name.clone(),
        }
    }

    /// A page's title with the group and its school: "Toestemming · Groep 3, OBS De Linde".
    #[must_use]
    pub fn title(&self, page: &str, group: Option<&Group>) -> String {
        match group {
            Some(group) => format!("{page} · {}", self.label(group)),
            None => page.to_owned(),
        }
    }

    /// How a pupil list names the group with `id`: with its school only when
    /// the user sees groups of several schools.
    #[must_use]
    pub fn column(&self, id: &str) -> String {
        match self.find(id) {
            Some(group) if self.several_schools() => self.label(group),
            Some(group) => group.name.clone(),
            None => String::new(),
        }
    }
}
