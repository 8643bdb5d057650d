"""The language link sends a child back to a page of this site, never anywhere else, and
odd next= values are ignored rather than a 500 (issue 14)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("target", [
    "/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "//evil.example",
    "/\\evil.example", "https://evil.example/", "/%e2%80%a8/evil.example",
])
def test_the_language_link_never_leaves_the_site(client, target) -> None:
    response = client.get(f"/language/en?next={target}")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil" not in location and not location.startswith("//")


def test_the_language_link_goes_back_to_the_page_it_came_from(client) -> None:
    response = client.get("/language/en?next=/tell-us/what")
    assert response.headers["Location"] == "/tell-us/what"
