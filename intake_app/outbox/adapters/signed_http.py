"""Signed JSON webhooks: the case store, the duty team and advocacy providers.

Every POST carries an ``Idempotency-Key`` (the receiver de-duplicates on it: delivery is
at least once), a ``X-Intake-Timestamp`` and ``X-Intake-Signature: sha256=<hex>``, the
HMAC-SHA256 of ``timestamp + "." + body`` under the shared secret, so the receiver can
check who sent it and reject old replays. See docs/case_store.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from ..outcomes import PermanentError, RetryableError

SIGNATURE_HEADER = "X-Intake-Signature"
TIMESTAMP_HEADER = "X-Intake-Timestamp"
# Statuses a peer may recover from; every other 4xx means the request itself is wrong.
RETRYABLE_CLIENT_STATUSES = (408, 429)
# Enough of a refusal for an officer to see why, not a whole HTML error page.
ERROR_BODY_CHARS = 2000


_sessions = threading.local()


def _session() -> requests.Session:
    """One keep-alive session per worker thread (a Session is not safe to share)."""
    session = getattr(_sessions, "session", None)
    if session is None:
        session = _sessions.session = requests.Session()
    return session


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds, from either of its forms (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def post_signed(
    url: str,
    document: dict[str, Any],
    *,
    secret: str,
    idempotency_key: str,
    timeout: float,
) -> requests.Response:
    """POST ``document``; return the 2xx response, or raise the error the worker acts on."""
    if not url:
        raise PermanentError("no webhook URL configured")
    if not secret:
        raise PermanentError(f"no signing secret configured for {url}")
    body = encode(document)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "Idempotency-Key": idempotency_key,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }
    try:
        response = _session().post(url, data=body, headers=headers, timeout=timeout,
                                 allow_redirects=False)
    except requests.Timeout as error:
        raise RetryableError(f"timed out after {timeout:g}s: {url}") from error
    except requests.RequestException as error:
        raise RetryableError(f"could not reach {url}: {type(error).__name__}") from error
    if 200 <= response.status_code < 300:
        return response
    detail = f"HTTP {response.status_code} from {url}: {response.text[:ERROR_BODY_CHARS]}"
    if response.status_code >= 500 or response.status_code in RETRYABLE_CLIENT_STATUSES:
        raise RetryableError(detail,
                             retry_after=retry_after_seconds(response.headers.get("Retry-After")))
    raise PermanentError(detail)
