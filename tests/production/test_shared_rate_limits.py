"""Production runs several web processes; a limit each process counted on its own would
let a caller multiply it by going round them. With RATELIMIT_STORAGE_URI on Redis the
processes count together."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import requests
from flask import Flask

from support.redis_server import RedisServer

from ..conftest import dispose, make_app
from .conftest import ServerProcess, production_env


def migrated_database(tmp_path: Path) -> str:
    """A migrated database for the servers (PostgreSQL in the PostgreSQL pass)."""
    app: Flask = make_app(tmp_path)
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    dispose(app)
    return url


def statuses_going_round(urls: list[str], tries: int) -> list[int]:
    """Made-up API tokens, sent to each server in turn: they count against the address."""
    return [requests.post(f"{urls[n % len(urls)]}/api/v1/representations", json={},
                          headers={"Authorization": f"Bearer made-up-{n}"},
                          timeout=30).status_code
            for n in range(tries)]


def two_servers(start_site: Callable[..., tuple[ServerProcess, str]], tmp_path: Path,
                storage: str) -> list[str]:
    """Two web processes on one database, as production runs several."""
    env = production_env(migrated_database(tmp_path), tmp_path, RATELIMIT_STORAGE_URI=storage,
                         API_RATE_LIMIT="2 per minute")
    return [start_site(env)[1], start_site(env)[1]]


def test_two_web_processes_share_one_api_limit_through_redis(
        tmp_path: Path, redis_server: RedisServer, start_site) -> None:
    urls = two_servers(start_site, tmp_path, redis_server.url())

    assert statuses_going_round(urls, 3) == [401, 401, 429]


def test_with_the_memory_default_each_process_counts_on_its_own(
        tmp_path: Path, start_site) -> None:
    """Why production needs Redis: the same calls are never refused."""
    urls = two_servers(start_site, tmp_path, "memory://")

    assert statuses_going_round(urls, 4) == [401, 401, 401, 401]
