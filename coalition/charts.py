"""The portal's server-side SVG charts, one module for every page: no scripts, no CDN, readable without colour.

Each function returns safe SVG markup to place inside a ``<figure>``: an ``<svg role="img">``
with a ``<title>`` (and a ``<desc>`` where the chart needs one); the page pairs it with the same
numbers as a table (for example in a ``<details>``) so screen readers and print get them too.
Colours are presentation attributes (allowed by the CSP, unlike ``style=""``) and come with a
second cue (shape, pattern or words), never colour alone; "no answer" is drawn as words, never as
a bar of zero. Numbers inside the SVG are never localised (``12.5``, not ``12,5``): SVG
coordinates are not prose. Labels and titles are escaped here.

Users: the workspace's statistics (bar, stacked bar and column charts), the declaration's
statistics (``timeline_chart``) and benchmarking (profile, progress, ranking and distribution).
"""

# ruff: noqa: E501 - SVG markup reads better unbroken

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

INK = "#1b2430"
MUTED = "#4a5563"
TRACK = "#e4e9ef"
GRID = "#c3ccd6"
BRAND = "#0b4f8a"
PEERS = "#007a5e"
NO_ANSWER = "#6b7480"
PALETTE = [BRAND, PEERS, "#b35c00", "#6a3d9a", "#a4161a", MUTED]
FONT = f'font-family="DejaVu Sans, Arial, sans-serif" font-size="13" fill="{INK}"'


def _svg(width, height, title, body, *, desc="", uid=""):
    """The ``<svg>`` around ``body`` (already safe).

    With ``uid`` the chart is labelled by its own ``<title>`` and ``<desc>`` (ids ``uid-t``,
    ``uid-d``); without, by its title alone. Either fills the width it is given.
    """
    if uid:
        return mark_safe(  # noqa: S308 - every interpolated text is escaped here or in the parts
            f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif">'
            f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>{body}</svg>'
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="{t}" class="chart"><title>{t}</title>{b}</svg>',
        w=width,
        h=height,
        t=title,
        b=body,
    )


def _num(value, decimals=0):
    return number_format(round(value, decimals), decimal_pos=decimals)


def _text(x, y, content, size=13, fill=INK, anchor="start", weight="normal", italic=False):
    style = ' font-style="italic"' if italic else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" '
        f'font-weight="{weight}"{style}>{escape(content)}</text>'
    )


def _diamond(cx, cy, r, fill):
    return f'<path d="M{cx:.1f} {cy - r:.1f} L{cx + r:.1f} {cy:.1f} L{cx:.1f} {cy + r:.1f} L{cx - r:.1f} {cy:.1f} Z" fill="{fill}" stroke="#fff" stroke-width="1.5"/>'


def _clip(label, length=70):
    label = str(label)
    return label if len(label) <= length else label[: length - 1] + "…"


def bar_chart(items, *, title, label_width=220, width=640, bar_height=22, gap=8):
    """Horizontal bars: ``items`` is a list of (label, value)."""
    items = list(items)
    top = max((value for _label, value in items), default=0) or 1
    room = width - label_width - 60
    parts = []
    for index, (label, value) in enumerate(items):
        y = index * (bar_height + gap)
        length = round(room * value / top)
        parts.append(
            format_html(
                '<text x="{lx}" y="{ty}" text-anchor="end" {font}>{label}</text>'
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}" rx="3"></rect>'
                '<text x="{vx}" y="{ty}" {font}>{value}</text>',
                lx=label_width - 8,
                ty=y + bar_height - 6,
                font=mark_safe(FONT),  # noqa: S308 - a constant
                label=_clip(label, 30),
                x=label_width,
                y=y,
                w=max(length, 1 if value else 0),
                h=bar_height,
                c=PALETTE[0],
                vx=label_width + length + 6,
                value=value,
            )
        )
    height = max(len(items) * (bar_height + gap), bar_height)
    return _svg(width, height, title, mark_safe("".join(parts)))  # noqa: S308 - every part escaped above


