"""Tidy tables of a dataset: plain rows with a declared schema, keys and links between tables.

One description serves the DataFrames (``frames``, pandas or polars) and the export for people
outside Python (``export``: CSV and a Frictionless Data Package). No third-party library here.

```pycon
>>> import rok_ca_forum as rcf
>>> t = tidy(rcf.load())
>>> print(*t)  # doctest: +NORMALIZE_WHITESPACE
editions delegations edition_themes deliverables agenda notes sources citations people
countries themes secretariat_heads
>>> t["delegations"].primary_key, t["delegations"].rows[0][:4]
(('edition', 'country'), (1, 2007, 'KR', 'delegations.KR'))

```
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from rok_ca_forum._meta import is_approximate, key_field, key_of
from rok_ca_forum.errors import InvalidTypeError
from rok_ca_forum.models import Delegation, Edition

if TYPE_CHECKING:
    from rok_ca_forum.dataset import Dataset

__all__ = ["Column", "Table", "entry_of", "record_table", "tidy"]


class Column(NamedTuple):
    """A column: its name, its type (``integer``, ``string`` or ``date``) and what it means."""

    name: str
    type: str = "string"
    required: bool = False
    description: str = ""


class Table(NamedTuple):
    """Rows under columns, with a primary key and foreign keys ``(columns, table, columns)``."""

    name: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    description: str = ""


def _c(spec: str, description: str = "") -> Column:
    """``"name:type!"``: type defaults to string, ``!`` marks a value every row has."""
    name, _, kind = spec.partition(":")
    required = kind.endswith("!") or name.endswith("!")
    return Column(name.rstrip("!"), kind.rstrip("!") or "string", required, description)


_EDITION = (
    _c("number:integer!", "the edition's number, 1 for 2007's"), _c("year:integer!"),
    _c("status!"), _c("start_date:date"), _c("end_date:date"), _c("city"),
    _c("host", "alpha-2 code of the host country"), _c("venue"), _c("level"), _c("format"),
    _c("participants:integer", "people attending, approximate: the figure a source reports"),
    _c("motto"), _c("title!"),
)  # fmt: skip
_DELEGATION = (
    _c("country!", "alpha-2 code"), _c("country_name!"), _c("head_id", "id in people"),
    _c("head_name"), _c("head_title", "as that edition's sources give it"),
    _c("rank", "the title on one scale: minister, deputy-minister, ambassador, other-official"),
)  # fmt: skip
_OF_EDITION = (_c("edition:integer!"), _c("year:integer!"))
#: The path of an item, as the citations table's ``entry`` column has it: the join key.
_ITEM = _c("item!", "the item's path, as in the entry column of citations")


def entry_of(path: str) -> str:
    """The field or list item a cited path falls under: a delegation's head is its delegation's.

    ```pycon
    >>> entry_of("delegations.KZ.head"), entry_of("deliverables.joint-statement"), entry_of("city")
    ('delegations.KZ', 'deliverables.joint-statement', 'city')

    ```
    """
    return ".".join(path.split(".")[:2])


def _code(record: Any) -> Any:
    return None if record is None else key_of(record)


def _value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _edition_row(e: Edition) -> tuple[Any, ...]:
    return (
        e.number, e.year, e.status.value, e.start_date, e.end_date, e.city, _code(e.host), e.venue,
        _value(e.level), _value(e.format), e.participants, e.motto, e.title,
    )  # fmt: skip


def _delegation_row(d: Delegation) -> tuple[Any, ...]:
    head = d.head
    return (
        d.country.alpha_2, d.country.name, _code(head), head and head.name, d.head_title,
        _value(d.rank),
    )  # fmt: skip


def tidy(ds: Dataset) -> dict[str, Table]:
    """Every table of ``ds``, in an order where each table's foreign keys point to earlier ones
    or to the vocabularies."""
    editions = tuple(ds.editions)
    of = [(e, (e.number, e.year)) for e in editions]
    to_edition = (("edition",), "editions", ("number",))
    return {
        t.name: t
        for t in (
            Table("editions", _EDITION, [_edition_row(e) for e in editions], ("number",),
                  ((("host",), "countries", ("alpha_2",)),), "one row per edition"),
            Table("delegations", (*_OF_EDITION, _c("host"), _ITEM, *_DELEGATION),
                  [(*k, _code(e.host), f"delegations.{d.country.alpha_2}", *_delegation_row(d))
                   for e, k in of for d in e.delegations],
                  ("edition", "country"),
                  (to_edition, (("country",), "countries", ("alpha_2",)),
                   (("head_id",), "people", ("id",))),
                  "one row per delegation to an edition"),
            Table("edition_themes", (*_OF_EDITION, _ITEM, _c("theme!"), _c("theme_label!")),
                  [(*k, f"themes.{t.slug}", t.slug, t.label) for e, k in of for t in e.themes],
                  ("edition", "theme"),
                  (to_edition, (("theme",), "themes", ("slug",))), "one row per theme discussed"),
            Table("deliverables", (*_OF_EDITION, _c("key!", "the deliverable's stable key"),
                                   _ITEM, _c("kind!"), _c("title!"), _c("date:date"),
                                   _c("description"),
                                   _c("parties", "alpha-2 codes, '; '-separated")),
                  [(*k, d.key, f"deliverables.{d.key}", d.kind.value, d.title, d.date,
                    d.description, "; ".join(c.alpha_2 for c in d.parties) or None)
                   for e, k in of for d in e.deliverables],
                  ("edition", "key"), (to_edition,), "one row per deliverable"),
            *(Table(field, (*_OF_EDITION, _c("key!", "the statement's stable key"), _ITEM,
                            _c("text!")),
                    [(*k, st.key, f"{field}.{st.key}", st.text)
                     for e, k in of for st in getattr(e, field)],
                    ("edition", "key"), (to_edition,), f"one row per statement in {what}")
              for field, what in (("agenda", "the agenda"), ("notes", "the notes"))),
            Table("sources", (_c("key!", "the short key citations use"), _c("url!"),
                              _c("publisher!", "who publishes the page"), _c("title"),
                              _c("language"), _c("published:date"),
                              _c("retrieved:date", "when the page was last read to check it"),
                              _c("repost_of", "what the page reposts, if it is not the original")),
                  [(s.key, s.url, s.publisher, s.title, s.language, s.published, s.retrieved,
                    s.repost_of) for s in ds.sources],
                  ("key",), (), "one row per page, listed once"),
            Table("citations", (*_OF_EDITION, _c("item!", "the path of the fact or item cited"),
                                _c("entry!", "the edition's field or list item it falls under: "
                                             "the item column of the item tables"),
                                _c("source!", "key in sources"),
                                _c("grade!", "full: the page states it; partial: gives part"),
                                _c("note", "for a partial citation, what the page gives")),
                  [(*k, c.item, entry_of(c.item), c.source.key, c.grade.value, c.note)
                   for e, k in of for c in e.citations],
                  ("edition", "item", "source"),
                  (to_edition, (("source",), "sources", ("key",))),
                  "one row per citation: a source backing one fact or item of an edition"),
            Table("people", (_c("id!"), _c("name!"), _c("aliases", "other spellings, '; '")),
                  [(p.id, p.name, "; ".join(p.aliases) or None) for p in ds.people], ("id",)),
            Table("countries", (_c("alpha_2!"), _c("alpha_3!"), _c("numeric!"), _c("name!"),
                                _c("official_name!")),
                  [(c.alpha_2, c.alpha_3, c.numeric, c.name, c.official_name)
                   for c in ds.countries], ("alpha_2",)),
            Table("themes", (_c("slug!"), _c("label!")),
                  [(t.slug, t.label) for t in ds.themes], ("slug",)),
            Table("secretariat_heads", (_c("person_id!", "the head's key: id in people"),
                                        _c("name!"), _c("title", "as the head's sources give it"),
                                        _c("normalised_title"), _c("start:date"),
                                        _c("end:date")),
                  [(h.person.id, h.person.name, h.title, h.normalised_title, h.start, h.end)
                   for h in (ds.secretariat.heads if ds.secretariat else ())],
                  ("person_id",), ((("person_id",), "people", ("id",)),)),
        )
    }  # fmt: skip


def _cell(value: object) -> object:
    if isinstance(value, tuple):
        return "; ".join(str(_cell(v)) for v in value) or None
    if attrs.has(type(value)):
        return repr(value) if key_field(type(value)) is None else key_of(value)
    return _value(value)


def _kind(values: Sequence[object]) -> str:
    present = [v for v in values if v is not None]
    if present and all(type(v) is int for v in present):
        return "integer"
    if present and all(type(v) is dt.date for v in present):
        return "date"
    return "string"


def record_table(items: Iterable[object]) -> Table:
    """Any collection of the package's records as one table, one row per record.

    Editions and delegations get the columns of the tidy tables; other records one column per
    field, linked records by their key and lists as ``'; '``-separated text.
    """
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidTypeError(f"expected a collection of records, not {type(items).__name__}")
    records: list[Any] = list(items)
    kinds = {type(r) for r in records}
    if len(kinds) > 1 or not all(attrs.has(k) for k in kinds):
        names = ", ".join(sorted(k.__name__ for k in kinds))
        raise InvalidTypeError(f"expected records of one kind, got {names}")
    cls: Any = next(iter(kinds), Edition)
    if cls is Edition:
        return Table("editions", _EDITION, [_edition_row(e) for e in records])
    if cls is Delegation:
        return Table("delegations", _DELEGATION, [_delegation_row(d) for d in records])
    fields = [f for f in attrs.fields(cls) if f.init]
    rows = [tuple(_cell(getattr(r, f.name)) for f in fields) for r in records]
    columns = tuple(
        Column(
            f.name,
            _kind([row[i] for row in rows]),
            description="approximate" * is_approximate(cls, f.name),
        )
        for i, f in enumerate(fields)
    )
    return Table(cls.__name__.lower(), columns, rows)
