"""The production-shaped stack for the load and fault runs, all on 127.0.0.1 in a temporary
folder: a throw-away PostgreSQL server (support/postgres.py), gunicorn with two workers and
``OUTBOX_WORKER=none``, one ``flask outbox work`` process, two real webhook peers (the case
store and the duty team, support/peers.py), and the real Rasa server and action server
(support/live_stack.py, the model ``make -C bot train`` made).

Every part can be stopped, killed and started again, which is what the fault run does.
Nothing here is shared with a ``make run`` on the same machine: its own instance folder,
database, ports and secrets.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import pyotp
import requests
from cryptography.fernet import Fernet
from flask import Flask

from support.live_stack import BOT_BIN, BotProcess, bot_processes
from support.peers import CaseStoreReceiver, free_port
from support.postgres import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
TWILIO_TOKEN = "bench-twilio-auth-token"
TWILIO_ACCOUNT = "AC" + "b" * 32
OFFICER_PASSWORD = "heron lantern quietly orbit bench"


class Process:
    """A long-running process of the stack with its log; ``kill`` sends a signal without
    waiting for a clean exit (the fault run's SIGKILL)."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log_path: Path,
                 health_url: str | None = None) -> None:
        self.name, self.command, self.env = name, command, env
        self.log_path, self.health_url = log_path, health_url
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None

    def start(self, timeout: float = 120.0) -> None:
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        if self.health_url is None:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start; see {self.log_path}")
            try:
                if requests.get(self.health_url, timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer {self.health_url} in {timeout:.0f}s")

    def kill(self, signum: int = signal.SIGKILL) -> None:
        if self.process is not None:
            self.process.send_signal(signum)
            self.process.wait(timeout=60)
            self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None

    def stop(self) -> None:
        """SIGTERM (gunicorn and the outbox worker finish what they hold), then SIGKILL."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None


class LoadStack:
    """Start with ``start()``; ``app`` is a Flask app on the same database and instance
    folder for setting up and checking (the runner's own process, never serving)."""

    def __init__(self, work: Path, *, officers: int = 3, web_workers: int = 2) -> None:
        self.work, self.officers, self.web_workers = work, officers, web_workers
        self.instance = work / "instance"
        self.web_port, self.rasa_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.web_port}"
        self.postgres: PostgresServer | None = None
        self.case_store = CaseStoreReceiver(secrets.token_hex(16))
        self.duty_team = CaseStoreReceiver(secrets.token_hex(16))
        self.channel_secret = secrets.token_urlsafe(24)
        self.app: Flask | None = None
        self.web: Process | None = None
        self.outbox_worker: Process | None = None
        self.actions: BotProcess | None = None
        self.rasa: BotProcess | None = None
        self.staff_file = work / "staff.json"
        self.ledger, self.results = work / "ledger.jsonl", work / "results.json"
        self.env: dict[str, str] = {}

    # --- settings -------------------------------------------------------------------

    def settings(self, database_url: str) -> dict[str, str]:
        """What every app process reads: production's shape (PostgreSQL, webhooks, no
        worker thread), with short retry waits so a bounded run sees the recovery."""
        return {
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(32),
            "ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "LOOKUP_HASH_KEY": secrets.token_urlsafe(32),
            "RASA_CHANNEL_SECRET": self.channel_secret,
            "OUTBOX_WORKER": "none",
            "CASE_STORE": "webhook",
            "CASE_STORE_WEBHOOK_URL": self.case_store.url,
            "CASE_STORE_WEBHOOK_SECRET": self.case_store.secret,
            "DUTY_TEAM_WEBHOOK_URL": self.duty_team.url,
            "DUTY_TEAM_WEBHOOK_SECRET": self.duty_team.secret,
            "DUTY_TEAM_CONSOLE_FALLBACK": "0",
            "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
            "TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT,
            "TWILIO_FROM_NUMBER": "+447700900000",
            # Production refuses the embedded default's example council details.
            "COUNCIL_NAME": "Bench Borough Council",
            "COUNCIL_PHONE": "0300 555 0100",
            "OUT_OF_HOURS_NUMBER": "0300 555 0199",
            "PUBLIC_BASE_URL": self.url,
            "RASA_URL": f"http://127.0.0.1:{self.rasa_port}",
            # Everyone comes from 127.0.0.1 here: per-address limits would stop the
            # load generator, not measure the service.
            "PUBLIC_RATE_LIMIT": "100000 per minute",
            "API_RATE_LIMIT": "100000 per minute",
            "OUTBOX_BACKOFF_BASE_SECONDS": "1",
            "OUTBOX_BACKOFF_CAP_SECONDS": "8",
            "OUTBOX_MAX_ATTEMPTS": "1000",
            "OUTBOX_LEASE_SECONDS": "20",
            "OUTBOX_POLL_SECONDS": "0.5",
            "FORWARDING_HTTP_TIMEOUT_SECONDS": "5",
            "LOG_LEVEL": "WARNING",
        }

    def app_expression(self) -> str:
        """gunicorn's and flask's ``--app``: the factory with this stack's instance folder."""
        return f"intake_app:create_app({{'INSTANCE_PATH': {str(self.instance)!r}}})"

    # --- parts ----------------------------------------------------------------------

    def start(self) -> None:
        if not (BOT_BIN / "rasa").exists():
            raise RuntimeError("bot/.venv is missing: run `make -C bot venv train` first")
        self.work.mkdir(parents=True, exist_ok=True)
        self.postgres = PostgresServer(max_connections=200)
        database = self.postgres.url(self.postgres.create_database())
        self.env = {**os.environ, **self.settings(database), "PYTHONPATH": str(ROOT)}
        self.case_store.start()
        self.duty_team.start()
        token = self._migrate_and_seed()
        self.web = Process("gunicorn", self._gunicorn_command(), self.env,
                           self.work / "gunicorn.log", health_url=self.url + "/healthz")
        self.web.start()
        self._warm_up(token)
        self.outbox_worker = Process(
            "outbox worker",
            [str(VENV_BIN / "flask"), "--app", self.app_expression(), "outbox", "work"],
            self.env, self.work / "outbox_worker.log")
        self.outbox_worker.start()
        self.actions, self.rasa = bot_processes(self.work, self.rasa_port,
                                                self.url + "/api/v1", token,
                                                self.channel_secret)
        self.actions.start()
        self.rasa.start()

    def _gunicorn_command(self) -> list[str]:
        """The project's gunicorn.conf.py when there is one (production's settings), with
        this stack's address and two workers; otherwise threads, so a turn waiting for the
        bot does not hold a whole worker. The app is this stack's factory expression, not
        the config's ``serve:prepared_app()``, which would use the checkout's instance/
        folder (its spool, shared with a ``make run``): the warm-up loads the model in each
        worker instead, and the fault run replays the spool with ``flask gateway replay``."""
        command = [str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{self.web_port}",
                   "--workers", str(self.web_workers)]
        config = ROOT / "gunicorn.conf.py"
        if config.exists():
            command += ["--config", str(config)]
        else:
            command += ["--worker-class", "gthread", "--threads", "4"]
        return [*command, self.app_expression()]

    def _migrate_and_seed(self) -> str:
        """Migrate, make the officers (with two-factor) and the bot's service token."""
        from flask_migrate import upgrade

        from intake_app import create_app
        from intake_app.extensions import db
        from intake_app.services import protection, staff_accounts
        from intake_app.services.tokens import create_token

        os.environ.update(self.env)  # create_app reads its settings from the environment
        self.app = create_app({"INSTANCE_PATH": str(self.instance)})
        accounts: list[dict[str, str]] = []
        with self.app.app_context():
            upgrade()
            for number in range(self.officers):
                email = f"officer{number}@bench.example"
                user = staff_accounts.create_user(email, name=f"Officer {number}",
                                                  role="officer", password=OFFICER_PASSWORD)
                secret = pyotp.random_base32()
                user.totp_secret_encrypted = protection.encrypt_json(secret)
                user.totp_enabled = True
                accounts.append({"email": email, "password": OFFICER_PASSWORD,
                                 "totp_secret": secret})
            db.session.commit()
            token = create_token("bench-bot", scope="intake").token
            db.session.remove()
        self.staff_file.write_text(json.dumps(accounts))
        self.staff_file.chmod(0o600)
        return token

    def _warm_up(self, token: str) -> None:
        """A few API submissions, so each gunicorn worker has loaded the triage model
        before the bot's first call (its API timeout is short) and before timing starts."""
        for _ in range(2 * self.web_workers):
            response = requests.post(self.url + "/api/v1/representations", timeout=120,
                                     headers={"Authorization": f"Bearer {token}"},
                                     json={"text": "warm-up before the load run",
                                           "advocate": "no", "reply_channel": "none"})
            if response.status_code != 201:
                raise RuntimeError(f"warm-up submission: HTTP {response.status_code}")

    def locust_env(self, *, web_users: int, sms_users: int) -> dict[str, str]:
        """The settings the locust file reads."""
        return {**os.environ, "BENCH_LEDGER": str(self.ledger),
                "BENCH_RESULTS": str(self.results), "BENCH_STAFF": str(self.staff_file),
                "BENCH_TWILIO_TOKEN": TWILIO_TOKEN, "BENCH_TWILIO_ACCOUNT": TWILIO_ACCOUNT,
                "BENCH_PUBLIC_BASE_URL": self.url, "BENCH_WEB_USERS": str(web_users),
                "BENCH_SMS_USERS": str(sms_users), "BENCH_OFFICERS": str(self.officers)}

    def flask(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """A ``flask`` command on this stack (e.g. ``gateway replay``)."""
        return subprocess.run([str(VENV_BIN / "flask"), "--app", self.app_expression(),
                               *arguments], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=300, check=False)

    def stop(self) -> None:
        for part in (self.rasa, self.actions, self.outbox_worker, self.web):
            if part is not None:
                part.stop()
        self.case_store.stop()
        self.duty_team.stop()
        if self.app is not None:
            from intake_app.extensions import db

            with self.app.app_context():
                db.session.remove()
                db.engine.dispose()
        if self.postgres is not None:
            self.postgres.stop()


def start_locust(stack: LoadStack, *, web_users: int, sms_users: int, seconds: int,
                 spawn_rate: float) -> subprocess.Popen[bytes]:
    """Start the locust file headless for ``seconds`` (the fault run works on the stack
    meanwhile); ``finish_locust`` waits for it."""
    users = web_users + sms_users + stack.officers
    with (stack.work / "locust.log").open("ab") as log:
        return subprocess.Popen(
            [str(VENV_BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
             "--headless", "--host", stack.url, "-u", str(users), "-r", str(spawn_rate),
             "-t", f"{seconds}s", "--stop-timeout", "30", "--only-summary",
             "--exit-code-on-error", "0"],
            cwd=ROOT, env=stack.locust_env(web_users=web_users, sms_users=sms_users),
            stdout=log, stderr=subprocess.STDOUT)


def finish_locust(stack: LoadStack, locust: subprocess.Popen[bytes],
                  seconds: int) -> dict[str, Any]:
    """Wait for the run to end; its figures (see locustfile.py)."""
    locust.wait(timeout=seconds + 180)
    if not stack.results.exists():
        sys.exit(f"locust wrote no figures; see {stack.work / 'locust.log'}")
    return json.loads(stack.results.read_text())
