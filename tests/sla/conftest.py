"""The SLA tests file and move complaints with the complaint core's fixtures."""

from tests.complaints.conftest import (  # noqa: F401 - fixtures
    _fast_passwords,
    _fresh_calendars,
    answered,
    dispose,
    frozen,
    submit,
)
