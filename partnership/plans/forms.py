from django import forms
from django.forms import formset_factory
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from coalition.models import Organisation
from partnership.models import Action, ActionPlan, PlanRevision
from partnership.plans.services import ActionData


class AccessibleErrors:
    """Point each invalid field's ``aria-describedby`` at its error message (and its help text)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}-error"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class OrganisationSelect(forms.SelectMultiple):
    """A multiple select rendered in Python: the edit form repeats ~250 organisations for every action."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = {**self.build_attrs(self.attrs, attrs), "name": name, "multiple": True}
        chosen = {str(v) for v in (value or [])}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, " selected" if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


MARKDOWN_HELP = _("You may use Markdown: **bold**, *italic*, lists, [links](https://example.org).")


class PlanCreateForm(AccessibleErrors, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    stage = forms.ChoiceField(label=_("Stage"), choices=ActionPlan.Stage.choices)
    language = forms.ChoiceField(label=_("Language of the content"), choices=ActionPlan.Language.choices)


class PlanForm(AccessibleErrors, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(label=_("Title"), max_length=200)
    stage = forms.ChoiceField(label=_("Stage"), choices=ActionPlan.Stage.choices)
    language = forms.ChoiceField(label=_("Language of the content"), choices=ActionPlan.Language.choices)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 8}), help_text=MARKDOWN_HELP
    )
    message = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=PlanRevision._meta.get_field("message").max_length,
        help_text=_("A short note for the history: what you changed and why."),
    )


class ActionForm(AccessibleErrors, forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    pillar = forms.ChoiceField(label=_("Pillar"), choices=[("", "—")] + list(Action.Pillar.choices))
    proposed_action = forms.CharField(
        label=_("Proposed action"), widget=forms.Textarea(attrs={"rows": 3}), help_text=MARKDOWN_HELP
    )
    bottleneck = forms.CharField(
        label=_("Bottleneck addressed"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    responsible_partners = forms.TypedMultipleChoiceField(
        label=_("Responsible partners"),
        required=False,
        coerce=int,
        widget=OrganisationSelect(attrs={"size": 5}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices, initial=Action.Status.PROPOSED)
    indicators = forms.CharField(
        label=_("Indicators of success"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, partner_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_partners"].choices = partner_choices

    def to_data(self):
        data = self.cleaned_data
        return ActionData(
            id=data.get("action_id"),
            pillar=data["pillar"],
            proposed_action=data["proposed_action"],
            bottleneck=data.get("bottleneck", ""),
            deadline=data.get("deadline"),
            status=data.get("status") or Action.Status.PROPOSED,
            indicators=data.get("indicators", ""),
            partner_ids=list(data.get("responsible_partners") or []),
            delete=bool(data.get("DELETE")),
        )


BaseActionFormSet = formset_factory(ActionForm, extra=1, can_delete=True, can_order=True, max_num=200)


class ActionFormSet(BaseActionFormSet):
    def __init__(self, *args, partner_choices=None, **kwargs):
        if partner_choices is None:
            partner_choices = list(Organisation.objects.order_by("name").values_list("pk", "name"))
        self.partner_choices = partner_choices
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Position")

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "partner_choices": self.partner_choices}

    def action_data(self):
        """The submitted actions in the order the editor chose (ORDER numbers, then position)."""
        kept, deleted = [], []
        for position, form in enumerate(self.forms):
            data = getattr(form, "cleaned_data", None) or {}
            if self._should_delete_form(form):
                if data.get("action_id"):
                    deleted.append(ActionData(id=data["action_id"], pillar="", proposed_action="", delete=True))
                continue
            if not data:
                continue  # the blank form for a new action, left empty
            order = data.get("ORDER")
            kept.append((order if order is not None else 10_000 + position, position, form))
        kept.sort(key=lambda item: (item[0], item[1]))
        return [form.to_data() for _order, _position, form in kept] + deleted


def action_initial(actions):
    return [
        {
            "action_id": a.pk,
            "pillar": a.pillar,
            "proposed_action": a.proposed_action,
            "bottleneck": a.bottleneck,
            "responsible_partners": [o.pk for o in a.responsible_partners.all()],
            "deadline": a.deadline,
            "status": a.status,
            "indicators": a.indicators,
            "ORDER": index,
        }
        for index, a in enumerate(actions, start=1)
    ]


class SendBackForm(AccessibleErrors, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The subgroup sees this reason with the plan."),
    )


class CommentForm(AccessibleErrors, forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), help_text=MARKDOWN_HELP)
    action = forms.TypedChoiceField(label=_("About"), required=False, coerce=int, empty_value=None)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, plan_actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("the whole plan"))] + [
            (a.pk, _("action %(number)s: %(text)s") % {"number": i, "text": a.proposed_action[:60]})
            for i, a in enumerate(plan_actions, start=1)
        ]


class CompareForm(AccessibleErrors, forms.Form):
    a = forms.IntegerField(label=_("Older revision"), min_value=1)
    b = forms.IntegerField(label=_("Newer revision"), min_value=1)
    mode = forms.ChoiceField(
        label=_("Show"),
        choices=[("inline", _("inline")), ("side", _("side by side"))],
        required=False,
        initial="inline",
    )
