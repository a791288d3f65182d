"""Looking up what backs an item: its path, its citations, its sources.

Every record with citations (an edition, the Secretariat, a body, a person) inherits `Cited`,
which answers ``citations_for(item)`` and ``sources_for(item)`` for a field, a path or one of the
record's own items.

```pycon
>>> import rok_ca_forum as rcf
>>> e = rcf.editions[12]
>>> item_path(e, e.delegations[1]), item_path(e, e.themes[0])
('delegations.KZ', 'themes.standardization')

```
"""

from typing import Any

import attrs

from rok_ca_forum.errors import InvalidArgumentError, InvalidTypeError
from rok_ca_forum.provenance import (
    Citation,
    Source,
    _fact_fields,
    _item_key,
    fact_paths,
    item_paths,
)

__all__ = ["Cited", "citations_for", "cited_sources", "item_path", "sources_for"]


def item_path(record: Any, item: object) -> str:
    """The path of ``item``: a field or path name as it is, an item of one of ``record``'s lists
    (a delegation, a deliverable, a theme, an agenda entry) by where it stands.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> e = rcf.editions[12]
    >>> item_path(e, e.delegations[1]), item_path(e, e.themes[0])
    ('delegations.KZ', 'themes.standardization')
    >>> item_path(e, e.deliverables[0]) == "deliverables." + e.deliverables[0].key
    True

    ```
    """
    if isinstance(item, str) and (item in fact_paths(type(record)) or item in item_paths(record)):
        return item
    for field in _fact_fields(record):
        value = getattr(record, field.name)
        if isinstance(value, tuple):
            for index, candidate in enumerate(value):
                if candidate is item or (
                    isinstance(item, str) and item in (candidate, getattr(candidate, "text", None))
                ):
                    return f"{field.name}.{_item_key(field, index, candidate)}"
    for field in _fact_fields(record):  # an equal copy of an item, not the item itself
        value = getattr(record, field.name)
        if isinstance(value, tuple) and not isinstance(item, str) and item in value:
            index = value.index(item)
            return f"{field.name}.{_item_key(field, index, value[index])}"
    name = type(record).__name__
    if not isinstance(item, str) and not attrs.has(type(item)):
        raise InvalidTypeError(
            f"sources_for() takes a field name, a path or an item of this {name.lower()}, "
            f"not {type(item).__name__}"
        )
    paths = fact_paths(type(record))
    listed = ", ".join(sorted(p for p in paths if "." not in p and p != "claims"))
    what = f"{'an' if name[0] in 'AEIOU' else 'a'} {name} field"
    shown = item[:80] if isinstance(item, str) else item
    raise InvalidArgumentError(
        f"{shown!r:.120} is not {what} or item; valid: {listed}, or paths such as "
        f"{', '.join(sorted(item_paths(record))[:3]) or 'none'}"
    )


def citations_for(record: Any, item: object) -> tuple[Citation, ...]:
    """The citations of ``record`` for ``item``: a field name, a path, or one of its items.

    A field or path with items below it (``"delegations"``, ``"delegations.KG"``) returns the
    citations of any of them.
    """
    path = item_path(record, item)
    prefix = path + "."
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    return tuple(c for c in citations if c.item == path or c.item.startswith(prefix))


def sources_for(record: Any, item: object) -> tuple[Source, ...]:
    """The sources cited for ``item`` (see `citations_for`), each once, in citation order."""
    return tuple(dict.fromkeys(c.source for c in citations_for(record, item)))


def cited_sources(record: Any) -> tuple[Source, ...]:
    """Every source ``record`` cites, each once, in the order first cited."""
    return tuple(dict.fromkeys(c.source for c in getattr(record, "citations", ())))


class Cited:
    """What every record with citations offers: its sources and citations, by item."""

    __slots__ = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the record cites, each once, in the order first cited."""
        return cited_sources(self)

    def citations_for(self, item: object) -> tuple[Citation, ...]:
        """The citations backing ``item``: a field (``"start_date"``), a path
        (``"delegations.KZ.head"``, ``"deliverables.joint-statement"``), or one of the record's own
        items. Each says whether its page states the item (`Grade.FULL`) or gives part of it.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> e = rcf.editions[12]
        >>> [c.grade.value for c in e.citations_for("end_date")][:1]
        ['partial']

        ```
        """
        return citations_for(self, item)

    def sources_for(self, item: object) -> tuple[Source, ...]:
        """The sources that back ``item``: a field (``"start_date"``), a path
        (``"delegations.KZ.head"``, ``"themes.water-resources"``), or one of the record's own
        items (a `Delegation`, a `Deliverable`, a `Theme`, a `Statement`).

        A field or path with items below it (``"delegations"``, ``"delegations.KZ"``) returns
        the sources backing any of them. Anything else raises `InvalidArgumentError`.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> e = rcf.editions[12]
        >>> "nCa" in " ".join(s.publisher for s in e.sources_for("delegations.KZ.head"))
        True
        >>> d = e.deliverables[0]
        >>> e.sources_for(d) == e.sources_for("deliverables." + d.key)
        True

        ```
        """
        return sources_for(self, item)
