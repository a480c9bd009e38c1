"""Citizen forms. They check shape (types, choices, file counts); the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Category, Complaint
from tuntas.complaints.services import ComplaintInput, ReporterInput
from tuntas.core import clock
from tuntas.core.errors import InvalidInput
from tuntas.core.i18n import english
from tuntas.directory.models import Organisation
from tuntas.web.portal import regions

ACCEPT = "image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf"
MAX_IDENTITY_FILES = 2


def _max_files(n: int) -> str:
    return gettext("Paling banyak %(n)s berkas.") % {"n": n}


_max_files_message = lazy(_max_files, str)


def _too_large(limit: int) -> str:
    return gettext("Berkas %(name)s terlalu besar (maksimal %(mb)s MB).") % {
        "name": "{name}",
        "mb": limit // (1024 * 1024),
    }


_too_large_message = lazy(_too_large, str)


def count_characters(form: forms.Form) -> None:
    """Long text is refused visibly, never cut: no ``maxlength`` (a browser silently drops pasted text past
    it); portal.js shows a counter from ``data-max-chars`` and the field's max_length refuses on the server."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length and not field.widget.is_hidden:
            field.widget.attrs.pop("maxlength", None)
            field.widget.attrs["data-max-chars"] = field.max_length
            field.widget.attrs["data-count-template"] = gettext("%(n)s dari %(max)s karakter") % {
                "n": "{n}",
                "max": field.max_length,
            }
            field.widget.attrs["data-over-message"] = gettext(
                "Terlalu panjang: paling banyak %(max)s karakter. Persingkat dulu sebelum mengirim."
            ) % {"max": field.max_length}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True

    def get_context(self, name, value, attrs):  # noqa: ANN001, ANN201
        # At render time, not when the form class is built: the configured size and the viewer's language.
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        limit = settings.TUNTAS_MAX_ATTACHMENT_BYTES
        widget_attrs["data-max-bytes"] = limit
        widget_attrs["data-too-large-message"] = _too_large_message(limit)
        if "data-max-files" in widget_attrs:
            widget_attrs["data-max-files-message"] = _max_files_message(widget_attrs["data-max-files"])
        return context


