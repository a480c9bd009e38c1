"""The Kotabaru demo loader, holiday loading, and the admin's SOP editor and read-only complaint pages."""

from __future__ import annotations

import datetime as dt
import pathlib
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tuntas.complaints.models import Category, Complaint, Event, Handling
from tuntas.complaints.services import complaint_by_secret
from tuntas.core.calendars import calendar_for
from tuntas.core.models import Holiday
from tuntas.demo import kotabaru
from tuntas.demo.clarifications import SCENARIOS as CLARIFICATION_SCENARIOS
from tuntas.demo.services import DemoRefused, accounts_create, samples
from tuntas.demo.topics import OMBUDSMAN_TOPICS, TOPICS
from tuntas.directory.models import Membership, Organisation, Region, User
from tuntas.workflows.models import WorkflowDefinition

pytestmark = pytest.mark.django_db

MODELS = (
    Region,
    Organisation,
    User,
    Membership,
    Category,
    Holiday,
    WorkflowDefinition,
    Complaint,
    Handling,
    Event,
)


def snapshot() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.fixture
def demo_on(settings):
    settings.DEMO = True
    return settings


def load(n: int = 12, **kwargs) -> str:
    from io import StringIO

    out = StringIO()
    call_command("load_demo", complaints=n, stdout=out, **kwargs)
    return out.getvalue()


# -- the demo ------------------------------------------------------------------------------------------
def test_regions_of_kotabaru_are_22_kecamatan_198_desa_4_kelurahan(demo_on):
    load(0, no_programmes=True)
    under = Region.objects.filter(code__startswith="63.02.")
    assert under.filter(level=3, kind="kecamatan").count() == 22
    assert under.filter(level=4, kind="desa").count() == 198
    assert under.filter(level=4, kind="kelurahan").count() == 4


def test_demo_builds_pemkab_kotabaru_down_to_every_desa(demo_on):
    load(10, no_programmes=True)
    pemkab = Organisation.objects.get(slug=kotabaru.PEMKAB)
    assert pemkab.code_prefix == "KTB" and pemkab.region_id == "63.02"
    coordinator = Organisation.objects.get(kind_id="koordinator")
    assert coordinator.region_id == "63.02" and coordinator.accepts_complaints
    assert "SP4N-LAPOR!" in coordinator.name
    assert Organisation.objects.filter(kind_id="kecamatan", parent=pemkab).count() == 22
    assert Organisation.objects.filter(kind_id="desa", parent__parent=pemkab).count() == 198
    assert Organisation.objects.filter(kind_id="kelurahan", parent__parent=pemkab).count() == 4
    assert Organisation.objects.filter(slug__in=[o.slug for o in kotabaru.OPD], parent=pemkab).count() == len(
        kotabaru.OPD
    )
    inspektorat = Organisation.objects.get(kind_id="inspektorat")
    assert inspektorat.name == "Inspektorat Kabupaten Kotabaru"
    ombudsman = Organisation.objects.get(kind_id="ombudsman_perwakilan")
    assert (ombudsman.region_id, ombudsman.code_prefix) == ("63", "OKS")
    tiers = set(Category.objects.values_list("tier_days", flat=True))
    assert tiers == {2, 5, 14, 60}
    assert Category.objects.get(slug="pungli-penyimpangan").default_organisation == inspektorat


def test_demo_accounts_have_their_roles_and_one_password(demo_on):
    output = load(5, no_programmes=True)
    assert "demo12345" in output
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.check_password(kotabaru.DEMO_PASSWORD)
    roles = set(Membership.objects.values_list("user__username", "role", "organisation__kind_id"))
    for expected in [
        ("koordinator", "koordinator", "koordinator"),
        ("petugas.pupr", "petugas", "opd"),
        ("kadis.pupr", "pimpinan", "opd"),
        ("auditor", "auditor", "inspektorat"),
        ("inspektur", "pimpinan", "inspektorat"),
        ("asisten.ombudsman", "petugas", "ombudsman_perwakilan"),
        ("focal.pemkab", "focal_point", "pemkab"),
        ("operator.stagen", "petugas", "desa"),
        ("pemantau", "viewer", "koordinator"),
    ]:
        assert expected in roles
    # The Pemkab's focal point is not a member of the Ombudsman office (that would show it every report).
    assert not Membership.objects.filter(
        user__username="focal.pemkab", organisation__kind_id="ombudsman_perwakilan"
    )
    assert User.objects.get(username="operator.stagen").check_password(kotabaru.DEMO_PASSWORD)


