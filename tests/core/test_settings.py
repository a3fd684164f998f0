"""core/store/settings.py: the one reading and writing of an event file's settings rows."""

from __future__ import annotations

from factories import make_event
from sqlalchemy import func, select

from kolabik_desktop.core.store.models import Setting
from kolabik_desktop.core.store.settings import get_setting, put_setting


def test_a_setting_is_written_read_replaced_and_removed_by_an_empty_value(tmp_path):
    db, _ids = make_event(tmp_path / "s.kolabik", entries=2, jurors=2)
    rows = select(func.count()).select_from(Setting).where(Setting.key == "test.key")
    with db.session() as s:
        assert get_setting(s, "test.key") == ""  # no row reads as ''
        put_setting(s, "test.key", "a")
    with db.session() as s:
        assert get_setting(s, "test.key") == "a"
        put_setting(s, "test.key", "b")
    with db.session() as s:
        assert get_setting(s, "test.key") == "b" and s.scalar(rows) == 1
        put_setting(s, "test.key", "")
    with db.session() as s:
        assert s.scalar(rows) == 0 and get_setting(s, "test.key") == ""
        put_setting(s, "test.key", "")  # removing what is not there is no error
    db.close()
