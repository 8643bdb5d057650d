"""Staff accounts, for admins: the list, invites, and disabling or enabling an account.

The service has no staff mail yet, so an invite's one-time link is shown to the admin on
the page that answers the invite, and only there: it is not put in the session or a
redirect, where it would outlive that page, and only its hash is stored.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from ..extensions import db
from ..models import StaffUser
from ..services import staff_accounts
from . import bp
from .access import ADMIN_ROLES, requires_role, staff_actor
from .account_forms import ROLE_LABELS, InviteForm, account_error


def _users_page(form: InviteForm, errors: dict[str, str], status: int = 200) -> Any:
    users = db.session.scalars(select(StaffUser).order_by(StaffUser.name, StaffUser.id)).all()
    return render_template("officers/users.html", heading=_("Staff accounts"), users=users,
                           form=form, errors=errors, role_labels=ROLE_LABELS), status


@bp.get("/users")
@requires_role(*ADMIN_ROLES)
def users() -> Any:
    return _users_page(InviteForm(), {})


@bp.post("/users/invite")
@requires_role(*ADMIN_ROLES)
def invite_user() -> Any:
    form = InviteForm()
    if not form.validate():
        return _users_page(form, {name: str(messages[0])
                                  for name, messages in form.errors.items()}, 400)
    try:
        user, token = staff_accounts.invite_user(form.email.data, name=form.name.data,
                                                 role=form.role.data,
                                                 actor=staff_actor(current_user))
    except staff_accounts.InvalidStaffAccount as invalid:
        return _users_page(form, {field: account_error(field, code)
                                  for field, code in invalid.errors.items()}, 400)
    link = url_for("officers.accept_invite", token=token, _external=True)
    return render_template("officers/invite_link.html", heading=_("Invite link for %(name)s",
                                                                  name=user.name),
                           user=user, link=link,
                           hours=int(staff_accounts.INVITE_LIFETIME.total_seconds() // 3600))


def _staff_or_404(user_id: int) -> StaffUser:
    user = db.session.get(StaffUser, user_id)
    if user is None:
        abort(404)
    return user


@bp.post("/users/<int:user_id>/disable")
@requires_role(*ADMIN_ROLES)
def disable_user(user_id: int) -> Response:
    user = _staff_or_404(user_id)
    if user.id == current_user.id:
        flash(_("You cannot disable your own account. Ask another admin."))
    else:
        staff_accounts.set_active(user, False, actor=staff_actor(current_user))
        flash(_("%(name)s's account is disabled. They cannot sign in.", name=user.name))
    return redirect(url_for("officers.users"))


@bp.post("/users/<int:user_id>/enable")
@requires_role(*ADMIN_ROLES)
def enable_user(user_id: int) -> Response:
    user = _staff_or_404(user_id)
    staff_accounts.set_active(user, True, actor=staff_actor(current_user))
    flash(_("%(name)s's account is enabled.", name=user.name))
    return redirect(url_for("officers.users"))
