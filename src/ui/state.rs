//! The editor's one reducer: the document and every piece of UI state.
//!
//! Architecture rules (ui):
//! - ONE reducer (`use_reducer::<State>`) holds the document and the UI
//!   state; components read it through props or the [`Ctx`] context and
//!   change it only by dispatching an [`Action`].
//! - The document is shared, not copied: [`Doc`] is an `Rc<RefCell<Notice>>`
//!   plus a version number. An edit writes the one field it changes in place
//!   (through `core::field`) and bumps the version; nothing clones the whole
//!   notice per keystroke. Components compare versions, not documents.
//! - Inputs show the model's raw strings exactly as typed (never reformatted
//!   under the caret); the preview shows them formatted by the core.
//! - A version that changed one field says which ([`Doc::edited`]): the
//!   checks re-run only the rules that read it (`core::check::Checker`) and
//!   the preview rewrites only the elements that show it
//!   (`core::render::update`). Anything else is checked and shown whole.
//! - The core (`crate::core`) is only called, never reimplemented here.

use super::groups::Groups;
use crate::core::check::{Checker, Finding, Mode, Severity};
use crate::core::field;
use crate::core::lang::Lang;
use crate::core::model::{Acceptance, Block, BlockKind, DocRef, Figure, Line, Notice, Status};
use crate::core::text::{self, Inline};
use std::cell::{Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use yew::prelude::*;

/// The notice being edited, shared by every component. Equality is the
/// version: a component re-renders when the document changed, and reads
/// only what it shows.
#[derive(Clone)]
pub struct Doc {
    cell: Rc<RefCell<Notice>>,
    version: u64,
    /// The one field this version changed from the version before, when
    /// that is all that changed.
    edited: Option<Rc<str>>,
    /// The edit changed what the field cites (figures, footnotes)…
    recites: bool,
    /// …and of that, its footnote markers.
    renumbers: bool,
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
            edited: None,
            recites: true,
            renumbers: true,
        }
    }

    /// The field this version changed, when it changed only that field
    /// since the version before.
    pub fn edited(&self) -> Option<&str> {
        self.edited.as_deref()
    }

    pub fn get(&self) -> Ref<'_, Notice> {
        self.cell.borrow()
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// The same notice under a new version (to make the autosave run again).
    fn touched(&self) -> Doc {
        self.edit(|_| ()).0
    }

    /// Changes the notice in place and returns the next version.
    fn edit<R>(&self, f: impl FnOnce(&mut Notice) -> R) -> (Doc, R) {
        let r = f(&mut self.cell.borrow_mut());
        (
            Doc {
                cell: self.cell.clone(),
                version: self.version + 1,
                edited: None,
                recites: true,
                renumbers: true,
            },
            r,
        )
    }

    /// Sets the field at `path`; None when there is no such field.
    fn set(&self, path: &str, value: String) -> Option<Doc> {
        // What the field cites, before and after: (is a footnote, id).
        let cites = |n: &Notice| -> Vec<(bool, String)> {
            let text = field::get(n, path).unwrap_or("");
            text::citations(text)
                .into_iter()
                .filter_map(|c| match c {
                    Inline::Note(id) => Some((true, id.to_string())),
                    Inline::Figure(id) => Some((false, id.to_string())),
                    _ => None,
                })
                .collect()
        };
        let (mut doc, (ok, before, after)) = self.edit(|n| {
            let before = cites(n);
            let ok = field::set(n, path, value);
            (ok, before, cites(n))
        });
        let notes = |c: &[(bool, String)]| c.iter().filter(|c| c.0).cloned().collect::<Vec<_>>();
        doc.edited = Some(Rc::from(path));
        doc.recites = before != after;
        doc.renumbers = notes(&before) != notes(&after);
        ok.then_some(doc)
    }

    /// Whether this version's edit changed what the field cites (or the
    /// version is not one field's edit).
    pub fn recites(&self) -> bool {
        self.edited.is_none() || self.recites
    }

    /// Whether this version's edit added, removed or reordered footnote
    /// markers (the notes may be numbered differently).
    pub fn renumbers(&self) -> bool {
        self.edited.is_none() || self.renumbers
    }
}

