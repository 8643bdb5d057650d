"""Bearer service tokens for the API: each route names the scope it needs, and each token
has its own rate limit (API_RATE_LIMIT)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import g, request
from flask_limiter.util import get_remote_address

from ..models import ServiceToken
from ..services.tokens import find_live_token

View = TypeVar("View", bound=Callable[..., Any])


def _refuse(status: int, error: str, message: str) -> tuple[dict[str, str], int, dict[str, str]]:
    return ({"error": error, "message": message}, status,
            {"WWW-Authenticate": 'Bearer realm="intake"'})


_LOOKED_UP = "intake.api_token"  # kept in the request's environ: one request, one look-up


def bearer_token() -> ServiceToken | None:
    """The live token this request carries, if any; looked up once per request (the rate
    limit asks first, then the route)."""
    if _LOOKED_UP not in request.environ:
        kind, _, value = request.headers.get("Authorization", "").partition(" ")
        request.environ[_LOOKED_UP] = (find_live_token(value.strip())
                                       if kind.lower() == "bearer" else None)
    return request.environ[_LOOKED_UP]


def rate_limit_key() -> str:
    """Each live token is limited on its own; requests without one (unknown, revoked or
    missing tokens: every one of them is refused) count per address, so inventing tokens
    does not buy new limits."""
    token = bearer_token()
    return f"api-token:{token.id}" if token is not None else f"api-address:{get_remote_address()}"


def token_required(scope: str) -> Callable[[View], View]:
    """Reject the request unless it carries a live token with ``scope``; the token's name
    becomes the audit actor (``api:<name>``) and its id namespaces idempotency keys."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            token = bearer_token()
            if token is None:
                return _refuse(401, "Unauthorized", "Send a live service token as "
                                                    "'Authorization: Bearer <token>'.")
            if token.scope != scope:
                return _refuse(403, "Forbidden", f"This needs a token with scope {scope!r}.")
            g.api_actor = f"api:{token.name}"
            g.api_token_id = token.id
            g.api_provider = token.name  # an advocacy token is named after its provider
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate
