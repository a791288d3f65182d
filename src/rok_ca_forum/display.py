"""Plain-text renderings for the terminal: one edition in full, or aligned tables.

```pycon
>>> import rok_ca_forum as rcf
>>> print(describe(rcf.editions[12]).splitlines()[0])
12th ROK–Central Asia Cooperation Forum
>>> print(table([("1", "Seoul")], ("No.", "City")))
No.  City
---  -----
1    Seoul

```
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence

from rok_ca_forum.models import Edition
from rok_ca_forum.results import date_range

__all__ = ["describe", "table"]

_WIDTH = 100


def _width(text: str) -> int:
    # Hangul and other wide characters take two terminal cells.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: Sequence[Sequence[str]], columns: Sequence[str]) -> str:
    """Rows aligned under their column headings."""
    widths = [_width(c) for c in columns]
    for row in rows:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=False)]

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    rule = ["-" * w for w in widths]
    return "\n".join([line(columns), line(rule), *(line(r) for r in rows)])


def _wrap(text: str, indent: str = "    ") -> str:
    # Never split a word or a URL: a broken link cannot be copied from the terminal.
    return textwrap.fill(
        text,
        width=_WIDTH,
        initial_indent=indent + "- ",
        subsequent_indent=indent + "  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def describe(e: Edition) -> str:
    """Everything known about one edition, as readable text."""
    dates = date_range(e, missing="unknown", joiner=" to ")
    place = ", ".join(p for p in (e.city, e.host.name if e.host else None) if p) or "unknown"
    facts = [
        ("Status", e.status.value),
        (
            "Year",
            f"{e.year}" + (" (inferred)" if any(i.field == "year" for i in e.inferred) else ""),
        ),
        ("Dates", dates),
        ("Place", place),
        ("Venue", e.venue or "unknown"),
        ("Level", e.level.value if e.level else "unknown"),
        ("Format", e.format.value if e.format else "unknown"),
        ("Participants", f"about {e.participants}" if e.participants else "unknown"),
    ]
    if e.motto:
        facts.append(("Motto", e.motto))
    out = [e.title, "=" * _width(e.title)]
    out += [f"{label:<14}{value}" for label, value in facts]
    if e.delegations:
        out += ["", "Delegations"]
        name_width = max(len(d.country.name) for d in e.delegations) + 2
        for d in e.delegations:
            head = d.head.name if d.head else "head not known"
            title = f", {d.head_title}" if d.head_title else ""
            out.append(f"    {d.country.alpha_2}  {d.country.name:<{name_width}}{head}{title}")
    if e.themes:
        out += ["", "Themes", _wrap(", ".join(t.label for t in e.themes))]
    sections: list[tuple[str, list[str]]] = [
        ("Agenda", list(e.agenda)),
        (
            "Deliverables",
            [
                f"[{d.kind.value.replace('_', ' ')}] {d.title}"
                + (f" ({d.date})" if d.date else "")
                + (f": {d.description}" if d.description else "")
                for d in e.deliverables
            ],
        ),
        ("Notes", list(e.notes)),
        ("Inferred", [f"{i.field}: {i.note}" for i in e.inferred]),
        (
            "Where sources disagree",
            [
                f"{d.field}: kept {d.value!r}; also reported "
                + "; ".join(repr(a.value) for a in d.alternatives)
                + (f". {d.note}" if d.note else "")
                for d in e.discrepancies
            ],
        ),
        (
            "Sources",
            [
                f"{s.publisher}" + (f", {s.published}" if s.published else "") + f": {s.url}"
                for s in e.sources
            ],
        ),
    ]
    for heading, items in sections:
        if items:
            out += ["", heading, *(_wrap(item) for item in items)]
    return "\n".join(out)
