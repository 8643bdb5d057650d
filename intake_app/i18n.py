"""Locale choice: a supported language the person picked, else the browser's, else English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import current_app, has_request_context, request, session

# Each language named in itself, as a person looking for their own language reads it on
# the language link. Babel's display names are lower-case for some ("polski", "română"),
# which reads as a mistake at the start of a link.
LANGUAGE_NAMES = {
    "en": "English",
    "cy": "Cymraeg",
    "pl": "Polski",
    "ro": "Română",
    "ar": "العربية",
    "ur": "اردو",
}
# The languages the bot (bot/domain.yml) can hold a conversation in.
BOT_LANGUAGES = ("en", "cy")


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


def language_name(code: str) -> str:
    """The language's own name for itself, for the language link (``lang`` set to it)."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    from babel import Locale

    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def settle_locales(config: dict[str, Any]) -> None:
    """Councils in Wales must offer Welsh (Welsh Language Standards): NATION=wales adds
    ``cy`` to SUPPORTED_LOCALES, so the pages, the replies and the bot all offer it."""
    locales = list(config["SUPPORTED_LOCALES"])
    if config.get("NATION") == "wales" and "cy" not in locales:
        locales.append("cy")
    config["SUPPORTED_LOCALES"] = tuple(locales)


def bot_languages(config: Mapping[str, Any]) -> list[str]:
    """The languages the text and chat bot offers: English, and Welsh where the council
    offers it. With only English the bot never asks which language (no "Atebwch 2 am
    Gymraeg" for a council that has no Welsh)."""
    return [code for code in BOT_LANGUAGES
            if code == "en" or code in config["SUPPORTED_LOCALES"]]
