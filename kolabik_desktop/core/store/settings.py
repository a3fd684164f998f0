"""The event file's key/value settings (the ``setting`` table): one reading and one writing of a
row, for every module that keeps a setting there.

A setting with no row reads as '' and writing '' removes the row, so "unset" has one form.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from kolabik_desktop.core.store.models import Setting

# Built once: a juror's kit reads its acknowledgement settings on every save it pushes, and
# building a select cost more than running it on a kit's few rows.
_VALUE = select(Setting.value).where(Setting.key == bindparam("key"))


def get_setting(session: Session, key: str) -> str:
    """The setting's value, '' when it has none."""
    return session.scalar(_VALUE, {"key": key}) or ""


def put_setting(session: Session, key: str, value: str) -> None:
    """Set the setting (in ``session``'s transaction); '' removes it."""
    row = session.get(Setting, key)
    if not value:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
