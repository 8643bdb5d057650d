"""Texts that arrived while the database could not take them.

Twilio does not retry a webhook, so when handling an inbound SMS fails (database locked or
down) the text is written, encrypted, to a spool folder in the instance folder before the
child is answered; ``replay`` later turns each one into a stored message and a record a
person reads. Nothing a child sends is lost to a passing fault.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from flask import current_app

from .conversations import Inbound, record_recovered
from .protection import decrypt_json, encrypt_json

logger = logging.getLogger(__name__)


def spool_dir() -> Path:
    return Path(current_app.config["INSTANCE_PATH"]) / "inbound_spool"


def keep(inbound: Inbound) -> bool:
    """Write the text to the spool; False only when even that failed."""
    folder = spool_dir()
    name = hashlib.sha256((inbound.provider_message_id or inbound.body).encode()).hexdigest()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.msg"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(encrypt_json({"channel": inbound.channel, "body": inbound.body,
                                       "sid": inbound.provider_message_id,
                                       "phone": inbound.phone}))
    except OSError:
        logger.exception("could not spool an inbound text")
        return False
    return True


def replay() -> int:
    """Store every spooled text as a message and a record for review; returns how many."""
    folder = spool_dir()
    done = 0
    for path in sorted(folder.glob("*.msg")) if folder.exists() else ():
        saved = decrypt_json(path.read_bytes())
        record_recovered(Inbound(channel=saved["channel"], body=saved["body"],
                                 provider_message_id=saved["sid"], phone=saved["phone"]))
        path.unlink()
        done += 1
    return done