def test_small_demo_plays_complaints_through_the_services(demo_on):
    load(30, no_programmes=True)
    assert Complaint.objects.count() == 30
    assert Event.objects.filter(kind=Event.Kind.SUBMITTED).count() == 30
    # Every complaint was filed and handled in the past, in order.
    now = dt.datetime.now(dt.UTC)
    assert not Event.objects.filter(created_at__gt=now).exists()
    for c in Complaint.objects.all():
        times = list(c.events.values_list("created_at", flat=True))
        assert times == sorted(times) and times[0] == c.submitted_at
    assert Handling.objects.filter(workflow__slug="lapor-admin").exists()
    assert len(set(Complaint.objects.values_list("status", flat=True))) >= 2


def test_without_programmes_the_story_loads_alone(demo_on):
    load(3, no_programmes=True)
    assert Complaint.objects.count() == 3
    assert not Organisation.objects.filter(dam_participations__isnull=False).exists()


def test_running_load_demo_twice_adds_nothing(demo_on):
    load(8)
    before = snapshot()
    second = load(8)
    assert snapshot() == before
    assert "sudah dimuat" in second
    assert "admin" in second  # the accounts are listed again


def test_demo_is_refused_when_demo_mode_is_off(settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="TUNTAS_DEMO"):
        call_command("load_demo", complaints=3)
    assert not User.objects.exists()
    with pytest.raises(DemoRefused):
        accounts_create()
    assert not User.objects.exists()


def test_structure_only_loads_organisations_without_accounts(settings):
    settings.DEMO = False
    call_command("load_demo", structure_only=True, stdout=None)
    assert Organisation.objects.filter(kind_id="desa").count() == 198
    assert not User.objects.exists()
    assert not Complaint.objects.exists()


def test_printed_sample_secrets_open_their_complaints(demo_on):
    load(25, no_programmes=True)
    picks = samples()
    assert picks
    for s in picks:
        assert complaint_by_secret(s.tracking_code, s.secret).tracking_code == s.tracking_code


def test_topic_answers_match_their_reports():
    for topic in (*TOPICS, *OMBUDSMAN_TOPICS):
        assert len(topic.answers) in (0, len(topic.reports)), topic.key


def test_full_demo_has_about_200_complaints_in_many_states(demo_on):
    load(200)
    status = Counter(Complaint.objects.values_list("status", flat=True))
    assert sum(status.values()) == 200 + len(CLARIFICATION_SCENARIOS)
    assert status["closed"] > 50 and status["open"] > 10 and status["withdrawn"] >= 1
    privacy = Counter(Complaint.objects.values_list("privacy", flat=True))
    assert privacy["confidential"] > privacy["public"] > 0 and privacy["anonymous"] > 0
    assert Complaint.objects.filter(rating__isnull=False).count() > 20
    assert len(set(Complaint.objects.values_list("channel", flat=True))) >= 4
    assert len(set(Complaint.objects.values_list("region__parent_id", flat=True))) >= 15
    open_states = set(Handling.objects.filter(is_open=True).values_list("workflow__slug", "state"))
    assert ("opd", "dijawab") in open_states  # waiting for the reporter
    assert len(open_states) >= 6
    kinds = set(Handling.objects.values_list("organisation__kind_id", flat=True))
    assert {"koordinator", "opd", "inspektorat", "ombudsman_perwakilan", "desa"} <= kinds
    today = timezone.localdate()
    assert Handling.objects.filter(is_open=True, due_date__lt=today).exists()  # some overdue
    assert Handling.objects.filter(is_open=True, due_date__gte=today).exists()  # some still in time
    assert Event.objects.filter(kind=Event.Kind.TRANSITIONED, actor_kind="sistem").exists()  # SLA closures
    first = Complaint.objects.order_by("submitted_at").first().submitted_at
    assert (dt.datetime.now(dt.UTC) - first).days > 100


# -- holidays ------------------------------------------------------------------------------------------
def test_load_holidays_is_idempotent_and_has_nyepi_2026():
    call_command("load_holidays", "2025", "2026", "2027", stdout=None)
    before = Holiday.objects.count()
    call_command("load_holidays", "2025", "2026", "2027", stdout=None)
    assert Holiday.objects.count() == before > 40
    nyepi = Holiday.objects.get(date=dt.date(2026, 3, 19), region_code="")
    assert nyepi.kind == Holiday.Kind.NASIONAL and "Nyepi" in nyepi.name
    assert not calendar_for("63.02").is_working_day(dt.date(2026, 3, 19))