def stacked_bar_chart(categories, series, *, title, label_width=220, width=640, bar_height=22, gap=8):
    """Horizontal stacked bars with a legend: ``categories`` labels; ``series`` a list of (name, [values])."""
    categories = list(categories)
    totals = [sum(values[i] for _name, values in series) for i in range(len(categories))]
    top = max(totals, default=0) or 1
    room = width - label_width - 60
    legend_height = 28
    parts = []
    x = 0
    for index, (name, _values) in enumerate(series):
        parts.append(
            format_html(
                '<rect x="{x}" y="4" width="14" height="14" fill="{c}"></rect>'
                '<text x="{tx}" y="16" {font}>{name}</text>',
                x=x,
                c=PALETTE[index % len(PALETTE)],
                tx=x + 20,
                font=mark_safe(FONT),  # noqa: S308 - a constant
                name=name,
            )
        )
        x += 30 + 8 * len(str(name))
    for row, label in enumerate(categories):
        y = legend_height + row * (bar_height + gap)
        parts.append(
            format_html(
                '<text x="{lx}" y="{ty}" text-anchor="end" {font}>{label}</text>',
                lx=label_width - 8,
                ty=y + bar_height - 6,
                font=mark_safe(FONT),  # noqa: S308 - a constant
                label=_clip(label, 30),
            )
        )
        offset = label_width
        for index, (_name, values) in enumerate(series):
            length = round(room * values[row] / top)
            if length:
                parts.append(
                    format_html(
                        '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}"></rect>',
                        x=offset,
                        y=y,
                        w=length,
                        h=bar_height,
                        c=PALETTE[index % len(PALETTE)],
                    )
                )
            offset += length
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" {font}>{v}</text>',
                x=offset + 6,
                y=y + bar_height - 6,
                font=mark_safe(FONT),  # noqa: S308 - a constant
                v=totals[row],
            )
        )
    height = legend_height + max(len(categories) * (bar_height + gap), bar_height)
    return _svg(width, height, title, mark_safe("".join(parts)))  # noqa: S308 - every part escaped above


def column_chart(items, *, title, width=640, height=240, label_every=1):
    """Vertical columns, for values over time: ``items`` is a list of (label, value)."""
    items = list(items)
    top = max((value for _label, value in items), default=0) or 1
    bottom = 40
    room = height - bottom - 20
    step = (width - 20) / max(len(items), 1)
    bar = max(step * 0.7, 2)
    parts = [
        format_html(
            '<line x1="10" y1="{y}" x2="{x2}" y2="{y}" stroke="#4a5563"></line>', y=height - bottom, x2=width - 10
        )
    ]
    for index, (label, value) in enumerate(items):
        x = 10 + index * step + (step - bar) / 2
        length = round(room * value / top)
        parts.append(
            format_html(
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}"></rect>',
                x=round(x, 1),
                y=height - bottom - length,
                w=round(bar, 1),
                h=length,
                c=PALETTE[1],
            )
        )
        if value:
            parts.append(
                format_html(
                    '<text x="{x}" y="{y}" text-anchor="middle" {font}>{v}</text>',
                    x=round(x + bar / 2, 1),
                    y=height - bottom - length - 4,
                    font=mark_safe(FONT),  # noqa: S308 - a constant
                    v=value,
                )
            )
        if index % label_every == 0:
            parts.append(
                format_html(
                    '<text x="{x}" y="{y}" text-anchor="middle" {font}>{label}</text>',
                    x=round(x + bar / 2, 1),
                    y=height - bottom + 18,
                    font=mark_safe(FONT),  # noqa: S308 - a constant
                    label=label,
                )
            )
    return _svg(width, height, title, mark_safe("".join(parts)))  # noqa: S308 - every part escaped above


def timeline_chart(rows, *, title, desc, uid, label_every=None):
    """Columns over time with a value scale: ``rows`` is a list of (axis label, full label, value).

    Each column carries its full label and value as a tooltip (``<title>``); about eight axis
    labels are shown, whatever the number of columns.
    """
    rows = list(rows)
    width, height = 720, 240
    left, top, right, bottom = 48, 16, 12, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((value for _axis, _full, value in rows), default=0) or 1
    slot = plot_w / max(len(rows), 1)
    bar_w = max(min(slot * 0.7, 48), 1)
    label_every = label_every or max(1, len(rows) // 8)
    parts = []
    for tick in sorted({0, peak // 2, peak}):
        y = top + plot_h - plot_h * tick / peak
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d5dde6" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="{MUTED}">{tick}</text>'
        )
    for index, (axis_label, full_label, value) in enumerate(rows):
        bar_h = plot_h * value / peak
        x = left + index * slot + (slot - bar_w) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" fill="{BRAND}">'
            f"<title>{escape(full_label)}: {value}</title></rect>"
        )
        if index % label_every == 0:
            parts.append(_text(x + bar_w / 2, top + plot_h + 18, axis_label, size=12, fill=MUTED, anchor="middle"))
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{INK}" stroke-width="1"/>'
    )
    return _svg(width, height, title, "".join(parts), desc=desc, uid=uid)


# --- Benchmarking: scores against medians -----------------------------------------------------


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
    return _svg(width, height, title, "".join(parts), desc=desc, uid=uid)


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
    return _svg(width, height, title, "".join(parts), desc=desc, uid=uid)


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
    return _svg(width, height, title, "".join(parts), desc=desc, uid=uid)


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
    return _svg(width, height, title, "".join(parts), desc=desc, uid=uid)


def score_text(score):
    """A 0–100 score as people read it, or "no answer"."""
    return _("no answer") if score is None else _num(score)
