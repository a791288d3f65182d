"""Reprs and notebook views: one short line per record, numbered lists and HTML tables.

Built from the one-line texts of ``display``, so the terminal, ``repr`` and the HTML say the same
thing ("about 100" for an approximate figure). Every cell of HTML is escaped.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.editions[12]
Edition(number=12, year=2019, city='Nur-Sultan', host='KZ', …)
>>> rcf.editions.filter(host="KZ")
EditionResults: 1 edition
  [0] Edition(number=12, year=2019, city='Nur-Sultan', host='KZ', …)
>>> rcf.editions.filter(host="KZ", since=2020)._repr_html_()
'<p>No editions.</p>'

```
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

import attrs

from rok_ca_forum._meta import key_of
from rok_ca_forum.display import EDITION_COLUMNS, edition_row, line, value_text
from rok_ca_forum.enums import Grade
from rok_ca_forum.models import Edition

__all__ = [
    "MAX_REPR",
    "collection_repr",
    "dataset_html",
    "html_table",
    "record_html",
    "records_html",
    "short_repr",
]

#: A record's repr is shorter than this, whatever its values.
MAX_REPR = 200
_CUT = 40  # characters of a string value shown in a repr
_SHOWN = 20  # items a collection's repr lists before "… N more"


def _fields(record: object) -> tuple[attrs.Attribute[Any], ...]:
    cls: Any = type(record)
    return tuple(attrs.fields(cls))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_key = key_of


def _brief(value: object) -> str:
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, (int, dt.date)):
        return line(value)
    if isinstance(value, str):
        return repr(_cut(value, _CUT))
    if isinstance(value, tuple):
        return f"<{len(value)}>"
    if attrs.has(type(value)):
        key = _key(value)
        return _brief(key) if key is not None else repr(_cut(line(value), _CUT))
    return _cut(repr(value), _CUT)


def short_repr(record: object, names: Sequence[str]) -> str:
    """``Class(field=value, …)`` for the fields ``names`` (dotted paths allowed), under 200 chars.

    Linked records show their key (``host='KZ'``); ``…`` says that more fields exist.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> short_repr(rcf.editions[12].delegation("KZ"), ("country", "head"))
    "Delegation(country='KZ', head='mukhtar-tleuberdi', …)"

    ```
    """
    parts = []
    for name in names:
        value: Any = record
        for attr in name.split("."):
            value = getattr(value, attr, None)
        parts.append(f"{name}={_brief(value)}")
    shown = {n.split(".")[0] for n in names}
    if any(f.init and f.name not in shown for f in _fields(record)):
        parts.append("…")
    text = f"{type(record).__name__}({', '.join(parts)})"
    return text if len(text) < MAX_REPR else text[: MAX_REPR - 3] + "…)"


def collection_repr(header: str, items: Iterable[tuple[object, object]], size: int) -> str:
    """A header line, then one ``[key] record`` line per item (the first 20 of a long one).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> print(collection_repr("Countries: 1 member state", [("KZ", rcf.countries["KZ"])], 1))
    Countries: 1 member state
      ['KZ'] Country(alpha_2='KZ', name='Kazakhstan', …)

    ```
    """
    out = [header]
    for i, (key, item) in enumerate(items):
        if i == _SHOWN and size > _SHOWN + 1:
            out.append(f"  … {size - _SHOWN} more")
            break
        out.append(f"  [{key!r}] {item!r}")
    return "\n".join(out)


def html_table(rows: Iterable[Sequence[str]], columns: Sequence[str]) -> str:
    """A small, dependency-free HTML table; every cell escaped.

    ```pycon
    >>> html_table([("1", "<b>")], ("a", "b"))
    '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>&lt;b&gt;</td></tr></tbody></table>'

    ```
    """
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


_URL = re.compile(r"https?://\S+")


def _linked(text: str) -> str:
    """``text`` escaped, each http(s) URL in it a link (no other scheme is ever made one)."""
    out, last = [], 0
    for match in _URL.finditer(text):
        url = match.group(0)
        out += [escape(text[last : match.start()]), f'<a href="{escape(url)}">{escape(url)}</a>']
        last = match.end()
    return "".join(out) + escape(text[last:])


def _source_lines(record: object) -> list[str]:
    """Each source ``record`` cites, with the items it backs ("(part)": a partial citation)."""
    backs: dict[Any, list[str]] = {}
    for c in getattr(record, "citations", ()):
        backs.setdefault(c.source, []).append(
            c.item + (" (part)" if c.grade is Grade.PARTIAL else "")
        )
    return [
        _linked(line(source)) + f" — backs {escape(', '.join(items))}"
        for source, items in backs.items()
    ]


def record_html(record: object) -> str:
    """One record as HTML: a table of its facts, then each list in a section of its own, and for
    a record that cites sources, the sources, each URL a link.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> html = record_html(rcf.editions[12])
    >>> "<th>City</th><td>Nur-Sultan</td>" in html, "<td>about 100</td>" in html
    (True, True)
    >>> "<h4>Delegations</h4>" in html, '<a href="http://www.mofa.go.kr/' in html
    (True, True)

    ```
    """
    rows = [f"<tr><th>{escape(type(record).__name__)}</th><td>{_linked(line(record))}</td></tr>"]
    sections: list[tuple[str, list[str]]] = []
    cited = hasattr(record, "citations")
    for field in _fields(record):
        value = getattr(record, field.name)
        if not field.init or value == () or (cited and field.name == "citations"):
            continue
        if isinstance(value, tuple):
            sections.append((_label(field.name), [_linked(line(v)) for v in value]))
        else:
            # A view for people: read today, so that a plan already past says the data is older.
            cell = _linked(value_text(record, field.name, value, today=dt.date.today()))
            rows.append(f"<tr><th>{escape(_label(field.name))}</th><td>{cell}</td></tr>")
    if cited:  # the citations, by page: the record's sources are derived from them
        sections.append(("Sources", _source_lines(record)))
    facts = f"<table>{''.join(rows)}</table>"
    if not sections:
        return facts
    parts = "".join(
        f"<h4>{escape(label)}</h4><ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>"
        for label, items in sections
        if items
    )
    return f"<div><h4>Facts</h4>{facts}{parts}</div>"


def _cell(record: object, name: str, value: object) -> str:
    if isinstance(value, tuple) and len(value) > 3:
        return "; ".join(line(v) for v in value[:3]) + f"; … ({len(value)} in all)"
    return value_text(record, name, value, unknown="")


def records_html(records: Iterable[object], what: str = "records") -> str:
    """A table of records, one row each; an empty one says so.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> records_html(rcf.people)[:58]
    '<table><thead><tr><th>Id</th><th>Name</th><th>Aliases</th>'
    >>> records_html((), "people")
    '<p>No people.</p>'

    ```
    """
    items = tuple(records)
    if not items:
        return f"<p>No {escape(what)}.</p>"
    first = items[0]
    if isinstance(first, Edition):
        return html_table((edition_row(e) for e in items), EDITION_COLUMNS)  # type: ignore[arg-type]
    fields = [f for f in _fields(first) if f.init]
    rows = ([_cell(r, f.name, getattr(r, f.name)) for f in fields] for r in items)
    return html_table(rows, [_label(f.name) for f in fields])


def dataset_html(ds: Any) -> str:
    """What a `Dataset` holds, as a two-column HTML table.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> "<th>Editions</th><td>18, 2007–2026</td>" in dataset_html(rcf.load())
    True

    ```
    """
    editions = ds.editions
    years = f", {editions[1].year}–{tuple(editions)[-1].year}" if len(editions) else ""
    secretariat = ds.secretariat
    facts = [
        ("Editions", f"{len(editions)}{years}"),
        ("Member states", ", ".join(c.alpha_2 for c in ds.countries)),
        ("Themes", str(len(ds.themes))),
        ("People", str(len(ds.people))),
        ("Secretariat", line(secretariat) if secretariat else "none"),
        ("Bodies", "; ".join(line(b) for b in ds.bodies) or "none"),
    ]
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in facts)
    return f"<table>{rows}</table>"
