"""``GET /healthz``: is the database reachable, is its schema at the newest migration, and can
the triage model be read (without it the safeguarding screen runs on its patterns alone)?"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .domain.model_runtime import model_status
from .extensions import db

bp = Blueprint("health", __name__)


def migration_heads() -> set[str]:
    directory = Path(current_app.extensions["migrate"].directory)
    config = Config()
    config.set_main_option("script_location", str(directory))
    return set(ScriptDirectory.from_config(config).get_heads())


@bp.get("/healthz")
def healthz():
    database_ok = False
    current: set[str] = set()
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            current = set(MigrationContext.configure(connection).get_current_heads())
            database_ok = True
    except SQLAlchemyError:
        current_app.logger.exception("health check could not reach the database")
    heads = migration_heads()
    at_head = database_ok and current == heads
    model = model_status()
    body = {
        "database": "ok" if database_ok else "unreachable",
        "migrations": "at_head" if at_head else "behind",
        "current": sorted(current),
        "head": sorted(heads),
        "triage_model": model["status"],
    }
    healthy = at_head and model["status"] == "ok"
    return jsonify(body), 200 if healthy else 503
