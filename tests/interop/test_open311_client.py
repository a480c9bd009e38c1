"""Our Open311 server driven by a third-party client library (georeport, from PyPI) over real HTTP."""

from __future__ import annotations

import pytest

georeport = pytest.importorskip("georeport")

from tuntas.complaints.models import Complaint  # noqa: E402
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, complaint_submit  # noqa: E402

SENTINEL = "Sentinel Rahasia Zulkarnain"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_georeport_client_reads_services_and_requests(live_server, directory):
    public = complaint_submit(
        data=ComplaintInput(
            title="Jalan rusak parah",
            description="Jalan berlubang besar di depan sekolah dasar, membahayakan anak-anak.",
            privacy=Complaint.Privacy.PUBLIC,
            category="jalan",
            reporter=ReporterInput(name="Warga Publik"),
        )
    ).complaint
    secret = complaint_submit(
        data=ComplaintInput(
            title="Pungutan liar di loket",
            description="Petugas loket meminta uang tambahan di luar tarif resmi pelayanan.",
            category="jalan",
            reporter=ReporterInput(name=SENTINEL),
        )
    ).complaint
    for fmt in ("json", "xml"):
        client = georeport.GeoReport(f"{live_server.url}/open311/v2", output_format=fmt)
        codes = {s["service_code"] for s in client.get_service_list()}
        assert {"jalan", "air-bersih"} <= codes
        assert client.get_service_definition("jalan")["service_code"] == "jalan"
        rows = client.get_service_requests(service_code="jalan")
        rows = rows if isinstance(rows, list) else [rows]
        assert {r["service_request_id"] for r in rows} == {public.tracking_code, secret.tracking_code}
        assert SENTINEL not in str(rows) and "loket" not in str(rows)
        one = client.get_service_request(public.tracking_code)
        assert one["service_request_id"] == public.tracking_code and one["status"] == "open"
