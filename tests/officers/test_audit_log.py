"""The audit log pages: a record's trail, the log by UK date range with pages, the CSV
export, that reading the log is itself audited, and that nothing edits or deletes it."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, select
from werkzeug.routing import IntegerConverter

from intake_app.domain.draft import Draft
from intake_app.domain.references import display
from intake_app.extensions import db
from intake_app.models import AuditEvent, Representation
from intake_app.officers import audit_views
from intake_app.services.audit import record_event
from intake_app.services.intake import submit

from .conftest import as_staff, sign_in_as


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)



def new_record() -> Representation:
    result = submit(Draft(text="Nobody told me my contact with my mum was cancelled.",
                          channel="web", declared_type="complaint"), actor="web")
    return db.session.get(Representation, result.representation_id)


def add_event(when: str, action: str, actor: str = "system", **fields) -> None:
    db.session.add(AuditEvent(occurred_at=utc(when), actor=actor, action=action, **fields))
    db.session.commit()


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_record_trail_names_staff_and_shows_before_and_after(app, make_staff):
    record = new_record()
    officer = make_staff("officer", name="Olu Officer")
    record_event(f"staff:{officer.id}", "record.assigned", record,
                 before={"assigned_to": None}, after={"assigned_to": "Olu Officer"})
    db.session.commit()
    manager = make_staff("manager", name="Mo Manager")
    client = sign_in_as(app.test_client(), manager)

    page = client.get(f"/officers/records/{display(record.reference).lower()}/audit")

    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert f"<h1>Audit trail of {display(record.reference)}</h1>" in body
    assert "representation.submitted" in body and "record.assigned" in body
    assert f"Olu Officer <span class=\"audit-actor\">(staff:{officer.id})</span>" in body
    assert re.search(r"<code>assigned_to</code>: <span class=\"audit-none\">\(not set\)</span>"
                     r" → Olu Officer", body)
    viewed = events("audit.viewed")
    assert [(row.actor, row.representation_id) for row in viewed] == [
        (f"staff:{manager.id}", record.id)]


def test_unknown_record_has_no_trail(app, manager_client):
    assert manager_client.get("/officers/records/ZZZZ-ZZZZ/audit").status_code == 404
    assert events("audit.viewed") == []


def test_log_shows_whole_uk_days(app, manager_client):
    add_event("2026-03-30 10:00", "test.monday")
    add_event("2026-03-31 22:30", "test.late_on_31_march")  # 23:30 BST, 31 March
    add_event("2026-03-31 23:30", "test.early_on_1_april")  # 00:30 BST, 1 April
    add_event("2026-03-29 22:59", "test.sunday")  # 23:59 BST, 29 March

    body = manager_client.get("/officers/audit?from=2026-03-30&to=2026-03-31"
                              ).get_data(as_text=True)

    assert "2 events from 2026-03-30 to 2026-03-31" in body
    assert "test.monday" in body and "test.late_on_31_march" in body
    assert "test.early_on_1_april" not in body and "test.sunday" not in body
    assert "2026-03-31 23:30:00" in body  # shown in UK time
    assert body.index("test.monday") < body.index("test.late_on_31_march")
    viewed = events("audit.viewed")
    assert len(viewed) == 1
    assert viewed[0].after == {"from": "2026-03-30", "to": "2026-03-31", "page": 1}


def test_log_is_paged_and_keeps_the_range(app, manager_client, monkeypatch):
    monkeypatch.setattr(audit_views, "AUDIT_PAGE_SIZE", 2)
    for hour in range(10, 15):
        add_event(f"2026-01-05 {hour}:00", f"test.hour_{hour}")

    body = manager_client.get("/officers/audit?from=2026-01-05&to=2026-01-05&page=3"
                              ).get_data(as_text=True)

    assert "5 events from 2026-01-05 to 2026-01-05" in body and "page 3 of 3" in body
    assert "test.hour_14" in body and "test.hour_13" not in body
    previous = re.search(r'href="([^"]+)" rel="prev"', body).group(1).replace("&amp;", "&")
    assert "from=2026-01-05" in previous and "to=2026-01-05" in previous and "page=2" in previous
    assert "Next page" not in body


def test_log_opens_on_the_last_30_days(app, manager_client):
    body = manager_client.get("/officers/audit").get_data(as_text=True)
    assert "could not be used" not in body
    assert re.search(r'name="from" type="date" value="\d{4}-\d\d-\d\d"', body)


@pytest.mark.parametrize(("query", "message", "kept"), [
    ("from=31/03/2026&to=2026-03-31", "Enter the first day as a date", 'value="31/03/2026"'),
    ("from=2026-03-01&to=tomorrow", "Enter the last day as a date", 'value="tomorrow"'),
    ("from=2026-04-01&to=2026-03-01", "The first day must be on or before the last day.",
     'value="2026-04-01"'),
])
def test_bad_dates_get_a_kind_message_and_stay_typed(app, manager_client, query, message,
                                                     kept):
    body = manager_client.get(f"/officers/audit?{query}").get_data(as_text=True)
    assert message in body and "Showing" in body and kept in body


def test_export_streams_every_event_in_the_range_as_safe_csv(app, make_staff):
    record = new_record()
    officer = make_staff("officer", name="Olu Officer")
    add_event("2026-03-31 22:30", "record.assigned", actor=f"staff:{officer.id}",
              representation_id=record.id, before={"assigned_to": None},
              after={"assigned_to": "Olu Officer"})
    add_event("2026-03-30 09:00", "@SUM(1+1)", actor="=cmd|' /C calc'!A0")
    add_event("2026-04-01 09:00", "test.outside")
    client = as_staff(app, make_staff, "manager")

    response = client.get("/officers/audit/export.csv?from=2026-03-30&to=2026-03-31")

    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "text/csv"
    assert 'filename="audit-2026-03-30-to-2026-03-31.csv"' in \
        response.headers["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["When (UK time)", "Actor", "Staff name", "Action", "Reference",
                       "Before", "After"]
    assert len(rows) == 3  # the event on 1 April is outside the range
    assert rows[1][:4] == ["2026-03-30T10:00:00+01:00", "'=cmd|' /C calc'!A0", "",
                           "'@SUM(1+1)"]
    assert rows[2][:5] == ["2026-03-31T23:30:00+01:00", f"staff:{officer.id}", "Olu Officer",
                           "record.assigned", display(record.reference)]
    assert rows[2][5:] == ['{"assigned_to": null}', '{"assigned_to": "Olu Officer"}']
    exported = events("audit.exported")
    assert len(exported) == 1
    assert exported[0].after == {"from": "2026-03-30", "to": "2026-03-31", "events": 2}


def test_export_with_bad_dates_goes_back_to_the_log(app, manager_client):
    response = manager_client.get("/officers/audit/export.csv?from=soon&to=2026-03-31")
    assert response.status_code == 302
    assert "/officers/audit?" in response.headers["Location"]
    assert events("audit.exported") == []


@pytest.mark.parametrize("path", [
    "/officers/audit", "/officers/audit/export.csv?from=2026-03-01&to=2026-03-31",
    "/officers/records/{reference}/audit"])
def test_only_managers_read_the_audit_log(app, make_staff, path):
    path = path.format(reference=new_record().reference)
    for role in ("officer", "admin", "advocate"):
        assert as_staff(app, make_staff, role).get(path).status_code == 403, role
    anonymous = as_staff(app, make_staff, None).get(path)
    assert anonymous.status_code == 302
    assert "/officers/sign-in" in anonymous.headers["Location"]
    assert as_staff(app, make_staff, "manager").get(path).status_code == 200
    assert all(row.actor.startswith("staff:") for row in events("audit.viewed")
               + events("audit.exported"))
    assert len(events("audit.viewed") + events("audit.exported")) == 1


def test_no_officers_route_can_edit_or_delete(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("officers."):
            assert not rule.methods & {"PUT", "PATCH", "DELETE"}, rule


def _url(app, rule, reference: str, staff_id: int) -> str:
    values = {}
    for name in rule.arguments:
        if name == "reference":
            values[name] = reference
        elif isinstance(rule._converters[name], IntegerConverter):
            values[name] = staff_id
        else:
            values[name] = "x"
    return app.url_map.bind("localhost").build(rule.endpoint, values)


def test_no_officers_post_updates_or_deletes_audit_rows(app, make_staff):
    """Every POST in the officers' area, as a manager and as an admin, with empty and with
    filled-in forms: the audit table only ever gets INSERTs."""
    app.config["WTF_CSRF_ENABLED"] = False
    record = new_record()
    statements: list[str] = []

    def watch(conn, cursor, statement, parameters, context, executemany):
        if re.match(r"\s*(UPDATE|DELETE\s+FROM)\s+\"?audit_event", statement, re.IGNORECASE):
            statements.append(statement)

    rules = sorted((rule for rule in app.url_map.iter_rules()
                    if rule.endpoint.startswith("officers.") and "POST" in rule.methods),
                   key=lambda rule: rule.endpoint == "officers.sign_out")
    assert rules
    form = {name: "x" for name in ("note", "body", "reason", "action", "handled_by",
                                   "decision_reason", "duplicate_of", "text")}
    event.listen(db.engine, "before_cursor_execute", watch)
    try:
        for role in ("manager", "admin"):
            client = as_staff(app, make_staff, role)
            for rule in rules:
                url = _url(app, rule, record.reference, 1)
                for data in ({}, form):
                    assert client.post(url, data=data).status_code < 500, (url, data)
    finally:
        event.remove(db.engine, "before_cursor_execute", watch)
    assert statements == []
