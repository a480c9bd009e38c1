"""What the reporter does with the tracking code and secret: follow, reply, accept, rate, withdraw."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from tuntas.complaints.attachments import attachments_save
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event
from tuntas.complaints.services_handling import (
    Actor,
    complaint_refresh_status,
    handling_transition,
    handlings_withdraw,
)
from tuntas.core import clock as time
from tuntas.core import codes
from tuntas.core.errors import Conflict, InvalidInput, NotFound, TooManyAttempts
from tuntas.core.files import clean_uploads
from tuntas.workflows.registry import workflow_for

REPORTER = Actor(kind="pelapor")
_DUMMY_HASH = codes.hash_secret("XXXX-XXXX-XX")


def complaint_by_secret(code: str, secret: str) -> Complaint:
    """The complaint whose code and secret both match. Either being wrong is the same answer, in constant time.

    Failed tries are also counted per tracking code (``TUNTAS_TRACK_GUESSES_PER_CODE`` in a window of
    ``TUNTAS_TRACK_GUESS_MINUTES``), whatever the address they come from: many addresses guessing at one
    code are stopped too, not only one fast address. Once the count is reached every try at that code is
    refused until the window ends, the right secret too (answering it would tell the guesser they were
    right). Codes that do not exist are counted alike, so the refusal says nothing about whether one does.
    A browser that has already proved the complaint follows it with its token and is not held back."""
    tracking_code = codes.format_code(code or "")
    guesses = _Guesses(tracking_code)
    guesses.refuse_if_spent()
    complaint = Complaint.objects.filter(tracking_code=tracking_code).first()
    ok = codes.secret_matches(secret or "", complaint.secret_hash if complaint else _DUMMY_HASH)
    if complaint is None or not ok:
        guesses.count_failure()
        raise NotFound(_("Kode lacak atau kode rahasia tidak cocok."))
    return complaint


class _Guesses:
    """A fixed-window count of failed tries at one code, in the shared cache (set TUNTAS_CACHE_BACKEND to a
    shared cache when several web workers run, as for the address limits). The window follows core.clock."""

    def __init__(self, tracking_code: str) -> None:
        self.window = max(1, settings.TUNTAS_TRACK_GUESS_MINUTES) * 60
        bucket = int(time.now().timestamp()) // self.window
        digest = hashlib.sha256(tracking_code.encode()).hexdigest()[
            :24
        ]  # any text a client sends: a safe key
        self.key = f"tuntas.track-guesses.{digest}.{bucket}"
        self.until = dt.datetime.fromtimestamp((bucket + 1) * self.window, tz=dt.UTC)

    def refuse_if_spent(self) -> None:
        if (cache.get(self.key) or 0) >= settings.TUNTAS_TRACK_GUESSES_PER_CODE:
            at = time_format(timezone.localtime(self.until), "H:i")
            raise TooManyAttempts(
                _(
                    "Terlalu banyak percobaan kode rahasia yang salah untuk kode lacak ini. Demi keamanan "
                    "pengaduan Anda, coba lagi setelah pukul %(time)s."
                )
                % {"time": at}
            )

    def count_failure(self) -> None:
        if cache.add(self.key, 1, timeout=self.window):
            return
        try:
            cache.incr(self.key)
        except ValueError:  # expired between add and incr
            cache.set(self.key, 1, timeout=self.window)


TOKEN_SALT = "tuntas.reporter-token"
TOKEN_MAX_AGE = 12 * 60 * 60


def _token_digest(complaint: Complaint) -> str:
    return salted_hmac(TOKEN_SALT, f"{complaint.pk}:{complaint.secret_hash}").hexdigest()[:32]


def reporter_token(complaint: Complaint) -> str:
    """A short-lived stand-in for the secret, for a browser that has just proved it: the portal keeps this in
    its session instead of the secret itself, so a leaked session store reveals no secret and lapses."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(f"{complaint.pk}:{_token_digest(complaint)}")


def complaint_by_token(code: str, token: str, max_age: int = TOKEN_MAX_AGE) -> Complaint:
    """The complaint a still-valid ``reporter_token`` was issued for; NotFound when expired or forged."""
    try:
        pk, digest = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token or "", max_age=max_age).split(":")
    except (signing.BadSignature, ValueError) as exc:
        raise NotFound(_("Kode lacak atau kode rahasia tidak cocok.")) from exc
    complaint = Complaint.objects.filter(pk=pk, tracking_code=codes.format_code(code or "")).first()
    if complaint is None or not constant_time_compare(digest, _token_digest(complaint)):
        raise NotFound(_("Kode lacak atau kode rahasia tidak cocok."))
    return complaint


