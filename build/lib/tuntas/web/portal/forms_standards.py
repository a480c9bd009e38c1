"""The public's form on a standard under consultation. Shape only; the service decides what is accepted."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.standards.selectors import ComponentText
from tuntas.web.portal.forms import ServiceErrorsMixin


class CommentForm(ServiceErrorsMixin, forms.Form):
    component = forms.ChoiceField(label=_("Bagian yang Anda tanggapi"), required=False)
    text = forms.CharField(
        label=_("Masukan Anda"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Jangan menulis data pribadi seperti NIK, alamat atau nomor telepon."),
    )
    name = forms.CharField(
        label=_("Nama"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Boleh dikosongkan. Nama yang diisi ditampilkan bersama masukan Anda."),
    )

    def __init__(self, *args, components: list[ComponentText], **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["component"].choices = [
            ("", _("Standar ini secara umum")),
            *((item.code, item.component.label) for item in components),
        ]
