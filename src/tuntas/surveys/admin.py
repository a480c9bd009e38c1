"""Admin for the satisfaction survey: the elements, grade bands and questionnaire versions are data edited here
(a questionnaire version that has responses is read-only: add a new version instead); survey periods and
responses are read-only (they change through the console and services.py)."""

from __future__ import annotations

from django.contrib import admin

from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from tuntas.surveys.models import Answer, Element, GradeBand, Question, Questionnaire, Response, Survey


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "sort")
    list_editable = ("sort",)
    ordering = ("sort", "code")

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        return ("code",) if obj else ()  # answers are grouped by the code

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(GradeBand)
class GradeBandAdmin(admin.ModelAdmin):
    list_display = ("code", "label", "label_en", "low", "high")
    list_editable = ("label", "label_en", "low", "high")
    ordering = ("-low",)


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ("element", "sort", "text", "text_en", "labels", "labels_en")


def _in_use(obj: Questionnaire | None) -> bool:
    return obj is not None and Answer.objects.filter(question__questionnaire=obj).exists()


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "version", "is_active")
    list_filter = ("slug", "is_active")
    inlines = [QuestionInline]

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        if _in_use(obj):  # old responses keep their questions: only switching it off stays possible
            return ("slug", "version", "title", "title_en", "profile")
        return ()

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return not _in_use(obj)

    def get_inlines(self, request, obj):  # noqa: ANN001, ANN201
        return [] if _in_use(obj) else self.inlines


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = ("element", "value")


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "organisation", "service", "opens_on", "closes_on", "closed_at")
    list_filter = ("closed_at",)
    search_fields = ("organisation__name", "service__name")


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "channel", "submitted_at")
    list_filter = ("channel",)
    inlines = [AnswerInline]