def _locked(code: str, secret: str, token: str = "") -> Complaint:
    """Either proof of access (the secret, or a token issued for it), then the row lock."""
    complaint = complaint_by_token(code, token) if token else complaint_by_secret(code, secret)
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def reporter_reply(
    *,
    code: str,
    secret: str = "",
    token: str = "",
    message: str,
    files: tuple[tuple[str, bytes], ...] = (),
    accept: bool = False,
) -> Event:
    """The reporter answers: with ``accept`` they are satisfied with the answer; otherwise it is a reply or
    the information asked for, which takes each waiting handling's reporter transition (e.g. back to work)."""
    message = (message or "").strip()
    if not accept and not message:
        raise InvalidInput(_("Tulis tanggapan Anda."), errors={"message": _("Wajib diisi.")})
    if len(message) > 5000:
        raise InvalidInput(_("Tanggapan terlalu panjang."), errors={"message": _("Maksimal 5.000 karakter.")})
    try:
        cleaned = clean_uploads(list(files))
    except InvalidInput as exc:
        raise InvalidInput(exc.message, errors={"files": exc.message}) from exc
    with transaction.atomic():
        complaint = _locked(code, secret, token)
        if not complaint.is_open:
            raise Conflict(_("Pengaduan ini sudah ditutup."))
        trigger = "accept" if accept else "reply"
        waiting = []
        for h in complaint.handlings.filter(is_open=True).select_related("workflow"):
            spec = workflow_for(h).reporter_transition(h.state, trigger)
            if spec is not None:
                waiting.append((h, spec))
        if accept and not waiting:
            raise Conflict(_("Belum ada jawaban yang dapat Anda terima."))
        event = event_add(
            complaint=complaint,
            kind=Event.Kind.REPORTER_REPLIED,
            actor_kind="pelapor",
            visibility=Event.Visibility.REPORTER,
            message=message or _("Pelapor menerima jawaban."),
            payload={"accept": accept},
        )
        attachments_save(
            complaint=complaint,
            event=event,
            files=cleaned,
            from_reporter=True,
            identifying=False,
            visibility=Event.Visibility.REPORTER,
        )
        for h, spec in waiting:
            data = {f.name: message for f in spec.fields if f.type in ("text", "textarea")}
            handling_transition(actor=REPORTER, handling_id=h.pk, transition=spec.name, data=data)
    return event


def reporter_withdraw(*, code: str, secret: str = "", token: str = "", reason: str = "") -> Complaint:
    """Dicabut: the reporter withdraws; every open handling closes and the complaint is marked withdrawn."""
    with transaction.atomic():
        complaint = _locked(code, secret, token)
        if not complaint.is_open:
            raise Conflict(_("Pengaduan ini sudah ditutup."))
        handlings_withdraw(complaint=complaint, actor=REPORTER, reason=reason)
        Complaint.objects.filter(pk=complaint.pk).update(
            status=Complaint.Status.WITHDRAWN,
            closed_at=time.now(),
            closure_reason="dicabut",
            version=F("version") + 1,
        )
        event_add(
            complaint=complaint,
            kind=Event.Kind.WITHDRAWN,
            actor_kind="pelapor",
            visibility=Event.Visibility.PUBLIC,
            message=(reason or "").strip()[:2000],
        )
        complaint.refresh_from_db()
    return complaint


def reporter_rate(
    *, code: str, secret: str = "", token: str = "", rating: int, comment: str = ""
) -> Complaint:
    """Rate the handling 1-5, once, after the complaint is closed."""
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise InvalidInput(_("Pilih nilai 1 sampai 5."), errors={"rating": _("Nilai 1-5.")})
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise InvalidInput(_("Komentar terlalu panjang."), errors={"comment": _("Maksimal 2.000 karakter.")})
    with transaction.atomic():
        complaint = _locked(code, secret, token)
        if complaint.status != Complaint.Status.CLOSED:
            raise Conflict(_("Penilaian dapat diberikan setelah pengaduan selesai."))
        if complaint.rating is not None:
            raise Conflict(_("Anda sudah memberi penilaian."))
        Complaint.objects.filter(pk=complaint.pk).update(
            rating=rating, rating_comment=comment, rated_at=time.now(), version=F("version") + 1
        )
        event_add(
            complaint=complaint,
            kind=Event.Kind.RATED,
            actor_kind="pelapor",
            visibility=Event.Visibility.REPORTER,
            message=comment,
            payload={"rating": rating},
        )
        complaint.refresh_from_db()
    return complaint


__all__ = [
    "complaint_by_secret",
    "complaint_refresh_status",
    "reporter_rate",
    "reporter_reply",
    "reporter_withdraw",
]
