"""Merge verified score packages into the chair's event file.

Per juror, entry and criterion the row with the greater key wins, where the key is
(revision, updated_at, value text, note): the higher revision, then the later edit, then the
greater value text and note. That is a total order, so the merge is a maximum: importing a
package twice changes nothing and packages imported in any order give the same result.
Comments (per juror, entry, stage) and submissions (per juror, stage) merge the same way.

Submitted means submitted: while the chair's event holds a stage as submitted by a juror, no
package changes that juror's cells in that stage (the rows are refused and listed in the plan's
``locked``) until the chair reopens it (services.reopen_stage). The rest of the package merges.
A juror's first version-2 package records their public key in the chair's event (trust on first
use); the exact bytes of every juror-signed package are kept with its receipt.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import String, bindparam, select, text, type_coerce
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import InputRejected, KolabikError, Problem
from kolabik_desktop.core.exchange.packages import (
    VerifiedPackage,
    read_package,
)
from kolabik_desktop.core.exchange.signing import key_fingerprint
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.rules import Where
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.db import Change, EventDB, utc_now
from kolabik_desktop.core.store.dialect import serialized_write
from kolabik_desktop.core.store.models import (
    Comment,
    Criterion,
    Juror,
    PackageReceipt,
    Score,
    Stage,
    Submission,
)
from kolabik_desktop.core.store.writer import (
    Cell,
    CellGroup,
    CellsRefused,
    CommentCell,
    ScoreCell,
    SubmissionCell,
    collector_paused,
    database_refused,
    write_cell_groups,
)

# The merge rule (newest revision wins) lives with the one writer that applies it.
from kolabik_desktop.core.store.writer import comment_key as comment_key
from kolabik_desktop.core.store.writer import score_key as score_key
from kolabik_desktop.core.store.writer import submission_key as submission_key

# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------


@dataclass
class PackagePlan:
    """What one package would do (or did) to the chair's file."""

    filename: str
    juror_code: str = ""
    new: int = 0  # cells the chair's file does not have yet
    changed: int = 0  # cells whose value or note the package updates
    unchanged: int = 0  # cells equal to, or older than, what the file holds
    comments: int = 0  # comments added or updated
    submissions: int = 0  # submission states added or updated
    already_imported: bool = False  # the very same file was imported before
    rejection: InputRejected | None = None
    juror_signed: bool = False  # signed with the juror's own key (format 2); False: old format
    key_fingerprint: str = ""  # short fingerprint of that key, to compare with the printed sheet
    new_key: bool = False  # the first key seen for this juror: the event will trust it
    # Stages the chair's event holds as submitted by the juror, with the number of cells the
    # package would have changed there: refused until the chair reopens the stage.
    locked: dict[str, int] = field(default_factory=dict)
    refused_scores: int = 0  # of which score cells (not counted as unchanged)
    receipt_id: int | None = None  # after apply_import: the receipt of this package's bytes

    @property
    def refused(self) -> bool:
        return self.rejection is not None

    @property
    def problems(self) -> list[Problem]:
        return self.rejection.problems if self.rejection else []


@dataclass
class ImportPlan:
    packages: tuple[VerifiedPackage, ...]
    items: tuple[PackagePlan, ...]
    entry_ids: frozenset[int] = frozenset()  # entries whose scores the plan changes

    @property
    def new(self) -> int:
        return sum(i.new for i in self.items)

    @property
    def changed(self) -> int:
        return sum(i.changed for i in self.items)

    @property
    def unchanged(self) -> int:
        return sum(i.unchanged for i in self.items)

    @property
    def refused(self) -> int:
        """Number of packages refused as a whole."""
        return sum(1 for i in self.items if i.refused)

    @property
    def has_changes(self) -> bool:
        # A juror-signed package not kept yet is worth applying even when every cell is already
        # there: keeping it (and a first key) is what lets check verify those cells as signed.
        return any(
            i.new
            or i.changed
            or i.comments
            or i.submissions
            or (i.juror_signed and not i.already_imported and not i.refused)
            for i in self.items
        )


def prepare_import(db: EventDB, paths: Sequence[str | Path]) -> ImportPlan:
    """Read and verify every file, then plan; refused files are listed in the plan, not raised."""
    read: list[VerifiedPackage | InputRejected] = []
    with collector_paused():  # thousands of rows parsed and checked (writer.py says why)
        for path in paths:
            try:
                read.append(read_package(path, db))
            except InputRejected as rejection:
                read.append(rejection)
        return plan_import(db, read)


