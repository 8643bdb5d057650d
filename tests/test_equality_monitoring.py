"""Equality monitoring: offered only after a message is sent (a link on the confirmation),
optional, "prefer not to say" on every question, kept in a table with no link to any
record, and reported only in aggregate with counts under 5 not shown."""

from __future__ import annotations

import csv
import io

from sqlalchemy import inspect

from intake_app.domain.equality import PREFER_NOT_TO_SAY, QUESTIONS
from intake_app.extensions import db
from intake_app.models import EqualityAnswer
from intake_app.services import equality
from intake_app.services.wall_clock import SYSTEM_CLOCK

from .conftest import post_form
from .officers.conftest import make_staff, sign_in_as  # noqa: F401 (a fixture)
from .web_journey import send_complaint

ANSWERS = {"age_band": "14_to_15", "gender": PREFER_NOT_TO_SAY, "disability": "no",
           "ethnicity": "mixed", "sexual_orientation": PREFER_NOT_TO_SAY}


def test_it_is_never_offered_before_sending(client) -> None:
    page = client.get("/tell-us/about-you")
    assert page.status_code == 404
    assert "How old are you?" not in page.get_data(as_text=True)


def test_after_sending_the_confirmation_links_to_it_and_answers_are_kept_apart(
        client) -> None:
    confirmation = send_complaint(client).get_data(as_text=True)
    assert "/tell-us/about-you" in confirmation
    page = client.get("/tell-us/about-you").get_data(as_text=True)
    for question in QUESTIONS:  # every question can be answered "prefer not to say"
        assert f'name="{question}" type="radio" value="{PREFER_NOT_TO_SAY}"' in page
    assert post_form(client, "/tell-us/about-you", ANSWERS).status_code == 200
    (answer,) = db.session.query(EqualityAnswer).all()
    assert (answer.age_band, answer.gender, answer.ethnicity) == (
        "14_to_15", PREFER_NOT_TO_SAY, "mixed")
    # Nothing in the table could join it back to a record or a person.
    columns = {column["name"] for column in inspect(db.engine).get_columns("equality_answer")}
    assert columns == {"id", "answered_on", *QUESTIONS}
    assert not inspect(db.engine).get_foreign_keys("equality_answer")
    # Answered once: the link goes, and the page does not take a second answer.
    assert "/tell-us/about-you" not in client.get("/tell-us/sent").get_data(as_text=True)
    assert client.get("/tell-us/about-you").status_code == 404


def test_reports_show_only_counts_of_five_or_more(app, make_staff) -> None:  # noqa: F811
    for _ in range(5):
        equality.save_answers({"age_band": "16_to_17", "gender": "girl_or_woman"})
    for _ in range(2):
        equality.save_answers({"age_band": "11_to_13", "gender": "girl_or_woman"})
    equality.save_answers({})  # nothing answered: nothing kept
    assert db.session.query(EqualityAnswer).count() == 7
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    today = SYSTEM_CLOCK.today()
    response = manager.get(f"/officers/reports/equality.csv?period=month"
                           f"&year={today.year}&month={today.month}")
    rows = {row[1]: row[3] for row in csv.reader(
        io.StringIO(response.get_data().decode("utf-8-sig")))}
    assert rows["age_band:11_to_13"] == ""  # 2 people: not shown
    assert rows["gender:girl_or_woman"] == "7"
    assert rows["gender:boy_or_man"] == "0"


def test_a_lone_hidden_count_cannot_be_worked_out_by_subtraction(
        app, make_staff) -> None:  # noqa: F811
    """Gender shows that 7 people answered; were age "16 to 17" shown as 5, the hidden
    "11 to 13" would be 7 - 5 = 2. The next smallest count is hidden with it, the page says
    why, and rows carry words rather than keys."""
    for _ in range(5):
        equality.save_answers({"age_band": "16_to_17", "gender": "girl_or_woman"})
    for _ in range(2):
        equality.save_answers({"age_band": "11_to_13", "gender": "girl_or_woman"})
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    today = SYSTEM_CLOCK.today()
    query = f"period=month&year={today.year}&month={today.month}"
    response = manager.get(f"/officers/reports/equality.csv?{query}")
    rows = {row[1]: row for row in csv.reader(
        io.StringIO(response.get_data().decode("utf-8-sig")))}
    assert rows["age_band:11_to_13"][3] == ""
    assert rows["age_band:16_to_17"][3] == ""  # hidden too: 7 - 5 would give the 2 away
    assert rows["gender:girl_or_woman"][3] == "7"  # nothing hidden beside it
    assert rows["age_band:16_to_17"][0] == "Age: 16 to 17"
    assert rows["gender:not_answered"][0] == "Gender: Not answered"
    assert rows["disability:prefer_not_to_say"][0] == "Disability: Prefer not to say"
    page = manager.get(f"/officers/reports?{query}").get_data(as_text=True)
    assert "Age: 16 to 17" in page and "age_band: 16_to_17" not in page
    assert "could otherwise be worked out by subtraction" in page


def test_secondary_suppression_hides_the_next_smallest_count_beside_a_lone_hidden_one(
        ) -> None:
    from intake_app.domain.equality import suppressed
    assert suppressed([5, 2, 0, 9]) == [None, None, 0, 9]
    assert suppressed([3, 0, 0]) == [None, None, 0]  # no other count: a zero goes with it
    assert suppressed([2, 3, 8]) == [None, None, 8]  # two hidden already: enough
    assert suppressed([6, 7, 0]) == [6, 7, 0]
