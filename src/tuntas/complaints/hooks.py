"""Hooks other apps register to learn that a complaint's text changed, called inside the writing transaction.

complaints cannot import the apps above it (triage keeps the search index), so those apps register a callable
here when they are ready. ``complaint_changed`` runs each one synchronously, inside the service's
transaction: the index row is committed with the write or rolled back with it, never half-current. A hook
that raises aborts the write, as any other part of it would.
"""

from __future__ import annotations

from collections.abc import Callable

_HOOKS: list[Callable[[int], None]] = []


def register_complaint_changed(hook: Callable[[int], None]) -> None:
    if hook not in _HOOKS:
        _HOOKS.append(hook)


def complaint_changed(complaint_id: int) -> None:
    for hook in _HOOKS:
        hook(complaint_id)
