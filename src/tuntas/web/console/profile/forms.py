"""The form of a unit's public profile; the service (directory.profile.profile_update) checks it again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.directory.profile import LIMITS


class ProfileForm(forms.Form):
    description = forms.CharField(
        label=_("Tentang unit"),
        required=False,
        max_length=LIMITS["description"],
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    maklumat = forms.CharField(
        label=_("Maklumat pelayanan"),
        required=False,
        max_length=LIMITS["maklumat"],
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Janji pelayanan yang ditandatangani pimpinan, seperti yang dipasang di ruang layanan."),
    )
    opening_hours = forms.CharField(
        label=_("Jam layanan"),
        required=False,
        max_length=LIMITS["opening_hours"],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Misalnya: Senin–Kamis 08.00–15.00, Jumat 08.00–11.00."),
    )
    address = forms.CharField(label=_("Alamat"), required=False, max_length=LIMITS["address"])
    phone = forms.CharField(label=_("Telepon"), required=False, max_length=LIMITS["phone"])
    email = forms.CharField(label=_("Email"), required=False, max_length=254)
    website = forms.CharField(label=_("Situs web"), required=False, max_length=200)