def test_load_holidays_keeps_admin_rows_and_removes_stale_synced_ones():
    manual = Holiday.objects.create(date=dt.date(2026, 11, 27), name="Pilkada serentak", kind="nasional")
    stale = Holiday.objects.create(
        date=dt.date(2026, 7, 7), name="x", kind="nasional", source="sinkron: lama"
    )
    call_command("load_holidays", "2026", stdout=None)
    assert Holiday.objects.filter(pk=manual.pk).exists()
    assert not Holiday.objects.filter(pk=stale.pk).exists()


def test_load_holidays_defaults_to_last_this_and_next_year():
    call_command("load_holidays", stdout=None)
    year = timezone.localdate().year
    assert {d.year for d in Holiday.objects.dates("date", "year")} == {year - 1, year, year + 1}


# -- admin ---------------------------------------------------------------------------------------------
@pytest.fixture
def admin_client(client):
    user = User.objects.create_superuser("root", "root@example.com", "rahasia-uji-123")
    client.force_login(user)
    return client


def test_admin_saving_an_sop_stores_a_new_version(admin_client, workflows):
    current = workflows["opd"]
    url = reverse("admin:workflows_workflowdefinition_change", args=[current.pk])
    assert admin_client.get(url).status_code == 200
    edited = current.source.replace("duration: 5\n", "duration: 7\n", 1)
    response = admin_client.post(url, {"source": edited})
    assert response.status_code == 302
    versions = list(WorkflowDefinition.objects.filter(slug="opd").order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    old, new = versions
    old.refresh_from_db()
    assert old.source == current.source and not old.is_active  # the stored version is untouched
    assert new.is_active and "duration: 7" in new.source
    assert response["Location"].endswith(reverse("admin:workflows_workflowdefinition_changelist"))


def test_admin_rejects_invalid_sop_yaml_with_its_line(admin_client, workflows):
    current = workflows["opd"]
    url = reverse("admin:workflows_workflowdefinition_change", args=[current.pk])
    lines = current.source.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("initial:"))
    lines[at] = "initial: tidak_ada"
    response = admin_client.post(url, {"source": "\n".join(lines)})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["source"]
    assert f"baris {at + 1}" in errors[0] and "tidak_ada" in errors[0]
    assert WorkflowDefinition.objects.filter(slug="opd").count() == 1


def test_admin_rejects_broken_yaml_syntax_with_its_line(admin_client, workflows):
    url = reverse("admin:workflows_workflowdefinition_add")
    response = admin_client.post(url, {"source": "slug: baru\nname: [tidak ditutup\n"})
    assert response.status_code == 200
    assert "baris" in response.context["adminform"].form.errors["source"][0]
    assert not WorkflowDefinition.objects.filter(slug="baru").exists()


def test_admin_adds_a_new_sop_as_version_1(admin_client, workflows):
    source = workflows["desa"].source.replace("slug: desa\n", "slug: desa-kotabaru\n", 1)
    response = admin_client.post(reverse("admin:workflows_workflowdefinition_add"), {"source": source})
    assert response.status_code == 302
    added = WorkflowDefinition.objects.get(slug="desa-kotabaru")
    assert added.version == 1 and added.is_active


def test_admin_cannot_change_or_delete_complaints_and_events(admin_client, directory):
    from tuntas.complaints.services import ComplaintInput, ReporterInput, complaint_submit

    complaint = complaint_submit(
        data=ComplaintInput(
            title="Jalan rusak di Sigam",
            description="Jalan poros desa berlubang dan membahayakan pengendara.",
            region_code="63.02.06.2005",
            reporter=ReporterInput(name="Budi", email="budi@example.com"),
        )
    ).complaint
    event = complaint.events.first()
    page = admin_client.get(reverse("admin:complaints_complaint_change", args=[complaint.pk]))
    assert page.status_code == 200
    assert b"budi@example.com" not in page.content  # the identity is not shown in the admin
    assert admin_client.get(reverse("admin:complaints_complaint_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:complaints_complaint_delete", args=[complaint.pk])).status_code
        == 403
    )
    assert admin_client.get(reverse("admin:complaints_event_add")).status_code == 403
    assert admin_client.post(reverse("admin:complaints_event_delete", args=[event.pk])).status_code == 403
    change = admin_client.post(
        reverse("admin:complaints_event_change", args=[event.pk]), {"message": "diubah"}
    )
    assert change.status_code == 403
    assert Event.objects.get(pk=event.pk).message == event.message
    assert admin_client.get(reverse("admin:complaints_event_changelist")).status_code == 200


