"""The staff audit log: what is recorded, who may read it, and which rows each reader sees."""

from __future__ import annotations

import pytest
from django.test import Client

from tuntas.audit.models import AuditEntry
from tuntas.core.models import AppendOnlyError
from tuntas.directory.models import Membership

A = AuditEntry.Action


def entries(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("id"))


def test_sign_in_failed_sign_in_and_sign_out_are_recorded_without_the_password(directory, login):
    client = Client()
    client.post("/console/masuk/", {"username": "koordinator", "password": "salah-sekali-999"})
    [failed] = entries(A.LOGIN_FAILED)
    assert (failed.actor, failed.actor_name, failed.ip) == (directory.koordinator, "koordinator", "127.0.0.1")
    assert "salah-sekali-999" not in str(failed.detail)
    signed_in = login(directory.koordinator)
    [entry] = entries(A.LOGIN)
    assert entry.actor == directory.koordinator
    signed_in.post("/console/keluar/")
    assert [e.actor for e in entries(A.LOGOUT)] == [directory.koordinator]


def test_an_identity_reveal_is_recorded_with_the_complaint(directory, login, submit):
    c = submit()
    login(directory.koordinator).post(f"/console/pengaduan/{c.pk}/identitas/")
    [entry] = entries(A.IDENTITY_REVEALED)
    assert (entry.actor, entry.target, entry.detail["complaint_id"]) == (
        directory.koordinator,
        c.tracking_code,
        c.pk,
    )


def test_role_changes_are_recorded_with_what_was_before(directory):
    m = Membership.objects.get(user=directory.petugas_pupr, organisation=directory.pupr)
    m.role = "pimpinan"
    m.save()
    m.is_active = False
    m.save()
    m.delete()
    changed, revoked, deleted = entries(A.ROLE_CHANGED) + entries(A.ROLE_REVOKED)
    assert (changed.target, changed.detail["before"], changed.detail["role"]) == (
        "petugas.pupr",
        {"role": "petugas", "is_active": True},
        "pimpinan",
    )
    assert (revoked.organisation, revoked.detail["active"]) == (directory.pupr, False)
    assert deleted.detail["user"] == "petugas.pupr"


def test_saving_a_membership_unchanged_records_nothing(directory):
    before = AuditEntry.objects.count()
    Membership.objects.get(user=directory.petugas_pupr, organisation=directory.pupr).save()
    assert AuditEntry.objects.count() == before


def test_the_log_is_append_only(directory):
    entry = AuditEntry.objects.filter(action=A.ROLE_GRANTED).first()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().update(target="x")


def test_the_inspektorat_reads_its_regencys_log_and_not_the_ombudsmans(directory, login, submit):
    c = submit()
    login(directory.koordinator).post(f"/console/pengaduan/{c.pk}/identitas/")
    login(directory.asisten)
    page = login(directory.auditor).get("/console/audit/?tindakan=login").content.decode()
    assert f'data-audit-actor="{directory.koordinator.pk}"' in page
    assert AuditEntry.objects.filter(action=A.LOGIN, actor=directory.asisten).exists()
    assert f'data-audit-actor="{directory.asisten.pk}"' not in page  # the Ombudsman is outside the regency
    reveals = login(directory.auditor).get("/console/audit/?tindakan=identity_revealed").content.decode()
    assert c.tracking_code in reveals
    assert "Log audit" in login(directory.auditor).get("/console/").content.decode()


@pytest.mark.parametrize("who", ["petugas_pupr", "kadis_pupr", "viewer"])
def test_staff_without_the_right_get_403_and_no_link(directory, login, who):
    client = login(getattr(directory, who))
    assert client.get("/console/audit/").status_code == 403
    assert "/console/audit/" not in client.get("/console/").content.decode()