def plan_import(db: EventDB, packages: Sequence[VerifiedPackage | InputRejected]) -> ImportPlan:
    """What importing these packages would change, without changing anything."""
    with db.session() as s:
        resolution = _resolve(s, packages)
    return resolution.plan


# ---------------------------------------------------------------------------------------------
# Resolution: the winner of every cell
# ---------------------------------------------------------------------------------------------


@dataclass
class _Resolution:
    plan: ImportPlan
    plans: dict[int, PackagePlan]  # id(package) -> its line in the plan
    # (package, row, existing row or None) for every cell a package wins
    scores: list[tuple[VerifiedPackage, Any, Any]] = field(default_factory=list)
    comments: list[tuple[VerifiedPackage, Any, Any]] = field(default_factory=list)
    submissions: list[tuple[VerifiedPackage, Any, Any]] = field(default_factory=list)


def _ordered(packages: Sequence[VerifiedPackage]) -> list[VerifiedPackage]:
    # A fixed order decides which of two identical rows is credited, so plans do not depend
    # on the order the files were given in.
    return sorted(packages, key=lambda p: (p.juror_code, p.created_at, p.filename, p.sha256))


def _winners(
    verified: Sequence[VerifiedPackage],
    stored: Mapping[Any, Any],
    rows: Callable[[VerifiedPackage], Iterable[Any]],
    cell_of: Callable[[VerifiedPackage, Any], Any],
    key_of: Callable[[Any], Any],
) -> dict[Any, tuple[VerifiedPackage, Any]]:
    """Per cell, the package row with the greatest key, where it beats the stored row's key."""
    best: dict[Any, tuple[Any, VerifiedPackage | None, Any]] = {}
    for p in verified:
        for row in rows(p):
            cell = cell_of(p, row)
            key = key_of(row)
            cur = best.get(cell)
            if cur is None:
                cur = (stored.get(cell), None, None)
            best[cell] = (key, p, row) if cur[0] is None or key > cur[0] else cur
    return {cell: (p, row) for cell, (_key, p, row) in best.items() if p is not None}


