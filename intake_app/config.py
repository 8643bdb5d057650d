"""Settings from environment variables, with safe defaults for the embedded default.

Every setting is listed in README.md's table. Secrets never have a value in the code: when
``SECRET_KEY``, ``ENCRYPTION_KEY`` or ``LOOKUP_HASH_KEY`` is unset, a random one is generated
once into the instance folder, so a restart keeps sessions valid and stored data readable.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def _env_int(name: str, default: int) -> int:
    return int(_env(name, str(default)))


def _env_bool(name: str, default: bool) -> bool:
    return _env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def _instance_secret(instance_path: Path, filename: str, make: Any) -> str:
    """Read a secret kept in the instance folder, creating it (mode 0600) on first use."""
    path = instance_path / filename
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    value = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def _sqlite_url(url: str, instance_path: Path) -> str:
    """Resolve a relative ``sqlite:///instance/...`` URL against the instance folder."""
    prefix = "sqlite:///instance/"
    if url.startswith(prefix):
        return "sqlite:///" + str(instance_path / url[len(prefix):])
    return url


@dataclass(frozen=True)
class Setting:
    """One documented setting: README.md's table is checked against this list by a test."""

    name: str
    default: str
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", "sqlite:///instance/intake.db", "SQLAlchemy URL of the intake "
            "database. SQLite gets WAL mode and a busy timeout; PostgreSQL for production."),
    Setting("SECRET_KEY", "(generated into instance/)", "Signs sessions and CSRF tokens."),
    Setting("ENCRYPTION_KEY", "(generated into instance/)", "Fernet key that encrypts contact "
            "details at rest."),
    Setting("LOOKUP_HASH_KEY", "(generated into instance/)", "Key of the HMAC used to look up "
            "phone numbers without storing them in clear."),
    Setting("COUNCIL_NAME", "Your council", "The council's name as children read it."),
    Setting("NATION", "england", "england, wales, scotland or northern_ireland: bank holidays "
            "and statutory timescales."),
    Setting("CUTOFF_TIME", "17:00", "Messages after this local time count from the next "
            "working day."),
    Setting("ACKNOWLEDGEMENT_WORKING_DAYS", "2", "Working days for staff to acknowledge."),
    Setting("CORPORATE_STAGE1_WORKING_DAYS", "10", "Corporate procedure stage 1 timescale."),
    Setting("CORPORATE_STAGE1_EXTENDED_WORKING_DAYS", "20", "Corporate stage 1 extended limit."),
    Setting("OUT_OF_HOURS_NUMBER", "0300 123 4567", "The council's out-of-hours social care "
            "number, given in every safety reply."),
    Setting("EXIT_URL", "https://www.bbc.co.uk/weather", "Neutral site the 'Leave this site' "
            "button opens."),
    Setting("DRAFT_TTL_MINUTES", "120", "Unsent web drafts are deleted after this long."),
    Setting("TEXT_MAX_CHARS", "5000", "Longest free text accepted in one answer."),
    Setting("DEFAULT_LOCALE", "en", "Language used when none is chosen."),
    Setting("SUPPORTED_LOCALES", "en", "Comma-separated locales offered to people."),
    Setting("RATELIMIT_STORAGE_URI", "memory://", "Flask-Limiter storage (redis:// in production)."),
    Setting("PUBLIC_RATE_LIMIT", "60 per minute", "Limit on public form posts per address."),
    Setting("SESSION_COOKIE_SECURE", "0", "Set 1 when served over HTTPS."),
    Setting("OUTBOX_WORKER", "thread", "thread: in-process worker (embedded default); none: run "
            "`flask outbox work` separately."),
    Setting("SMS_ADAPTER", "console", "console (writes SMS to the log) or twilio."),
    Setting("LOG_LEVEL", "INFO", "Python logging level."),
)


def load_settings(instance_path: Path) -> dict[str, Any]:
    """Build the Flask config mapping from the environment."""
    hh, mm = _env("CUTOFF_TIME", "17:00").split(":")
    database_url = _sqlite_url(_env("DATABASE_URL", "sqlite:///instance/intake.db"), instance_path)
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY")
        or _instance_secret(instance_path, "secret_key", lambda: secrets.token_urlsafe(48)),
        "ENCRYPTION_KEY": os.environ.get("ENCRYPTION_KEY")
        or _instance_secret(instance_path, "encryption_key",
                            lambda: Fernet.generate_key().decode()),
        "LOOKUP_HASH_KEY": os.environ.get("LOOKUP_HASH_KEY")
        or _instance_secret(instance_path, "lookup_hash_key", lambda: secrets.token_hex(32)),
        "COUNCIL_NAME": _env("COUNCIL_NAME", "Your council"),
        "NATION": _env("NATION", "england"),
        "CUTOFF_TIME": time(int(hh), int(mm)),
        "ACKNOWLEDGEMENT_WORKING_DAYS": _env_int("ACKNOWLEDGEMENT_WORKING_DAYS", 2),
        "CORPORATE_STAGE1_WORKING_DAYS": _env_int("CORPORATE_STAGE1_WORKING_DAYS", 10),
        "CORPORATE_STAGE1_EXTENDED_WORKING_DAYS": _env_int(
            "CORPORATE_STAGE1_EXTENDED_WORKING_DAYS", 20),
        "OUT_OF_HOURS_NUMBER": _env("OUT_OF_HOURS_NUMBER", "0300 123 4567"),
        "EXIT_URL": _env("EXIT_URL", "https://www.bbc.co.uk/weather"),
        "DRAFT_TTL_MINUTES": _env_int("DRAFT_TTL_MINUTES", 120),
        "TEXT_MAX_CHARS": _env_int("TEXT_MAX_CHARS", 5000),
        "BABEL_DEFAULT_LOCALE": _env("DEFAULT_LOCALE", "en"),
        "SUPPORTED_LOCALES": tuple(_env("SUPPORTED_LOCALES", "en").split(",")),
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent.parent / "translations"),
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE_URI", "memory://"),
        "PUBLIC_RATE_LIMIT": _env("PUBLIC_RATE_LIMIT", "60 per minute"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _env_bool("SESSION_COOKIE_SECURE", False),
        "OUTBOX_WORKER": _env("OUTBOX_WORKER", "thread"),
        "SMS_ADAPTER": _env("SMS_ADAPTER", "console"),
        "LOG_LEVEL": _env("LOG_LEVEL", "INFO"),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "WTF_CSRF_TIME_LIMIT": None,
    }
