"""Reads of cooperation agreements, filtered by what the actor may see (access.py): an agreement the actor
does not see, or anything under it, is NotFound. The public summary (portal) holds no personal names."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Min, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tuntas.complaints.models import Complaint
from tuntas.cooperation import access
from tuntas.cooperation.calc import SELESAI, TERLAMBAT, Change, Windows, display_status, windows_around
from tuntas.cooperation.models import (
    Activity,
    Agreement,
    AgreementArea,
    LogEntry,
    Participant,
    Participation,
    Training,
    Upload,
)
from tuntas.core import clock
from tuntas.core.errors import NotFound
from tuntas.directory.models import Organisation, User

# --- agreements ----------------------------------------------------------------------------------------------


def agreements_for(user: User) -> QuerySet[Agreement]:
    return access.visible_agreements(user).select_related("pemkab", "ombudsman", "coordinator", "document")


def agreement_for(user: User, agreement_id: int) -> Agreement:
    agreement = agreements_for(user).filter(pk=agreement_id).first()
    if agreement is None:
        raise NotFound(_("Nota kesepakatan tidak ditemukan."))
    return agreement


def side_organisations(agreement: Agreement) -> QuerySet[Organisation]:
    """Organisations that may own activities or take part in trainings, the Pemkab's own units first."""
    return (
        Organisation.objects.filter(pk__in=access.side_ids(agreement), is_active=True)
        .select_related("kind")
        .order_by("kind__sort", "name")
    )


@dataclass(frozen=True)
class AreaProgress:
    area: AgreementArea
    activities: int
    done: int
    overdue: int
    progress: int  # mean of the activities' percentages, 0 without activities

    @property
    def bar(self) -> int:
        """The progress rounded to the 5% steps the CSS has classes for (co-bar__fill--0 ... --100)."""
        return 5 * round(self.progress / 5)

    @property
    def state(self) -> str:
        """ "done" when every activity is finished; overdue ones are listed apart, not painted on the bar."""
        return "done" if self.activities and self.done == self.activities else ""


def area_progress(agreement: Agreement, today: dt.date | None = None) -> list[AreaProgress]:
    """Each area of the agreement with its activities counted and their mean progress, aggregated in the
    database."""
    today = today or clock.today()
    rows = (
        AgreementArea.objects.filter(agreement=agreement)
        .select_related("area")
        .annotate(
            n=Count("activities"),
            n_done=Count("activities", filter=Q(activities__status=SELESAI)),
            n_overdue=Count(
                "activities", filter=~Q(activities__status=SELESAI) & Q(activities__due_on__lt=today)
            ),
            mean=Avg("activities__progress"),
        )
        .order_by("sort", "pk")
    )
    return [AreaProgress(r, r.n, r.n_done, r.n_overdue, round(r.mean or 0)) for r in rows]


def overall_progress(areas: list[AreaProgress]) -> int:
    total = sum(a.activities for a in areas)
    return round(sum(a.progress * a.activities for a in areas) / total) if total else 0


def with_display_status(activities: list[Activity], today: dt.date | None = None) -> list[Activity]:
    """Sets ``display_status`` (rencana/berjalan/selesai/terlambat) on each activity for the templates."""
    today = today or clock.today()
    for activity in activities:
        activity.display_status = display_status(activity.status, activity.due_on, today)
        activity.bar = 5 * round(activity.progress / 5)
        activity.bar_state = {TERLAMBAT: "late", SELESAI: "done"}.get(activity.display_status, "")
    return activities


def overdue_activities(agreement: Agreement, today: dt.date | None = None) -> list[Activity]:
    today = today or clock.today()
    qs = (
        Activity.objects.filter(area__agreement=agreement, due_on__lt=today)
        .exclude(status=SELESAI)
        .select_related("owner", "area__area")
        .order_by("due_on", "pk")
    )
    return with_display_status(list(qs), today)


def area_for(user: User, area_id: int) -> AgreementArea:
    area = (
        AgreementArea.objects.filter(pk=area_id, agreement__in=access.visible_agreements(user))
        .select_related("area", "agreement__pemkab", "agreement__ombudsman")
        .first()
    )
    if area is None:
        raise NotFound(_("Bidang tidak ditemukan."))
    return area


