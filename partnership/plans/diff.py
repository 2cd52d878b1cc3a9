"""Readable differences between two revision snapshots (difflib), inline or side by side.

Text is compared line by line and, inside a changed line, word by word; the Markdown source is
shown escaped, never rendered, so a diff cannot inject markup.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from partnership.models import Action, ActionPlan

_WORDS = re.compile(r"(\s+)")


@dataclass
class Row:
    """One line of a side-by-side diff."""

    tag: str  # equal, replace, delete, insert
    left: str = ""
    right: str = ""


@dataclass
class FieldDiff:
    label: str
    rows: list = field(default_factory=list)
    inline: list = field(default_factory=list)  # (tag, html) per line


@dataclass
class ActionDiff:
    kind: str  # added, removed, changed
    summary: str
    pillar: str
    fields: list = field(default_factory=list)


def _words_diff(old, new):
    """(old_html, new_html, inline_html) of one changed line, with <del>/<ins> around changed words."""
    a, b = _WORDS.split(old), _WORDS.split(new)
    left, right, inline = [], [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old_part)
            right.append(new_part)
            inline.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
            inline.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
            inline.append(f"<ins>{new_part}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right)), mark_safe("".join(inline))  # noqa: S308 - escaped


def text_diff(label, old, new):
    """A FieldDiff of two texts, or None when they are equal."""
    old, new = old or "", new or ""
    if old == new:
        return None
    result = FieldDiff(label=label)
    a, b = old.splitlines() or [""], new.splitlines() or [""]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for line in a[i1:i2]:
                result.rows.append(Row("equal", escape(line), escape(line)))
                result.inline.append(("equal", escape(line)))
            continue
        if tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                left, right, inline = _words_diff(a[i1 + k], b[j1 + k])
                result.rows.append(Row("replace", left, right))
                result.inline.append(("replace", inline))
            i1, j1 = i1 + pairs, j1 + pairs
        for line in a[i1:i2]:
            result.rows.append(Row("delete", mark_safe(f"<del>{escape(line)}</del>"), ""))  # noqa: S308
            result.inline.append(("delete", mark_safe(f"<del>{escape(line)}</del>")))  # noqa: S308
        for line in b[j1:j2]:
            result.rows.append(Row("insert", "", mark_safe(f"<ins>{escape(line)}</ins>")))  # noqa: S308
            result.inline.append(("insert", mark_safe(f"<ins>{escape(line)}</ins>")))  # noqa: S308
    return result


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def _action_texts(item):
    return [
        (_("Pillar"), _label(Action.Pillar, item.get("pillar"))),
        (_("Proposed action"), item.get("proposed_action", "")),
        (_("Bottleneck addressed"), item.get("bottleneck", "")),
        (_("Responsible partners"), "\n".join(name for _pk, name in item.get("partners", []))),
        (_("Deadline"), item.get("deadline") or ""),
        (_("Status"), _label(Action.Status, item.get("status"))),
        (_("Indicators of success"), item.get("indicators", "")),
    ]


def _summary(item):
    text = " ".join((item.get("proposed_action") or "").split())
    return text[:100] + ("…" if len(text) > 100 else "")


def compare_snapshots(old, new):
    """{"fields": [FieldDiff], "actions": [ActionDiff]} of what changed from ``old`` to ``new``."""
    plan_fields = [
        (_("Title"), old.get("title"), new.get("title")),
        (_("Stage"), _label(ActionPlan.Stage, old.get("stage")), _label(ActionPlan.Stage, new.get("stage"))),
        (_("Status"), _label(ActionPlan.Status, old.get("status")), _label(ActionPlan.Status, new.get("status"))),
        (
            _("Language of the content"),
            _label(ActionPlan.Language, old.get("language")),
            _label(ActionPlan.Language, new.get("language")),
        ),
        (_("Introduction"), old.get("introduction"), new.get("introduction")),
    ]
    fields = [d for d in (text_diff(label, a, b) for label, a, b in plan_fields) if d]

    old_actions = {item["id"]: item for item in old.get("actions", [])}
    new_actions = {item["id"]: item for item in new.get("actions", [])}
    actions = []
    for item in new.get("actions", []):
        before = old_actions.get(item["id"])
        if before is None:
            diffs = [text_diff(label, "", text) for label, text in _action_texts(item)]
            actions.append(
                ActionDiff("added", _summary(item), _label(Action.Pillar, item["pillar"]), [d for d in diffs if d])
            )
            continue
        diffs = [
            text_diff(label, a, b)
            for (label, a), (_label2, b) in zip(_action_texts(before), _action_texts(item), strict=True)
        ]
        diffs = [d for d in diffs if d]
        if diffs:
            actions.append(ActionDiff("changed", _summary(item), _label(Action.Pillar, item["pillar"]), diffs))
    for item in old.get("actions", []):
        if item["id"] not in new_actions:
            diffs = [text_diff(label, text, "") for label, text in _action_texts(item)]
            actions.append(
                ActionDiff("removed", _summary(item), _label(Action.Pillar, item["pillar"]), [d for d in diffs if d])
            )
    old_order = [i for i in old_actions if i in new_actions]
    new_order = [i for i in new_actions if i in old_actions]
    return {"fields": fields, "actions": actions, "reordered": old_order != new_order}
