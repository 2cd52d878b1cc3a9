from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coalition.models import Municipality
from partnership.models import GoodPractice, Subgroup
from partnership.practices.services import parse_tags


class GoodPracticeForm(forms.ModelForm):
    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separated by commas, e.g. open data, e-services, schools."),
    )

    class Meta:
        model = GoodPractice
        fields = [
            "title",
            "subgroup",
            "municipality",
            "summary",
            "problem_solved",
            "cost_range",
            "contact_name",
            "contact_email",
            "link",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "problem_solved": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subgroup"].queryset = Subgroup.objects.order_by("order", "name_sl")
        self.fields["subgroup"].label_from_instance = lambda subgroup: subgroup.name  # in the page's language
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].required = False
        for name, field in self.fields.items():
            label = field.label
            field.error_messages = {
                **field.error_messages,
                "required": _("%(field)s: this field is required.") % {"field": label},
                "invalid": _("%(field)s: enter a valid value.") % {"field": label},
                "invalid_choice": _("%(field)s: choose one of the options.") % {"field": label},
                "max_length": _("%(field)s: too long.") % {"field": label},
            }
            if name == "contact_email":
                field.error_messages["invalid"] = _("Contact e-mail: enter a valid e-mail address.")
            if name == "link":
                field.error_messages["invalid"] = _("Link: enter a full web address, e.g. https://www.idrija.si/.")
        self.fields["link"].assume_scheme = "https"

    def clean_tags_text(self):
        try:
            return parse_tags(self.cleaned_data.get("tags_text", ""))
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc


class ReviewForm(forms.Form):
    review_note = forms.CharField(
        label=_("Note to the submitter"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the practice is not published."),
    )
