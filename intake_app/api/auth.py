"""Bearer service tokens for the API: each route names the scope it needs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import g, request

from ..services.tokens import find_live_token

View = TypeVar("View", bound=Callable[..., Any])


def _refuse(status: int, error: str, message: str) -> tuple[dict[str, str], int, dict[str, str]]:
    return ({"error": error, "message": message}, status,
            {"WWW-Authenticate": 'Bearer realm="intake"'})


def token_required(scope: str) -> Callable[[View], View]:
    """Reject the request unless it carries a live token with ``scope``; the token's name
    becomes the audit actor (``api:<name>``) and its id namespaces idempotency keys."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            header = request.headers.get("Authorization", "")
            kind, _, value = header.partition(" ")
            token = find_live_token(value.strip()) if kind.lower() == "bearer" else None
            if token is None:
                return _refuse(401, "Unauthorized", "Send a live service token as "
                                                    "'Authorization: Bearer <token>'.")
            if token.scope != scope:
                return _refuse(403, "Forbidden", f"This needs a token with scope {scope!r}.")
            g.api_actor = f"api:{token.name}"
            g.api_token_id = token.id
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate
