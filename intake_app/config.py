"""Settings from environment variables, with safe defaults for the embedded default.

Each area declares its settings as ``Setting`` entries (this module, the gateway's and the
outbox's); README.md's table is checked against them by a test. Secrets never have a
value in the code: when ``SECRET_KEY``, ``ENCRYPTION_KEY``, ``LOOKUP_HASH_KEY`` or
``RASA_CHANNEL_SECRET`` is unset, a random one is generated once into the instance folder,
so a restart keeps sessions valid and stored data readable (and the bot, started with the
same file, keeps accepting the gateway). The instance folder is made 0700 (it holds those
secrets and the SQLite files), and tightened to that if it is found open to others.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography.fernet import Fernet

from .domain.opening_hours import parse_opening_hours


@dataclass(frozen=True)
class Setting:
    """One environment variable: its default, what it means, and how to read it."""

    name: str
    default: str
    meaning: str
    parse: Callable[[str], Any] = str
    config_key: str | None = None  # the Flask config key when it differs from the name
    generate: Callable[[], str] | None = None  # secrets: made once into instance/ when unset


def parse_bool(raw: str) -> bool:
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def parse_time(raw: str) -> time:
    hours, minutes = raw.strip().split(":")
    return time(int(hours), int(minutes))


def parse_working_days(raw: str) -> int:
    days = int(raw)
    if days < 0:
        raise ValueError(f"a number of working days cannot be negative, not {raw!r}")
    return days


def parse_list(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def parse_bool_or_auto(raw: str) -> bool | str:
    """``auto`` (decided from other settings once they are all known), or a boolean."""
    return "auto" if raw.strip().lower() == "auto" else parse_bool(raw)


def parse_positive_int(raw: str) -> int:
    number = int(raw)
    if number <= 0:
        raise ValueError(f"must be a positive whole number, not {raw!r}")
    return number


def parse_fernet_keys(raw: str) -> tuple[str, ...]:
    """Comma-separated Fernet keys, each checked now so a typo stops the start, not a read."""
    keys = parse_list(raw)
    for key in keys:
        Fernet(key.encode())
    return keys


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def served_over_plain_http_locally(public_base_url: str) -> bool:
    """Is the site's public URL plain http on this machine (the embedded default, ``make
    run``)? Only then may the session cookie go without the Secure flag."""
    parts = urlsplit(public_base_url)
    return parts.scheme == "http" and (parts.hostname or "") in LOOPBACK_HOSTS


GENERATED = "(generated into instance/)"

CORE_SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", "sqlite:///instance/intake.db", "SQLAlchemy URL of the intake "
            "database. SQLite gets WAL mode and a busy timeout; PostgreSQL in production.",
            config_key="SQLALCHEMY_DATABASE_URI"),
    Setting("SECRET_KEY", GENERATED, "Signs sessions and CSRF tokens.",
            generate=lambda: secrets.token_urlsafe(48)),
    Setting("ENCRYPTION_KEY", GENERATED, "Fernet key that encrypts contact details, free "
            "text, transcripts and drafts at rest (ENCRYPTION_KEYS, when set, is used instead).",
            generate=lambda: Fernet.generate_key().decode()),
    Setting("ENCRYPTION_KEYS", "", "Fernet keys, newest first, comma-separated, for a key "
            "rotation: the first encrypts, any of them reads; unset, ENCRYPTION_KEY alone. "
            "Put a new key first, run flask keys rotate, then drop the old one.",
            parse=parse_fernet_keys),
    Setting("LOOKUP_HASH_KEY", GENERATED, "Key of the HMAC that looks up phone numbers "
            "without storing them in clear.", generate=lambda: secrets.token_hex(32)),
    Setting("RASA_CHANNEL_SECRET", GENERATED, "Shared secret the gateway sends to Rasa's "
            "REST channel (X-Rasa-Channel-Secret header) and Rasa sends to the action "
            "server; both refuse requests without it. The bot's servers must be started "
            "with the same value (the Procfile passes it on).",
            generate=lambda: secrets.token_urlsafe(32)),
    Setting("COUNCIL_NAME", "your council", "The council's name as children read it "
            "(unset, pages read 'Tell your council'). Must be set in production: the app "
            "refuses to start on PostgreSQL with the default."),
    Setting("NATION", "england", "england, wales, scotland or northern_ireland: bank "
            "holidays and statutory timescales."),
    Setting("CUTOFF_TIME", "17:00", "Messages after this local time (Europe/London) count "
            "from the next working day.", parse=parse_time),
    Setting("ACKNOWLEDGEMENT_WORKING_DAYS", "2", "Working days for staff to acknowledge.",
            parse=int),
    Setting("CORPORATE_STAGE1_WORKING_DAYS", "10", "Corporate procedure: stage 1 timescale.",
            parse=int),
    Setting("CORPORATE_STAGE1_EXTENDED_WORKING_DAYS", "20", "Corporate procedure: stage 1 "
            "extended limit.", parse=int),
    Setting("OUT_OF_HOURS_NUMBER", "0300 123 4567", "The council's out-of-hours social care "
            "number, given in every safety reply. Must be set in production (the app "
            "refuses to start on PostgreSQL with the example number)."),
    Setting("COUNCIL_PHONE", "0300 123 4000", "The council's children's services phone "
            "number, given with COUNCIL_OPENING_HOURS in every acknowledgement and status "
            "answer, and to a child who asks to talk to a person but leaves no way to reach "
            "them. Must be set in production (the app refuses to start on PostgreSQL with "
            "the example number)."),
    Setting("COUNCIL_OPENING_HOURS", "mon-fri 09:00-17:00", "When COUNCIL_PHONE is "
            "answered: spans like 'mon-fri 09:00-17:00; sat 10:00-13:00', told to children "
            "in their language.", parse=parse_opening_hours),
    Setting("CALLBACK_WORKING_DAYS", "0", "Working days for a person to call or text back "
            "a child who asked to talk to a person: 0 is the same working day when asked "
            "before CUTOFF_TIME, else the next working day.", parse=parse_working_days),
    Setting("EXIT_URL", "https://www.bbc.co.uk/weather", "Neutral site that the 'Leave this "
            "site' button opens."),
    Setting("DRAFT_TTL_MINUTES", "120", "Unsent web drafts are deleted after this long; "
            "a form's CSRF token expires after this long too.",
            parse=int),
    Setting("TEXT_MAX_CHARS", "5000", "Longest free text accepted in one answer.", parse=int),
    Setting("DEFAULT_LOCALE", "en", "Language used when none is chosen.",
            config_key="BABEL_DEFAULT_LOCALE"),
    Setting("SUPPORTED_LOCALES", "en", "Comma-separated locales offered to people: en, cy, "
            "pl, ro, ar, ur have catalogues (translations/README.md). NATION=wales adds cy, "
            "and the bot offers Welsh only where cy is offered.",
            parse=parse_list),
    Setting("RATELIMIT_STORAGE_URI", "memory://", "Flask-Limiter storage (redis:// in "
            "production, so limits hold across processes)."),
    Setting("PUBLIC_RATE_LIMIT", "60 per minute", "Limit on public form posts per address."),
    Setting("STATUS_RATE_LIMIT", "10 per hour; 30 per day", "Status look-ups that find "
            "nothing (wrong reference or secret number) allowed per address (the status "
            "page) or per phone (STATUS by text; per conversation in the chat)."),
    Setting("STATUS_REFERENCE_RATE_LIMIT", "10 per hour; 20 per day", "Status look-ups "
            "that find nothing allowed for one reference, from anywhere, so the six-digit "
            "secret number cannot be guessed."),
    Setting("API_RATE_LIMIT", "600 per minute", "Limit on intake API requests per service "
            "token (requests without a live token count per address)."),
    Setting("MAX_CONTENT_LENGTH", "262144", "Largest request body accepted, in bytes "
            "(256 KB); a bigger one gets 413 before it is read.", parse=parse_positive_int),
    Setting("SESSION_COOKIE_SECURE", "auto", "Send the session cookie over HTTPS only. auto: "
            "on, unless PUBLIC_BASE_URL is plain http on this machine (the embedded default, "
            "make run on http://127.0.0.1); 1 or 0 to force it.", parse=parse_bool_or_auto),
    Setting("LOG_LEVEL", "INFO", "Python logging level."),
    Setting("RETENTION_DAYS", "90", "flask retention purge removes a record's free text, "
            "contact details and transcripts this many days after the case store accepted "
            "it (never while its safeguarding alert is unhandled).", parse=parse_positive_int),
    Setting("FORWARD_BEFORE_REVIEW", "false", "true: a record that needs an officer's review "
            "goes to the case store at once, marked for review (for councils that triage in "
            "their own case system); false: it waits in the intake queue until an officer "
            "confirms or corrects its triage. The acknowledgement and any safeguarding alert "
            "are never held.", parse=parse_bool),
    Setting("LEARNING_REMINDER_DAYS", "7", "A learning action's owner is reminded by email "
            "this many days before it is due, then once a week while it is overdue.",
            parse=parse_working_days),
    Setting("RASA_TRACKER_DB_URL", "sqlite:///bot/.rasa/tracker.db", "SQLAlchemy URL of the "
            "bot's SQL tracker store (bot/endpoints.yml, TRACKER_DB_URL), whose conversations "
            "flask retention purge deletes with the record; a relative sqlite:/// path is "
            "read from the project folder."),
)


def all_settings() -> tuple[Setting, ...]:
    from .officers.settings import OFFICER_SETTINGS
    from .outbox.settings import OUTBOX_SETTINGS
    from .sms.settings import GATEWAY_SETTINGS
    from .web_server_settings import WEB_SERVER_SETTINGS

    return (CORE_SETTINGS + GATEWAY_SETTINGS + OUTBOX_SETTINGS + OFFICER_SETTINGS
            + WEB_SERVER_SETTINGS)


PRIVATE_FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Make the folder (0700) if needed; tighten it to 0700 if others can open it."""
    path.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_FOLDER_MODE)
    return path


