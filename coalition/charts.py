"""Tiny server-side SVG charts: no scripts, no CDN, readable without colour.

Each function returns safe SVG markup to place inside a ``<figure>``; pair it with the same
numbers as a table (for example in a ``<details>``) so screen readers and print get them too.
Colours are presentation attributes (allowed by the CSP, unlike ``style=""``).
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

PALETTE = ["#0b4f8a", "#007a5e", "#b35c00", "#6a3d9a", "#a4161a", "#4a5563"]
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="13" fill="#1b2430"'


def _svg(width, height, title, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="{t}" class="chart"><title>{t}</title>{b}</svg>',
        w=width,
        h=height,
        t=title,
        b=body,
    )


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
                label=_truncate(label, 30),
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
                label=_truncate(label, 30),
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


def _truncate(text, length):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


__all__ = ["bar_chart", "column_chart", "stacked_bar_chart"]
