"""``flask tokens create`` and the ``flask outbox`` commands."""

from __future__ import annotations

from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import OutboxMessage, ServiceToken
from intake_app.services.tokens import find_live_token, token_hash

from ..outbox.conftest import add_case


def test_tokens_create_prints_the_token_once_and_stores_only_its_hash(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["tokens", "create", "case-store", "--scope", "case_store"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    stored = db.session.scalars(select(ServiceToken)).one()
    assert stored.token_hash == token_hash(token) and token not in stored.token_hash
    assert stored.scope == "case_store"
    assert find_live_token(token) is not None
    again = runner.invoke(args=["tokens", "create", "case-store"])
    assert again.exit_code != 0 and "already exists" in again.output
    assert runner.invoke(args=["tokens", "revoke", "case-store"]).exit_code == 0
    assert find_live_token(token) is None


def test_outbox_commands_work_once_show_status_and_retry(app):
    # Not the embedded default on PostgreSQL: let the log stand in for the duty team.
    app.config["DUTY_TEAM_CONSOLE_FALLBACK"] = True
    add_case()
    runner = app.test_cli_runner()
    assert "pending          1" in runner.invoke(args=["outbox", "status"]).output
    result = runner.invoke(args=["outbox", "work", "--once"])
    assert result.exit_code == 0, result.output
    assert "1 messages worked on" in result.output
    assert "delivered        1" in runner.invoke(args=["outbox", "status"]).output
    message_id = db.session.scalars(select(OutboxMessage.id)).one()
    refused = runner.invoke(args=["outbox", "retry", str(message_id)])
    assert refused.exit_code != 0 and "not failed or cancelled" in refused.output