/// Which screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// No draft yet: new from the template, the sample, or a file.
    Start,
    Editor,
}

/// On a narrow screen, the form and the preview are tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Form,
    Preview,
}

/// A message shown in the banner at the top (import errors, storage
/// trouble, "finalised").
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub vi: String,
    pub en: String,
    pub error: bool,
}

impl Banner {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// What waits for the officer's answer in the "unsaved changes" dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// "Tạo mới": back to the start screen to choose a new notice.
    New,
    /// "Mở tệp": the file picker.
    Open,
}

/// The lists the editor can add to, remove from and reorder.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ListId {
    /// The blocks of a section (by section id).
    Blocks(String),
    /// The blocks of a footnote (by footnote id).
    NoteBlocks(String),
    References,
    /// The figures; added figures are shown in the group they were added in.
    Figures,
    Recipients,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ListOp {
    /// Adds a new item after the item with this id (at the end when None).
    Add {
        after: Option<String>,
    },
    Remove(String),
    /// Moves the item one place up (-1) or down (+1).
    Move(String, isize),
}

pub enum Action {
    /// Starts editing this notice (template, sample, imported file, draft).
    Load {
        notice: Box<Notice>,
        message: Option<Banner>,
    },
    /// The officer typed into the field at `path`.
    Edit {
        path: String,
        value: String,
    },
    /// The field at `path` lost focus: show its messages from now on.
    Touch(String),
    SetKind {
        block: String,
        kind: BlockKind,
    },
    List {
        list: ListId,
        op: ListOp,
        group: String,
    },
    /// "Kiểm tra": show every finding and the summary.
    CheckAll,
    /// "Hoàn tất": check in final mode; mark final when nothing blocks.
    Finalise,
    ApplyFix {
        field: String,
        value: String,
    },
    Accept {
        rule: String,
        field: String,
        reason: String,
    },
    Unaccept {
        rule: String,
        field: String,
    },
    Group(String),
    /// Go to the field: open its group, then focus it.
    Goto(String),
    /// The focus request was carried out.
    Focused,
    Tab(Tab),
    Lang(Lang),
    Saved(String),
    /// The JSON or HTML was downloaded: nothing is unsaved any more.
    Exported,
    Message(Option<Banner>),
    CloseSummary,
    /// Saving the draft in the browser failed (storage blocked or full).
    SaveFailed,
    /// Ask before replacing a draft with unsaved changes.
    Ask(Pending),
    /// The dialog was answered or cancelled.
    CloseAsk,
    /// Back to the start screen (the draft stays until something replaces it).
    Home,
    /// From the start screen back to the draft being edited.
    Resume,
    /// Another tab saved the draft (its raw text): ask before overwriting.
    OtherTab(String),
    /// "Giữ bản của tôi": dismiss the other tab's save; autosave resumes.
    KeepMine,
}

/// Findings by the field the officer is sent to (the first field of each).
pub type ByField = HashMap<String, Rc<[Finding]>>;

#[derive(Clone, PartialEq)]
pub struct State {
    pub screen: Screen,
    pub doc: Doc,
    pub lang: Lang,
    /// The mode findings are computed in: draft until "Hoàn tất" was asked.
    pub mode: Mode,
    pub findings: Rc<Vec<Finding>>,
    pub by_field: Rc<ByField>,
    /// The findings per pass, kept between edits (see `Checker`).
    checker: Rc<RefCell<Checker>>,
    /// The form's groups; they change with the notice's lists, titles and
    /// citations, not with most keystrokes.
    pub groups: Rc<Groups>,
    /// Fields that lost focus at least once.
    pub touched: Rc<HashSet<String>>,
    /// "Kiểm tra" (or a blocked finalise) was pressed: show every message.
    pub checked: bool,
    pub summary: bool,
    /// The group shown in the form.
    pub group: String,
    /// Added figures (not yet cited anywhere) and the group they belong to.
    pub figure_groups: Rc<HashMap<String, String>>,
    /// An element id to focus after the next render.
    pub focus: Option<String>,
    pub tab: Tab,
    pub saved_at: Option<String>,
    /// Changed since it was last downloaded.
    pub dirty: bool,
    pub message: Option<Banner>,
    /// The last save to the browser's storage failed: keep telling the
    /// officer, and retry until a save succeeds.
    pub save_failed: bool,
    /// The "unsaved changes" dialog is open for this.
    pub pending: Option<Pending>,
    /// Another tab saved the draft (its raw text); autosave pauses until the
    /// officer chooses which version to keep.
    pub conflict: Option<Rc<str>>,
    /// The start screen shows while a draft is open ("Tạo mới"): it can go
    /// back to it.
    pub can_resume: bool,
}

