""""You said, we did" (``/you-said-we-did``): changes made because children spoke up, in
the reader's language (an officer's words in English, marked so, where no translation was
written). Plain HTML, no JavaScript, no case detail."""

from __future__ import annotations

from flask import render_template
from flask_babel import get_locale
from flask_babel import gettext as _

from ..services import change_stories
from . import bp


@bp.get("/you-said-we-did")
def you_said_we_did() -> str:
    language = str(get_locale() or "en")
    return render_template("public/you_said_we_did.html", heading=_("You said, we did"),
                           stories=change_stories.published(language), language=language)
