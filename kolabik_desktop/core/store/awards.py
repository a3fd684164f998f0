"""After the verdict: the award settings (certificate signer, distinction names, legal bases) and
the provenance of an entry promoted from another event.

Both live in the ``setting`` key/value table: award settings are event settings, and a
provenance record is one small JSON text per entry (keyed by the entry's id, so renaming the
entry keeps it). Writes go through ``update_award_settings`` and ``set_provenance``, audited
like every other setup change.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import asdict, dataclass

from sqlalchemy import select

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.store.db import Change, EventDB
from kolabik_desktop.core.store.models import Entry, Setting
from kolabik_desktop.core.store.queries.entries import (  # Provenance: re-exported
    PROVENANCE_PREFIX,
    Provenance,
    provenance_key,
)
from kolabik_desktop.core.store.services import audit_rubric_change
from kolabik_desktop.core.store.settings import get_setting, put_setting
from kolabik_desktop.core.store.setup import (
    CHAIR,
    MAX_LOGO_BYTES,
    _check_chair,
    image_kind,
)

SETTING_SIGNER_NAME = "award.signer_name"
SETTING_SIGNER_TITLE = "award.signer_title"
SETTING_SIGNATURE = "award.signature"  # a PNG or JPEG, base64
SETTING_PLACES = "award.places"  # "Terbaik I; Terbaik II; Terbaik III"
SETTING_HONOURABLE = "award.honourable"  # "Juara Harapan I; Juara Harapan II"
SETTING_GROUP = "award.group"  # "{n} Inovasi Terbaik": every other awarded place
SETTING_COUNT = "award.count"  # how many places are awarded when --top is not given
SETTING_LEGAL_BASES = "decision.legal_bases"  # one per line (Mengingat)

DEFAULT_PLACES = ("Terbaik I", "Terbaik II", "Terbaik III")
DEFAULT_GROUP = "{n} Inovasi Terbaik"
DEFAULT_COUNT = 10
DEFAULT_LEGAL_BASES = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 3 Tahun 2018 "
    "tentang Kompetisi Inovasi Pelayanan Publik di Lingkungan Kementerian/Lembaga, Pemerintah "
    "Daerah, Badan Usaha Milik Negara, dan Badan Usaha Milik Daerah",
    # The regional regulation is the event's own: left for the legal office to fill in.
    "Peraturan Daerah/Peraturan Kepala Daerah Nomor ..... Tahun ..... tentang .....",
)
MAX_COUNT = 1000


@dataclass(frozen=True)
class AwardSettings:
    signer_name: str = ""
    signer_title: str = ""  # e.g. "Wali Kota Pasuruan"
    places: tuple[str, ...] = DEFAULT_PLACES
    honourable: tuple[str, ...] = ()
    group: str = DEFAULT_GROUP
    count: int = DEFAULT_COUNT
    legal_bases: tuple[str, ...] = DEFAULT_LEGAL_BASES
    signature: bytes | None = None

    def place_text(self, rank: int, awarded: int) -> str:
        """The distinction printed for a place: a named place, a Juara Harapan, else the group."""
        if 1 <= rank <= len(self.places):
            return self.places[rank - 1]
        harapan = rank - len(self.places)
        if 1 <= harapan <= len(self.honourable):
            return self.honourable[harapan - 1]
        return self.group.replace("{n}", str(awarded))


def split_names(text: str) -> tuple[str, ...]:
    """'Terbaik I; Terbaik II' (or one per line) -> ('Terbaik I', 'Terbaik II')."""
    parts = text.replace("\n", ";").split(";")
    return tuple(p.strip() for p in parts if p.strip())


def join_names(names: tuple[str, ...]) -> str:
    return "; ".join(names)


def _decode_image(text: str) -> bytes | None:
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None  # a damaged setting prints no signature rather than stopping the report


def read_award_settings(values: dict[str, str]) -> AwardSettings:
    """Settings from the raw key/value pairs (missing keys take the defaults)."""
    count_text = values.get(SETTING_COUNT, "")
    count = int(count_text) if count_text.isdigit() and int(count_text) > 0 else DEFAULT_COUNT
    places = values.get(SETTING_PLACES)
    bases = values.get(SETTING_LEGAL_BASES)
    return AwardSettings(
        signer_name=values.get(SETTING_SIGNER_NAME, ""),
        signer_title=values.get(SETTING_SIGNER_TITLE, ""),
        places=DEFAULT_PLACES if places is None else split_names(places),
        honourable=split_names(values.get(SETTING_HONOURABLE, "")),
        group=values.get(SETTING_GROUP) or DEFAULT_GROUP,
        count=count,
        legal_bases=DEFAULT_LEGAL_BASES
        if bases is None
        else tuple(line.strip() for line in bases.splitlines() if line.strip()),
        signature=_decode_image(values.get(SETTING_SIGNATURE, "")),
    )


AWARD_KEYS = (
    SETTING_SIGNER_NAME,
    SETTING_SIGNER_TITLE,
    SETTING_SIGNATURE,
    SETTING_PLACES,
    SETTING_HONOURABLE,
    SETTING_GROUP,
    SETTING_COUNT,
    SETTING_LEGAL_BASES,
)


def award_setting_values(settings: AwardSettings) -> dict[str, str]:
    """The settings as stored text, one per key (the inverse of ``read_award_settings``)."""
    return {
        SETTING_SIGNER_NAME: settings.signer_name.strip(),
        SETTING_SIGNER_TITLE: settings.signer_title.strip(),
        SETTING_SIGNATURE: base64.b64encode(settings.signature).decode("ascii")
        if settings.signature
        else "",
        SETTING_PLACES: join_names(settings.places),
        SETTING_HONOURABLE: join_names(settings.honourable),
        SETTING_GROUP: settings.group.strip(),
        SETTING_COUNT: str(settings.count),
        SETTING_LEGAL_BASES: "\n".join(settings.legal_bases),
    }


def check_award_settings(settings: AwardSettings) -> None:
    """Raise ValidationError naming the setting that is wrong."""
    if len(settings.signer_name) > 200:
        raise ValidationError.coded(ec.AWARD_SIGNER_NAME_LONG)
    if len(settings.signer_title) > 200:
        raise ValidationError.coded(ec.AWARD_SIGNER_TITLE_LONG)
    for code, names in (
        (ec.AWARD_PLACE_NAME_LONG, settings.places),
        (ec.AWARD_HONOURABLE_NAME_LONG, settings.honourable),
    ):
        for name in names:
            if len(name) > 100:
                raise ValidationError.coded(code, name=name[:40])
    if len(settings.group) > 100:
        raise ValidationError.coded(ec.AWARD_GROUP_LONG)
    if not 1 <= settings.count <= MAX_COUNT:
        raise ValidationError.coded(ec.AWARD_COUNT, count=settings.count)
    if sum(len(b) for b in settings.legal_bases) > 5000:
        raise ValidationError.coded(ec.AWARD_LEGAL_LONG)
    if settings.signature is not None:
        if len(settings.signature) > MAX_LOGO_BYTES:
            raise ValidationError.coded(ec.AWARD_SIGNATURE_SIZE)
        if image_kind(settings.signature) is None:
            raise ValidationError.coded(ec.AWARD_SIGNATURE_KIND)


def get_award_settings(db: EventDB) -> AwardSettings:
    with db.session() as s:
        rows = s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(AWARD_KEYS)))
        return read_award_settings(dict(rows.all()))


def _audit_view(values: dict[str, str]) -> dict[str, str]:
    # The signature is audited by its size, not its bytes.
    out = dict(values)
    if out.get(SETTING_SIGNATURE):
        out[SETTING_SIGNATURE] = f"{len(out[SETTING_SIGNATURE])} base64 characters"
    return out


def update_award_settings(db: EventDB, settings: AwardSettings, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    check_award_settings(settings)
    new = award_setting_values(settings)
    # Defaults are stored as such, so an event keeps its wording if a later version's defaults change.
    with db.session() as s:
        old = {key: get_setting(s, key) for key in AWARD_KEYS}
        if old == new:
            return
        for key, value in new.items():
            if key in (SETTING_PLACES, SETTING_LEGAL_BASES):
                # Stored even when empty: an emptied list must not fall back to the default.
                s.merge(Setting(key=key, value=value))
            else:
                put_setting(s, key, value)
        audit_rubric_change(
            s,
            actor=actor,
            action="award.update",
            subject={"settings": "award"},
            old=_audit_view(old),
            new=_audit_view(new),
        )
    db.notify(Change("event"))


# ---------------------------------------------------------------------------------------------
# Provenance of a promoted entry
# ---------------------------------------------------------------------------------------------


def all_provenance(db: EventDB) -> dict[int, Provenance]:
    """Every promoted entry's provenance, by entry id."""
    with db.session() as s:
        rows = s.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(PROVENANCE_PREFIX))
        ).all()
    out: dict[int, Provenance] = {}
    for key, value in rows:
        suffix = key[len(PROVENANCE_PREFIX) :]
        record = Provenance.from_json(value)
        if suffix.isdigit() and record is not None:
            out[int(suffix)] = record
    return out


def set_provenance(db: EventDB, entry_id: int, record: Provenance, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        entry = s.get(Entry, entry_id)
        if entry is None:
            raise ValidationError.coded(ec.ENTRY_ID_GONE, id=entry_id)
        text = json.dumps(asdict(record), ensure_ascii=False, sort_keys=True)
        old = get_setting(s, provenance_key(entry_id)) or None
        if old == text:
            return
        put_setting(s, provenance_key(entry_id), text)
        audit_rubric_change(
            s,
            actor=actor,
            action="entry.provenance",
            subject={"entry": entry.code},
            old=json.loads(old) if old else None,
            new=asdict(record),
        )
    db.notify(Change("entries", frozenset({entry_id})))
