"""Form widgets that render long lists without the template engine."""

import threading
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language


def _attributes(attrs):
    """``attrs`` as Django's ``attrs.html`` writes them: in their order, True bare, False left out."""
    return "".join(
        f" {escape(str(name))}" if value is True else f' {escape(str(name))}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option_lines(choices):
    """The ``<option>`` lines of flat ``choices``, and {value as text: index of its first line}."""
    lines, first = [], {}
    for option_value, label in choices:
        option_value = "" if option_value is None else str(option_value)
        first.setdefault(option_value, len(lines))
        lines.append(f'  <option value="{escape(option_value)}">{escape(str(label))}</option>')
    return lines, first


class FrozenChoices(BaseChoiceIterator):
    """Flat choices built once and shared by every form that offers them (never change them).

    A field given these skips Django's normalising and copying of its choices for each new form,
    and a :class:`QuickSelect` writes their ``<option>`` lines once per language, not per page.
    """

    def __init__(self, choices):
        self._choices = tuple((value, label) for value, label in choices)
        if any(isinstance(label, list | tuple) for _value, label in self._choices):
            raise ValueError("FrozenChoices are flat: no groups")
        self._lines = {}  # language: what _option_lines returns (labels may be lazy translations)
        self._lock = threading.Lock()
        self._hash = hash(tuple(value for value, _label in self._choices))

    def __iter__(self):
        return iter(self._choices)

    def __len__(self):
        return len(self._choices)

    def __hash__(self):
        # Hashable, so a rendered piece can depend on them ({% fragment %}); equal choices have
        # equal values, so hashing the values alone keeps hash and equality consistent.
        return self._hash

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @cached_property
    def labels(self):
        """{value: label}."""
        return dict(self._choices)

    def option_lines(self):
        language = get_language()
        lines = self._lines.get(language)
        if lines is None:
            lines = _option_lines(self._choices)
            with self._lock:
                self._lines[language] = lines
        return lines


class QuickSelect(forms.Select):
    """A ``<select>`` written in Python, with the same markup as Django's.

    Django renders every ``<option>`` through its own template include: for the 212 municipalities
    that was most of the time a page with the select spent rendering. Grouped choices fall back to
    Django's rendering; :class:`FrozenChoices` are written once per language.
    """

    def render(self, name, value, attrs=None, renderer=None):
        if isinstance(self.choices, FrozenChoices):
            lines, first = self.choices.option_lines()
        elif any(isinstance(label, list | tuple) for _value, label in self.choices):
            return super().render(name, value, attrs, renderer)
        else:
            lines, first = _option_lines(self.choices)
        at = first.get(next(iter(self.format_value(value)), None))
        if at is not None:  # only the first match is selected, as in Django
            lines = lines.copy()
            lines[at] = lines[at].replace('">', '" selected>', 1)  # the value is escaped: its quote is the first
        attrs = flatatt(self.build_attrs(self.attrs, attrs))  # sorted, as this widget always wrote them
        return mark_safe(f'<select name="{escape(name)}"{attrs}>\n' + "\n".join(lines) + "\n</select>")  # noqa: S308 - every part escaped above


class QuickTextInput(forms.TextInput):
    """A text ``<input>`` written in Python, with the same markup as Django's template writes.

    Django renders even one input through three templates of its own form renderer: on the
    signatory list that was more than its 50 rows cost once they were written in Python.
    """

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        value = "" if value is None else f' value="{escape(str(value))}"'
        attrs = _attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<input type="{escape(self.input_type)}" name="{escape(name)}"{value}{attrs}>')  # noqa: S308 - every part escaped
