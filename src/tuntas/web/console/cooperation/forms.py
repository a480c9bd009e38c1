"""Console forms for cooperation: an action-plan activity, a progress report, a training, an organisation's
participants and the agreement's document. Shape only; services.py decides. Files are read from
``request.FILES`` by the views (several at once) and checked by the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.cooperation.models import Activity, TrainingKind
from tuntas.directory.models import Organisation, User
from tuntas.web.console.standards.forms import DATE, DATE_FORMATS
from tuntas.web.domain_errors import ServiceErrors


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (the pattern of Django's documentation); cleans to a list."""

    def clean(self, data, initial=None):  # noqa: ANN001, ANN201
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


def _files_field(label: str, help_text: str) -> forms.FileField:
    return MultipleFileField(
        label=label,
        required=False,
        help_text=help_text,
        widget=MultipleFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
    )


def _org_choices(organisations: list[Organisation]) -> list[tuple[int, str]]:
    return [(o.pk, o.name) for o in organisations]


class _Base(ServiceErrors, forms.Form):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ActivityForm(_Base):
    title = forms.CharField(label=_("Nama kegiatan"), max_length=200)
    owner = forms.TypedChoiceField(label=_("Organisasi penanggung jawab"), coerce=int)
    due_on = forms.DateField(label=_("Tenggat"), widget=DATE, input_formats=DATE_FORMATS)
    description = forms.CharField(
        label=_("Uraian"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    expected_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations: list[Organisation], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _org_choices(organisations)


class ProgressForm(_Base):
    progress = forms.IntegerField(label=_("Kemajuan (%)"), min_value=0, max_value=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("(tetap / otomatis)")), *Activity.Status.choices],
        help_text=_("Kemajuan 100% menandai kegiatan selesai."),
    )
    note = forms.CharField(
        label=_("Catatan kemajuan"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    files = _files_field(_("Bukti (PDF atau foto)"), _("Boleh lebih dari satu berkas; paling banyak 5."))


class TrainingForm(_Base):
    kind = forms.ChoiceField(label=_("Jenis kegiatan"))
    title = forms.CharField(label=_("Tema"), max_length=250)
    starts_on = forms.DateField(label=_("Tanggal mulai"), widget=DATE, input_formats=DATE_FORMATS)
    ends_on = forms.DateField(
        label=_("Tanggal selesai"),
        required=False,
        widget=DATE,
        input_formats=DATE_FORMATS,
        help_text=_("Kosongkan bila hanya satu hari."),
    )
    organiser = forms.TypedChoiceField(label=_("Penyelenggara"), coerce=int)
    place = forms.CharField(label=_("Tempat"), required=False, max_length=200)
    activity = forms.TypedChoiceField(
        label=_("Bagian dari kegiatan rencana aksi"), coerce=int, required=False, empty_value=None
    )
    description = forms.CharField(
        label=_("Uraian"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(  # noqa: ANN002, ANN003
        self, *args, organisations: list[Organisation], activities: list[Activity], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (k.code, k.label) for k in TrainingKind.objects.filter(is_active=True).order_by("sort", "code")
        ]
        self.fields["organiser"].choices = _org_choices(organisations)
        self.fields["activity"].choices = [("", _("(tidak ada)")), *((a.pk, a.title) for a in activities)]


class ParticipantsForm(_Base):
    organisation = forms.TypedChoiceField(label=_("Organisasi"), coerce=int)
    invited = forms.IntegerField(label=_("Jumlah peserta"), min_value=0, max_value=5000)
    users = forms.TypedMultipleChoiceField(
        label=_("Peserta bernama (opsional)"),
        coerce=int,
        required=False,
        help_text=_("Akun petugas organisasi itu; tahan Ctrl untuk memilih beberapa."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(  # noqa: ANN002, ANN003
        self, *args, organisations: list[Organisation], users: list[User], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = _org_choices(organisations)
        self.fields["users"].choices = [(u.pk, str(u)) for u in users]


class DocumentForm(_Base):
    document = forms.FileField(
        label=_("Dokumen nota kesepakatan (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class MaterialsForm(_Base):
    files = _files_field(_("Materi (PDF atau gambar)"), _("Boleh lebih dari satu berkas; paling banyak 5."))


class AgreementForm(_Base):
    """The agreement's own data; ``pemkab`` and ``ombudsman`` only when recording a new one."""

    pemkab = forms.TypedChoiceField(label=_("Pemerintah daerah"), coerce=int)
    ombudsman = forms.TypedChoiceField(label=_("Ombudsman Perwakilan"), coerce=int)
    title = forms.CharField(label=_("Judul"), max_length=300)
    number_pemkab = forms.CharField(label=_("Nomor (pemerintah daerah)"), max_length=120, required=False)
    number_ombudsman = forms.CharField(label=_("Nomor (Ombudsman)"), max_length=120, required=False)
    signed_on = forms.DateField(label=_("Tanggal penandatanganan"), widget=DATE, input_formats=DATE_FORMATS)
    valid_from = forms.DateField(label=_("Berlaku sejak"), widget=DATE, input_formats=DATE_FORMATS)
    valid_until = forms.DateField(label=_("Berlaku sampai"), widget=DATE, input_formats=DATE_FORMATS)
    summary = forms.CharField(
        label=_("Ringkasan"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_public = forms.BooleanField(label=_("Tampilkan ringkasan di portal"), required=False, initial=True)
    expected_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(  # noqa: ANN002, ANN003
        self,
        *args,
        pemkabs: list[Organisation] | None = None,
        ombudsmen: list[Organisation] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        if pemkabs is None:  # editing: the parties never change
            del self.fields["pemkab"], self.fields["ombudsman"]
        else:
            self.fields["pemkab"].choices = _org_choices(pemkabs)
            self.fields["ombudsman"].choices = _org_choices(ombudsmen or [])

    def changes(self) -> dict:
        names = ("title", "number_pemkab", "number_ombudsman", "signed_on", "valid_from", "valid_until")
        return {n: self.cleaned_data[n] for n in (*names, "summary", "is_public")}
