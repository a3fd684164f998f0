"""Juror signing keys: Ed25519 key pairs made by each juror's kit, and their short fingerprints.

A kit makes its own key pair the first time it is opened for work (``ensure_kit_key``); the
private key is kept in the kit's settings and never leaves it. The public key travels inside
every package the kit signs; the chair's event trusts it the first time that juror's package
arrives (juror.public_key) and refuses a package signed by any other key for that juror.
"""

from __future__ import annotations

import functools

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.db import EventDB, utc_now
from kolabik_desktop.core.store.keys import key_fingerprint as key_fingerprint  # re-exported
from kolabik_desktop.core.store.models import Juror
from kolabik_desktop.core.store.settings import get_setting, put_setting

KIT_KEY_SETTING = "kit_signing_key"  # hex of the 32-byte Ed25519 private key, in kits only
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


def new_private_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes_raw()


@functools.lru_cache(maxsize=8)
def _key_pair(private: bytes) -> tuple[Ed25519PrivateKey, bytes]:
    """The key object and public half of a private key, made once: a juror's kit signs a delta
    and a request with its one key on every save, and each made the object twice."""
    key = Ed25519PrivateKey.from_private_bytes(private)
    return key, key.public_key().public_bytes_raw()


def public_key_of(private: bytes) -> bytes:
    return _key_pair(private)[1]


def sign_bytes(private: bytes, data: bytes) -> str:
    """The hex Ed25519 signature of ``data``."""
    return _key_pair(private)[0].sign(data).hex()


def verify_bytes(public: bytes, data: bytes, signature_hex: str) -> bool:
    """True when ``signature_hex`` is ``public``'s signature of ``data``; never raises."""
    try:
        signature = bytes.fromhex(signature_hex)
        key = Ed25519PublicKey.from_public_bytes(public)
        key.verify(signature, data)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def forget_juror_key(db: EventDB, juror_code: str) -> str:
    """The chair stops trusting a juror's key (a lost kit); their next signed package is trusted.

    Audited as juror.key.forget with the fingerprint forgotten, which is returned. Packages already
    imported stay verifiable: `kolabik check` accepts every key the log shows was trusted.
    """
    from kolabik_desktop.core.errors import ValidationError

    if db.kind != "event":
        raise ValidationError.coded(ec.KEY_FORGET_NOT_CHAIR)
    with db.session() as s:
        juror = s.scalars(select(Juror).where(Juror.code == juror_code)).first()
        if juror is None:
            raise ValidationError.coded(ec.JUROR_UNKNOWN, juror=juror_code)
        if juror.public_key is None:
            raise ValidationError.coded(ec.KEY_NONE, juror=juror_code)
        fingerprint = key_fingerprint(juror.public_key)
        juror.public_key = None
        audit.append(
            s,
            at=utc_now(),
            actor="chair",
            action="juror.key.forget",
            source="local",
            subject={"juror": juror_code},
            new={"fingerprint": fingerprint},
        )
    return fingerprint


def kit_private_key(db: EventDB) -> bytes | None:
    """The kit's own private key, or None when the kit has not made one yet."""
    with db.session() as s:
        value = get_setting(s, KIT_KEY_SETTING)
    return bytes.fromhex(value) if value else None


def ensure_kit_key(db: EventDB) -> bytes | None:
    """A kit's private key, made (and audited) the first time; None for a chair's event."""
    if db.kind != "kit" or db.kit_juror_id is None:
        return None
    existing = kit_private_key(db)
    if existing is not None:
        return existing
    private = new_private_key()
    with db.session() as s:
        # Made inside the write transaction: two windows opening one kit keep one key.
        value = get_setting(s, KIT_KEY_SETTING)
        if value:
            return bytes.fromhex(value)
        put_setting(s, KIT_KEY_SETTING, private.hex())
        juror = s.get(Juror, db.kit_juror_id)
        audit.append(
            s,
            at=utc_now(),
            actor=juror.code if juror else "",
            action="juror.key",
            source="local",
            subject={"juror": juror.code if juror else ""},
            new={"fingerprint": key_fingerprint(public_key_of(private))},
        )
    return private
