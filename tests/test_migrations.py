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


def test_contact_details_from_before_0009_are_read_through_the_record_and_go_back(tmp_path):
    """0009 moves how to reach the person to a row of its own: a record made before it
    keeps its reply route, contact and helper details and safe times, read through
    ``record.contact``; the downgrade puts them back on the record."""
    from datetime import UTC, datetime

    from flask_migrate import downgrade, upgrade
    from sqlalchemy import JSON, Boolean, DateTime, LargeBinary, column, insert, select, table

    from intake_app.models import Representation
    from intake_app.services.protection import decrypt_json, encrypt_json, lookup_hash

    phone = "+447911123456"
    safety = {"times": ["after_school"], "leave_message": False, "note": "not mum"}
    old_record = table(
        "representation", column("id"), column("reference"), column("channel"),
        column("language"), column("type"), column("text"), column("complainant_role"),
        column("advocate_requested"), column("needs_review", Boolean), column("priority"),
        column("safeguarding_flag", Boolean), column("status"),
        *(column(name, JSON) for name in ("secondary_categories", "triage", "triage_reasons",
                                          "triage_flags", "safeguarding_kinds",
                                          "safeguarding_evidence")),
        *(column(name, DateTime(timezone=True))
          for name in ("received_at", "created_at", "updated_at")),
        column("reply_channel"), column("contact_encrypted", LargeBinary),
        column("phone_lookup_hash"), column("contact_safety", JSON),
        column("on_behalf_encrypted", LargeBinary))
    made = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)

    def old_row(record_id: int, reference: str, **contact: object) -> dict[str, object]:
        return {"id": record_id, "reference": reference, "channel": "web", "language": "en",
                "type": "complaint", "text": "Nobody calls me back.",
                "complainant_role": "advocate", "advocate_requested": "no",
                "needs_review": True, "priority": "normal", "safeguarding_flag": False,
                "status": "needs_review", "secondary_categories": [], "triage": {},
                "triage_reasons": [], "triage_flags": [], "safeguarding_kinds": [],
                "safeguarding_evidence": [], "received_at": made, "created_at": made,
                "updated_at": made, "reply_channel": "none", "contact_encrypted": None,
                "phone_lookup_hash": None, "contact_safety": {}, "on_behalf_encrypted": None,
                **contact}

    app = make_app(tmp_path)
    with app.app_context():
        downgrade(revision="0008")
        with db.engine.begin() as connection:
            connection.execute(insert(old_record), [
                old_row(1, "AAAA1111", reply_channel="sms",
                        contact_encrypted=encrypt_json({"name": "Sam", "phone": phone}),
                        phone_lookup_hash=lookup_hash(phone), contact_safety=safety,
                        on_behalf_encrypted=encrypt_json({"organisation": "NYAS"})),
                old_row(2, "BBBB2222")])
        upgrade()

        reachable, anonymous = (db.session.get(Representation, 1),
                                db.session.get(Representation, 2))
        assert reachable.contact.reply_channel == "sms"
        assert decrypt_json(reachable.contact.contact_encrypted) == {"name": "Sam",
                                                                     "phone": phone}
        assert reachable.contact.phone_lookup_hash == lookup_hash(phone)
        assert reachable.contact.contact_safety == safety
        assert decrypt_json(reachable.contact.on_behalf_encrypted) == {"organisation": "NYAS"}
        assert (anonymous.contact.reply_channel, anonymous.contact.contact_encrypted,
                anonymous.contact.contact_safety) == ("none", None, {})
        db.session.remove()

        downgrade(revision="0008")
        with db.engine.connect() as connection:
            rows = connection.execute(
                select(old_record.c.reply_channel, old_record.c.phone_lookup_hash,
                       old_record.c.contact_safety, old_record.c.contact_encrypted)
                .order_by(old_record.c.id)).all()
        assert [tuple(row[:3]) for row in rows] == [("sms", lookup_hash(phone), safety),
                                                    ("none", None, {})]
        assert decrypt_json(rows[0].contact_encrypted)["phone"] == phone


def test_triage_detail_from_before_0021_is_read_through_the_record_and_goes_back(tmp_path):
    """0021 moves what explains the triage to a row of its own: a record made before it
    keeps its confidence, result, reasons, flags, model version, procedure reason and
    safeguarding evidence, copied as the database held them (the same ciphertext), read
    through ``record.triage_detail``; the downgrade puts them back on the record."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import JSON, Float, column, select, table

    from intake_app.domain.draft import Draft
    from intake_app.models import Representation
    from intake_app.services.intake import submit

    moved = ("type_confidence", "triage", "triage_reasons", "triage_flags", "model_version",
             "procedure_reason", "safeguarding_evidence")

    def held(table_name: str, key: str) -> list[tuple[object, ...]]:
        """The moved columns as the database holds them, by record."""
        raw = table(table_name, column(key), column("type_confidence", Float),
                    *(column(name, JSON) for name in moved[1:4]),
                    column("model_version"), column("procedure_reason"),
                    column("safeguarding_evidence", JSON))
        with db.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(
                select(*raw.c).order_by(raw.c[key]))]

    app = make_app(tmp_path)
    with app.app_context():
        flagged = submit(Draft(text="My foster dad hits me when he is drunk", channel="web",
                               declared_type="complaint"), actor="web").representation_id
        plain = submit(Draft(text="Nobody told me my review meeting was moved.",
                             channel="web"), actor="web").representation_id
        db.session.remove()
        as_made = held("representation_triage", "representation_id")
        assert [row[0] for row in as_made] == [flagged, plain]
        assert all(isinstance(row[3], str) and row[3].startswith("gAAAAA")
                   for row in as_made)  # triage_reasons: a Fernet token

        downgrade(revision="0020")
        assert held("representation", "id") == as_made

        upgrade()
        assert held("representation_triage", "representation_id") == as_made
        detail = db.session.get(Representation, flagged).triage_detail
        assert detail.safeguarding_evidence and detail.triage_reasons
        assert detail.triage["type"] == "complaint" and detail.model_version
        assert detail.procedure_reason and 0 <= detail.type_confidence <= 1
        assert db.session.get(Representation, plain).triage_detail.safeguarding_evidence == []
