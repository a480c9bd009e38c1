"""Files on a complaint: stored cleaned (``core.files``: type checked, EXIF and document metadata removed) and
tied to the event they came with, visible to whom that event is.

The reporter's files come with the complaint or a reply (``services_intake``, ``services_reporter``); staff
attach evidence to an answer, a message to the reporter or an internal note (``services_handling``,
``services_staff``): a photo of the repaired road, a letter. A staff file is seen by whoever reads its event:
an internal note's by staff only; a message's by the reporter; a public event's by the public too, except on
a confidential or anonymous complaint, where the public never reads the text and so never gets the file
(``access.audience``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from tuntas.complaints import access
from tuntas.complaints.models import Attachment, Complaint, Event
from tuntas.core import clock as time
from tuntas.core.errors import InvalidInput
from tuntas.core.files import CleanFile, clean_uploads, store_clean_file

Upload = tuple[str, bytes]


def files_clean(files: Iterable[Upload], *, field: str = "files") -> list[CleanFile]:
    """Decode and clean uploads before any transaction (the costly part); InvalidInput names ``field``."""
    try:
        return clean_uploads(list(files))
    except InvalidInput as exc:
        raise InvalidInput(exc.message, errors={field: exc.message}) from exc


def staff_file_visibility(complaint: Complaint, event_visibility: str) -> str:
    """The visibility of a file staff attach to an event of ``event_visibility`` on ``complaint``."""
    who = access.audience(complaint, event_visibility)
    if who == "staff":
        return Event.Visibility.INTERNAL
    if who == "public":
        return Event.Visibility.PUBLIC
    return Event.Visibility.REPORTER


def attachments_save(
    *,
    complaint: Complaint,
    event: Event | None,
    files: list[CleanFile],
    from_reporter: bool,
    identifying: bool,
    visibility: str,
) -> list[Attachment]:
    saved = []
    for f in files:
        a = Attachment(
            complaint=complaint,
            event=event,
            from_reporter=from_reporter,
            identifying=identifying,
            visibility=visibility,
            created_at=time.now(),
        )
        store_clean_file(a, f)
        saved.append(a)
    return saved


def staff_attachments_save(*, event: Event, files: list[CleanFile]) -> list[Attachment]:
    """Files staff attached to ``event`` (inside the event's transaction)."""
    complaint = event.complaint
    return attachments_save(
        complaint=complaint,
        event=event,
        files=files,
        from_reporter=False,
        identifying=False,
        visibility=staff_file_visibility(complaint, event.visibility),
    )


def by_event(attachments: Iterable[Attachment]) -> dict[int, list[Attachment]]:
    """The files a reader may see, grouped by the event they came with (shown under that event)."""
    grouped: dict[int, list[Attachment]] = defaultdict(list)
    for a in attachments:
        if a.event_id is not None:
            grouped[a.event_id].append(a)
    return dict(grouped)
