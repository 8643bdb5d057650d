""""You said, we did": an officer writes a change, a manager approves it before it is
public, each language shows its own words (else the English, marked lang="en"), and the
page is linked from the acknowledgement and the status page; its words are in the HTML as
served, so it needs no JavaScript."""

from __future__ import annotations

import html
import re

from intake_app.domain.draft import Draft
from intake_app.services.intake import submit

from ..conftest import post_form
from ..officers.conftest import make_staff, sign_in_as  # noqa: F401 (a fixture)

SAID = "You said nobody told you when your social worker changed."
DID = "Now every child gets a letter and a call before their worker changes."
SAID_CY = "Dywedoch chi nad oedd neb wedi dweud wrthych."
DID_CY = "Nawr mae pob plentyn yn cael llythyr a galwad."


def write(client, data: dict):
    page = client.get("/officers/you-said-we-did").get_data(as_text=True)
    token = re.search(r'name="story-csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    fields = {"story-story": "", **{f"story-{k}": v for k, v in data.items()}}
    return client.post("/officers/you-said-we-did", data=fields | {"story-csrf_token": token})


def approve(client, story_id: int):
    page = client.get("/officers/you-said-we-did").get_data(as_text=True)
    token = re.search(r'csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"/officers/you-said-we-did/{story_id}/approve",
                       data={"csrf_token": token})


def public(client, locale: str = "en") -> str:
    client.get(f"/language/{locale}?next=/")
    page = client.get("/you-said-we-did")  # everything is in the HTML as served
    assert page.status_code == 200
    return html.unescape(page.get_data(as_text=True))


def test_a_change_is_public_only_once_a_manager_approves_it(app, make_staff) -> None:  # noqa: F811
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    assert write(officer, {"language": "en", "said": SAID, "did": DID}).status_code == 302
    reader = app.test_client()
    assert DID not in public(reader)
    assert approve(officer, 1).status_code == 403  # officers cannot approve
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    assert approve(manager, 1).status_code == 302
    assert SAID in public(reader) and DID in public(reader)


def test_each_language_shows_its_own_words_or_the_english_marked(app, make_staff) -> None:  # noqa: F811
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    write(officer, {"language": "en", "said": SAID, "did": DID})
    approve(manager, 1)
    welsh_reader = app.test_client()
    page = public(welsh_reader, "cy")
    assert f'<p lang="en">{DID}</p>' in page  # English words on a Welsh page say so
    # A Welsh version takes the approval away until a manager reads it.
    write(officer, {"story": "1", "language": "cy", "said": SAID_CY, "did": DID_CY})
    assert DID_CY not in public(welsh_reader, "cy") and DID not in public(welsh_reader, "cy")
    approve(manager, 1)
    page = public(welsh_reader, "cy")
    assert f"<p>{DID_CY}</p>" in page and DID not in page
    assert DID in public(app.test_client(), "en")


def test_the_acknowledgement_and_the_status_page_link_to_it(app, client) -> None:
    sent = submit(Draft(text="My social worker never calls me back.", channel="web"),
                  actor="web")
    assert "/you-said-we-did" in sent.acknowledgement_text
    post_form(client, "/status", {"reference": sent.reference_display})
    answer = post_form(client, "/status/secret", {"secret": sent.status_secret})
    assert 'href="/you-said-we-did"' in answer.get_data(as_text=True)