def _instance_secret(instance_path: Path, filename: str, make: Callable[[], str]) -> str:
    """Read a secret kept in the instance folder, creating it (mode 0600) on first use."""
    path = instance_path / filename
    if path.exists():
        private_folder(instance_path)
        return path.read_text().strip()
    private_folder(instance_path)
    value = make()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def _sqlite_url(url: str, instance_path: Path) -> str:
    """Resolve a relative ``sqlite:///instance/...`` URL against the instance folder."""
    prefix = "sqlite:///instance/"
    if url.startswith(prefix):
        private_folder(instance_path)
        return "sqlite:///" + str(instance_path / url[len(prefix):])
    return url


def load_settings(instance_path: Path) -> dict[str, Any]:
    """Build the Flask config mapping from the environment."""
    config: dict[str, Any] = {}
    for setting in all_settings():
        raw = os.environ.get(setting.name, "")
        if setting.generate is not None and not raw:
            raw = _instance_secret(instance_path, setting.name.lower(), setting.generate)
        elif not raw:
            raw = setting.default
        config[setting.config_key or setting.name] = setting.parse(raw)
    for key, value in config.items():
        if isinstance(value, str) and value.startswith("sqlite:///instance/"):
            config[key] = _sqlite_url(value, instance_path)
    config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent.parent / "translations"),
        INSTANCE_PATH=str(instance_path),
    )
    return config


