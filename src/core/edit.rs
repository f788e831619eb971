//! Every change to a notice: a [`Command`] applied by [`apply`], which says
//! what changed ([`Edited`]).
//!
//! The editor, the host page's API and the tests change a notice only
//! through here, so what a change does (a new item's id and defaults, where
//! a removed item's neighbour is, what a set field now cites) is decided once
//! and tested natively. [`Edited`] is what the incremental checker
//! (`check::Checker::edited`), the preview's patch (`render::update`) and
//! the form's groups (`layout::Groups::moved_by`) read to do only the work
//! one change needs.

use crate::core::check::Fix;
use crate::core::field::{self, Field, FieldPath};
use crate::core::model::{
    Acceptance, Block, BlockKind, DocRef, Figure, FigureKind, Footnote, Line, Notice, Part,
    Section, Status,
};
use crate::core::nfc::{nfc, normalise_notice};
use crate::core::relation::{Relation, RelationKind, Source};
use crate::core::text::{self, Inline};
use std::borrow::Cow;
use std::collections::HashSet;

/// The lists of a notice that items can be added to, removed from and
/// moved within.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum List {
    /// The blocks of a section (by section id).
    Blocks(String),
    /// The blocks of a footnote (by footnote id).
    NoteBlocks(String),
    References,
    Figures,
    Recipients,
    /// The body's parts (I, II, III …).
    Parts,
    /// The sections of a part (by part id).
    Sections(String),
    /// The footnotes (their texts; markers are placed in the texts).
    Footnotes,
}

impl List {
    /// The field of an item of this list that an officer fills in first
    /// (a footnote's: its first block's text, when it has one).
    pub fn first_field(&self, n: &Notice, id: &str) -> FieldPath {
        match self {
            List::Blocks(_) | List::NoteBlocks(_) => Field::BlockText.of(id),
            List::References => Field::RefKind.of(id),
            List::Figures => Field::FigLabel.of(id),
            List::Recipients => Field::Recipient.of(id),
            List::Parts => Field::PartTitle.of(id),
            List::Sections(_) => Field::SectionTitle.of(id),
            List::Footnotes => {
                let first = n.footnote(id).and_then(|f| f.blocks.first());
                Field::BlockText.of(first.map_or(id, |b| b.id.as_str()))
            }
        }
    }

    /// The list's stable name (`blocks-s1`, `figures`), for element ids.
    pub fn key(&self) -> String {
        match self {
            List::Blocks(s) => format!("blocks-{s}"),
            List::NoteBlocks(f) => format!("note-{f}"),
            List::References => "refs".into(),
            List::Figures => "figures".into(),
            List::Recipients => "recipients".into(),
            List::Parts => "parts".into(),
            List::Sections(p) => format!("sections-{p}"),
            List::Footnotes => "notes".into(),
        }
    }

