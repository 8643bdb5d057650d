"""Intake service for children's social care representations.

``create_app`` reads config, initialises extensions and registers blueprints, and nothing
else: no I/O beyond the instance folder, no network and no model loading at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import load_settings, refuse_placeholder_council_details, settle_derived_settings
from .extensions import db, migrate
from .web_extensions import babel, csrf, limiter, login_manager

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class IntakeFlask(Flask):
    """Flask, but an unhandled error is logged with the route's pattern instead of the
    path as asked for, which may hold an invite token or a reference (see ``logs``)."""

    def log_exception(self, exc_info: Any) -> None:
        from .logs import route_pattern

        self.logger.error("Exception on %s [%s]", route_pattern(), request.method,
                          exc_info=exc_info)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = IntakeFlask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    instance_path = Path((config or {}).get("INSTANCE_PATH", app.instance_path))
    app.config.from_mapping(load_settings(instance_path))
    if config:
        app.config.update(config)
    settle_derived_settings(app.config)
    refuse_placeholder_council_details(app.config)
    from .i18n import settle_locales

    settle_locales(app.config)
    if hops := app.config["PROXY_FIX_HOPS"]:
        # Trust only the headers that many proxies add: the rate limits then count the
        # visitor's address, and links get the public scheme and host.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from . import (  # noqa: F401 - auth, models register
        auth,
        database,
        errors,
        logs,
        models,
        request_input,
        web_security,
    )
    from .i18n import select_locale

    logs.init_app(app)  # first, so its clock starts before any other check
    request_input.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    database.configure_engine_events(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    limiter.init_app(app)
    web_security.init_app(app)
    errors.init_app(app)
    app.context_processor(_page_context)

    from .advocates import bp as advocates_bp
    from .api import bp as api_bp
    from .chat import bp as chat_bp
    from .health import bp as health_bp
    from .officers import bp as officers_bp
    from .public import bp as public_bp
    from .sms import bp as sms_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(public_bp)
    app.register_blueprint(sms_bp)
    app.register_blueprint(chat_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(officers_bp)
    app.register_blueprint(advocates_bp)

    from .cli import register_commands

    register_commands(app)
    return app


def _page_context() -> dict[str, Any]:
    """What every page template needs: the language, the exit link, the names."""
    from flask import current_app
    from flask_babel import get_locale
    from flask_babel import gettext as _

    from .i18n import language_name, supported_locales, text_direction

    locale = str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    other_locales = [(code, language_name(code))
                     for code in supported_locales() if code != locale]
    return {
        "other_locales": other_locales,
        "sms_number": current_app.config.get("TWILIO_FROM_NUMBER", ""),
        "html_lang": locale.replace("_", "-"),
        "html_dir": text_direction(locale),
        "service_name": _("Tell %(council)s", council=current_app.config["COUNCIL_NAME"]),
        "service_council": current_app.config["COUNCIL_NAME"],
        "council_phone": current_app.config["COUNCIL_PHONE"],
    }
