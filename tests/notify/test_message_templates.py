"""Message templates as data: shipped files synced into rows, rows overriding files, English with an
Indonesian fallback, and the admin refusing a template that does not compile."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.factories import UserFactory
from tuntas.notify.message_templates import render_message, shipped_templates, sync_message_templates
from tuntas.notify.models import MessageTemplate
from tuntas.notify.services import outbox_enqueue

pytestmark = pytest.mark.django_db

CONTEXT = {
    "complaint": {"tracking_code": "TNT-UJI1-23", "title": "Jalan berlubang"},
    "status": "Diproses",
}
SHIPPED_KEYS = {
    "complaint_received",
    "complaint_updated",
    "handling_received",
    "staff_assigned",
    "staff_assigned_bulk",
    "staff_breached",
    "staff_digest",
    "staff_due_soon",
    "staff_escalated",
    "staff_handling_opened",
}


def row(key: str = "complaint_updated", language: str = "id") -> MessageTemplate:
    return MessageTemplate.objects.get(key=key, language=language)


def test_every_shipped_template_has_an_english_version():
    shipped = {(t.key, t.language) for t in shipped_templates()}
    assert {k for k, _lang in shipped} >= SHIPPED_KEYS
    assert {k for k, lang in shipped if lang == "en"} == {k for k, lang in shipped if lang == "id"}


def test_migrate_leaves_a_row_for_every_shipped_template():
    # post_migrate ran when the test database was created
    assert set(MessageTemplate.objects.filter(language="id").values_list("key", flat=True)) >= SHIPPED_KEYS
    assert row().subject == "Perkembangan pengaduan {{ complaint.tracking_code }}: {{ status }}"


def test_sync_creates_missing_rows_and_is_idempotent():
    MessageTemplate.objects.filter(key="staff_breached").delete()
    first = sync_message_templates()
    second = sync_message_templates()
    assert (first.created, second.created, second.updated) == (2, 0, 0)
    assert MessageTemplate.objects.filter(key="staff_breached").count() == 2


def test_sync_never_overwrites_a_row_an_admin_edited():
    MessageTemplate.objects.filter(pk=row().pk).update(
        subject="Kabar {{ complaint.tracking_code }}", customised=True
    )
    result = sync_message_templates()
    assert result.kept >= 1
    assert row().subject == "Kabar {{ complaint.tracking_code }}"


def test_sync_refreshes_a_row_nobody_edited():
    MessageTemplate.objects.filter(pk=row().pk).update(subject="usang")
    call_command("sync_message_templates", stdout=__import__("io").StringIO())
    assert row().subject.startswith("Perkembangan pengaduan")


def test_an_edited_row_is_what_the_message_says():
    MessageTemplate.objects.filter(pk=row().pk).update(
        subject="Status {{ complaint.tracking_code }} berubah", body="Kini: {{ status }}.", customised=True
    )
    message = outbox_enqueue(
        channel="email", recipient="budi@example.id", template="complaint_updated", context=CONTEXT
    )
    assert (message.subject, message.body) == ("Status TNT-UJI1-23 berubah", "Kini: Diproses.")


def test_without_a_row_the_shipped_file_is_used():
    MessageTemplate.objects.all().delete()
    subject, _body = render_message("complaint_updated", CONTEXT)
    assert subject == "Perkembangan pengaduan TNT-UJI1-23: Diproses"


def test_an_inactive_row_falls_back_to_the_file():
    MessageTemplate.objects.filter(pk=row().pk).update(subject="tidak dipakai", is_active=False)
    assert render_message("complaint_updated", CONTEXT)[0].startswith("Perkembangan pengaduan")


def test_a_row_that_does_not_compile_falls_back_to_the_file():
    MessageTemplate.objects.filter(pk=row().pk).update(body="{% if %}", customised=True)
    assert render_message("complaint_updated", CONTEXT)[0].startswith("Perkembangan pengaduan")


def test_english_message_uses_the_english_template():
    message = outbox_enqueue(
        channel="email",
        recipient="budi@example.id",
        template="complaint_updated",
        context=CONTEXT,
        language="en",
    )
    assert message.subject == "Update on complaint TNT-UJI1-23: Diproses"


def test_english_without_an_english_template_falls_back_to_indonesian():
    MessageTemplate.objects.create(
        key="khusus",
        language="id",
        subject="Halo {{ complaint.tracking_code }}",
        body="Isi.",
        updated_at="2026-03-02T00:00Z",
    )
    assert render_message("khusus", CONTEXT, language="en") == ("Halo TNT-UJI1-23", "Isi.")


def test_english_row_overrides_the_english_file():
    MessageTemplate.objects.filter(pk=row(language="en").pk).update(
        subject="News on {{ complaint.tracking_code }}"
    )
    assert render_message("complaint_updated", CONTEXT, language="en")[0] == "News on TNT-UJI1-23"


# --- admin ------------------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):  # noqa: ANN001, ANN201
    client.force_login(UserFactory(username="super", is_staff=True, is_superuser=True))
    return client


def change_url(template: MessageTemplate) -> str:
    return f"/admin/notify/messagetemplate/{template.pk}/change/"


def test_admin_refuses_a_template_that_does_not_compile(admin_client):
    template = row()
    response = admin_client.post(
        change_url(template),
        {
            "subject": "Kabar {{ complaint.tracking_code }}",
            "body": "{% if status %}tanpa penutup",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Templat tidak dapat dikompilasi" in response.content.decode()
    assert "endif" in response.content.decode()  # the compiler's own message names what is missing
    assert row().body != "{% if status %}tanpa penutup"


def test_admin_saves_a_valid_template_as_customised(admin_client):
    template = row()
    response = admin_client.post(
        change_url(template),
        {"subject": "Kabar {{ complaint.tracking_code }}", "body": "Status: {{ status }}", "is_active": "on"},
    )
    assert response.status_code == 302
    saved = row()
    assert (saved.subject, saved.customised, saved.updated_by.username) == (
        "Kabar {{ complaint.tracking_code }}",
        True,
        "super",
    )


def test_admin_shows_a_preview_with_sample_values(admin_client):
    response = admin_client.get(change_url(row()))
    assert "Perkembangan pengaduan KTB-7K3M-Q9: Diproses" in response.content.decode()
