"""A year without an SKB (no cuti bersama, or only estimated national holidays) is flagged where it matters."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tuntas.core.holidays_sync import unconfirmed_years
from tuntas.core.models import Holiday
from tuntas.directory.models import User

pytestmark = pytest.mark.django_db


def _load(*years: str) -> str:
    out = io.StringIO()
    call_command("load_holidays", *years, stdout=out)
    return out.getvalue()


def test_load_holidays_warns_about_a_year_with_only_estimated_holidays():
    out = _load("2026", "2031")
    assert "PERINGATAN 2031" in out
    assert "PERINGATAN 2026" not in out  # SKB 2026 is known, with its cuti bersama
    assert unconfirmed_years([2026, 2031]) == [2031]


def test_a_year_without_cuti_bersama_rows_is_unconfirmed():
    _load("2026")
    Holiday.objects.filter(date__year=2026, kind=Holiday.Kind.CUTI_BERSAMA).delete()
    assert unconfirmed_years([2026]) == [2026]


def test_an_admin_entry_confirms_an_estimated_year():
    _load("2031")
    Holiday.objects.create(date="2031-12-26", name="Cuti bersama Natal", kind=Holiday.Kind.CUTI_BERSAMA)
    assert unconfirmed_years([2031]) == []


def test_admin_holiday_list_shows_the_warning(client):
    client.force_login(User.objects.create_superuser("root", "root@example.com", "rahasia-uji-123"))
    page = client.get(reverse("admin:core_holiday_changelist")).content.decode()
    assert f"{timezone.localdate().year} belum memiliki SKB" in page
