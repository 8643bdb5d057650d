"""Security headers for every response, set in one place.

The Content-Security-Policy has no 'unsafe-inline', so templates may never carry inline
script or style. Pages are never cached: nearly every page shows a draft or personal data,
and a shared family phone must not show a child's complaint from its history or cache.

Strict-Transport-Security is sent when the request came over HTTPS, or when the site's
public URL (PUBLIC_BASE_URL) is https: behind a TLS proxy that is not counted in
PROXY_FIX_HOPS the app sees http, yet the browser gets the header over HTTPS (browsers
ignore it over plain http). It has no includeSubDomains: other sites of the council may
still be served over http.

``local_path`` is the one check of a ``next=`` target: a path on this site, or nothing.

Every value a template prints drops the characters HTML may not carry (C0 and C1 controls
but tab and line breaks, and noncharacters), so a page that shows what was typed back
(a search, a form with an error) stays valid HTML whatever was typed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request
from markupsafe import Markup

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
STRICT_TRANSPORT_SECURITY = "max-age=31536000"


def local_path(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None: a crafted link must not send
    anyone elsewhere. Browsers drop tabs and line breaks from a URL and read a backslash
    as a slash, so "/\t/evil.example" would open //evil.example: any control, separator
    or other unprintable character, or a backslash, is refused."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(not char.isprintable() or char == "\\" for char in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def _set_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    if request.is_secure or current_app.config.get("PUBLIC_BASE_URL", "").startswith("https://"):
        response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


# C0 controls but tab, line feed, form feed and carriage return; DEL and C1 controls; the
# noncharacters U+FDD0..U+FDEF and the last two code points of every plane.
_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)) + "]")


def printable_in_html(value: Any) -> Any:
    """Jinja's ``finalize``: ``value`` without the characters HTML may not carry (a form
    field already rendered as Markup stays Markup)."""
    if isinstance(value, str) and _NOT_IN_HTML.search(value):
        cleaned = _NOT_IN_HTML.sub("", value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


def init_app(app: Flask) -> None:
    app.after_request(_set_headers)
    app.jinja_env.finalize = printable_in_html
