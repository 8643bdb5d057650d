"""Friendly error pages. Bad input never loses what the person typed: a failed CSRF check
on a question page shows the same page again with their words, and a database that is
locked or down gets an honest "try again" with nothing half-saved."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from .extensions import db


def _page(status: int, heading: str, paragraphs: list[str], link_text: str, link_url: str):
    return render_template("errors/page.html", heading=heading, paragraphs=paragraphs,
                           link_text=link_text, link_url=link_url), status


def _csrf_failed(error: CSRFError):
    if request.endpoint == "public.save_step":
        from .public.views import retry_step_after_csrf

        return retry_step_after_csrf(request.view_args["slug"])
    return _page(400, _("Sorry, that did not work"),
                 [_("This page was open for a long time, so we could not check it was you."),
                  _("Your answers are still saved. Please go back and try again.")],
                 _("Go back to your answers"), url_for("public.begin"))


def _database_unavailable(error: OperationalError):
    db.session.rollback()
    return _page(503, _("Sorry, something is not working"),
                 [_("We could not save this just now. Nothing has been sent yet, and your "
                    "answers are still saved."),
                  _("Please wait a minute, then try again.")],
                 _("Try again"), request.url if request.method == "GET" else url_for(
                     "public.begin"))


def _http_error(error: HTTPException):
    if request.blueprint == "api" or request.path.startswith("/api/"):
        response = jsonify(error=error.name, message=error.description)
        response.status_code = error.code or 500
        allow = error.get_response().headers.get("Allow")
        if allow:
            response.headers["Allow"] = allow
        return response
    if error.code == 404:
        return _page(404, _("Page not found"),
                     [_("We could not find that page. Check the web address.")],
                     _("Go to the start"), url_for("public.start"))
    if error.code == 429:
        return _page(429, _("Please slow down"),
                     [_("We got a lot of messages from you very fast."),
                      _("Please wait a minute, then try again. Your answers are saved.")],
                     _("Go back to your answers"), url_for("public.begin"))
    return _page(error.code or 500, _("Sorry, that did not work"),
                 [_("Please go back and try again.")],
                 _("Go to the start"), url_for("public.start"))


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(HTTPException, _http_error)
