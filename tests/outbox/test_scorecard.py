"""The monthly scorecard reaches the managers over a real SMTP server (aiosmtpd) through
the outbox, once per month; the annual report is written as one printable HTML document
and a CSV per table."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from intake_app.domain.draft import Draft
from intake_app.services import reports
from intake_app.services.intake import submit

from .conftest import drain, messages
from .test_email import _smtp_settings, smtp_server  # noqa: F401 (the SMTP fixture)

OCTOBER = datetime(2026, 10, 14, 10, 0, tzinfo=UTC)


def _send(text: str, declared_type: str, area: str) -> None:
    submit(Draft(text=text, channel="web", declared_type=declared_type, service_area=area,
                 received_at=OCTOBER), actor="web")


def test_the_scorecard_emails_the_months_figures_by_service_area_once(
        forwarding_app, smtp_server) -> None:  # noqa: F811
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port, MANAGERS_EMAIL="managers@council.example"))
    with app.app_context():
        _send("My social worker never calls me back.", "complaint", "children_in_care")
        _send("Nobody told me my contact with my mum was cancelled.", "complaint",
              "children_in_care")
        _send("My foster carer Jo is brilliant and always listens.", "compliment",
              "fostering")
        drain(app)
        first = app.test_cli_runner().invoke(args=["reports", "scorecard", "--month",
                                                   "2026-10"])
        assert first.exit_code == 0, first.output
        drain(app)
        again = app.test_cli_runner().invoke(args=["reports", "scorecard", "--month",
                                                   "2026-10"])
        assert "already queued" in again.output
        drain(app)
        assert [row.state for row in messages("scorecard")] == ["delivered"]
    to_managers = [message for message, to in zip(mailbox.messages, mailbox.recipients,
                                                  strict=True)
                   if to == ["managers@council.example"]]
    (message,) = to_managers
    assert message["Subject"] == "Complaints scorecard: October 2026"
    text = message.get_body(("plain",)).get_content()
    in_care = next(line for line in text.splitlines() if line.startswith("Children in care"))
    assert in_care.split()[-5:-2] == ["2", "2", "0"]  # received, complaints, compliments
    assert any(line.startswith("Fostering") for line in text.splitlines())
    assert "Jo" not in text and "social worker" not in text  # counts, never words


def test_a_month_written_wrongly_is_refused(forwarding_app) -> None:
    app = forwarding_app()
    result = app.test_cli_runner().invoke(args=["reports", "scorecard", "--month", "Oct"])
    assert result.exit_code != 0 and "YYYY-MM" in result.output


def test_the_annual_report_is_one_printable_page_and_a_csv_per_table(
        forwarding_app, tmp_path: Path) -> None:
    app = forwarding_app()
    with app.app_context():
        _send("My social worker never calls me back.", "complaint", "children_in_care")
        folder = tmp_path / "annual"
        result = app.test_cli_runner().invoke(args=["reports", "annual", "--year", "2026",
                                                    "--out", str(folder)])
        assert result.exit_code == 0, result.output
    page = (folder / "report-2026-27.html").read_text(encoding="utf-8")
    # Plain HTML with bordered tables and no script or style, so it prints as it is.
    assert page.startswith("<!DOCTYPE html>") and '<table border="1">' in page
    assert "Representations by type" in page and "My social worker" not in page
    csvs = sorted(path.name for path in folder.glob("*.csv"))
    assert len(csvs) == len(reports.TABLES)
    types = (folder / "types-2026-27.csv").read_text(encoding="utf-8-sig")
    assert "complaint" in types
