"""The write side of complaints, one function per action (actor first, keyword-only arguments).

Split by concept: intake (filing), handling (staff actions, the only writer of a handling's state),
reporter (actions proved by the tracking secret). Import from here.
"""

from tuntas.complaints.services_handling import (
    Actor,
    comment_add,
    handling_assign,
    handling_open,
    handling_transition,
    identity_view,
)
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, Submitted, complaint_submit
from tuntas.complaints.services_reporter import (
    complaint_by_secret,
    reporter_rate,
    reporter_reply,
    reporter_withdraw,
)

__all__ = [
    "Actor",
    "ComplaintInput",
    "ReporterInput",
    "Submitted",
    "comment_add",
    "complaint_by_secret",
    "complaint_submit",
    "handling_assign",
    "handling_open",
    "handling_transition",
    "identity_view",
    "reporter_rate",
    "reporter_reply",
    "reporter_withdraw",
]
