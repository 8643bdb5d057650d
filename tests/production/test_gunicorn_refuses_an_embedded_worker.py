"""gunicorn delivers no outbox: started without OUTBOX_WORKER=none, nothing would ever
leave the service, so it refuses to start and says why."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.peers import free_port

from .conftest import ROOT, production_env


def test_gunicorn_will_not_start_while_the_outbox_worker_is_a_thread(tmp_path: Path) -> None:
    env = production_env(f"sqlite:///{tmp_path / 'intake.db'}", tmp_path,
                         OUTBOX_WORKER="thread", WEB_BIND=f"127.0.0.1:{free_port()}")

    started = subprocess.run([sys.executable, "-m", "gunicorn", "-c",
                              str(ROOT / "gunicorn.conf.py")], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120, check=False)

    assert started.returncode != 0
    assert "set OUTBOX_WORKER=none and run `flask outbox work`" in started.stderr
