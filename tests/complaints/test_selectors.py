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


def test_text_filter_finds_part_of_a_tracking_code(directory, submit):
    codes = [submit(title=f"Pengaduan {i}").complaint.tracking_code for i in range(3)]
    target = codes[0]
    middle = target.split("-")[1]  # "KTB-GMR9-Q2" -> "GMR9", as a clerk reads it over the phone
    across = (target.split("-")[1][2:] + target.split("-")[2]).lower()  # "r9q2": across the dash
    expected = {c for c in codes if middle in c}
    assert target in expected
    assert _codes(directory.koordinator, q=middle) == expected
    assert target in _codes(directory.koordinator, q=across)
    assert _codes(directory.koordinator, q=target) == {target}
    assert _codes(directory.koordinator, q="ZZZZZZ") == set()


def test_a_partial_code_is_matched_in_the_same_query(directory, submit, django_assert_num_queries):
    code = submit().complaint.tracking_code
    # The user's organisations, then the rows: the fragment is matched inside the rows' query.
    with django_assert_num_queries(2):
        assert len(list(selectors.inbox(directory.koordinator, selectors.InboxFilters(q=code[4:8])))) == 1
