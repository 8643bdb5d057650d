"""Personal data at rest: Fernet encryption for contact details and free text, and a keyed
hash so a phone number can be looked up (STATUS, STOP, conversations) without being stored
in clear, or a staff email counted by a rate limit without being logged.

Encryption uses a ``MultiFernet`` over ``ENCRYPTION_KEYS`` (newest first, or the single
``ENCRYPTION_KEY``): new values are encrypted with the newest key and any listed key
reads, so a key can be rotated (``flask keys rotate``) before the old one is removed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app

_CIPHERS = "protection_ciphers"


def encryption_keys(config: dict[str, Any]) -> tuple[str, ...]:
    """The keys in force, newest first: ``ENCRYPTION_KEYS`` when set, else the one key."""
    return tuple(config.get("ENCRYPTION_KEYS") or ()) or (config["ENCRYPTION_KEY"],)


def _ciphers() -> tuple[MultiFernet, Fernet]:
    """The MultiFernet that reads with every key, and the newest key alone (made once per
    app and key list: building them costs more than encrypting a short text)."""
    keys = encryption_keys(current_app.config)
    cache: dict[tuple[str, ...], tuple[MultiFernet, Fernet]] = (
        current_app.extensions.setdefault(_CIPHERS, {}))
    if keys not in cache:
        fernets = [Fernet(key.encode()) for key in keys]
        cache.clear()
        cache[keys] = (MultiFernet(fernets), fernets[0])
    return cache[keys]


def encrypt_json(value: Any) -> bytes:
    return _ciphers()[0].encrypt(json.dumps(value, ensure_ascii=False).encode())


def decrypt_json(token: bytes | None) -> Any:
    if token is None:
        return None
    return json.loads(_ciphers()[0].decrypt(token))


def encrypt_text(value: str) -> str:
    """A Fernet token (URL-safe base64, so it fits a text column) of ``value``."""
    return _ciphers()[0].encrypt(value.encode()).decode("ascii")


def decrypt_text(token: str) -> str:
    return _ciphers()[0].decrypt(token.encode("ascii")).decode()


def reencrypted(token: bytes) -> bytes | None:
    """``token`` encrypted again with the newest key, or None when it already is (so a
    rotation run twice changes nothing the second time)."""
    multi, newest = _ciphers()
    try:
        newest.decrypt(token)
    except InvalidToken:
        return multi.rotate(token)
    return None


def lookup_hash(phone_e164: str) -> str:
    key = current_app.config["LOOKUP_HASH_KEY"].encode()
    return hmac.new(key, phone_e164.encode(), hashlib.sha256).hexdigest()


def keyed_digest(value: str, *, purpose: str) -> str:
    """A short keyed hash of ``value`` that stands for it where it must not be written
    (a rate limit's key is logged when the limit is reached), distinct per ``purpose``."""
    key = current_app.config["LOOKUP_HASH_KEY"].encode()
    message = f"{purpose}:{value}".encode("utf-8", "surrogateescape")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]
