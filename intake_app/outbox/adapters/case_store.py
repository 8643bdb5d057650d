"""Case store adapters, chosen by ``CASE_STORE``: database, webhook or email.

Each takes the ``case.v1`` document and the row's idempotency key and is safe to call twice
for the same key: the database adapter and the webhook receiver de-duplicate on the key;
an email sent twice carries the same ``X-Idempotency-Key`` header for the inbox's rules.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError

from ...models.types import EncryptedJSON
from ..outcomes import Delivered, PermanentError, RetryableError
from .mail import Attachment, send_email
from .signed_http import post_signed
from .templates import render_staff_text

# The stand-in case store's layout (docs/case_store.md). Its own metadata, so the intake
# database's migrations never see it. The document holds the person's words and contact
# details, so it is encrypted like the intake database's free text.
case_store_metadata = MetaData()
intake_case = Table(
    "intake_case",
    case_store_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("idempotency_key", String(160), nullable=False, unique=True),
    Column("reference", String(8), nullable=False, index=True),
    Column("received_at", String(40), nullable=False),
    Column("type", String(16), nullable=False),
    Column("priority", String(8), nullable=False),
    Column("safeguarding", Boolean, nullable=False),
    Column("document", EncryptedJSON, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

# Events about a case already stored (a child's request to look again): the key makes a
# replay change nothing, as for cases.
intake_case_event = Table(
    "intake_case_event",
    case_store_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("idempotency_key", String(160), nullable=False, unique=True),
    Column("reference", String(8), nullable=False, index=True),
    Column("event", String(32), nullable=False),
    Column("document", EncryptedJSON, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)


def case_store_engine() -> Engine:
    """One engine per app and URL, made (with its table) on first use, never at import."""
    url = current_app.config["CASE_STORE_URL"]
    engines: dict[str, Engine] = current_app.extensions.setdefault("case_store_engines", {})
    if url not in engines:
        options: dict[str, Any] = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            options["connect_args"] = {"timeout": 15}
        engine = create_engine(url, **options)
        case_store_metadata.create_all(engine)
        engines[url] = engine
    return engines[url]


def deliver_to_database(document: dict[str, Any], idempotency_key: str) -> Delivered:
    engine = case_store_engine()
    lookup = select(intake_case.c.id).where(intake_case.c.idempotency_key == idempotency_key)
    try:
        with engine.begin() as connection:
            existing = connection.scalar(lookup)
            if existing is not None:
                return Delivered(str(existing))
            case_id = connection.execute(insert(intake_case).values(
                idempotency_key=idempotency_key,
                reference=document["reference"],
                received_at=document["received_at"],
                type=document["type"],
                priority=document["priority"],
                safeguarding=document["safeguarding"]["flagged"],
                document=document,
                stored_at=datetime.now(UTC),
            )).inserted_primary_key[0]
    except IntegrityError:
        # Another worker stored the same key between our look-up and insert: use theirs.
        with engine.connect() as connection:
            return Delivered(str(connection.scalar(lookup)))
    except OperationalError as error:
        raise RetryableError(f"case store database: {error.orig}") from error
    return Delivered(str(case_id))


def deliver_to_webhook(document: dict[str, Any], idempotency_key: str) -> Delivered:
    config = current_app.config
    response = post_signed(
        config["CASE_STORE_WEBHOOK_URL"],
        document,
        secret=config["CASE_STORE_WEBHOOK_SECRET"],
        idempotency_key=idempotency_key,
        timeout=config["FORWARDING_HTTP_TIMEOUT_SECONDS"],
    )
    try:
        body = response.json()
    except ValueError:
        body = {}
    case_id = body.get("case_id") if isinstance(body, dict) else None
    return Delivered(str(case_id) if case_id not in (None, "") else None)


def deliver_to_email(document: dict[str, Any], idempotency_key: str) -> Delivered:
    config = current_app.config
    if not config.get("COMPLAINTS_INBOX"):
        raise PermanentError("CASE_STORE=email but no COMPLAINTS_INBOX configured")
    subject = (f"{document['type'].capitalize()} {document['reference_display']} "
               f"({document['priority']} priority)")
    if document["safeguarding"]["flagged"]:
        subject = "SAFEGUARDING " + subject
    send_email(
        config,
        to=config["COMPLAINTS_INBOX"],
        subject=subject,
        text=render_staff_text("notifications/case_email.txt", case=document),
        attachments=[Attachment(
            filename=f"case-{document['reference_display']}.json",
            content=json.dumps(document, ensure_ascii=False, indent=2).encode(),
        )],
        headers={"X-Idempotency-Key": idempotency_key},
    )
    return Delivered(None)


CASE_STORES: dict[str, Callable[[dict[str, Any], str], Delivered]] = {
    "database": deliver_to_database,
    "webhook": deliver_to_webhook,
    "email": deliver_to_email,
}


def deliver_case(document: dict[str, Any], idempotency_key: str) -> Delivered:
    store = current_app.config["CASE_STORE"]
    try:
        adapter = CASE_STORES[store]
    except KeyError:
        raise PermanentError(f"unknown CASE_STORE {store!r}") from None
    return adapter(document, idempotency_key)


def deliver_case_event(event: dict[str, Any], idempotency_key: str) -> Delivered:
    """An event about a stored case, to the same store the case went to: a row of the
    stand-in's ``intake_case_event``, the signed webhook (``event`` names it), or the
    complaints inbox."""
    config = current_app.config
    store = config["CASE_STORE"]
    if store == "database":
        try:
            with case_store_engine().begin() as connection:
                lookup = select(intake_case_event.c.id).where(
                    intake_case_event.c.idempotency_key == idempotency_key)
                if connection.scalar(lookup) is None:
                    connection.execute(insert(intake_case_event).values(
                        idempotency_key=idempotency_key, reference=event["reference"],
                        event=event["event"], document=event, stored_at=datetime.now(UTC)))
        except IntegrityError:
            pass  # another worker stored the same key first
        except OperationalError as error:
            raise RetryableError(f"case store database: {error.orig}") from error
        return Delivered(None)
    if store == "webhook":
        post_signed(config["CASE_STORE_WEBHOOK_URL"], event,
                    secret=config["CASE_STORE_WEBHOOK_SECRET"],
                    idempotency_key=idempotency_key,
                    timeout=config["FORWARDING_HTTP_TIMEOUT_SECONDS"])
        return Delivered(None)
    if store == "email":
        if not config.get("COMPLAINTS_INBOX"):
            raise PermanentError("CASE_STORE=email but no COMPLAINTS_INBOX configured")
        send_email(config, to=config["COMPLAINTS_INBOX"],
                   subject=f"{event['event']}: {event['reference']}",
                   text=json.dumps(event, ensure_ascii=False, indent=2),
                   headers={"X-Idempotency-Key": idempotency_key})
        return Delivered(None)
    raise PermanentError(f"unknown CASE_STORE {store!r}")