def test_admin_holiday_edit_clears_the_calendar_cache(admin_client):
    Region.objects.create(code="63", name="Kalimantan Selatan", level=1, kind="provinsi")
    Region.objects.create(code="63.02", name="Kotabaru", level=2, kind="kabupaten", parent_id="63")
    day, moved = dt.date(2026, 8, 4), dt.date(2026, 8, 5)
    url = reverse("admin:core_holiday_add")
    data = {
        "date": day.isoformat(),
        "name": "Libur daerah",
        "kind": "lokal",
        "region_code": "63.02",
        "source": "",
    }
    assert admin_client.post(url, data).status_code == 302
    holiday = Holiday.objects.get(region_code="63.02")
    assert not calendar_for("63.02.06").is_working_day(day)
    change = reverse("admin:core_holiday_change", args=[holiday.pk])
    assert admin_client.post(change, {**data, "date": moved.isoformat()}).status_code == 302
    cal = calendar_for("63.02.06")  # same row count and ids: only the cleared cache shows the move
    assert cal.is_working_day(day) and not cal.is_working_day(moved)
    assert calendar_for("64").is_working_day(moved)


def test_admin_refuses_local_holiday_without_region(admin_client):
    url = reverse("admin:core_holiday_add")
    response = admin_client.post(
        url, {"date": "2026-08-04", "name": "Libur", "kind": "lokal", "region_code": ""}
    )
    assert response.status_code == 200 and not Holiday.objects.exists()


def test_admin_directory_pages_and_region_autocomplete(admin_client, directory):
    for name in (
        "admin:directory_organisation_changelist",
        "admin:directory_organisation_add",
        "admin:directory_user_add",
        "admin:directory_membership_changelist",
        "admin:directory_region_changelist",
        "admin:directory_organisationkind_changelist",
        "admin:complaints_category_changelist",
        "admin:core_holiday_changelist",
        "admin:sla_clock_changelist",
        "admin:notify_outboxmessage_changelist",
        "admin:workflows_workflowdefinition_changelist",
    ):
        assert admin_client.get(reverse(name)).status_code == 200, name
    user_page = admin_client.get(reverse("admin:directory_user_change", args=[directory.koordinator.pk]))
    assert user_page.status_code == 200 and b"nip" in user_page.content
    org_page = admin_client.get(reverse("admin:directory_organisation_change", args=[directory.pupr.pk]))
    assert org_page.status_code == 200
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "organisation", "field_name": "region", "term": "Sigam"},
    )
    assert found.status_code == 200
    assert [r["id"] for r in found.json()["results"]] == ["63.02.06.2005"]
    by_code = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "organisation", "field_name": "region", "term": "63.02.06"},
    )
    assert {r["id"] for r in by_code.json()["results"]} == {"63.02.06", "63.02.06.2005", "63.02.06.1001"}


def test_demo_units_have_public_profiles_with_the_maklumat(demo_on, client):
    load(0)
    disdukcapil = Organisation.objects.get(slug="disdukcapil")
    assert disdukcapil.opening_hours and disdukcapil.profile_updated_at

    page = client.get("/unit/disdukcapil/").content.decode()

    assert "Maklumat pelayanan" in page and "sanggup menyelenggarakan pelayanan" in page
    assert "KTP-el" in page  # its published standard is listed
    assert "<dt>IKM</dt>" in page  # from the demo's satisfaction surveys
    stagen = client.get("/unit/desa-stagen/").content.decode()
    assert "<dt>Desa Anti-Maladministrasi</dt>" in stagen and "Ditetapkan" in stagen


def test_demo_accounts_do_not_carry_the_real_head_of_the_ombudsman_office():
    """The demo names are invented; the Kepala Perwakilan account once used a real official's name."""
    from tuntas.demo import kotabaru, villages

    assert "Hadi Rahman" not in {a.full_name for a in kotabaru.ACCOUNTS}
    assert "Hadi Rahman" not in pathlib.Path(villages.__file__).read_text(encoding="utf-8")