    /// The prefix of a new item's id.
    fn prefix(&self) -> &str {
        match self {
            List::Blocks(id) | List::NoteBlocks(id) => id,
            List::References => "ref",
            List::Figures => "fig",
            List::Recipients => "r",
            List::Parts => "p",
            List::Sections(id) => id,
            List::Footnotes => "fn",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ListOp {
    /// A new item after the item with this id (at the end when None).
    Add {
        after: Option<String>,
    },
    Remove(String),
    /// One place up (`delta` < 0) or down, skipping items not in `among`
    /// (the items shown together; empty: all).
    Move {
        id: String,
        delta: isize,
        among: Vec<String>,
    },
}

/// Every change an officer or a host page can make to a notice.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Type into a field.
    Set {
        path: FieldPath,
        value: String,
    },
    /// A block becomes a paragraph, a bullet or a list of documents.
    SetKind {
        block: String,
        kind: BlockKind,
    },
    List {
        list: List,
        op: ListOp,
    },
    /// Accept a warning, with the officer's reason (kept in the notice).
    Accept {
        rule: String,
        field: String,
        reason: String,
    },
    /// Withdraw an accepted warning.
    Withdraw {
        rule: String,
        field: String,
    },
    /// A finding's suggested fix.
    ApplyFix(Fix),
    /// What a figure is: a count, an amount, a rate, n/N, a percentage.
    SetFigureKind {
        figure: String,
        kind: FigureKind,
    },
    /// A relation between figures (a new id is given when `id` is blank). A
    /// "trong đó" over a whole that already has one gains the new part
    /// instead (one relation: the parts together are at most the whole).
    AddRelation(Relation),
    RemoveRelation(String),
    /// The officer confirms a relation recognised in the text: it becomes
    /// their own.
    ConfirmRelation(String),
    SetStatus(Status),
    /// A new document of this kind ("Kế hoạch"), cited at once by the field
    /// that chooses a document (the opening's plan and schedule): the
    /// officer creates it where it is used.
    CiteNew {
        path: FieldPath,
        kind: String,
    },
    /// A new footnote `id` whose text is one paragraph (the picker creates
    /// it, then cites it with `{fn:ID}`); nothing when the id is taken.
    AddFootnote {
        id: String,
        text: String,
    },
    /// The numbers recognised in the text at this path become figures of
    /// the notice (labels from the words before them), the text cites them,
    /// and what its words state between them becomes relations marked
    /// recognised, for the officer to confirm or remove
    /// ([`crate::core::recognise::propose`]).
    AcceptProposal(FieldPath),
    /// Another notice altogether (opened, restored, set by the host).
    Replace(Box<Notice>),
    /// "Hoàn tác": what a removal took ([`removal`]) back where it was;
    /// nothing when its place is gone or one of its ids is in use again.
    Restore(Removed),
}

/// What removing a part, a section or a paragraph takes out, kept to put
/// it back exactly where and as it was: its list, its place, the item
/// whole (its id, its sections and blocks with their ids and texts). The
/// texts keep their footnote markers and figure tokens, and the footnotes,
/// figures and acceptances stay in the notice while it is out, so once
/// back it cites, numbers and prints as before.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub list: List,
    pub at: usize,
    pub item: Taken,
}

/// The item a removal took.
#[derive(Clone, Debug, PartialEq)]
pub enum Taken {
    Part(Part),
    Section(Section),
    Block(Block),
}

impl Taken {
    pub fn id(&self) -> &str {
        match self {
            Taken::Part(p) => &p.id,
            Taken::Section(s) => &s.id,
            Taken::Block(b) => &b.id,
        }
    }
}

/// What `ListOp::Remove(id)` on `list` would take out, for "Hoàn tác":
/// parts, sections and the blocks of a section or a footnote (None for
/// other lists, and for an item not there).
pub fn removal(n: &Notice, list: &List, id: &str) -> Option<Removed> {
    fn find<T: Item + Clone>(items: &[T], id: &str) -> Option<(usize, T)> {
        let at = items.iter().position(|i| i.id() == id)?;
        Some((at, items[at].clone()))
    }
    let (at, item) = match list {
        List::Parts => find(&n.parts, id).map(|(at, p)| (at, Taken::Part(p)))?,
        List::Sections(pid) => {
            let p = n.parts.iter().find(|p| &p.id == pid)?;
            find(&p.sections, id).map(|(at, s)| (at, Taken::Section(s)))?
        }
        List::Blocks(_) | List::NoteBlocks(_) => {
            find(blocks_of(n, list)?, id).map(|(at, b)| (at, Taken::Block(b)))?
        }
        _ => return None,
    };
    Some(Removed {
        list: list.clone(),
        at,
        item,
    })
}

/// The blocks of a section's or a footnote's list.
fn blocks_of<'a>(n: &'a Notice, list: &List) -> Option<&'a Vec<Block>> {
    match list {
        List::Blocks(sid) => n
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .find(|s| &s.id == sid)
            .map(|s| &s.blocks),
        List::NoteBlocks(fid) => n.footnote(fid).map(|f| &f.blocks),
        _ => None,
    }
}

/// Puts back what a removal took (see [`Command::Restore`]).
fn restore(n: &mut Notice, r: Removed) -> Edited {
    // Its ids must still be free: a path names one field.
    let mut ids: Vec<&str> = vec![r.item.id()];
    match &r.item {
        Taken::Part(p) => {
            for s in &p.sections {
                ids.push(&s.id);
                ids.extend(s.blocks.iter().map(|b| b.id.as_str()));
            }
        }
        Taken::Section(s) => ids.extend(s.blocks.iter().map(|b| b.id.as_str())),
        Taken::Block(_) => {}
    }
    let used = used_ids(n);
    if ids.iter().any(|id| used.contains(id)) {
        return Edited::Nothing;
    }
    let added = Some(r.item.id().to_string());
    fn put<T>(items: &mut Vec<T>, at: usize, item: T) -> bool {
        let ok = at <= items.len();
        if ok {
            items.insert(at, item);
        }
        ok
    }
    let done = match (&r.list, r.item) {
        (List::Parts, Taken::Part(p)) => put(&mut n.parts, r.at, p),
        (List::Sections(pid), Taken::Section(s)) => n
            .parts
            .iter_mut()
            .find(|p| &p.id == pid)
            .is_some_and(|p| put(&mut p.sections, r.at, s)),
        (List::Blocks(sid), Taken::Block(b)) => n
            .parts
            .iter_mut()
            .flat_map(|p| &mut p.sections)
            .find(|s| &s.id == sid)
            .is_some_and(|s| put(&mut s.blocks, r.at, b)),
        (List::NoteBlocks(fid), Taken::Block(b)) => n
            .footnotes
            .iter_mut()
            .find(|f| &f.id == fid)
            .is_some_and(|f| put(&mut f.blocks, r.at, b)),
        _ => false,
    };
    if done {
        Edited::Whole { added, next: None }
    } else {
        Edited::Nothing
    }
}

