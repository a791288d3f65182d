"""Where rendering lives: records as text, for the terminal, ``str()`` and the cells of tables.

Every record has one line of text (`line`); an edition also has its full description
(`describe`, what ``str(edition)`` and ``rok-ca-forum show`` print), wrapped to a width that
never breaks a word or a URL. HTML and reprs, built from the same lines, are in ``views``.

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

import datetime as dt
import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from rok_ca_forum._columns import WIDTH, table, text_width, wrap
from rok_ca_forum._meta import is_approximate
from rok_ca_forum._text import day_text, number_text

if TYPE_CHECKING:  # annotations only: the models import this module (lazily) to draw themselves
    from rok_ca_forum.models import Edition

__all__ = [
    "EDITION_COLUMNS",
    "WIDTH",
    "date_range",
    "describe",
    "describe_record",
    "edition_row",
    "line",
    "status_text",
    "table",
    "text_width",
    "value_text",
    "wrap",
]


#: The columns of a table of editions, in notebooks and the terminal.
EDITION_COLUMNS = ("No.", "Year", "Dates", "City", "Host", "Level", "Format")


def date_range(e: Edition, *, missing: str = "") -> str:
    """An edition's dates, the same in every view: ``16 Oct 2019``, ``6–7 Nov 2018``.

    A planned edition says so; ``missing`` stands for unknown dates of a held one.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> date_range(rcf.editions[11]), date_range(rcf.editions[2], missing="unknown")
    ('6–7 Nov 2018', 'unknown')
    >>> date_range(rcf.editions[18])
    'planned'

    ```
    """
    planned = e.status.value == "planned"
    start, end = e.start_date, e.end_date
    if start is None:
        return "planned" if planned else missing
    if end is None or end == start:
        text = day_text(start)
    elif (start.year, start.month) == (end.year, end.month):
        text = f"{start.day}–{day_text(end)}"
    elif start.year == end.year:
        text = f"{day_text(start, year=False)} – {day_text(end)}"
    else:
        text = f"{day_text(start)} – {day_text(end)}"
    return f"{text} (planned)" if planned else text


def edition_row(e: Edition) -> tuple[str, ...]:
    """The cells of one edition's row under `EDITION_COLUMNS` (HTML tables and the terminal).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> edition_row(rcf.editions[12])
    ('12', '2019', '16 Oct 2019', 'Nur-Sultan', 'KZ', 'ministerial', 'in-person')

    ```
    """
    return (
        str(e.number),
        str(e.year),
        date_range(e),
        e.city or "",
        e.host.alpha_2 if e.host else "",
        e.level.value if e.level else "",
        e.format.value if e.format else "",
    )


def status_text(record: Any, today: dt.date | None) -> str:
    """A record's status; a plan whose date has passed by ``today`` says the data is older.

    ```pycon
    >>> import datetime as dt
    >>> import rok_ca_forum as rcf
    >>> status_text(rcf.editions[18], dt.date(2026, 1, 1))
    'planned'
    >>> status_text(rcf.editions[18], dt.date(2027, 1, 1))
    'planned, as of 2026-02-17; no later report'

    ```
    """
    from rok_ca_forum._version import DATA_AS_OF

    status = line(record.status) if record.status is not None else "unknown"
    if today is not None and record.is_overdue(today):
        return f"{status}, as of {DATA_AS_OF.isoformat()}; no later report"
    return status


def value_text(
    record: object,
    name: str,
    value: object,
    *,
    unknown: str = "unknown",
    today: dt.date | None = None,
) -> str:
    """A field's value as text: ``about 100`` for a figure its model marks approximate, and a
    plan overdue by ``today`` marked as such.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> e = rcf.editions[12]
    >>> value_text(e, "participants", e.participants), value_text(e, "venue", None)
    ('about 100', 'unknown')

    ```
    """
    if name == "status" and today is not None and hasattr(record, "is_overdue"):
        return status_text(record, today)
    if value is None:
        return unknown
    if isinstance(value, tuple):
        return "; ".join(line(v) for v in value)
    text = line(value)
    return f"about {text}" if is_approximate(type(record), name) else text


def line(value: object) -> str:
    """Any value the package hands out as one line of text: a record, a date, an enum, a number.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> line(rcf.editions[12].delegation("KZ"))
    'KZ Kazakhstan: Mukhtar Tleuberdi, Minister of Foreign Affairs'
    >>> line(rcf.editions[12].start_date), line(rcf.editions[12].level)
    ('16 Oct 2019', 'ministerial')

    ```
    """
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return day_text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return number_text(value)
    if isinstance(value, str):
        return value
    own = getattr(value, "_line", None)  # each record owns its one-line text
    if own is not None and attrs.has(type(value)):
        return str(own())
    return repr(value)


def describe(
    e: Edition, *, width: int = WIDTH, lang: str = "en", today: dt.date | None = None
) -> str:
    """Everything known about one edition, as text ``width`` cells wide (URLs kept whole).

    ``lang`` gives the country names (``Country.name_in``); with ``today``, a plan whose date has
    passed says the data is older. It is what ``str(edition)`` and ``rok-ca-forum show`` print.
    """
    width = max(width, 40)
    place = ", ".join(p for p in (e.city, e.host.name_in(lang) if e.host else None) if p)
    facts = [
        ("Status", status_text(e, today)),
        ("Year", f"{e.year}{' (inferred)' if any(i.field == 'year' for i in e.inferred) else ''}"),
        ("Dates", date_range(e, missing="unknown")),
        ("Place", place or "unknown"),
        *((f.name.capitalize(), value_text(e, f.name, getattr(e, f.name)))
          for f in attrs.fields(type(e)) if f.name in ("venue", "level", "format", "participants")),
    ]  # fmt: skip
    if e.motto:
        facts.append(("Motto", e.motto))
    out = [e.title, "=" * text_width(e.title)]
    out += [wrap(value, width, f"{label:<14}", " " * 14) for label, value in facts]
    if e.delegations:
        out += ["", "Delegations"]
        for d in e.delegations:
            head = ", ".join(
                x for x in (d.head.name if d.head else "head not known", d.head_title) if x
            )
            out.append(
                wrap(
                    f"{d.country.name_in(lang)}: {head}",
                    width,
                    f"    {d.country.alpha_2}  ",
                    " " * 8,
                )
            )
    sections = [
        ("Themes", [", ".join(t.label for t in e.themes)] if e.themes else []),
        ("Agenda", [line(s) for s in e.agenda]),
        ("Deliverables", [line(d) for d in e.deliverables]),
        ("Notes", [line(s) for s in e.notes]),
        ("Inferred", [line(i) for i in e.inferred]),
        ("Where sources disagree", [line(d) for d in e.discrepancies]),
        ("Sources", [line(s) for s in e.sources]),
    ]
    return "\n".join(out + _sections(sections, width))


def _sections(sections: Sequence[tuple[str, Sequence[str]]], width: int) -> list[str]:
    out: list[str] = []
    for heading, items in sections:
        if items:
            out += ["", heading, *(wrap(item, width, "    - ", "      ") for item in items)]
    return out


def describe_record(record: Any, *, width: int = WIDTH) -> str:
    """Any record as text: a heading, its single facts, then each list as a section.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> print(*(x for x in describe_record(rcf.secretariat).splitlines() if "Operator" in x))
    Operator      Korea Foundation

    ```
    """
    heading = line(record)
    out = [heading, "=" * text_width(heading)]
    sections: list[tuple[str, list[str]]] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        label = field.name.replace("_", " ").capitalize()
        if isinstance(value, tuple):
            sections.append((label, [line(v) for v in value]))
        elif value is not None:
            text = value_text(record, field.name, value)
            out.append(wrap(text, max(width, 40), f"{label:<14}", " " * 14))
    return "\n".join(out + _sections(sections, max(width, 40)))
