"""The one writer of score, note, comment and submission cells (architecture.md, "the gate").

Every path that can move a score -- the scoring form (``services.set_score`` and friends), the
package merge, the event workbook import, a kit update, ``kolabik set-score``, and the coming live
link -- hands its cells to ``write_cells``. It:

1. checks every cell through ``core.scoring.rules`` (known ids, value range and step, eligibility:
   recused, admitted, assigned, the submitted-stage lock for local edits; text limits; revisions
   SQLite can hold) and refuses the whole batch with every problem found (``CellsRefused``), so
   nothing is half-written;
2. writes the cells that change: a *local edit* (``revision=None``) takes the stored revision + 1
   and the time now; a *replicated* cell (a package's, a kit's or a live push's row, carrying its
   own ``revision`` and ``updated_at``) is taken only when its merge key is greater than the
   stored one (newest revision wins; then the later edit; then the greater value text and note),
   which makes replicated writes idempotent and independent of their order;
3. appends one audit row per changed cell (actions ``score.set``, ``comment.set``,
   ``stage.submit``/``stage.reopen``; subject and old/new as ``audit.py`` records them), or, for
   a bulk load into an empty event (``audit_mode="summary"``, the event workbook), one
   ``cells.bulk`` row that itemises every score and comment cell written (codes, value, note,
   revision; compressed, with its SHA-256: ``audit.bulk_new``), which `kolabik check` replays
   cell by cell;
4. announces the change once: with an ``EventDB`` it commits and notifies the change bus itself;
   with a ``Session`` (a caller that writes more in the same transaction) the caller commits and
   then calls ``announce(db, result)``.

The live link pushes a delta as replicated cells: ``write_cells(db, cells, actor=juror_code,
source="live:<peer>")``; a delta arriving twice, late or out of order leaves the same state.
No other module inserts, updates or deletes rows of the score, comment and submission tables
(tests/core/test_one_writer.py enforces it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from typing import Any, Literal, NamedTuple, cast

from sqlalchemy import String, Table, bindparam, delete, insert, select, type_coerce, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.collector import collector_paused
from kolabik_desktop.core.errors import StorageError, ValidationError
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.problem_text import problem_line
from kolabik_desktop.core.scoring.rules import HERE, Problem, Where
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.db import Change, EventDB, utc_now
from kolabik_desktop.core.store.dialect import serialized_write
from kolabik_desktop.core.store.models import (
    Assignment,
    Comment,
    Conflict,
    Criterion,
    Entry,
    Juror,
    Score,
    Stage,
    StageAdmission,
    Submission,
)

# ---------------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------------


# Cells are NamedTuples rather than frozen dataclasses: a bulk load builds 100,000s of them, and a
# tuple is built several times faster.
class ScoreCell(NamedTuple):
    """One juror's value (None = cleared) and note for one entry on one criterion.

    ``note=None`` keeps the stored note (a local edit of the value only). ``revision=None`` is a
    local edit; a replicated cell gives ``revision`` and ``updated_at``.
    """

    juror_id: int
    entry_id: int
    criterion_id: int
    value: Decimal | None
    note: str | None = None
    revision: int | None = None
    updated_at: str | None = None
    where: Where = HERE


class CommentCell(NamedTuple):
    juror_id: int
    entry_id: int
    stage_id: int
    text: str
    revision: int | None = None
    updated_at: str | None = None
    where: Where = HERE


class SubmissionCell(NamedTuple):
    juror_id: int
    stage_id: int
    submitted: bool
    revision: int | None = None
    updated_at: str | None = None
    where: Where = HERE


Cell = ScoreCell | CommentCell | SubmissionCell


@dataclass(frozen=True, slots=True)
class CellState:
    """A score cell after the write: (value, note, revision, updated_at)."""

    value: Decimal | None
    note: str
    revision: int
    updated_at: str


@dataclass
class WriteResult:
    source: str = "local"
    scores_new: int = 0
    scores_changed: int = 0
    scores_unchanged: int = 0
    comments: int = 0
    submissions: int = 0
    held: int = 0  # replicated cells not taken: their stage is held as submitted
    entry_ids: set[int] = field(default_factory=set)
    comment_entry_ids: set[int] = field(default_factory=set)
    states: dict[tuple[int, int, int], CellState] = field(default_factory=dict)

    @property
    def scores(self) -> int:
        return self.scores_new + self.scores_changed

    @property
    def changed(self) -> bool:
        return bool(self.scores or self.comments or self.submissions)


class CellsRefused(ValidationError):
    """The whole batch refused by the rules; nothing was written. ``problems`` are structured."""

    def __init__(self, problems: Sequence[Problem], group: int = 0):
        self.problems = list(problems)
        self.group = group  # write_cell_groups: the index of the group refused
        lines = [problem_line(p) for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"... and {len(self.problems) - 20} more")
        super().__init__("\n".join(lines))


def score_key(
    revision: int, updated_at: str, value_text: str | None, note: str
) -> tuple[int, str, str, str]:
    """The merge order of score cells; ``value_text`` is the canonical text, None when cleared."""
    return (revision, updated_at, value_text or "", note)


def comment_key(revision: int, updated_at: str, text_: str) -> tuple[int, str, str]:
    return (revision, updated_at, text_)


def submission_key(revision: int, updated_at: str, submitted: bool) -> tuple[int, str, bool]:
    return (revision, updated_at, submitted)


def value_text(value: Decimal | None) -> str | None:
    """The canonical text of a value, as DecimalText stores it (services.decimal_text)."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


