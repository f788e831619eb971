//! The notice being edited, shared by the reducer and every component: one
//! `Rc<RefCell<Notice>>` and a version number. A command changes it in
//! place (`core::edit`) and the next version says what changed, so the
//! checks, the preview and the groups do only what that change needs.

use crate::core::edit::{self, Command, Edited};
use crate::core::field::FieldPath;
use crate::core::model::Notice;
use std::cell::{Ref, RefCell};
use std::rc::Rc;

/// The notice being edited, shared by every component. Equality is the
/// version: a component re-renders when the document changed, and reads
/// only what it shows.
#[derive(Clone)]
pub struct Doc {
    cell: Rc<RefCell<Notice>>,
    version: u64,
    /// What this version changed from the version before.
    edited: Rc<Edited>,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cell, &other.cell) && self.version == other.version
    }
}

impl Doc {
    pub fn new(notice: Notice) -> Self {
        Doc {
            cell: Rc::new(RefCell::new(notice)),
            version: 0,
            edited: Rc::new(Edited::Whole {
                added: None,
                next: None,
            }),
        }
    }

    /// The field this version changed, when it changed only that field
    /// since the version before.
    pub fn edited(&self) -> Option<&FieldPath> {
        self.edited.field()
    }

    /// Whether both are versions of the same notice (one `Load`).
    pub fn same(&self, other: &Doc) -> bool {
        Rc::ptr_eq(&self.cell, &other.cell)
    }

    pub fn get(&self) -> Ref<'_, Notice> {
        self.cell.borrow()
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// The same notice under a new version (to make the autosave run again).
    pub(super) fn touched(&self) -> Doc {
        Doc {
            cell: self.cell.clone(),
            version: self.version + 1,
            edited: Rc::new(Edited::Nothing),
        }
    }

    /// Applies a change; None when it changed nothing.
    pub(super) fn apply(&self, command: Command) -> Option<Doc> {
        let edited = edit::apply(&mut self.cell.borrow_mut(), command);
        edited.changed().then(|| Doc {
            cell: self.cell.clone(),
            version: self.version + 1,
            edited: Rc::new(edited),
        })
    }

    /// What this version changed.
    pub fn change(&self) -> &Edited {
        &self.edited
    }

    /// Whether this version's edit changed what the field cites (or the
    /// version is not one field's edit).
    pub fn recites(&self) -> bool {
        !matches!(*self.edited, Edited::Field { recites: false, .. })
    }

    /// Whether this version's edit added, removed or reordered footnote
    /// markers (the notes may be numbered differently).
    pub fn renumbers(&self) -> bool {
        !matches!(
            *self.edited,
            Edited::Field {
                renumbers: false,
                ..
            }
        )
    }
}
