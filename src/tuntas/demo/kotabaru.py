"""Kabupaten Kotabaru (Kalimantan Selatan, Kemendagri code 63.02) as demo data: its complaint coordinator, the
usual perangkat daerah, one organisation per kecamatan and per desa/kelurahan (from the region table), the
Inspektorat, Ombudsman RI Perwakilan Kalimantan Selatan, complaint categories with their SLA tiers, and the
demo staff accounts.

Only facts that could be checked are used; no local holiday is seeded (Hari Jadi Kabupaten Kotabaru is for
an admin to enter, with the regent's decree as its source).
"""

from __future__ import annotations

from dataclasses import dataclass

REGION_PROVINCE = "63"
REGION_KABUPATEN = "63.02"
CODE_PREFIX = "KTB"
OMBUDSMAN_PREFIX = "OKS"
DEMO_PASSWORD = "demo12345"

PEMKAB = "pemkab-kotabaru"
KOORDINATOR = "koordinator-kotabaru"
INSPEKTORAT = "inspektorat-kotabaru"
OMBUDSMAN = "ombudsman-kalsel"


@dataclass(frozen=True)
class Org:
    slug: str
    name: str
    short_name: str
    kind: str = "opd"
    accepts_complaints: bool = False  # takes complaints directly (its own desk), besides dispositions


# Perangkat daerah and BUMD that handle most public-service complaints in a regency. Names follow the usual
# nomenclature of PP 18/2016; Kotabaru's own names are used where known (RSUD Pangeran Jaya Sumitra).
OPD: tuple[Org, ...] = (
    Org("dinas-pendidikan", "Dinas Pendidikan Kabupaten Kotabaru", "Disdik"),
    Org("dinas-kesehatan", "Dinas Kesehatan Kabupaten Kotabaru", "Dinkes"),
    Org("rsud-pangeran-jaya-sumitra", "RSUD Pangeran Jaya Sumitra", "RSUD PJS", accepts_complaints=True),
    Org("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kotabaru", "Dinas PUPR"),
    Org(
        "dinas-perkim",
        "Dinas Perumahan Rakyat dan Kawasan Permukiman Kabupaten Kotabaru",
        "Disperkim",
    ),
    Org(
        "disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kotabaru",
        "Disdukcapil",
        accepts_complaints=True,
    ),
    Org("dinas-perhubungan", "Dinas Perhubungan Kabupaten Kotabaru", "Dishub"),
    Org("dinas-sosial", "Dinas Sosial Kabupaten Kotabaru", "Dinsos"),
    Org("dinas-lingkungan-hidup", "Dinas Lingkungan Hidup Kabupaten Kotabaru", "DLH"),
    Org(
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kotabaru",
        "DPMPTSP",
    ),
    Org("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Kotabaru", "DPMD"),
    Org("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Kotabaru", "BPKAD"),
    Org("bapenda", "Badan Pendapatan Daerah Kabupaten Kotabaru", "Bapenda"),
    Org(
        "bkpsdm",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Kotabaru",
        "BKPSDM",
    ),
    Org("bpbd", "Badan Penanggulangan Bencana Daerah Kabupaten Kotabaru", "BPBD"),
    Org("satpol-pp", "Satuan Polisi Pamong Praja Kabupaten Kotabaru", "Satpol PP"),
    Org("pdam-kotabaru", "Perumda Air Minum (PDAM) Kotabaru", "PDAM", accepts_complaints=True),
)

PEMKAB_ORG = Org(PEMKAB, "Pemerintah Kabupaten Kotabaru", "Pemkab Kotabaru", kind="pemkab")
KOORDINATOR_ORG = Org(
    KOORDINATOR,
    "Dinas Komunikasi, Informatika, Statistik dan Persandian (Admin SP4N-LAPOR!)",
    "Diskominfo",
    kind="koordinator",
    accepts_complaints=True,
)
INSPEKTORAT_ORG = Org(INSPEKTORAT, "Inspektorat Kabupaten Kotabaru", "Inspektorat", kind="inspektorat")
OMBUDSMAN_ORG = Org(
    OMBUDSMAN,
    "Ombudsman RI Perwakilan Kalimantan Selatan",
    "Ombudsman Kalsel",
    kind="ombudsman_perwakilan",
    accepts_complaints=True,
)

# Village desks that take complaints directly and have a demo operator: the villages of Kecamatan Pulau
# Laut Utara, the first kecamatan whose every desa is a Desa Anti-Maladministrasi (Semayap in Nov 2023, the
# other eight in May 2025). The designations did not begin there: the ten of Nov 2023 lie in eight kecamatan
# (see DOMAIN.md and demo/villages.py).
DESA_DESK_KECAMATAN = "63.02.06"


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: str
    name_en: str
    tier_days: int
    handler: str  # default organisation slug


CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec(
        "administrasi-kependudukan",
        "Administrasi kependudukan (KTP-el, KK, akta)",
        "Civil registration",
        5,
        "disdukcapil",
    ),
    CategorySpec("pendidikan", "Pendidikan dan sekolah", "Education and schools", 14, "dinas-pendidikan"),
    CategorySpec(
        "kesehatan",
        "Kesehatan (puskesmas, RSUD, BPJS)",
        "Health (clinics, hospital, insurance)",
        5,
        "dinas-kesehatan",
    ),
    CategorySpec("jalan-jembatan", "Jalan dan jembatan", "Roads and bridges", 14, "dinas-pupr"),
    CategorySpec("air-bersih", "Air bersih (PDAM)", "Water supply", 2, "pdam-kotabaru"),
    CategorySpec("perizinan", "Perizinan dan investasi", "Permits", 5, "dpmptsp"),
    CategorySpec("bantuan-sosial", "Bantuan sosial", "Social assistance", 5, "dinas-sosial"),
    CategorySpec(
        "pelayanan-desa",
        "Pelayanan desa, kelurahan dan kecamatan",
        "Village and district services",
        5,
        "dpmd",
    ),
    CategorySpec("kepegawaian", "Kepegawaian dan disiplin ASN", "Civil service", 14, "bkpsdm"),
    CategorySpec(
        "pungli-penyimpangan",
        "Pungutan liar dan dugaan penyimpangan",
        "Illegal levies and suspected misconduct",
        60,
        INSPEKTORAT,
    ),
    CategorySpec(
        "lingkungan",
        "Lingkungan hidup dan persampahan",
        "Environment and waste",
        5,
        "dinas-lingkungan-hidup",
    ),
    CategorySpec(
        "transportasi",
        "Transportasi dan penerangan jalan",
        "Transport and street lighting",
        5,
        "dinas-perhubungan",
    ),
    CategorySpec("ketertiban-umum", "Ketertiban umum", "Public order", 5, "satpol-pp"),
    CategorySpec("pajak-daerah", "Pajak dan retribusi daerah", "Local taxes and fees", 14, "bapenda"),
)


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    org: str  # organisation slug
    roles: tuple[str, ...]
    note: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # more (organisation slug, role) memberships


# The names are invented for the demo; NIPs are left empty on purpose.
ACCOUNTS: tuple[Account, ...] = (
    Account("koordinator", "Rina Marlina", KOORDINATOR, ("koordinator",), "verifikasi & disposisi"),
    Account("kadis.kominfo", "Ahmad Fauzan", KOORDINATOR, ("pimpinan",), "pimpinan koordinator"),
    Account("petugas.pupr", "Budi Santoso", "dinas-pupr", ("petugas",)),
    Account("kadis.pupr", "Hj. Noorhayati", "dinas-pupr", ("pimpinan",)),
    Account("petugas.disdik", "Siti Rahmah", "dinas-pendidikan", ("petugas",)),
    Account("kadis.disdik", "Muhammad Ridwan", "dinas-pendidikan", ("pimpinan",)),
    Account("petugas.dukcapil", "Nurul Hidayah", "disdukcapil", ("petugas",)),
    Account("kadis.dukcapil", "Syahrani", "disdukcapil", ("pimpinan",)),
    Account("petugas.dinkes", "dr. Wulan Sari", "dinas-kesehatan", ("petugas",)),
    Account("kadis.dinkes", "dr. Hendra Gunawan", "dinas-kesehatan", ("pimpinan",)),
    Account("petugas.rsud", "Rizky Maulana", "rsud-pangeran-jaya-sumitra", ("petugas",)),
    Account("direktur.rsud", "dr. Andi Baso", "rsud-pangeran-jaya-sumitra", ("pimpinan",)),
    Account("petugas.pdam", "Fitriani", "pdam-kotabaru", ("petugas",)),
    Account("direktur.pdam", "Ir. Syamsuddin", "pdam-kotabaru", ("pimpinan",)),
    Account("petugas.dinsos", "Yuliana", "dinas-sosial", ("petugas", "pimpinan")),
    Account("petugas.dishub", "Agus Salim", "dinas-perhubungan", ("petugas", "pimpinan")),
    Account("petugas.dlh", "Rahmadi", "dinas-lingkungan-hidup", ("petugas", "pimpinan")),
    Account("petugas.dpmptsp", "Dewi Anggraini", "dpmptsp", ("petugas", "pimpinan")),
    Account("petugas.dpmd", "Abdul Hamid", "dpmd", ("petugas", "pimpinan")),
    Account("petugas.bkpsdm", "Lina Herlina", "bkpsdm", ("petugas", "pimpinan")),
    Account("petugas.bapenda", "Hendri", "bapenda", ("petugas", "pimpinan")),
    Account("petugas.satpolpp", "Yusran", "satpol-pp", ("petugas", "pimpinan")),
    Account("petugas.perkim", "Slamet Riyadi", "dinas-perkim", ("petugas", "pimpinan")),
    Account("auditor", "Arif Rahman", INSPEKTORAT, ("auditor",), "telaah & klarifikasi"),
    Account("auditor2", "Maya Puspita", INSPEKTORAT, ("auditor",)),
    Account("inspektur", "H. Gusti Rusdi", INSPEKTORAT, ("pimpinan",), "disposisi Inspektur"),
    Account("asisten.ombudsman", "Dimas Prasetyo", OMBUDSMAN, ("petugas",), "Asisten Ombudsman"),
    Account("kepala.ombudsman", "Yudha Pranata", OMBUDSMAN, ("pimpinan", "koordinator"), "Kepala Perwakilan"),
    Account(
        "focal.pemkab",
        "Taufik Hidayat",
        PEMKAB,
        ("focal_point",),
        "focal point Pemkab untuk Ombudsman",
    ),
    Account("pemantau", "Erna Wati", KOORDINATOR, ("viewer",), "hanya melihat"),
)

# Kecamatan offices with a demo officer (kecamatan region code -> username).
KECAMATAN_STAFF = {
    "63.02.06": "petugas.kec.plu",
    "63.02.22": "petugas.kec.sigam",
    "63.02.17": "petugas.kec.kelumpanghilir",
}

SUPERUSER = "admin"


def desa_slug(name: str, kind: str) -> str:
    from django.utils.text import slugify

    return f"{'kelurahan' if kind == 'kelurahan' else 'desa'}-{slugify(name)}"


def kecamatan_slug(name: str) -> str:
    from django.utils.text import slugify

    return f"kecamatan-{slugify(name)}"


def operator_username(desa_name: str) -> str:
    from django.utils.text import slugify

    return "operator." + slugify(desa_name).replace("-", "")
