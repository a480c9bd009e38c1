"""Hooks other apps register to learn that a complaint's text changed, called inside the writing transaction.

complaints cannot import the apps above it (triage keeps the search index), so those apps register a callable
here when they are ready. ``complaint_changed`` runs each one synchronously, inside the service's
transaction: the index row is committed with the write or rolled back with it, never half-current. A hook
that raises aborts the write, as any other part of it would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tuntas.complaints.models import Complaint, Event

_HOOKS: list[Callable[[Complaint], None]] = []


def register_complaint_changed(hook: Callable[[Complaint], None]) -> None:
    if hook not in _HOOKS:
        _HOOKS.append(hook)


_REPLY_TO: list[Callable[[Complaint], str]] = []


def register_reporter_reply_to(hook: Callable[[Complaint], str]) -> None:
    """channels registers the address a reporter's email answer should go to (the reply-token address)."""
    if hook not in _REPLY_TO:
        _REPLY_TO.append(hook)


def reporter_reply_to(complaint: Complaint) -> str:
    """The Reply-To of an email to the complaint's reporter: the first registered hook's answer, or ''."""
    for hook in _REPLY_TO:
        address = hook(complaint)
        if address:
            return address
    return ""


def complaint_changed(complaint: Complaint) -> None:
    """``complaint`` is the instance the write holds (current: its text is fixed at intake)."""
    for hook in _HOOKS:
        hook(complaint)


_EVENT_HOOKS: list[Callable[[Event], None]] = []


def register_event_added(hook: Callable[[Event], None]) -> None:
    """interop registers the webhook fan-out: each new timeline event, inside its writing transaction."""
    if hook not in _EVENT_HOOKS:
        _EVENT_HOOKS.append(hook)


def event_added(event: Event) -> None:
    for hook in _EVENT_HOOKS:
        hook(event)
