"""The outbox fixtures (fake receiver, staff emails, worker down) for the tests of complaint messages."""

from tests.notify.conftest import (  # noqa: F401 - fixtures
    gateway,
    receiver,
    staff_emails,
    swap_channel,
    webhook_secret,
    worker_down,
)
