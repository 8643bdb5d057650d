"""The advocates' area: advocates from an advocacy organisation sign in here (the staff
accounts' passwords, invites and two-factor, which is required) and see their
organisation's referrals and the records they made for children, and nothing else.

Nothing is cached; every view of a record is audited.
"""

from __future__ import annotations

from flask import Blueprint

from .access import guard

bp = Blueprint("advocates", __name__, url_prefix="/advocates")
bp.before_request(guard)


from . import (  # noqa: E402,F401 - the view modules register their routes on bp
    case_views,
    sign_in_views,
    submit_views,
)
