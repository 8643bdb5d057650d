"""Locale choice: a supported language the person picked, else the browser's, else English."""

from __future__ import annotations

from flask import current_app, has_request_context, request, session


def supported_locales() -> tuple[str, ...]:
    return tuple(current_app.config["SUPPORTED_LOCALES"])


def select_locale() -> str:
    """Outside a request (the outbox worker, CLI) texts are rendered with ``force_locale``
    in the record's language; this falls back to the default there."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get("locale")
    if chosen in supported_locales():
        return chosen
    best = request.accept_languages.best_match(supported_locales())
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def text_direction(locale: str) -> str:
    """Right-to-left scripts among the languages councils are most often asked for."""
    return "rtl" if locale.split("_")[0] in {"ar", "fa", "he", "ps", "ur", "yi"} else "ltr"