impl State {
    pub fn new(screen: Screen, notice: Notice, lang: Lang) -> Self {
        let checker = Rc::new(RefCell::new(Checker::new(&notice, Mode::Draft)));
        let mut s = State {
            screen,
            doc: Doc::new(notice),
            lang,
            mode: Mode::Draft,
            findings: Rc::default(),
            by_field: Rc::default(),
            checker,
            groups: Rc::default(),
            touched: Rc::default(),
            checked: false,
            summary: false,
            group: "header".into(),
            figure_groups: Rc::default(),
            focus: None,
            tab: Tab::Form,
            saved_at: None,
            dirty: false,
            message: None,
            save_failed: false,
            pending: None,
            conflict: None,
            can_resume: false,
        };
        s.collect();
        s.regroup();
        s
    }

    /// Checks the notice again: only what the last edit can have changed
    /// when the document says which field that was.
    fn recheck(&mut self) {
        let again = {
            let doc = self.doc.get();
            let mut c = self.checker.borrow_mut();
            match self.doc.edited() {
                Some(path) if c.mode() == self.mode => c.edited(&doc, path),
                _ => {
                    *c = Checker::new(&doc, self.mode);
                    true
                }
            }
        };
        if again {
            self.collect();
        }
    }

    /// The checker's findings, and the same by field.
    fn collect(&mut self) {
        let findings = self.checker.borrow().findings(&self.doc.get());
        let mut by: HashMap<String, Vec<Finding>> = HashMap::new();
        for f in &findings {
            by.entry(f.field().to_string()).or_default().push(f.clone());
        }
        self.findings = Rc::new(findings);
        self.by_field = Rc::new(by.into_iter().map(|(k, v)| (k, Rc::from(v))).collect());
    }

    /// Works the groups out again unless the last edit was to a field that
    /// cannot move anything between groups.
    fn regroup(&mut self) {
        let keep = match self.doc.edited() {
            Some(path) => {
                !self.groups.list.is_empty() && !Groups::moved_by(path, self.doc.recites())
            }
            None => false,
        };
        if !keep {
            self.groups = Rc::new(Groups::of(&self.doc.get(), &self.figure_groups));
        }
    }

    /// Errors, and warnings not yet accepted.
    pub fn counts(&self) -> (usize, usize) {
        crate::core::check::counts(&self.findings)
    }

    /// Whether the messages of `path` show.
    pub fn shows(&self, path: &str) -> bool {
        self.checked || self.touched.contains(path)
    }

    /// The notice changed to `doc`.
    fn edited(mut self, doc: Doc) -> Self {
        self.doc = doc;
        self.dirty = true;
        self.recheck();
        self.regroup();
        self
    }
}

/// The element id of the input for a field path.
pub fn input_id(path: &str) -> String {
    format!("f-{path}")
}

