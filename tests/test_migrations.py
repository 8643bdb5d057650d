"""Every schema change is a migration: an empty database upgrades to head, and the models
match what the migrations build."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from intake_app.extensions import db
from intake_app.health import migration_heads

from .conftest import make_app


def test_empty_database_upgrades_to_head_and_matches_the_models(tmp_path):
    app = make_app(tmp_path)
    with app.app_context():
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert set(context.get_current_heads()) == migration_heads()
            differences = compare_metadata(context, db.metadata)
        assert differences == [], differences
        tables = set(inspect(db.engine).get_table_names())
    assert {"representation", "audit_event", "outbox_message", "staff_user", "conversation",
            "channel_message", "web_draft"} <= tables


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    app = make_app(tmp_path)
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_downgrade_to_empty_leaves_no_tables(tmp_path):
    from flask_migrate import downgrade

    app = make_app(tmp_path)
    with app.app_context():
        downgrade(revision="base")
        engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        engine.dispose()
