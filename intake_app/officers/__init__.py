"""The officers' area: sign-in, the intake queue, case view, reports, audit and accounts.

Every page here is for signed-in staff with the right role (see ``access``); nothing is
cached and every view or change of a record is audited.
"""

from __future__ import annotations

from flask import Blueprint

from .access import guard, navigation

bp = Blueprint("officers", __name__, url_prefix="/officers")
bp.before_request(guard)


@bp.context_processor
def _staff_context() -> dict[str, object]:
    return {"staff_navigation": navigation()}


from . import (  # noqa: E402,F401 - the view modules register their routes on bp
    aftercare_views,
    audit_views,
    callback_views,
    case_views,
    change_views,
    queue_views,
    report_views,
    sign_in_views,
    subject_access_views,
    user_views,
)