# ---------------------------------------------------------------------------------------------
# What the rules need, loaded once per batch
# ---------------------------------------------------------------------------------------------

_FEW = 200  # below this many distinct ids, load only those rows
_BATCH = 10_000  # score rows per insert statement: bounds the memory of a bulk load


@dataclass
class _Context:
    jurors: dict[int, str]
    entries: dict[int, str]
    stages: dict[int, str]
    criteria: dict[int, tuple[int, str, Decimal, Decimal, Decimal]]  # stage, code, min, max, step
    eligibility: rules.Eligibility


class _ContextQueries:
    """The context's statements, built once: building a select with its IN clause cost ~5x
    running it (a juror's every save and the hub's every batch load the context). The id sets
    are bound as expanding parameters; "_all" variants read every entry (many ids)."""

    def __init__(self) -> None:
        jurors: Any = bindparam("jurors", expanding=True)
        entries: Any = bindparam("entries", expanding=True)
        self.jurors = select(Juror.id, Juror.code).where(Juror.id.in_(jurors))
        self.entries = select(Entry.id, Entry.code).where(Entry.id.in_(entries))
        self.entries_all = select(Entry.id, Entry.code)
        self.stages = select(Stage.id, Stage.code).order_by(Stage.position, Stage.id)
        self.criteria = select(
            Criterion.id,
            Criterion.stage_id,
            Criterion.code,
            Criterion.min_value,
            Criterion.max_value,
            Criterion.step,
        )
        self.recused = select(Conflict.juror_id, Conflict.entry_id).where(
            Conflict.juror_id.in_(jurors)
        )
        admitted = select(StageAdmission.stage_id, StageAdmission.entry_id)
        self.admitted_all = admitted
        self.admitted = admitted.where(StageAdmission.entry_id.in_(entries))
        self.assigned_stages = select(Assignment.stage_id).distinct()
        assigned = select(Assignment.stage_id, Assignment.juror_id, Assignment.entry_id).where(
            Assignment.juror_id.in_(jurors)
        )
        self.assigned_all = assigned
        self.assigned = assigned.where(Assignment.entry_id.in_(entries))
        self.submitted = select(Submission.juror_id, Submission.stage_id).where(
            Submission.juror_id.in_(jurors), Submission.submitted.is_(True)
        )


_QUERIES = _ContextQueries()


def _load_context(s: Session, juror_ids: set[int], entry_ids: set[int]) -> _Context:
    # Core rows (the session's connection): ORM row loading cost more than the queries. The
    # connection does not flush the session: rows the caller added in this transaction (a
    # demo's or a setup's admissions) are flushed first so the rules see them.
    s.flush()
    c = s.connection()
    q = _QUERIES
    few = len(entry_ids) < _FEW  # only these entries' rows; else every entry's
    ids = {"jurors": sorted(juror_ids), "entries": sorted(entry_ids)}
    jurors = dict(c.execute(q.jurors, ids).all())
    entries = dict(c.execute(q.entries if few else q.entries_all, ids).all())
    stage_rows = c.execute(q.stages).all()
    criteria = {
        cid: (stage_id, code, lo, hi, step)
        for cid, stage_id, code, lo, hi, step in c.execute(q.criteria)
    }
    return _Context(
        jurors=jurors,
        entries=entries,
        stages=dict(stage_rows),
        criteria=criteria,
        eligibility=load_eligibility(
            c, stage_rows, juror_ids, entry_ids if few else None, submitted=True
        ),
    )


def load_eligibility(
    c: Any,
    stage_rows: Sequence[Any],
    juror_ids: Collection[int],
    entry_ids: Collection[int] | None,
    *,
    submitted: bool,
) -> rules.Eligibility:
    """The rules' eligibility of ``juror_ids`` (recusals, admissions, assignments and, with
    ``submitted``, their submitted stages), read with the statements built once. ``entry_ids``:
    only those entries' rows, or None for every entry's. ``stage_rows``: (id, code) in stage
    order (the first stage admits every entry). ``c``: a connection or session."""
    q = _QUERIES
    ids = {"jurors": sorted(juror_ids), "entries": sorted(entry_ids or ())}
    few = entry_ids is not None
    recused = frozenset(c.execute(q.recused, ids).all())
    admitted: dict[int, set[int]] = {}
    for stage_id, entry_id in c.execute(q.admitted if few else q.admitted_all, ids):
        admitted.setdefault(stage_id, set()).add(entry_id)
    assigned: dict[int, set[tuple[int, int]]] = {sid: set() for sid in c.scalars(q.assigned_stages)}
    for stage_id, juror_id, entry_id in c.execute(q.assigned if few else q.assigned_all, ids):
        assigned[stage_id].add((juror_id, entry_id))
    return rules.Eligibility(
        first_stage=stage_rows[0][0] if stage_rows else None,
        recused=recused,
        admitted={k: frozenset(v) for k, v in admitted.items()},
        assigned={k: frozenset(v) for k, v in assigned.items()},
        submitted=frozenset(c.execute(q.submitted, ids).all()) if submitted else frozenset(),
    )


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------


