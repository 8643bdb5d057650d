"""Staff sign-in: Flask-Login loads staff accounts; the officers' area (a later issue) uses it."""

from __future__ import annotations

from .extensions import db, login_manager
from .models import StaffUser


@login_manager.user_loader
def load_staff_user(user_id: str) -> StaffUser | None:
    return db.session.get(StaffUser, int(user_id)) if user_id.isdigit() else None
