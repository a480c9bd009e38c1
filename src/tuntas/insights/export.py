"""The inbox as a spreadsheet: the rows of a filtered inbox list written to CSV and XLSX.

The reporter column follows ``complaints.access``: a public complaint's reporter is named to a viewer who
may see the identity on the complaint page; a confidential one never is (the page opens it only through a
recorded reveal, one complaint at a time), an anonymous one has none. Only the reporter's name is read,
never their contact details.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from tuntas.complaints import access
from tuntas.complaints.models import Complaint, Handling, ReporterIdentity
from tuntas.core import clock
from tuntas.core.i18n import english
from tuntas.directory.models import User
from tuntas.workflows.engine import Workflow
from tuntas.workflows.models import WorkflowDefinition
from tuntas.workflows.registry import workflow_of

# Above this many rows the export is refused and the viewer asked to narrow the filters.
EXPORT_LIMIT = 5000

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


@dataclass(frozen=True)
class Column:
    header: str
    width: int


COLUMNS = (
    Column(gettext_lazy("Kode lacak"), 16),
    Column(gettext_lazy("Judul"), 48),
    Column(gettext_lazy("Kategori"), 24),
    Column(gettext_lazy("Unit"), 28),
    Column(gettext_lazy("Status"), 24),
    Column(gettext_lazy("Diterima"), 17),
    Column(gettext_lazy("Tenggat"), 12),
    Column(gettext_lazy("Terlambat (hari)"), 10),
    Column(gettext_lazy("Petugas"), 24),
    Column(gettext_lazy("Pelapor"), 28),
    Column(gettext_lazy("Kanal"), 14),
    Column(gettext_lazy("Kecamatan"), 20),
    Column(gettext_lazy("Desa"), 20),
)

# What one row reads: the handling and its complaint, joined; nothing of the reporter's identity.
_FIELDS = (
    "complaint_id",
    "complaint__tracking_code",
    "complaint__title",
    "complaint__category__name",
    "complaint__privacy",
    "complaint__channel",
    "complaint__region__level",
    "complaint__region__name",
    "complaint__region__parent__name",
    "organisation__name",
    "organisation__short_name",
    "workflow_id",
    "state",
    "is_open",
    "opened_at",
    "closed_at",
    "due_date",
    "assignee__full_name",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
)

Row = tuple[object, ...]


def inbox_rows(user: User, handlings: QuerySet[Handling], *, limit: int = EXPORT_LIMIT) -> list[Row] | None:
    """The export rows of ``handlings`` (an inbox list, in its order) for ``user``, or None when there are
    more than ``limit``. Four queries whatever the number of rows."""
    values = list(handlings.values(*_FIELDS)[: limit + 1])
    if len(values) > limit:
        return None
    complaint_ids = {v["complaint_id"] for v in values}
    shown = access.public_identity_complaint_ids(user, complaint_ids)
    names = dict(ReporterIdentity.objects.filter(complaint_id__in=shown).values_list("complaint_id", "name"))
    definitions = WorkflowDefinition.objects.filter(pk__in={v["workflow_id"] for v in values})
    workflows = {d.pk: workflow_of(d) for d in definitions}
    return rows(values, names=names, workflows=workflows, today=clock.today())


def rows(
    values: Iterable[dict],
    *,
    names: dict[int, str],
    workflows: dict[int, Workflow],
    today: dt.date,
) -> list[Row]:
    """One row per handling, in ``COLUMNS`` order; ``names``: the reporter names the viewer may read."""
    return [_row(v, names, workflows, today) for v in values]


def _row(v: dict, names: dict[int, str], workflows: dict[int, Workflow], today: dt.date) -> Row:
    kecamatan, desa = _kecamatan_desa(v)
    return (
        v["complaint__tracking_code"],
        v["complaint__title"],
        v["complaint__category__name"] or "",
        v["organisation__short_name"] or v["organisation__name"],
        _state_label(workflows.get(v["workflow_id"]), v["state"]),
        timezone.localtime(v["opened_at"]),
        v["due_date"],
        _days_late(v, today),
        _assignee(v),
        _reporter(v, names),
        str(Complaint.Channel(v["complaint__channel"]).label),
        kecamatan,
        desa,
    )


def _state_label(workflow: Workflow | None, name: str) -> str:
    state = workflow.states.get(name) if workflow else None
    if state is None:
        return name
    return (state.label_en or state.label) if english() else state.label


def _days_late(v: dict, today: dt.date) -> int | None:
    """Calendar days past the deadline: until today while open, until closing once closed; None: no deadline."""
    due = v["due_date"]
    if due is None:
        return None
    end = today if v["is_open"] or v["closed_at"] is None else timezone.localdate(v["closed_at"])
    return max(0, (end - due).days)


def _assignee(v: dict) -> str:
    if not v["assignee__username"]:
        return ""
    full = f"{v['assignee__first_name']} {v['assignee__last_name']}".strip()
    return v["assignee__full_name"] or full or v["assignee__username"]


def _reporter(v: dict, names: dict[int, str]) -> str:
    """The same words as the complaint page's identity panel when it shows no name."""
    privacy = v["complaint__privacy"]
    if privacy == Complaint.Privacy.ANONYMOUS:
        return str(Complaint.Privacy.ANONYMOUS.label)
    if privacy == Complaint.Privacy.PUBLIC and v["complaint_id"] in names:
        return names[v["complaint_id"]]
    if privacy == Complaint.Privacy.CONFIDENTIAL:
        return _("Identitas dirahasiakan")
    return _("Identitas pelapor tidak ditampilkan untuk peran Anda.")


def _kecamatan_desa(v: dict) -> tuple[str, str]:
    level = v["complaint__region__level"]
    if level == 4:
        return v["complaint__region__parent__name"] or "", v["complaint__region__name"]
    if level == 3:
        return v["complaint__region__name"], ""
    return "", ""


def _text(value: str) -> str:
    """A reporter's text must not become a formula in a spreadsheet (CSV/formula injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def headers() -> list[str]:
    return [str(c.header) for c in COLUMNS]


def write_csv(table: Sequence[Row]) -> bytes:
    """UTF-8 with a byte order mark (so Excel reads it as UTF-8), comma-separated, local times."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers())
    for row in table:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _text(value)
    return value


def write_xlsx(table: Sequence[Row]) -> bytes:
    """One sheet: a bold, frozen header row; dates and times as Excel dates (local time), counts as numbers,
    text always stored as text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Kotak masuk")
    bold = Font(bold=True)
    for col, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=col, value=str(column.header))
        cell.font = bold
        sheet.column_dimensions[cell.column_letter].width = column.width
    for r, row in enumerate(table, start=2):
        for col, value in enumerate(row, start=1):
            _xlsx_cell(sheet.cell(row=r, column=col), value)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_cell(cell, value: object) -> None:  # noqa: ANN001 - an openpyxl cell
    if isinstance(value, dt.datetime):
        cell.value = value.replace(tzinfo=None)  # local time: Excel has no time zones
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # openpyxl would otherwise read a leading "=" as a formula
    else:
        cell.value = value
