"""Upgrades on PostgreSQL (django-test-migrations): a database populated at an earlier migration state
migrates to the head with nothing lost, and every app's newest migration says whether it can run while the
old release still serves (tuntas.ops.migration_notes)."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from tuntas.ops.migration_notes import NOTES

# The state of a release before the newest migrations: profile columns, service links, staff alerts, message
# templates, digests, clarification kinds and the heartbeat did not exist yet.
EARLIER = [
    ("directory", "0002_default_kinds"),
    ("complaints", "0003_transfers"),
    ("notify", "0001_initial"),
    ("sla", "0001_initial"),
    ("ops", None),
]
T = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
SOP = "slug: opd\nname: OPD\n"  # stored as text; the upgrade must keep it byte for byte


def _migrate_back(earlier: list[tuple[str, str | None]]):  # noqa: ANN202
    """Unapply down to ``earlier`` (and whatever depends on it); the state of the models as they were then."""
    MigrationExecutor(connection).migrate(earlier)
    loader = MigrationLoader(connection)
    return loader.project_state(sorted(loader.applied_migrations))


def _populate(apps) -> dict:
    Region = apps.get_model("directory", "Region")
    Kind = apps.get_model("directory", "OrganisationKind")
    Organisation = apps.get_model("directory", "Organisation")
    User = apps.get_model("directory", "User")
    Membership = apps.get_model("directory", "Membership")
    Workflow = apps.get_model("workflows", "WorkflowDefinition")
    Complaint = apps.get_model("complaints", "Complaint")
    Identity = apps.get_model("complaints", "ReporterIdentity")
    Handling = apps.get_model("complaints", "Handling")
    Event = apps.get_model("complaints", "Event")
    Outbox = apps.get_model("notify", "OutboxMessage")
    Clock = apps.get_model("sla", "Clock")
    Holiday = apps.get_model("core", "Holiday")

    kab = Region.objects.create(code="63.02", name="Kabupaten Kotabaru", level=2, kind="kabupaten")
    org = Organisation.objects.create(
        name="Dinas PUPR", slug="dinas-pupr", kind=Kind.objects.get(slug="opd"), region=kab, code_prefix="KTB"
    )
    user = User.objects.create(username="petugas.pupr", password="!")
    Membership.objects.create(user=user, organisation=org, role="petugas")
    wf = Workflow.objects.create(slug="opd", version=1, name="OPD", source=SOP, is_active=True)
    complaint = Complaint.objects.create(
        tracking_code="KTB-7K3M-Q9", secret_hash="x", title="Jalan berlubang", description="Sejak Januari.",
        region=kab, intake_organisation=org, submitted_at=T, privacy="confidential",
    )  # fmt: skip
    Identity.objects.create(
        complaint=complaint, name="Siti Aminah", email="siti@example.id", nik="6302011204880003"
    )
    handling = Handling.objects.create(
        complaint=complaint,
        organisation=org,
        workflow=wf,
        state="diterima",
        opened_at=T,
        due_date=dt.date(2026, 3, 9),
    )
    Event.objects.create(
        complaint=complaint, handling=handling, kind="submitted", actor=None, created_at=T, payload={}
    )
    Outbox.objects.create(
        channel="email", recipient="siti@example.id", template="submitted", body="Terima kasih",
        complaint=complaint, created_at=T, next_attempt_at=T,
    )  # fmt: skip
    Clock.objects.create(
        handling=handling, name="penyelesaian", duration=5, unit="working_days", started_on=T.date()
    )
    Holiday.objects.create(date=dt.date(2026, 3, 19), name="Nyepi", kind="nasional")
    return {"complaint": complaint.pk, "handling": handling.pk, "org": org.pk}


@pytest.mark.postgres
def test_an_earlier_database_upgrades_to_head_with_nothing_lost(migrator):
    migrator.apply_initial_migration(EARLIER)  # a clean database up to there, in the full plan's order...
    old = _migrate_back(EARLIER)  # ...then back to exactly there
    columns = {
        c.name
        for c in connection.introspection.get_table_description(connection.cursor(), "directory_organisation")
    }
    assert "maklumat" not in columns and "ops_heartbeat" not in connection.introspection.table_names()
    ids = _populate(old.apps)
    out = io.StringIO()
    with pytest.raises(SystemExit) as stop:  # what the administrator sees before migrating
        call_command("upgrade_notes", stdout=out)
    assert stop.value.code == 3
    notes = out.getvalue()
    assert "[HENTI ] directory.0003_organisation_profile" in notes
    assert "[online] ops.0001_initial" in notes and "systemctl stop tuntas-web tuntas-worker" in notes
    new = migrator.apply_tested_migration(MigrationLoader(connection).graph.leaf_nodes())

    Complaint = new.apps.get_model("complaints", "Complaint")
    complaint = Complaint.objects.get(pk=ids["complaint"])
    assert (complaint.tracking_code, complaint.title, complaint.submitted_at) == (
        "KTB-7K3M-Q9",
        "Jalan berlubang",
        T,
    )
    assert complaint.service_id is None  # the column added since, empty for old rows
    identity = new.apps.get_model("complaints", "ReporterIdentity").objects.get(complaint=complaint)
    assert (identity.name, identity.email, identity.nik) == (
        "Siti Aminah",
        "siti@example.id",
        "6302011204880003",
    )
    handling = new.apps.get_model("complaints", "Handling").objects.get(pk=ids["handling"])
    assert (handling.state, handling.due_date, handling.workflow.source) == (
        "diterima",
        dt.date(2026, 3, 9),
        SOP,
    )
    assert (
        new.apps.get_model("complaints", "Event")
        .objects.filter(complaint=complaint, kind="submitted")
        .count()
        == 1
    )
    message = new.apps.get_model("notify", "OutboxMessage").objects.get(complaint=complaint)
    assert (message.status, message.recipient) == ("pending", "siti@example.id")
    assert new.apps.get_model("sla", "Clock").objects.get(handling=handling).status == "running"
    org = new.apps.get_model("directory", "Organisation").objects.get(pk=ids["org"])
    assert (org.name, org.maklumat, org.opening_hours, org.profile_updated_at) == ("Dinas PUPR", "", "", None)
    assert new.apps.get_model("directory", "Membership").objects.get(organisation=org).role == "petugas"
    assert new.apps.get_model("core", "Holiday").objects.get(date=dt.date(2026, 3, 19)).name == "Nyepi"
    # The tables the newer migrations created are there and usable.
    new.apps.get_model("ops", "Heartbeat").objects.create(name="worker", seen_at=T)
    assert new.apps.get_model("sla", "StaffAlert").objects.count() == 0


def test_every_apps_newest_migration_says_whether_it_can_run_online():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = {
        (app, name)
        for app, name in loader.graph.leaf_nodes()
        if loader.get_migration(app, name).__module__.startswith("tuntas.")
    }
    missing = sorted(ours - NOTES.keys())
    assert not missing, f"add a note to tuntas/ops/migration_notes.py for {missing}"
