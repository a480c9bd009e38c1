"""What a production process says once when it starts: settings that leave users worse off when missing.

The doctor (``manage.py doctor``) checks all of the deployment on demand; this is the short list worth a
line in the log of every server and worker start, where an operator looks first.
"""

from __future__ import annotations

import logging
import os
import sys

from django.conf import settings

log = logging.getLogger("tuntas.ops")


def is_production() -> bool:
    return not (
        settings.DEBUG
        or getattr(settings, "DEMO", False)
        or os.environ.get("TUNTAS_TESTING")
        or "pytest" in sys.modules
    )


def startup_warnings() -> list[str]:
    """The warnings for this configuration (empty outside production)."""
    warnings = []
    if not settings.TUNTAS_SITE_URL:
        warnings.append(
            "TUNTAS_SITE_URL is not set: links in messages written by the worker (deadlines, daily digest) "
            "carry only a path; messages written while serving a request use that request's address. "
            "Set it to the public address, e.g. https://lapor.kotabarukab.go.id (see `manage.py doctor`)."
        )
    return warnings


def warn_at_start() -> None:
    if not is_production():
        return
    for text in startup_warnings():
        log.warning(text)
