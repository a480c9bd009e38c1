"""The demo loader on the test directory (the Kotabaru demo's slugs and usernames)."""

from __future__ import annotations

from tuntas.clarifications.models import InfoRequest
from tuntas.clarifications.selectors import due_window, request_flag
from tuntas.demo.clarifications import FOCAL_USERNAME, load_clarifications_demo
from tuntas.directory.models import Membership


def test_demo_loads_every_stage_once_with_one_overdue(people):
    assert load_clarifications_demo() == {"requests": 4, "focal_point_created": 1}
    assert load_clarifications_demo()["requests"] == 0
    S = InfoRequest.Status
    assert sorted(InfoRequest.objects.values_list("status", flat=True)) == sorted(
        [S.SENT, S.ROUTED, S.ANSWERED, S.ACCEPTED]
    )
    window = due_window()
    flags = [request_flag(r, window) for r in InfoRequest.objects.all()]
    assert flags.count("overdue") == 1
    assert Membership.objects.filter(user__username=FOCAL_USERNAME, role="focal_point").exists()


def test_demo_skips_a_directory_without_the_ombudsman(people):
    people.ombudsman.is_active = False
    people.ombudsman.save(update_fields=["is_active"])
    assert load_clarifications_demo()["requests"] == 0
