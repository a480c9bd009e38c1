"""The write side of complaints, one function per action (actor first, keyword-only arguments).

Split by concept: intake (filing), handling (SOP transitions, the only writer of a handling's state),
staff (notes, assignment, identity views), reporter (actions proved by the tracking secret), transfer (moves
between organisations that are not SOP transitions: ambil alih, the reporter's escalation). Import from here.
"""

from tuntas.complaints.services_handling import Actor, handling_open, handling_transition
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, Submitted, complaint_submit
from tuntas.complaints.services_reporter import (
    complaint_by_secret,
    complaint_by_token,
    reporter_rate,
    reporter_reply,
    reporter_token,
    reporter_withdraw,
)
from tuntas.complaints.services_staff import comment_add, handling_assign, handlings_assign, identity_view
from tuntas.complaints.services_transfer import handling_take_over, reporter_escalate

__all__ = [
    "Actor",
    "ComplaintInput",
    "ReporterInput",
    "Submitted",
    "comment_add",
    "complaint_by_secret",
    "complaint_by_token",
    "complaint_submit",
    "handling_assign",
    "handlings_assign",
    "handling_open",
    "handling_take_over",
    "handling_transition",
    "identity_view",
    "reporter_escalate",
    "reporter_rate",
    "reporter_reply",
    "reporter_token",
    "reporter_withdraw",
]