# What a child is told to call or is named: placeholders a council must replace before
# children are told them (the defaults are for the embedded default on one machine).
COUNCIL_DETAILS = ("COUNCIL_NAME", "COUNCIL_PHONE", "OUT_OF_HOURS_NUMBER")


class PlaceholderCouncilDetails(RuntimeError):
    """Configured for production with the embedded default's council details."""


def configured_for_production(config: Any) -> bool:
    """A database other than SQLite: production's PostgreSQL (ARCHITECTURE rule 5), where
    children are given what the site says."""
    return not str(config.get("SQLALCHEMY_DATABASE_URI", "")).startswith("sqlite")


def refuse_placeholder_council_details(config: Any) -> None:
    """Stop the start, saying what to set, rather than tell frightened children to call a
    number that is not the council's. Tests (TESTING) run on PostgreSQL with the defaults;
    the embedded default (SQLite) keeps them so a fresh checkout runs."""
    if config.get("TESTING") or not configured_for_production(config):
        return
    defaults = {setting.name: setting.default for setting in CORE_SETTINGS}
    placeholders = [name for name in COUNCIL_DETAILS if config.get(name) == defaults[name]]
    if placeholders:
        raise PlaceholderCouncilDetails(
            "Refusing to start: " + ", ".join(placeholders) + " still have the example "
            "values, and children would be told them. Set each to the council's own (see "
            "README.md, Settings).")


def settle_derived_settings(config: dict[str, Any]) -> None:
    """Settings that follow from others, decided once the app's config is complete (tests
    and callers may override any of them)."""
    if config.get("SESSION_COOKIE_SECURE") == "auto":
        config["SESSION_COOKIE_SECURE"] = not served_over_plain_http_locally(
            config.get("PUBLIC_BASE_URL", ""))
    # A form's CSRF token lasts as long as the draft it protects: a child who comes back
    # to a page after that is shown it again with what they typed (errors.py).
    config.setdefault("WTF_CSRF_TIME_LIMIT", config["DRAFT_TTL_MINUTES"] * 60)
