"""The representations report: every figure checked against a small fixture worked out by
hand, the period boundaries (31 March / 1 April, BST midnight), CSV exports and access.

The fixture (UTC times; the UK is on BST from 30 March 2025 and from 29 March 2026):

2025-26 (1 April 2025 to 31 March 2026):
  C1  complaint  Mon 22 Dec 2025 10:00  delay (+communication), young person + advocate
      "yes", web, responded Tue 6 Jan 2026, upheld, acknowledged in time
  C2  complaint  Mon 2 Jun 2025 09:00   communication, parent, sms, paused 5 working days,
      responded Mon 30 Jun 2025, partly upheld, acknowledged late (5 Jun; due 4 Jun)
  C3  complaint  Mon 1 Sep 2025 09:00   placement (+delay, contact), advocate, web,
      corporate, responded Wed 1 Oct 2025, not upheld, never acknowledged (overdue)
  C5  complaint  Tue 31 Mar 2026 22:30  (23:30 BST, still 31 March) delay, young person +
      "help me choose", chat, open, acknowledged Thu 2 Apr (due Tue 7 Apr: Good Friday)
  C6  complaint  Mon 12 May 2025 10:00  money, carer, web, withdrawn, acknowledged in time
  C7  complaint  Tue 23 Dec 2025        duplicate of C1: never counted
  C8  compliment Thu 10 Jul 2025 12:00  worker; acknowledged 14 Jul 23:30 UTC = 00:30 BST
      on 15 Jul, the day after it was due (late, though the UTC date is the due date)
  C9  compliment Thu 15 Jan 2026 12:00  service; acknowledged 19 Jan 23:59 GMT (in time)
  C10 enquiry    Wed 20 Aug 2025        safeguarding, handled after 3 hours
  C11 comment    Fri 10 Oct 2025        safeguarding, handled after 10 hours
  C12 complaint  Mon 2 Feb 2026 09:00   staff conduct, professional, api, safeguarding not
      handled, closed without a stage 1 response, never acknowledged (overdue)
  C13 complaint  Mon 31 Mar 2025 23:30  (00:30 BST on 1 April) communication, young person,
      web, open, acknowledged in time
2024-25:
  P1  complaint  Mon 3 Jun 2024 09:00   delay, responded Mon 10 Jun 2024, upheld
  P2  complaint  Mon 31 Mar 2025 22:30  (23:30 BST, still 31 March) communication, parent,
      open, never acknowledged
  P3  compliment Tue 5 Nov 2024         worker
  P4  complaint  Mon 9 Sep 2024 09:00   delay, safeguarding handled after 2 hours,
      responded Mon 30 Sep 2024, not upheld
2026-27:
  C4  complaint  Tue 31 Mar 2026 23:30  (00:30 BST on 1 April 2026)
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime

import pytest

from intake_app.domain.draft import Draft, OnBehalf
from intake_app.domain.reporting_periods import (
    LONDON,
    financial_quarter,
    financial_year,
    month,
)
from intake_app.extensions import db
from intake_app.models import Representation
from intake_app.services.intake import submit
from intake_app.services.reports import build_report, build_table

from .conftest import as_staff

TODAY = date(2026, 11, 25)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def make(received: str, kind: str = "complaint", *, channel: str = "web",
         role: str = "young_person", advocate: str = "no", **fields) -> Representation:
    """A record made the way every channel makes one, then set to a known state."""
    result = submit(Draft(
        text="I am unhappy that my review meeting was moved again without asking me.",
        channel=channel, declared_type=kind, role=role, advocate=advocate,
        advocate_provider="nyas" if advocate == "yes" else None,
        on_behalf=OnBehalf("Sam", "NYAS", "advocate", "They asked me to write") if role ==
        "advocate" else None,
        received_at=utc(received)), actor="web")
    record = db.session.get(Representation, result.representation_id)
    known = {"type": kind, "primary_category": None, "secondary_categories": [],
             "service_area": None, "procedure": "statutory", "safeguarding_flag": False,
             "acknowledged_at": None, "outcome": None}
    for name, value in {**known, **fields}.items():
        setattr(record, name, value)
    db.session.commit()
    return record


@pytest.fixture
def fixture_records(app) -> dict[str, Representation]:
    records = {}
    records["C1"] = make("2025-12-22 10:00", advocate="yes", primary_category="delay",
                         secondary_categories=["communication"],
                         service_area="children_in_care",
                         stage1_responded_on=date(2026, 1, 6), outcome="upheld",
                         acknowledged_at=utc("2025-12-23 09:00"))
    records["C2"] = make("2025-06-02 09:00", channel="sms", role="parent",
                         primary_category="communication", service_area="child_protection",
                         clock_paused_working_days=5, stage1_responded_on=date(2025, 6, 30),
                         outcome="partly_upheld", acknowledged_at=utc("2025-06-05 10:00"))
    records["C3"] = make("2025-09-01 09:00", role="advocate", primary_category="placement",
                         secondary_categories=["delay", "contact"],
                         service_area="children_in_care", procedure="corporate",
                         stage1_responded_on=date(2025, 10, 1), outcome="not_upheld")
    records["C4"] = make("2026-03-31 23:30", primary_category="delay",
                         acknowledged_at=utc("2026-04-01 08:00"))
    records["C5"] = make("2026-03-31 22:30", channel="chat", advocate="help_me_choose",
                         primary_category="delay", acknowledged_at=utc("2026-04-02 08:00"))
    records["C6"] = make("2025-05-12 10:00", role="carer", primary_category="money",
                         withdrawn_at=utc("2025-05-14 09:00"), status="withdrawn",
                         acknowledged_at=utc("2025-05-12 10:05"))
    records["C7"] = make("2025-12-23 11:00", primary_category="delay",
                         duplicate_of_id=records["C1"].id,
                         acknowledged_at=utc("2025-12-23 11:00"))
    records["C8"] = make("2025-07-10 12:00", "compliment", role="parent",
                         primary_category="worker", acknowledged_at=utc("2025-07-14 23:30"))
    records["C9"] = make("2026-01-15 12:00", "compliment", primary_category="service",
                         acknowledged_at=utc("2026-01-19 23:59"))
    records["C10"] = make("2025-08-20 09:00", "enquiry", safeguarding_flag=True,
                          safeguarding_handled_at=utc("2025-08-20 12:00"),
                          acknowledged_at=utc("2025-08-20 09:00"))
    records["C11"] = make("2025-10-10 08:00", "comment", safeguarding_flag=True,
                          safeguarding_handled_at=utc("2025-10-10 18:00"),
                          acknowledged_at=utc("2025-10-10 08:00"))
    records["C12"] = make("2026-02-02 09:00", channel="api", role="professional",
                          primary_category="staff_conduct", safeguarding_flag=True,
                          case_status="closed")
    records["C13"] = make("2025-03-31 23:30", primary_category="communication",
                          acknowledged_at=utc("2025-04-01 08:00"))
    records["P1"] = make("2024-06-03 09:00", primary_category="delay",
                         stage1_responded_on=date(2024, 6, 10), outcome="upheld",
                         acknowledged_at=utc("2024-06-03 09:00"))
    records["P2"] = make("2025-03-31 22:30", role="parent", primary_category="communication")
    records["P3"] = make("2024-11-05 10:00", "compliment", primary_category="worker",
                         acknowledged_at=utc("2024-11-05 10:00"))
    records["P4"] = make("2024-09-09 09:00", primary_category="delay", safeguarding_flag=True,
                         safeguarding_handled_at=utc("2024-09-09 11:00"),
                         stage1_responded_on=date(2024, 9, 30), outcome="not_upheld",
                         acknowledged_at=utc("2024-09-09 09:00"))
    return records


def figures(period, name: str) -> dict[str, tuple]:
    """key -> (this period, previous period) of one table."""
    table = build_table(name, period, nation="england", today=TODAY)
    return {row.key: (row.current.value, row.previous.value) for row in table.rows}


FY_2025 = financial_year(2025)


def test_counts_by_type_compare_with_the_previous_year(fixture_records):
    # 2025-26: complaints C1 C2 C3 C5 C6 C12 C13 (C7 is a duplicate, C4 is 2026-27) = 7;
    # compliments C8 C9; comment C11; enquiry C10; 11 in all.
    # 2024-25: complaints P1 P2 P4; compliment P3; 4 in all.
    assert figures(FY_2025, "types") == {
        "complaint": (7, 3), "compliment": (2, 1), "comment": (1, 0), "enquiry": (1, 0),
        "total": (11, 4)}
    table = build_table("types", FY_2025, nation="england", today=TODAY)
    assert [row.difference for row in table.rows] == [4, 1, 1, 1, 7]


def test_complaint_categories_primary_and_all(fixture_records):
    # Primary: delay C1 C5; communication C2 C13; placement C3; money C6; staff conduct C12.
    primary = figures(FY_2025, "complaint_categories")
    assert {key: value for key, value in primary.items() if value != (0, 0)} == {
        "delay": (2, 2), "communication": (2, 1), "placement": (1, 0), "money": (1, 0),
        "staff_conduct": (1, 0), "total": (7, 3)}
    # All: delay also C3 (secondary) = 3; communication also C1 = 3; contact C3 = 1.
    every = figures(FY_2025, "complaint_categories_all")
    assert {key: value for key, value in every.items() if value != (0, 0)} == {
        "delay": (3, 2), "communication": (3, 1), "placement": (1, 0), "money": (1, 0),
        "staff_conduct": (1, 0), "contact": (1, 0), "complaints": (7, 3)}


def test_compliments_service_areas_and_procedures(fixture_records):
    compliments = figures(FY_2025, "compliment_categories")
    assert compliments["worker"] == (1, 1) and compliments["service"] == (1, 0)
    assert compliments["total"] == (2, 1)
    # Complaints only: C1 C3 in care, C2 child protection, the other four not given.
    areas = figures(FY_2025, "service_areas")
    assert areas["children_in_care"] == (2, 0) and areas["child_protection"] == (1, 0)
    assert areas["not_recorded"] == (4, 3)
    procedures = figures(FY_2025, "procedures")
    assert procedures["statutory"] == (6, 3) and procedures["corporate"] == (1, 0)


def test_who_made_the_complaint_counts_advocacy_once(fixture_records):
    # With an advocate: C1 (young person, asked "yes"), C3 (an advocate wrote),
    # C5 (young person, "help me choose"). For themselves: C13. Parent C2, carer C6,
    # professional C12. 2024-25: P1 P4 young people, P2 parent.
    roles = figures(FY_2025, "complainant_roles")
    assert {key: value for key, value in roles.items() if value != (0, 0)} == {
        "young_person": (1, 2), "with_advocate": (3, 0), "parent": (1, 1), "carer": (1, 0),
        "professional": (1, 0), "total": (7, 3)}
    assert "advocate" not in roles
    requested = figures(FY_2025, "advocate_requests")
    assert requested == {"yes": (1, 0), "help_me_choose": (1, 0), "no": (5, 3),
                         "total": (7, 3)}


def test_channels(fixture_records):
    # Complaints: web C1 C3 C6 C13, sms C2, chat C5, api C12.
    channels = figures(FY_2025, "channels")
    assert channels == {"web": (4, 3), "sms": (1, 0), "chat": (1, 0), "advocate": (0, 0),
                        "api": (1, 0), "total": (7, 3)}


def test_outcomes_count_withdrawn_once_and_skip_duplicates(fixture_records):
    # C6 has no outcome from the case store but was withdrawn here; C5 C12 C13 have none.
    outcomes = figures(FY_2025, "outcomes")
    assert outcomes == {"upheld": (1, 1), "partly_upheld": (1, 0), "not_upheld": (1, 1),
                        "withdrawn": (1, 0), "no_finding": (0, 0), "not_recorded": (3, 1),
                        "total": (7, 3)}
    # The duplicate C7 (delay, 23 Dec) is not counted although it has a category.
    fixture_records["C7"].duplicate_of_id = None
    db.session.commit()
    assert figures(FY_2025, "outcomes")["total"] == (8, 3)


def test_safeguarding_flags_and_handling_hours(fixture_records):
    # 2025-26: C10 handled in 3 h, C11 in 10 h, C12 not handled: median 6.5, longest 10.
    # 2024-25: P4 handled in 2 h.
    assert figures(FY_2025, "safeguarding") == {
        "flagged": (3, 1), "handled": (2, 1), "not_handled": (1, 0),
        "median_hours": (6.5, 2.0), "longest_hours": (10.0, 2.0)}
    table = build_table("safeguarding", FY_2025, nation="england", today=TODAY)
    assert {row.key: row.difference for row in table.rows}["median_hours"] == 4.5


def test_acknowledgements_in_time_by_uk_date(fixture_records):
    # In time: C1 C5 C6 C9 C10 C11 C13 = 7. Late: C2 (a day late), C8 (00:30 BST the day
    # after it was due). Overdue, never acknowledged: C3 C12. 7 of 11 = 63.6%.
    # 2024-25: P1 P3 P4 in time, P2 never: 3 of 4 = 75.0%; difference -11.4 points.
    table = build_table("acknowledgements", FY_2025, nation="england", today=TODAY)
    rows = {row.key: row for row in table.rows}
    share = rows["in_time_percent"]
    assert (share.current.value, share.current.part, share.current.whole) == (63.6, 7, 11)
    assert (share.previous.value, share.previous.part, share.previous.whole) == (75.0, 3, 4)
    assert share.difference == -11.4
    assert {key: (row.current.value, row.previous.value) for key, row in rows.items()
            if key != "in_time_percent"} == {
        "in_time": (7, 3), "late": (2, 0), "overdue": (2, 1), "waiting": (0, 0)}


def test_acknowledgement_not_yet_due_is_left_out_of_the_percentage(app):
    make("2026-11-25 09:00", acknowledged_at=None)  # Wednesday: due Friday 27 November
    make("2026-11-24 09:00", acknowledged_at=utc("2026-11-24 10:00"))
    table = build_table("acknowledgements", financial_year(2026), nation="england",
                        today=TODAY)
    rows = {row.key: row for row in table.rows}
    assert rows["waiting"].current.value == 1
    assert rows["in_time_percent"].current.value == 100.0
    assert rows["in_time_percent"].current.whole == 1


def test_stage1_working_days_skip_bank_holidays_and_pauses(fixture_records):
    # C1: clock starts Mon 22 Dec 2025; working days to Tue 6 Jan 2026 are 23, 24 Dec,
    # 29, 30, 31 Dec, 2, 5, 6 Jan (25, 26 Dec and 1 Jan are bank holidays) = 8.
    # C2: Mon 2 Jun to Mon 30 Jun 2025 = 20 working days, less 5 paused = 15.
    # C3: Mon 1 Sep to Wed 1 Oct 2025 = 22 working days.
    # Within 10: C1 = 1 of 3 (33.3%); within 20: C1 C2 = 2 of 3 (66.7%);
    # average (8 + 15 + 22) / 3 = 15.0. Open: C5 C13; withdrawn: C6; closed: C12.
    # 2024-25: P1 Mon 3 Jun to Mon 10 Jun 2024 = 5; P4 Mon 9 to Mon 30 Sep 2024 = 15;
    # within 10 1 of 2 (50.0%), within 20 2 of 2 (100.0%), average 10.0; open: P2.
    assert figures(FY_2025, "stage1") == {
        "within_10": (33.3, 50.0), "within_20": (66.7, 100.0), "average_days": (15.0, 10.0),
        "responded": (3, 2), "open": (2, 1), "withdrawn": (1, 0), "closed": (1, 0)}


def test_financial_year_starts_at_uk_midnight_on_1_april(fixture_records):
    # C5 (23:30 BST on 31 March 2026) is in 2025-26; C4 (00:30 BST on 1 April) in 2026-27.
    assert figures(financial_year(2026), "types")["complaint"] == (1, 7)
    assert figures(month(2026, 3), "types")["complaint"] == (1, 1)  # C5; February: C12
    assert figures(month(2026, 4), "types")["complaint"] == (1, 1)  # C4; March: C5
    # 2025: P2 (23:30 BST on 31 March) is March; C13 (00:30 BST on 1 April) is April.
    assert figures(month(2025, 4), "types")["complaint"] == (1, 1)


def test_quarter_compares_with_the_quarter_before(fixture_records):
    # Q3 2025-26 (October to December): C11 comment, C1 complaint (C7 duplicate).
    # Q2 (July to September): C3 complaint, C8 compliment, C10 enquiry.
    assert figures(financial_quarter(2025, 3), "types") == {
        "complaint": (1, 1), "compliment": (0, 1), "comment": (1, 0), "enquiry": (0, 1),
        "total": (2, 3)}
    # Q1 2025-26 compares with Q4 2024-25 (January to March 2025): P2 only.
    assert figures(financial_quarter(2025, 1), "types")["total"] == (3, 1)  # C13 C6 C2


def test_report_page_shows_figures_with_the_previous_year(fixture_records, manager_client):
    page = manager_client.get("/officers/reports?period=fy&year=2025")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "<h1>Representations report: 2025-26</h1>" in body
    assert "63.6% (7 of 11)" in body and "75.0% (3 of 4)" in body
    assert "-11.4 points" in body
    assert "33.3% (1 of 3)" in body
    for heading in ("Representations by type", "Complaints by category (all categories)",
                    "Complaints by who made them", "Stage 1 response times",
                    "Complaint outcomes", "Safeguarding flags and how fast they were handled"):
        assert f">{heading}</h2>" in body
    assert "Child or young person, with an advocate" in body


def test_charts_are_accessible_svg_beside_the_table(fixture_records, manager_client):
    body = manager_client.get("/officers/reports?period=fy&year=2025").get_data(as_text=True)
    charts = re.findall(r"<svg[^>]*>.*?</svg>", body, re.DOTALL)
    assert charts, "no chart on the page"
    for chart in charts:
        assert 'role="img"' in chart and "<title id=" in chart and "<desc id=" in chart
        assert "style=" not in chart
    types_chart = next(chart for chart in charts if "chart-types-title" in chart)
    assert "Complaint: 7 (3 in 2024-25)" in types_chart
    assert "Thick bars: 2025-26." in types_chart and "Thin bars: 2024-25." in types_chart
    assert "style=" not in body


def test_default_is_the_last_complete_financial_year(fixture_records, manager_client):
    # Worked out here, not by the code under test: UK financial years start on 1 April,
    # so the last complete one started in April two years back before April, else last year.
    today = datetime.now(LONDON).date()
    start = today.year - (2 if today.month < 4 else 1)
    expected = f"{start}-{(start + 1) % 100:02d}"
    body = manager_client.get("/officers/reports").get_data(as_text=True)
    assert f"<h1>Representations report: {expected}</h1>" in body
    assert "not over yet" not in body


@pytest.mark.parametrize(("query", "message"), [
    ("period=fy&year=20x5", "Enter the year as four digits"),
    ("period=quarter&year=2025&q=7", "Choose a quarter, Q1 to Q4."),
    ("period=month&year=2025&month=13", "Choose a month."),
    ("period=week&year=2025", "Choose a financial year, a quarter or a month."),
    ("period=fy&year=2999", "Enter the year as four digits"),
])
def test_bad_period_shows_a_kind_message_and_keeps_what_was_typed(
        fixture_records, manager_client, query, message):
    page = manager_client.get(f"/officers/reports?{query}")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert message in body and "instead." in body
    if "20x5" in query:
        assert 'value="20x5"' in body


def test_each_table_exports_as_csv_with_a_header(fixture_records, manager_client):
    response = manager_client.get(
        "/officers/reports/complaint_categories_all.csv?period=fy&year=2025")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert 'filename="complaint_categories_all-2025-26.csv"' in \
        response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0] == ["Row", "Key", "Unit", "2025-26", "2024-25", "Difference"]
    by_key = {row[1]: row for row in rows[1:]}
    assert by_key["delay"][2:] == ["count", "3", "2", "1"]
    assert by_key["complaints"][3:] == ["7", "3", "4"]
    stage1 = manager_client.get("/officers/reports/stage1.csv?period=fy&year=2025")
    rows = {row[1]: row for row in csv.reader(io.StringIO(stage1.get_data().decode("utf-8-sig")))}
    assert rows["within_10"][2:] == ["percent", "33.3", "50.0", "-16.7"]
    assert rows["average_days"][2:] == ["working days", "15.0", "10.0", "5.0"]


def test_csv_text_cannot_run_as_a_formula(fixture_records, manager_client):
    # A value outside the taxonomy (say, written by an old import) is shown as it is.
    # (Short enough for the column on PostgreSQL too: 32 characters.)
    fixture_records["C1"].service_area = '=HYPERLINK("http://e.example")'
    fixture_records["C2"].service_area = "@SUM(A1)"
    db.session.commit()
    response = manager_client.get("/officers/reports/service_areas.csv?period=fy&year=2025")
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    labels = [row[0] for row in rows]
    assert "'=HYPERLINK(\"http://e.example\")" in labels
    assert "'@SUM(A1)" in labels


def test_csv_of_an_unknown_table_or_a_bad_period(fixture_records, manager_client):
    assert manager_client.get("/officers/reports/secrets.csv?period=fy&year=2025"
                              ).status_code == 404
    response = manager_client.get("/officers/reports/types.csv?period=fy&year=20x5")
    assert response.status_code == 302
    assert "/officers/reports?" in response.headers["Location"]



@pytest.mark.parametrize("path", [
    "/officers/reports", "/officers/reports?period=month&year=2026&month=3",
    "/officers/reports/types.csv?period=fy&year=2025"])
def test_only_managers_see_reports(app, make_staff, path):
    for role in ("officer", "admin", "advocate"):
        assert as_staff(app, make_staff, role).get(path).status_code == 403, role
    anonymous = as_staff(app, make_staff, None).get(path)
    assert anonymous.status_code == 302
    assert "/officers/sign-in" in anonymous.headers["Location"]
    assert as_staff(app, make_staff, "manager").get(path).status_code == 200


def test_report_builds_every_table_for_an_empty_period(app):
    report = build_report(financial_year(2020), nation="england", today=TODAY)
    assert report.period_over and report.previous.label == "2019-20"
    stage1 = {row.key: row for table in report.tables if table.name == "stage1"
              for row in table.rows}
    assert stage1["within_10"].current.value is None
    assert stage1["within_10"].difference is None
    assert all(row.current.value in (0, None) for table in report.tables for row in table.rows)
