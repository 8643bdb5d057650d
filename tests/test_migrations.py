"""Every schema change is a migration: an empty database upgrades to head, and the models
match what the migrations build."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from intake_app.extensions import db
from intake_app.health import migration_heads

from .conftest import make_app, sqlite_only


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


@sqlite_only("WAL mode and the busy timeout are SQLite's")
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


@sqlite_only("written in SQLite's literals; tests/postgres/test_callbacks_postgres.py "
             "runs migration 0006 on PostgreSQL")
def test_callback_requests_from_before_0006_show_at_once_and_can_be_texted_back(tmp_path):
    """Nobody could see them before: each is due the day it was made (overdue at the top
    of the queue), and one from a text conversation is texted back on its number."""
    from datetime import date

    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    app = make_app(tmp_path)
    with app.app_context():
        downgrade(revision="0005")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO conversation (id, public_id, channel, phone_encrypted, language, "
                "state, safeguarding_flag, created_at, updated_at) VALUES "
                "(1, 'sms-old', 'sms', X'00', 'en', 'open', 0, '2026-03-02 10:00:00', "
                "'2026-03-02 10:00:00'), "
                "(2, 'chat-old', 'chat', NULL, 'en', 'open', 0, '2026-03-02 10:00:00', "
                "'2026-03-02 10:00:00')"))
            connection.execute(text(
                "INSERT INTO callback_request (id, conversation_id, status, created_at) VALUES "
                "(1, 1, 'open', '2026-03-02 10:05:00'), (2, 2, 'open', '2026-03-03 09:00:00')"))
        upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT id, method, due_on, attempts FROM callback_request ORDER BY id")).all()
    assert [(row.id, row.method, str(row.due_on), row.attempts) for row in rows] == [
        (1, "text", str(date(2026, 3, 2)), 0), (2, "none", str(date(2026, 3, 3)), 0)]
