"""Juror kits: the chair's event file cut down to what one juror may see.

A kit is a copy of the event file (same event uid, same database ids) from which everything of
every other juror is deleted: their rows, scores, notes, comments, submissions, assignments,
conflicts and keys, plus the audit log, package receipts, jury decisions and settings; then
VACUUM rewrites the file so deleted data is gone from its pages. What stays: the rubric, the
entries of the kit's stages (with attachments), the juror's own row with their secret key, and
their own conflicts, assignments, scores, comments and submissions.

``update_kit`` brings a later kit (e.g. for stage 2) into the juror's existing kit without
touching the juror's own scores: the rubric, entries and assignments come from the new kit, and
scores merge by the same rule as score packages (merge.score_key).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, insert, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import EventFileError, KolabikError
from kolabik_desktop.core.exchange.live import SETTING_HUB_PUBLIC, ensure_hub_key
from kolabik_desktop.core.exchange.packages import CHAIR_HEAD_SETTING, file_slug
from kolabik_desktop.core.files import os_error_code, os_error_reason
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.rules import Where
from kolabik_desktop.core.store import audit, outbox, writer
from kolabik_desktop.core.store.db import (
    Change,
    EventDB,
    fsync_and_rename,
    head_revision,
    open_event_file,
    schema_revision,
    sqlite_uri,
    utc_now,
)
from kolabik_desktop.core.store.dialect import ServerEventDB, serialized_write
from kolabik_desktop.core.store.models import (
    Assignment,
    Attachment,
    Category,
    Comment,
    Conflict,
    Criterion,
    Entry,
    Event,
    Juror,
    Score,
    Stage,
    StageAdmission,
    Submission,
)
from kolabik_desktop.core.store.settings import get_setting, put_setting
from kolabik_desktop.core.store.setup import SETTING_REPORT_PLACE
from kolabik_desktop.core.store.transfer import as_file

KIT_SUFFIX = ".kolabik-kit"
KIT_STAGES_SETTING = "kit_stages"  # space-separated stage codes the kit was made for
# Settings a kit keeps from the chair's file: the place printed on the juror's signed sheet and
# the public key of the chair's live-session hub.
KIT_SHARED_SETTINGS = (SETTING_REPORT_PLACE, SETTING_HUB_PUBLIC)
# Settings a newer kit brings to the juror's kit (update_kit): the stages, the chair's audit head.
KIT_COPIED_SETTINGS = (KIT_STAGES_SETTING, CHAIR_HEAD_SETTING, *KIT_SHARED_SETTINGS)


def kit_file_name(event_name: str, juror_code: str) -> str:
    return f"{file_slug(event_name)}-{file_slug(juror_code)}{KIT_SUFFIX}"


def current_stages(session: Session) -> list[Stage]:
    """The stage now being judged: the latest one with admitted entries, else the first."""
    stages = list(session.scalars(select(Stage).order_by(Stage.position, Stage.id)))
    admitted = set(session.scalars(select(StageAdmission.stage_id).distinct()))
    opened = [st for st in stages[1:] if st.id in admitted]
    return opened[-1:] or stages[:1]


def _kit_stages(session: Session, codes: Sequence[str] | None) -> list[Stage]:
    if not codes:
        chosen = current_stages(session)
        if not chosen:
            raise KolabikError.coded(ec.KIT_NO_STAGES)
        return chosen
    by_code = {st.code: st for st in session.scalars(select(Stage))}
    unknown = [c for c in codes if c not in by_code]
    if unknown:
        raise KolabikError.coded(ec.KIT_UNKNOWN_STAGES, codes=", ".join(unknown))
    return [by_code[c] for c in dict.fromkeys(codes)]


@dataclass(frozen=True)
class _KitRequest:
    juror_id: int
    juror_code: str
    path: Path


def export_kit(
    db: EventDB, juror_code: str, out_path: str | Path, *, stages: Sequence[str] | None = None
) -> Path:
    """Write one juror's kit; ``out_path`` is a file or a folder (then EVENT-JUROR.kolabik-kit)."""
    return export_kits(db, Path(out_path), juror_codes=[juror_code], stages=stages)[0]


