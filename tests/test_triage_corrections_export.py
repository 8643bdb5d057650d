"""``flask triage export-corrections``: officers' corrections become labelled data in the
exact CSV ``flask triage evaluate`` reads, so the model can learn from real use."""

from __future__ import annotations

import json

from intake_app.domain import triage_training
from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import Representation, StaffUser
from intake_app.services.casework import Officer
from intake_app.services.intake import submit
from intake_app.services.triage_corrections import TriageChoice, correct_triage


def record(text: str) -> Representation:
    result = submit(Draft(text=text, channel="web"), actor="web")
    return db.session.get(Representation, result.representation_id)


def choice(**values) -> TriageChoice:
    defaults = {"type": "complaint", "primary_category": "contact",
                "secondary_categories": (), "safeguarding_kinds": (),
                "procedure": "statutory", "priority": "normal", "service_area": None}
    return TriageChoice(**(defaults | values))


def officer() -> Officer:
    staff = StaffUser(email="officer@council.example", name="Officer", role="officer")
    db.session.add(staff)
    db.session.commit()
    return Officer(staff.id, f"staff:{staff.id}")


def test_export_writes_the_latest_correction_per_record_and_round_trips(app, tmp_path):
    me = officer()
    tricky = record('My mum said "no", then\nthe visit was cancelled, again')
    twice = record("can someone tell me when my review is")
    flagged = record("thank you for the trip, also my stepdad hits me and locks me in")
    record("never corrected, so never exported")
    correct_triage(tricky, me, choice(primary_category="contact"))
    correct_triage(twice, me, choice(primary_category="delay"))
    correct_triage(twice, me, choice(type="enquiry", primary_category=None))
    correct_triage(flagged, me, choice(primary_category="other", priority="urgent",
                                       safeguarding_kinds=("physical_abuse", "neglect")))

    path = tmp_path / "corrections.csv"
    result = app.test_cli_runner().invoke(args=["triage", "export-corrections", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 corrected records" in result.output
    assert path.read_text(encoding="utf-8").splitlines()[0] == "text,type,category,safeguarding"

    rows = triage_training.read_rows(path)
    assert rows == [
        {"text": tricky.text, "type": "complaint", "category": "contact", "safeguarding": "0"},
        {"text": twice.text, "type": "enquiry", "category": "", "safeguarding": "0"},
        {"text": flagged.text, "type": "complaint", "category": "other", "safeguarding": "1"},
    ]
    report = triage_training.evaluate(rows)
    assert report["count"] == 3
    expected = {miss["text"]: miss["expected"] for miss in report["misses"]}
    for row in rows:
        if row["text"] in expected:
            assert expected[row["text"]] == {"type": row["type"], "category": row["category"],
                                             "safeguarding": row["safeguarding"] == "1"}


def test_evaluate_command_reads_the_export(app, tmp_path):
    me = officer()
    correct_triage(record("my social worker never rings me back"), me,
                   choice(primary_category="communication"))
    path = tmp_path / "corrections.csv"
    runner = app.test_cli_runner()
    runner.invoke(args=["triage", "export-corrections", str(path)])
    result = runner.invoke(args=["triage", "evaluate", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["count"] == 1


def test_export_with_no_corrections_writes_only_the_header(app, tmp_path):
    path = tmp_path / "none.csv"
    result = app.test_cli_runner().invoke(args=["triage", "export-corrections", str(path)])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8").strip() == "text,type,category,safeguarding"
    assert triage_training.read_rows(path) == []


def test_export_is_audited_with_its_size_and_place_but_no_text(app, tmp_path):
    from sqlalchemy import select

    from intake_app.models import AuditEvent

    correct_triage(record("my key worker keeps missing our meetings"), officer(),
                   choice(primary_category="communication"))
    path = tmp_path / "corrections.csv"
    app.test_cli_runner().invoke(args=["triage", "export-corrections", str(path)])

    events = list(db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "triage.corrections_exported")))
    assert [(event.actor, event.after) for event in events] == [
        ("cli", {"rows": 1, "path": str(path.resolve())})]
    assert "key worker" not in json.dumps(events[0].after)
