"""The backup tests file complaints with the complaint core's fixtures."""

from tests.complaints.conftest import (  # noqa: F401 - fixtures
    _fast_passwords,
    _fresh_calendars,
    frozen,
    submit,
)
