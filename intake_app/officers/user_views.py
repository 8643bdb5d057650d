"""Staff accounts, for admins: the list, invites, disabling or enabling an account, and
recovery (a new invite or password reset link; a two-factor reset for a lost phone).

The service has no staff mail yet, so a one-time link is shown to the admin on the page
that answers the request, and only there: it is not put in the session or a redirect,
where it would outlive that page, and only its hash is stored. Admins cannot reset their
own account here: a second admin (or the ``flask users`` commands) must, so one stolen
admin session cannot quietly take over its own account's protections. For the same reason
an account an admin invites, or resets to a link alone, waits for a different admin's
approval before it can sign in (``staff_accounts``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ..models import AdvocacyOrganisation, StaffUser
from ..services import advocates, staff_accounts
from . import bp
from .access import ADMIN_ROLES, requires_role, staff_actor
from .account_forms import ROLE_LABELS, InviteForm, MoveAdvocateForm, account_error

UK_TIME = ZoneInfo("Europe/London")


def _uk_time(moment: datetime | None) -> str | None:
    """Times on staff pages are UK wall-clock times, like everywhere else in the area."""
    return moment.astimezone(UK_TIME).strftime("%d/%m/%Y %H:%M") if moment else None


def _users_page(form: InviteForm, errors: dict[str, str], status: int = 200) -> Any:
    users = staff_accounts.all_staff()
    me: StaffUser = current_user._get_current_object()
    return render_template("officers/users.html", heading=_("Staff accounts"), users=users,
                           form=form, errors=errors, role_labels=ROLE_LABELS,
                           organisations=advocates.organisations(),
                           organisation_of=advocates.organisation_names(),
                           last_sign_in={user.id: _uk_time(user.last_login_at)
                                         for user in users},
                           may_approve={user.id for user in users
                                        if staff_accounts.approval_refusal(user, me) is None},
                           requested_by={user.id: _requester_name(user, users)
                                         for user in users if user.awaiting_approval}), status


def _requester_name(user: StaffUser, users: list[StaffUser]) -> str:
    names = {f"staff:{other.id}": other.name for other in users}
    return names.get(user.approval_requested_by or "", user.approval_requested_by or "")


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
        user, token = staff_accounts.invite_user(
            form.email.data, name=form.name.data, role=form.role.data,
            actor=staff_actor(current_user),
            organisation=(_organisation(form.organisation.data)
                          if form.role.data == "advocate" else None))
    except staff_accounts.InvalidStaffAccount as invalid:
        return _users_page(form, {field: account_error(field, code)
                                  for field, code in invalid.errors.items()}, 400)
    return _link_page(user, staff_accounts.INVITE_LINK, token, new_account=True)


APPROVAL_REFUSED = {
    "not_waiting": _l("%(name)s's account is not waiting for approval."),
    "own_account": _l("You cannot approve your own account. Ask another admin."),
    "own_request": _l("You made this change, so another admin must approve it."),
    "not_an_admin": _l("Only an approved admin can approve accounts."),
}


@bp.post("/users/<int:user_id>/approve")
@requires_role(*ADMIN_ROLES)
def approve_user(user_id: int) -> Response:
    user = _staff_or_404(user_id)
    try:
        staff_accounts.approve(user, current_user._get_current_object())
    except staff_accounts.ApprovalRefused as refused:
        flash(str(APPROVAL_REFUSED[refused.reason]) % {"name": user.name})
    else:
        flash(_("%(name)s's account is approved. They can sign in now.", name=user.name))
    return redirect(url_for("officers.users"))


def _link_page(user: StaffUser, kind: str, token: str, *, new_account: bool = False) -> str:
    heading = (_("Invite link for %(name)s", name=user.name)
               if kind == staff_accounts.INVITE_LINK
               else _("Password reset link for %(name)s", name=user.name))
    return render_template(
        "officers/invite_link.html", heading=heading, user=user, kind=kind,
        new_account=new_account, awaiting_approval=user.awaiting_approval,
        link=url_for("officers.accept_invite", token=token, _external=True),
        hours=int(staff_accounts.INVITE_LIFETIME.total_seconds() // 3600))


def _staff_or_404(user_id: int) -> StaffUser:
    user = staff_accounts.find_staff(user_id)
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


@bp.post("/users/<int:user_id>/sign-in-link")
@requires_role(*ADMIN_ROLES)
def sign_in_link(user_id: int) -> Any:
    user = _staff_or_404(user_id)
    if user.id == current_user.id:
        flash(_("You cannot reset your own account here. Ask another admin."))
        return redirect(url_for("officers.users"))
    try:
        kind, token = staff_accounts.issue_sign_in_link(user, actor=staff_actor(current_user))
    except staff_accounts.AccountDisabled:
        flash(_("Enable %(name)s's account first: a link for a disabled account does not "
                "work.", name=user.name))
        return redirect(url_for("officers.users"))
    return _link_page(user, kind, token)


@bp.post("/users/<int:user_id>/reset-two-factor")
@requires_role(*ADMIN_ROLES)
def reset_two_factor(user_id: int) -> Response:
    user = _staff_or_404(user_id)
    if user.id == current_user.id:
        flash(_("You cannot reset your own account here. Ask another admin."))
    elif not (user.totp_enabled or user.totp_secret_encrypted is not None):
        flash(_("%(name)s has no two-factor to reset.", name=user.name))
    else:
        staff_accounts.reset_two_factor(user, actor=staff_actor(current_user))
        flash(_("%(name)s's two-factor is reset and they are signed out. They set it up "
                "again with their new phone when they next sign in.", name=user.name))
        if user.awaiting_approval:
            flash(_("Another admin must approve the account first."))
    return redirect(url_for("officers.users"))


@bp.post("/users/<int:user_id>/organisation")
@requires_role(*ADMIN_ROLES)
def move_advocate(user_id: int) -> Response:
    """Put an advocate in another organisation: they see its records from now on, and
    none of the old one's."""
    user = _staff_or_404(user_id)
    form = MoveAdvocateForm()
    organisation = _organisation(form.organisation.data) if form.validate() else None
    if organisation is None:
        flash(_("Choose an organisation for %(name)s.", name=user.name))
    else:
        try:
            advocates.move_advocate(user, organisation, actor=staff_actor(current_user))
        except advocates.NotAnAdvocate:
            flash(_("Only advocates belong to an advocacy organisation."))
        else:
            flash(_("%(name)s now works for %(organisation)s.", name=user.name,
                    organisation=organisation.name))
    return redirect(url_for("officers.users"))


def _organisation(chosen: str | None) -> AdvocacyOrganisation | None:
    """The organisation the admin chose from the list; None for none or a made-up one."""
    return advocates.find_organisation(int(chosen)) if chosen and chosen.isdigit() else None
