"""Health, security headers, the exit button, config and secrets."""

from __future__ import annotations

import re
from pathlib import Path

from intake_app.config import all_settings
from intake_app.extensions import db

from .conftest import make_app

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_PAGES = ("/", "/tell-us/what", "/tell-us/who", "/tell-us/about",
                "/tell-us/what-happened", "/tell-us/what-would-help", "/tell-us/advocate",
                "/tell-us/reply", "/tell-us/sharing", "/what-is-an-advocate", "/no-such-page")


def test_health_reports_database_and_migrations_at_head(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"] == "ok"
    assert response.json["migrations"] == "at_head"


def test_health_says_when_migrations_are_behind(tmp_path):
    app = make_app(tmp_path)
    with app.app_context():
        from flask_migrate import downgrade

        downgrade(revision="base")
        response = app.test_client().get("/healthz")
        db.engine.dispose()
    assert response.status_code == 503
    assert response.json["migrations"] == "behind"


def test_every_page_sends_the_security_headers(client):
    for path in PUBLIC_PAGES:
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp
        for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
            assert directive in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Cache-Control"] == "no-store"


def test_templates_have_no_inline_script_or_style():
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert "<style" not in text and " style=" not in text, template
        assert not re.search(r"\son[a-z]+=", text), template


def test_session_cookie_is_httponly_and_samesite_lax(client):
    response = client.get("/tell-us/what")
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_every_public_page_has_a_leave_this_site_link_that_works_without_javascript(client):
    for path in PUBLIC_PAGES:
        page = client.get(path).get_data(as_text=True)
        match = re.search(r'<a href="([^"]+)" class="exit-button"', page)
        assert match, path
        # Through /leave, which ends the draft and the session, then opens the neutral site.
        assert match.group(1) == "/leave"
    assert client.get("/leave").headers["Location"].startswith("https://")
    assert "Shift" in (ROOT / "static" / "app.js").read_text()


def test_forms_carry_a_csrf_token(client):
    page = client.get("/tell-us/what").get_data(as_text=True)
    assert 'name="csrf_token"' in page


def test_secrets_are_generated_once_into_the_instance_folder(tmp_path, monkeypatch):
    for name in ("SECRET_KEY", "ENCRYPTION_KEY", "LOOKUP_HASH_KEY"):
        monkeypatch.delenv(name, raising=False)
    first = make_app(tmp_path)
    second = make_app(tmp_path)
    for key in ("SECRET_KEY", "ENCRYPTION_KEY", "LOOKUP_HASH_KEY"):
        assert first.config[key] and first.config[key] == second.config[key]
    secret_file = tmp_path / "instance" / "secret_key"
    assert secret_file.stat().st_mode & 0o077 == 0


def test_settings_from_the_environment_win(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNCIL_NAME", "Riverside Council")
    monkeypatch.setenv("CUTOFF_TIME", "16:30")
    app = make_app(tmp_path)
    assert app.config["COUNCIL_NAME"] == "Riverside Council"
    assert app.config["CUTOFF_TIME"].hour == 16


def test_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text()
    missing = [setting.name for setting in all_settings() if f"`{setting.name}`" not in readme]
    assert missing == []


def test_no_secret_has_a_value_in_the_code():
    for setting in all_settings():
        if "KEY" in setting.name or "SECRET" in setting.name or "TOKEN" in setting.name:
            assert setting.default in ("", "(generated into instance/)"), setting.name