class MultipleFileField(forms.FileField):
    """``<input type=file multiple>``: a list of uploads, at most ``max_files``, each within the size limit."""

    def __init__(self, *, max_files: int, **kwargs) -> None:  # noqa: ANN003
        self.max_files = max_files
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict:
        attrs = super().widget_attrs(widget)
        attrs["data-max-files"] = self.max_files
        # portal.js refuses a too-large file before a slow upload starts (the widget adds the size limit and
        # the messages when it renders); clean() below checks again.
        return attrs

    def clean(self, data, initial=None):  # noqa: ANN001, ANN201
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > self.max_files:
            raise ValidationError(
                _("Paling banyak %(n)s berkas. Anda memilih %(count)s."),
                params={"n": self.max_files, "count": len(files)},
                code="max_files",
            )
        limit = settings.TUNTAS_MAX_ATTACHMENT_BYTES
        for f in files:
            if f.size > limit:
                raise ValidationError(
                    _("Berkas %(name)s terlalu besar (maksimal %(mb)s MB)."),
                    params={"name": f.name, "mb": limit // (1024 * 1024)},
                    code="too_large",
                )
        return files


def files_help() -> str:
    return _("Paling banyak %(n)s berkas JPEG, PNG, WebP atau PDF, masing-masing maksimal %(mb)s MB.") % {
        "n": settings.TUNTAS_MAX_ATTACHMENTS,
        "mb": settings.TUNTAS_MAX_ATTACHMENT_BYTES // (1024 * 1024),
    }


def read_files(files: list) -> tuple[tuple[str, bytes], ...]:
    return tuple((f.name, f.read()) for f in files)


class ServiceErrorsMixin:
    def apply_errors(self, exc: InvalidInput) -> None:
        """Put a service's field errors on the matching fields; the rest become errors of the whole form."""
        for key, message in exc.errors.items():
            self.add_error(key if key in self.fields else None, message)
        if not exc.errors:
            self.add_error(None, exc.message)


def _category_choices() -> list[tuple[str, str]]:
    en = english()
    rows = Category.objects.filter(is_active=True).only("slug", "name", "name_en")
    return [("", _("— Tidak tahu / lainnya —"))] + [(c.slug, (en and c.name_en) or c.name) for c in rows]


def _organisation_choices() -> list:
    en = english()
    groups: dict[str, list[tuple[str, str]]] = {}
    rows = (
        Organisation.objects.filter(is_active=True, kind__may_be_reported=True)
        .select_related("kind")
        .order_by("kind__sort", "name")
    )
    for org in rows:
        label = (en and org.kind.name_en) or org.kind.name
        groups.setdefault(label, []).append((org.slug, org.name))
    return [("", _("— Tidak tahu / tidak disebutkan —")), *groups.items()]


class SubmitForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(
        label=_("Judul pengaduan"),
        min_length=5,
        max_length=200,
        help_text=_("Ringkas, misalnya: Jalan berlubang di depan SDN 1 Sigam."),
    )
    description = forms.CharField(
        label=_("Apa yang terjadi?"),
        min_length=20,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Ceritakan kejadiannya: apa, kapan, di mana, dan siapa yang melayani Anda."),
    )
    classification = forms.ChoiceField(
        label=_("Jenis laporan"),
        choices=Complaint.Classification.choices,
        initial=Complaint.Classification.PENGADUAN,
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    region = forms.ChoiceField(
        label=_("Desa/kelurahan"),
        help_text=_("Pilih tempat kejadian. Jika tidak tahu desanya, pilih kecamatannya saja."),
    )
    location_text = forms.CharField(
        label=_("Alamat atau patokan lokasi"),
        max_length=300,
        required=False,
        help_text=_("Misalnya: Jl. Pangeran Hidayat RT 05, dekat masjid."),
    )
    latitude = forms.FloatField(
        label=_("Lintang"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    longitude = forms.FloatField(
        label=_("Bujur"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    reported_organisation = forms.ChoiceField(
        label=_("Instansi yang diadukan"),
        required=False,
        help_text=_("Boleh dikosongkan; petugas akan meneruskan ke instansi yang berwenang."),
    )
    service_name = forms.CharField(
        label=_("Nama layanan"),
        max_length=200,
        required=False,
        help_text=_("Misalnya: pembuatan KTP, perbaikan jalan, layanan puskesmas."),
    )
    # Set by a service standard's "Lapor masalah layanan ini" link: the registered service, for statistics.
    service = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    # Set by a unit page's "Lapor ke unit ini" when the unit runs its own complaint desk (slug).
    unit = forms.SlugField(required=False, max_length=80, widget=forms.HiddenInput)
    occurred_on = forms.DateField(
        label=_("Tanggal kejadian"),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    privacy = forms.ChoiceField(
        label=_("Siapa yang boleh mengetahui identitas Anda?"),
        choices=Complaint.Privacy.choices,
        initial=Complaint.Privacy.CONFIDENTIAL,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Nama"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Wajib, kecuali Anda memilih Anonim."),
    )
    email = forms.CharField(
        label=_("Email"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("16 angka pada KTP."),
    )
    address = forms.CharField(label=_("Alamat"), max_length=300, required=False)
    files = MultipleFileField(
        label=_("Foto atau dokumen bukti"),
        max_files=settings.TUNTAS_MAX_ATTACHMENTS,
    )
    identity_files = MultipleFileField(
        label=_("Dokumen identitas"),
        max_files=MAX_IDENTITY_FILES,
        help_text=_(
            "Misalnya foto KTP. Hanya dilihat koordinator dan pengawas, tidak oleh instansi terlapor."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _category_choices()
        self.fields["region"].choices = [("", _("— Pilih desa/kelurahan —")), *regions.grouped_choices()]
        self.fields["reported_organisation"].choices = _organisation_choices()
        self.fields["occurred_on"].widget.attrs["max"] = clock.today().isoformat()
        self.fields["files"].help_text = (
            files_help() + " " + _("Data lokasi dan kamera pada foto dihapus otomatis.")
        )
        count_characters(self)

    def clean(self) -> dict:
        data = super().clean()
        total = len(data.get("files") or []) + len(data.get("identity_files") or [])
        if total > settings.TUNTAS_MAX_ATTACHMENTS:
            self.add_error(
                "identity_files",
                _("Bukti dan dokumen identitas bersama-sama paling banyak %(n)s berkas.")
                % {"n": settings.TUNTAS_MAX_ATTACHMENTS},
            )
        return data

    def selected_kecamatan(self) -> str:
        """The kecamatan of the chosen region, so the enhanced picker can start there after an error."""
        value = self["region"].value() or ""
        return ".".join(value.split(".")[:3]) if value.count(".") >= 2 else ""

    def intake_unit(self) -> Organisation | None:
        """The unit named by "Lapor ke unit ini" when it runs its own complaint desk."""
        slug = self["unit"].value() or ""
        if not slug:
            return None
        return Organisation.objects.filter(slug=slug, is_active=True, accepts_complaints=True).first()

    def complaint_input(self) -> ComplaintInput:
        d = self.cleaned_data
        return ComplaintInput(
            title=d["title"],
            description=d["description"],
            privacy=d["privacy"],
            classification=d["classification"],
            category=d["category"] or None,
            region_code=d["region"] or None,
            location_text=d["location_text"],
            latitude=d["latitude"],
            longitude=d["longitude"],
            reported_organisation=d["reported_organisation"] or None,
            service_name=d["service_name"],
            service=d["service"],
            intake_organisation=d["unit"] or None,
            occurred_on=d["occurred_on"],
            reporter=ReporterInput(
                name=d["name"], email=d["email"], phone=d["phone"], nik=d["nik"], address=d["address"]
            ),
            files=read_files(d["files"]),
            identity_files=read_files(d["identity_files"]),
        )


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Kode lacak"),
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("Contoh: KTB-7K3M-Q9"),
    )
    secret = forms.CharField(
        label=_("Kode rahasia"),
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("Kode yang Anda terima saat mengirim pengaduan, contoh: H7QK-M2XP-9T"),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ReplyForm(ServiceErrorsMixin, forms.Form):
    message = forms.CharField(
        label=_("Tanggapan atau keterangan Anda"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    files = MultipleFileField(
        label=_("Lampiran"),
        max_files=settings.TUNTAS_MAX_ATTACHMENTS,
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("auto_id", "reply_%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = files_help()
        count_characters(self)


class AcceptForm(ServiceErrorsMixin, forms.Form):
    message = forms.CharField(
        label=_("Pesan untuk petugas"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("auto_id", "accept_%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


RATING_CHOICES = [
    (5, _("5 — Sangat puas")),
    (4, _("4 — Puas")),
    (3, _("3 — Cukup")),
    (2, _("2 — Kurang puas")),
    (1, _("1 — Tidak puas")),
]


class RateForm(ServiceErrorsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Nilai penanganan pengaduan Anda"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Komentar"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("auto_id", "rate_%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class WithdrawForm(ServiceErrorsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Alasan mencabut pengaduan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Misalnya: masalah sudah selesai, atau salah mengirim."),
    )
    confirm = forms.BooleanField(
        label=_("Saya mengerti bahwa pengaduan yang dicabut tidak dapat dibuka kembali."),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