class _Checker:
    """Checks cells against one context, caching what repeats (values, juror-entry-stage)."""

    def __init__(self, ctx: _Context):
        self.ctx = ctx
        self.problems: list[Problem] = []
        self._values: dict[tuple[int, Decimal], Problem | None] = {}
        self._eligible: dict[tuple[int, int, int, bool], Problem | None] = {}
        self._note_limit = rules.TEXT_LIMITS["note"]

    def _names(
        self, juror_id: int, entry_id: int, stage_id: int, where: Where
    ) -> dict[str, str] | None:
        juror = self.ctx.jurors.get(juror_id)
        entry = self.ctx.entries.get(entry_id)
        stage = self.ctx.stages.get(stage_id)
        if juror is None:
            params = {"juror": f"id {juror_id}"}
            self.problems.append(Problem(rules.CELL_UNKNOWN_JUROR, params, where))
        if entry is None:
            params = {"entry": f"id {entry_id}"}
            self.problems.append(Problem(rules.CELL_UNKNOWN_ENTRY, params, where))
        if stage is None:
            params = {"stage": f"id {stage_id}"}
            self.problems.append(Problem(rules.CELL_UNKNOWN_STAGE, params, where))
        if juror is None or entry is None or stage is None:
            return None
        return {"juror": juror, "entry": entry, "stage": stage}

    def _eligible_at(
        self, juror_id: int, entry_id: int, stage_id: int, local: bool, where: Where
    ) -> bool:
        key = (juror_id, entry_id, stage_id, local)
        if key not in self._eligible:
            names = self._names(juror_id, entry_id, stage_id, where)
            if names is None:
                return False
            self._eligible[key] = rules.eligibility_problem(
                self.ctx.eligibility, juror_id, entry_id, stage_id, names, check_submitted=local
            )
        problem = self._eligible[key]
        if problem is not None:
            self.problems.append(problem.at(where))
            return False
        return True

    def _revision(self, revision: int | None, updated_at: str | None, where: Where) -> None:
        if revision is None:
            return
        problem = rules.revision_problem(revision, where)
        if problem is not None:
            self.problems.append(problem)
        if not isinstance(updated_at, str) or not updated_at:
            self.problems.append(
                Problem(rules.VALUE_REVISION, {"revision": "?", "max": "?"}, where)
            )

    def _text(self, kind: str, text: str, where: Where) -> None:
        problem = rules.text_problem(kind, text, where)
        if problem is not None:
            self.problems.append(problem)

    def score(self, cell: ScoreCell) -> int | None:
        """The criterion's stage when the cell passes; None (problem noted) when it does not."""
        crit = self.ctx.criteria.get(cell.criterion_id)
        if crit is None:
            params = {"criterion": f"id {cell.criterion_id}", "stage": "?"}
            self.problems.append(Problem(rules.CELL_UNKNOWN_CRITERION, params, cell.where))
            return None
        stage_id = crit[0]
        before = len(self.problems)
        value = cell.value
        if value is not None:
            # Values and eligibility repeat across a bulk load: each is checked once.
            key = (cell.criterion_id, value)
            try:
                problem = self._values[key]
            except KeyError:
                problem = self._values[key] = rules.value_problem(value, *crit[2:])
            if problem is not None:
                self.problems.append(problem.at(cell.where))
        if cell.note is not None and len(cell.note) > self._note_limit:
            self._text("note", cell.note, cell.where)
        local = cell.revision is None
        if not local:
            self._revision(cell.revision, cell.updated_at, cell.where)
        key3 = (cell.juror_id, cell.entry_id, stage_id, local)
        if self._eligible.get(key3, True) is not None:  # not yet known, or known to fail
            self._eligible_at(cell.juror_id, cell.entry_id, stage_id, local, cell.where)
        return stage_id if len(self.problems) == before else None

    def comment(self, cell: CommentCell) -> bool:
        before = len(self.problems)
        self._text("comment", cell.text, cell.where)
        self._revision(cell.revision, cell.updated_at, cell.where)
        local = cell.revision is None
        self._eligible_at(cell.juror_id, cell.entry_id, cell.stage_id, local, cell.where)
        return len(self.problems) == before

    def submission(self, cell: SubmissionCell) -> bool:
        before = len(self.problems)
        self._revision(cell.revision, cell.updated_at, cell.where)
        if cell.juror_id not in self.ctx.jurors:
            params = {"juror": f"id {cell.juror_id}"}
            self.problems.append(Problem(rules.CELL_UNKNOWN_JUROR, params, cell.where))
        if cell.stage_id not in self.ctx.stages:
            params = {"stage": f"id {cell.stage_id}"}
            self.problems.append(Problem(rules.CELL_UNKNOWN_STAGE, params, cell.where))
        return len(self.problems) == before


def check_cells(s: Session, cells: Sequence[Cell]) -> list[Problem]:
    """Every problem the rules find in these cells (nothing written); [] when all pass."""
    juror_ids = {c.juror_id for c in cells}
    entry_ids = {c.entry_id for c in cells if not isinstance(c, SubmissionCell)}
    checker = _Checker(_load_context(s, juror_ids, entry_ids))
    _check_all(checker, cells)
    return checker.problems


