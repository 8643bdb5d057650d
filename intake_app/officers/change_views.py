""""You said, we did" for staff (``/officers/you-said-we-did``): officers write what
children said and what changed, in any of the council's languages; managers approve
before it is public. Every change is audited by the service."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from ..i18n import language_name
from ..services import casework, change_stories
from . import bp
from .access import CASEWORK_ROLES, MANAGER_ROLES, requires_role, staff_actor


class StoryForm(FlaskForm):
    story = SelectField(_l("Which change"))
    language = SelectField(_l("Language of these words"))
    said = TextAreaField(_l("You said: what children told us, in plain words"), validators=[
        InputRequired(_l("Write what children told us."))])
    did = TextAreaField(_l("We did: what we changed, in plain words"), validators=[
        InputRequired(_l("Write what we changed."))])
    submit = SubmitField(_l("Save for a manager to approve"))

    def set_choices(self, story_ids: list[int]) -> StoryForm:
        self.story.choices = [SelectChoice("", _l("A new change")), *(
            SelectChoice(str(story_id), _l("Change %(number)d: add or replace its words in "
                                          "this language", number=story_id))
            for story_id in story_ids)]
        self.language.choices = [SelectChoice(code, language_name(code))
                                 for code in current_app.config["SUPPORTED_LOCALES"]]
        return self


class ApproveForm(FlaskForm):
    submit = SubmitField(_l("Approve and publish"))


def _me() -> casework.Officer:
    return casework.Officer(current_user.id, staff_actor(current_user))


def _page(form: StoryForm, status: int = 200) -> tuple[str, int]:
    return render_template("officers/you_said_we_did.html", heading=_("You said, we did"),
                           stories=change_stories.for_staff(), form=form,
                           approve_form=ApproveForm(),
                           may_approve=current_user.role in MANAGER_ROLES,
                           language_name=language_name), status


@bp.get("/you-said-we-did")
@requires_role(*CASEWORK_ROLES)
def change_stories_page() -> tuple[str, int]:
    return _page(_story_form(formdata=None))


def _story_form(**kwargs: Any) -> StoryForm:
    ids = [item.story.id for item in change_stories.for_staff()]
    return StoryForm(prefix="story", **kwargs).set_choices(ids)


@bp.post("/you-said-we-did")
@requires_role(*CASEWORK_ROLES)
def write_change_story() -> Response | tuple[str, int]:
    """A new change, or words in another language (or better words) for one written."""
    form = _story_form()
    if form.validate_on_submit():
        try:
            if form.story.data:
                found = change_stories.set_words(
                    int(form.story.data), _me(), language=form.language.data,
                    said=form.said.data, did=form.did.data)
            else:
                found = change_stories.write_story(
                    _me(), language=form.language.data, said=form.said.data,
                    did=form.did.data)
        except casework.CaseworkRefused as refused:
            for name, error in refused.errors.items():
                getattr(form, name).errors = [*getattr(form, name).errors, error]
        else:
            if found is None:
                abort(404)
            flash(_("Saved. A manager must approve it before it is public."))
            return redirect(url_for("officers.change_stories_page"))
    return _page(form, status=400)


@bp.post("/you-said-we-did/<int:story_id>/approve")
@requires_role(*MANAGER_ROLES)
def approve_change_story(story_id: int) -> Response:
    if not ApproveForm().validate_on_submit():
        abort(400)
    if change_stories.approve(story_id, _me()) is None:
        abort(404)
    flash(_("Approved: it is on the public page now."))
    return redirect(url_for("officers.change_stories_page"))
