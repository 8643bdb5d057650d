"""Are the officers' queue and every report still fast with 100,000 records?

Builds a database of realistic records (bulk inserted with SQLAlchemy core: submit()
would take hours), with what officers add later (resolutions, Ombudsman enquiries,
learning actions, equality answers), signs in with the test client (so no network) and
measures p50/p95 of: the first queue page, a filtered page, a reference search, page 50,
last financial year's whole report page, and each report table's CSV for that year (as
a manager). The same is measured first at 10,000 records, in the same run, as the
baseline; the 100k/10k ratio shows how the time grows with the table (1.0 = not at all,
10 = in step with it). It runs on SQLite (the embedded default) and on a throw-away
PostgreSQL server (``support/postgres.py``), and says whether each report's p95 at 100k
meets its target (PostgreSQL < 1 s, SQLite < 2 s). Prints figures; it is not a test and
asserts nothing.

    .venv/bin/python bench/queue_bench.py [--sample 30] [--report-sample 10]
        [--database both|sqlite|postgres] [--explain]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import Flask, url_for
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import event, insert, select, text

from intake_app import create_app
from intake_app.domain.calendar import compute_deadlines
from intake_app.domain.draft import CHANNELS
from intake_app.domain.equality import QUESTIONS
from intake_app.domain.references import display, new_reference
from intake_app.extensions import db
from intake_app.models import (
    EqualityAnswer,
    LearningAction,
    OmbudsmanEnquiry,
    Representation,
    RepresentationContact,
    RepresentationTriage,
    Resolution,
    StaffUser,
)
from intake_app.officers.access import SEEN_AT, TWO_FACTOR_PASSED
from intake_app.services import reports
from intake_app.taxonomy import keys
from support.postgres import PostgresServer

# Report targets at 100,000 records, p95 per report (a table's CSV or the whole page).
REPORT_TARGET_SECONDS = {"postgres": 1.0, "sqlite": 2.0}

TEXTS = (
    "my social worker keeps changing and nobody tells me anything about my plan",
    "I want to say thank you to my foster carer for helping with my exams this year",
    "can i get help with money for a deposit for my first flat when i leave care",
    "contact with my little brother got cancelled again and no one said why it happened",
    "I was moved to a new placement without being asked and it is far from my school",
    "my personal adviser has not answered my messages for three weeks",
    "the review meeting notes say things about me that are not true",
)
# Intake statuses of records from the last two months; older ones have long been accepted
# by the case store (or withdrawn), and most of those are closed.
RECENT_STATUSES = (("accepted", 55), ("forwarded", 8), ("needs_review", 20), ("triaged", 8),
                   ("delivery_failed", 3), ("received", 2), ("withdrawn", 4))
OLDER_STATUSES = (("accepted", 95), ("needs_review", 1), ("delivery_failed", 1),
                  ("withdrawn", 3))
RECENT_DAYS = 60
TYPES = (("complaint", 60), ("compliment", 15), ("comment", 10), ("enquiry", 15))
PRIORITIES = (("urgent", 2), ("high", 10), ("normal", 88))
CHANNEL_WEIGHTS = dict(zip(CHANNELS, (50, 20, 15, 10, 5), strict=True))
SPAN_DAYS = 548  # 18 months
QUEUE = "/officers/queue"
FILTERED = f"{QUEUE}?type=complaint&category=placement&status=needs_review"
# The columns of a generated row that go to representation_triage.
TRIAGE_DETAIL = tuple(column.name for column in RepresentationTriage.__table__.columns
                      if column.name != "representation_id")


def pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


class Records:
    """Rows for the representation table, deterministic for a seed."""

    def __init__(self, now: datetime, officer_ids: list[int], seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.officer_ids = officer_ids
        self.deadlines: dict[tuple[date, str], object] = {}
        self.complaint_categories = keys("complaint_categories")
        self.compliment_categories = keys("compliment_categories")
        self.service_areas = keys("service_areas")
        self.roles = keys("complainant_roles")
        self.kinds = keys("safeguarding_kinds")
        # 100,000 random references collide about one run in four; submit() retries, so
        # the bench must too.
        self.references: set[str] = set()

    def _reference(self) -> str:
        reference = new_reference()
        while reference in self.references:
            reference = new_reference()
        self.references.add(reference)
        return reference

    def rows(self, count: int) -> Iterator[dict[str, object]]:
        for _ in range(count):
            yield self.row()

    def _deadlines(self, received: datetime, procedure: str):
        key = (received.date(), procedure)
        if key not in self.deadlines:
            self.deadlines[key] = compute_deadlines(
                received, procedure=procedure, nation="england", acknowledgement_days=2,
                corporate_stage1_days=10, corporate_stage1_extended_days=20)
        return self.deadlines[key]

    def row(self) -> dict[str, object]:
        rng = self.rng
        age_days = rng.random() * SPAN_DAYS
        received = (self.now - timedelta(days=age_days)).replace(
            hour=rng.randint(7, 21), minute=rng.randint(0, 59))
        kind = pick(rng, TYPES)
        priority = pick(rng, PRIORITIES)
        recent = age_days <= RECENT_DAYS
        status = pick(rng, RECENT_STATUSES if recent else OLDER_STATUSES)
        # Most records older than two months have been closed by the case store.
        closed = status == "accepted" and not recent and rng.random() < 0.9
        procedure = "corporate" if rng.random() < 0.15 else "statutory"
        deadlines = self._deadlines(received, procedure)
        primary, secondary = None, []
        if kind == "complaint":
            primary, *secondary = rng.sample(self.complaint_categories, rng.choice((1, 1, 2, 3)))
        elif kind == "compliment":
            primary = rng.choice(self.compliment_categories)
        case_status, responded = self._case(kind, status, closed, age_days, received)
        urgent = priority == "urgent"
        handled = urgent and (age_days > 3 or rng.random() < 0.5)
        text_body = f"{rng.choice(TEXTS)} ({rng.randint(1, 10**6)})"
        return {
            "reference": self._reference(), "channel": pick(rng, tuple(CHANNEL_WEIGHTS.items())),
            "language": "en", "declared_type": kind, "type": kind, "text": text_body,
            "what_would_help": "someone to call me back" if rng.random() < 0.4 else None,
            "service_area": rng.choice(self.service_areas),
            "complainant_role": rng.choice(self.roles),
            "advocate_requested": pick(rng, (("no", 80), ("yes", 15), ("help_me_choose", 5))),
            "reply_channel": rng.choice(("sms", "email", "none")),
            "contact_safety": {"times": ["any"], "leave_message": False, "note": ""},
            "primary_category": primary, "secondary_categories": secondary,
            "type_confidence": round(rng.uniform(0.4, 0.99), 4),
            "triage": {"type": kind, "primary_category": primary,
                       "secondary_categories": secondary, "priority": priority,
                       "procedure": procedure, "reasons": [f"Type {kind}: read from the text."],
                       "model_version": "bench"},
            "triage_reasons": [f"Type {kind}: read from the text.",
                               "Statutory procedure: a child in care."],
            "triage_flags": [], "model_version": "bench",
            "needs_review": status == "needs_review", "priority": priority,
            "procedure": procedure, "procedure_reason": "Children Act 1989 procedure.",
            "safeguarding_flag": urgent,
            "safeguarding_kinds": [rng.choice(self.kinds)] if urgent else [],
            "safeguarding_evidence": [],
            "safeguarding_handled_at": received + timedelta(hours=2) if handled else None,
            "clock_start": deadlines.clock_start,
            "acknowledgement_due": deadlines.acknowledgement_due,
            "stage1_due": deadlines.stage1_due,
            "stage1_extended_due": deadlines.stage1_extended_due,
            "stage1_extended": kind == "complaint" and rng.random() < 0.05,
            "clock_paused_on": received.date() if rng.random() < 0.01 else None,
            "clock_paused_working_days": 0,
            "acknowledged_at": received,
            "assigned_to_id": rng.choice(self.officer_ids) if rng.random() < 0.6 else None,
            "duplicate_of_id": None,
            "withdrawn_at": received + timedelta(days=3) if status == "withdrawn" else None,
            "status": status,
            "case_status": case_status,
            "stage1_responded_on": responded,
            "received_at": received, "created_at": received, "updated_at": received,
        }

    def _case(self, kind: str, status: str, closed: bool, age_days: float,
              received: datetime) -> tuple[str | None, date | None]:
        """Where the case store says the case stands: closed (a tenth of those resolved
        informally), or for accepted complaints past their first weeks mostly answered at
        stage 1 (still open: a stage 2 may follow)."""
        if closed:
            return ("resolved_informally" if self.rng.random() < 0.1 else "closed"), None
        if status != "accepted":
            return None, None
        if kind == "complaint" and age_days > 15 and self.rng.random() < 0.7:
            return "stage1_responded", (received + timedelta(days=self.rng.randint(5, 15))).date()
        return "stage1_in_progress", None


def fill(records: Records, count: int) -> None:
    batch = 5_000
    for start in range(0, count, batch):
        rows = list(records.rows(min(batch, count - start)))
        # The contact and triage detail parts of each row go to their own tables, as
        # submit() stores them.
        contacts = {row["reference"]: {"reply_channel": row.pop("reply_channel"),
                                       "contact_safety": row.pop("contact_safety")}
                    for row in rows}
        details = {row["reference"]: {name: row.pop(name) for name in TRIAGE_DETAIL}
                   for row in rows}
        db.session.execute(insert(Representation.__table__), rows)
        ids = dict(db.session.execute(select(Representation.reference, Representation.id)
                                      .where(Representation.reference.in_(contacts))).all())
        db.session.execute(insert(RepresentationContact.__table__),
                           [{"representation_id": ids[reference], **contact}
                            for reference, contact in contacts.items()])
        db.session.execute(insert(RepresentationTriage.__table__),
                           [{"representation_id": ids[reference], **detail}
                            for reference, detail in details.items()])
        add_aftercare(records, ids.values())
    # A few per cent are duplicates of an earlier record.
    db.session.execute(text("UPDATE representation SET duplicate_of_id = id - 1 "
                            "WHERE id > 1 AND id % 40 = 0 AND duplicate_of_id IS NULL"))
    db.session.commit()
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")


def add_aftercare(records: Records, ids: Iterator[int]) -> None:
    """What officers and children add later, in about the proportions a council sees:
    something done to put it right for one record in ten, an Ombudsman enquiry for one in
    two hundred, a learning action for one in fifty, equality answers for one in five."""
    rng, today = records.rng, records.now.date()
    resolutions, enquiries, actions, answers = [], [], [], []
    officer = records.officer_ids[0]
    for record_id in ids:
        day = today - timedelta(days=rng.randint(0, SPAN_DAYS))
        if rng.random() < 0.1:
            kind = rng.choice(keys("resolutions"))
            resolutions.append({"representation_id": record_id, "kind": kind,
                                "amount_pence": (rng.randint(50, 500) * 100
                                                 if kind == "financial_remedy" else None),
                                "details": None, "done_on": day, "recorded_by_id": officer,
                                "recorded_at": records.now})
        if rng.random() < 0.005:
            decision = rng.choice((None, *keys("ombudsman_decisions")))
            enquiries.append({"representation_id": record_id, "ombudsman": "lgsco",
                              "received_on": day, "decision": decision,
                              "decided_on": day if decision else None, "remedy": None,
                              "remedy_amount_pence": None, "recorded_by_id": officer,
                              "updated_at": records.now})
        if rng.random() < 0.02:
            actions.append({"representation_id": record_id, "theme": rng.choice(
                records.complaint_categories), "action": "Call back within a day",
                "owner_id": rng.choice(records.officer_ids),
                "due_on": day + timedelta(days=30), "added_by_id": officer, "added_on": day,
                "done_on": day + timedelta(days=20) if rng.random() < 0.6 else None,
                "done_by_id": None})
        if rng.random() < 0.2:
            answers.append({"answered_on": day, **{
                question: rng.choice(options) for question, options in QUESTIONS.items()}})
    for model, rows in ((Resolution, resolutions), (OmbudsmanEnquiry, enquiries),
                        (LearningAction, actions), (EqualityAnswer, answers)):
        if rows:
            db.session.execute(insert(model.__table__), rows)


def signed_in(app: Flask, user: StaffUser) -> FlaskClient:
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session[SEEN_AT] = time.time()
        session[TWO_FACTOR_PASSED] = True
    return client


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(client: FlaskClient, path: str, sample: int) -> list[float]:
    latencies = []
    for _ in range(sample):
        began = time.perf_counter()
        # A reference search answers with a redirect to the case: the page is what counts.
        response = client.get(path, follow_redirects=True)
        latencies.append(time.perf_counter() - began)
        assert response.status_code == 200, (path, response.status_code)
    return latencies


def report(label: str, latencies: list[float]) -> float:
    """Print p50 and p95; returns p95, which the targets and ratios are about."""
    p50 = statistics.median(latencies)
    p95 = percentile(latencies, 0.95)
    print(f"  {label:<34} p50 {p50 * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms")
    return p95


def last_financial_year(today: date) -> int:
    """The April-March year that ended most recently, by its starting year."""
    return (today.year if today.month >= 4 else today.year - 1) - 1


def pages(app: Flask, reference: str, reports_query: str) -> dict[str, tuple[str, str]]:
    """What to measure: label -> (who, path). Report labels start with "report"."""
    wanted = {
        "queue, first page": ("officer", QUEUE),
        "queue, filtered": ("officer", FILTERED),
        "queue, reference search": ("officer", f"{QUEUE}?reference={display(reference)}"),
        "queue, page 50": ("officer", f"{QUEUE}?page=50"),
        "queue, unhandled alerts": ("officer", f"{QUEUE}?status=unhandled_alerts"),
    }
    with app.test_request_context():
        path = url_for("officers.reports")
        tables = {name: url_for("officers.report_csv", table=name) for name in reports.TABLES}
    wanted["report page, whole year"] = ("manager", f"{path}?{reports_query}")
    for name, table_path in tables.items():
        wanted[f"report {name}.csv"] = ("manager", f"{table_path}?{reports_query}")
    return wanted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=30,
                        help="requests per queue page")
    parser.add_argument("--report-sample", type=int, default=10,
                        help="requests per report (the page and each table's CSV)")
    parser.add_argument("--database", choices=("both", "sqlite", "postgres"), default="both")
    parser.add_argument("--explain", action="store_true",
                        help="print SQLite's plan for each query the queue pages run")
    parser.add_argument("--reports-query", default=None,
                        help="query string for the reports (default: last financial year "
                             "as period=fy&year=YYYY)")
    args = parser.parse_args()
    reports_query = args.reports_query or (
        f"period=fy&year={last_financial_year(date.today())}")
    workdir = Path(tempfile.mkdtemp(prefix="queue-bench-"))
    if args.database in ("both", "sqlite"):
        run("sqlite", f"sqlite:///{workdir / 'bench.db'}", workdir / "sqlite", args,
            reports_query)
    if args.database in ("both", "postgres"):
        server = PostgresServer()
        try:
            run("postgres", server.url(server.create_database()), workdir / "postgres", args,
                reports_query)
        finally:
            server.stop()


def run(engine: str, database_url: str, instance: Path, args: argparse.Namespace,
        reports_query: str) -> None:
    """Fill one database to 10,000 then 100,000 records, measuring at each size."""
    print(f"== {engine} ==")
    app = create_app({"INSTANCE_PATH": str(instance), "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False, "SQLALCHEMY_DATABASE_URI": database_url,
                      "LOG_LEVEL": "WARNING",  # no request log line per measured request
                      "COUNCIL_NAME": "Bench Borough Council",
                      "COUNCIL_PHONE": "0300 555 0100",
                      "OUT_OF_HOURS_NUMBER": "0300 555 0199"})
    results: dict[int, dict[str, float]] = {}
    with app.app_context():
        upgrade()
        staff = [StaffUser(email=f"officer{index}@bench.example", name=f"Officer {index}",
                           role="officer", active=True) for index in range(6)]
        manager = StaffUser(email="manager@bench.example", name="Manager", role="manager",
                            active=True)
        db.session.add_all([*staff, manager])
        db.session.commit()
        # Requests are made outside this app context: inside it they would share one ``g``
        # and so one signed-in user.
        clients = {"officer": signed_in(app, staff[0]), "manager": signed_in(app, manager)}
        records = Records(datetime.now(UTC), [user.id for user in staff])
    count = 0
    for table_size in (10_000, 100_000):
        with app.app_context():
            began = time.perf_counter()
            fill(records, table_size - count)
            count = table_size
            print(f"table filled to {table_size} records in {time.perf_counter() - began:.1f} s")
            reference = db.session.scalar(text(
                "SELECT reference FROM representation ORDER BY id DESC LIMIT 1"))
        results[table_size] = {}
        for label, (who, path) in pages(app, reference, reports_query).items():
            sample = args.report_sample if label.startswith("report") else args.sample
            results[table_size][label] = report(label, measure(clients[who], path, sample))
        if args.explain and engine == "sqlite":
            with app.app_context():
                explain_queue_queries(clients["officer"])
    target = REPORT_TARGET_SECONDS[engine]
    print(f"{engine}: ratio 100k/10k (p95; 1.0 = no slowdown as the table grows), and each "
          f"report against its target (p95 < {target:g} s at 100k):")
    for label, p95 in results[100_000].items():
        verdict = ""
        if label.startswith("report"):
            verdict = "  target met" if p95 < target else "  TARGET MISSED"
        print(f"  {label:<34} {p95 / results[10_000][label]:5.2f}{verdict}")
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def explain_queue_queries(client: FlaskClient) -> None:
    """Print SQLite's plan for every query the first and the filtered page run."""
    statements: dict[str, tuple] = {}

    def remember(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "representation" in statement:
            statements.setdefault(statement, parameters)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        client.get(QUEUE)
        client.get(FILTERED)
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    with db.engine.connect() as connection:
        for index, (statement, parameters) in enumerate(statements.items(), start=1):
            print(f"  query {index}: {' '.join(statement.split())[:150]}")
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                                  parameters):
                print(f"    {row[-1]}")


if __name__ == "__main__":
    main()