def activities_of(area: AgreementArea) -> list[Activity]:
    return with_display_status(list(area.activities.select_related("owner").order_by("due_on", "pk")))


def activities_in(agreement: Agreement) -> QuerySet[Activity]:
    return Activity.objects.filter(area__agreement=agreement).order_by("area__sort", "due_on", "pk")


def activity_for(user: User, activity_id: int) -> Activity:
    activity = (
        Activity.objects.filter(pk=activity_id, area__agreement__in=access.visible_agreements(user))
        .select_related("owner", "area__area", "area__agreement__pemkab", "area__agreement__ombudsman")
        .first()
    )
    if activity is None:
        raise NotFound(_("Kegiatan tidak ditemukan."))
    return with_display_status([activity])[0]


def log_of(**filters: object) -> QuerySet[LogEntry]:
    """Log entries (e.g. ``activity=...``), oldest first, with their actors and files."""
    return LogEntry.objects.filter(**filters).select_related("actor").prefetch_related("uploads")


def upload_for(user: User, upload_id: int) -> Upload:
    upload = Upload.objects.filter(pk=upload_id, agreement__in=access.visible_agreements(user)).first()
    if upload is None:
        raise NotFound(_("Berkas tidak ditemukan."))
    return upload


# --- trainings -----------------------------------------------------------------------------------------------


def trainings_of(agreement: Agreement) -> QuerySet[Training]:
    """The agreement's trainings, newest first, with organisations and participants counted in the database."""
    return (
        Training.objects.filter(agreement=agreement)
        .select_related("kind", "organiser", "activity")
        .annotate(
            n_orgs=Count("participations", distinct=True),
            n_invited=Sum("participations__invited"),
            n_attended=Sum("participations__attended"),
        )
        .order_by("-starts_on", "-pk")
    )


def training_for(user: User, training_id: int) -> Training:
    training = (
        Training.objects.filter(pk=training_id, agreement__in=access.visible_agreements(user))
        .select_related("kind", "organiser", "activity", "agreement__pemkab", "agreement__ombudsman")
        .first()
    )
    if training is None:
        raise NotFound(_("Pelatihan tidak ditemukan."))
    return training


def participations_of(training: Training) -> list[Participation]:
    """Organisations taking part, each with ``named`` (its named participants) set."""
    rows = list(training.participations.select_related("organisation").order_by("organisation__name"))
    named: dict[int, list[Participant]] = defaultdict(list)
    for p in (
        Participant.objects.filter(participation__training=training)
        .select_related("user")
        .order_by("user__full_name", "user__username")
    ):
        named[p.participation_id].append(p)
    for row in rows:
        row.named = named.get(row.pk, [])
    return rows


# --- before/after report -------------------------------------------------------------------------------------


@dataclass
class TrainedOrganisation:
    organisation: Organisation
    trainings: list[Training] = field(default_factory=list)
    windows: Windows | None = None
    change: Change | None = None

    @property
    def first(self) -> Training:
        return self.trainings[0]


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min), timezone.get_current_timezone())


def _in_days(start: dt.date, end: dt.date) -> Q:
    return Q(submitted_at__gte=_day_start(start), submitted_at__lt=_day_start(end + dt.timedelta(days=1)))


def complaints_concerning(org: Organisation) -> Q:
    """The complaints counted for an organisation: it is the party complained about (terlapor), or, for a work
    unit (OPD, kecamatan, desa), it handled the complaint: a disposition to it means the complaint is about its
    service. Oversight and coordination bodies (kinds that see confidential identities: koordinator,
    Inspektorat, Ombudsman) handle other units' complaints, so for them only the terlapor ones count."""
    about = Q(reported_organisation_id=org.pk)
    if org.kind.sees_confidential_identity:
        return about
    return about | Q(handlings__organisation_id=org.pk)


def data_since() -> dt.date | None:
    """The local date of the first complaint recorded: before it, zero complaints means "not recorded"."""
    first = Complaint.objects.aggregate(first=Min("submitted_at"))["first"]
    return timezone.localdate(first) if first else None