def _scores_pass(ctx: _Context, cells: Sequence[Any]) -> bool:
    """True only when every score cell passes every check of ``_Checker.score`` and none repeats.

    The same rules, applied to the distinct values, texts and (juror, entry, stage) of the batch
    instead of cell by cell: a national workbook has 124,000 cells but a few hundred distinct
    values and 16,000 juror-entry-stage triples. False means "look cell by cell" (the caller then
    runs the checker, which names each problem and its place); it never lets a cell through
    that the checker would refuse."""
    criteria, eligibility = ctx.criteria, ctx.eligibility
    for criterion_id, value in set(map(_CRITERION_VALUE, cells)):
        crit = criteria.get(criterion_id)
        if crit is None:
            return False
        if value is not None and rules.value_problem(value, *crit[2:]) is not None:
            return False
    notes = [n for n in map(_NOTE, cells) if n]
    if notes and max(map(len, notes)) > rules.TEXT_LIMITS["note"]:
        return False
    revisions = set(map(_REVISION, cells))
    for revision in revisions - {None}:
        if rules.revision_problem(revision) is not None:
            return False
    if revisions != {None} and not all(
        isinstance(at, str) and at for r, at in map(_REVISION_UPDATED, cells) if r is not None
    ):
        return False
    ids = set(map(_CELL_ID, cells))
    if len(ids) != len(cells):
        return False  # a cell given twice
    local = None in revisions  # any local edit: the submitted-stage lock applies (stricter)
    jurors, entries, stages = ctx.jurors, ctx.entries, ctx.stages
    for juror, entry, stage in {(j, e, criteria[c][0]) for j, e, c in ids}:
        if juror not in jurors or entry not in entries or stage not in stages:
            return False
        # A problem's wording is not needed here (False sends the batch to the checker).
        problem = rules.eligibility_problem(
            eligibility, juror, entry, stage, _UNNAMED, check_submitted=local
        )
        if problem is not None:
            return False
    return True


# Fields of cells, read by C code over a whole batch (ScoreCell's order; index 0 is every cell's
# juror). The checks above are what a person reads; these only fetch.
_JUROR, _ENTRY, _CRITERION, _VALUE, _NOTE, _REVISION = (itemgetter(i) for i in range(6))
_CELL_ID, _CRITERION_VALUE = itemgetter(0, 1, 2), itemgetter(2, 3)
_REVISION_UPDATED = itemgetter(5, 6)
_UNNAMED = {"juror": "", "entry": "", "stage": ""}


def _check_all(
    checker: _Checker, cells: Sequence[Cell], score_cells: Sequence[ScoreCell] | None = None
) -> None:
    """Check every cell; ``score_cells`` (the batch's score cells) lets all of them be checked
    set-wise first (``_scores_pass``), cell by cell only when something is wrong."""
    if score_cells and _scores_pass(checker.ctx, score_cells):
        if len(score_cells) == len(cells):
            return
        cells = [c for c in cells if not isinstance(c, ScoreCell)]
    seen: set[tuple[Any, ...]] = set()
    seen_scores: set[tuple[int, int, int]] = set()
    add_score = seen_scores.add
    score = checker.score
    for cell in cells:
        if isinstance(cell, ScoreCell):
            # The bulk path (a national workbook: 124,000 cells): one call, one set per cell.
            score(cell)
            cell_id = (cell.juror_id, cell.entry_id, cell.criterion_id)
            if cell_id in seen_scores:
                checker.problems.append(Problem(rules.CELL_TWICE, {}, cell.where))
            add_score(cell_id)
            continue
        if isinstance(cell, CommentCell):
            key: tuple[Any, ...] = ("c", cell.juror_id, cell.entry_id, cell.stage_id)
            checker.comment(cell)
        else:
            key = ("u", cell.juror_id, cell.stage_id)
            checker.submission(cell)
        if key in seen:
            checker.problems.append(Problem(rules.CELL_TWICE, {}, cell.where))
        seen.add(key)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

AuditMode = Literal["cells", "summary"]
# The audit actor of a chair's entry: a local edit in the chair's event (proof.py counts these).
CHAIR = "chair"


def local_actor(db: EventDB, actor: str) -> str:
    """Who the audit log names for a local edit: the given actor; else, in the chair's event,
    the chair (a juror's cell typed there is the chair's entry); in a kit "" (the juror)."""
    return actor or ("" if db.kind == "kit" else CHAIR)


@serialized_write
def write_cells(
    target: EventDB | Session,
    cells: Iterable[Cell],
    *,
    actor: str = "",
    source: str = "local",
    audit_mode: AuditMode = "cells",
    now: str | None = None,
    states: bool = False,
    hold_submitted: bool = True,
) -> WriteResult:
    """Check, write, audit and (given an EventDB) commit and announce a batch of cells.

    ``actor`` is who made the change ("" = the juror whose cell it is, except that given the
    chair's EventDB it is the chair: ``local_actor``). ``states=True`` fills
    ``result.states`` with each score cell's state after the write (a form wants it; a bulk
    import does not). Raises CellsRefused (nothing written) when any cell breaks a rule,
    StorageError when the database refuses.

    On a PostgreSQL server the transaction takes the event's write lock when it begins
    (``@serialized_write``): two chairs' writes never read the same audit head, so the hash
    chain cannot fork, and revisions never collide.

    A replicated cell (a live push's, a package's) in a stage the target holds as submitted is
    not taken (``rules.held_submitted``; counted in ``result.held``); a kit update passes
    ``hold_submitted=False``: there the chair's event is the authority on the lock.
    """
    with collector_paused():
        return _write_cells(target, cells, actor, source, audit_mode, now, states, hold_submitted)


