"""After the answer: officers record what was done to put a complaint right and the
Ombudsman's enquiry, both counted in the reports; once the council's last stage is over,
the child's status page names the Ombudsman in plain words."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date, timedelta

import textstat
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, ComplaintStage, Representation
from intake_app.services.wall_clock import SYSTEM_CLOCK

from ..html_checks import main_text
from ..test_status_page import _ask, _sent
from .conftest import sign_in_as
from .test_case_view import make_record


def after_page(record: Representation) -> str:
    return f"/officers/records/{record.reference}/after"


BLANK = {"resolution": {"amount": "", "details": ""},
         "ombudsman": {"decision": "", "decided_on": "", "remedy": "", "remedy_amount": ""}}


def post(client, record: Representation, form: str, route: str, data: dict):
    """Post one form as a browser does: every field, the ones left empty included."""
    data = BLANK[form] | data
    page = client.get(after_page(record)).get_data(as_text=True)
    token = re.search(rf'name="{form}-csrf_token" type="hidden" value="([^"]+)"', page)
    fields = {f"{form}-{name}": value for name, value in data.items()}
    return client.post(f"/officers/records/{record.reference}/{route}",
                       data=fields | {f"{form}-csrf_token": token.group(1)})


def report_rows(manager, table: str) -> dict[str, str]:
    today = SYSTEM_CLOCK.today()
    response = manager.get(f"/officers/reports/{table}.csv?period=month"
                           f"&year={today.year}&month={today.month}")
    return {row[1]: row[3] for row in csv.reader(
        io.StringIO(response.get_data().decode("utf-8-sig")))}


def test_a_financial_remedy_is_kept_with_its_amount_and_counted(app, make_staff) -> None:
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    record = make_record()
    today = SYSTEM_CLOCK.today().isoformat()
    refused = post(officer, record, "resolution", "resolutions",
                   {"kind": "financial_remedy", "done_on": today, "amount": ""})
    assert refused.status_code == 400
    assert "Enter the amount paid, in pounds." in html.unescape(refused.get_data(as_text=True))
    for data in ({"kind": "financial_remedy", "done_on": today, "amount": "150.50",
                  "details": "Lost allowance repaid"},
                 {"kind": "apology", "done_on": today}):
        assert post(officer, record, "resolution", "resolutions", data).status_code == 302
    page = html.unescape(officer.get(after_page(record)).get_data(as_text=True))
    assert "£150.50" in page and "Lost allowance repaid" in page and "Apology" in page
    assert db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "record.resolution_recorded").limit(1)) is not None
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    rows = report_rows(manager, "resolutions")
    assert (rows["financial_remedy"], rows["apology"], rows["view_recorded"]) == ("1", "1", "0")
    assert rows["financial_remedy_pounds"] == "150.5"


def test_an_ombudsman_enquiry_and_its_decision_are_kept_and_counted(app, make_staff) -> None:
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    record = make_record()
    today = SYSTEM_CLOCK.today()
    future = post(officer, record, "ombudsman", "ombudsman",
                  {"ombudsman": "lgsco", "received_on": (today + timedelta(days=3)).isoformat()})
    assert future.status_code == 400
    assert post(officer, record, "ombudsman", "ombudsman",
                {"ombudsman": "lgsco", "received_on": today.isoformat()}).status_code == 302
    assert post(officer, record, "ombudsman", "ombudsman", {
        "ombudsman": "lgsco", "received_on": today.isoformat(), "decision": "partly_upheld",
        "decided_on": today.isoformat(), "remedy": "Apologise and pay for the lost time",
        "remedy_amount": "300"}).status_code == 302
    page = html.unescape(officer.get(after_page(record)).get_data(as_text=True))
    assert "Investigated: partly upheld" in page and "£300.00" in page
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    rows = report_rows(manager, "ombudsman")
    assert (rows["lgsco"], rows["partly_upheld"], rows["no_decision"]) == ("1", "1", "0")
    assert rows["remedy_pounds"] == "300.0"


def test_the_status_page_names_the_ombudsman_only_after_the_last_stage(app, client) -> None:
    sent = _sent(declared_type="complaint", service_area="children_in_care")
    record = db.session.get(Representation, sent.representation_id)
    assert record.procedure == "statutory"
    assert "Ombudsman" not in main_text(_ask(client, sent.reference_display,
                                             sent.status_secret).get_data())
    day = date.today()
    db.session.add(ComplaintStage(representation_id=record.id, stage="stage3_panel",
                                  started_on=day, started_by="child", due=day,
                                  finished_on=day))
    db.session.commit()
    text = main_text(_ask(client, sent.reference_display, sent.status_secret).get_data())
    signpost = text[text.index("Still not happy?"):text.index("0300 061 0614") + 13]
    assert "Local Government and Social Care Ombudsman" in signpost
    assert textstat.flesch_kincaid_grade(signpost) <= 5


def test_a_closed_stage_1_complaint_is_not_sent_to_the_ombudsman_yet(app, client) -> None:
    sent = _sent(declared_type="complaint", service_area="children_in_care")
    record = db.session.get(Representation, sent.representation_id)
    day = date.today()
    db.session.add(ComplaintStage(representation_id=record.id, stage="stage2_in_progress",
                                  started_on=day, started_by="child", due=day,
                                  finished_on=day))
    db.session.commit()
    assert "Ombudsman" not in main_text(_ask(client, sent.reference_display,
                                             sent.status_secret).get_data())
