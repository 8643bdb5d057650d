"""The Twilio SMS webhook: the conversation gateway's public door for text messages."""

from flask import Blueprint

bp = Blueprint("sms", __name__, url_prefix="/sms")

from . import views  # noqa: E402,F401 - registers the routes on bp
