"""Web chat: the same conversation gateway as SMS, from a widget on the public site."""

from flask import Blueprint

bp = Blueprint("chat", __name__, url_prefix="/chat")

from . import views  # noqa: E402,F401 - registers the routes on bp