/// The element id of a field's message.
pub fn message_id(path: &str) -> String {
    format!("m-{path}")
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Load { notice, message } => {
                let lang = s.lang;
                let saved = s.saved_at.clone();
                let save_failed = s.save_failed;
                s = State::new(Screen::Editor, *notice, lang);
                s.saved_at = saved;
                s.save_failed = save_failed;
                s.message = message;
            }
            Action::Edit { path, value } => {
                let Some(doc) = s.doc.set(&path, value) else {
                    return self;
                };
                s = s.edited(doc);
            }
            Action::Touch(path) => {
                if s.touched.contains(&path) {
                    return self;
                }
                Rc::make_mut(&mut s.touched).insert(path);
            }
            Action::SetKind { block, kind } => {
                let (doc, ok) = s.doc.edit(|n| match find_block(n, &block) {
                    Some(b) => {
                        b.kind = kind;
                        true
                    }
                    None => false,
                });
                if !ok {
                    return self;
                }
                s = s.edited(doc);
            }
            Action::List { list, op, group } => {
                let mut added = None;
                // Figures are shown by group: a move swaps with the
                // neighbour in the same group.
                let visible: Option<HashSet<String>> = (list == ListId::Figures).then(|| {
                    let n = s.doc.get();
                    let groups = &s.groups;
                    n.figures
                        .iter()
                        .filter(|f| groups.figure_in(&f.id, &group))
                        .map(|f| f.id.clone())
                        .collect()
                });
                let (doc, focus) = s
                    .doc
                    .edit(|n| apply_list(n, &list, &op, visible.as_ref(), &mut added));
                if let (ListId::Figures, Some(id)) = (&list, &added) {
                    Rc::make_mut(&mut s.figure_groups).insert(id.clone(), group);
                }
                s = s.edited(doc);
                s.focus = focus;
            }
            Action::CheckAll => {
                s.mode = Mode::Draft;
                s.recheck();
                s.checked = true;
                s.summary = true;
                s.focus = Some("error-summary".into());
            }
            Action::Finalise => {
                s.mode = Mode::Final;
                s.recheck();
                let (errors, _) = s.counts();
                if errors > 0 {
                    s.checked = true;
                    s.summary = true;
                    s.focus = Some("error-summary".into());
                } else {
                    let (doc, ()) = s.doc.edit(|n| n.status = Status::Final);
                    s = s.edited(doc);
                    s.summary = false;
                    s.message = Some(Banner {
                        vi: "Đã hoàn tất: thông báo không còn lỗi và không còn dấu “DỰ THẢO”. Hãy tải tệp HTML để trình ký.".into(),
                        en: "Finalised: the notice has no errors and no “DRAFT” mark any more. Download the HTML file for signing.".into(),
                        error: false,
                    });
                }
            }
            Action::ApplyFix { field: path, value } => {
                let Some(doc) = s.doc.set(&path, value) else {
                    return self;
                };
                s = s.edited(doc);
                s.focus = Some(input_id(&path));
            }
            Action::Accept {
                rule,
                field,
                reason,
            } => {
                let (doc, ()) = s.doc.edit(|n| {
                    n.accepted.retain(|a| !(a.rule == rule && a.field == field));
                    n.accepted.push(Acceptance {
                        rule,
                        field,
                        reason,
                    });
                });
                s = s.edited(doc);
            }
            Action::Unaccept { rule, field } => {
                let (doc, ()) = s
                    .doc
                    .edit(|n| n.accepted.retain(|a| !(a.rule == rule && a.field == field)));
                s = s.edited(doc);
            }
            Action::Group(g) => {
                s.group = g;
                s.tab = Tab::Form;
                s.focus = Some("group-heading".into());
            }
            Action::Goto(path) => {
                s.group = s.groups.group_of(&path);
                s.tab = Tab::Form;
                s.focus = Some(input_id(&path));
            }
            Action::Focused => {
                if s.focus.is_none() {
                    return self;
                }
                s.focus = None;
            }
            Action::Tab(t) => s.tab = t,
            Action::Lang(l) => s.lang = l,
            Action::Saved(at) => {
                if s.save_failed {
                    s.save_failed = false;
                    s.message = Some(Banner {
                        vi: format!("Đã lưu được bản nháp vào trình duyệt lúc {at}: bản lưu đã cập nhật đủ mọi thay đổi."),
                        en: format!("The draft was saved in this browser at {at}: the saved copy has every change again."),
                        error: false,
                    });
                }
                s.saved_at = Some(at);
            }
            Action::SaveFailed => {
                if s.save_failed {
                    return self;
                }
                s.save_failed = true;
                s.message = Some(Banner {
                    vi: "Không lưu được bản nháp vào trình duyệt (bộ nhớ bị chặn hoặc đã đầy). Bạn vẫn soạn tiếp được, nhưng hãy bấm “Tải JSON” để giữ bản nháp; trình soạn thảo sẽ tự thử lưu lại.".into(),
                    en: "The draft could not be saved in this browser (storage blocked or full). You can keep working, but press “Download JSON” to keep your draft; the editor keeps trying to save.".into(),
                    error: true,
                });
            }
            Action::Ask(p) => s.pending = Some(p),
            Action::CloseAsk => {
                if s.pending.is_none() {
                    return self;
                }
                s.pending = None;
            }
            Action::Home => {
                s.pending = None;
                s.screen = Screen::Start;
                s.can_resume = true;
                s.message = None;
            }
            Action::Resume => {
                s.screen = Screen::Editor;
                s.can_resume = false;
            }
            Action::OtherTab(text) => {
                if (s.screen != Screen::Editor && !s.can_resume)
                    || text == crate::core::json::to_json(&s.doc.get())
                {
                    return self;
                }
                s.conflict = Some(Rc::from(text));
            }
            Action::KeepMine => {
                s.conflict = None;
                // Save now, so the other tab learns of this choice.
                s.doc = s.doc.touched();
            }
            Action::Exported => s.dirty = false,
            Action::Message(m) => s.message = m,
            Action::CloseSummary => s.summary = false,
        }
        Rc::new(s)
    }
}

