"""The public web intake for children, young people, families and helpers."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from . import equality_views, feedback_views, status_views, views  # noqa: E402,F401 - register the routes on bp