def _write_cells(
    target: EventDB | Session,
    cells: Iterable[Cell],
    actor: str,
    source: str,
    audit_mode: AuditMode,
    now: str | None,
    states: bool,
    hold_submitted: bool,
) -> WriteResult:
    batch = list(cells)
    if isinstance(target, Session):
        return _write(
            target, batch, actor, source, audit_mode, now or utc_now(), states, hold_submitted
        )
    actor = local_actor(target, actor)
    try:
        with target.session() as s:
            result = _write(
                s, batch, actor, source, audit_mode, now or utc_now(), states, hold_submitted
            )
    except SQLAlchemyError as exc:
        raise database_refused(exc) from exc
    announce(target, result)
    return result


def database_refused(exc: BaseException) -> StorageError:
    """A raw database error (e.g. a number too large for SQLite's integer) as a clear message."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return StorageError(problem_line(Problem(rules.DB_ERROR, {"detail": detail})))


def announce(db: EventDB, result: WriteResult) -> None:
    """Tell the change bus, once per kind, what a committed write changed."""
    if result.scores:
        db.notify(Change("scores", frozenset(result.entry_ids), result.source))
    if result.comments:
        db.notify(Change("comments", frozenset(result.comment_entry_ids), result.source))
    if result.submissions:
        db.notify(Change("submission", frozenset(), result.source))


class CellGroup(NamedTuple):
    """One caller's cells within a shared write (a merge's package: its juror and file)."""

    cells: list[Cell]
    actor: str
    source: str


@serialized_write
def write_cell_groups(s: Session, groups: Sequence[CellGroup], *, now: str) -> list[WriteResult]:
    """Several groups of cells, each with its own actor and source, in the caller's transaction
    (``s``; the caller commits and announces, as with a Session given to ``write_cells``).

    The same checks, writes and audit rows as one ``write_cells`` call per group, in group
    order, but the rules' context is loaded once, stored cells are read once and the audit
    chain is extended once: the live hub's group commit merges 30 jurors' deltas a batch, and
    a call per delta cost more than the merge itself. Refuses everything (CellsRefused, with
    ``group`` the index of the first group that broke a rule) when any group breaks a rule.
    """
    if not groups:
        return []
    with collector_paused():
        return _write_groups(s, groups, "cells", now, False, True)


def _write(
    s: Session,
    cells: list[Cell],
    actor: str,
    source: str,
    mode: AuditMode,
    now: str,
    states: bool,
    hold: bool = True,
) -> WriteResult:
    return _write_groups(s, [CellGroup(cells, actor, source)], mode, now, states, hold)[0]


def _write_groups(
    s: Session,
    groups: Sequence[CellGroup],
    mode: AuditMode,
    now: str,
    states: bool,
    hold: bool,
) -> list[WriteResult]:
    every = [cell for group in groups for cell in group.cells]
    juror_ids = set(map(_JUROR, every))
    entry_ids = {c.entry_id for c in every if not isinstance(c, SubmissionCell)}
    ctx = _load_context(s, juror_ids, entry_ids)
    for index, group in enumerate(groups):
        checker = _Checker(ctx)
        _check_all(checker, group.cells, [c for c in group.cells if isinstance(c, ScoreCell)])
        if checker.problems:
            raise CellsRefused(checker.problems, group=index)
    # Stored score cells read once for every group, when no cell is in two groups (a merge's
    # winners never are); otherwise each group reads them after the previous group's writes.
    score_ids = [_CELL_ID(c) for c in every if isinstance(c, ScoreCell)]
    shared = len(groups) > 1 and len(set(score_ids)) == len(score_ids)
    stored = _stored_scores(s, [c for c in every if isinstance(c, ScoreCell)]) if shared else None
    trail: list[dict[str, Any]] = []
    results = [
        _write_group(s, ctx, group, mode, now, states, hold, trail, stored) for group in groups
    ]
    if trail:
        audit.append_many(s, trail, prev_hash=audit.last_hash(s))
    return results


def _write_group(
    s: Session,
    ctx: _Context,
    group: CellGroup,
    mode: AuditMode,
    now: str,
    states: bool,
    hold: bool,
    all_trail: list[dict[str, Any]],
    stored: dict[tuple[int, int, int], tuple[Any, ...]] | None,
) -> WriteResult:
    """One group's cells (checked already): written, its audit rows added to ``all_trail``."""
    cells, actor, source = group
    result = WriteResult(source=source)
    if hold and ctx.eligibility.submitted:
        cells = _not_held(ctx, cells, result)
    score_cells = [c for c in cells if isinstance(c, ScoreCell)]
    only_scores = len(score_cells) == len(cells)
    trail: list[dict[str, Any]] = []
    bulk = _Bulk() if mode == "summary" else None
    comment_cells: list[CommentCell] = []
    submission_cells: list[SubmissionCell] = []
    if not only_scores:
        comment_cells = [c for c in cells if isinstance(c, CommentCell)]
        submission_cells = [c for c in cells if isinstance(c, SubmissionCell)]
    if score_cells:
        who = (actor, source, now)
        _write_scores(s, ctx, score_cells, who, result, trail, states, bulk, stored)
    if comment_cells:
        _write_comments(s, ctx, comment_cells, actor, source, now, result, trail, bulk)
    if submission_cells:
        _write_submissions(s, ctx, submission_cells, actor, source, now, result, trail)
    if bulk is not None and (bulk.scores or bulk.comments):
        # One row itemises every score and comment cell written (audit.bulk_new): `kolabik
        # check` replays them one by one; submissions stay one row each.
        trail.insert(
            0,
            {
                "at": now,
                "actor": actor,
                "action": audit.BULK_ACTION,
                "source": source,
                "subject": {"scores": len(bulk.scores), "comments": len(bulk.comments)},
                "new": audit.bulk_new(bulk.scores, bulk.comments),
            },
        )
    all_trail.extend(trail)
    return result


