"""A real, throw-away Redis server on 127.0.0.1 for the tests: ``redis-server`` from the
Debian package (``scripts/ensure_redis.sh`` installs it) on a free port, with no
persistence (no RDB snapshots, no append-only file) and its working directory in a
temporary folder that ``stop`` deletes."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .peers import free_port

STARTUP_SECONDS = 20.0


class RedisUnavailable(RuntimeError):
    """No redis-server binary, or it would not start: the message says which."""


class RedisServer:
    """One running server, started on construction; ``url`` reaches database ``n``."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RedisUnavailable("no redis-server: run `bash scripts/ensure_redis.sh` "
                                   "first (make test does)")
        self.port = free_port()
        self.base = Path(tempfile.mkdtemp(prefix="intake-redis-"))
        self.log = self.base / "redis.log"
        self.process = subprocess.Popen(
            [binary, "--bind", self.host, "--port", str(self.port), "--dir", str(self.base),
             "--save", "", "--appendonly", "no", "--protected-mode", "yes",
             "--logfile", str(self.log)],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                output = self.log.read_text() if self.log.exists() else ""
                self.stop()
                raise RedisUnavailable(f"redis-server did not start:\n{output}")
            time.sleep(0.05)

    def _answers(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(host=self.host, port=self.port,
                                    socket_timeout=1).ping())
        except redis.RedisError:
            return False

    def url(self, database: int = 0) -> str:
        return f"redis://{self.host}:{self.port}/{database}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.base, ignore_errors=True)