CHUNK = (
    40  # organisations per counting query: 2 filtered counts each stays far below SQLite's parameter limit
)


def _count(rows: list[TrainedOrganisation]) -> None:
    """Before/after complaint counts for every row with windows, a few dozen organisations per query."""
    rows = [r for r in rows if r.windows and r.windows.days]
    for i in range(0, len(rows), CHUNK):
        chunk = rows[i : i + CHUNK]
        aggregates = {}
        for r in chunk:
            w, org, concerning = r.windows, r.organisation.pk, complaints_concerning(r.organisation)
            before, after = _in_days(w.before_start, w.before_end), _in_days(w.after_start, w.after_end)
            aggregates[f"b{org}"] = Count("pk", filter=concerning & before, distinct=True)
            aggregates[f"a{org}"] = Count("pk", filter=concerning & after, distinct=True)
        earliest = min(r.windows.before_start for r in chunk)
        latest = max(r.windows.after_end for r in chunk)
        counts = Complaint.objects.filter(
            _in_days(earliest, latest), classification=Complaint.Classification.PENGADUAN
        ).aggregate(**aggregates)
        for r in chunk:
            r.change = Change(counts[f"b{r.organisation.pk}"], counts[f"a{r.organisation.pk}"])


def training_impact(
    agreement: Agreement, *, wanted_days: int = 90, today: dt.date | None = None
) -> list[TrainedOrganisation]:
    """Organisations with participants who attended a training of the agreement, each with the trainings
    attended, the windows around its first one and the complaints in them; sorted by change (largest fall
    first), rows without enough data last."""
    today = today or clock.today()
    attended = (
        Participation.objects.filter(
            training__agreement=agreement, attended__gt=0, training__starts_on__lte=today
        )
        .select_related("organisation__kind", "training__kind")
        .order_by("organisation__name", "training__starts_on", "training__pk")
    )
    by_org: dict[int, TrainedOrganisation] = {}
    for p in attended:
        by_org.setdefault(p.organisation_id, TrainedOrganisation(p.organisation)).trainings.append(p.training)
    since = data_since()
    rows = list(by_org.values())
    for r in rows:
        r.windows = windows_around(
            first_day=r.first.starts_on,
            last_day=r.first.ends_on,
            wanted_days=wanted_days,
            today=today,
            data_since=since,
        )
    _count(rows)

    def key(r: TrainedOrganisation) -> tuple:
        sufficient = r.windows.sufficient and r.change is not None
        return (not sufficient, r.change.delta if sufficient else 0, r.organisation.name)

    return sorted(rows, key=key)


# --- portal --------------------------------------------------------------------------------------------------


@dataclass
class PublicSummary:
    agreement: Agreement
    areas: list[AreaProgress]
    by_kind_year: list[tuple[str, int, int]]  # (kind label, year, trainings held)
    trainings_held: int
    organisations_reached: int
    participants: int


def public_summaries(today: dt.date | None = None) -> list[PublicSummary]:
    """Public agreements with their areas' progress and the trainings held so far: counts per kind and year,
    organisations reached and participants who attended. No personal names."""
    today = today or clock.today()
    summaries = []
    for agreement in (
        Agreement.objects.filter(is_public=True).select_related("pemkab", "ombudsman").order_by("-signed_on")
    ):
        held = Training.objects.filter(agreement=agreement, starts_on__lte=today).select_related("kind")
        counter = Counter((t.kind.label, t.kind.sort, t.starts_on.year) for t in held)
        reached = Participation.objects.filter(
            training__agreement=agreement, training__starts_on__lte=today, attended__gt=0
        )
        totals = reached.aggregate(orgs=Count("organisation", distinct=True), people=Sum("attended"))
        summaries.append(
            PublicSummary(
                agreement=agreement,
                areas=area_progress(agreement, today),
                by_kind_year=[
                    (label, year, n)
                    for (label, _sort, year), n in sorted(
                        counter.items(), key=lambda kv: (-kv[0][2], kv[0][1])
                    )
                ],
                trainings_held=sum(counter.values()),
                organisations_reached=totals["orgs"] or 0,
                participants=totals["people"] or 0,
            )
        )
    return summaries