/// What a command changed.
#[derive(Clone, Debug, PartialEq)]
pub enum Edited {
    /// Nothing (an unknown field, item or list; a move past the end).
    Nothing,
    /// One field's text, and nothing else.
    Field {
        path: FieldPath,
        /// What the field cites (figures, footnotes) changed…
        recites: bool,
        /// …and of that, its footnote markers (the notes may renumber).
        renumbers: bool,
    },
    /// More than one field: lists, kinds, acceptances, the status, the
    /// whole notice.
    Whole {
        /// A list item was added with this id.
        added: Option<String>,
        /// A list item was removed and this one took its place.
        next: Option<String>,
    },
}

impl Edited {
    pub fn changed(&self) -> bool {
        *self != Edited::Nothing
    }

    /// The one field changed, when that is all that changed.
    pub fn field(&self) -> Option<&FieldPath> {
        match self {
            Edited::Field { path, .. } => Some(path),
            _ => None,
        }
    }

    fn whole() -> Edited {
        Edited::Whole {
            added: None,
            next: None,
        }
    }
}

/// Applies `command` to `notice`. Text enters the notice in Unicode NFC
/// (a keyboard set to "Unicode tổ hợp", a paste from a Mac or a PDF give
/// decomposed letters that look the same); it is never otherwise
/// reformatted here (the form keeps showing what was typed).
pub fn apply(notice: &mut Notice, command: Command) -> Edited {
    match command {
        Command::Set { path, value }
        | Command::ApplyFix(Fix {
            field: path, value, ..
        }) => {
            let value = match nfc(&value) {
                Cow::Owned(composed) => composed,
                Cow::Borrowed(_) => value,
            };
            set(notice, path, value)
        }
        Command::SetKind { block, kind } => match field::block_mut(notice, &block) {
            Some(b) if b.kind != kind => {
                b.kind = kind;
                Edited::whole()
            }
            _ => Edited::Nothing,
        },
        Command::List { list, op } => list_op(notice, &list, &op),
        Command::Accept {
            rule,
            field,
            reason,
        } => {
            let reason = nfc(&reason).into_owned();
            notice
                .accepted
                .retain(|a| !(a.rule == rule && a.field == field));
            notice.accepted.push(Acceptance {
                rule,
                field,
                reason,
            });
            Edited::whole()
        }
        Command::Withdraw { rule, field } => {
            let before = notice.accepted.len();
            notice
                .accepted
                .retain(|a| !(a.rule == rule && a.field == field));
            if notice.accepted.len() == before {
                Edited::Nothing
            } else {
                Edited::whole()
            }
        }
        Command::SetFigureKind { figure, kind } => {
            match notice.figures.iter_mut().find(|f| f.id == figure) {
                Some(f) if f.kind != kind => {
                    f.kind = kind;
                    Edited::whole()
                }
                _ => Edited::Nothing,
            }
        }
        Command::AddRelation(r) => add_relation(notice, r),
        Command::RemoveRelation(id) => {
            let before = notice.relations.len();
            notice.relations.retain(|r| r.id != id);
            if notice.relations.len() == before {
                Edited::Nothing
            } else {
                Edited::whole()
            }
        }
        Command::ConfirmRelation(id) => match notice.relations.iter_mut().find(|r| r.id == id) {
            Some(r) if r.source == Source::Recognised => {
                r.source = Source::Declared;
                Edited::whole()
            }
            _ => Edited::Nothing,
        },
        Command::CiteNew { path, kind } => {
            if !matches!(path.field, Field::Plan | Field::Schedule) {
                return Edited::Nothing;
            }
            let id = new_id(notice, List::References.prefix());
            let mut r = DocRef::fresh(id.clone());
            r.kind = nfc(&kind).into_owned();
            notice.references.push(r);
            set(notice, path, id.clone());
            Edited::Whole {
                added: Some(id),
                next: None,
            }
        }
        Command::SetStatus(status) if notice.status != status => {
            notice.status = status;
            Edited::whole()
        }
        Command::SetStatus(_) => Edited::Nothing,
        Command::AddFootnote { id, text } => {
            let taken = id.trim().is_empty()
                || n_footnote(notice, &id)
                || field::blocks(notice).any(|b| b.id == id);
            if taken {
                return Edited::Nothing;
            }
            let block = format!("{id}.p1");
            notice.footnotes.push(crate::core::model::Footnote {
                id,
                blocks: vec![Block {
                    id: block,
                    kind: BlockKind::Paragraph,
                    text: nfc(&text).into_owned(),
                    refs: Vec::new(),
                }],
            });
            Edited::whole()
        }
        Command::AcceptProposal(path) => {
            let mut p = crate::core::recognise::propose(notice, &path);
            // What the notice already states is not proposed twice.
            p.relations
                .retain(|r| !notice.relations.iter().any(|o| o.kind == r.kind));
            if p.figures.is_empty() && p.relations.is_empty() {
                return Edited::Nothing;
            }
            notice.figures.extend(p.figures);
            for r in p.relations {
                add_relation(notice, r);
            }
            if let Some(t) = field::get_mut(notice, &path) {
                *t = p.new_text;
            }
            Edited::whole()
        }
        Command::Restore(r) => restore(notice, r),
        Command::Replace(n) => {
            *notice = *n;
            normalise_notice(notice);
            // The check report belonged to the file it came in: what is
            // edited now is a draft again, reported afresh on export.
            notice.report = None;
            Edited::whole()
        }
    }
}

