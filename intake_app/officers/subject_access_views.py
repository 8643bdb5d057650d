"""Subject access for managers (``/officers/subject-access``): everything held about one
record, or about a phone number, downloaded as JSON.

A POST, so a phone number never sits in a URL, a log line or the browser's history; the
service audits every export.
"""

from __future__ import annotations

import json

from flask import render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import StringField, SubmitField

from ..services import FieldErrors, subject_access
from . import bp
from .access import MANAGER_ROLES, requires_role, staff_actor


class SubjectAccessForm(FlaskForm):
    reference = StringField(_l("Reference"), render_kw={"autocomplete": "off"})
    phone = StringField(_l("Or a phone number"), render_kw={"autocomplete": "off",
                                                            "type": "tel"})
    submit = SubmitField(_l("Download as JSON"))

    def chosen(self) -> tuple[str, str] | None:
        """("reference" or "phone", what was typed), once exactly one is given."""
        given = [(name, value.strip()) for name, value in
                 (("reference", self.reference.data or ""), ("phone", self.phone.data or ""))
                 if value.strip()]
        if len(given) != 1:
            self.form_errors.append(_("Enter a reference or a phone number (one of them)."))
            return None
        return given[0]


@bp.route("/subject-access", methods=["GET", "POST"], endpoint="subject_access")
@requires_role(*MANAGER_ROLES)
def subject_access_page() -> str | Response:
    form = SubjectAccessForm()
    chosen = form.chosen() if form.validate_on_submit() else None
    if chosen is not None:
        by, typed = chosen
        export = (subject_access.export_by_reference if by == "reference"
                  else subject_access.export_by_phone)
        try:
            document = export(typed, actor=staff_actor(current_user))
        except FieldErrors as refused:
            for name, message in refused.errors.items():
                getattr(form, name).errors = [message]
        else:
            filename = (f"subject-access-{document['asked_for']['reference']}.json"
                        if by == "reference" else "subject-access-phone.json")
            return Response(json.dumps(document, ensure_ascii=False, indent=2),
                            mimetype="application/json", headers={
                                "Content-Disposition": f'attachment; filename="{filename}"'})
    return render_template("officers/subject_access.html", heading=_("Subject access"),
                           form=form)
