"""The follow-up maths, pure Python (no Django): statuses, what each move does to them, TGR balances and the
follow-up rate. The services (``services.py``) call these; the property tests pin them.

Statuses of a recommendation (the four the Inspektorat and BPK use in their monitoring of tindak lanjut):
- ``belum_ditindaklanjuti``: nothing accepted yet (the start);
- ``belum_sesuai``: the unit answered and the issuer returned it (not yet as recommended);
- ``sesuai``: the issuer accepted the follow-up as carried out as recommended (final);
- ``tidak_dapat``: tidak dapat ditindaklanjuti, with a reason the issuer accepted (final).

A unit's answer does not change the status by itself: it waits for the issuer (``awaiting_review``). The unit
answers either "done" or "cannot, because ..."; accepting "done" gives ``sesuai``, accepting "cannot" gives
``tidak_dapat``; returning gives ``belum_sesuai``. A financial finding (TGR) is accepted as done only once
the instalments paid cover the amount.

Follow-up rate (this deployment's definition, stated so results can be checked by hand): settled / total x
100, two decimals half up, where settled = sesuai + tidak_dapat (both closed with the issuer's acceptance);
with no recommendations the rate is None (nothing to follow up), never 0 or 100.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

BELUM_DITINDAKLANJUTI = "belum_ditindaklanjuti"
BELUM_SESUAI = "belum_sesuai"
SESUAI = "sesuai"
TIDAK_DAPAT = "tidak_dapat"
STATUSES = (BELUM_DITINDAKLANJUTI, BELUM_SESUAI, SESUAI, TIDAK_DAPAT)
FINAL = frozenset({SESUAI, TIDAK_DAPAT})

DONE = "done"  # the unit's claim: carried out
CANNOT = "cannot"  # the unit's claim: cannot be carried out, with a reason
CLAIMS = (DONE, CANNOT)

ISSUE, RESPOND, ACCEPT, RETURN = "issue", "respond", "accept", "return"
STEP = Decimal("0.01")


class MoveNotAllowed(ValueError):
    """A move that the status and review state do not allow; the message says why (English, for logs)."""


def is_final(status: str) -> bool:
    return status in FINAL


def after_respond(status: str, awaiting_review: bool) -> tuple[str, bool]:
    """The unit answers: only an open recommendation not already waiting for the issuer."""
    if is_final(status):
        raise MoveNotAllowed("closed")
    if awaiting_review:
        raise MoveNotAllowed("already waiting for the issuer")
    return status, True


def after_review(
    status: str,
    awaiting_review: bool,
    *,
    accept: bool,
    claim: str,
    tgr_amount: Decimal | None = None,
    tgr_paid: Decimal = Decimal(0),
) -> tuple[str, bool]:
    """The issuer accepts or returns the unit's answer; (new status, awaiting_review)."""
    if is_final(status):
        raise MoveNotAllowed("closed")
    if not awaiting_review:
        raise MoveNotAllowed("no answer to review")
    if claim not in CLAIMS:
        raise MoveNotAllowed(f"unknown claim {claim!r}")
    if not accept:
        return BELUM_SESUAI, False
    if claim == CANNOT:
        return TIDAK_DAPAT, False
    if tgr_outstanding(tgr_amount, tgr_paid) > 0:
        raise MoveNotAllowed("TGR not paid in full")
    return SESUAI, False


def tgr_outstanding(amount: Decimal | None, paid: Decimal | Iterable[Decimal] = Decimal(0)) -> Decimal:
    """What is left to return (never negative): amount minus the instalments paid; 0 without an amount."""
    if amount is None:
        return Decimal(0)
    total = paid if isinstance(paid, Decimal) else sum(paid, Decimal(0))
    return max(Decimal(0), Decimal(amount) - total)


def settled(counts: Mapping[str, int]) -> int:
    return sum(counts.get(s, 0) for s in FINAL)


def follow_up_rate(counts: Mapping[str, int]) -> Decimal | None:
    """settled / total x 100 (two decimals, half up), None when there is nothing to follow up."""
    total = sum(counts.get(s, 0) for s in STATUSES)
    if total == 0:
        return None
    return (Decimal(settled(counts)) * 100 / Decimal(total)).quantize(STEP, rounding=ROUND_HALF_UP)


def all_settled(counts: Mapping[str, int]) -> bool:
    """Every recommendation closed with the issuer's acceptance (true when there are none)."""
    return settled(counts) == sum(counts.get(s, 0) for s in STATUSES)
