"""A ``next=`` target is a path on this site or nothing: one check, ``local_path``."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from intake_app.web_security import local_path

OFF_SITE = ("//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example",
            "/\r\n/evil.example", "/\u2028/evil.example", "/\x85/evil.example",
            "https://evil.example/", "javascript:alert(1)", "evil.example", "", None)


@pytest.mark.parametrize("target", OFF_SITE)
def test_anything_but_a_plain_path_on_this_site_is_refused(target: str | None) -> None:
    assert local_path(target) is None


@pytest.mark.parametrize("target", ["/", "/tell-us/what", "/officers/queue?q=a%20b&page=2",
                                    "/officers/records/ABCD2345"])
def test_a_path_on_this_site_is_kept(target: str) -> None:
    assert local_path(target) == target


@pytest.mark.parametrize("target", ["/%09/evil.example", "/%0a/evil.example",
                                    "/%0d%0aSet-Cookie:x=1"])
def test_the_language_link_never_leaves_the_site(app: Flask, client: FlaskClient,
                                                 target: str) -> None:
    """The children's site uses the same check (it once answered //evil.example, and a
    500 for %0a)."""
    response = client.get(f"/language/en?next={target}")
    assert response.status_code == 302
    assert "evil.example" not in response.headers["Location"]
