"""History and timeline tables are append-only at the ORM level (tuntas.core.models.AppendOnlyModel): every
model built on the base, found through the app registry, refuses update and delete on real rows, while
cascades from parent rows still remove them (test database flushes are SQL and proven by every
transactional test that writes events, e.g. tests/complaints/test_concurrency.py)."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.utils import translation

from tests.core.rows import row_of
from tuntas.core.models import AppendOnlyError, AppendOnlyModel

APPEND_ONLY = sorted(
    (m for m in apps.get_models() if issubclass(m, AppendOnlyModel)), key=lambda m: m._meta.label
)

# Every history/timeline table of today: a model missing here and from the base fails the guard below.
HISTORY_TABLES = {
    "complaints.Event",  # the complaint timeline
    "compliance.AssessmentEvent",  # history of a compliance assessment
    "villages.StageChange",  # a village's moves between DAM stages
    "cooperation.LogEntry",  # what happened to an agreement, activity or training (progress notes too)
    "notify.DeliveryAttempt",  # each try at sending an outbox message
    "sla.StaffAlert",  # each staff alert sent about an SLA clock
    "clarifications.Reminder",  # each reminder sent about a clarification request
    "audit.AuditEntry",  # the staff audit log (sign-ins, reveals, exports, role changes)
}
# Names (and Indonesian labels) that say "history or log"; a new model named so must use the base.
HISTORY_NAME = re.compile(r"(Event|Log|LogEntry|History|Change|Attempt|Alert|Reminder|Audit|Trail|Run)$")
HISTORY_LABEL = re.compile(r"^(riwayat|log|jejak)\b")
# Named like a log but rightly edited after insert.
NOT_APPEND_ONLY = {
    "notify.DigestRun": "its message count is written after the digest went out, in the same transaction",
}


def _looks_like_history(model: type[models.Model]) -> bool:
    with translation.override("id"):
        label = str(model._meta.verbose_name).lower()
    return bool(HISTORY_NAME.search(model.__name__) or HISTORY_LABEL.search(label))


def _first_column(model: type[models.Model]) -> models.Field:
    return next(f for f in model._meta.concrete_fields if not f.primary_key)


def _columns(row: models.Model) -> dict:
    return {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}


def _foreign_keys(model: type[models.Model], on_delete) -> list[models.ForeignKey]:  # noqa: ANN001
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.remote_field.on_delete is on_delete
    ]


def _cascading_parent(model: type[models.Model]) -> models.ForeignKey | None:
    return next((f for f in _foreign_keys(model, models.CASCADE) if not f.null), None)


# A history of something goes with it; a standalone log (the staff audit log) has no parent.
WITH_PARENT = [m for m in APPEND_ONLY if _cascading_parent(m) is not None]
WITH_RELATED_MANAGER = [m for m in WITH_PARENT if not _cascading_parent(m).remote_field.hidden]
STANDALONE = {"audit.AuditEntry"}


def test_every_history_table_uses_the_append_only_base():
    labels = {m._meta.label for m in APPEND_ONLY}
    assert labels >= HISTORY_TABLES, f"not append-only: {sorted(HISTORY_TABLES - labels)}"
    missing = [
        m._meta.label
        for m in apps.get_models()
        if m._meta.app_config.name.startswith("tuntas.")
        and _looks_like_history(m)
        and m._meta.label not in labels
        and m._meta.label not in NOT_APPEND_ONLY
    ]
    assert missing == [], f"history/log tables without AppendOnlyModel: {missing}"


def test_only_the_declared_standalone_logs_have_no_parent():
    orphans = {m._meta.label for m in APPEND_ONLY if _cascading_parent(m) is None}
    assert orphans == STANDALONE


def test_the_exempt_tables_are_still_there_and_still_edited():
    # An exemption outliving its model (or its reason) would hide a new table of the same name.
    for label in NOT_APPEND_ONLY:
        model = apps.get_model(label)
        assert not issubclass(model, AppendOnlyModel)


@pytest.mark.django_db
@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda m: m._meta.label)
def test_existing_row_cannot_be_updated(model):
    row = row_of(model)
    before = _columns(model.objects.get(pk=row.pk))
    field = _first_column(model)
    loaded = model.objects.get(pk=row.pk)
    with pytest.raises(AppendOnlyError):
        row.save()  # the instance that was just inserted
    with pytest.raises(AppendOnlyError):
        loaded.save(update_fields=[field.name])
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=row.pk).update(**{field.attname: getattr(row, field.attname)})
    with pytest.raises(AppendOnlyError), transaction.atomic():  # bulk_update's own atomic has no savepoint
        model.objects.bulk_update([loaded], [field.name])
    # A new instance naming an existing primary key is an insert (and fails), never an overwrite.
    clone = model(**_columns(row))
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()
    assert _columns(model.objects.get(pk=row.pk)) == before


@pytest.mark.django_db
@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda m: m._meta.label)
def test_existing_row_cannot_be_deleted(model):
    row = row_of(model)
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        model.objects.get(pk=row.pk).delete()
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=row.pk).delete()
    with pytest.raises(AppendOnlyError):
        model.objects.all().delete()
    assert model.objects.filter(pk=row.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", WITH_RELATED_MANAGER, ids=lambda m: m._meta.label)
def test_related_manager_of_the_parent_is_append_only_too(model):
    parent_fk = _cascading_parent(model)
    row = row_of(model)
    related = getattr(getattr(row, parent_fk.name), parent_fk.remote_field.get_accessor_name())
    with pytest.raises(AppendOnlyError):
        related.update(**{parent_fk.attname: getattr(row, parent_fk.attname)})
    with pytest.raises(AppendOnlyError):
        related.all().delete()
    assert model.objects.filter(pk=row.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", WITH_PARENT, ids=lambda m: m._meta.label)
def test_rows_go_with_their_parent(model):
    parent_fk = _cascading_parent(model)
    row = row_of(model)
    getattr(row, parent_fk.name).delete()
    assert not model.objects.filter(pk=row.pk).exists()


SET_NULL_ACTOR = [m for m in APPEND_ONLY if _foreign_keys(m, models.SET_NULL)]


@pytest.mark.django_db
@pytest.mark.parametrize("model", SET_NULL_ACTOR, ids=lambda m: m._meta.label)
def test_deleting_a_referenced_row_still_empties_a_set_null_column(model):
    fk = _foreign_keys(model, models.SET_NULL)[0]
    referenced = row_of(fk.related_model)
    row = row_of(model, **{fk.name: referenced})
    referenced.delete()
    assert getattr(model.objects.get(pk=row.pk), fk.attname) is None
