"""The API against its own OpenAPI document, with schemathesis: for every operation, generated requests (valid
and invalid, a bounded number per operation) never get a 5xx, invalid ones are refused, and every response
matches the declared status codes, content type and schema. Staff operations run with a coordinator's token.

Two of schemathesis's checks are left out, for reasons of the domain, not of convenience:
- ``positive_data_acceptance`` (a schema-valid request must succeed): many of the services' rules cannot be
  written in a JSON schema: lengths counted after trimming spaces, a reporter's name required unless the
  complaint is anonymous, a reply's text required unless it accepts the answer, codes and ids that must
  exist. Those come back as 404/409/422 with the field named; the statuses are checked to be declared.
- ``ignored_auth`` (a request with broken credentials must get 401): the token is passed as a header the
  check cannot take away; the refusal without a token is tested in tests/api/test_staff.py."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from tuntas.api.tokens import token_create

pytestmark = pytest.mark.django_db


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """schemathesis calls the WSGI application itself, so Django's request signals would close the test's
    database connection (and its transaction) after each request; Django's own test client unhooks them too."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(directory) -> str:
    return token_create(user=directory.koordinator, name="fuzz").raw


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_operation_answers_5xx_or_off_its_schema(case, token):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    case.validate_response(response, excluded_checks=[positive_data_acceptance, ignored_auth])
