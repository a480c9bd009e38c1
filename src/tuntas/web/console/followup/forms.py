from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tuntas.directory.models import Organisation
from tuntas.followup.models import Finding, Recommendation
from tuntas.web.portal.forms import MultipleFileField

ROWS = 3


class RespondForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    claim = forms.ChoiceField(
        label=_("Jawaban"), choices=Recommendation.Claim.choices, widget=forms.RadioSelect
    )
    response = forms.CharField(
        label=_("Uraian tindak lanjut"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label=_("Alasan tidak dapat ditindaklanjuti"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila tidak dapat ditindaklanjuti."),
    )
    files = MultipleFileField(
        max_files=settings.TUNTAS_MAX_ATTACHMENTS,
        label=_("Dokumen bukti"),
        help_text=_("Gambar (JPEG, PNG, WebP) atau PDF; metadata dihapus otomatis."),
    )
    paid_on = forms.DateField(
        label=_("Tanggal angsuran TGR"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    amount = forms.DecimalField(
        label=_("Jumlah angsuran (Rp)"), required=False, min_value=1, max_digits=16, decimal_places=2
    )

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("paid_on")) != bool(data.get("amount")):
            self.add_error("amount", _("Isi tanggal dan jumlah angsuran bersama."))
        return data


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Penilaian"),
        choices=[("accept", _("Terima")), ("return", _("Kembalikan (belum sesuai)"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila dikembalikan: tulis apa yang masih kurang."),
    )


class FindingForm(forms.Form):
    issuer = forms.ModelChoiceField(label=_("Penerbit"), queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label=_("Jenis"), choices=Finding.Kind.choices)
    number = forms.CharField(label=_("Nomor"), max_length=100)
    title = forms.CharField(label=_("Judul"), max_length=300)
    issued_on = forms.DateField(label=_("Tanggal terbit"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, issuers=(), units=None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in issuers])
        unit_qs = units if units is not None else Organisation.objects.filter(is_active=True)
        for i in range(1, ROWS + 1):
            req = i == 1
            self.fields[f"text_{i}"] = forms.CharField(
                label=_("Rekomendasi %(n)d") % {"n": i},
                required=req,
                max_length=5_000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"unit_{i}"] = forms.ModelChoiceField(
                label=_("Unit penanggung jawab %(n)d") % {"n": i}, queryset=unit_qs, required=req
            )
            self.fields[f"days_{i}"] = forms.IntegerField(
                label=_("Batas waktu %(n)d (hari kerja)") % {"n": i},
                required=False,
                min_value=1,
                max_value=365,
                help_text=_("Kosong: %(d)d hari kerja.") % {"d": settings.TUNTAS_FOLLOWUP_DAYS},
            )
            self.fields[f"tgr_{i}"] = forms.DecimalField(
                label=_("Nilai TGR %(n)d (Rp)") % {"n": i},
                required=False,
                min_value=1,
                max_digits=16,
                decimal_places=2,
                help_text=_("Hanya untuk temuan keuangan."),
            )

    def rows(self) -> list[list]:
        return [[self[f"{k}_{i}"] for k in ("text", "unit", "days", "tgr")] for i in range(1, ROWS + 1)]

    def clean(self) -> dict:
        data = super().clean()
        for i in range(2, ROWS + 1):
            if bool(data.get(f"text_{i}")) != bool(data.get(f"unit_{i}")):
                self.add_error(f"unit_{i}", _("Isi rekomendasi dan unitnya bersama."))
        return data