@dataclass
class _Bulk:
    """The cells a bulk write ("summary" audit mode) itemises in its one audit row."""

    scores: list[audit.ScoreItem] = field(default_factory=list)
    comments: list[audit.CommentItem] = field(default_factory=list)


def _not_held(ctx: _Context, cells: list[Cell], result: WriteResult) -> list[Cell]:
    """The cells the submitted-stage lock lets through (local edits were checked already)."""
    held = ctx.eligibility.submitted
    kept: list[Cell] = []
    for cell in cells:
        if cell.revision is not None:
            if isinstance(cell, ScoreCell):
                stage_id, submitting = ctx.criteria[cell.criterion_id][0], None
            elif isinstance(cell, CommentCell):
                stage_id, submitting = cell.stage_id, None
            else:
                stage_id, submitting = cell.stage_id, cell.submitted
            if rules.held_submitted(held, cell.juror_id, stage_id, submitting=submitting):
                result.held += 1
                continue
        kept.append(cell)
    return kept


def _bump(revision: int, where: Where) -> int:
    if revision + 1 > rules.MAX_REVISION:
        params = {"revision": str(revision + 1), "max": rules.MAX_REVISION}
        raise CellsRefused([Problem(rules.VALUE_REVISION, params, where)])
    return revision + 1


def _write_scores(
    s: Session,
    ctx: _Context,
    cells: list[ScoreCell],
    who: tuple[str, str, str],
    result: WriteResult,
    trail: list[dict[str, Any]],
    states: bool,
    bulk: _Bulk | None,
    stored: dict[tuple[int, int, int], tuple[Any, ...]] | None = None,
) -> None:
    actor, source, now = who
    if stored is None:
        stored = _stored_scores(s, cells)
    texts: dict[Decimal, str | None] = {}  # values repeat: one canonical text per value
    # Codes of the audit subject, per criterion (stage and criterion code) and juror.
    codes = {cid: (ctx.stages[crit[0]], crit[1]) for cid, crit in ctx.criteria.items()}
    jurors, entries = ctx.jurors, ctx.entries
    items = bulk.scores if bulk is not None else None
    if not stored and not states:
        _insert_new(s, ctx, cells, who, result, trail, bulk, codes)
        return
    inserts: list[tuple[Any, ...]] = []
    updates: list[dict[str, Any]] = []
    entry_ids = result.entry_ids
    for cell in cells:
        cell_id = (cell.juror_id, cell.entry_id, cell.criterion_id)
        old = stored.get(cell_id)
        value = cell.value
        if value is None:
            text = None
        else:
            text = texts.get(value, "")
            if text == "":
                text = texts[value] = value_text(value)
        if cell.revision is None:  # a local edit
            note = cell.note if cell.note is not None else (old[2] if old else "")
            if old is not None and old[1] == text and old[2] == note:
                result.scores_unchanged += 1
                if states:
                    result.states[cell_id] = _state(old[1], old[2], old[3], old[4])
                continue
            revision = 1 if old is None else _bump(old[3], cell.where)
            updated_at = now
        else:
            note = cell.note if cell.note is not None else ""
            revision, updated_at = cell.revision, cell.updated_at or now
            if old is not None and score_key(old[3], old[4], old[1], old[2]) >= score_key(
                revision, updated_at, text, note
            ):
                result.scores_unchanged += 1
                if states:
                    result.states[cell_id] = _state(old[1], old[2], old[3], old[4])
                continue
        if old is None:
            inserts.append(
                (*cell_id, text, note, revision, updated_at),
            )
            result.scores_new += 1
        else:
            updates.append(
                {
                    "score_id": old[0],
                    "value": text,
                    "note": note,
                    "revision": revision,
                    "updated_at": updated_at,
                }
            )
            result.scores_changed += 1
        if len(inserts) >= _BATCH:
            _flush_scores(s, inserts, [])
            inserts.clear()
        entry_ids.add(cell.entry_id)
        if states:
            result.states[cell_id] = CellState(value, note, revision, updated_at)
        if items is not None:
            juror = jurors[cell.juror_id]
            items.append(
                (juror, entries[cell.entry_id], *codes[cell.criterion_id], text, note, revision)
            )
        else:
            old_audit = None
            if old is not None:
                old_audit = {"value": old[1], "note": old[2], "revision": old[3]}
            trail.append(
                {
                    "at": now,
                    "actor": actor or jurors[cell.juror_id],
                    "action": "score.set",
                    "source": source,
                    "subject": _subject(ctx, cell_id),
                    "old": old_audit,
                    "new": {
                        "value": text,
                        "note": note,
                        "revision": revision,
                        "updated_at": updated_at,
                    },
                }
            )
    _flush_scores(s, inserts, updates)


