"""Message templates as data: render a message from its MessageTemplate row, or from the shipped file.

Convention for shipped defaults, in any app: ``templates/notify/<key>.txt`` (Indonesian) and
``templates/notify/en/<key>.txt`` (English); the first line is the subject, the rest the body. Both are
Django templates rendered without HTML escaping (messages are plain text).

``sync_message_templates`` copies the files into MessageTemplate rows so an admin can edit the wording; it
creates missing rows and refreshes rows nobody edited, but never overwrites a row an admin changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.template import Context, Template, TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.template.utils import get_app_template_dirs
from django.utils import translation

from tuntas.core import clock as time
from tuntas.notify.models import MessageTemplate

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = MessageTemplate.Language.ID
LANGUAGES = tuple(MessageTemplate.Language.values)


def file_name(key: str, language: str) -> str:
    return f"notify/{key}.txt" if language == DEFAULT_LANGUAGE else f"notify/{language}/{key}.txt"


def compile_text(subject: str, body: str) -> Template:
    """The template for a row's subject and body; raises TemplateSyntaxError when it does not compile."""
    return Template(f"{subject}\n{body}")


def _render(template: Template, context: dict) -> tuple[str, str]:
    text = template.render(Context(context, autoescape=False)).strip()
    subject, _nl, body = text.partition("\n")
    return subject.strip(), body.strip()


def _row_template(key: str, language: str) -> Template | None:
    row = (
        MessageTemplate.objects.filter(key=key, language=language, is_active=True)
        .only("subject", "body")
        .first()
    )
    if row is None:
        return None
    try:
        return compile_text(row.subject, row.body)
    except TemplateSyntaxError as exc:
        # The admin form refuses such rows; one written another way must not stop the message going out.
        log.error("message template %s/%s does not compile, using the file: %s", key, language, exc)
        return None


def _file_template(key: str, language: str) -> Template | None:
    try:
        return get_template(file_name(key, language)).template
    except TemplateDoesNotExist:
        return None


def template_for(key: str, language: str = DEFAULT_LANGUAGE) -> Template:
    """The row in ``language``, else its file, else the Indonesian row, else the Indonesian file."""
    languages = [language] if language == DEFAULT_LANGUAGE else [language, DEFAULT_LANGUAGE]
    for lang in languages:
        template = _row_template(key, lang) or _file_template(key, lang)
        if template is not None:
            return template
    raise TemplateDoesNotExist(file_name(key, DEFAULT_LANGUAGE))


def render_message(key: str, context: dict, *, language: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """(subject, body) of message ``key`` rendered in ``language`` (lazy strings translate to it too)."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    template = template_for(key, language)
    with translation.override(language):
        return _render(template, context)


# Placeholder values for the admin preview: enough for every shipped template to show its shape.
SAMPLE_CONTEXT = {
    "complaint": {
        "tracking_code": "KTB-7K3M-Q9",
        "title": "Jalan berlubang di Jl. Pangeran Hidayat",
        "url": "https://tuntas.example.id/konsol/pengaduan/1/",
    },
    "organisation": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "recipient": "Siti Rahmawati",
    "status": "Diproses",
    "message": "Tim kami sudah meninjau lokasi.",
    "next": "",
    "sender": "Bagian Organisasi Setda",
    "move": "Disposisi",
    "due_date": "2026-03-16",
    "clock": "penyelesaian",
    "days_left": 2,
    "date": "2026-03-02",
    "site_url": "https://tuntas.example.id",
    "tracking_url": "https://tuntas.example.id/lacak/KTB-7K3M-Q9/",
    "sections": [
        {
            "title": "Baru masuk (24 jam terakhir)",
            "items": [
                {
                    "tracking_code": "KTB-7K3M-Q9",
                    "title": "Jalan berlubang",
                    "url": "https://tuntas.example.id/konsol/pengaduan/1/",
                }
            ],
            "count": 1,
            "more": 0,
        },
    ],
    "total": 1,
    "items": [
        {
            "tracking_code": "KTB-7K3M-Q9",
            "title": "Jalan berlubang",
            "url": "https://tuntas.example.id/konsol/pengaduan/1/",
        }
    ],
}


def preview(subject: str, body: str, context: dict | None = None, language: str = DEFAULT_LANGUAGE) -> str:
    """The text a row would produce with sample values (raises TemplateSyntaxError when it is broken)."""
    template = compile_text(subject, body)
    with translation.override(language):
        head, text = _render(template, context or SAMPLE_CONTEXT)
    return f"{head}\n\n{text}"


@dataclass(frozen=True)
class ShippedTemplate:
    key: str
    language: str
    subject: str
    body: str
    path: Path


def _template_dirs() -> list[Path]:
    # The loaders' order: DIRS first, then the apps in INSTALLED_APPS order; the first file found wins.
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    return dirs + [Path(d) for d in get_app_template_dirs("templates")]


def shipped_templates() -> list[ShippedTemplate]:
    """Every shipped message template file, first found per (key, language)."""
    found: dict[tuple[str, str], ShippedTemplate] = {}
    for base in _template_dirs():
        for language in LANGUAGES:
            folder = base / "notify" if language == DEFAULT_LANGUAGE else base / "notify" / language
            for path in sorted(folder.glob("*.txt")):
                text = path.read_text(encoding="utf-8").strip("\n")
                subject, _nl, body = text.partition("\n")
                found.setdefault(
                    (path.stem, language), ShippedTemplate(path.stem, language, subject, body, path)
                )
    return sorted(found.values(), key=lambda t: (t.key, t.language))


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    kept: int = 0  # customised by an admin: left as they are


def sync_message_templates(using: str = "default") -> SyncResult:
    """Create a row for every shipped file without one; refresh rows nobody edited; keep customised ones."""
    result = SyncResult()
    now = time.now()
    with transaction.atomic(using=using):
        rows = {(r.key, r.language): r for r in MessageTemplate.objects.using(using).select_for_update()}
        for shipped in shipped_templates():
            row = rows.get((shipped.key, shipped.language))
            if row is None:
                MessageTemplate.objects.using(using).create(
                    key=shipped.key,
                    language=shipped.language,
                    subject=shipped.subject,
                    body=shipped.body,
                    updated_at=now,
                )
                result.created += 1
            elif row.customised:
                result.kept += 1
            elif (row.subject, row.body) != (shipped.subject, shipped.body):
                row.subject, row.body, row.updated_at = shipped.subject, shipped.body, now
                row.save(using=using, update_fields=["subject", "body", "updated_at"])
                result.updated += 1
    return result
