"""Query results: a plain tuple of editions that also draws itself as a table in notebooks.

```pycon
>>> import rok_ca_forum as rcf
>>> found = rcf.editions.filter(host="TJ")
>>> isinstance(found, tuple), [e.number for e in found]
(True, [14])
>>> "<table" in found._repr_html_()
True

```
"""

from __future__ import annotations

from rok_ca_forum.models import Edition

__all__ = ["EditionResults", "date_range", "edition_html", "edition_row", "html_table"]

_COLUMNS = ("No.", "Year", "Dates", "City", "Host", "Level", "Format", "Heads of delegation")


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


class EditionResults(tuple[Edition, ...]):
    """What ``filter()`` and ``search()`` return: a ``tuple[Edition, ...]`` with a notebook view."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return html_table([edition_row(e) for e in self], _COLUMNS)
