"""The report's SQL on a real PostgreSQL server (whose own time zone is not UTC): grouped
counts, JSON categories and "acknowledged on or before the due date, in UK time"."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from intake_app.domain.draft import Draft
from intake_app.domain.reporting_periods import financial_year
from intake_app.extensions import db
from intake_app.models import Representation
from intake_app.services.intake import submit
from intake_app.services.reports import build_table

pytestmark = pytest.mark.postgres


def make(received: datetime, acknowledged: datetime | None, **fields) -> None:
    result = submit(Draft(text="Nobody told me my review meeting was moved again.",
                          channel="web", declared_type="complaint", received_at=received),
                    actor="web")
    record = db.session.get(Representation, result.representation_id)
    record.acknowledged_at = acknowledged
    record.type = "complaint"
    for name, value in fields.items():
        setattr(record, name, value)
    db.session.commit()


def test_report_figures_on_postgresql(pg_app):
    app = pg_app()
    with app.app_context(), app.test_request_context():
        # Thu 10 Jul 2025 (BST): due Mon 14 Jul. 23:30 UTC on the 14th is 00:30 BST on the
        # 15th: late. 22:30 UTC is 23:30 BST on the 14th: in time.
        make(datetime(2025, 7, 10, 12, tzinfo=UTC), datetime(2025, 7, 14, 23, 30, tzinfo=UTC),
             primary_category="delay", secondary_categories=["communication"])
        make(datetime(2025, 7, 10, 12, tzinfo=UTC), datetime(2025, 7, 14, 22, 30, tzinfo=UTC),
             primary_category="delay", secondary_categories=[])
        # Thu 15 Jan 2026 (GMT): due Mon 19 Jan; 23:59 UTC is still the 19th: in time.
        make(datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 1, 19, 23, 59, tzinfo=UTC),
             primary_category="money", stage1_responded_on=date(2026, 1, 29))
        year = financial_year(2025)
        acknowledgements = {row.key: row.current for row in build_table(
            "acknowledgements", year, nation="england", today=date(2026, 11, 25)).rows}
        assert acknowledgements["in_time"].value == 2
        assert acknowledgements["late"].value == 1
        every = {row.key: row.current.value for row in build_table(
            "complaint_categories_all", year, nation="england", today=date(2026, 11, 25)).rows}
        assert (every["delay"], every["communication"], every["money"]) == (2, 1, 1)
        # Thu 15 Jan 2026 before 17:00: the clock starts that day; 29 Jan is 10 working
        # days later.
        stage1 = {row.key: row.current.value for row in build_table(
            "stage1", year, nation="england", today=date(2026, 11, 25)).rows}
        assert stage1["average_days"] == 10.0 and stage1["open"] == 2
