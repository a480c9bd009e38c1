"""The shipped SKM catalogue (elements, grade bands, questionnaire versions) from YAML into the database.

``load_catalogue`` takes the model classes to write with, so the data migration passes its historical models
and ``ensure_catalogue`` (a test database flushed by a transactional test) passes the real ones.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path(__file__).resolve().parent / "data" / "skm-permenpanrb-14-2017.yaml"
QUESTIONNAIRE_SLUG = "skm-permenpanrb-14-2017"
ANSWERS = 4


def read_catalogue(path: Path = CATALOGUE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    codes = [e["code"] for e in data["elements"]]
    for q in data["questionnaires"]:
        asked = [item["element"] for item in q["questions"]]
        if sorted(asked) != sorted(codes):
            raise ValueError(f"{path}: questionnaire {q['slug']} v{q['version']} must ask each element once")
        for item in q["questions"]:
            for key in ("labels", "labels_en"):
                if len(item.get(key) or []) not in (0, ANSWERS) or (key == "labels" and not item[key]):
                    raise ValueError(f"{path}: {item['element']} needs {ANSWERS} {key}")
    return data


def load_catalogue(
    element_model, band_model, questionnaire_model, question_model, path: Path = CATALOGUE
) -> None:  # noqa: ANN001
    """Upsert the elements, the grade bands and every questionnaire version of the YAML file."""
    data = read_catalogue(path)
    elements = {}
    for sort, item in enumerate(data["elements"], start=1):
        elements[item["code"]], _ = element_model.objects.update_or_create(
            code=item["code"],
            defaults={"name": item["name"], "name_en": item.get("name_en", ""), "sort": sort * 10},
        )
    for item in data["grades"]:
        band_model.objects.update_or_create(
            code=item["code"],
            defaults={
                "label": item["label"],
                "label_en": item.get("label_en", ""),
                "low": Decimal(item["min"]),
                "high": Decimal(item["max"]),
            },
        )
    for q in data["questionnaires"]:
        questionnaire, created = questionnaire_model.objects.get_or_create(
            slug=q["slug"],
            version=q["version"],
            defaults={
                "title": q["title"],
                "title_en": q.get("title_en", ""),
                "profile": q.get("profile", {}),
            },
        )
        if not created:
            continue  # a version in use is never rewritten from the file
        for sort, item in enumerate(q["questions"], start=1):
            question_model.objects.create(
                questionnaire=questionnaire,
                element=elements[item["element"]],
                sort=sort * 10,
                text=item["text"],
                text_en=item.get("text_en", ""),
                labels=list(item["labels"]),
                labels_en=list(item.get("labels_en") or []),
            )


def ensure_catalogue() -> None:
    """Load the shipped catalogue when its rows are gone (a flushed test database)."""
    from tuntas.surveys.models import Element, GradeBand, Question, Questionnaire

    if not (Questionnaire.objects.exists() and GradeBand.objects.exists()):
        load_catalogue(Element, GradeBand, Questionnaire, Question)
