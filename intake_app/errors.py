"""Friendly error pages. Bad input never loses what the person typed: a failed CSRF check
on a question page (the page was open longer than a draft lasts, DRAFT_TTL_MINUTES) shows
the same page again with their words, and a database that is locked or down gets an
honest "try again" with nothing half-saved. A body over MAX_CONTENT_LENGTH gets 413 before
it is read. The API and the chat answer errors as JSON, everything else as a page."""

from __future__ import annotations

import time

from flask import Flask, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError, InterfaceError, OperationalError, PendingRollbackError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import BadRequest, HTTPException

from .extensions import db
from .web_extensions import limiter


def _for_staff() -> bool:
    """The officers' area has error pages of its own, in its own layout: staff are not
    offered "Leave this site" and Childline, which are there for children."""
    return request.path == "/officers" or request.path.startswith("/officers/")


def _page(status: int, heading: str, paragraphs: list[str], link_text: str, link_url: str):
    if _for_staff():
        from .officers.access import navigation

        # A page no route matched has no blueprint, so the navigation is given here.
        return render_template("officers/error.html", heading=heading, paragraphs=paragraphs,
                               link_text=link_text, link_url=link_url,
                               staff_navigation=navigation()), status
    return render_template("errors/page.html", heading=heading, paragraphs=paragraphs,
                           link_text=link_text, link_url=link_url), status


def _staff_error(error: HTTPException):
    """403, 404, 429 and anything else (500) in the officers' area. Sign-in takes a member of staff
    who is signed in to their own start page, and anyone else to the sign-in form."""
    start = url_for("officers.sign_in")
    if error.code == 403:
        return _page(403, _("You cannot see this page"),
                     [_("Your account's role does not include this page."),
                      _("If you need it for your work, ask your service's administrator.")],
                     _("Go to your start page"), start)
    if error.code == 404:
        return _page(404, _("Page not found"),
                     [_("There is no page at this address. Check it, or go to your start "
                        "page.")],
                     _("Go to your start page"), start)
    if error.code == 429:
        return _page(429, _("Please slow down"),
                     [_("There were too many requests from you in a short time."),
                      _("Please wait a minute, then try again.")],
                     _("Go to your start page"), start)
    return _page(error.code or 500, _("Sorry, there is a problem with the service"),
                 [_("Please try again in a few minutes. If it keeps happening, tell your "
                    "service's administrator.")],
                 _("Go to your start page"), start)


def _wants_json() -> bool:
    # /chat itself is a page (its form works without JavaScript); /chat/messages is JSON.
    return (request.blueprint == "api" or request.path.startswith(("/api/", "/chat/"))
            or request.is_json)


def _csrf_failed(error: CSRFError):
    if request.endpoint == "public.save_step":
        from .public.views import retry_step_after_csrf

        return retry_step_after_csrf(request.view_args["slug"])
    if request.endpoint == "chat.messages":
        from .chat.views import retry_after_csrf

        return retry_after_csrf()
    if request.endpoint == "chat.send_form":
        from .chat.views import retry_form_after_csrf

        return retry_form_after_csrf()
    if request.blueprint == "officers":
        return _page(400, _("Sorry, that did not work"),
                     [_("This page was open for a long time, so nothing was changed."),
                      _("Go back to the page, reload it and try again.")],
                     _("Go to the officers' area"), url_for("officers.sign_in"))
    return _page(400, _("Sorry, that did not work"),
                 [_("This page was open for a long time, so we could not check it was you."),
                  _("Your answers are still saved. Please go back and try again.")],
                 _("Go back to your answers"), url_for("public.begin"))


DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout, PendingRollbackError)


def _database_unavailable(error: Exception):
    db.session.rollback()
    if _for_staff():
        return _page(503, _("Sorry, something is not working"),
                     [_("The database could not be reached just now, so nothing was "
                        "changed."), _("Please wait a minute, then try again.")],
                     _("Try again"), request.url if request.method == "GET" else url_for(
                         "officers.sign_in"))
    return _page(503, _("Sorry, something is not working"),
                 [_("We could not save this just now. Nothing has been sent yet, and your "
                    "answers are still saved."),
                  _("Please wait a minute, then try again.")],
                 _("Try again"), request.url if request.method == "GET" else url_for(
                     "public.begin"))


def _json_error(error: HTTPException):
    message = error.description
    if error.code == 413:
        message = (f"The body is too large: at most {current_app.config['MAX_CONTENT_LENGTH']} "
                   "bytes are accepted.")
    response = jsonify(error=error.name, message=message)
    response.status_code = error.code or 500
    if allow := error.get_response().headers.get("Allow"):
        response.headers["Allow"] = allow
    if error.code == 429 and (breached := limiter.current_limit) is not None:
        response.headers["Retry-After"] = str(max(1, breached.reset_at - int(time.time())))
    return response


def _database_refused_the_input(error: DataError):
    """What someone sent that the database cannot hold (PostgreSQL text refuses NUL, even
    in a query's parameter) is bad input: a 400 like any other, never a 500."""
    db.session.rollback()
    return _http_error(BadRequest())


def _http_error(error: HTTPException):
    if error.code == 429 and error.response is not None:
        return error.response  # a limit that says its own kind words (the status page)
    if _wants_json():
        return _json_error(error)
    if _for_staff():
        return _staff_error(error)
    if error.code == 413:
        return _page(413, _("That was too much to send"),
                     [_("We could not take that much in one go. Please make it shorter."),
                      _("Your other answers are still saved.")],
                     _("Go back to your answers"), url_for("public.begin"))
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
    # A database that is down or restarting shows up as more than OperationalError: a
    # connection dropped mid-use (InterfaceError), a pool with no connection to give
    # (TimeoutError) or a session left failed by either (PendingRollbackError). The load
    # run's PostgreSQL restart turned those into 500s on the officers' queue.
    for unavailable in DATABASE_UNAVAILABLE:
        app.register_error_handler(unavailable, _database_unavailable)
    app.register_error_handler(DataError, _database_refused_the_input)
    app.register_error_handler(HTTPException, _http_error)