def export_kits(
    db: EventDB,
    out_dir: str | Path,
    *,
    juror_codes: Sequence[str] | None = None,
    stages: Sequence[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Path]:
    """Write kits for the given jurors (default: all) and return their paths.

    A juror without a signing key gets one now (stored in the chair's file, audited).
    """
    if db.kind != "event":
        raise KolabikError.coded(ec.KIT_FROM_EVENT, file=db.path.name)
    out = Path(out_dir)
    single_file = juror_codes is not None and len(juror_codes) == 1 and not out.is_dir()
    folder = out.parent if single_file else out
    if not folder.is_dir():
        raise KolabikError.coded(ec.COPY_NO_FOLDER, folder=str(folder))
    # Only an earlier kit may be replaced: never the event file itself or another document.
    if single_file and out.exists() and (out.suffix != KIT_SUFFIX or _is_the_event(out, db)):
        raise KolabikError.coded(ec.KIT_EXISTS_NOT_KIT, path=str(out), suffix=KIT_SUFFIX)
    with db.session() as s:
        event = s.scalars(select(Event)).one()
        chosen = _kit_stages(s, stages)
        stage_ids = [st.id for st in chosen]
        stage_codes = [st.code for st in chosen]
        first_stage_id = s.scalar(select(Stage.id).order_by(Stage.position, Stage.id).limit(1))
        jurors = list(s.scalars(select(Juror).order_by(Juror.code)))
        if juror_codes is not None:
            by_code = {j.code: j for j in jurors}
            unknown = [c for c in juror_codes if c not in by_code]
            if unknown:
                raise KolabikError.coded(ec.KIT_UNKNOWN_JURORS, codes=", ".join(unknown))
            jurors = [by_code[c] for c in juror_codes]
        if not jurors:
            raise KolabikError.coded(ec.REPORT_NO_JURORS)
        ensure_hub_key(s)  # the kit carries the hub's public key: it pairs with no code typed
        requests = []
        for juror in jurors:
            if not juror.secret_key:
                juror.secret_key = secrets.token_bytes(32)
            path = out if single_file else out / kit_file_name(event.name, juror.code)
            requests.append(_KitRequest(juror.id, juror.code, path))
    # The keys above are committed; no audit row yet. Each kit is built in a temporary file
    # beside its target; only when all are written is the kit.export row appended, its hash
    # stamped into the kits as their chair audit head, and the kits renamed into place. A
    # failed write leaves no audit row claiming a kit that was never made.
    parts: list[tuple[_KitRequest, Path]] = []
    try:
        with as_file(db) as source:
            for done, req in enumerate(requests):
                if progress:
                    progress(done, len(requests), req.juror_code)
                tmp = _part_path(req.path)
                parts.append((req, tmp))
                _write_kit(source, req, tmp, stage_ids, stage_codes, first_stage_id)
        _audit_and_publish(db, parts, stage_codes)
    finally:
        for _req, tmp in parts:
            tmp.unlink(missing_ok=True)
    if progress:
        progress(len(requests), len(requests), "")
    return [r.path for r in requests]


def _part_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.part")


@serialized_write
def _audit_and_publish(
    db: EventDB, parts: list[tuple[_KitRequest, Path]], stage_codes: list[str]
) -> None:
    """Append the kit.export rows, stamp the head into each kit, commit, then rename.

    The rows are committed before the renames: a kit in place always names a head the event's
    log holds (``kolabik check --against KIT``). A rename failing after the commit (the folder
    vanished) is recorded as kit.export.failed, so the log never leaves the claim standing.
    """
    with db.session() as s:
        prev = audit.last_hash(s)
        now = utc_now()
        for req, _tmp in parts:
            prev = audit.append(
                s,
                at=now,
                actor="chair",
                action="kit.export",
                source="local",
                subject={"juror": req.juror_code, "stages": stage_codes},
                new={"file": req.path.name},
                prev_hash=prev,
            )
        s.flush()  # the rows are written (and the write lock held) before the kits are stamped
        for req, tmp in parts:
            _stamp_head(tmp, req.path, prev)
    published: list[Path] = []
    try:
        for req, tmp in parts:
            fsync_and_rename(tmp, req.path)
            published.append(req.path)
    except OSError as exc:
        with db.session() as s:
            audit.append(
                s,
                at=utc_now(),
                actor="chair",
                action="kit.export.failed",
                source="local",
                subject={"files": [r.path.name for r, _t in parts if r.path not in published]},
                new={"reason": exc.strerror or str(exc)},
            )
        raise KolabikError.coded(
            ec.KIT_WRITE_FAILED,
            path=str(req.path),
            reason=os_error_reason(exc),
            reason_code=os_error_code(exc),
        ) from None


def _stamp_head(tmp: Path, target: Path, head: str) -> None:
    """The chair's audit head the kit was made at, written into the finished temporary kit."""
    try:
        con = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            con.execute("PRAGMA synchronous=OFF")  # synced once, when renamed
            con.execute("UPDATE setting SET value = ? WHERE key = ?", (head, CHAIR_HEAD_SETTING))
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise KolabikError.coded(ec.KIT_WRITE_ERROR, path=str(target), detail=str(exc)) from exc


def _is_the_event(out: Path, db: EventDB) -> bool:
    return not isinstance(db, ServerEventDB) and out.samefile(db.path)


def _write_kit(
    source: Path,
    req: _KitRequest,
    tmp: Path,
    stage_ids: list[int],
    stage_codes: list[str],
    first_stage_id: int | None,
) -> None:
    """The juror's kit in ``tmp``, complete but for its chair audit head (stamped later)."""
    tmp.unlink(missing_ok=True)
    try:
        # Read-only: this connection can never checkpoint or delete the open event's journal.
        src = sqlite3.connect(sqlite_uri(source), uri=True)
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            # The backup API copies a consistent snapshot, WAL content included.
            src.backup(dst)
            src.close()
            # A scratch copy until renamed: no disk syncs while cutting (the file is synced
            # once when renamed); the journal in memory still allows a rollback.
            dst.execute("PRAGMA journal_mode=MEMORY")
            dst.execute("PRAGMA synchronous=OFF")
            _cut_to_juror(dst, req.juror_id, stage_ids, stage_codes, first_stage_id)
            # Rewrite the file so deleted rows do not linger in free pages.
            dst.execute("VACUUM")
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise KolabikError.coded(ec.KIT_WRITE_ERROR, path=str(req.path), detail=str(exc)) from exc
    except OSError as exc:
        raise KolabikError.coded(
            ec.KIT_WRITE_FAILED,
            path=str(req.path),
            reason=os_error_reason(exc),
            reason_code=os_error_code(exc),
        ) from exc


def _cut_to_juror(
    con: sqlite3.Connection,
    juror_id: int,
    stage_ids: list[int],
    stage_codes: list[str],
    first_stage_id: int | None,
) -> None:
    con.execute("PRAGMA foreign_keys=OFF")  # children are deleted explicitly, in bulk
    con.execute("BEGIN")
    con.execute("CREATE TEMP TABLE keep_entry (id INTEGER PRIMARY KEY)")
    for stage_id in stage_ids:
        con.execute(
            """
            INSERT OR IGNORE INTO temp.keep_entry
            SELECT e.id FROM entry e
            WHERE (:first OR e.id IN (SELECT entry_id FROM stage_admission WHERE stage_id = :s))
              AND (NOT EXISTS (SELECT 1 FROM assignment WHERE stage_id = :s)
                   OR e.id IN (SELECT entry_id FROM assignment
                               WHERE stage_id = :s AND juror_id = :j))
            """,
            {"first": stage_id == first_stage_id, "s": stage_id, "j": juror_id},
        )
    params = {"j": juror_id, "place": SETTING_REPORT_PLACE, "hub": SETTING_HUB_PUBLIC}
    not_kept = "entry_id NOT IN (SELECT id FROM temp.keep_entry)"
    recused = "entry_id IN (SELECT entry_id FROM conflict WHERE juror_id = :j)"
    for statement in (
        "DELETE FROM audit_log",
        "DELETE FROM package_receipt",
        "DELETE FROM setting WHERE key NOT IN (:place, :hub)",
        "DELETE FROM decision",
        f"DELETE FROM score WHERE juror_id != :j OR {not_kept} OR {recused}",
        f"DELETE FROM comment WHERE juror_id != :j OR {not_kept} OR {recused}",
        "DELETE FROM submission WHERE juror_id != :j",
        f"DELETE FROM assignment WHERE juror_id != :j OR {not_kept}",
        f"DELETE FROM conflict WHERE juror_id != :j OR {not_kept}",
        f"DELETE FROM stage_admission WHERE {not_kept}",
        f"DELETE FROM attachment WHERE {not_kept}",
        "DELETE FROM entry WHERE id NOT IN (SELECT id FROM temp.keep_entry)",
        "DELETE FROM juror WHERE id != :j",
        "UPDATE event SET kind = 'kit', kit_juror_id = :j",
    ):
        con.execute(statement, params)
    # The live link's queue fills from triggers that only kits have (core/store/outbox.py).
    outbox.add_triggers(con.execute)
    con.executemany(
        "INSERT INTO setting (key, value) VALUES (?, ?)",
        # The chair's audit head goes back signed in the juror's packages: an anchor for check.
        # Empty here: _stamp_head writes it once the kit.export row exists.
        [(KIT_STAGES_SETTING, " ".join(stage_codes)), (CHAIR_HEAD_SETTING, "")],
    )
    dangling = con.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        con.execute("ROLLBACK")
        raise KolabikError.coded(ec.KIT_DANGLING, rows=str(dangling[:3]))
    con.execute("DROP TABLE temp.keep_entry")
    con.execute("COMMIT")


def kit_stage_codes(db: EventDB) -> list[str]:
    """The stages a kit was made for (all stages for a chair's file)."""
    with db.session() as s:
        value = get_setting(s, KIT_STAGES_SETTING)
        if db.kind == "kit" and value:
            return value.split()
        return list(s.scalars(select(Stage.code).order_by(Stage.position, Stage.id)))


# ---------------------------------------------------------------------------------------------
# A later kit for the same juror
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KitUpdate:
    entries_added: int
    entries_removed: int
    scores_from_chair: int  # cells the new kit held newer than the juror's kit
    scores_removed_recused: int  # cells dropped because the juror is now recused
    stages: tuple[str, ...]


def update_kit(kit: EventDB | str | Path, new_kit_path: str | Path) -> KitUpdate:
    """Bring a newer kit of the same event and juror into ``kit`` (open or a path), in one
    transaction.

    The rubric, entries, attachments, admissions, assignments and conflicts come from the new
    kit; the juror's scores, comments and submissions stay unless the new kit holds a newer
    revision of the same cell (merge rule of merge.py). Entries the juror has scored stay even
    when the new kit no longer lists them.
    """
    if not isinstance(kit, EventDB):
        opened = open_event_file(kit, lock=True)
        try:
            return update_kit(opened, new_kit_path)
        finally:
            opened.close()
    kit_db = kit
    new_path = Path(new_kit_path)
    if kit_db.kind != "kit" or kit_db.kit_juror_id is None:
        raise KolabikError.coded(ec.KIT_NOT_KIT, file=kit_db.path.name)
    if not new_path.is_file():
        raise EventFileError.coded(ec.LOCK_NOT_FOUND, path=str(new_path))
    revision = schema_revision(new_path)
    if revision != head_revision():
        raise KolabikError.coded(ec.KIT_OTHER_VERSION, file=new_path.name, revision=revision)
    uri = new_path.resolve().as_uri() + "?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with Session(engine) as new:
            return _update_kit(kit_db, new, new_path.name)
    except IntegrityError as exc:
        raise KolabikError.coded(
            ec.KIT_DOES_NOT_FIT, file=new_path.name, detail=str(exc.orig)
        ) from exc
    except (sqlite3.Error, DatabaseError) as exc:
        raise KolabikError.coded(ec.KIT_NOT_READABLE, file=new_path.name, detail=str(exc)) from exc
    finally:
        engine.dispose()


def _rows(session: Session, model: Any, condition: Any = None) -> list[dict[str, Any]]:
    """A table's rows as dicts of column values, e.g. for a bulk insert into the other file."""
    columns = [c.key for c in model.__table__.columns]
    query = select(*(getattr(model, c) for c in columns))
    if condition is not None:
        query = query.where(condition)
    return [dict(zip(columns, row, strict=True)) for row in session.execute(query)]


def _update_kit(kit_db: EventDB, new: Session, new_name: str) -> KitUpdate:
    juror_id = kit_db.kit_juror_id
    new_event = new.scalars(select(Event)).first()
    if new_event is None or new_event.kind != "kit":
        raise KolabikError.coded(ec.KIT_NOT_KIT, file=new_name)
    if new_event.uid != kit_db.uid:
        raise KolabikError.coded(ec.KIT_OTHER_EVENT, file=new_name)
    new_juror = new.get(Juror, new_event.kit_juror_id)
    now = utc_now()
    with kit_db.session() as s:
        juror = s.get(Juror, juror_id)
        assert juror is not None
        if new_event.kit_juror_id != juror_id or new_juror is None or new_juror.code != juror.code:
            raise KolabikError.coded(ec.KIT_OTHER_JUROR, file=new_name, juror=juror.code)
        event = s.scalars(select(Event)).one()
        for attr in ("name", "year", "organiser", "precision", "tiebreak", "round_stage_scores"):
            setattr(event, attr, getattr(new_event, attr))
        event.logo = new_event.logo
        juror.name, juror.affiliation = new_juror.name, new_juror.affiliation
        juror.secret_key = new_juror.secret_key  # the chair's file is the authority on the key

        kept_entries = set(s.scalars(select(Entry.id)))
        new_entries = set(new.scalars(select(Entry.id)))
        for model in (Category, Stage, Criterion, Entry):
            _upsert(s, model, _rows(new, model))
        # Attachments can be large: copy only those new or changed, a few at a time.
        described = (Attachment.id, Attachment.sha256, Attachment.filename, Attachment.mime)
        have = {row[0]: row for row in s.execute(select(*described))}
        wanted = {row[0]: row for row in new.execute(select(*described))}
        changed_ids = [i for i, row in wanted.items() if have.get(i) != row]
        for start in range(0, len(changed_ids), 50):
            chunk = changed_ids[start : start + 50]
            rows = _rows(new, Attachment, Attachment.id.in_(chunk))
            _upsert(s, Attachment, rows)
        s.flush()

        # Entries the juror worked on stay, whatever the new kit says.
        worked_on = set(
            s.scalars(
                select(Score.entry_id).where(Score.juror_id == juror_id, Score.value.is_not(None))
            )
        ) | set(s.scalars(select(Comment.entry_id).where(Comment.juror_id == juror_id)))
        gone_entries = kept_entries - new_entries - worked_on
        new_conflicts = _rows(new, Conflict)
        recused = {r["entry_id"] for r in new_conflicts}
        removed = _drop_recused(s, juror.code, recused, new_name, now)
        s.execute(delete(StageAdmission))
        s.execute(delete(Assignment))
        s.execute(delete(Conflict))
        if gone_entries:
            s.execute(delete(Entry).where(Entry.id.in_(gone_entries)))
        s.execute(
            delete(Criterion).where(Criterion.id.not_in(set(new.scalars(select(Criterion.id)))))
        )
        s.execute(delete(Stage).where(Stage.id.not_in(set(new.scalars(select(Stage.id))))))
        s.execute(
            delete(Attachment).where(
                Attachment.entry_id.in_(new_entries), Attachment.id.not_in(set(wanted))
            )
        )
        link_tables: tuple[tuple[Any, list[dict[str, Any]]], ...] = (
            (StageAdmission, _rows(new, StageAdmission)),
            (Assignment, _rows(new, Assignment)),
            (Conflict, new_conflicts),
        )
        for link_model, link_rows in link_tables:
            if link_rows:
                s.execute(insert(link_model), link_rows)
        from_chair = _merge_kit_scores(s, new, juror_id, juror.code, new_name, now)
        copied = {key: get_setting(new, key) for key in KIT_COPIED_SETTINGS}
        for key, value in copied.items():
            put_setting(s, key, value)
        stages_value = copied[KIT_STAGES_SETTING]
        audit.append(
            s,
            at=now,
            actor="chair",
            action="kit.update",
            source=new_name,
            subject={"juror": juror.code},
            new={"stages": stages_value},
        )
    kit_db.notify(Change("all", frozenset(), new_name))
    return KitUpdate(
        entries_added=len(new_entries - kept_entries),
        entries_removed=len(gone_entries),
        scores_from_chair=from_chair,
        scores_removed_recused=removed,
        stages=tuple(stages_value.split()),
    )


def _upsert(s: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    existing = set(s.scalars(select(model.id)))
    updates = [r for r in rows if r["id"] in existing]
    inserts = [r for r in rows if r["id"] not in existing]
    if updates:
        s.execute(update(model), updates)
    if inserts:
        s.execute(insert(model), inserts)


def _drop_recused(s: Session, juror_code: str, recused: set[int], source: str, now: str) -> int:
    """The juror's cells on entries they are now recused from: the chair would refuse them."""
    return writer.remove_recused(s, juror_code, recused, source=source, now=now)


_COUNTS_FOR_NOTHING = {
    rules.CELL_RECUSED,
    rules.CELL_NOT_ADMITTED,
    rules.CELL_NOT_ASSIGNED,
    rules.CELL_UNKNOWN_ENTRY,
}


def _merge_kit_scores(
    s: Session, new: Session, juror_id: int | None, juror_code: str, source: str, now: str
) -> int:
    """The chair's newer cells of this juror through the one writer (newest revision wins).

    A cell of an entry the juror may not score in the kit (e.g. a score the chair's event keeps
    from before an entry left a stage) counts for nothing and is not copied; the chair's event
    keeps it."""
    if juror_id is None:
        return 0
    cells: list[writer.Cell] = [
        writer.ScoreCell(
            juror_id, r.entry_id, r.criterion_id, r.value, r.note, r.revision, r.updated_at
        )
        for r in new.scalars(select(Score).where(Score.juror_id == juror_id))
    ]
    cells += [
        writer.CommentCell(juror_id, c.entry_id, c.stage_id, c.text, c.revision, c.updated_at)
        for c in new.scalars(select(Comment).where(Comment.juror_id == juror_id))
    ]
    mine = {
        u.stage_id: (u.submitted, u.revision, u.updated_at)
        for u in s.scalars(select(Submission).where(Submission.juror_id == juror_id))
    }
    cells += [
        _carried(
            writer.SubmissionCell(juror_id, u.stage_id, u.submitted, u.revision, u.updated_at),
            mine.get(u.stage_id),
        )
        for u in new.scalars(select(Submission).where(Submission.juror_id == juror_id))
    ]
    s.flush()
    located = [_at(cell, i) for i, cell in enumerate(cells)]
    ignored = {p.where.row for p in writer.check_cells(s, located) if p.code in _COUNTS_FOR_NOTHING}
    kept = [cell for i, cell in enumerate(cells) if i not in ignored]
    # Any other problem (a value out of range, an over-long note) refuses the whole update.
    # The chair's event is the authority on the submitted-stage lock: nothing is held here.
    result = writer.write_cells(
        s, kept, actor=writer.CHAIR, source=source, now=now, hold_submitted=False
    )
    return result.scores


def _carried(
    theirs: writer.SubmissionCell, mine: tuple[bool, int, str] | None
) -> writer.SubmissionCell:
    """The chair's reopen of a stage the kit holds as submitted, made to win the merge.

    The chair reopened after the juror submitted (by time), perhaps at a lower revision than the
    kit's: the reopen takes the kit's revision, so it wins by its later time, and the juror's
    next submit outranks both. Any other submission row merges as it is."""
    if mine is None or theirs.submitted or not mine[0] or not theirs.updated_at:
        return theirs
    if theirs.updated_at <= mine[2] or theirs.revision is None:
        return theirs
    return theirs._replace(revision=max(mine[1], theirs.revision))


def _at(cell: writer.Cell, index: int) -> writer.Cell:
    """The cell, located by its index in the batch, to tell which cells the gate refuses."""
    return cell._replace(where=Where(row=index))
