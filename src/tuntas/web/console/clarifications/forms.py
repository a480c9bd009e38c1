"""Forms of the clarification pages; the services validate again (forms only shape the input)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tuntas.clarifications.models import RequestKind
from tuntas.clarifications.services import MAX_DAYS
from tuntas.web.portal.forms import MultipleFileField


def _files(label: str) -> MultipleFileField:
    return MultipleFileField(
        max_files=settings.TUNTAS_MAX_ATTACHMENTS,
        label=label,
        help_text=_("Gambar (JPEG, PNG, WebP) atau PDF; metadata dihapus otomatis."),
    )


def _days(label: str, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=MAX_DAYS,
        required=required,
        help_text=_("Dihitung dalam hari kerja."),
    )


class ReceiverForm(forms.Form):
    """The GET step of the create page: which organisation to preview."""

    receiver = forms.TypedChoiceField(label=_("Dikirim kepada"), coerce=int)

    def __init__(self, *args, receivers: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["receiver"].choices = [("", "—")] + [(o.pk, o.name) for o in receivers]


class RequestForm(forms.Form):
    receiver = forms.IntegerField(widget=forms.HiddenInput)
    sender_organisation = forms.TypedChoiceField(label=_("Atas nama"), coerce=int)
    kind = forms.ChoiceField(label=_("Jenis permintaan"))
    subject = forms.CharField(label=_("Perihal"), max_length=200)
    question = forms.CharField(
        label=_("Pertanyaan atau dokumen yang diminta"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    days = _days(_("Tenggat (hari kerja)"))

    def __init__(self, *args, senders: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        kinds = list(RequestKind.objects.filter(is_active=True))
        self.fields["kind"].choices = [(k.slug, f"{k.name} ({k.default_days} hari kerja)") for k in kinds]
        self.fields["sender_organisation"].choices = [(o.pk, o.name) for o in senders]
        if len(senders) == 1:
            self.fields["sender_organisation"].widget = forms.HiddenInput()
        self.fields["days"].help_text = _(
            "Kosongkan untuk tenggat bawaan jenis permintaan; dihitung dalam hari kerja."
        )
        self.fields["files"] = _files(_("Lampiran"))


class RouteForm(forms.Form):
    units = forms.TypedMultipleChoiceField(
        label=_("Unit yang bertanggung jawab"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    instruction = forms.CharField(
        label=_("Instruksi untuk unit"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    days = _days(_("Tenggat unit (hari kerja)"))

    def __init__(self, *args, units: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["units"].choices = [(o.pk, o.name) for o in units]
        self.fields["days"].help_text = _(
            "Tidak melewati tenggat permintaan; kosongkan untuk separuh tenggatnya."
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Jawaban unit"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["files"] = _files(_("Dokumen pendukung"))


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Jawaban kepada peminta"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    documents = forms.TypedMultipleChoiceField(
        label=_("Sertakan dokumen unit"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, documents: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = [
            (d.pk, f"{d.original_name} ({d.organisation.name})") for d in documents
        ]
        self.fields["documents"].initial = [d.pk for d in documents]
        self.fields["files"] = _files(_("Dokumen tambahan"))


class CloseForm(forms.Form):
    """Accept (note optional), return (note required, new deadline) or withdraw (reason required)."""

    note = forms.CharField(
        label=_("Catatan"), required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Apa yang masih kurang?"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    days = _days(_("Tenggat baru (hari kerja)"))


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penarikan"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 2})
    )