fn add_relation(notice: &mut Notice, mut r: Relation) -> Edited {
    if let RelationKind::SumAtMost { parts, whole } = &r.kind {
        let same = notice
            .relations
            .iter_mut()
            .find(|o| matches!(&o.kind, RelationKind::SumAtMost { whole: w, .. } if w == whole));
        if let Some(RelationKind::SumAtMost { parts: had, .. }) = same.map(|o| &mut o.kind) {
            let new: Vec<String> = parts.iter().filter(|p| !had.contains(p)).cloned().collect();
            if new.is_empty() {
                return Edited::Nothing;
            }
            had.extend(new);
            return Edited::whole();
        }
    }
    if r.id.trim().is_empty() || notice.relations.iter().any(|o| o.id == r.id) {
        r.id = new_id(notice, "rel");
    }
    let id = r.id.clone();
    notice.relations.push(r);
    Edited::Whole {
        added: Some(id),
        next: None,
    }
}

fn n_footnote(notice: &Notice, id: &str) -> bool {
    notice.footnotes.iter().any(|f| f.id == id)
}

/// Where figure `id` is used: the relations that read it and the texts that
/// cite it (to ask before it is removed).
pub fn uses(notice: &Notice, id: &str) -> (Vec<String>, Vec<FieldPath>) {
    let relations = notice
        .relations
        .iter()
        .filter(|r| r.reads(id))
        .map(|r| r.id.clone())
        .collect();
    let texts = field::rich_texts(notice)
        .into_iter()
        .filter(|(_, t)| {
            text::citations(t)
                .iter()
                .any(|c| matches!(c, Inline::Figure(f) if *f == id))
        })
        .map(|(p, _)| p)
        .collect();
    (relations, texts)
}

/// What a field cites: (is a footnote, id), in order.
fn cites(notice: &Notice, path: &FieldPath) -> Vec<(bool, String)> {
    let text = field::get(notice, path).unwrap_or("");
    if !text.contains('{') {
        return Vec::new();
    }
    text::citations(text)
        .into_iter()
        .filter_map(|c| match c {
            Inline::Note(id) => Some((true, id.to_string())),
            Inline::Figure(id) => Some((false, id.to_string())),
            _ => None,
        })
        .collect()
}

fn set(notice: &mut Notice, path: FieldPath, value: String) -> Edited {
    let before = cites(notice, &path);
    match field::get_mut(notice, &path) {
        Some(slot) if *slot != value => *slot = value,
        _ => return Edited::Nothing,
    }
    let after = cites(notice, &path);
    let notes = |c: &[(bool, String)]| c.iter().filter(|c| c.0).cloned().collect::<Vec<_>>();
    Edited::Field {
        recites: before != after,
        renumbers: notes(&before) != notes(&after),
        path,
    }
}

