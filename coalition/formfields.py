"""Form fields that answer bad input with a message naming the field, whatever the database.

Django's model choice fields look a submitted id up in the database; SQLite (the embedded default)
raises ``OverflowError`` for an integer past 64 bits, which Django does not catch, so a hand-made
POST answered 500. Such an id cannot name a row: it is refused like any unknown choice.
"""

from django import forms

# The largest id any of our databases can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def _out_of_range(value):
    try:
        return abs(int(str(value).strip())) > MAX_ID
    except (TypeError, ValueError):
        return False


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else [value]:
            if _out_of_range(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if _out_of_range(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return super().to_python(value)
