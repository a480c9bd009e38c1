"""Fixtures the interop tests share with the complaint core (filing, disposing, a frozen clock) and with the
notify adapters (a fake HTTP receiver on 127.0.0.1)."""

from tests.complaints.conftest import dispose, frozen, submit  # noqa: F401
from tests.notify.conftest import receiver  # noqa: F401
