"""Plain-text messages for staff and partners (cases, alerts, referrals), rendered by the
worker outside any request.

``flask.render_template`` would run the page context processors, which read the visitor's
session and locale: there is no visitor here. These texts are in English for the council's
staff and partners; words for children go through Flask-Babel in ``services/``.
"""

from __future__ import annotations

from typing import Any

from flask import current_app


def render_staff_text(name: str, **context: Any) -> str:
    return current_app.jinja_env.get_template(name).render(**context)
