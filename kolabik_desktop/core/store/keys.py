"""The short fingerprint of a juror's public key, as printed and shown (no crypto library here)."""

from __future__ import annotations

import hashlib


def key_fingerprint(public: bytes) -> str:
    """'7C1F-09AB-E2D4-5B60': 64 bits of SHA-256 over the public key, to compare on paper."""
    digest = hashlib.sha256(public).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))
