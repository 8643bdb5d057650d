"""Staff sign-in: Flask-Login loads staff accounts for the officers' area.

The session holds "<id>:<session_version>" (``StaffUser.get_id``). An id whose version is
not the account's current one is refused, so raising the version ends every session of
the account, a copied cookie included; a bare id from before versions is refused too.
"""

from __future__ import annotations

from .extensions import db
from .models import StaffUser
from .web_extensions import login_manager


@login_manager.user_loader
def load_staff_user(session_id: str) -> StaffUser | None:
    user_id, _colon, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(StaffUser, int(user_id))
    if user is None or (user.session_version or 0) != int(version):
        return None
    return user
