"""Form widgets that render long lists without the template engine."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A ``<select>`` written in Python, with the same markup as Django's.

    Django renders every ``<option>`` through its own template include: for the 212 municipalities
    that was most of the time a page with the select spent rendering. Grouped choices fall back to
    Django's rendering.
    """

    def render(self, name, value, attrs=None, renderer=None):
        if any(isinstance(label, list | tuple) for _value, label in self.choices):
            return super().render(name, value, attrs, renderer)
        selected = next(iter(self.format_value(value)), None)
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            if option_value == selected:
                selected = None  # only the first match is selected, as in Django
                options.append(f'  <option value="{escape(option_value)}" selected>{escape(str(label))}</option>')
            else:
                options.append(f'  <option value="{escape(option_value)}">{escape(str(label))}</option>')
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>\n' + "\n".join(options) + "\n</select>")  # noqa: S308 - every part escaped above