def _resolve(s: Session, given: Sequence[VerifiedPackage | InputRejected]) -> _Resolution:
    verified = _ordered([p for p in given if isinstance(p, VerifiedPackage)])
    plans: dict[int, PackagePlan] = {}
    items: list[PackagePlan] = []
    for p in given:
        if isinstance(p, InputRejected):
            items.append(PackagePlan(filename=p.source, rejection=p))
        else:
            plan = PackagePlan(
                filename=p.filename,
                juror_code=p.juror_code,
                juror_signed=p.juror_signed,
                key_fingerprint=p.key_fingerprint,
            )
            plans[id(p)] = plan
            items.append(plan)
    verified = _trusted(s, verified, plans)
    resolution = _Resolution(ImportPlan(tuple(verified), tuple(items)), plans)
    if not verified:
        return resolution
    q = _queries()
    jurors = {"jurors": sorted({p.juror_id for p in verified})}
    locked = {(j, st): code for j, st, code in s.execute(q.locked, jurors)}
    stage_of = dict(s.execute(q.stage_of).all()) if locked else {}
    received: dict[tuple[int, str], int] = {}
    for juror_id, sha, receipt_id in s.execute(q.received, jurors):
        received[juror_id, sha] = min(receipt_id, received.get((juror_id, sha), receipt_id))
    for p in verified:
        plan = plans[id(p)]
        plan.receipt_id = received.get((p.juror_id, p.sha256))
        plan.already_imported = plan.receipt_id is not None

    existing_scores = {
        (j, e, c): (sid, score_key(rev, at, value, note), value, note, rev)
        # The stored text is already canonical: reading it raw skips 10,000 Decimal round trips.
        for sid, j, e, c, value, note, rev, at in s.execute(q.scores, jurors)
    }
    stored_scores = {cell: old[1] for cell, old in existing_scores.items()}
    score_winners = _winners(
        verified,
        stored_scores,
        lambda p: p.scores,
        lambda p, row: (p.juror_id, row.entry_id, row.criterion_id),
        lambda row: score_key(row.revision, row.updated_at, row.value_text, row.note),
    )
    if locked:
        score_winners = _unlocked(
            score_winners,
            locked,
            plans,
            lambda cell, row: (cell[0], stage_of[row.criterion_id]),
            kind="score",
        )
    entry_ids: set[int] = set()
    for cell, (winner, row) in score_winners.items():
        old = existing_scores.get(cell)
        resolution.scores.append((winner, row, old))
        entry_ids.add(cell[1])
        if old is None:
            plans[id(winner)].new += 1
        else:
            plans[id(winner)].changed += 1
    for p in verified:
        plan = plans[id(p)]
        plan.unchanged = len(p.scores) - plan.new - plan.changed - plan.refused_scores

    existing_comments = {
        (j, e, st): (comment_key(rev, at, txt), txt, rev)
        for j, e, st, txt, rev, at in s.execute(q.comments, jurors)
    }
    comment_winners = _winners(
        verified,
        {cell: old[0] for cell, old in existing_comments.items()},
        lambda p: p.comments,
        lambda p, row: (p.juror_id, row.entry_id, row.stage_id),
        lambda row: comment_key(row.revision, row.updated_at, row.text),
    )
    if locked:
        comment_winners = _unlocked(
            comment_winners,
            locked,
            plans,
            lambda cell, row: (cell[0], row.stage_id),
            kind="comment",
        )
    for cell, (winner, row) in comment_winners.items():
        resolution.comments.append((winner, row, existing_comments.get(cell)))
        plans[id(winner)].comments += 1

    existing_subs = {
        (j, st): (submission_key(rev, at, sub), sub, rev)
        for j, st, sub, rev, at in s.execute(q.submissions, jurors)
    }
    submission_winners = _winners(
        verified,
        {cell: old[0] for cell, old in existing_subs.items()},
        lambda p: p.submissions,
        lambda p, row: (p.juror_id, row.stage_id),
        lambda row: submission_key(row.revision, row.updated_at, row.submitted),
    )
    if locked:
        # A submitted stage stays submitted: only the chair reopens it.
        submission_winners = _unlocked(
            submission_winners, locked, plans, lambda cell, row: cell, kind="submission"
        )
    for cell, (winner, row) in submission_winners.items():
        resolution.submissions.append((winner, row, existing_subs.get(cell)))
        plans[id(winner)].submissions += 1

    resolution.plan.entry_ids = frozenset(entry_ids)
    return resolution


class _Queries:
    """The merge's reads, built once (the live hub merges a batch every few tenths of a second:
    building each select cost more than running it); jurors bound as an expanding parameter."""

    def __init__(self) -> None:
        jurors: Any = bindparam("jurors", expanding=True)
        self.locked = (
            select(Submission.juror_id, Submission.stage_id, Stage.code)
            .join(Stage, Stage.id == Submission.stage_id)
            .where(Submission.juror_id.in_(jurors), Submission.submitted.is_(True))
        )
        self.stage_of = select(Criterion.id, Criterion.stage_id)
        self.received = select(
            PackageReceipt.juror_id, PackageReceipt.sha256, PackageReceipt.id
        ).where(PackageReceipt.juror_id.in_(jurors))
        # The stored text is already canonical: reading it raw skips Decimal round trips.
        self.scores = select(
            Score.id,
            Score.juror_id,
            Score.entry_id,
            Score.criterion_id,
            type_coerce(Score.value, String()),
            Score.note,
            Score.revision,
            Score.updated_at,
        ).where(Score.juror_id.in_(jurors))
        self.comments = select(
            Comment.juror_id,
            Comment.entry_id,
            Comment.stage_id,
            Comment.text,
            Comment.revision,
            Comment.updated_at,
        ).where(Comment.juror_id.in_(jurors))
        self.submissions = select(
            Submission.juror_id,
            Submission.stage_id,
            Submission.submitted,
            Submission.revision,
            Submission.updated_at,
        ).where(Submission.juror_id.in_(jurors))
        self.keys = select(Juror.id, Juror.public_key).where(Juror.id.in_(jurors))


@functools.cache
def _queries() -> _Queries:
    return _Queries()


