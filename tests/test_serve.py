"""The embedded default's web process starts even when the triage model cannot be read: the
failure is loud (an error in the log, /healthz 503) but no child is turned away."""

from __future__ import annotations

import logging

import pytest

from intake_app import create_app, serve
from intake_app.domain.model_runtime import ModelUnavailable


class StartedServer:
    """Stands for werkzeug's server: records that the site would have started serving."""

    served: list[tuple[str, int]] = []

    def __init__(self, args: tuple) -> None:
        self.address = args[:2]
        self.server_port = args[1]

    def serve_forever(self) -> None:
        StartedServer.served.append(self.address)


def use_temporary_app(monkeypatch, tmp_path) -> None:
    config = {"INSTANCE_PATH": str(tmp_path / "instance"), "OUTBOX_WORKER": "none",
              "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'intake.db'}"}
    monkeypatch.setattr(serve, "create_app", lambda: create_app(config))


def test_the_site_starts_without_its_model(tmp_path, monkeypatch, caplog) -> None:
    def broken_model():
        logging.getLogger("intake_app.domain.model_runtime").error("triage model unreadable")
        raise ModelUnavailable("truncated")

    use_temporary_app(monkeypatch, tmp_path)
    monkeypatch.setattr(serve, "load_model", broken_model)
    monkeypatch.setattr(serve, "make_server", lambda *args, **kwargs: StartedServer(args))
    StartedServer.served.clear()
    with caplog.at_level(logging.ERROR):
        serve.main()
    assert StartedServer.served == [("127.0.0.1", 5000)]
    assert "triage model unreadable" in caplog.text


def test_other_start_up_faults_still_stop_it(tmp_path, monkeypatch) -> None:
    def broken():
        raise RuntimeError("not a model problem")

    use_temporary_app(monkeypatch, tmp_path)
    monkeypatch.setattr(serve, "load_model", broken)
    monkeypatch.setattr(serve, "make_server", lambda *args, **kwargs: StartedServer(args))
    with pytest.raises(RuntimeError):
        serve.main()
