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

__all__ = ["EditionResults"]


class EditionResults(tuple[Edition, ...]):
    """What ``filter()`` and ``search()`` return: a ``tuple[Edition, ...]`` with a notebook view."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from rok_ca_forum.display import EDITION_COLUMNS, edition_row, html_table

        return html_table([edition_row(e) for e in self], EDITION_COLUMNS)
