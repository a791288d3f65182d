"""Where rendering lives: editions and tables as plain text for the terminal and HTML for notebooks.

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the models import this module to draw themselves
    from rok_ca_forum.models import Edition

__all__ = [
    "EDITION_COLUMNS",
    "date_range",
    "describe",
    "edition_html",
    "edition_row",
    "html_table",
    "table",
]

_WIDTH = 100

#: The columns of a table of editions, in notebooks and the terminal.
EDITION_COLUMNS = ("No.", "Year", "Dates", "City", "Host", "Level", "Format", "Heads of delegation")


def date_range(e: Edition, *, missing: str = "", joiner: str = " – ") -> str:
    """An edition's dates as text: one day, or first and last day; ``missing`` when unknown.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> date_range(rcf.editions[11]), date_range(rcf.editions[2], missing="unknown")
    ('2018-11-06 – 2018-11-07', 'unknown')

    ```
    """
    if e.start_date is None:
        return missing
    if e.end_date is None or e.end_date == e.start_date:
        return e.start_date.isoformat()
    return f"{e.start_date.isoformat()}{joiner}{e.end_date.isoformat()}"


def edition_row(e: Edition) -> tuple[str, ...]:
    """The cells of one edition's row, as text (used by HTML tables and the terminal).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> edition_row(rcf.editions[12])[:5]
    ('12', '2019', '2019-10-16', 'Nur-Sultan', 'KZ')

    ```
    """
    heads = "; ".join(
        f"{d.country.alpha_2}: {d.head.name}" for d in e.delegations if d.head is not None
    )
    return (
        str(e.number),
        str(e.year),
        date_range(e),
        e.city or "",
        e.host.alpha_2 if e.host else "",
        e.level.value if e.level else "",
        e.format.value if e.format else "",
        heads,
    )


def html_table(rows: list[tuple[str, ...]], columns: tuple[str, ...]) -> str:
    """A small, dependency-free HTML table; every cell escaped.

    ```pycon
    >>> html_table([("1", "<b>")], ("a", "b"))
    '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>&lt;b&gt;</td></tr></tbody></table>'

    ```
    """
    from html import escape

    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def edition_html(e: Edition) -> str:
    """One edition as a two-column HTML table of its facts, delegations and sources.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> "<th>City</th><td>Nur-Sultan</td>" in edition_html(rcf.editions[12])
    True

    ```
    """
    facts = [
        ("Edition", e.title),
        ("Status", e.status.value),
        ("Dates", date_range(e) or "unknown"),
        ("City", e.city or "unknown"),
        ("Host", e.host.name if e.host else "unknown"),
        ("Venue", e.venue or "unknown"),
        ("Level", e.level.value if e.level else "unknown"),
        ("Format", e.format.value if e.format else "unknown"),
        ("Participants", str(e.participants) if e.participants else "unknown"),
        ("Themes", ", ".join(t.label for t in e.themes)),
    ]
    facts += [
        (f"Delegation {d.country.alpha_2}", ", ".join(
            x for x in (d.head.name if d.head else "head unknown", d.head_title) if x
        ))
        for d in e.delegations
    ]  # fmt: skip
    facts += [(f"Deliverable ({d.kind.value})", d.title) for d in e.deliverables]
    facts.append(("Sources", f"{len(e.sources)} (see .sources)"))
    from html import escape

    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in facts)
    return f"<table>{rows}</table>"


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