def _unlocked(
    winners: dict[Any, tuple[VerifiedPackage, Any]],
    locked: Mapping[tuple[int, int], str],
    plans: dict[int, PackagePlan],
    lock_of: Callable[[Any, Any], tuple[int, int]],
    *,
    kind: str,
) -> dict[Any, tuple[VerifiedPackage, Any]]:
    """The winners outside stages the event holds as submitted; the others noted in the plan."""
    kept: dict[Any, tuple[VerifiedPackage, Any]] = {}
    for cell, (p, row) in winners.items():
        juror_stage = lock_of(cell, row)
        stage = locked.get(juror_stage)
        submitting = row.submitted if kind == "submission" else None
        if stage is None or not rules.held_submitted(locked, *juror_stage, submitting=submitting):
            kept[cell] = (p, row)
        else:
            plan = plans[id(p)]
            plan.locked[stage] = plan.locked.get(stage, 0) + 1
            plan.refused_scores += kind == "score"
    return kept


def _trusted(
    s: Session, verified: list[VerifiedPackage], plans: dict[int, PackagePlan]
) -> list[VerifiedPackage]:
    """The packages whose signer the event trusts (or will trust: the first key for a juror).

    Packages were verified against the key known when read; this re-checks inside the caller's
    transaction, and between packages of one import (two new keys for one juror: the first wins).
    """
    jurors = {"jurors": sorted({p.juror_id for p in verified})}
    trusted: dict[int, bytes | None] = dict(s.execute(_queries().keys, jurors).all())
    kept: list[VerifiedPackage] = []
    for p in verified:
        key = trusted.get(p.juror_id)
        plan = plans[id(p)]
        if key is None and p.public_key is not None:
            trusted[p.juror_id] = p.public_key
            plan.new_key = True
        elif key is not None and p.public_key != key:
            if p.public_key is None:
                found = Problem(
                    ec.MERGE_KEY_SHARED_SECRET,
                    {"juror": p.juror_code, "expected": key_fingerprint(key)},
                )
            else:
                found = Problem(
                    ec.MERGE_KEY_OTHER,
                    {
                        "juror": p.juror_code,
                        "expected": key_fingerprint(key),
                        "fingerprint": p.key_fingerprint,
                    },
                )
            plan.rejection = InputRejected(p.filename, [found])
            continue
        kept.append(p)
    return kept


# ---------------------------------------------------------------------------------------------
# Apply
# ---------------------------------------------------------------------------------------------


@serialized_write
def apply_import(db: EventDB, plan: ImportPlan, *, whole: bool = False) -> ImportPlan:
    """Apply the plan's verified packages in ONE transaction; returns what was actually done.

    The winners are recomputed inside the write transaction, so an edit made between planning
    and applying is respected. Refused packages are skipped. Every changed cell gets an audit
    row (source = the package's file name); listeners hear one Change per kind. Each applied
    package's line in the result carries its receipt's id (``receipt_id``).

    ``whole`` (the live link): a package part of which a submitted stage holds back is left out
    whole (no cell written, no receipt; its line lists ``locked``), so its sender keeps it to
    send again once the chair reopens the stage. Decided inside the transaction: one plan per
    import, a second only when something was held.
    """
    given: list[VerifiedPackage | InputRejected] = list(plan.packages)
    given += [i.rejection for i in plan.items if i.rejection is not None]
    now = utc_now()
    try:
        with collector_paused(), db.session() as s:
            # Take SQLite's write lock before reading, so the diff and the writes see one state.
            s.execute(text("UPDATE event SET id = id WHERE 0 = 1"))
            resolution = _resolve(s, given)
            if whole:
                resolution = _without_held(s, given, resolution)
            _write_cells(s, resolution, now)
            recorded: dict[str, PackageReceipt] = {}
            receipts = 0
            _record_keys(s, resolution, now)
            for p in resolution.plan.packages:
                item = resolution.plans[id(p)]
                if not item.already_imported and p.sha256 not in recorded:
                    receipts += 1
                    recorded[p.sha256] = PackageReceipt(
                        juror_id=p.juror_id,
                        filename=p.filename,
                        sha256=p.sha256,
                        created_at=p.created_at,
                        imported_at=now,
                        document=p.document,
                    )
                    s.add(recorded[p.sha256])
            if recorded:
                s.flush()  # the receipts' ids: the live link's sequence numbers
                for p in resolution.plan.packages:
                    item = resolution.plans[id(p)]
                    if not item.already_imported:
                        item.receipt_id = recorded[p.sha256].id
    except KolabikError:
        raise
    except SQLAlchemyError as exc:  # e.g. the rubric changed under the import: nothing was written
        raise database_refused(exc) from exc
    except Exception as exc:
        raise KolabikError.coded(ec.IMPORT_FAILED, detail=str(exc)) from exc
    result = resolution.plan
    source = result.packages[0].filename if len(result.packages) == 1 else "import"
    if resolution.scores:
        db.notify(Change("scores", result.entry_ids, source))
    if resolution.comments:
        db.notify(Change("comments", frozenset(c[1].entry_id for c in resolution.comments), source))
    if resolution.submissions:
        db.notify(Change("submission", frozenset(), source))
    if receipts and not (resolution.scores or resolution.comments or resolution.submissions):
        db.notify(Change("packages", frozenset(), source))
    return result