/// An item of an editable list.
trait Item {
    fn id(&self) -> &str;
    /// A new item as the officer expects to fill it in.
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

impl Item for Part {
    fn id(&self) -> &str {
        &self.id
    }
    /// A part with no title and no section yet: the officer names it, then
    /// adds its sections.
    fn fresh(id: String) -> Self {
        Part {
            id,
            ..Part::default()
        }
    }
}

impl Item for Section {
    fn id(&self) -> &str {
        &self.id
    }
    /// A section with no title and no text: it prints nothing until the
    /// officer writes in it.
    fn fresh(id: String) -> Self {
        Section {
            id,
            ..Section::default()
        }
    }
}

impl Item for Footnote {
    fn id(&self) -> &str {
        &self.id
    }
    /// A footnote's text is its blocks: `list_op` gives it its first
    /// paragraph (an id of its own).
    fn fresh(id: String) -> Self {
        Footnote {
            id,
            blocks: Vec::new(),
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

/// A new id, unique across every list of the notice (a path such as
/// `block/ID/text` must name one field).
pub fn new_id(n: &Notice, prefix: &str) -> String {
    let used = used_ids(n);
    (1..)
        .map(|i| format!("{prefix}.new{i}"))
        .find(|id| !used.contains(id.as_str()))
        .unwrap_or_default()
}

/// Every id of the notice's lists.
fn used_ids(n: &Notice) -> HashSet<&str> {
    let mut used: HashSet<&str> = HashSet::new();
    used.extend(field::blocks(n).map(|b| b.id.as_str()));
    used.extend(n.references.iter().map(|r| r.id.as_str()));
    used.extend(n.figures.iter().map(|f| f.id.as_str()));
    used.extend(n.recipients.iter().map(|r| r.id.as_str()));
    used.extend(n.relations.iter().map(|r| r.id.as_str()));
    used.extend(n.parts.iter().map(|p| p.id.as_str()));
    used.extend(
        n.parts
            .iter()
            .flat_map(|p| p.sections.iter().map(|s| s.id.as_str())),
    );
    used.extend(n.footnotes.iter().map(|f| f.id.as_str()));
    used
}

fn list_op(n: &mut Notice, list: &List, op: &ListOp) -> Edited {
    let id = new_id(n, list.prefix());
    let done = match list {
        List::Blocks(sid) => n
            .parts
            .iter_mut()
            .flat_map(|p| p.sections.iter_mut())
            .find(|s| &s.id == sid)
            .and_then(|s| on(&mut s.blocks, op, &id)),
        List::NoteBlocks(fid) => n
            .footnotes
            .iter_mut()
            .find(|f| &f.id == fid)
            .and_then(|f| on(&mut f.blocks, op, &id)),
        List::References => on(&mut n.references, op, &id),
        List::Figures => {
            let done = on(&mut n.figures, op, &id);
            // A relation cannot be checked without its figures: removing a
            // figure removes the relations that read it (the editor asks
            // first, saying where the figure is used: `uses`).
            if let (ListOp::Remove(gone), Some(_)) = (op, &done) {
                n.relations.retain(|r| !r.reads(gone));
            }
            done
        }
        List::Recipients => on(&mut n.recipients, op, &id),
        List::Parts => on(&mut n.parts, op, &id),
        List::Sections(pid) => {
            let pi = n.parts.iter().position(|p| &p.id == pid);
            let done = pi.and_then(|pi| on(&mut n.parts[pi].sections, op, &id));
            match (done, pi, op) {
                (None, Some(pi), ListOp::Move { id, delta, .. }) => across(n, pi, id, *delta),
                (done, ..) => done,
            }
        }
        List::Footnotes => {
            let done = on(&mut n.footnotes, op, &id);
            if let (ListOp::Add { .. }, Some(_)) = (op, &done) {
                let block = new_id(n, &id);
                if let Some(f) = n.footnotes.iter_mut().find(|f| f.id == id) {
                    f.blocks.push(Block {
                        id: block,
                        kind: BlockKind::Paragraph,
                        ..Block::default()
                    });
                }
            }
            done
        }
    };
    match (op, done) {
        (_, None) => Edited::Nothing,
        (ListOp::Add { .. }, Some(_)) => Edited::Whole {
            added: Some(id),
            next: None,
        },
        (_, Some(next)) => Edited::Whole { added: None, next },
    }
}

/// A section moved past the first or last place of its part goes to the end
/// of the part before or the start of the part after (so the buttons and
/// the keyboard move a section anywhere in the body).
fn across(n: &mut Notice, pi: usize, id: &str, delta: isize) -> Option<Option<String>> {
    let sections = &n.parts[pi].sections;
    let at = sections.iter().position(|s| s.id == id)?;
    if delta < 0 && at == 0 && pi > 0 {
        let s = n.parts[pi].sections.remove(at);
        n.parts[pi - 1].sections.push(s);
    } else if delta > 0 && at + 1 == sections.len() && pi + 1 < n.parts.len() {
        let s = n.parts[pi].sections.remove(at);
        n.parts[pi + 1].sections.insert(0, s);
    } else {
        return None;
    }
    Some(None)
}

/// Some when the list changed, with (for a removal) the id of the item that
/// took the removed one's place.
fn on<T: Item>(items: &mut Vec<T>, op: &ListOp, new_id: &str) -> Option<Option<String>> {
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
        ListOp::Move { id, delta, among } => {
            let at = items.iter().position(|i| i.id() == id)?;
            let shown = |i: &T| among.is_empty() || among.iter().any(|a| a == i.id());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::samples::sample;

    fn ids<T: Item>(items: &[T]) -> Vec<&str> {
        items.iter().map(Item::id).collect()
    }

    fn list(list: List, op: ListOp) -> Command {
        Command::List { list, op }
    }

    #[test]
    fn a_plan_is_created_where_the_opening_cites_it() {
        let mut n = sample();
        let before = n.references.len();
        let edited = apply(
            &mut n,
            Command::CiteNew {
                path: Field::Plan.path(),
                kind: "Ke\u{302}\u{301} hoa\u{323}ch".into(),
            },
        );
        let Edited::Whole {
            added: Some(id), ..
        } = edited
        else {
            panic!("{edited:?}");
        };
        assert_eq!(n.references.len(), before + 1);
        assert_eq!(n.opening.plan, id);
        let r = n.references.iter().find(|r| r.id == id).unwrap();
        assert_eq!(r.kind, "Kế hoạch"); // composed on the way in
                                        // Only a field that chooses a document cites one.
        for path in [Field::Subject.path(), Field::RefKind.of(&id)] {
            let edited = apply(
                &mut n,
                Command::CiteNew {
                    path,
                    kind: "Kế hoạch".into(),
                },
            );
            assert_eq!(edited, Edited::Nothing);
        }
        assert_eq!(n.references.len(), before + 1);
    }

    #[test]
    fn lists_add_remove_and_move_items() {
        let n0 = sample();
        let sec = n0.parts[0].sections[0].id.clone();
        let blocks = |n: &Notice| ids(&n.parts[0].sections[0].blocks).join(",");
        let first = n0.parts[0].sections[0].blocks[0].id.clone();
        let second = n0.parts[0].sections[0].blocks[1].id.clone();
        // (command, what the list reads after, what `apply` says)
        let mut n = n0.clone();
        let added = apply(
            &mut n,
            list(
                List::Blocks(sec.clone()),
                ListOp::Add {
                    after: Some(first.clone()),
                },
            ),
        );
        let new = format!("{sec}.new1");
        assert_eq!(
            added,
            Edited::Whole {
                added: Some(new.clone()),
                next: None
            }
        );
        assert!(blocks(&n).starts_with(&format!("{first},{new},{second}")));
        let b = field::blocks(&n).find(|b| b.id == new).unwrap();
        assert_eq!((b.kind, b.text.as_str()), (BlockKind::Dash, ""));

        // A second new item gets the next free id.
        apply(
            &mut n,
            list(List::Blocks(sec.clone()), ListOp::Add { after: None }),
        );
        assert!(blocks(&n).ends_with(&format!("{sec}.new2")));

        // Removing: the next item takes its place, or the one before it.
        let removed = apply(
            &mut n,
            list(List::Blocks(sec.clone()), ListOp::Remove(new.clone())),
        );
        assert_eq!(
            removed,
            Edited::Whole {
                added: None,
                next: Some(second.clone())
            }
        );
        let last = format!("{sec}.new2");
        let before_last = n.parts[0].sections[0]
            .blocks
            .iter()
            .rev()
            .nth(1)
            .unwrap()
            .id
            .clone();
        assert_eq!(
            apply(
                &mut n,
                list(List::Blocks(sec.clone()), ListOp::Remove(last))
            ),
            Edited::Whole {
                added: None,
                next: Some(before_last)
            }
        );

        // Moving: up and down; past either end nothing changes.
        let up = |id: &str, delta| {
            list(
                List::Blocks(sec.clone()),
                ListOp::Move {
                    id: id.into(),
                    delta,
                    among: vec![],
                },
            )
        };
        assert!(apply(&mut n, up(&second, -1)).changed());
        assert!(blocks(&n).starts_with(&format!("{second},{first}")));
        assert_eq!(apply(&mut n, up(&second, -1)), Edited::Nothing);
        let end = n.parts[0].sections[0].blocks.last().unwrap().id.clone();
        assert_eq!(apply(&mut n, up(&end, 1)), Edited::Nothing);

        // Unknown lists and items change nothing.
        let before = n.clone();
        for c in [
            list(List::Blocks("nope".into()), ListOp::Add { after: None }),
            list(List::Figures, ListOp::Remove("nope".into())),
            up("nope", 1),
        ] {
            assert_eq!(apply(&mut n, c), Edited::Nothing);
        }
        assert_eq!(n, before);
    }

    #[test]
    fn a_move_skips_items_shown_elsewhere() {
        let mut n = sample();
        let all: Vec<String> = n.figures.iter().map(|f| f.id.clone()).collect();
        let among = vec![all[0].clone(), all[3].clone()];
        let c = list(
            List::Figures,
            ListOp::Move {
                id: all[3].clone(),
                delta: -1,
                among,
            },
        );
        assert!(apply(&mut n, c).changed());
        assert_eq!(n.figures[0].id, all[3]);
        assert_eq!(n.figures[3].id, all[0]);
        assert_eq!(n.figures[1].id, all[1]);
    }

    #[test]
    fn new_items_have_the_defaults_officers_expect_and_unique_ids() {
        let mut n = sample();
        for (l, field) in [
            (List::References, Field::RefKind),
            (List::Figures, Field::FigLabel),
            (List::Recipients, Field::Recipient),
        ] {
            let Edited::Whole {
                added: Some(id), ..
            } = apply(&mut n, list(l.clone(), ListOp::Add { after: None }))
            else {
                panic!("{l:?}: nothing added");
            };
            let path = l.first_field(&n, &id);
            assert_eq!(path.field, field);
            assert!(field::get(&n, &path).is_some(), "{path}");
        }
        assert_eq!(n.references.last().unwrap().kind, "Công văn");
        assert!(n.references.last().unwrap().with_so);
        // Ids are unique across lists: a figure never takes a block's id.
        let id = new_id(&n, "fig");
        assert_eq!(id, "fig.new2");
    }

    #[test]
    fn set_says_what_the_field_cites_now() {
        let n0 = sample();
        let (path, text) = field::rich_texts(&n0)
            .into_iter()
            .find(|(_, t)| t.contains("{fn:") && t.contains("{fig:"))
            .map(|(p, t)| (p, t.to_string()))
            .expect("a text citing a figure and a note");
        // (new text, recites, renumbers)
        let cases = [
            (format!("{text} thêm chữ"), false, false),
            (format!("{text}{{fig:x}}"), true, false),
            (format!("{text}{{fn:x}}"), true, true),
            (String::new(), true, true),
        ];
        for (value, recites, renumbers) in cases {
            let mut n = n0.clone();
            let got = apply(
                &mut n,
                Command::Set {
                    path: path.clone(),
                    value: value.clone(),
                },
            );
            assert_eq!(
                got,
                Edited::Field {
                    path: path.clone(),
                    recites,
                    renumbers
                },
                "{value}"
            );
            assert_eq!(field::get(&n, &path), Some(value.as_str()));
        }
        // Decomposed text enters composed.
        let mut n = n0.clone();
        let decomposed = "La\u{323}ng So\u{31b}n";
        apply(
            &mut n,
            Command::Set {
                path: Field::Place.path(),
                value: decomposed.into(),
            },
        );
        assert_eq!(n.header.place, "Lạng Sơn");
        // The same text again, or a field that is not there: nothing.
        let mut n = n0.clone();
        let same = Command::Set {
            path: path.clone(),
            value: text,
        };
        assert_eq!(apply(&mut n, same), Edited::Nothing);
        let missing = Command::Set {
            path: Field::FigValue.of("nope"),
            value: "1".into(),
        };
        assert_eq!(apply(&mut n, missing), Edited::Nothing);
        assert_eq!(n, n0);
    }

    #[test]
    fn relations_are_added_merged_confirmed_and_removed() {
        use crate::core::relation::Stated;
        let mut n = crate::core::samples::blank();
        for (list, _) in [(List::Figures, 0), (List::Figures, 1), (List::Figures, 2)] {
            apply(&mut n, list_cmd(list));
        }
        let ids: Vec<String> = n.figures.iter().map(|f| f.id.clone()).collect();
        let relation = |kind| Relation {
            id: String::new(),
            kind,
            name: None,
            rule: None,
            source: Source::Declared,
        };
        // (stated, first, others, accepted)
        let cases = [
            (Stated::AtMost, &ids[0], vec![ids[1].clone()], true),
            (Stated::OfWhich, &ids[0], vec![ids[0].clone()], false),
            (Stated::RateOf, &ids[0], vec![ids[1].clone()], false),
            (
                Stated::RateOf,
                &ids[0],
                vec![ids[1].clone(), ids[2].clone()],
                true,
            ),
            (Stated::SumOf, &ids[0], vec![String::new()], false),
        ];
        for (stated, first, others, ok) in cases {
            assert_eq!(stated.relation(first, &others).is_some(), ok, "{stated:?}");
            assert_eq!(Stated::parse(stated.words().0), Some(stated));
        }
        let of_which = |part: &String| {
            Command::AddRelation(relation(
                Stated::OfWhich
                    .relation(&ids[0], std::slice::from_ref(part))
                    .unwrap(),
            ))
        };
        let Edited::Whole {
            added: Some(id), ..
        } = apply(&mut n, of_which(&ids[1]))
        else {
            panic!("added")
        };
        // A second part of the same whole joins the same relation; the same
        // part again changes nothing.
        assert!(matches!(
            apply(&mut n, of_which(&ids[2])),
            Edited::Whole { added: None, .. }
        ));
        assert_eq!(apply(&mut n, of_which(&ids[2])), Edited::Nothing);
        assert_eq!(n.relations.len(), 1);
        assert_eq!(n.relations[0].figures().count(), 3);
        assert_eq!(uses(&n, &ids[2]).0, vec![id.clone()]);
        n.relations[0].source = Source::Recognised;
        assert!(apply(&mut n, Command::ConfirmRelation(id.clone())).changed());
        assert_eq!(n.relations[0].source, Source::Declared);
        // Removing a figure takes the relations that read it along.
        let mut gone = n.clone();
        apply(
            &mut gone,
            list(List::Figures, ListOp::Remove(ids[2].clone())),
        );
        assert!(gone.relations.is_empty());
        assert!(apply(&mut n, Command::RemoveRelation(id.clone())).changed());
        assert_eq!(apply(&mut n, Command::RemoveRelation(id)), Edited::Nothing);
        assert!(n.relations.is_empty());
        let kind = |k| Command::SetFigureKind {
            figure: ids[0].clone(),
            kind: k,
        };
        assert!(apply(&mut n, kind(FigureKind::Percent)).changed());
        assert_eq!(apply(&mut n, kind(FigureKind::Percent)), Edited::Nothing);
    }

    fn list_cmd(list: List) -> Command {
        Command::List {
            list,
            op: ListOp::Add { after: None },
        }
    }

    #[test]
    fn kinds_acceptances_status_and_fixes() {
        let mut n = sample();
        let b = n.parts[0].sections[0].blocks[0].clone();
        let kind = |k| Command::SetKind {
            block: b.id.clone(),
            kind: k,
        };
        let other = if b.kind == BlockKind::Plus {
            BlockKind::Dash
        } else {
            BlockKind::Plus
        };
        assert!(apply(&mut n, kind(other)).changed());
        assert_eq!(apply(&mut n, kind(other)), Edited::Nothing);

        let accept = |reason: &str| Command::Accept {
            rule: "date.order".into(),
            field: "header/day".into(),
            reason: reason.into(),
        };
        let before = n.accepted.len();
        apply(&mut n, accept("một"));
        apply(&mut n, accept("hai"));
        assert_eq!(n.accepted.len(), before + 1, "one acceptance per finding");
        assert_eq!(n.accepted.last().unwrap().reason, "hai");
        let withdraw = || Command::Withdraw {
            rule: "date.order".into(),
            field: "header/day".into(),
        };
        assert!(apply(&mut n, withdraw()).changed());
        assert_eq!(apply(&mut n, withdraw()), Edited::Nothing);
        assert_eq!(n.accepted.len(), before);

        assert!(apply(&mut n, Command::SetStatus(Status::Signing)).changed());
        assert_eq!(
            apply(&mut n, Command::SetStatus(Status::Signing)),
            Edited::Nothing
        );

        let fix = Fix {
            field: Field::Symbol.path(),
            value: "TB-SLĐTBXH".into(),
            label_vi: String::new(),
            label_en: String::new(),
        };
        n.header.symbol = "x".into();
        assert!(matches!(
            apply(&mut n, Command::ApplyFix(fix)),
            Edited::Field { .. }
        ));
        assert_eq!(n.header.symbol, "TB-SLĐTBXH");

        let blank = crate::core::samples::template();
        assert!(apply(&mut n, Command::Replace(Box::new(blank.clone()))).changed());
        assert_eq!(n, blank);
    }

    #[test]
    fn footnotes_are_added_and_proposals_accepted() {
        let mut n = crate::core::samples::blank();
        let id = new_id(&n, "fn");
        let add = |id: &str| Command::AddFootnote {
            id: id.into(),
            text: "Ghi chu\u{301}".into(),
        };
        assert!(apply(&mut n, add(&id)).changed());
        assert_eq!(apply(&mut n, add(&id)), Edited::Nothing, "the id is taken");
        let note = n.footnote(&id).unwrap();
        assert_eq!(note.blocks[0].text, "Ghi chú");
        assert_ne!(new_id(&n, "fn"), id);

        let block = field::blocks(&n).next().unwrap().id.clone();
        let path = Field::BlockText.of(&block);
        apply(
            &mut n,
            Command::Set {
                path: path.clone(),
                value: "Toàn xã có 120 hộ, trong đó 150 hộ có trẻ em.".into(),
            },
        );
        let figures = n.figures.len();
        assert!(apply(&mut n, Command::AcceptProposal(path.clone())).changed());
        assert_eq!(n.figures.len(), figures + 2);
        let text = field::get(&n, &path).unwrap();
        assert_eq!(text.matches("{fig:").count(), 2, "{text}");
        assert!(n.relations.iter().any(|r| r.source == Source::Recognised));
        // Nothing left to propose.
        assert_eq!(
            apply(&mut n, Command::AcceptProposal(path)),
            Edited::Nothing
        );
    }
}
