"""Texts of generated complaints: the demo's topics and phrases (read, not copied), with a plain fallback
for categories the demo has no topic for, so any regency's categories get sensible Indonesian text."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tuntas.demo.phrases import DAYS, MONTHS, PHRASES, RATING_COMMENTS, WITHDRAW_REASONS, phrase
from tuntas.demo.topics import OMBUDSMAN_TOPICS, TOPICS, Topic

__all__ = ["DAYS", "MONTHS", "RATING_COMMENTS", "WITHDRAW_REASONS", "Subject", "field_text", "subjects"]


@dataclass(frozen=True)
class Subject:
    """What a complaint can be about: a demo topic, or a category the demo has no topic for."""

    topic: Topic
    ombudsman: bool = False


def _fallback(slug: str, name: str) -> Topic:
    lower = name[0].lower() + name[1:] if name else "pelayanan publik"
    return Topic(
        f"umum-{slug}",
        slug,
        "",
        1,
        (
            (
                f"Keluhan {lower} di {{desa}}",
                f"Warga {{desa}}, Kecamatan {{kecamatan}}, mengeluhkan {lower}. Sudah {{n}} kali ditanyakan ke "
                "kantor terkait tetapi belum ada kejelasan. Mohon ditindaklanjuti dan dijelaskan kepada warga.",
            ),
            (
                f"Pelayanan {lower} lambat",
                f"Pengurusan {lower} yang saya ajukan bulan {{bulan}} belum juga selesai, padahal persyaratan "
                "sudah lengkap. Petugas hanya meminta menunggu tanpa kepastian waktu.",
            ),
        ),
    )


def subjects(category_names: dict[str, str], with_ombudsman: bool) -> list[Subject]:
    """The demo's topics whose category exists here (or that have none), then one plain subject per
    category no topic covers."""
    found = [Subject(t) for t in TOPICS if not t.category or t.category in category_names]
    if with_ombudsman:
        found += [Subject(t, True) for t in OMBUDSMAN_TOPICS if t.category in category_names]
    covered = {s.topic.category for s in found}
    found += [Subject(_fallback(slug, name)) for slug, name in category_names.items() if slug not in covered]
    return found


def fill(text: str, values: dict[str, object]) -> str:
    return text.format_map(_Blank(values))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


NUMBERED = {
    "nomor_surat_tugas": "700.1.2/{n}/ST-Itda/{year}",
    "nomor_lhp": "700.1.2/{n}/LHP-Itda/{year}",
    "nomor_surat": "700.1.2/{n}/Itda/{year}",
    "nomor_lahp": "LAHP/{n}/OMB/{year}",
    "nomor_rekomendasi": "REK/{n}/OMB/{year}",
}


def field_text(
    name: str, rng: random.Random, *, sop: str, transition: str, topic: Topic, report: int, values: dict
) -> str:
    """What staff write into an SOP field, as the demo story does (``story.Case.text``)."""
    if name == "jawaban" and topic.answers:
        return fill(topic.answers[report % len(topic.answers)], values)
    if name in ("pertanyaan", "kekurangan") and topic.questions and rng.random() < 0.7:
        return fill(rng.choice(topic.questions), values)
    numbered = NUMBERED.get(name)
    if numbered:
        return numbered.format(n=rng.randrange(100, 999), year=values["year"])
    if name == "instansi":
        return str(values.get("instansi") or "instansi terkait")
    if name == "atasan_terlapor":
        return str(values.get("atasan") or "Kepala Daerah")
    specific = (f"{sop}.{transition}.{name}", f"{sop}.{name}", f"{name}.{topic.key}")
    return fill(phrase(name, rng, *specific), values)


def reporter_text(kind: str, rng: random.Random) -> str:
    return phrase(kind, rng) if PHRASES.get(kind) else ""
