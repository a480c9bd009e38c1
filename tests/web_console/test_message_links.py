"""Links in the messages staff actions write: absolute from the request's address when TUNTAS_SITE_URL is
not configured (issue 10 item 5), and the reporter's messages link to their tracking page."""

from __future__ import annotations

import pytest

from tuntas.notify.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _bodies(complaint, template: str) -> list[str]:  # noqa: ANN001
    return list(
        OutboxMessage.objects.filter(complaint=complaint, template=template).values_list("body", flat=True)
    )


def test_links_follow_the_request_address_and_reach_the_tracking_page(directory, login, submit, settings):
    settings.TUNTAS_SITE_URL = ""
    c = submit()  # filed through the service with no request about: the path alone
    [received] = _bodies(c, "complaint_received")
    assert f"/lacak/{c.tracking_code}/" in received and "http" not in received

    directory.pupr.email = "pupr@kotabarukab.go.id"  # the unit's desk: told of every handling it receives
    directory.pupr.save(update_fields=["email"])
    h = c.handlings.get()
    prefix = f"h{h.pk}-verifikasi"
    coordinator = login(directory.koordinator)
    response = coordinator.post(
        f"/console/penanganan/{h.pk}/aksi/verifikasi/",
        {
            f"{prefix}-expected_version": h.version,
            f"{prefix}-target": directory.pupr.pk,
            f"{prefix}-instruksi": "Tinjau.",
        },
    )
    assert response.status_code == 302
    staff = _bodies(c, "handling_received")
    assert staff and all(f"http://testserver/console/pengaduan/{c.pk}/" in b for b in staff)

    pupr = c.handlings.get(organisation=directory.pupr)
    prefix = f"h{pupr.pk}-jawab"
    petugas = login(directory.petugas_pupr)
    petugas.post(
        f"/console/penanganan/{pupr.pk}/aksi/jawab/",
        {f"{prefix}-expected_version": pupr.version, f"{prefix}-jawaban": "Lubang sudah ditambal."},
    )
    updated = _bodies(c, "complaint_updated")  # the disposition and the answer
    assert len(updated) == 2 and all(f"http://testserver/lacak/{c.tracking_code}/" in b for b in updated)


def test_the_configured_address_is_used_for_every_message(directory, login, submit, settings):
    settings.TUNTAS_SITE_URL = "https://lapor.kotabarukab.go.id"
    c = submit()
    [received] = _bodies(c, "complaint_received")
    assert f"https://lapor.kotabarukab.go.id/lacak/{c.tracking_code}/" in received
