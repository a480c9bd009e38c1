from tests.complaints.conftest import _fast_passwords, _fresh_calendars, dispose, frozen, submit  # noqa: F401
