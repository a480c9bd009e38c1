"""The English catalogue (src/tuntas/locale/en): complete, compiled, and used by the portal, the console and
the API.

The .po file is read with a small scanner below (no polib), the .mo with Python's gettext. The source-coverage
test reruns makemessages on a copy of the source tree and needs the gettext tools; it is skipped without them.
"""

from __future__ import annotations

import ast
import gettext
import html
import re
import shutil
import struct
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

import tuntas
from tuntas.complaints import services

PACKAGE_DIR = Path(tuntas.__file__).resolve().parent
MESSAGES_DIR = PACKAGE_DIR / "locale" / "en" / "LC_MESSAGES"
PO_PATH = MESSAGES_DIR / "django.po"
MO_PATH = MESSAGES_DIR / "django.mo"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
ID = {"HTTP_ACCEPT_LANGUAGE": "id"}


# --- a minimal .po reader -----------------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    def pairs(self) -> list[tuple[str, str]]:
        """(source, translation) pairs: the singular against msgstr[0], the plural against the others."""
        if self.msgid_plural is None:
            return [(self.msgid, self.msgstr.get(0, ""))]
        return [(self.msgid if n == 0 else self.msgid_plural, s) for n, s in sorted(self.msgstr.items())]


def _unquote(text: str) -> str:
    return ast.literal_eval(text.strip())  # PO strings use C escapes, which a Python literal reads the same