def _without_held(
    s: Session, given: list[VerifiedPackage | InputRejected], resolution: _Resolution
) -> _Resolution:
    """The resolution without the packages a submitted stage holds back in part (``whole``);
    their lines, as first planned, stay in the result in their place."""
    held = {id(p): resolution.plans[id(p)] for p in resolution.plan.packages}
    held = {key: item for key, item in held.items() if item.locked}
    if not held:
        return resolution
    kept = [p for p in given if id(p) not in held]
    again = _resolve(s, kept)
    # One line per given package, in order (as _resolve makes them): a held one's first line.
    items = tuple(
        again.plans[id(p)] if isinstance(p, VerifiedPackage) and id(p) not in held else first
        for p, first in zip(given, resolution.plan.items, strict=True)
    )
    again.plan = ImportPlan(again.plan.packages, items, again.plan.entry_ids)
    return again


def _record_keys(s: Session, resolution: _Resolution, now: str) -> None:
    """Trust on first use: record the key of each juror's first signed package, audited."""
    for p in resolution.plan.packages:
        if not resolution.plans[id(p)].new_key:
            continue
        juror = s.get(Juror, p.juror_id)
        if juror is None or juror.public_key is not None:
            continue
        juror.public_key = p.public_key
        audit.append(
            s,
            at=now,
            actor=p.juror_code,
            action="juror.key",
            source=p.filename,
            subject={"juror": p.juror_code},
            new={"fingerprint": p.key_fingerprint, "public_key": (p.public_key or b"").hex()},
        )


def _write_cells(s: Session, resolution: _Resolution, now: str) -> None:
    """Each package's winning cells through the one writer, in the import's transaction.

    The writer checks every cell again and keeps a cell only when it is newer than the stored
    one, so the plan's counts and the writes agree."""
    cells: dict[int, list[Cell]] = {}
    packages: dict[int, VerifiedPackage] = {}
    for p, row, _old in resolution.scores:
        packages[id(p)] = p
        cells.setdefault(id(p), []).append(
            ScoreCell(
                p.juror_id,
                row.entry_id,
                row.criterion_id,
                row.value,
                row.note,
                row.revision,
                row.updated_at,
                Where(f"score {row.entry_code}/{row.stage_code}/{row.criterion_code}"),
            )
        )
    for p, row, _old in resolution.comments:
        packages[id(p)] = p
        cells.setdefault(id(p), []).append(
            CommentCell(
                p.juror_id,
                row.entry_id,
                row.stage_id,
                row.text,
                row.revision,
                row.updated_at,
                Where(f"comment {row.entry_code}/{row.stage_code}"),
            )
        )
    for p, row, _old in resolution.submissions:
        packages[id(p)] = p
        cells.setdefault(id(p), []).append(
            SubmissionCell(
                p.juror_id,
                row.stage_id,
                row.submitted,
                row.revision,
                row.updated_at,
                Where(f"submission {row.stage_code}"),
            )
        )
    # One writer call for every package: the rules' context loaded and the audit chain
    # extended once per import (the live hub's batch of 30 deltas), each package's cells audited
    # under its own juror and file, in the same order as a call per package.
    keys = list(cells)
    groups = [
        CellGroup(cells[key], packages[key].juror_code, packages[key].filename) for key in keys
    ]
    try:
        write_cell_groups(s, groups, now=now)
    except CellsRefused as exc:
        raise InputRejected(packages[keys[exc.group]].filename, list(exc.problems)) from exc
