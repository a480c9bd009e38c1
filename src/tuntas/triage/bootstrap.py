"""Training examples for a deployment with no history yet, from what it already says about itself: the
complaint categories (and the unit each goes to by default), the organisations' public profiles and the
services they list, the published service standards (the 14 components' texts), and the maladministration
types of the Ombudsman SOP with the words complaints use for them (``maladministration.yaml``).

Read-only queries of public data; nothing here writes.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path

import yaml

from tuntas.triage.train import Example

MALADMINISTRATION_FILE = Path(__file__).with_name("maladministration.yaml")
MALADMINISTRATION_FIELD = "dugaan_maladministrasi"
VILLAGE_KINDS = frozenset({"desa", "kelurahan", "desa_adat"})
ROUTABLE_KINDS = frozenset({"opd", "inspektorat", "kecamatan", *VILLAGE_KINDS})


def routing_label(slug: str, kind: str) -> str:
    """The label the model learns for a receiving unit. Villages and kecamatan are one label each ("desa",
    "kecamatan"): which village or kecamatan follows from the complaint's location, not from its words,
    as in the demo's topics."""
    if kind in VILLAGE_KINDS:
        return "desa"
    if kind == "kecamatan":
        return "kecamatan"
    return slug


@functools.cache
def _malad_words() -> dict[str, str]:
    return yaml.safe_load(MALADMINISTRATION_FILE.read_text(encoding="utf-8"))


def maladministration_types() -> list[tuple[str, str]]:
    """(value, label) of the maladministration types, from the active Ombudsman SOP (or the shipped file when
    the SOPs are not loaded)."""
    from tuntas.workflows.loader import default_definitions_dir, load_workflow_file
    from tuntas.workflows.models import WorkflowDefinition
    from tuntas.workflows.registry import workflow_of

    definition = (
        WorkflowDefinition.objects.filter(slug="ombudsman", is_active=True).order_by("-version").first()
    )
    if definition is not None:
        workflow = workflow_of(definition)
    else:
        workflow = load_workflow_file(default_definitions_dir() / "ombudsman.yaml")
    found: dict[str, str] = {}
    for transition in workflow.transitions.values():
        for spec in transition.fields:
            if spec.name == MALADMINISTRATION_FIELD:
                found.update((c.value, c.label) for c in spec.choices)
    return list(found.items())


def bootstrap_examples() -> list[Example]:
    """Examples built from the deployment's categories, organisations, services, standards and the
    maladministration types."""
    from tuntas.complaints.models import Category
    from tuntas.directory.models import Organisation
    from tuntas.standards.models import Service, ServiceStandard, StandardComponent

    out: list[Example] = []
    orgs = {
        row["pk"]: row
        for row in Organisation.objects.filter(is_active=True, kind_id__in=ROUTABLE_KINDS).values(
            "pk", "slug", "kind_id", "kind__name", "name", "short_name", "description"
        )
    }
    categories_of: dict[int, list[str]] = defaultdict(list)
    for cat in Category.objects.filter(is_active=True).values("slug", "name", "default_organisation_id"):
        org = orgs.get(cat["default_organisation_id"])
        label = routing_label(org["slug"], org["kind_id"]) if org else None
        if org:
            categories_of[org["pk"]].append(cat["slug"])
        out.append(Example(f"{cat['name']} {cat['slug'].replace('-', ' ')}", label, cat["slug"]))

    def category_of(org_pk: int) -> str | None:
        found = categories_of.get(org_pk, [])
        return found[0] if len(found) == 1 else None

    services: dict[int, list[str]] = defaultdict(list)
    for svc in Service.objects.filter(is_active=True, organisation_id__in=list(orgs)).values(
        "organisation_id", "name", "description"
    ):
        services[svc["organisation_id"]].append(f"{svc['name']} {svc['description']}")

    seen_kinds: set[str] = set()
    for pk, org in orgs.items():
        label = routing_label(org["slug"], org["kind_id"])
        if label != org["slug"]:
            # One example per village or kecamatan kind, from the kind's name: their own profiles mostly name
            # a place, and place names must not decide the unit.
            if label not in seen_kinds:
                seen_kinds.add(label)
                out.append(Example(f"{org['kind__name']} {label}", label, category_of(pk)))
            continue
        text = " ".join([org["name"], org["short_name"], org["description"], *services.get(pk, [])])
        out.append(Example(text, label, category_of(pk)))

    published = ServiceStandard.objects.filter(status=ServiceStandard.Status.PUBLISHED).values(
        "pk", "service__name", "service__organisation_id"
    )
    texts: dict[int, list[str]] = defaultdict(list)
    for comp in StandardComponent.objects.filter(standard__in=[s["pk"] for s in published]).values(
        "standard_id", "text"
    ):
        texts[comp["standard_id"]].append(comp["text"])
    for std in published:
        org = orgs.get(std["service__organisation_id"])
        if org is None:
            continue
        label = routing_label(org["slug"], org["kind_id"])
        text = " ".join([std["service__name"], *texts.get(std["pk"], [])])
        out.append(Example(text, label, category_of(org["pk"])))

    words = _malad_words()
    for value, label in maladministration_types():
        out.append(Example(f"{label} {words.get(value, '')}", maladministration=value))
    return out
