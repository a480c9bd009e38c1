"""Public profiles of a few demo units (their pages under /unit/): opening hours, maklumat pelayanan, contacts.

The maklumat follows the standard wording of PermenPANRB 15/2014; hours, addresses and telephone numbers are
illustrative, not the real ones of these offices. A profile an admin has edited is left as it is.
"""

from __future__ import annotations

from django.db import transaction

from tuntas.core import clock
from tuntas.demo import kotabaru as k
from tuntas.directory.models import Organisation

MAKLUMAT = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
    "ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan "
    "perundang-undangan yang berlaku."
)
OFFICE_HOURS = "Senin–Kamis 08.00–15.30 WITA\nJumat 08.00–11.00 WITA\nSabtu, Minggu dan hari libur tutup"

PROFILES: dict[str, dict[str, str]] = {
    "disdukcapil": {
        "description": "Pelayanan dokumen kependudukan: KTP-el, Kartu Keluarga, akta kelahiran dan kematian, "
        "pindah datang. Semua layanan tidak dipungut biaya.",
        "opening_hours": OFFICE_HOURS,
        "address": "Jl. Brigjend H. Hasan Basri, Kotabaru (contoh)",
        "phone": "0518-0000001",
    },
    "dpmptsp": {
        "description": "Perizinan dan nonperizinan berusaha melalui OSS-RBA dan Mal Pelayanan Publik.",
        "opening_hours": OFFICE_HOURS,
        "address": "Mal Pelayanan Publik Kotabaru (contoh)",
        "phone": "0518-0000002",
    },
    "rsud-pangeran-jaya-sumitra": {
        "description": "Rumah sakit umum daerah: rawat jalan, rawat inap, IGD 24 jam. Pengaduan pasien "
        "diterima langsung oleh unit pengaduan rumah sakit.",
        "opening_hours": "Poliklinik: Senin–Sabtu 08.00–13.00 WITA\nIGD: 24 jam setiap hari",
        "phone": "0518-0000003",
    },
    "pdam-kotabaru": {
        "description": "Penyediaan air minum perpipaan. Gangguan aliran dan tagihan dapat dilaporkan langsung.",
        "opening_hours": OFFICE_HOURS,
        "phone": "0518-0000004",
    },
    k.KOORDINATOR: {
        "description": "Pengelola pengaduan pelayanan publik Pemerintah Kabupaten Kotabaru: menerima, "
        "memverifikasi dan meneruskan pengaduan ke perangkat daerah yang berwenang (SP4N-LAPOR!).",
        "opening_hours": OFFICE_HOURS,
    },
}


@transaction.atomic
def profiles_load() -> int:
    """Fill the demo profiles once; returns how many units got one."""
    filled = 0
    for org in Organisation.objects.select_for_update().filter(
        slug__in=PROFILES, profile_updated_at__isnull=True
    ):
        values = {"maklumat": MAKLUMAT, **PROFILES[org.slug]}
        for field, value in values.items():
            setattr(org, field, value)
        org.profile_updated_at = clock.now()
        org.save(update_fields=[*values, "profile_updated_at"])
        filled += 1
    return filled