def _stored_scores(
    s: Session, cells: Sequence[ScoreCell]
) -> dict[tuple[int, int, int], tuple[Any, ...]]:
    """The stored rows the cells may replace: cell -> (id, value text, note, revision, at)."""
    wanted = {x.entry_id for x in cells}
    query = _STORED_FEW if len(wanted) < _FEW else _STORED_ALL
    ids = {"jurors": sorted({x.juror_id for x in cells}), "entries": sorted(wanted)}
    return {(j, e, cr): (sid, v, n, r, at) for sid, j, e, cr, v, n, r, at in s.execute(query, ids)}


def _stored_query() -> tuple[Any, Any]:
    """The stored-scores statements (built once, as _ContextQueries): by juror, and by juror
    and entry (few entries)."""
    c = cast(Table, Score.__table__).c
    query = select(
        c.id, c.juror_id, c.entry_id, c.criterion_id, type_coerce(c.value, String()), c.note
    ).add_columns(c.revision, c.updated_at)
    query = query.where(c.juror_id.in_(bindparam("jurors", expanding=True)))
    return query, query.where(c.entry_id.in_(bindparam("entries", expanding=True)))


_STORED_ALL, _STORED_FEW = _stored_query()


def _insert_new(
    s: Session,
    ctx: _Context,
    cells: list[ScoreCell],
    who: tuple[str, str, str],
    result: WriteResult,
    trail: list[dict[str, Any]],
    bulk: _Bulk | None,
    codes: dict[int, tuple[str, str]],
) -> None:
    """No stored row for any of these cells (a bulk load): every cell is new; the same values,
    revisions and audit rows as the cell-by-cell loop, built a batch at a time."""
    actor, source, now = who
    texts = {v: value_text(v) for v in set(map(_VALUE, cells))}
    rows = [
        (
            c.juror_id,
            c.entry_id,
            c.criterion_id,
            texts[c.value],
            c.note or "",
            1 if c.revision is None else c.revision,
            now if c.revision is None else (c.updated_at or now),
        )
        for c in cells
    ]
    for start in range(0, len(rows), _BATCH * 4):
        _flush_scores(s, rows[start : start + _BATCH * 4], [])
    result.scores_new += len(rows)
    result.entry_ids.update(map(_ENTRY, cells))
    jurors, entries = ctx.jurors, ctx.entries
    if bulk is not None:
        bulk.scores.extend(
            (jurors[j], entries[e], *codes[c], text, note, revision)
            for j, e, c, text, note, revision, _at in rows
        )
        return
    trail.extend(
        {
            "at": now,
            "actor": actor or jurors[j],
            "action": "score.set",
            "source": source,
            "subject": _subject(ctx, (j, e, c)),
            "old": None,
            "new": {"value": text, "note": note, "revision": revision, "updated_at": at},
        }
        for j, e, c, text, note, revision, at in rows
    )


_SCORE_COLUMNS = ("juror_id", "entry_id", "criterion_id", "value", "note", "revision", "updated_at")


def _flush_scores(
    s: Session, inserts: list[tuple[Any, ...]], updates: list[dict[str, Any]]
) -> None:
    """Values bound as their canonical text (what DecimalText stores): many rows, no ORM objects.

    Inserts go to the driver's executemany as plain tuples: SQLAlchemy's per-row parameter
    processing cost more than SQLite's insert itself on a national workbook (124,000 rows)."""
    table = cast(Table, Score.__table__)
    bound_value = bindparam("value", type_=String())
    if inserts:
        connection = s.connection()
        style = connection.dialect.paramstyle
        if style not in ("qmark", "format", "pyformat"):
            raise StorageError.coded(ec.DB_PARAMSTYLE, style=style)
        mark = "?" if style == "qmark" else "%s"
        sql = (
            f"INSERT INTO {table.name} ({', '.join(_SCORE_COLUMNS)}) "
            f"VALUES ({', '.join([mark] * len(_SCORE_COLUMNS))})"
        )
        connection.exec_driver_sql(sql, inserts)
    if updates:
        result = s.execute(
            update(table)
            .where(table.c.id == bindparam("score_id"))
            .values(
                value=bound_value,
                note=bindparam("note"),
                revision=bindparam("revision"),
                updated_at=bindparam("updated_at"),
            ),
            updates,
        )
        _all_matched(s, result, len(updates))


def _all_matched(s: Session, result: Any, wanted: int) -> None:
    """Every row the writer read must be updated: on a server, row-level security hides
    another panel's row from a chair's UPDATE (0 rows, no error). StaleDataError makes the
    session say so (dialect.py: PanelWriteRefused) and roll the whole batch back."""
    count = getattr(result, "rowcount", -1)
    if count < 0 or (wanted > 1 and not s.get_bind().dialect.supports_sane_multi_rowcount):
        return
    if count != wanted:
        raise StaleDataError(f"{wanted} row(s) to update, {count} matched")


def _subject(ctx: _Context, cell: tuple[int, int, int]) -> dict[str, str]:
    """The audit subject of a score cell: juror, entry, stage and criterion codes."""
    juror, entry, criterion = cell
    stage_id, crit_code = ctx.criteria[criterion][:2]
    return {
        "juror": ctx.jurors[juror],
        "entry": ctx.entries[entry],
        "stage": ctx.stages[stage_id],
        "criterion": crit_code,
    }


def _state(text: str | None, note: str, revision: int, updated_at: str) -> CellState:
    return CellState(None if text is None else Decimal(text), note, revision, updated_at)


