"""The intake API (``/api/v1``): for the bot's actions, partner apps and the case store.

Authenticated by service tokens, not sessions, so CSRF protection does not apply. Every
route is rate-limited per token (API_RATE_LIMIT), so one leaked or looping client cannot
flood the queue; a 429 says when to try again (Retry-After).
"""

from flask import Blueprint, current_app

from ..web_extensions import csrf, limiter
from .auth import rate_limit_key

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


def _api_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


limiter.limit(_api_limit, key_func=rate_limit_key)(bp)

from . import views  # noqa: E402, F401 - registers the routes on bp
