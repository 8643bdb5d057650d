"""Settings of the outbox worker and its adapters (listed in README.md's table).

The Twilio credentials are the gateway's settings (``intake_app/sms/settings.py``); the
``twilio`` SMS adapter reads them from the app config rather than declaring them twice.
"""

from __future__ import annotations

import json
from typing import Any

from ..config import Setting, parse_bool


def parse_providers(raw: str) -> dict[str, dict[str, str]]:
    """``ADVOCACY_PROVIDERS``: a JSON object, per provider key an ``email`` and/or a
    ``webhook`` (with an optional ``secret`` that signs it)."""
    value: Any = json.loads(raw or "{}")
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ValueError('ADVOCACY_PROVIDERS must be a JSON object like {"nyas": {"email": "…"}}')
    return {str(key): {str(k): str(v) for k, v in target.items()} for key, target in value.items()}


def parse_compliment_recipients(raw: str) -> dict[str, dict[str, str]]:
    """``COMPLIMENT_RECIPIENTS``: a JSON object, per service area a ``team`` mailbox
    and/or a ``manager`` address."""
    value: Any = json.loads(raw or "{}")
    if not isinstance(value, dict) or not all(
            isinstance(target, dict) and set(target) <= {"team", "manager"}
            for target in value.values()):
        raise ValueError('COMPLIMENT_RECIPIENTS must be a JSON object like '
                         '{"fostering": {"team": "…", "manager": "…"}}')
    return {str(area): {str(k): str(v) for k, v in target.items()}
            for area, target in value.items()}


def parse_console_fallback(raw: object) -> str:
    """``DUTY_TEAM_CONSOLE_FALLBACK``: ``auto`` (console only for the embedded default),
    ``1`` (always allowed) or ``0`` (never); read as "auto", "on" or "off"."""
    if isinstance(raw, bool):
        return "on" if raw else "off"
    value = str(raw).strip().lower()
    if value in ("", "auto"):
        return "auto"
    if value in ("1", "true", "yes", "on"):
        return "on"
    if value in ("0", "false", "no", "off"):
        return "off"
    raise ValueError(f"DUTY_TEAM_CONSOLE_FALLBACK must be auto, 1 or 0, not {raw!r}")


