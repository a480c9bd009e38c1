"""The inbox: handlings of the user's units, filtered with a plain GET form that htmx updates in place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from tuntas.complaints import selectors
from tuntas.complaints.models import Category, Handling
from tuntas.complaints.selectors import InboxFilters
from tuntas.directory.models import Organisation, Region, User
from tuntas.triage import search
from tuntas.web.console.common import console_context, due_window, my_organisations
from tuntas.web.console.inbox import bulk
from tuntas.web.console.inbox.forms import InboxFilterForm
from tuntas.web.shortcuts import is_htmx, sop_text
from tuntas.workflows.models import WorkflowDefinition
from tuntas.workflows.registry import workflow_of

PAGE_SIZE = 25
RESULTS_ID = "inbox-results"


def _organisations(user: User) -> list[Organisation]:
    if user.is_superuser:
        return list(Organisation.objects.filter(is_active=True).select_related("region", "kind"))
    return [m.organisation for m in my_organisations(user)]


def _state_choices(orgs: list[Organisation]) -> list[tuple[str, str]]:
    """States of the SOPs the units follow; a state name shared by several SOPs lists each distinct label."""
    slugs = {o.workflow_slug for o in orgs if o.workflow_slug}
    labels: dict[str, list[str]] = {}
    for definition in WorkflowDefinition.objects.filter(slug__in=slugs, is_active=True).order_by("slug"):
        for state in workflow_of(definition).states.values():
            label = sop_text(state.label, state.label_en)
            if label not in labels.setdefault(state.name, []):
                labels[state.name].append(label)
    return [(name, " / ".join(texts)) for name, texts in labels.items()]


def _member_choices(user: User, orgs: list[Organisation]) -> list[tuple[str, str]]:
    members = (
        User.objects.filter(
            is_active=True,
            memberships__organisation__in=orgs,
            memberships__is_active=True,
        )
        .exclude(pk=user.pk)
        .distinct()
        .order_by("full_name", "username")
    )
    return [(str(u.pk), str(u)) for u in members]


def _region_choices(orgs: list[Organisation]) -> list[tuple[str, object]]:
    """Kecamatan of the regencies the units belong to, grouped by regency when there are several."""
    prefixes = set()
    for org in orgs:
        if org.region_id:
            parts = org.region_id.split(".")
            prefixes.add(".".join(parts[:2]))  # the regency, or the province for a provincial office
    if not prefixes:
        return []
    kecamatan = Region.objects.none()
    for prefix in sorted(prefixes):
        kecamatan = kecamatan | Region.objects.filter(level=3, code__startswith=prefix + ".")
    rows = list(kecamatan.select_related("parent").order_by("code"))
    regencies = {r.parent_id for r in rows}
    if len(regencies) <= 1:
        return [(r.code, r.name) for r in rows]
    groups: dict[str, list[tuple[str, str]]] = {}
    for r in rows:
        groups.setdefault(r.parent.name if r.parent else "", []).append((r.code, r.name))
    return list(groups.items())


def _filters(form: InboxFilterForm, orgs: list[Organisation]) -> InboxFilters:
    organisation = form.value("organisation") if form.show_organisation else ""
    org_id = int(organisation) if organisation.isdigit() else None
    if org_id is not None and org_id not in {o.pk for o in orgs}:
        org_id = None
    return InboxFilters(
        q=form.value("q"),
        status=form.value("status", "open"),
        state=form.value("state"),
        category=form.value("category"),
        due=form.value("due"),
        assignee=form.value("assignee"),
        region=form.value("region"),
        organisation=org_id,
        sort=form.value("sort", "due"),
        channel=form.value("channel"),
        opened_from=form.date_value("opened_from"),
        opened_to=form.date_value("opened_to"),
    )


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    query.pop(bulk.SELECTED, None)
    return query.urlencode()


def _inbox_with_text(user: User, filters: InboxFilters) -> QuerySet[Handling]:
    """The selector's own text matching (tracking codes, substrings) OR the stemmed full-text search, with
    the other filters and the permission of ``selectors.inbox`` applied to both."""
    if not filters.q.strip():
        return selectors.inbox(user, filters)
    own = selectors.inbox(user, filters).order_by().values("pk")
    ids = [hit.complaint_id for hit in search.search(filters.q, include_staff=True)]
    return selectors.inbox(user, replace(filters, q="")).filter(Q(pk__in=own) | Q(complaint_id__in=ids))


@dataclass(frozen=True)
class InboxList:
    """The inbox as one request's querystring filters it: the page lists it and the export writes it."""

    organisations: list[Organisation]
    form: InboxFilterForm
    filters: InboxFilters
    handlings: QuerySet[Handling]


def inbox_list(request: HttpRequest) -> InboxList:
    """Parse the querystring exactly as the inbox page does and return its (unpaginated) handlings."""
    user = request.user
    orgs = _organisations(user)
    form = InboxFilterForm(
        request.GET,
        states=_state_choices(orgs),
        categories=[(c.slug, c.name) for c in Category.objects.filter(is_active=True)],
        members=_member_choices(user, orgs),
        regions=_region_choices(orgs),
        organisations=[(str(o.pk), o.name) for o in orgs],
    )
    filters = _filters(form, orgs)
    handlings = _inbox_with_text(user, filters).select_related("complaint__region__parent")
    return InboxList(orgs, form, filters, handlings)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    listed = inbox_list(request)
    orgs, form, filters, handlings = listed.organisations, listed.form, listed.filters, listed.handlings
    page = Paginator(handlings, PAGE_SIZE).get_page(request.GET.get("page"))
    window = due_window()
    assigning = bulk.bulk_assign_for(user, orgs)
    for h in page.object_list:
        state = workflow_of(h.workflow).states.get(h.state)
        h.state_label = sop_text(state.label, state.label_en) if state else h.state
        h.due_flag = window.flag(h)
        h.can_pick = bool(assigning and assigning.can_pick(h))
    scope = InboxFilters(organisation=filters.organisation)
    counts = {
        "open": selectors.inbox(user, scope).count(),
        "overdue": selectors.inbox(user, replace(scope, due="overdue")).count(),
        "soon": selectors.inbox(user, replace(scope, due="soon")).count(),
        "mine": selectors.inbox(user, replace(scope, assignee="me")).count(),
    }
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "counts": counts,
        "query": query_without_page(request),
        "results_id": RESULTS_ID,
        "has_units": bool(orgs),
        "show_unit": len(orgs) > 1,  # one unit: the column would repeat the name shown in the menu
        "bulk": assigning,
        "bulk_clear": bulk.CLEAR,
        "selected": bulk.selected_ids(request),
    }
    if is_htmx(request, RESULTS_ID):
        response = render(request, "console/_inbox_results.html", context)
        # The download links sit outside the results: refreshed out of band to carry the new filters.
        links = render_to_string("console/_inbox_export.html", {**context, "oob": True}, request)
        response.content += links.encode()
    else:
        context.update(console_context(request))
        response = render(request, "console/inbox.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response
