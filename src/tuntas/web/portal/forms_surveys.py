"""The public's survey form, built from the survey's questionnaire version. Shape only; the service decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.core.errors import InvalidInput
from tuntas.core.i18n import english
from tuntas.surveys.models import Questionnaire, Response
from tuntas.surveys.services import PROFILE_FIELDS, SUGGESTION_MAX

RADIO_PROFILE = {"jenis_kelamin"}  # short lists read best as radios; longer ones as a select


class SurveyForm(forms.Form):
    channel = forms.CharField(widget=forms.HiddenInput, required=False)
    pengaduan = forms.CharField(widget=forms.HiddenInput, required=False, max_length=30)
    suggestion = forms.CharField(
        label=_("Saran dan masukan"),
        required=False,
        max_length=SUGGESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Boleh dikosongkan. Jangan menulis nama, NIK, alamat atau nomor telepon."),
    )

    def __init__(self, *args, questionnaire: Questionnaire, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        en = english()
        self.question_names: list[str] = []
        questions = list(questionnaire.questions.select_related("element").order_by("sort"))
        fields = {}
        for n, q in enumerate(questions, start=1):
            name = q.element.code.lower()
            self.question_names.append(name)
            fields[name] = forms.TypedChoiceField(
                label=f"{n}. {q.label}",
                help_text=q.element.label,
                choices=[(str(v), label) for v, label in q.choices],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
        self.profile_names: list[str] = []
        for key in PROFILE_FIELDS:
            spec = (questionnaire.profile or {}).get(key)
            if not spec:
                continue
            self.profile_names.append(key)
            options = [(str(o["code"]), (en and o.get("label_en")) or o["label"]) for o in spec["options"]]
            radio = key in RADIO_PROFILE
            fields[key] = forms.ChoiceField(
                label=(en and spec.get("label_en")) or spec["label"],
                required=False,
                choices=options if radio else [("", _("— Tidak ingin menyebutkan —")), *options],
                widget=forms.RadioSelect if radio else forms.Select,
            )
        # Questions first, then the profile, then the free text: the order of the regulation's form.
        suggestion = self.fields.pop("suggestion")
        self.fields.update(fields)
        self.fields["suggestion"] = suggestion

    def questions(self) -> list[forms.BoundField]:
        return [self[name] for name in self.question_names]

    def profile(self) -> list[forms.BoundField]:
        return [self[name] for name in self.profile_names]

    def answers(self) -> dict[str, int]:
        return {name.upper(): self.cleaned_data[name] for name in self.question_names}

    def profile_values(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key) or "" for key in self.profile_names}

    def channel_value(self) -> str:
        value = self.cleaned_data.get("channel") or ""
        return value if value in (Response.Channel.PORTAL, Response.Channel.QR) else Response.Channel.PORTAL

    def apply_errors(self, exc: InvalidInput) -> None:
        for key, message in exc.errors.items():
            name = key.lower() if key.lower() in self.fields else key
            self.add_error(name if name in self.fields else None, message)
        if not exc.errors:
            self.add_error(None, exc.message)
