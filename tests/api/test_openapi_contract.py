"""The published OpenAPI document against the running API: schemathesis generates
requests from it (valid and invalid) and checks no answer is a 5xx or off the contract.

Driven through hypothesis directly: schemathesis' pytest plugin does not run on pytest 9.
Every check runs except "schema-valid data is accepted": a body can fit the schema and still
break a domain rule (an unknown conversation, a landline given for SMS replies), and those
get a 422 naming the field, as documented.
"""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from intake_app.services.tokens import create_token

from .conftest import add_conversation

EXAMPLES_PER_OPERATION = 30


def test_the_document_is_openapi_3_1(client):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {"/representations", "/representations/{reference}/status",
                                      "/status-checks", "/callback-requests",
                                      "/cases/{reference}/status",
                                      "/advocacy-referrals/{referral_id}/status"}


@pytest.mark.slow
@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE,
                                  schemathesis.GenerationMode.NEGATIVE])
def test_api_keeps_its_contract(app: Flask, intake_headers, case_store_headers, mode):
    add_conversation("conv-known")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    provider_headers = {"Authorization":
                        f"Bearer {create_token('nyas', scope='advocacy').token}"}
    for operation in operations:
        token = (case_store_headers if operation.path.startswith("/cases")
                 else provider_headers if operation.path.startswith("/advocacy-referrals")
                 else intake_headers)
        _check_operation(operation, mode, token)


def _check_operation(operation: schemathesis.APIOperation, mode: schemathesis.GenerationMode,
                     token: dict[str, str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def keeps_contract(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={**(case.headers or {}), **token},
                               excluded_checks=[positive_data_acceptance])

    keeps_contract()
