"""The notify demo gives the demo accounts an email address, once."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tuntas.demo.notify import DEMO_DOMAIN, load_notify_demo
from tuntas.directory.models import User

pytestmark = pytest.mark.django_db


def test_demo_accounts_get_an_address_and_a_second_run_changes_nothing(directory):
    UserFactory(username="kadis.disdik", email="kadis@disdik.go.id")
    first, second = load_notify_demo(), load_notify_demo()
    assert first["staff_emails"] >= 5 and second["staff_emails"] == 0
    assert User.objects.get(username="petugas.pupr").email == f"petugas.pupr@{DEMO_DOMAIN}"
    assert User.objects.get(username="kadis.disdik").email == "kadis@disdik.go.id"  # kept
    assert User.objects.get(username="pemantau").email == f"pemantau@{DEMO_DOMAIN}"
