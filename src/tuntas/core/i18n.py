"""The language a request is served in, for code that picks a stored label's English variant (``name_en``,
``label_en``, ...). Bahasa Indonesia is the default; English is the second locale."""

from __future__ import annotations

from django.utils.translation import get_language


def english() -> bool:
    """Whether the active language is English; Bahasa Indonesia (or no active language) otherwise."""
    return (get_language() or "id").startswith("en")
