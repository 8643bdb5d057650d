"""The public web intake for children, young people, families and helpers."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from . import (  # noqa: E402,F401 - register the routes on bp
    changes_views,
    equality_views,
    feedback_views,
    status_views,
    views,
)
