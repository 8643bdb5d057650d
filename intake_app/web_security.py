"""Security headers for every response, set in one place.

The Content-Security-Policy has no 'unsafe-inline', so templates may never carry inline
script or style. Pages are never cached: nearly every page shows a draft or personal data,
and a shared family phone must not show a child's complaint from its history or cache.

Strict-Transport-Security is sent when the request came over HTTPS, or when the site's
public URL (PUBLIC_BASE_URL) is https: behind a TLS proxy that is not counted in
PROXY_FIX_HOPS the app sees http, yet the browser gets the header over HTTPS (browsers
ignore it over plain http). It has no includeSubDomains: other sites of the council may
still be served over http.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

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


def init_app(app: Flask) -> None:
    app.after_request(_set_headers)
