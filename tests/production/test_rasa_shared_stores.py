"""Rasa in production (bot/endpoints.production.yml): two Rasa servers share one tracker
store in PostgreSQL and one lock store in Redis, so a conversation goes on whichever
server gets its next message."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import redis
import requests

from intake_app.services.rasa_client import SECRET_HEADER, WEBHOOK_PATH
from support.live_stack import BOT_BIN, BotProcess, bot_processes, rasa_process
from support.peers import free_port
from support.postgres import PostgresServer
from support.redis_server import RedisServer

pytestmark = [pytest.mark.rasa, pytest.mark.postgres]
PRODUCTION_ENDPOINTS = "endpoints.production.yml"


@dataclass
class SharedBots:
    urls: list[str]
    secret: str
    tracker_database: str

    def say(self, server: int, sender: str, text: str) -> list[str]:
        """One message to one of the Rasa servers' REST channel; the texts it answers."""
        response = requests.post(self.urls[server] + WEBHOOK_PATH, timeout=120,
                                 json={"sender": sender, "message": text},
                                 headers={SECRET_HEADER: self.secret})
        assert response.status_code == 200, response.text
        return [message.get("text", "") for message in response.json()]


@pytest.fixture
def shared_bots(tmp_path: Path, postgres_server: PostgresServer,
                redis_server: RedisServer) -> Iterator[SharedBots]:
    if not (BOT_BIN / "rasa").exists():
        pytest.skip("bot/.venv is missing: run `make -C bot venv train` (`make test` does)")
    tracker_database = postgres_server.create_database()
    secret = secrets.token_urlsafe(32)
    ports = [free_port(), free_port()]
    # Early turns of a conversation need no call to the intake API: none is running.
    actions, first = bot_processes(
        tmp_path, ports[0], "http://127.0.0.1:9/api/v1", "unused", secret,
        endpoints=PRODUCTION_ENDPOINTS,
        # Rasa's SQLAlchemy 1.4 reaches PostgreSQL through psycopg2 (bot/requirements.txt).
        TRACKER_DB_URL=postgres_server.url(tracker_database).replace("+psycopg", ""),
        LOCK_STORE_HOST=redis_server.host, LOCK_STORE_PORT=str(redis_server.port),
        LOCK_STORE_DB="1", LOCK_STORE_PASSWORD="")
    second = rasa_process(tmp_path, ports[1], first.env, PRODUCTION_ENDPOINTS,
                          name="second rasa server")
    servers: list[BotProcess] = [actions, first, second]
    try:
        actions.start()
        with ThreadPoolExecutor(2) as starting:  # two cores: load both models at once
            list(starting.map(BotProcess.start, [first, second]))
        yield SharedBots([f"http://127.0.0.1:{port}" for port in ports], secret,
                         tracker_database)
    finally:
        for server in reversed(servers):
            server.stop()


def redis_calls(server: RedisServer, command: str) -> int:
    stats = redis.Redis(host=server.host, port=server.port).info("commandstats")
    return int(stats.get(f"cmdstat_{command}", {}).get("calls", 0))


def test_a_conversation_goes_on_across_two_rasa_servers(
        shared_bots: SharedBots, postgres_server: PostgresServer,
        redis_server: RedisServer) -> None:
    locks_taken = redis_calls(redis_server, "set")

    greeting = shared_bots.say(0, "shared-conversation", "hiya")
    continued = shared_bots.say(1, "shared-conversation", "1")  # something went wrong
    fresh = shared_bots.say(1, "new-conversation", "1")

    assert any(text.startswith("Hi! I can help") for text in greeting)
    # The second server knew the story so far: "1" answered the first question there, and
    # it asks the next; on a conversation it had not seen, "1" means something else.
    assert continued and not any(text.startswith("Hi! I can help") for text in continued)
    assert continued != fresh, (greeting, continued, fresh)
    with psycopg.connect(host=postgres_server.host, port=postgres_server.port,
                         user=postgres_server.user,
                         dbname=shared_bots.tracker_database) as connection:
        said = [row[0] for row in connection.execute(
            "SELECT data::json->>'text' FROM events WHERE sender_id = %s "
            "AND type_name = 'user' ORDER BY id", ("shared-conversation",))]
    assert said == ["hiya", "1"]
    assert redis_calls(redis_server, "set") >= locks_taken + 3  # a lock per turn
