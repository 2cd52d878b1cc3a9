"""Server-side SVG charts for the benchmarking pages: no scripts, nothing from a CDN.

Each function returns markup for an ``<svg role="img">`` with a ``<title>`` and ``<desc>``; the
page puts a table with the same numbers behind a ``<details>`` disclosure as the text
alternative. Colours come with a second cue (shape or pattern), never colour alone, and
"no answer" is drawn as words on an empty track, never as a bar of zero.

(``coalition/charts.py`` did not exist when this was written; this module is self-contained.)
"""

# ruff: noqa: E501 - SVG markup and bilingual prose read better unbroken

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

INK = "#1b2430"
MUTED = "#4a5563"
TRACK = "#e4e9ef"
GRID = "#c3ccd6"
BRAND = "#0b4f8a"
PEERS = "#007a5e"
NO_ANSWER = "#6b7480"


def _num(value, decimals=0):
    return number_format(round(value, decimals), decimal_pos=decimals)


def _svg(width, height, title, desc, body, uid):
    return mark_safe(  # noqa: S308 - every interpolated text is escaped above
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>{body}</svg>'
    )


def _text(x, y, content, size=13, fill=INK, anchor="start", weight="normal", italic=False):
    style = ' font-style="italic"' if italic else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" '
        f'font-weight="{weight}"{style}>{escape(content)}</text>'
    )


def _diamond(cx, cy, r, fill):
    return f'<path d="M{cx:.1f} {cy - r:.1f} L{cx + r:.1f} {cy:.1f} L{cx:.1f} {cy + r:.1f} L{cx - r:.1f} {cy:.1f} Z" fill="{fill}" stroke="#fff" stroke-width="1.5"/>'


def _clip(label, length=70):
    return label if len(label) <= length else label[: length - 1] + "…"


def profile_chart(rows, *, title, desc, uid, subject_label, peers_label):
    """One row per indicator: the municipality's score (bar), national median (line), peer median (diamond).

    ``rows``: dicts with ``label``, ``score``, ``national``, ``peers`` (0–100 or None) and ``value_text``.
    """
    width, left, right, row_h, top = 760, 10, 120, 50, 58
    track = width - left - right
    height = top + row_h * len(rows) + 36
    parts = [
        f'<rect x="{left}" y="8" width="16" height="12" fill="{BRAND}"/>',
        _text(left + 22, 19, subject_label),
        f'<rect x="{left + 250}" y="5" width="3" height="18" fill="{INK}"/>',
        _text(left + 260, 19, _("national median")),
        _diamond(left + 430, 14, 7, PEERS),
        _text(left + 442, 19, peers_label),
    ]
    for tick in (0, 25, 50, 75, 100):
        x = left + track * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 30}" stroke="{GRID}" stroke-dasharray="2 3"/>'
        )
        parts.append(_text(x, height - 12, str(tick), size=12, fill=MUTED, anchor="middle"))
    for index, row in enumerate(rows):
        y = top + index * row_h
        parts.append(_text(left, y + 4, _clip(row["label"]), size=13))
        bar_y = y + 12
        parts.append(f'<rect x="{left}" y="{bar_y}" width="{track}" height="20" fill="{TRACK}"/>')
        if row["score"] is None:
            parts.append(_text(left + 8, bar_y + 15, _("no answer"), size=12, fill=NO_ANSWER, italic=True))
        else:
            bar = max(track * row["score"] / 100, 2)
            parts.append(f'<rect x="{left}" y="{bar_y}" width="{bar:.1f}" height="20" fill="{BRAND}"/>')
        if row.get("national") is not None:
            x = left + track * row["national"] / 100
            parts.append(f'<rect x="{x - 1.5:.1f}" y="{bar_y - 5}" width="3" height="30" fill="{INK}"/>')
        if row.get("peers") is not None:
            x = left + track * row["peers"] / 100
            parts.append(_diamond(x, bar_y + 10, 8, PEERS))
        if row["score"] is not None:
            parts.append(_text(width - right + 10, bar_y + 15, row.get("value_text", ""), size=13, weight="bold"))
    return _svg(width, height, title, desc, "".join(parts), uid)


