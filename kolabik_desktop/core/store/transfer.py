"""`kolabik copy`: move an event between a file and a server, losslessly, in either direction.

Every table is copied row by row with its ids (so the audit chain, which hashes ids and texts,
stays valid), attachments and keys included. The target is written whole or not at all: a file
is built beside its target and renamed into place; a server database is filled in one transaction
(PostgreSQL's DDL is transactional, so the schema goes with it).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, event, func, insert, select
from sqlalchemy.exc import OperationalError

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import EventFileError, KolabikError
from kolabik_desktop.core.files import write_output_with
from kolabik_desktop.core.store import dialect
from kolabik_desktop.core.store.db import (
    EventDB,
    _make_engine,
    _upgrade_to_head,
    open_event_file,
    set_self_contained_pragmas,
    storage_error,
)
from kolabik_desktop.core.store.models import Base

CHUNK = 2000


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    rows: dict[str, int]  # table -> rows copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_event(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> CopyResult:
    """Copy the event at ``source`` to ``target`` (a new file, or an empty server database)."""
    src_loc, dst_loc = dialect.as_location(source), dialect.as_location(target)
    if _same(src_loc, dst_loc):
        raise KolabikError.coded(ec.COPY_SAME, source=dialect.describe(src_loc))
    with open_event_file(src_loc, read_only=True) as src:
        if dialect.is_server_url(dst_loc):
            rows = _copy_to_server(src.engine, str(dst_loc), overwrite, progress)
        else:
            rows = _copy_to_file(src.engine, Path(dst_loc), overwrite, progress)
    return CopyResult(dialect.describe(src_loc), dialect.describe(dst_loc), rows)


def _same(a: str | Path, b: str | Path) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    return dialect.describe(a) == dialect.describe(b)


def copy_rows(
    src: Connection, dst: Connection, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Every table's rows, parents before children, ids kept; counts checked after."""
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.c)
        result = src.execute(select(table).order_by(*order)).mappings()
        n = 0
        while batch := result.fetchmany(CHUNK):
            dst.execute(insert(table), [dict(row) for row in batch])
            n += len(batch)
            if progress:
                progress(table.name, n)
        written = dst.execute(select(func.count()).select_from(table)).scalar_one()
        if written != n:
            raise KolabikError.coded(ec.COPY_COUNT, table=table.name, read=n, written=written)
        counts[table.name] = n
    dialect.reset_sequences(dst)
    return counts


def _copy_to_server(
    src: Engine, location: str, overwrite: bool, progress: Callable[[str, int], None] | None
) -> dict[str, int]:
    url = dialect.parse_server_url(location)
    engine = dialect.server_engine(url)
    try:
        tables = dialect.server_table_names(engine)
        if tables and not overwrite:
            raise EventFileError.coded(
                ec.COPY_TARGET_NOT_EMPTY, target=url.label(), tables=len(tables)
            )
        with engine.begin() as dst, dialect.snapshot(src) as s:
            if tables:
                Base.metadata.drop_all(dst)
                dst.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
            _upgrade_to_head(dst)
            return copy_rows(s, dst, progress)
    except KolabikError:
        raise
    except Exception as exc:
        raise EventFileError.coded(
            ec.COPY_ROLLED_BACK, target=url.label(), detail=str(exc)
        ) from exc
    finally:
        engine.dispose()


def _copy_to_file(
    src: Engine, path: Path, overwrite: bool, progress: Callable[[str, int], None] | None
) -> dict[str, int]:
    if path.exists() and not overwrite:
        raise EventFileError.coded(ec.COPY_FILE_EXISTS, file=str(path))
    if not path.parent.is_dir():
        raise EventFileError.coded(ec.COPY_NO_FOLDER, folder=str(path.parent))
    rows: dict[str, int] = {}

    def build(tmp: Path) -> None:
        engine = _make_engine(tmp)
        # A rollback journal, not WAL: every committed row is in the file itself when the
        # transaction ends, so the rename moves the whole copy (a WAL left unmerged beside the
        # temporary name would not move with it). Synced once, by the atomic write.
        event.listen(engine, "connect", set_self_contained_pragmas)
        try:
            with engine.begin() as dst, dialect.snapshot(src) as s:
                _upgrade_to_head(dst)
                rows.update(copy_rows(s, dst, progress))
        except OperationalError as exc:  # SQLite's "disk is full", "readonly", ...
            raise storage_error(path, exc) from None
        except KolabikError:
            raise
        except Exception as exc:  # the source's server dropped, ...: not a file-system error
            raise EventFileError.coded(ec.COPY_FAILED, file=str(path), detail=str(exc)) from exc
        finally:
            engine.dispose()
        if Path(f"{tmp}-wal").exists():
            raise EventFileError.coded(ec.COPY_JOURNAL_NOT_MERGED, file=str(path))

    # Creating, syncing or renaming the file failing is said by the atomic write, with why.
    write_output_with(path, "event copy", build)
    return rows


@contextmanager
def as_file(db: EventDB) -> Iterator[Path]:
    """The event as an SQLite file to cut from (kits): the file itself, or a server's copy.

    A server event is copied to a temporary file, removed afterwards.
    """
    if not isinstance(db, dialect.ServerEventDB):
        yield db.path
        return
    with tempfile.TemporaryDirectory(prefix="kolabik-copy-") as folder:
        path = Path(folder) / "event.kolabik"
        _copy_to_file(db.engine, path, False, None)
        yield path