OUTBOX_SETTINGS: tuple[Setting, ...] = (
    Setting("CASE_STORE", "database", "Where cases go: database (a local stand-in for the "
            "council's case system), webhook (signed JSON POST) or email (complaints inbox)."),
    Setting("CASE_STORE_URL", "sqlite:///instance/case_store.db", "SQLAlchemy URL of the "
            "stand-in case store when CASE_STORE=database (table layout: docs/case_store.md)."),
    Setting("CASE_STORE_WEBHOOK_URL", "", "Endpoint that receives case.v1 documents when "
            "CASE_STORE=webhook."),
    Setting("CASE_STORE_WEBHOOK_SECRET", "", "HMAC-SHA256 key signing each webhook POST; "
            "required when CASE_STORE=webhook (no default)."),
    Setting("FORWARDING_HTTP_TIMEOUT_SECONDS", "10", "Connect and read timeout of every "
            "outgoing HTTP call (webhooks); keep it well under OUTBOX_LEASE_SECONDS.",
            parse=float),
    Setting("SMTP_HOST", "", "Mail server for case emails, alerts, referrals and emails to "
            "people; unset means no email can be sent."),
    Setting("SMTP_PORT", "587", "Mail server port (587 for STARTTLS submission).", parse=int),
    Setting("SMTP_USERNAME", "", "Mail server login, when it needs one."),
    Setting("SMTP_PASSWORD", "", "Mail server password (no default)."),
    Setting("SMTP_STARTTLS", "1", "Upgrade the SMTP connection with STARTTLS before "
            "sending; turn off only for a mail relay on the same machine.", parse=parse_bool),
    Setting("MAIL_FROM", "", "Sender address of every email the service sends."),
    Setting("COMPLAINTS_INBOX", "", "Complaints team mailbox that receives cases when "
            "CASE_STORE=email, and an alert for each callback request (talk to a person). "
            "Unset outside the embedded default, those alerts fail and managers are told."),
    Setting("DUTY_TEAM_EMAIL", "", "Duty team mailbox for safeguarding alerts."),
    Setting("DUTY_TEAM_WEBHOOK_URL", "", "Duty team endpoint for safeguarding alerts "
            "(signed like the case store webhook); may be set with DUTY_TEAM_EMAIL."),
    Setting("DUTY_TEAM_WEBHOOK_SECRET", "", "HMAC-SHA256 key signing safeguarding alert "
            "webhooks; required when DUTY_TEAM_WEBHOOK_URL is set (no default)."),
    Setting("DUTY_TEAM_CONSOLE_FALLBACK", "auto", "With neither DUTY_TEAM_EMAIL nor "
            "DUTY_TEAM_WEBHOOK_URL set, safeguarding alerts go to the log as a WARNING "
            "(reference, kinds, evidence; no contact details). auto: only in the embedded "
            "default (CASE_STORE=database on SQLite); elsewhere a missing duty-team target "
            "stops the worker from starting. 0 in production (never the log); 1 to allow "
            "it anywhere (development).", parse=parse_console_fallback),
    Setting("MANAGERS_EMAIL", "", "Managers' mailbox told when a delivery fails for good; "
            "unset means the failure is logged and shown to officers only."),
    Setting("ADVOCACY_PROVIDERS", "{}", 'Per advocacy provider key, where referrals go: '
            'JSON like {"nyas": {"email": "referrals@example.org"}, "local": {"webhook": '
            '"https://…", "secret": "…"}}.', parse=parse_providers),
    Setting("COMPLIMENT_RECIPIENTS", "{}", 'Per service area key, who hears a compliment '
            'about a named worker or team: JSON like {"fostering": {"team": '
            '"fostering@council.example", "manager": "fostering.manager@council.example"}}. '
            'An area left out keeps its compliments in the case store only.',
            parse=parse_compliment_recipients),
    Setting("DEFAULT_ADVOCACY_PROVIDER", "local", "Provider that gets the referral when a "
            "child asks us to choose (help_me_choose)."),
    Setting("OUTBOX_WORKER", "thread", "thread: the app runs a worker thread (embedded "
            "default); none: run `flask outbox work` processes instead."),
    Setting("OUTBOX_BACKOFF_BASE_SECONDS", "5", "First retry waits up to this long; each "
            "retry doubles it (full jitter).", parse=float),
    Setting("OUTBOX_BACKOFF_CAP_SECONDS", "3600", "Longest wait between two attempts.",
            parse=float),
    Setting("OUTBOX_MAX_ATTEMPTS", "20", "Attempts before a message is delivery_failed "
            "(shown to officers, managers alerted).", parse=int),
    Setting("OUTBOX_LEASE_SECONDS", "120", "How long a worker owns a claimed message; a "
            "killed worker's messages are retried once the lease runs out.", parse=float),
    Setting("OUTBOX_POLL_SECONDS", "2", "Pause between polls when the outbox is empty.",
            parse=float),
    Setting("OUTBOX_BATCH_SIZE", "20", "Messages a worker claims at a time.", parse=int),
    Setting("SMS_ADAPTER", "console", "console (writes SMS to the log, embedded default) or "
            "twilio (sends with the TWILIO_* credentials)."),
)


def is_embedded_default(config: Any) -> bool:
    """The whole flow on one machine: the database case store on SQLite. There, mail and
    referrals with no server or provider configured go to the log (like the console SMS
    adapter) instead of failing, so a fresh ``make run`` shows the flow end to end."""
    database = str(config.get("SQLALCHEMY_DATABASE_URI", ""))
    return config.get("CASE_STORE") == "database" and database.startswith("sqlite")
