"""Search: the index kept in the write's transaction, the same results on SQLite (FTS5) and PostgreSQL,
permissions and identity protection. This module runs on whichever database the run uses; CI runs both, and
EXPECTED below is the one answer both must give."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from tuntas.complaints import selectors, services
from tuntas.complaints.models import Complaint
from tuntas.complaints.selectors import InboxFilters
from tuntas.core import codes
from tuntas.triage import search
from tuntas.triage.models import SearchDocument

SENTINEL = "Zulkarnain Sentinelwati"

TEXTS = {
    "jalan": ("Jln rusak parah", "Jln ke desa kami rusak prh, udh 3bln gak dibenerin, berlubang2"),
    "air": ("Air PDAM tdk mengalir", "Banyu kada mengalir sdh seminggu di rumah kami"),
    "sekolah": ("Pungutan di sekolah", "Kepala sekolah meminta pungutan uang seragam"),
    "lampu": ("Lampu jalan mati", "Lampu penerangan jalan di depan pasar mati sejak bulan lalu"),
}
# query -> the keys of TEXTS it must find (as a set: the two engines rank ties differently)
EXPECTED = {
    "jalan diperbaiki": {"jalan"},  # "dibenerin" -> "diperbaiki" -> "baik"; "jln" -> "jalan"
    "jalan": {"jalan", "lampu"},
    "air tidak mengalir": {"air"},  # Banjar "banyu kada" and the abbreviation "tdk"
    "pungut": {"sekolah"},
    "seragam sekolah": {"sekolah"},
    "berlubang": {"jalan"},
    "kereta api": set(),
}


@pytest.fixture
def filed(submit, dispose):
    out = {}
    for key, (title, description) in TEXTS.items():
        c = submit(
            title=title, description=description, privacy=Complaint.Privacy.PUBLIC, location_text=""
        ).complaint
        out[key] = c
    return out


def _found(query: str, **kw) -> set[int]:
    return {h.complaint_id for h in search.search(query, **kw)}


def test_both_backends_find_the_same_complaints(filed):
    for query, keys in EXPECTED.items():
        assert _found(query) == {filed[k].pk for k in keys}, query


def test_index_written_in_the_write_transaction_and_rolled_back_with_it(submit, dispose, directory):
    complaint = submit(privacy=Complaint.Privacy.PUBLIC).complaint
    handling = dispose(complaint)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.comment_add(
            actor=directory.petugas_pupr,
            handling_id=handling.pk,
            text="gorong-gorong tersumbat",
            to_reporter=True,
        )
        assert complaint.pk in _found("gorong tersumbat")  # visible inside the transaction
        raise RuntimeError
    assert complaint.pk not in _found("gorong tersumbat")
    services.comment_add(
        actor=directory.petugas_pupr,
        handling_id=handling.pk,
        text="gorong-gorong tersumbat",
        to_reporter=True,
    )
    assert complaint.pk in _found("gorong tersumbat")


def test_internal_notes_only_for_staff_search(submit, dispose, directory):
    complaint = submit(privacy=Complaint.Privacy.PUBLIC).complaint
    handling = dispose(complaint)
    services.comment_add(actor=directory.petugas_pupr, handling_id=handling.pk, text="kontraktor wanprestasi")
    assert complaint.pk in _found("kontraktor wanprestasi", include_staff=True)
    assert complaint.pk not in _found("kontraktor wanprestasi", include_staff=False)


def test_confidential_reporter_name_is_never_indexed(submit, directory):
    from tuntas.complaints.services import ReporterInput

    reporter = ReporterInput(name=SENTINEL, email="z@example.id", phone="081200000001", nik="", address="")
    complaint = submit(privacy=Complaint.Privacy.CONFIDENTIAL, reporter=reporter).complaint
    assert _found("Sentinelwati", include_staff=True) == set()
    doc = SearchDocument.objects.get(complaint=complaint)
    assert "sentinelwati" not in (doc.shared_text + doc.staff_text)


def test_tracking_code_finds_its_complaint(filed):
    c = filed["air"]
    assert _found(c.tracking_code) == {c.pk}


def test_search_respects_what_the_actor_may_see(filed, dispose, directory):
    dispose(filed["jalan"])  # to Dinas PUPR; "air" stays with the coordinator
    hits = {h.complaint_id for h in search.search("rusak", include_staff=True)}
    assert filed["jalan"].pk in hits
    visible = selectors.inbox(directory.petugas_pupr, InboxFilters()).filter(complaint_id__in=hits)
    assert {h.complaint_id for h in visible} == {filed["jalan"].pk}
    hidden = search.search("air mengalir", include_staff=True)
    assert not selectors.inbox(directory.petugas_pupr, InboxFilters()).filter(
        complaint_id__in=[h.complaint_id for h in hidden]
    )


def test_snippet_marks_the_match(filed):
    (hit,) = search.search("pungut")
    assert "<mark>pungut</mark>" in hit.snippet


def test_rebuild_command_restores_the_index(filed):
    SearchDocument.objects.all().delete()
    search.backend().delete_all()
    assert _found("pungut") == set()
    call_command("rebuild_search_index", stdout=__import__("io").StringIO())
    assert _found("pungut") == {filed["sekolah"].pk}


def test_fallback_without_fts5_gives_the_same_set(filed):
    like = search.LikeBackend()
    for query, keys in EXPECTED.items():
        terms = search.query_terms(query)
        assert {h.complaint_id for h in like.search(terms, include_staff=False, limit=50)} == {
            filed[k].pk for k in keys
        }, query


def test_console_inbox_text_filter_uses_stemmed_search(filed, client, directory):
    from django.urls import reverse

    client.force_login(directory.koordinator)
    page = client.get(reverse("console:inbox"), {"q": "banyu kada mengalir"}).content.decode()
    assert filed["air"].tracking_code in page  # stems of the Banjar words
    assert filed["sekolah"].tracking_code not in page
    page = client.get(reverse("console:inbox"), {"q": "tidak diperbaiki"}).content.decode()
    assert filed["jalan"].tracking_code in page  # "gak dibenerin": no substring would find it


@given(st.randoms(use_true_random=False), st.sampled_from(["KTB", "BJR", "OMB"]))
def test_every_tracking_code_is_one_search_term_digits_or_not(rnd, prefix):
    code = codes.tracking_code(prefix, choice=rnd.choice)
    assert search.query_terms(code) == [code.lower().replace("-", "")]
    assert search.query_terms(code.lower()) == [code.lower().replace("-", "")]


def test_a_tracking_code_without_a_digit_finds_its_complaint(filed):
    c = filed["air"]
    Complaint.objects.filter(pk=c.pk).update(tracking_code="KTB-KJPF-KJ")
    c.refresh_from_db()
    search.index_complaint(c.pk)
    assert _found("KTB-KJPF-KJ") == {c.pk}
