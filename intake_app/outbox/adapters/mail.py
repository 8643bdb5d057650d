"""Email over SMTP with STARTTLS: cases, alerts, referrals and emails to people.

The server's certificate is checked against the system trust store (``SSL_CERT_FILE``
points it at a council's own CA). Failures are sorted as the worker needs them: a 5xx
refusal of the message or its recipient is permanent; connection trouble, 4xx replies and
refused logins (usually a password being rotated) are retried.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from ..outcomes import PermanentError, RetryableError
from ..settings import is_embedded_default

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    maintype: str = "application"
    subtype: str = "json"


def send_email(
    config: Mapping[str, Any],
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Sequence[Attachment] = (),
    headers: Mapping[str, str] | None = None,
) -> None:
    """Send one message through the configured server, or raise the error the worker acts on."""
    host = config.get("SMTP_HOST")
    if not host and is_embedded_default(config):
        # The console mail adapter: the subject only, never the address or the words.
        logger.warning("EMAIL (console target: set SMTP_HOST to send it): %r", subject)
        return
    if not host:
        raise PermanentError("no SMTP_HOST configured")
    if not to:
        raise PermanentError("no recipient address")
    if not config.get("MAIL_FROM"):
        raise PermanentError("no MAIL_FROM configured")
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for attachment in attachments:
        message.add_attachment(attachment.content, maintype=attachment.maintype,
                               subtype=attachment.subtype, filename=attachment.filename)
    timeout = float(config.get("FORWARDING_HTTP_TIMEOUT_SECONDS", 10))
    try:
        with smtplib.SMTP(host, int(config.get("SMTP_PORT", 587)), timeout=timeout) as smtp:
            if config.get("SMTP_STARTTLS", True):
                smtp.starttls(context=ssl.create_default_context())
            if config.get("SMTP_USERNAME"):
                smtp.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD", ""))
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        if all(code >= 500 for code in codes):
            raise PermanentError(f"recipient refused: {codes}") from error
        raise RetryableError(f"recipient deferred: {codes}") from error
    except smtplib.SMTPAuthenticationError as error:
        raise RetryableError(f"SMTP login refused ({error.smtp_code})") from error
    except smtplib.SMTPResponseException as error:
        detail = f"SMTP {error.smtp_code}: {error.smtp_error!r}"
        if error.smtp_code >= 500:
            raise PermanentError(detail) from error
        raise RetryableError(detail) from error
    except (smtplib.SMTPException, OSError) as error:
        raise RetryableError(f"could not send through {host}: {type(error).__name__}: "
                             f"{error}") from error
