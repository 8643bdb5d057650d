"""Walk the web form as a person would, one page at a time."""

from __future__ import annotations

from flask.testing import FlaskClient

from .conftest import post_form


def answer(client: FlaskClient, slug: str, data: dict, **kwargs):
    return post_form(client, f"/tell-us/{slug}", data, **kwargs)


def send_complaint(client: FlaskClient, *, type_: str = "complaint", role: str = "young_person",
                   text: str = "My social worker never calls me back.",
                   reply: dict | None = None, helper: dict | None = None,
                   advocate: dict | None = None):
    """Answer every question, then press Send; returns the confirmation page."""
    pages = [
        ("what", {"type": type_}),
        ("who", {"role": role}),
    ]
    if helper is not None:
        pages.append(("helper", helper))
    pages += [
        ("about", {"service_area": "children_in_care"}),
        ("what-happened", {"text": text}),
    ]
    # A compliment is not asked what would make it better, nor offered an advocate; the
    # list of advocates is its own page, after a yes.
    advocate = dict(advocate or {"advocate": "no"})
    provider = advocate.pop("advocate_provider", None)
    if type_ != "compliment":
        pages.append(("what-would-help", {"what_would_help": "Call me back please"}))
        pages.append(("advocate", advocate))
        if advocate["advocate"] == "yes":
            pages.append(("advocate-provider", {"advocate_provider": provider}))
    pages.append(("reply", reply or {"reply_channel": "none"}))
    if (reply or {}).get("reply_channel", "none") != "none":
        pages.append(("safe-contact", {"times": ["after_school"], "leave_message": "no"}))
    pages.append(("sharing", {}))
    for slug, data in pages:
        response = answer(client, slug, data)
        assert response.status_code == 302, (slug, response.get_data(as_text=True)[:2000])
    check = client.get("/tell-us/check")
    assert check.status_code == 200
    return post_form(client, "/tell-us/check", {}, follow_redirects=True)