fn find_block<'a>(n: &'a mut Notice, id: &str) -> Option<&'a mut Block> {
    let body = n
        .parts
        .iter_mut()
        .flat_map(|p| p.sections.iter_mut())
        .flat_map(|s| s.blocks.iter_mut());
    let notes = n.footnotes.iter_mut().flat_map(|f| f.blocks.iter_mut());
    body.chain(notes).find(|b| b.id == id)
}

/// An item of an editable list.
trait Item {
    fn id(&self) -> &str;
    fn fresh(id: String) -> Self;
}

impl Item for Block {
    fn id(&self) -> &str {
        &self.id
    }
    fn fresh(id: String) -> Self {
        Block {
            id,
            kind: BlockKind::Dash,
            ..Block::default()
        }
    }
}

impl Item for DocRef {
    fn id(&self) -> &str {
        &self.id
    }
    fn fresh(id: String) -> Self {
        DocRef {
            id,
            kind: "Công văn".into(),
            with_so: true,
            ..DocRef::default()
        }
    }
}

impl Item for Figure {
    fn id(&self) -> &str {
        &self.id
    }
    fn fresh(id: String) -> Self {
        Figure {
            id,
            ..Figure::default()
        }
    }
}

impl Item for Line {
    fn id(&self) -> &str {
        &self.id
    }
    fn fresh(id: String) -> Self {
        Line {
            id,
            text: String::new(),
        }
    }
}

/// Every id in use, so a new item's id is unique across the notice (paths
/// such as `block/ID/text` must name one field).
fn used_ids(n: &Notice) -> HashSet<String> {
    let mut ids: HashSet<String> = HashSet::new();
    ids.extend(field::blocks(n).map(|b| b.id.clone()));
    ids.extend(n.references.iter().map(|r| r.id.clone()));
    ids.extend(n.figures.iter().map(|f| f.id.clone()));
    ids.extend(n.recipients.iter().map(|r| r.id.clone()));
    ids
}

fn new_id(n: &Notice, prefix: &str) -> String {
    let used = used_ids(n);
    (1..)
        .map(|i| format!("{prefix}.new{i}"))
        .find(|id| !used.contains(id))
        .unwrap_or_default()
}