def read_po(path: Path) -> tuple[Entry, list[Entry]]:
    """The header entry and the live (non-obsolete) entries of a .po file."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None  # the field continuation lines append to

    def finish() -> None:
        nonlocal current, target
        if current is not None:
            entries.append(current)
        current, target = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):  # obsolete entries are ignored by msgfmt and gettext
            continue
        if line.startswith("#,"):
            if current is not None and target is not None:
                finish()
            current = current or Entry(line=number)
            current.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        if line.startswith("#"):
            if current is not None and target is not None:
                finish()
            current = current or Entry(line=number)
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert current is not None and target is not None, f"{path}:{number}: stray string"
            name, index = target
            if name == "msgstr":
                current.msgstr[index] += _unquote(line)
            else:
                setattr(current, name, getattr(current, name) + _unquote(line))
            continue
        starts_entry = keyword == "msgctxt" or (keyword == "msgid" and (target or ("",))[0] != "msgctxt")
        if starts_entry and current is not None and target is not None:
            finish()  # a new entry without a blank line in between (a msgid after its msgctxt belongs to it)
        current = current or Entry(line=number)
        match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
        if keyword in ("msgid", "msgid_plural", "msgctxt"):
            setattr(current, keyword, _unquote(rest))
            target = (keyword, 0)
        elif keyword == "msgstr" or match:
            index = int(match.group(1)) if match else 0
            current.msgstr[index] = _unquote(rest)
            target = ("msgstr", index)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    header = next(e for e in entries if e.msgid == "" and e.msgctxt is None)
    return header, [e for e in entries if e is not header]


def _describe(entries: list[Entry]) -> str:
    return "\n".join(f"  line {e.line}: {e.msgid!r}" for e in entries)


# Placeholders a translation must keep: %(name)s, %s/%d, {name}, and HTML tags.
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdfir]|%[sdfir]|%%|\{\w*\}")
_TAG = re.compile(r"<[^>]+>")


# --- the catalogue ------------------------------------------------------------------------------------------


def test_catalogue_header_is_english_with_two_plural_forms():
    header, entries = read_po(PO_PATH)
    meta = header.msgstr[0]
    assert "Language: en\n" in meta
    assert "charset=UTF-8" in meta
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in meta
    assert not header.fuzzy, "a fuzzy header makes msgfmt drop the charset and plural forms"
    assert len(entries) > 500


def test_every_entry_is_translated_and_none_is_fuzzy():
    _, entries = read_po(PO_PATH)
    fuzzy = [e for e in entries if e.fuzzy]
    untranslated = [e for e in entries if not e.translated]
    assert not fuzzy, f"fuzzy entries (ignored at runtime) in {PO_PATH}:\n{_describe(fuzzy)}"
    assert not untranslated, f"untranslated entries in {PO_PATH}:\n{_describe(untranslated)}"
    plural = [e for e in entries if e.msgid_plural is not None]
    assert all(sorted(e.msgstr) == [0, 1] for e in plural), _describe(plural)


def test_translations_keep_placeholders_and_html():
    _, entries = read_po(PO_PATH)
    broken = []
    for e in entries:
        for source, translation in e.pairs():
            if Counter(_PLACEHOLDER.findall(source)) != Counter(_PLACEHOLDER.findall(translation)):
                broken.append(f"line {e.line}: placeholders {source!r} -> {translation!r}")
            if Counter(_TAG.findall(source)) != Counter(_TAG.findall(translation)):
                broken.append(f"line {e.line}: HTML {source!r} -> {translation!r}")
    assert not broken, "\n".join(broken)


def test_compiled_catalogue_matches_the_po_file():
    """The .mo is committed (users may have no msgfmt): it must be compiled from the current .po."""
    _, entries = read_po(PO_PATH)
    data = MO_PATH.read_bytes()
    magic, _revision, count = struct.unpack("<3I", data[:12])
    assert magic == 0x950412DE
    assert count == len(entries) + 1, "stale django.mo: run compilemessages (from src/tuntas)"
    with MO_PATH.open("rb") as fp:
        mo = gettext.GNUTranslations(fp)
    assert mo.info()["language"] == "en"
    assert mo.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"
    stale = []
    for e in entries:
        if e.msgid_plural is None:
            got = [mo.pgettext(e.msgctxt, e.msgid) if e.msgctxt is not None else mo.gettext(e.msgid)]
            want = [e.msgstr[0]]
        else:
            got = [mo.ngettext(e.msgid, e.msgid_plural, n) for n in (1, 2)]
            want = [e.msgstr[0], e.msgstr[1]]
        if got != want:
            stale.append(f"line {e.line}: {e.msgid!r}: .mo has {got!r}, .po has {want!r}")
    assert not stale, "stale django.mo: run compilemessages (from src/tuntas)\n" + "\n".join(stale)


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msguniq", "msgattrib")),
    reason="needs the gettext tools",
)
def test_catalogue_covers_every_message_in_the_source(settings, tmp_path, monkeypatch):
    """makemessages on a copy of the tree adds nothing untranslated: new UI text came with its English."""
    tree = tmp_path / "tuntas"
    shutil.copytree(
        PACKAGE_DIR, tree, ignore=shutil.ignore_patterns("__pycache__", "static", "migrations", "*.mo")
    )
    settings.LOCALE_PATHS = [tree / "locale"]
    monkeypatch.chdir(tree)
    call_command("makemessages", locale=["en"], ignore_patterns=["*/migrations/*", "*/tests/*"], verbosity=0)
    _, fresh = read_po(tree / "locale" / "en" / "LC_MESSAGES" / "django.po")
    missing = [e for e in fresh if e.fuzzy or not e.translated]
    assert not missing, (
        "messages without an English translation; run makemessages -l en from src/tuntas, translate them "
        f"in {PO_PATH.relative_to(PACKAGE_DIR.parent.parent)} and run compilemessages:\n{_describe(missing)}"
    )


# --- pages in English ---------------------------------------------------------------------------------------


def _visible_text(page: str) -> str:
    """Text a person sees or hears: element text plus labels in attributes (aria-label, placeholder...)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    labels = re.findall(r'\b(?:aria-label|placeholder|title|alt)="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(" ".join([text, *labels])))


def _indonesian_phrases() -> list[str]:
    """Catalogue phrases whose English differs; none of them may show on a page rendered in English."""
    _, entries = read_po(PO_PATH)
    return [
        e.msgid
        for e in entries
        if e.msgid_plural is None
        and " " in e.msgid.strip()
        and len(e.msgid) >= 10
        and not re.search(r"[%{<]", e.msgid)
        and e.msgstr[0] != e.msgid
    ]


def assert_english(page: str, *expected: str) -> None:
    __tracebackhide__ = True
    assert '<html lang="en"' in page
    text = _visible_text(page)
    for phrase in expected:
        assert phrase in text, f"{phrase!r} missing from the English page"
    leftovers = [p for p in _indonesian_phrases() if p in text]
    assert not leftovers, f"Indonesian text on the English page: {leftovers}"


@pytest.mark.django_db
def test_portal_home_in_english(client, directory):
    page = client.get("/", **EN).content.decode()
    assert_english(page, "Make a complaint", "Follow your complaint", "Your identity is protected")
    assert "Buat pengaduan" not in page
    assert "Identitas Anda terlindungi" not in page


@pytest.mark.django_db
def test_portal_home_stays_indonesian_by_default(client, directory):
    page = client.get("/", **ID).content.decode()
    assert '<html lang="id"' in page
    assert "Buat pengaduan" in page and "Make a complaint" not in page
    assert "Buat pengaduan" in Client().get("/").content.decode()  # no Accept-Language: LANGUAGE_CODE "id"


@pytest.mark.django_db
def test_submit_page_in_english(client, directory):
    response = client.get("/lapor/", **EN)
    assert response.status_code == 200
    page = response.content.decode()
    assert_english(
        page,
        "Make a complaint",
        "1. What happened?",
        "2. Where?",
        "Who may know who you are?",
        "Send the complaint",
    )
    for indonesian in ("Kirim pengaduan", "Apa yang terjadi?", "Data diri", "(opsional)", "Bukti"):
        assert indonesian not in _visible_text(page)


@pytest.mark.django_db
def test_submit_errors_in_english(client, directory):
    response = client.post("/lapor/", {"title": "Abc", "description": "pendek", "privacy": "anonymous"}, **EN)
    assert response.status_code in (200, 422)
    page = response.content.decode()
    assert_english(page, "Some answers need correcting")


@pytest.mark.django_db
def test_language_switch_sets_english_for_later_pages(client, directory):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/lapor/"}, **ID)
    assert response.status_code == 302 and response["Location"] == "/lapor/"
    page = client.get("/lapor/", **ID).content.decode()  # the cookie wins over the browser's language
    assert_english(page, "Send the complaint")
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Kirim pengaduan" in client.get("/lapor/").content.decode()


@pytest.mark.django_db
def test_track_and_not_found_pages_in_english(client, directory):
    assert_english(client.get("/lacak/", **EN).content.decode(), "Follow a complaint", "Secret code")
    response = client.get("/tidak-ada-halaman/", **EN)
    assert response.status_code == 404
    assert_english(response.content.decode(), "Page not found")


@pytest.mark.django_db
def test_console_login_in_english(client, directory):
    page = client.get("/console/masuk/", **EN).content.decode()
    assert_english(page, "Sign in to the staff console", "Sign in")
    assert "Masuk ke konsol petugas" not in page


@pytest.mark.django_db
def test_console_inbox_and_complaint_in_english(client, directory):
    complaint = services.complaint_submit(
        data=services.ComplaintInput(
            title="Jalan desa berlubang besar",
            description="Jalan utama Desa Sigam berlubang besar sejak bulan lalu dan membahayakan pengendara.",
            privacy="confidential",
            category="jalan",
            region_code="63.02.06.2005",
            reported_organisation="dinas-pupr",
            reporter=services.ReporterInput(name="Siti Rahmawati", email="siti@contoh.id"),
        ),
    ).complaint
    client.force_login(directory.koordinator)
    inbox = client.get("/console/", **EN)
    assert inbox.status_code == 200
    assert_english(inbox.content.decode(), "Inbox", "Sign out", "Deadline")
    detail = client.get(f"/console/pengaduan/{complaint.pk}/", **EN)
    assert detail.status_code == 200
    assert_english(detail.content.decode(), "Reporter identity", "Actions")


# --- the API ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_errors_follow_accept_language(client, directory):
    english = client.get("/api/tidak-ada", **EN)
    assert english.status_code == 404
    assert english.json()["message"] == "Unknown API address."
    assert client.get("/api/tidak-ada", **ID).json()["message"] == "Alamat API tidak dikenal."

    body = {
        "title": "Abc",
        "description": "Jalan utama Desa Sigam berlubang besar sejak bulan lalu.",
        "privacy": "anonymous",
        "region_code": "63.02.06.2005",
    }
    invalid = client.post("/api/v1/complaints", body, content_type="application/json", **EN)
    assert invalid.status_code == 422, invalid.content
    assert invalid.json()["message"] == "Check the marked fields."
    assert invalid.json()["errors"]["title"] == "The title needs at least 5 characters."
