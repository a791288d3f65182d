"""An SVG timeline of the editions by year, host country and level, drawn from the data.

No plotting library: the figure is a few dozen SVG elements, written by hand.
"""

from __future__ import annotations

from html import escape

import rok_ca_forum as rcf

_ROW = 34
_LEFT = 150
_YEAR_WIDTH = 36


def render_svg() -> str:
    """The figure as SVG text."""
    editions = list(rcf.editions)
    first, last = editions[0].year, editions[-1].year
    countries = list(rcf.countries)
    width = _LEFT + (last - first + 1) * _YEAR_WIDTH + 20
    height = (len(countries) + 2) * _ROW + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12" role="img">',
        "<title>Editions of the ROK–Central Asia Cooperation Forum by year and host</title>",
    ]
    rows = {c.alpha_2: i for i, c in enumerate(countries)}
    unknown_row = len(countries)
    for i, c in enumerate(countries):
        y = 30 + i * _ROW
        parts.append(f'<text x="10" y="{y + 4}">{escape(c.name)}</text>')
        parts.append(f'<line x1="{_LEFT}" y1="{y}" x2="{width - 10}" y2="{y}" stroke="#ddd"/>')
    y_unknown = 30 + unknown_row * _ROW
    parts.append(f'<text x="10" y="{y_unknown + 4}">host not known</text>')
    for year in range(first, last + 1):
        x = _LEFT + (year - first) * _YEAR_WIDTH + _YEAR_WIDTH // 2
        label = f'<text x="{x}" y="{height - 10}" text-anchor="middle" font-size="10">{year}</text>'
        parts.append(label)
    for e in editions:
        x = _LEFT + (e.year - first) * _YEAR_WIDTH + _YEAR_WIDTH // 2
        row = rows[e.host.alpha_2] if e.host else unknown_row
        y = 30 + row * _ROW
        if e.level is rcf.Level.MINISTERIAL:
            fill, stroke = "#1f5fa8", "#1f5fa8"
        elif e.level is rcf.Level.VICE_MINISTERIAL:
            fill, stroke = "white", "#1f5fa8"
        else:
            fill, stroke = "#ccc", "#999"
        dash = ' stroke-dasharray="3,2"' if e.status is rcf.Status.PLANNED else ""
        level = e.level.value if e.level else "level unknown"
        tip = f"{e.title}: {e.city or 'city unknown'}, {level}"
        parts.append(
            f'<g><title>{escape(tip)}</title><circle cx="{x}" cy="{y}" r="11" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="2"{dash}/>'
            f'<text x="{x}" y="{y + 4}" text-anchor="middle" font-size="10" '
            f'fill="{"white" if fill == "#1f5fa8" else "black"}">{e.number}</text></g>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


#: The copy the README shows (a README cannot run the docs build); tests check it is in sync.
README_COPY = "docs/timeline.svg"

if __name__ == "__main__":  # python -m tools.timeline: refresh the README's copy
    from pathlib import Path

    Path(__file__).resolve().parent.parent.joinpath(README_COPY).write_text(
        render_svg(), encoding="utf-8"
    )