/// Applies a list operation; returns the element id to focus afterwards.
fn apply_list(
    n: &mut Notice,
    list: &ListId,
    op: &ListOp,
    visible: Option<&HashSet<String>>,
    added: &mut Option<String>,
) -> Option<String> {
    let (prefix, text_path): (String, fn(&str) -> String) = match list {
        ListId::Blocks(s) => (s.clone(), |id| format!("block/{id}/text")),
        ListId::NoteBlocks(f) => (f.clone(), |id| format!("block/{id}/text")),
        ListId::References => ("ref".into(), |id| format!("ref/{id}/kind")),
        ListId::Figures => ("fig".into(), |id| format!("fig/{id}/label")),
        ListId::Recipients => ("r".into(), |id| format!("recipient/{id}")),
    };
    let id = new_id(n, &prefix);
    let done = match list {
        ListId::Blocks(sid) => n
            .parts
            .iter_mut()
            .flat_map(|p| p.sections.iter_mut())
            .find(|s| &s.id == sid)
            .map(|s| list_op(&mut s.blocks, op, &id, None)),
        ListId::NoteBlocks(fid) => n
            .footnotes
            .iter_mut()
            .find(|f| &f.id == fid)
            .map(|f| list_op(&mut f.blocks, op, &id, None)),
        ListId::References => Some(list_op(&mut n.references, op, &id, None)),
        ListId::Figures => Some(list_op(&mut n.figures, op, &id, visible)),
        ListId::Recipients => Some(list_op(&mut n.recipients, op, &id, None)),
    };
    match (op, done.flatten()) {
        (ListOp::Add { .. }, Some(_)) => {
            *added = Some(id.clone());
            Some(input_id(&text_path(&id)))
        }
        (ListOp::Move(moved, delta), Some(_)) => Some(move_button_id(moved, *delta)),
        (ListOp::Remove(_), Some(Some(next))) => Some(input_id(&text_path(&next))),
        (ListOp::Remove(_), _) => Some(format!("add-{}", list_key(list))),
        _ => None,
    }
}

/// A list's stable name, for element ids.
pub fn list_key(list: &ListId) -> String {
    match list {
        ListId::Blocks(s) => format!("blocks-{s}"),
        ListId::NoteBlocks(f) => format!("note-{f}"),
        ListId::References => "refs".into(),
        ListId::Figures => "figures".into(),
        ListId::Recipients => "recipients".into(),
    }
}

/// The id of an item's "move up" (-1) or "move down" (+1) button.
pub fn move_button_id(item: &str, delta: isize) -> String {
    if delta < 0 {
        format!("up-{item}")
    } else {
        format!("down-{item}")
    }
}

/// Returns Some when the list changed, with (for a removal) the id of the
/// item that took the removed one's place.
/// `visible`: the items shown together (a move skips the others).
fn list_op<T: Item>(
    items: &mut Vec<T>,
    op: &ListOp,
    new_id: &str,
    visible: Option<&HashSet<String>>,
) -> Option<Option<String>> {
    match op {
        ListOp::Add { after } => {
            let at = after
                .as_ref()
                .and_then(|a| items.iter().position(|i| i.id() == a))
                .map_or(items.len(), |p| p + 1);
            items.insert(at, T::fresh(new_id.to_string()));
            Some(None)
        }
        ListOp::Remove(id) => {
            let at = items.iter().position(|i| i.id() == id)?;
            items.remove(at);
            let next = items
                .get(at)
                .or_else(|| at.checked_sub(1).and_then(|p| items.get(p)))
                .map(|i| i.id().to_string());
            Some(next)
        }
        ListOp::Move(id, delta) => {
            let at = items.iter().position(|i| i.id() == id)?;
            let shown = |i: &T| visible.is_none_or(|v| v.contains(i.id()));
            let to = if *delta < 0 {
                items[..at].iter().rposition(shown)?
            } else {
                at + 1 + items[at + 1..].iter().position(shown)?
            };
            items.swap(at, to);
            Some(None)
        }
    }
}

/// What every component can reach without props: the dispatcher and the
/// language.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub dispatch: UseReducerDispatcher<State>,
    pub lang: Lang,
    /// The embedder (custom element or parent window); None on the page.
    pub host: Option<crate::web::embed::Host>,
    /// Show the notice without changing it.
    pub readonly: bool,
}

impl Ctx {
    /// The text for the current language.
    pub fn t<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(vi, en)
    }
}

/// Severity as a word, for class names.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
