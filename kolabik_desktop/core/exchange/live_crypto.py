"""The live link's envelope: what crosses the LAN is ciphertext, readable only by the two ends.

A request is sealed to the hub's static X25519 key with a fresh ephemeral key per request
(ECIES): ``epk (32) | nonce (12) | ChaCha20-Poly1305(key, plaintext)``, the key derived by
HKDF-SHA256 from the shared secret and both public keys. The answer is sealed with the same key
(``nonce | ciphertext``), so a juror's app knows it came from the holder of the pinned hub key: a
rogue hub announcing the same event cannot read a request nor forge an answer. An eavesdropper
sees only sizes and timing.
"""

from __future__ import annotations

import functools
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

_INFO = b"kolabik-live-v1"
_REQUEST_AAD = b"kolabik-live request"
_ANSWER_AAD = b"kolabik-live answer"
KEY_BYTES = 32
NONCE_BYTES = 12
OVERHEAD = KEY_BYTES + NONCE_BYTES + 16


class SealError(Exception):
    """The envelope is damaged, or sealed for another key."""


def new_private_key() -> bytes:
    return os.urandom(KEY_BYTES)


def public_key_of(private: bytes) -> bytes:
    return _key_pair(private)[1]


@functools.lru_cache(maxsize=4)
def _key_pair(private: bytes) -> tuple[X25519PrivateKey, bytes]:
    """The key object and public half of a private key: the hub opens every request with the
    same key, and loading it twice per request cost more than the exchange."""
    key = X25519PrivateKey.from_private_bytes(private)
    return key, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _derive(shared: bytes, epk: bytes, hub_public: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + hub_public, info=_INFO)
    return hkdf.derive(shared)


def seal_request(hub_public: bytes, plaintext: bytes) -> tuple[bytes, bytes]:
    """(the sealed request, the session key that opens its answer)."""
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(hub_public))
    key = _derive(shared, epk, hub_public)
    nonce = os.urandom(NONCE_BYTES)
    return epk + nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, _REQUEST_AAD), key


def open_request(hub_private: bytes, sealed: bytes) -> tuple[bytes, bytes]:
    """(plaintext, session key) of a sealed request; SealError when it cannot be opened."""
    if len(sealed) < OVERHEAD:
        raise SealError("too short")
    epk, nonce, body = (
        sealed[:KEY_BYTES],
        sealed[KEY_BYTES : OVERHEAD - 16],
        sealed[OVERHEAD - 16 :],
    )
    try:
        private, public = _key_pair(hub_private)
        shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
        key = _derive(shared, epk, public)
        return ChaCha20Poly1305(key).decrypt(nonce, body, _REQUEST_AAD), key
    except (InvalidTag, ValueError) as exc:
        raise SealError(str(exc) or "cannot be opened") from None


def seal_answer(key: bytes, plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, _ANSWER_AAD)


def open_answer(key: bytes, sealed: bytes) -> bytes:
    if len(sealed) < NONCE_BYTES + 16:
        raise SealError("too short")
    try:
        return ChaCha20Poly1305(key).decrypt(
            sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], _ANSWER_AAD
        )
    except (InvalidTag, ValueError) as exc:
        raise SealError(str(exc) or "cannot be opened") from None
