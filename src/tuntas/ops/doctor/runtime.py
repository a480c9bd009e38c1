"""Runtime checks: the worker is alive, the outbox drains, the var dir has room, media stay private."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.static import serve

from tuntas.core import clock as time
from tuntas.notify.models import OutboxMessage
from tuntas.ops.doctor.base import Finding, error, ok, warning
from tuntas.ops.heartbeat import worker_status

# A message still waiting after this long means the worker is behind or a receiver keeps failing.
BACKLOG_LATE = dt.timedelta(minutes=15)
FAILED_WINDOW = dt.timedelta(days=7)


def _worker_action() -> str:
    return _(
        "Periksa layanan pekerja: systemctl status tuntas-worker dan journalctl -u tuntas-worker; "
        "mulai ulang dengan systemctl restart tuntas-worker (atau jalankan tuntas run_huey)."
    )


def worker() -> Iterator[Finding]:
    status = worker_status()
    if status.last_seen is None:
        yield error(
            "worker",
            _(
                "Pekerja latar belakang belum pernah terlihat: notifikasi dan pemeriksaan tenggat tidak berjalan."
            ),
            _worker_action(),
        )
    elif status.silent:
        yield error(
            "worker",
            _(
                "Pekerja latar belakang terakhir terlihat %(min)d menit lalu: notifikasi dan pemeriksaan tenggat berhenti."
            )
            % {"min": status.age_seconds // 60},
            _worker_action(),
        )
    else:
        yield ok("worker", _("Pekerja latar belakang terlihat %(s)d detik lalu.") % {"s": status.age_seconds})


def outbox() -> Iterator[Finding]:
    now = time.now()
    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)
    late = pending.filter(created_at__lt=now - BACKLOG_LATE).count()
    failed = OutboxMessage.objects.filter(
        status=OutboxMessage.Status.FAILED, created_at__gte=now - FAILED_WINDOW
    ).count()
    if late:
        yield warning(
            "outbox",
            _("%(n)d pesan menunggu lebih dari 15 menit.") % {"n": late},
            _(
                "Pastikan pekerja berjalan; lihat percobaan pengiriman dan galatnya di /console/pengiriman/ "
                "(server email atau gateway SMS mungkin menolak)."
            ),
        )
    if failed:
        yield warning(
            "outbox",
            _("%(n)d pesan gagal terkirim dalam 7 hari terakhir.") % {"n": failed},
            _(
                "Lihat galatnya di /console/pengiriman/, perbaiki konfigurasi saluran, lalu kirim ulang dari sana."
            ),
        )
    if not late and not failed:
        yield ok("outbox", _("Antrean pesan lancar (%(n)d menunggu).") % {"n": pending.count()})


def disk() -> Iterator[Finding]:
    var = Path(settings.VAR_DIR)
    paths = {var, Path(settings.MEDIA_ROOT)}
    minimum = settings.TUNTAS_DISK_MIN_FREE_MB * 1024 * 1024
    seen_devices: set[int] = set()
    for path in sorted(paths):
        if not path.exists() or path.stat().st_dev in seen_devices:
            continue  # one finding per file system
        seen_devices.add(path.stat().st_dev)
        usage = shutil.disk_usage(path)
        free_mb = usage.free // (1024 * 1024)
        if usage.free < minimum:
            yield error(
                "disk",
                _("Sisa ruang disk di %(path)s tinggal %(free)d MB.") % {"path": path, "free": free_mb},
                _(
                    "Kosongkan ruang (cadangan lama, log) atau perbesar disk; di bawah %(min)d MB unggahan dan "
                    "basis data bisa gagal."
                )
                % {"min": settings.TUNTAS_DISK_MIN_FREE_MB},
            )
        elif usage.free < 4 * minimum:
            yield warning(
                "disk",
                _("Sisa ruang disk di %(path)s %(free)d MB.") % {"path": path, "free": free_mb},
                _("Rencanakan pengosongan atau penambahan disk."),
            )
        else:
            yield ok("disk", _("Sisa ruang disk di %(path)s: %(free)d MB.") % {"path": path, "free": free_mb})


def media() -> Iterator[Finding]:
    """Uploads (complaint evidence, identity documents) are served only through access-checked views."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    public_roots = [Path(settings.STATIC_ROOT), *map(Path, getattr(settings, "STATICFILES_DIRS", []))]
    if getattr(settings, "WHITENOISE_ROOT", None):
        public_roots.append(Path(settings.WHITENOISE_ROOT))
    found = False
    for root in public_roots:
        root = root.resolve()
        if media_root == root or root in media_root.parents or media_root in root.parents:
            found = True
            yield error(
                "media",
                _("Folder unggahan %(media)s berada di dalam atau memuat folder publik %(root)s.")
                % {"media": media_root, "root": root},
                _("Pisahkan TUNTAS_MEDIA_ROOT dari TUNTAS_STATIC_ROOT (mis. /var/lib/tuntas/media)."),
            )
    if settings.MEDIA_URL and _routed(settings.MEDIA_URL):
        found = True
        yield error(
            "media",
            _("Alamat %(url)s melayani unggahan tanpa pemeriksaan hak akses.") % {"url": settings.MEDIA_URL},
            _("Hapus rute media dari urls.py; berkas unggahan hanya lewat tampilan konsol."),
        )
    if media_root.exists() and media_root.stat().st_mode & stat.S_IROTH:
        found = True
        yield warning(
            "media",
            _("Folder unggahan %(media)s dapat dibaca semua pengguna sistem.") % {"media": media_root},
            _("chmod o-rwx %(media)s (nginx tidak perlu membacanya).") % {"media": media_root},
        )
    if not found:
        yield ok("media", _("Unggahan tidak dilayani secara publik."))


def _routed(url: str) -> bool:
    path = "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url
    try:
        match = resolve(path.rstrip("/") + "/doctor-probe.pdf")
    except Resolver404:
        return False
    return match.func is serve


CHECKS = [
    ("worker", worker),
    ("outbox", outbox),
    ("disk", disk),
    ("media", media),
]
