//! The editor's one reducer: the document and every piece of UI state.
//!
//! Architecture rules (ui):
//! - ONE reducer (`use_reducer::<State>`) holds the document and the UI
//!   state; components read it through props or the [`Ctx`] context and
//!   change it only by dispatching an [`Action`].
//! - The document is shared, not copied: [`Doc`] is an `Rc<RefCell<Notice>>`
//!   plus a version number. Every change is a `core::edit::Command`, applied
//!   in place; it bumps the version; nothing clones the whole notice per
//!   keystroke. Components compare versions, not documents.
//! - State only: what a change does to the notice is `core::edit`'s, where
//!   fields and groups are is `core::layout`'s.
//! - Inputs show the model's raw strings exactly as typed (never reformatted
//!   under the caret); the preview shows them formatted by the core.
//! - A version that changed one field says which ([`Doc::edited`]): the
//!   checks re-run only the rules that read it (`core::check::Checker`) and
//!   the preview rewrites only the elements that show it
//!   (`core::render::update`). Anything else is checked and shown whole.
//! - The core (`crate::core`) is only called, never reimplemented here.

pub use super::doc::Doc;
use super::outside::{HostRef, PageRef};
use crate::core::check::describe;
use crate::core::check::{Checker, Finding, Mode, Severity};
use crate::core::display;
use crate::core::edit::{self, Command, Edited, List, ListOp, Removed};
use crate::core::field::FieldPath;
use crate::core::import::Imported;
use crate::core::lang::Lang;
use crate::core::layout::{field_label, removed_message};
use crate::core::layout::{Groups, HEADER};
use crate::core::model::Indexed;
use crate::core::model::{Notice, Status};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use yew::prelude::*;

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

    /// What an import found (`from`: the file's name; None for pasted
    /// text): a file thongbao exported opens as it was; anything else says
    /// what was recognised and what is left to review.
    pub fn imported(from: Option<&str>, imported: &Imported) -> Banner {
        let r = &imported.report;
        let (vi, en) = match from {
            Some(name) if r.exported => {
                (format!("Đã mở tệp “{name}”."), format!("Opened “{name}”."))
            }
            Some(name) => (format!("Đã đọc tệp “{name}”."), format!("Read “{name}”.")),
            None => (
                "Đã đọc văn bản dán vào.".into(),
                "Read the pasted text.".into(),
            ),
        };
        if r.exported {
            return Banner {
                vi,
                en,
                error: false,
            };
        }
        let more = |lang| r.lines(lang).join(" ");
        Banner {
            vi: format!("{vi} {} Hãy xem lại trước khi soạn tiếp.", more(Lang::Vi)),
            en: format!("{en} {} Review it before you go on.", more(Lang::En)),
            error: false,
        }
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

pub enum Action {
    /// Starts editing this notice (template, sample, imported file): a new
    /// notice of the library.
    Load {
        notice: Box<Notice>,
        message: Option<Banner>,
    },
    /// Opens the library's notice `id` as it was saved.
    Open {
        id: Rc<str>,
        notice: Box<Notice>,
        dirty: bool,
        message: Option<Banner>,
    },
    /// Restores a saved version of the library's notice `id`: it becomes
    /// the notice's current state (saved again at once).
    Restore {
        id: Rc<str>,
        notice: Box<Notice>,
        message: Banner,
    },
    /// Replaces the notice being edited with another tab's version of it
    /// (the same notice: its id stays).
    Theirs(Box<Notice>),
    /// The notice being edited got its id in the library (on its first
    /// save).
    Identified(Rc<str>),
    /// A change to the notice: typing, a block's kind, accepting or
    /// withdrawing a warning, a fix.
    Edit(Command),
    /// The field lost focus: show its messages from now on.
    Touch(FieldPath),
    /// A list operation from the form's group `group` (figures added there
    /// show there; figures move among those shown there).
    List {
        list: List,
        op: ListOp,
        group: String,
    },
    /// "Kiểm tra": show every finding and the summary.
    CheckAll,
    /// "Hoàn tất": check in final mode; with no errors, the notice becomes
    /// the copy for signing (trình ký: no draft mark, số and ngày may stay
    /// blank for the văn thư).
    Finalise,
    /// "Ban hành": check as issued (số and ngày required); with no errors,
    /// the notice is marked issued.
    Issue,
    Group(String),
    /// Go to the field: open its group, then focus it.
    Goto(FieldPath),
    /// The focus request was carried out.
    Focused,
    /// Move the focus to this element after the next render.
    FocusOn(String),
    /// Open or close the toolbar's "Thêm" menu (narrow screens).
    More(bool),
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
    /// The officer confirmed removing the figure they were asked about.
    RemoveFigure,
    /// …or kept it.
    KeepFigure,
    /// "Giữ bản của tôi": dismiss the other tab's save; autosave resumes.
    KeepMine,
    /// "Hoàn tác": the part, section or block just removed goes back.
    Undo,
    /// The "Hoàn tác" line goes (its time is up; with `true`, Esc on it:
    /// the focus goes to what took the removed item's place).
    Forget(bool),
}

/// What the prose fields' tokens show, shared; equal when it is the same.
#[derive(Clone)]
pub struct Links(pub Rc<display::Links>);

impl PartialEq for Links {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Findings by the field the officer is sent to (the first field of each).
pub type ByField = HashMap<FieldPath, Rc<[Finding]>>;

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
    /// What each token shows in the prose fields (figures formatted,
    /// citations, footnote numbers); made again when one of those changed.
    pub links: Links,
    /// The form's groups; they change with the notice's lists, titles and
    /// citations, not with most keystrokes.
    pub groups: Rc<Groups>,
    /// Fields that lost focus at least once.
    pub touched: Rc<HashSet<FieldPath>>,
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
    /// The toolbar's "Thêm" menu is open (narrow screens).
    pub more: bool,
    pub saved_at: Option<String>,
    /// Changed since it was last downloaded.
    pub dirty: bool,
    pub message: Option<Banner>,
    /// The last save to the browser's storage failed: keep telling the
    /// officer, and retry until a save succeeds.
    pub save_failed: bool,
    /// The "unsaved changes" dialog is open for this.
    pub pending: Option<Pending>,
    /// A figure in use the officer asked to remove: where it is used, to
    /// ask first.
    pub removing: Option<Rc<Removing>>,
    /// The part, section or block just removed, for "Hoàn tác"; gone with
    /// the next edit.
    pub undo: Option<Rc<Undo>>,
    /// Another tab saved the draft (its raw text); autosave pauses until the
    /// officer chooses which version to keep.
    pub conflict: Option<Rc<str>>,
    /// The start screen shows while a draft is open ("Tạo mới"): it can go
    /// back to it.
    pub can_resume: bool,
    /// The notice's id in the library; None until its first save.
    pub notice_id: Option<Rc<str>>,
    /// Unchanged since it was opened from storage: nothing to save.
    pub pristine: bool,
    /// Saves completed since the page opened.
    pub saves: u32,
}

impl State {
    pub fn new(screen: Screen, notice: Notice, lang: Lang) -> Self {
        // A copy for signing, or issued, is checked as what it is.
        let mode = notice.status.mode();
        let checker = Rc::new(RefCell::new(Checker::new(&notice, mode)));
        let mut s = State {
            screen,
            doc: Doc::new(notice),
            lang,
            mode,
            findings: Rc::default(),
            by_field: Rc::default(),
            checker,
            links: Links(Rc::default()),
            groups: Rc::default(),
            touched: Rc::default(),
            checked: false,
            summary: false,
            group: HEADER.into(),
            figure_groups: Rc::default(),
            focus: None,
            tab: Tab::Form,
            more: false,
            saved_at: None,
            dirty: false,
            message: None,
            save_failed: false,
            pending: None,
            removing: None,
            undo: None,
            conflict: None,
            can_resume: false,
            notice_id: None,
            pristine: false,
            saves: 0,
        };
        s.collect();
        s.regroup();
        s.relink();
        s
    }

    /// Works out what tokens show again, unless the last edit was typing
    /// in prose that renumbered no footnote (nothing a token shows changed).
    fn relink(&mut self) {
        let keep = matches!(self.doc.edited(), Some(path) if path.field.is_rich())
            && !self.doc.renumbers();
        if !keep {
            self.links = Links(Rc::new(display::Links::of(&self.doc.get())));
        }
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
        let mut by: HashMap<FieldPath, Vec<Finding>> = HashMap::new();
        for f in &findings {
            if let Some(path) = f.field() {
                by.entry(path.clone()).or_default().push(f.clone());
            }
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

    /// A list operation from the form's group `group`; None when it
    /// changed nothing.
    fn list(mut self, list: List, op: ListOp, group: String) -> Option<Self> {
        // Figures are shown by group: a move swaps with the
        // neighbour in the same group.
        let op = match op {
            ListOp::Move { id, delta, .. } if list == List::Figures => {
                let n = self.doc.get();
                let among = n
                    .figures
                    .iter()
                    .filter(|f| self.groups.figure_in(&f.id, &group))
                    .map(|f| f.id.clone())
                    .collect();
                ListOp::Move { id, delta, among }
            }
            op => op,
        };
        let moved = match &op {
            ListOp::Move { id, delta, .. } => Some(move_button_id(id, *delta)),
            _ => None,
        };
        let moved_id = match &op {
            ListOp::Move { id, .. } => Some(id.clone()),
            _ => None,
        };
        let was_at = self.groups.list.iter().position(|g| g.id == self.group);
        let doc = self.doc.apply(Command::List {
            list: list.clone(),
            op,
        })?;
        // Parts and sections are groups of the form (or in one): the form
        // follows the item added, moved, or the one that took a removed
        // item's place.
        let follow = match doc.change() {
            Edited::Whole {
                added: Some(id), ..
            }
            | Edited::Whole { next: Some(id), .. } => Some(id.clone()),
            _ => moved_id,
        };
        let structure = matches!(list, List::Parts | List::Sections(_));
        let focus = match (doc.change(), moved) {
            (_, Some(button)) => button,
            (
                Edited::Whole {
                    added: Some(id), ..
                },
                _,
            ) => {
                if list == List::Figures {
                    Rc::make_mut(&mut self.figure_groups).insert(id.clone(), group);
                }
                input_id(&list.first_field(&doc.get(), id))
            }
            (Edited::Whole { next: Some(id), .. }, _) => {
                input_id(&list.first_field(&doc.get(), id))
            }
            _ => format!("add-{}", list.key()),
        };
        let mut s = self.edited(doc);
        s.focus = Some(focus);
        if let (true, Some(id)) = (structure, follow) {
            let path = list.first_field(&s.doc.get(), &id);
            s.group = s.groups.group_of(&path);
        }
        if s.groups.info(&s.group).is_none() {
            // The group went with what was removed: the one now in its place.
            let at = was_at
                .unwrap_or(0)
                .min(s.groups.list.len().saturating_sub(1));
            s.group = s
                .groups
                .list
                .get(at)
                .map_or(HEADER.into(), |g| g.id.clone());
        }
        Some(s)
    }

    /// Errors, and warnings not yet accepted.
    pub fn counts(&self) -> (usize, usize) {
        crate::core::check::counts(&self.findings)
    }

    /// Whether the messages of `path` show.
    pub fn shows(&self, path: &FieldPath) -> bool {
        self.checked || self.touched.contains(path)
    }

    /// The notice changed to `doc`.
    fn edited(mut self, doc: Doc) -> Self {
        self.doc = doc;
        self.undo = None;
        self.dirty = true;
        self.pristine = false;
        self.recheck();
        self.regroup();
        self.relink();
        self
    }
}

/// The element id of the input for a field path.
pub fn input_id(path: &FieldPath) -> String {
    format!("f-{path}")
}

/// The element id of a field's message.
pub fn message_id(path: &FieldPath) -> String {
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
                let (save_failed, saves) = (s.save_failed, s.saves);
                s = State::new(Screen::Editor, *notice, lang);
                s.saved_at = saved;
                s.save_failed = save_failed;
                s.saves = saves;
                s.message = message;
            }
            Action::Open {
                id,
                notice,
                dirty,
                message,
            } => {
                let lang = s.lang;
                let (save_failed, saves) = (s.save_failed, s.saves);
                s = State::new(Screen::Editor, *notice, lang);
                s.save_failed = save_failed;
                s.saves = saves;
                s.message = message;
                s.notice_id = Some(id);
                s.dirty = dirty;
                s.pristine = true;
            }
            Action::Restore {
                id,
                notice,
                message,
            } => {
                let lang = s.lang;
                let (saved, save_failed, saves) = (s.saved_at.clone(), s.save_failed, s.saves);
                s = State::new(Screen::Editor, *notice, lang);
                s.saved_at = saved;
                s.save_failed = save_failed;
                s.saves = saves;
                s.message = Some(message);
                s.notice_id = Some(id);
                s.dirty = true;
            }
            Action::Theirs(notice) => {
                let (lang, id) = (s.lang, s.notice_id.clone());
                let (saved, save_failed, saves) = (s.saved_at.clone(), s.save_failed, s.saves);
                s = State::new(Screen::Editor, *notice, lang);
                s.saved_at = saved;
                s.saves = saves;
                s.save_failed = save_failed;
                s.notice_id = id;
                s.message = Some(Banner {
                    vi: "Đã tải bản nháp của thẻ kia.".into(),
                    en: "Loaded the other tab's draft.".into(),
                    error: false,
                });
            }
            Action::Identified(id) => {
                if s.notice_id.is_some() {
                    return self;
                }
                s.notice_id = Some(id);
            }
            Action::Edit(command) => {
                let focus = match &command {
                    Command::ApplyFix(fix) => Some(input_id(&fix.field)),
                    _ => None,
                };
                let cites = matches!(command, Command::CiteNew { .. });
                let Some(doc) = s.doc.apply(command) else {
                    return self;
                };
                // A document created where it is cited: on to its number.
                let created = match doc.change() {
                    Edited::Whole {
                        added: Some(id), ..
                    } if cites => Some(input_id(&crate::core::field::Field::RefNumber.of(id))),
                    _ => None,
                };
                s = s.edited(doc);
                s.focus = focus.or(created).or(s.focus);
            }
            Action::Touch(path) => {
                if s.touched.contains(&path) {
                    return self;
                }
                Rc::make_mut(&mut s.touched).insert(path);
            }
            Action::List {
                list: List::Figures,
                op: ListOp::Remove(id),
                group,
            } if s.removing.is_none() && !unused(&s.doc.get(), &id) => {
                let n = s.doc.get();
                let (relations, texts) = edit::uses(&n, &id);
                let lang = s.lang;
                let indexed = Indexed::new(&n);
                let removing = Removing {
                    figure: id.clone(),
                    group,
                    label: n.figure(&id).map_or(id.clone(), |f| f.label.clone()),
                    relations: relations
                        .iter()
                        .filter_map(|r| n.relations.iter().find(|x| x.id == *r))
                        .map(|r| describe(&indexed, r, lang))
                        .collect(),
                    texts: texts
                        .iter()
                        .map(|p| field_label(&n, p, &s.links.0, lang))
                        .collect(),
                };
                drop(n);
                s.removing = Some(Rc::new(removing));
            }
            // Removed at once, with "Hoàn tác" (what it takes is kept).
            Action::List {
                list:
                    list @ (List::Parts | List::Sections(_) | List::Blocks(_) | List::NoteBlocks(_)),
                op: ListOp::Remove(id),
                group,
            } => {
                let removed = edit::removal(&s.doc.get(), &list, &id);
                let undo = removed.map(|removed| Undo {
                    vi: removed_message(&removed, &s.links.0, Lang::Vi),
                    en: removed_message(&removed, &s.links.0, Lang::En),
                    removed,
                    then: None,
                });
                let Some(changed) = s.list(list, ListOp::Remove(id), group) else {
                    return self;
                };
                s = changed;
                if let Some(mut u) = undo {
                    u.then = s.focus.replace(super::undo::UNDO_BUTTON.into());
                    s.undo = Some(Rc::new(u));
                }
            }
            Action::Undo => {
                let Some(u) = s.undo.take() else {
                    return self;
                };
                let id = u.removed.item.id().to_string();
                let list = u.removed.list.clone();
                if let Some(doc) = s.doc.apply(Command::Restore(u.removed.clone())) {
                    s = s.edited(doc);
                    // Back where the officer was: its group, its ✕.
                    let path = list.first_field(&s.doc.get(), &id);
                    s.group = s.groups.group_of(&path);
                    s.focus = Some(format!("remove-{id}"));
                }
            }
            Action::Forget(refocus) => {
                let Some(u) = s.undo.take() else {
                    return self;
                };
                if refocus {
                    s.focus.clone_from(&u.then);
                }
            }
            Action::RemoveFigure => {
                let Some(r) = s.removing.take() else {
                    return self;
                };
                let op = ListOp::Remove(r.figure.clone());
                match s.list(List::Figures, op, r.group.clone()) {
                    Some(changed) => s = changed,
                    None => return self,
                }
            }
            Action::KeepFigure => {
                let Some(r) = s.removing.take() else {
                    return self;
                };
                s.focus = Some(format!("remove-{}", r.figure));
            }
            Action::List { list, op, group } => match s.list(list, op, group) {
                Some(changed) => s = changed,
                None => return self,
            },
            Action::CheckAll => {
                s.mode = Mode::Draft;
                s.recheck();
                s.checked = true;
                s.summary = true;
                s.focus = Some("error-summary".into());
            }
            Action::Finalise | Action::Issue => {
                let issue = matches!(action, Action::Issue);
                s.mode = if issue { Mode::Issued } else { Mode::Final };
                s.recheck();
                let (errors, _) = s.counts();
                if errors > 0 {
                    s.checked = true;
                    s.summary = true;
                    s.focus = Some("error-summary".into());
                } else {
                    let status = if issue {
                        Status::Issued
                    } else {
                        Status::Signing
                    };
                    if let Some(doc) = s.doc.apply(Command::SetStatus(status)) {
                        s = s.edited(doc);
                    }
                    s.summary = false;
                    let blank = {
                        let n = s.doc.get();
                        n.header.number.trim().is_empty() || n.header.day.trim().is_empty()
                    };
                    s.message = Some(if issue {
                        Banner {
                            vi: "Đã ban hành: thông báo đã có số và ngày ban hành. Hãy tải tệp để gửi các nơi nhận và lưu.".into(),
                            en: "Issued: the notice has its number and day of issue. Download the file to send to the recipients and to file.".into(),
                            error: false,
                        }
                    } else if blank {
                        Banner {
                            vi: "Đã hoàn tất bản trình ký: thông báo không còn lỗi, bản tải về không còn dấu “DỰ THẢO”. Số và ngày để trống để văn thư điền khi ban hành; khi đã có, điền vào rồi bấm “Ban hành”.".into(),
                            en: "The copy for signing is ready: no errors, and the downloaded copy has no “DRAFT” mark. The number and day stay blank for the registry to fill in on issue; once they are, fill them in and press “Issue”.".into(),
                            error: false,
                        }
                    } else {
                        Banner {
                            vi: "Đã hoàn tất bản trình ký: thông báo không còn lỗi, bản tải về không còn dấu “DỰ THẢO”. Số và ngày đã có: bấm “Ban hành” khi thông báo được ban hành.".into(),
                            en: "The copy for signing is ready: no errors, and the downloaded copy has no “DRAFT” mark. The number and day are filled in: press “Issue” when the notice is issued.".into(),
                            error: false,
                        }
                    });
                }
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
            Action::FocusOn(id) => s.focus = Some(id),
            Action::More(open) => {
                if s.more == open {
                    return self;
                }
                s.more = open;
            }
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
                s.saves += 1;
            }
            Action::SaveFailed => {
                if s.save_failed {
                    return self;
                }
                s.save_failed = true;
                s.message = Some(Banner {
                    vi: "Không lưu được bản nháp vào trình duyệt (bộ nhớ bị chặn hoặc đã đầy). Bạn vẫn soạn tiếp được, nhưng hãy bấm “Tải về” rồi “Bản lưu (.json)” để giữ bản nháp; trình soạn thảo sẽ tự thử lưu lại.".into(),
                    en: "The draft could not be saved in this browser (storage blocked or full). You can keep working, but press “Download” then “Saved file (.json)” to keep your draft; the editor keeps trying to save.".into(),
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
                s.pristine = false;
            }
            Action::Exported => s.dirty = false,
            Action::Message(m) => s.message = m,
            Action::CloseSummary => s.summary = false,
        }
        Rc::new(s)
    }
}

/// A figure the officer asked to remove while relations or texts use it.
#[derive(Clone, Debug, PartialEq)]
pub struct Removing {
    pub figure: String,
    /// The form's group it was asked from.
    pub group: String,
    pub label: String,
    /// The relations that read it, in words.
    pub relations: Vec<String>,
    /// The texts that cite it, by their labels.
    pub texts: Vec<String>,
}

/// What "Hoàn tác" puts back, and the status line that offers it.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub removed: Removed,
    /// "Đã xoá mục “Ưu điểm”." (`core::layout::removed_message`).
    pub vi: String,
    pub en: String,
    /// What the focus went to after the removal (before "Hoàn tác" took
    /// it): where Esc on "Hoàn tác" sends it.
    pub then: Option<String>,
}

/// Whether nothing uses figure `id` (it can go without asking).
fn unused(n: &Notice, id: &str) -> bool {
    let (relations, texts) = edit::uses(n, id);
    relations.is_empty() && texts.is_empty()
}

/// The id of an item's "move up" (-1) or "move down" (+1) button.
pub fn move_button_id(item: &str, delta: isize) -> String {
    if delta < 0 {
        format!("up-{item}")
    } else {
        format!("down-{item}")
    }
}

/// What every component can reach without props: the dispatcher and the
/// language.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub dispatch: UseReducerDispatcher<State>,
    pub lang: Lang,
    /// The page's services (storage, downloads, files, clock).
    pub page: PageRef,
    /// The embedder (custom element or parent window); None on the page.
    pub host: Option<HostRef>,
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
