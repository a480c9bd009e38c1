"""The component catalogue: the codes the code relies on, the seeded rows (the data migration 0002 keeps its
own frozen copy; ``ensure_components`` writes these) and how the structured values (time limit, cost) read in a sentence."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PERSYARATAN = "persyaratan"
PROSEDUR = "prosedur"
JANGKA_WAKTU = "jangka_waktu"
BIAYA = "biaya"
PRODUK = "produk"
PENGADUAN = "pengaduan"

# Components with a number besides their text, and the ServiceStandard field that holds it.
STRUCTURED = {JANGKA_WAKTU: "time_limit_days", BIAYA: "cost_rupiah"}

# The 14 components of a service standard (UU 25/2009 Pasal 21, PermenPANRB 15/2014 lampiran):
# code, name, name_en, group, sort, hint for the person filling it in.
COMPONENTS = [
    (
        "persyaratan",
        "Persyaratan",
        "Requirements",
        "penyampaian",
        10,
        "Dokumen atau barang yang dibawa pemohon, satu per baris.",
    ),
    (
        "prosedur",
        "Sistem, mekanisme dan prosedur",
        "System, mechanism and procedure",
        "penyampaian",
        20,
        "Langkah pelayanan dari permohonan sampai produk diterima, satu langkah per baris.",
    ),
    (
        "jangka_waktu",
        "Jangka waktu penyelesaian",
        "Completion time",
        "penyampaian",
        30,
        "Lama penyelesaian sejak berkas lengkap diterima; isi juga jumlah hari kerjanya.",
    ),
    (
        "biaya",
        "Biaya/tarif",
        "Cost/tariff",
        "penyampaian",
        40,
        "Besaran biaya dan dasar penetapannya; tulis Gratis bila tanpa biaya. Isi juga angkanya (0 = gratis).",
    ),
    ("produk", "Produk pelayanan", "Service product", "penyampaian", 50, "Hasil yang diterima pemohon."),
    (
        "pengaduan",
        "Penanganan pengaduan, saran dan masukan",
        "Complaints, suggestions and feedback",
        "penyampaian",
        60,
        "Saluran pengaduan (loket, telepon, WhatsApp, SP4N-LAPOR!, situs ini) dan cara penanganannya.",
    ),
    (
        "dasar_hukum",
        "Dasar hukum",
        "Legal basis",
        "pengelolaan",
        110,
        "Peraturan yang menjadi dasar penyelenggaraan layanan.",
    ),
    (
        "sarana_prasarana",
        "Sarana, prasarana dan/atau fasilitas",
        "Facilities and infrastructure",
        "pengelolaan",
        120,
        "Ruang, peralatan dan fasilitas pelayanan, termasuk untuk penyandang disabilitas.",
    ),
    (
        "kompetensi_pelaksana",
        "Kompetensi pelaksana",
        "Staff competence",
        "pengelolaan",
        130,
        "Pengetahuan, keahlian, keterampilan dan pengalaman yang dibutuhkan pelaksana.",
    ),
    (
        "pengawasan_internal",
        "Pengawasan internal",
        "Internal supervision",
        "pengelolaan",
        140,
        "Siapa mengawasi pelaksanaan layanan dan bagaimana.",
    ),
    (
        "jumlah_pelaksana",
        "Jumlah pelaksana",
        "Number of staff",
        "pengelolaan",
        150,
        "Jumlah pelaksana sesuai beban kerja.",
    ),
    (
        "jaminan_pelayanan",
        "Jaminan pelayanan (maklumat)",
        "Service guarantee (service declaration)",
        "pengelolaan",
        160,
        "Kepastian bahwa layanan diberikan sesuai standar: isi maklumat pelayanan.",
    ),
    (
        "jaminan_keamanan",
        "Jaminan keamanan dan keselamatan pelayanan",
        "Security and safety guarantee",
        "pengelolaan",
        170,
        "Rasa aman, bebas bahaya dan risiko bagi pengguna layanan dan datanya.",
    ),
    (
        "evaluasi_kinerja",
        "Evaluasi kinerja pelaksana",
        "Staff performance evaluation",
        "pengelolaan",
        180,
        "Cara dan jadwal menilai pelaksanaan standar, misalnya survei kepuasan masyarakat.",
    ),
]


def ensure_components() -> None:
    """Put the seeded catalogue back when it is gone (a flushed test database)."""
    from tuntas.standards.models import Component

    if Component.objects.exists():
        return
    for code, name, name_en, group, sort, hint in COMPONENTS:
        Component.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "group": group, "sort": sort, "hint": hint}
        )


def rupiah(amount: int) -> str:
    """``Rp 50.000``: Indonesian thousands separators whatever the active language."""
    return "Rp " + f"{amount:,}".replace(",", ".")


def cost_label(amount: int | None) -> str:
    if amount is None:
        return ""
    return _("Gratis") if amount == 0 else rupiah(amount)


def time_limit_label(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return _("Selesai pada hari yang sama")
    return ngettext("%(n)s hari kerja", "%(n)s hari kerja", days) % {"n": days}
