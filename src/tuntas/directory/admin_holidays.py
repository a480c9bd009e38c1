"""Admin for holidays (core's Holiday rows; it lives in directory because it checks region codes against the
directory's regions, and core imports no app). National days and cuti bersama come from ``manage.py load_holidays``; local days
(hari jadi kabupaten, ...) are entered here with the region they apply to. Every write clears the cached
working calendars, so deadlines computed afterwards use the new days."""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuntas.core import calendars
from tuntas.core.models import Holiday
from tuntas.directory.models import Region

_CODE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?\Z")


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ("date", "name", "kind", "region_code", "source")
        help_texts = {
            "region_code": _(
                "Kosongkan untuk seluruh Indonesia. Untuk libur daerah isi kode Kemendagri wilayahnya, "
                "mis. 63.02 untuk Kabupaten Kotabaru (berlaku juga bagi kecamatan dan desa di bawahnya)."
            ),
            "source": _("Dasar penetapan, mis. nomor keputusan bupati."),
        }

    def clean(self) -> dict:
        data = super().clean()
        kind, code = data.get("kind"), (data.get("region_code") or "").strip()
        data["region_code"] = code
        if kind == Holiday.Kind.LOKAL and not code:
            self.add_error("region_code", _("Libur daerah memerlukan kode wilayah."))
        if kind != Holiday.Kind.LOKAL and code:
            self.add_error("region_code", _("Libur nasional dan cuti bersama berlaku di seluruh Indonesia."))
        if code and not _CODE.match(code):
            self.add_error("region_code", _("Format kode wilayah Kemendagri, mis. 63 atau 63.02."))
        elif code and Region.objects.exists() and not Region.objects.filter(code=code).exists():
            self.add_error("region_code", _("Kode wilayah tidak dikenal."))
        return data


class YearFilter(admin.SimpleListFilter):
    title = _("tahun")
    parameter_name = "tahun"

    def lookups(self, request, model_admin):  # noqa: ANN001, ANN201
        years = Holiday.objects.dates("date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):  # noqa: ANN001, ANN201
        if self.value() and self.value().isdigit():
            return queryset.filter(date__year=int(self.value()))
        return queryset


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    form = HolidayForm
    list_display = ("date", "weekday", "name", "kind", "region_code", "source")
    list_filter = (YearFilter, "kind")
    search_fields = ("name", "^region_code")
    date_hierarchy = "date"
    ordering = ("-date",)

    @admin.display(description=_("hari"))
    def weekday(self, obj: Holiday) -> str:
        from django.utils.formats import date_format

        return date_format(obj.date, "l")

    def changelist_view(self, request, extra_context=None):  # noqa: ANN001, ANN201
        from django.contrib import messages

        from tuntas.core.holidays_sync import default_years, unconfirmed_years

        for year in unconfirmed_years(default_years()):
            messages.warning(
                request,
                _(
                    "%(year)d belum memiliki SKB: tidak ada cuti bersama, atau libur nasional hanya perkiraan. "
                    "Tenggat yang melewati tahun ini dapat bergeser; jalankan load_holidays setelah SKB terbit "
                    "atau isi cuti bersama di sini."
                )
                % {"year": year},
            )
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change) -> None:  # noqa: ANN001
        super().save_model(request, obj, form, change)
        calendars.clear_cache()

    def delete_model(self, request, obj) -> None:  # noqa: ANN001
        super().delete_model(request, obj)
        calendars.clear_cache()

    def delete_queryset(self, request, queryset) -> None:  # noqa: ANN001
        super().delete_queryset(request, queryset)
        calendars.clear_cache()
