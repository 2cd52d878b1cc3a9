"""Bilingual model content: Slovenian is the original, English the translation.

A model keeps ``<field>_sl`` and ``<field>_en`` columns and declares ``<field> =
TranslatedField("<field>")``; reading ``obj.<field>`` gives the active language's text and
falls back to Slovenian where the English is missing.
"""

from django.utils.translation import get_language


def active_language():
    return (get_language() or "sl").split("-")[0]


class TranslatedField:
    def __init__(self, base):
        self.base = base

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if active_language() == "en":
            english = getattr(instance, f"{self.base}_en", "")
            if english:
                return english
        return getattr(instance, f"{self.base}_sl")
