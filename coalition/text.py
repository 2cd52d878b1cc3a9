"""Text helpers shared by search, deduplication and seeds."""

import unicodedata


def fold(text):
    """Lower-case ``text`` and strip diacritics, so that "Tržič" and "trzic" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
