"""The bulk generator (manage.py generate_complaints) makes what the services make.

A sample played through the real services (the demo story: complaint_submit, handling_transition with
disposisi/teruskan/kembalikan, comment_add, handling_assign, identity_view, reporter_reply/rate/withdraw and
the SLA pass) is compared with generated complaints: event kinds, payload keys, visibilities and actors per
kind and per SOP transition, handling and clock statuses, counts per kind. The generated rows are also
checked against the SOPs themselves, read back through the ORM, validated with full_clean, and rendered by
the selectors, the tracking page and the console complaint page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from tuntas.complaints import selectors
from tuntas.complaints.models import Attachment, Complaint, Event, Handling, ReporterIdentity
from tuntas.core import clock
from tuntas.core.codes import secret_matches
from tuntas.demo.generator import GeneratorError, generate
from tuntas.demo.services import complaints_load, demo_load
from tuntas.directory.models import User
from tuntas.sla.models import Clock, StaffAlert
from tuntas.workflows.registry import workflow_of

pytestmark = pytest.mark.django_db

END = dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.UTC)
N = 200


@pytest.fixture
def kotabaru(settings):
    settings.DEMO = True
    demo_load(count=0, programmes=False)


def _generate(n: int = N, seed: int = 7):
    return generate(n, seed=seed, end=END, days=150, batch_size=80)


def _signature(e: Event) -> tuple:
    """What the services decide about an event of a kind, independent of the case: who acts, who sees it,
    whether it sits on a handling, and the payload's keys (and the transition's for TRANSITIONED)."""
    payload = e.payload or {}
    keys = tuple(sorted(payload))
    if e.kind == Event.Kind.TRANSITIONED:
        keys = (payload.get("transition"), *keys)
    if e.kind == Event.Kind.COMMENTED:
        keys = (e.actor_kind, *keys)
    return (e.kind, e.visibility, e.actor_kind, e.actor_id is None, e.handling_id is None, keys)


def _shapes(complaints) -> dict:
    events = list(Event.objects.filter(complaint__in=complaints))
    handlings = list(Handling.objects.filter(complaint__in=complaints).select_related("workflow"))
    clocks = Clock.objects.filter(handling__complaint__in=complaints)
    return {
        "kinds": {e.kind for e in events},
        "signatures": {_signature(e) for e in events},
        "states": {(h.workflow.slug, h.state, h.is_open) for h in handlings},
        "clock_status": {(c.status, c.breached_at is not None) for c in clocks},
        "events": events,
        "handlings": handlings,
    }


def test_generated_complaints_have_the_shapes_the_services_give(kotabaru):
    complaints_load(count=40, seed=11, end=END)
    played = Complaint.objects.values_list("pk", flat=True)
    played = list(played)
    result = _generate()
    assert result.complaints == N
    made = list(Complaint.objects.exclude(pk__in=played).values_list("pk", flat=True))
    assert len(made) == N
    real, gen = _shapes(played), _shapes(made)

    # every kind the services wrote is generated, and nothing they never write
    assert real["kinds"] <= gen["kinds"]
    assert gen["kinds"] <= real["kinds"] | {Event.Kind.WITHDRAWN, Event.Kind.IDENTITY_VIEWED}
    # per kind (and per SOP transition), the generated shapes are among those of the services
    real_by = defaultdict(set)
    for sig in real["signatures"]:
        real_by[(sig[0], sig[5][0] if sig[0] in ("transitioned", "commented") else None)].add(sig)
    compared = 0
    for sig in gen["signatures"]:
        key = (sig[0], sig[5][0] if sig[0] in ("transitioned", "commented") else None)
        if key in real_by:
            assert sig in real_by[key], (sig, real_by[key])
            compared += 1
    assert compared >= 25
    # open and closed handlings in the same SOP states; clocks running, paused, stopped and breached
    assert len(gen["states"] & real["states"]) >= 10
    assert {("running", False), ("stopped", False), ("running", True)} <= gen["clock_status"]
    assert any(status == "paused" for status, _ in gen["clock_status"])
    slugs = {h.workflow.slug for h in gen["handlings"]}
    assert {"lapor-admin", "opd", "desa", "inspektorat", "ombudsman"} <= slugs


def test_generated_counts_follow_the_services_rules(kotabaru):
    _generate()
    events = Counter()
    per_complaint: dict[int, Counter] = defaultdict(Counter)
    for complaint_id, kind in Event.objects.values_list("complaint_id", "kind"):
        per_complaint[complaint_id][kind] += 1
        events[kind] += 1
    handlings = list(Handling.objects.select_related("workflow"))
    complaints = {c.pk: c for c in Complaint.objects.all()}
    assert events[Event.Kind.SUBMITTED] == len(complaints)
    assert events[Event.Kind.HANDLING_OPENED] == len(handlings)
    assert events[Event.Kind.TRANSFERRED] == sum(1 for h in handlings if h.parent_id)
    for pk, c in complaints.items():
        kinds = per_complaint[pk]
        assert kinds[Event.Kind.CLOSED] == (1 if c.status == Complaint.Status.CLOSED else 0)
        assert kinds[Event.Kind.WITHDRAWN] == (1 if c.status == Complaint.Status.WITHDRAWN else 0)
        assert kinds[Event.Kind.RATED] == (1 if c.rating else 0)
        assert (c.privacy != "anonymous") == ReporterIdentity.objects.filter(complaint=c).exists()
    open_by = Counter(h.complaint_id for h in handlings if h.is_open)
    for c in complaints.values():
        assert (open_by[c.pk] > 0) == (c.status == Complaint.Status.OPEN)
    # each handling's TRANSITIONED events replay its SOP from the initial state to where it is
    transitioned = defaultdict(list)
    for e in Event.objects.filter(kind=Event.Kind.TRANSITIONED).order_by("created_at", "id"):
        transitioned[e.handling_id].append(e.payload)
    for h in handlings:
        wf = workflow_of(h.workflow)
        state = wf.initial
        for p in transitioned[h.pk]:
            assert p["from"] == state
            if p["transition"] != "cabut":
                spec = wf.transitions[p["transition"]]
                assert state in spec.sources and p["to"] == spec.target
                assert set(p["data"]) <= {f.name for f in spec.fields}
            state = p["to"]
        assert state == h.state
        assert h.is_open == (not wf.state(h.state).final)
        clocks = list(h.clocks.all())
        running = [c.due_date for c in clocks if c.status == Clock.Status.RUNNING and c.due_date]
        assert h.due_date == (min(running) if running else None)
        if not h.is_open:
            assert all(c.status == Clock.Status.STOPPED for c in clocks)
    alerts = StaffAlert.objects.values_list("kind", flat=True)
    assert {"breached", "escalate_pimpinan"} <= set(alerts)


def _rows() -> dict[str, list]:
    return {
        m.__name__: list(m.objects.order_by("pk").values_list())
        for m in (Complaint, ReporterIdentity, Handling, Clock, Event, Attachment, StaffAlert)
    }


def test_same_seed_same_rows_and_the_rows_pass_model_validation(kotabaru):
    with transaction.atomic():
        _generate(120, seed=3)
        first = _rows()
        transaction.set_rollback(True)
    _generate(120, seed=3)
    assert _rows() == first
    assert sum(len(rows) for rows in first.values()) > 120 * 10
    for model in (Complaint, ReporterIdentity, Handling, Clock, Event, Attachment, StaffAlert):
        # Clock.met is null until the clock stops, but its field is not blank=True: the services' own
        # running clocks fail full_clean on it too.
        exclude = ["met"] if model is Clock else []
        for row in model.objects.order_by("?")[:15]:
            row.full_clean(exclude=exclude)
    other = _rows()
    with transaction.atomic():
        _generate(120, seed=4)
        assert _rows()["Complaint"][-1] != other["Complaint"][-1]
        transaction.set_rollback(True)


def test_generated_complaints_render_in_the_console_and_on_the_tracking_page(kotabaru, client):
    out = StringIO()
    call_command("generate_complaints", "60", "--seed", "5", "--end", "2026-06-30T12:00:00", stdout=out)
    text = out.getvalue()
    assert "60 pengaduan" in text and "pengaduan/s" in text
    secret = text.rsplit(":", 1)[1].strip()
    complaints = list(Complaint.objects.order_by("pk"))
    assert all(secret_matches(secret, c.secret_hash) for c in complaints[:2])
    admin = User.objects.get(username="admin")
    waiting = Handling.objects.filter(is_open=True, organisation__memberships__isnull=False).first()
    officer = User.objects.filter(memberships__organisation=waiting.organisation).first()
    picks = {c.status: c for c in complaints} | {c.privacy: c for c in complaints}
    with clock.frozen(END):
        assert waiting in selectors.inbox(officer, selectors.InboxFilters())
        client.force_login(admin)
        for c in picks.values():
            assert client.get(f"/console/pengaduan/{c.pk}/").status_code == 200
            assert selectors.public_status(c) is not None
        client.logout()
        for c in picks.values():
            response = client.post("/lacak/", {"code": c.tracking_code, "secret": secret})
            assert response.status_code == 302, c.tracking_code
            assert client.get(response["Location"]).status_code == 200
    with_files = Attachment.objects.filter(visibility="reporter").select_related("complaint").first()
    if with_files is not None:
        assert with_files.file.storage.exists(with_files.file.name)


def test_without_a_directory_the_generator_says_what_to_load(db):
    with pytest.raises(GeneratorError, match="load_demo"):
        generate(5, end=timezone.now())
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_complaints", "5", stdout=StringIO())
