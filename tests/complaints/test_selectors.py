"""Inbox filters through the selector itself (the console and the API both rely on them)."""

from __future__ import annotations

from tuntas.complaints import selectors


def _codes(user, **filters) -> set[str]:  # noqa: ANN001, ANN003
    return {h.complaint.tracking_code for h in selectors.inbox(user, selectors.InboxFilters(**filters))}


def test_region_filter_takes_the_kecamatan_and_its_villages(directory, submit):
    in_desa = submit(region_code="63.02.06.2005").complaint.tracking_code
    in_kecamatan = submit(region_code="63.02.06").complaint.tracking_code
    elsewhere = submit(region_code="63.02.07").complaint.tracking_code

    assert _codes(directory.koordinator, region="63.02.06") == {in_desa, in_kecamatan}
    assert _codes(directory.koordinator, region="63.02.06.2005") == {in_desa}
    assert _codes(directory.koordinator, region="63.02.07") == {elsewhere}


def test_text_filter_finds_a_tracking_code_typed_loosely(directory, submit):
    s = submit(title="Lampu jalan padam di Sigam")
    submit(title="Sampah menumpuk di pasar")
    loose = s.complaint.tracking_code.lower().replace("-", " ")

    assert _codes(directory.koordinator, q=loose) == {s.complaint.tracking_code}
    assert _codes(directory.koordinator, q="lampu jalan") == {s.complaint.tracking_code}
