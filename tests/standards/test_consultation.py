"""Comments from the public, only while the consultation is open; staff may hide them."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import UserFactory, member
from tests.standards.conftest import NOW
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.standards import selectors, services

TODAY = NOW.date()


@pytest.fixture
def consulted(directory, make_service, make_draft, frozen):
    """A draft under consultation from TODAY + 1 to TODAY + 10."""
    draft = make_draft(make_service())
    services.standard_open_consultation(
        actor=directory.petugas_pupr,
        standard_id=draft.pk,
        opens_on=TODAY + dt.timedelta(days=1),
        closes_on=TODAY + dt.timedelta(days=10),
    )
    return draft


def test_comments_only_while_the_consultation_is_open(consulted, frozen):
    with pytest.raises(Conflict):  # not open yet
        services.consultation_comment_add(standard_id=consulted.pk, text="Terlalu cepat, belum dibuka.")
    frozen(dt.timedelta(days=1))
    comment = services.consultation_comment_add(
        standard_id=consulted.pk, text="Mohon biaya dicantumkan jelas.", name=" Ani ", component_code="biaya"
    )
    assert (comment.name, comment.component.code, comment.created_at) == (
        "Ani",
        "biaya",
        NOW + dt.timedelta(days=1),
    )
    frozen(dt.timedelta(days=9))  # the closing day still counts
    services.consultation_comment_add(standard_id=consulted.pk, text="Hari terakhir, masih boleh.")
    frozen(dt.timedelta(days=1))
    with pytest.raises(Conflict):
        services.consultation_comment_add(standard_id=consulted.pk, text="Sudah ditutup kemarin.")
    assert consulted.comments.count() == 2


def test_no_comments_on_a_draft_or_a_published_standard(directory, published, make_service, make_draft):
    draft = make_draft(make_service("Layanan lain"))
    with pytest.raises(NotFound):  # a draft is not public
        services.consultation_comment_add(standard_id=draft.pk, text="Draf belum dibuka untuk umum.")
    with pytest.raises(Conflict):
        services.consultation_comment_add(standard_id=published.pk, text="Sudah terbit, tidak lagi dibahas.")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "oke"}, "text"),
        ({"text": "x" * 3001}, "text"),
        ({"text": "Masukan yang cukup.", "name": "n" * 101}, "name"),
        ({"text": "Masukan yang cukup.", "component_code": "bukan-komponen"}, "component"),
    ],
)
def test_comment_input_is_checked(consulted, frozen, kwargs, field):
    frozen(dt.timedelta(days=2))
    with pytest.raises(InvalidInput) as exc:
        services.consultation_comment_add(standard_id=consulted.pk, **kwargs)
    assert field in exc.value.errors


def test_staff_hide_a_comment_from_the_public(directory, consulted, frozen):
    frozen(dt.timedelta(days=2))
    comment = services.consultation_comment_add(
        standard_id=consulted.pk, text="Isi yang tidak pantas di sini."
    )
    with pytest.raises(NotFound):
        services.consultation_comment_hide(actor=directory.petugas_disdik, comment_id=comment.pk)
    services.consultation_comment_hide(actor=directory.petugas_pupr, comment_id=comment.pk)
    assert list(selectors.visible_comments(consulted)) == []
    assert list(selectors.staff_comments(consulted)) == [comment]
    services.consultation_comment_hide(actor=directory.petugas_pupr, comment_id=comment.pk, hidden=False)
    assert list(selectors.visible_comments(consulted)) == [comment]


def test_a_viewer_cannot_hide_comments(directory, make_service, make_draft, frozen):
    petugas = member(UserFactory(username="petugas.kominfo"), directory.coordinator, "petugas")
    service = make_service("Layanan informasi publik", org=directory.coordinator, actor=petugas)
    draft = make_draft(service, actor=petugas)
    services.standard_open_consultation(
        actor=petugas, standard_id=draft.pk, closes_on=TODAY + dt.timedelta(days=5)
    )
    comment = services.consultation_comment_add(standard_id=draft.pk, text="Masukan untuk koordinator.")
    with pytest.raises(NotPermitted):
        services.consultation_comment_hide(actor=directory.viewer, comment_id=comment.pk)
