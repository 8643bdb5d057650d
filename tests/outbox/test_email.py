"""Email delivery against a real SMTP server on 127.0.0.1 (aiosmtpd) that requires
STARTTLS, with a certificate made for the test."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import json
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from intake_app.extensions import db
from intake_app.outbox.enqueue import enqueue

from .conftest import add_case, add_record, drain, messages
from .peers import free_port


def _self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "smtp.crt", directory / "smtp.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Mailbox:
    """What the SMTP server received, and whether each came over TLS."""

    messages: list[EmailMessage] = field(default_factory=list)
    over_tls: list[bool] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        self.over_tls.append(session.ssl is not None)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def smtp_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, Mailbox]]:
    cert_path, key_path = _self_signed_certificate(tmp_path)
    # The sender checks the certificate against the trust store: trust the test's own.
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_path))
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert_path, key_path)
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, tls_context=tls,
                            require_starttls=True)
    controller.start()
    yield port, mailbox
    controller.stop()


def _smtp_settings(port: int, **extra: Any) -> dict[str, Any]:
    return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_STARTTLS": True,
            "MAIL_FROM": "complaints-intake@council.example", **extra}


def test_email_case_store_sends_readable_text_and_the_json_over_starttls(
        forwarding_app, smtp_server):
    port, mailbox = smtp_server
    app = forwarding_app(CASE_STORE="email",
                         **_smtp_settings(port, COMPLAINTS_INBOX="complaints@council.example"))
    with app.app_context():
        record = add_case(reply_channel="sms", contact={"phone": "+447911123456"})
        drain(app)
        assert messages("case")[0].state == "delivered"
        db.session.refresh(record)
        assert record.status == "forwarded"
        reference = record.reference
    (message,) = mailbox.messages
    assert mailbox.over_tls == [True]
    assert mailbox.recipients == [["complaints@council.example"]]
    assert message["X-Idempotency-Key"] == f"{reference}:case"
    text = message.get_body(("plain",)).get_content()
    assert "My social worker never calls me back." in text
    assert "phone: +447911123456" in text
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == f"case-{reference[:4]}-{reference[4:]}.json"
    document = json.loads(attachment.get_content())
    assert document["schema"] == "case.v1" and document["reference"] == reference


def test_email_to_the_child_goes_to_their_address_only(forwarding_app, smtp_server):
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port))
    with app.app_context():
        record = add_record(reply_channel="email", contact={"email": "sam@example.org"})
        enqueue("email", record, {"purpose": "acknowledgement", "subject": "We got it",
                                  "text": "Thank you.", "html": "<p>Thank you.</p>"},
                key_suffix="acknowledgement")
        db.session.commit()
        drain(app)
        assert messages("email")[0].state == "delivered"
    (message,) = mailbox.messages
    assert mailbox.recipients == [["sam@example.org"]]
    assert message.get_body(("html",)).get_content().strip() == "<p>Thank you.</p>"


def test_safeguarding_alert_email_reaches_the_duty_team(forwarding_app, smtp_server):
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port, DUTY_TEAM_EMAIL="duty@council.example"))
    with app.app_context():
        record = add_record(safeguarding=True)
        enqueue("safeguarding_alert", record, urgent=True)
        db.session.commit()
        drain(app)
    (message,) = mailbox.messages
    assert message["Subject"].startswith("URGENT safeguarding alert")
    assert "physical_abuse" in message.get_content()


def test_an_smtp_server_that_is_down_is_retried(forwarding_app):
    app = forwarding_app(CASE_STORE="email", OUTBOX_MAX_ATTEMPTS=2,
                         **_smtp_settings(free_port(), COMPLAINTS_INBOX="c@council.example"))
    with app.app_context():
        add_case()
        drain(app)
        (case,) = messages("case")
        assert case.state == "delivery_failed" and case.attempts == 2
        assert "could not send through 127.0.0.1" in case.last_error
