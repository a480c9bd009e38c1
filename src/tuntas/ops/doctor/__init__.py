"""``tuntas doctor``: checks a deployment and says, for each finding, what to do.

Each check is a function returning findings; ``run_checks`` runs them all (a check that crashes is itself a
finding, so one broken check never hides the others). Error findings make the command exit non-zero, so it
can run from a timer and alert.
"""

from __future__ import annotations

from tuntas.ops.doctor.base import Finding, Level, run_checks

__all__ = ["Finding", "Level", "run_checks"]
