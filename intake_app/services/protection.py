"""Personal data at rest: Fernet encryption for contact details, and a keyed hash so a
phone number can be looked up (STATUS, STOP, conversations) without being stored in clear,
or a staff email counted by a rate limit without being logged."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet
from flask import current_app


def _fernet() -> Fernet:
    return Fernet(current_app.config["ENCRYPTION_KEY"].encode())


def encrypt_json(value: Any) -> bytes:
    return _fernet().encrypt(json.dumps(value, ensure_ascii=False).encode())


def decrypt_json(token: bytes | None) -> Any:
    if token is None:
        return None
    return json.loads(_fernet().decrypt(token))


def lookup_hash(phone_e164: str) -> str:
    key = current_app.config["LOOKUP_HASH_KEY"].encode()
    return hmac.new(key, phone_e164.encode(), hashlib.sha256).hexdigest()


def keyed_digest(value: str, *, purpose: str) -> str:
    """A short keyed hash of ``value`` that stands for it where it must not be written
    (a rate limit's key is logged when the limit is reached), distinct per ``purpose``."""
    key = current_app.config["LOOKUP_HASH_KEY"].encode()
    message = f"{purpose}:{value}".encode("utf-8", "surrogateescape")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]