def progress_chart(points, *, title, desc, uid, subject_label, peers_label):
    """Overall score (0–100) per year: the municipality, the national median and the peer median."""
    width, height, left, right, top, bottom = 760, 300, 48, 20, 40, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    years = [p.year for p in points]
    parts = []

    def x_of(i):
        return left + (plot_w / 2 if len(years) == 1 else plot_w * i / (len(years) - 1))

    def y_of(score):
        return top + plot_h * (1 - score / 100)

    for tick in (0, 25, 50, 75, 100):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}" stroke-dasharray="2 3"/>'
        )
        parts.append(_text(left - 8, y + 4, str(tick), size=12, fill=MUTED, anchor="end"))
    for i, year in enumerate(years):
        parts.append(_text(x_of(i), height - 14, str(year), size=12, fill=MUTED, anchor="middle"))
    series = [
        ("national", INK, "6 4", "square", _("national median")),
        ("peers", PEERS, "2 3", "diamond", peers_label),
        ("score", BRAND, "", "circle", subject_label),
    ]
    for key, colour, dash, marker, _label in series:
        coords = [(x_of(i), y_of(getattr(p, key))) for i, p in enumerate(points) if getattr(p, key) is not None]
        if len(coords) > 1:
            path = " ".join(f"{'M' if n == 0 else 'L'}{x:.1f} {y:.1f}" for n, (x, y) in enumerate(coords))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="3"{dash_attr}/>')
        for x, y in coords:
            if marker == "circle":
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
                )
            elif marker == "diamond":
                parts.append(_diamond(x, y, 7, colour))
            else:
                parts.append(f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>')
    if all(p.score is None for p in points):
        parts.append(
            _text(
                left + plot_w / 2,
                top + 24,
                _("%(name)s: no answer") % {"name": subject_label},
                fill=NO_ANSWER,
                anchor="middle",
                italic=True,
            )
        )
    legend_x = left
    for _key, colour, _dash, marker, label in reversed(series):
        if marker == "circle":
            parts.append(f'<circle cx="{legend_x + 6}" cy="16" r="6" fill="{colour}"/>')
        elif marker == "diamond":
            parts.append(_diamond(legend_x + 6, 16, 7, colour))
        else:
            parts.append(f'<rect x="{legend_x + 1}" y="11" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(legend_x + 18, 21, label))
        legend_x += 24 + len(label) * 7.6
    return _svg(width, height, title, desc, "".join(parts), uid)


def ranking_chart(rows, *, total, title, desc, uid):
    """Indicators by how many municipalities have reached them: ``rows`` of (label, reached)."""
    width, left, right, row_h, top = 760, 10, 170, 46, 10
    track = width - left - right
    height = top + row_h * len(rows) + 10
    parts = []
    for index, (label, reached) in enumerate(rows):
        y = top + index * row_h
        parts.append(_text(left, y + 12, _clip(label), size=13))
        bar_y = y + 18
        parts.append(f'<rect x="{left}" y="{bar_y}" width="{track}" height="18" fill="{TRACK}"/>')
        if total and reached:
            parts.append(
                f'<rect x="{left}" y="{bar_y}" width="{track * reached / total:.1f}" height="18" fill="{BRAND}"/>'
            )
        text = _("%(reached)s of %(total)s") % {"reached": reached, "total": total}
        parts.append(_text(width - right + 10, bar_y + 14, text, size=13, weight="bold"))
    return _svg(width, height, title, desc, "".join(parts), uid)


def distribution_chart(bins, *, no_answer, title, desc, uid):
    """Municipalities per fifth of the overall score, and beside them (apart) those with no answer."""
    width, height, left, top, bottom = 760, 290, 48, 24, 56
    plot_h = height - top - bottom
    column_w, gap = 86, 22
    peak = max([count for _low, _high, count in bins] + [1])
    parts = []
    for i, (low, high, count) in enumerate(bins):
        x = left + i * (column_w + gap)
        bar_h = plot_h * count / peak
        parts.append(
            f'<rect x="{x}" y="{top + plot_h - bar_h:.1f}" width="{column_w}" height="{bar_h:.1f}" fill="{BRAND}"/>'
        )
        parts.append(
            _text(x + column_w / 2, top + plot_h - bar_h - 6, str(count), size=13, anchor="middle", weight="bold")
        )
        parts.append(_text(x + column_w / 2, height - 34, f"{low}–{high}", size=12, fill=MUTED, anchor="middle"))
    parts.append(_text(left, height - 12, _("← beginners · overall score · pioneers →"), size=12, fill=MUTED))
    divider_x = left + len(bins) * (column_w + gap) + 10
    parts.append(
        f'<line x1="{divider_x}" y1="{top}" x2="{divider_x}" y2="{top + plot_h}" stroke="{MUTED}" stroke-dasharray="4 4"/>'
    )
    # Not a bar: those without an answer are a count beside the scale, never a height on it.
    x, box_w = divider_x + 24, column_w + 40
    parts.append(
        f'<rect x="{x}" y="{top + plot_h / 2 - 45:.1f}" width="{box_w}" height="90" fill="#fff" '
        f'stroke="{NO_ANSWER}" stroke-width="2" stroke-dasharray="5 3"/>'
    )
    parts.append(_text(x + box_w / 2, top + plot_h / 2 - 2, str(no_answer), size=22, anchor="middle", weight="bold"))
    parts.append(
        _text(x + box_w / 2, top + plot_h / 2 + 24, _("no answer"), size=13, fill=MUTED, anchor="middle", italic=True)
    )
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{divider_x - 10}" y2="{top + plot_h}" stroke="{INK}"/>')
    return _svg(width, height, title, desc, "".join(parts), uid)


def score_text(score):
    """A 0–100 score as people read it, or "no answer"."""
    return _("no answer") if score is None else _num(score)
