"""A case store that is down, then failing, then hanging, then healthy: children's records
are accepted the whole time, and after recovery each reaches the store exactly once."""

from __future__ import annotations

from sqlalchemy import select

from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import Representation
from intake_app.outbox.worker import run_once
from intake_app.services.intake import submit

from .conftest import WEBHOOK_SECRET, drain, messages
from .peers import CaseStoreReceiver


def _submit_some(count: int, phase: str) -> list[str]:
    references = []
    for number in range(count):
        result = submit(Draft(text=f"Nobody told me my review meeting was moved ({phase} "
                                   f"{number}).", channel="web"), actor="test")
        assert result.created
        references.append(result.reference)
    return references


def test_records_are_kept_through_an_outage_and_each_delivered_once(forwarding_app):
    store = CaseStoreReceiver(WEBHOOK_SECRET)  # not started: nothing listens on its port
    app = forwarding_app(CASE_STORE="webhook", CASE_STORE_WEBHOOK_URL=store.url,
                         CASE_STORE_WEBHOOK_SECRET=WEBHOOK_SECRET,
                         FORWARDING_HTTP_TIMEOUT_SECONDS=0.5, OUTBOX_MAX_ATTEMPTS=1000)
    try:
        with app.app_context():
            references = _submit_some(3, "down")
            run_once(app)
            assert all("could not reach" in case.last_error for case in messages("case"))

            store.start()
            store.mode = "error"
            references += _submit_some(3, "failing")
            run_once(app)
            assert {case.state for case in messages("case")} == {"pending"}
            assert any("HTTP 500" in (case.last_error or "") for case in messages("case"))

            # Hanging: the store takes each case but answers after our timeout, so we
            # cannot know it has them and must send them again.
            store.mode, store.hang_seconds = "hang", 1.0
            references += _submit_some(3, "hanging")
            run_once(app)
            assert any("timed out" in (case.last_error or "") for case in messages("case"))
            assert {case.state for case in messages("case")} == {"pending"}

            store.mode = "ok"
            references += _submit_some(3, "healthy")
            drain(app)

            assert {case.state for case in messages("case")} == {"delivered"}
            records = db.session.scalars(select(Representation)).all()
            assert {record.reference for record in records} == set(references)
            assert {record.status for record in records} == {"accepted"}
            assert len({record.case_store_id for record in records}) == len(references)
        assert set(store.stored) == {f"{reference}:case" for reference in references}
        assert sum(store.posts.values()) > len(references)  # retries happened...
        assert len(store.stored) == len(references)  # ...and the store kept each once
        assert store.bad_signatures == 0
    finally:
        store.stop()