def _write_comments(
    s: Session,
    ctx: _Context,
    cells: list[CommentCell],
    actor: str,
    source: str,
    now: str,
    result: WriteResult,
    trail: list[dict[str, Any]],
    bulk: _Bulk | None = None,
) -> None:
    stored = {
        (j, e, st): (txt, rev, at)
        for j, e, st, txt, rev, at in s.execute(
            select(
                Comment.juror_id,
                Comment.entry_id,
                Comment.stage_id,
                Comment.text,
                Comment.revision,
                Comment.updated_at,
            ).where(Comment.juror_id.in_({x.juror_id for x in cells}))
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for cell in cells:
        cell_id = (cell.juror_id, cell.entry_id, cell.stage_id)
        old = stored.get(cell_id)
        if cell.revision is None:
            if old is not None and old[0] == cell.text:
                continue
            revision = 1 if old is None else _bump(old[1], cell.where)
            updated_at = now
        else:
            revision, updated_at = cell.revision, cell.updated_at or now
            if old is not None and comment_key(old[1], old[2], old[0]) >= comment_key(
                revision, updated_at, cell.text
            ):
                continue
        row: dict[str, Any] = {"juror_id": cell.juror_id, "entry_id": cell.entry_id}
        row |= {"stage_id": cell.stage_id}
        row |= {"text": cell.text, "revision": revision, "updated_at": updated_at}
        (inserts if old is None else updates).append(row)
        stored[cell_id] = (cell.text, revision, updated_at)
        result.comments += 1
        result.comment_entry_ids.add(cell.entry_id)
        juror_code = ctx.jurors[cell.juror_id]
        if bulk is not None:
            entry, stage = ctx.entries[cell.entry_id], ctx.stages[cell.stage_id]
            bulk.comments.append((juror_code, entry, stage, cell.text, revision))
            continue
        trail.append(
            {
                "at": now,
                "actor": actor or juror_code,
                "action": "comment.set",
                "source": source,
                "subject": {
                    "juror": juror_code,
                    "entry": ctx.entries[cell.entry_id],
                    "stage": ctx.stages[cell.stage_id],
                },
                "old": None if old is None else {"text": old[0], "revision": old[1]},
                "new": {"text": cell.text, "revision": revision, "updated_at": updated_at},
            }
        )
    if inserts:
        s.execute(insert(Comment), inserts)
    if updates:
        s.execute(update(Comment), updates)


def _write_submissions(
    s: Session,
    ctx: _Context,
    cells: list[SubmissionCell],
    actor: str,
    source: str,
    now: str,
    result: WriteResult,
    trail: list[dict[str, Any]],
) -> None:
    stored = {
        (j, st): (sub, rev, at)
        for j, st, sub, rev, at in s.execute(
            select(
                Submission.juror_id,
                Submission.stage_id,
                Submission.submitted,
                Submission.revision,
                Submission.updated_at,
            ).where(Submission.juror_id.in_({x.juror_id for x in cells}))
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for cell in cells:
        cell_id = (cell.juror_id, cell.stage_id)
        old = stored.get(cell_id)
        if cell.revision is None:
            if old is not None and old[0] == cell.submitted:
                continue
            revision = 1 if old is None else _bump(old[1], cell.where)
            updated_at = now
        else:
            revision, updated_at = cell.revision, cell.updated_at or now
            if old is not None and submission_key(old[1], old[2], old[0]) >= submission_key(
                revision, updated_at, cell.submitted
            ):
                continue
        row: dict[str, Any] = {"juror_id": cell.juror_id, "stage_id": cell.stage_id}
        row |= {"submitted": cell.submitted, "revision": revision, "updated_at": updated_at}
        (inserts if old is None else updates).append(row)
        stored[cell_id] = (cell.submitted, revision, updated_at)
        result.submissions += 1
        juror_code = ctx.jurors[cell.juror_id]
        trail.append(
            {
                "at": now,
                "actor": actor or juror_code,
                "action": "stage.submit" if cell.submitted else "stage.reopen",
                "source": source,
                "subject": {"juror": juror_code, "stage": ctx.stages[cell.stage_id]},
                "old": None if old is None else {"submitted": old[0], "revision": old[1]},
                "new": {"submitted": cell.submitted, "revision": revision},
            }
        )
    if inserts:
        s.execute(insert(Submission), inserts)
    if updates:
        s.execute(update(Submission), updates)


# ---------------------------------------------------------------------------------------------
# Removing: a kit update drops the cells of entries the juror is now recused from
# ---------------------------------------------------------------------------------------------


def remove_recused(
    s: Session, juror_code: str, entry_ids: set[int], *, source: str, now: str
) -> int:
    """Delete the score and comment cells on these entries, one audit row per score removed."""
    rows = s.execute(
        select(Score.value, Score.note, Entry.code, Criterion.code)
        .join(Entry, Entry.id == Score.entry_id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .where(Score.entry_id.in_(entry_ids))
    ).all()
    trail = [
        {
            "at": now,
            "actor": "chair",
            "action": "score.remove",
            "source": source,
            "subject": {"juror": juror_code, "entry": entry_code, "criterion": crit_code},
            "old": {"value": value_text(value), "note": note},
            "new": {"reason": "recused (conflict of interest)"},
        }
        for value, note, entry_code, crit_code in rows
    ]
    audit.append_many(s, trail, prev_hash=audit.last_hash(s))
    s.execute(delete(Score).where(Score.entry_id.in_(entry_ids)))
    s.execute(delete(Comment).where(Comment.entry_id.in_(entry_ids)))
    return len(rows)
