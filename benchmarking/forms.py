from django import forms
from django.utils.translation import gettext_lazy as _

from benchmarking.models import Indicator


def _field_for(indicator):
    invalid_choice = _("%(indicator)s: choose one of the options.") % {"indicator": indicator.name}
    common = {"label": indicator.name, "required": False, "error_messages": {"invalid_choice": invalid_choice}}
    if indicator.answer_type == Indicator.AnswerType.YES_NO:
        return forms.ChoiceField(choices=[("1", _("yes")), ("0", _("no"))], widget=forms.RadioSelect, **common)
    if indicator.answer_type == Indicator.AnswerType.MATURITY:
        choices = [(str(level), label) for level, label in indicator.maturity_levels()]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    attrs = {"inputmode": "decimal" if indicator.answer_type == Indicator.AnswerType.PERCENTAGE else "numeric"}
    attrs["class"] = "input-short"
    return forms.CharField(max_length=20, widget=forms.TextInput(attrs=attrs), **common)


class AssessmentForm(forms.Form):
    """One field per indicator, for showing and re-showing answers.

    The rules (ranges, whole numbers, completeness on submission) are the indicators' own,
    applied by ``services.save_assessment``; the view copies its errors onto these fields.
    """

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[indicator.field_name] = _field_for(indicator)

    @staticmethod
    def initial_from(answers):
        initial = {}
        for answer in answers:
            if answer.value is None:
                continue
            value = answer.value
            if value == value.to_integral_value():
                initial[answer.indicator.field_name] = str(int(value))
            else:
                initial[answer.indicator.field_name] = str(value.normalize())
        return initial

    def rows(self):
        """(indicator, bound field) pairs grouped by area, in the framework's order."""
        groups = {}
        for indicator in self.indicators:
            groups.setdefault(indicator.get_area_display(), []).append((indicator, self[indicator.field_name]))
        return list(groups.items())
