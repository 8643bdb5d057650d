"""The intake API (``/api/v1``): for the bot's actions, partner apps and the case store.

Authenticated by service tokens, not sessions, so CSRF protection does not apply.
"""

from flask import Blueprint

from ..extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

from . import views  # noqa: E402, F401 - registers the routes on bp
