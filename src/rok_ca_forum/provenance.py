"""Where facts come from: sources, graded citations, inferences and discrepancies.

Every page is listed once, in the data directory's ``sources.json``, under a short key. A record
cites it item by item: each `Citation` names the item's path, the source, and whether the page
states the item whole (`Grade.FULL`) or gives part of it (`Grade.PARTIAL`, with a note saying
which part). Paths name scalar facts by field (``"city"``) and list items by their stable keys:
``"themes.water-resources"``, ``"deliverables.joint-statement"``, ``"agenda.opening-keynotes"``,
and for delegations, one per member state, ``"delegations.KG"`` (that Kyrgyzstan took part),
``"delegations.KG.head"`` and ``"delegations.KG.head_title"``.

```pycon
>>> import rok_ca_forum as rcf
>>> e = rcf.editions[12]
>>> e.sources_for("participants")[0].publisher
'Ministry of Foreign Affairs, Republic of Korea'
>>> "delegations.KZ.head" in item_paths(e), "themes.water-resources" in item_paths(e)
(True, True)

```
"""

import datetime as dt
import re
import typing
from typing import Any

import attrs

from rok_ca_forum._meta import (
    ITEM_KEY,
    KEY,
    LIMITS,
    MEMBER_STATES,
    PER_MEMBER,
    REFERENCE,
    SLUG,
    SOURCED_WITH,
    key_field,
    limits,
    per_class,
)
from rok_ca_forum._record import Record
from rok_ca_forum._text import day_text
from rok_ca_forum.enums import Grade

__all__ = [
    "Alternative",
    "Citation",
    "Discrepancy",
    "Inference",
    "Source",
    "fact_fields",
    "fact_paths",
    "facts_to_source",
    "item_lists",
    "item_paths",
    "path_pattern",
    "paths_of",
    "sub_fields",
]


@attrs.frozen(kw_only=True, repr=False)
class Source(Record):
    """A published page, listed once in ``sources.json`` and cited by its ``key``.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> src = rcf.editions[12].sources_for("participants")[0]
    >>> src.publisher, src.key
    ('Ministry of Foreign Affairs, Republic of Korea', 'mofa-320762')

    ```
    """

    _repr_fields = ("key", "publisher")

    #: A short, stable name for the page, used by every citation of it.
    key: str = attrs.field(metadata={KEY: True, **SLUG})
    url: str = attrs.field(
        metadata=limits(pattern="^https?://\\S+$", description="an http(s) URL", unique=True)
    )
    #: Who publishes the page (the site it is on).
    publisher: str
    title: str | None = None
    language: str | None = None
    published: dt.date | None = None
    #: When the page was last read to check what it is cited for (not when it was published).
    retrieved: dt.date | None = None
    #: What the page reposts or relays, when it is not the original (``"Yonhap"``), else None.
    repost_of: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return (
            f"[{self.key}] {self.publisher}"
            + (f" (repost of {self.repost_of})" if self.repost_of else "")
            + (f", {day_text(self.published)}" if self.published else "")
            + f": {self.url}"
        )


@attrs.frozen(kw_only=True, repr=False)
class Citation(Record):
    """One source cited for one item, with how much of the item the page states.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> c = rcf.editions[12].citations_for("city")[0]
    >>> c.item, c.source.key, c.grade.value
    ('city', 'mofa-320762', 'full')

    ```
    """

    _repr_fields = ("item", "source", "grade")

    #: The path of the fact or item cited (``"city"``, ``"deliverables.joint-statement"``).
    item: str
    source: Source
    grade: Grade = Grade.FULL
    #: For a partial citation: what the page does give, in the package's words.
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return f"{self.item}: {self.source.key}" + (f" (partly: {self.note})" if self.note else "")


@attrs.frozen(kw_only=True, repr=False)
class Inference(Record):
    """A value that was inferred rather than read, and the reasoning, in plain words.

    Its partial citations (with the same path) name the pages the reasoning rests on.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.editions[2].inferred[0].field
    'year'

    ```
    """

    _repr_fields = ("field", "note")

    #: The path of the inferred fact or item.
    field: str
    note: str = attrs.field(metadata=limits(max_length=300))

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return f"{self.field}: {self.note}"


@attrs.frozen(kw_only=True, repr=False)
class Alternative(Record):
    """A value some sources give instead of the one kept, with those sources."""

    _repr_fields = ("value",)

    value: str
    # Written as the keys of sources in ``sources.json``.
    sources: tuple[Source, ...] = attrs.field(default=(), metadata={REFERENCE: True})
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return repr(self.value)


@attrs.frozen(kw_only=True, repr=False)
class Discrepancy(Record):
    """Sources disagree on ``field``: ``value`` was kept, ``alternatives`` were not.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> d = next(d for d in rcf.editions[12].discrepancies if d.field == "start_date")
    >>> d.value, d.key
    ('2019-10-16', 'start-date')

    ```
    """

    _repr_fields = ("field", "value")

    key: str = attrs.field(metadata={KEY: True, **ITEM_KEY})
    #: The path of the fact or item the sources disagree on.
    field: str
    value: str
    alternatives: tuple[Alternative, ...] = ()
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return (
            f"{self.field}: kept {self.value!r}; also reported "
            + "; ".join(repr(a.value) for a in self.alternatives)
            + (f". {self.note}" if self.note else "")
        )


#: Fields that are provenance rather than facts a source could back.
PROVENANCE = frozenset({"citations", "inferred"})


@per_class
def fact_paths(cls: type) -> frozenset[str]:
    """The paths a source of a ``cls`` record may back: its data fields, derived from the model.

    Provenance fields and the record's key are not facts; one with delegations has a path
    per member state.

    ```pycon
    >>> from rok_ca_forum.models import Edition
    >>> sorted(fact_paths(Edition))[:3], "delegations.KZ" in fact_paths(Edition)
    (['agenda', 'city', 'deliverables'], True)

    ```
    """
    paths: set[str] = set()
    for field in attrs.fields(cls):
        if not field.init or field.name in PROVENANCE or field.metadata.get(KEY):
            continue
        paths.add(field.name)
        if field.metadata.get(PER_MEMBER):  # one item per member state, each sourced alone
            paths.update(f"{field.name}.{code}" for code in MEMBER_STATES)
    return frozenset(paths)


def sub_fields(cls: type, member_field: str) -> tuple[str, ...]:
    """The fields of a per-member item that are sourced one by one (a delegation's head, title)."""
    return tuple(f for f in _sourced_alone(cls) if f != member_field)


@per_class
def _sourced_alone(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.init and not f.metadata.get(SOURCED_WITH))


def _item_key(field: attrs.Attribute, index: int, item: Any) -> str:  # type: ignore[type-arg]
    """The part of a path that picks ``item`` out of its list: member code, key or position."""
    member_field = field.metadata.get(PER_MEMBER)
    if member_field:
        return str(getattr(getattr(item, member_field), "alpha_2", ""))
    key = key_field(type(item))
    if key is None:  # a plain value (an alias): a list of them is one fact, never cited by item
        return str(index)
    value = getattr(item, key)
    return str(getattr(value, key_field(type(value)) or "", value))  # a head's key is a person


@per_class
def item_lists(cls: type) -> frozenset[str]:
    """The list fields of ``cls`` whose items are cited one by one: lists of records (a
    deliverable, a statement) or of references (a theme). A list of plain text (aliases) is one
    fact.

    ```pycon
    >>> from rok_ca_forum.models import Edition
    >>> sorted(item_lists(Edition))[:3]
    ['agenda', 'delegations', 'deliverables']

    ```
    """
    hints = typing.get_type_hints(cls)
    return frozenset(
        f.name
        for f in attrs.fields(cls)
        if f.init
        and f.name not in PROVENANCE
        and typing.get_origin(hints[f.name]) is tuple
        and attrs.has(typing.get_args(hints[f.name])[0])
    )


@per_class
def fact_fields(cls: type) -> tuple[attrs.Attribute, ...]:  # type: ignore[type-arg]
    """The fields of ``cls`` that hold facts: not its key, not its provenance."""
    return tuple(
        f
        for f in attrs.fields(cls)
        if f.init and f.name not in PROVENANCE and not f.metadata.get(KEY)
    )


def _fact_fields(record: Any) -> tuple[attrs.Attribute, ...]:  # type: ignore[type-arg]
    return fact_fields(type(record))


def item_paths(record: Any) -> frozenset[str]:
    """Every path a source of ``record`` may name: its scalar fields and each item of its lists.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> sorted(p for p in item_paths(rcf.editions[12]) if p.startswith("delegations.KG"))
    ['delegations.KG', 'delegations.KG.head', 'delegations.KG.head_title']

    ```
    """
    return paths_of(record)[0]


_Needed = tuple[tuple[str, str, bool], ...]


def paths_of(record: Any) -> tuple[frozenset[str], _Needed]:
    """In one walk over ``record``: every path a source may name, and its non-null facts.

    Each fact comes as ``(field, path, below)``: ``below`` says whether a path below it will do
    (a delegation is backed by any of its paths). The loader asks for both, for every record.
    """
    paths: set[str] = set()
    needed: list[tuple[str, str, bool]] = []
    for field in _fact_fields(record):
        name = field.name
        value = getattr(record, name)
        if name not in item_lists(type(record)):
            paths.add(name)
            if value is not None and value != ():
                needed.append((name, name, False))
            continue
        member_field = field.metadata.get(PER_MEMBER)
        for index, item in enumerate(value):
            path = f"{name}.{_item_key(field, index, item)}"
            paths.add(path)
            needed.append((name, path, bool(member_field)))
            if member_field:
                for sub in sub_fields(type(item), member_field):
                    paths.add(f"{path}.{sub}")
                    if getattr(item, sub) is not None:
                        needed.append((name, f"{path}.{sub}", False))
    return frozenset(paths), tuple(needed)


@per_class
def path_pattern(cls: type) -> str:
    """A regular expression matching every path a source of a ``cls`` record could name.

    The JSON Schemas use it: which items exist depends on the record, so it is a pattern.

    ```pycon
    >>> import re
    >>> from rok_ca_forum.models import Edition
    >>> [bool(re.fullmatch(path_pattern(Edition), p)) for p in
    ...  ("city", "themes.energy", "agenda.opening", "delegations.KG.head", "themes", "agenda.3")]
    [True, True, True, True, False, False]

    ```
    """
    hints = typing.get_type_hints(cls)
    choices: list[str] = []
    for field in attrs.fields(cls):
        if not field.init or field.name in PROVENANCE or field.metadata.get(KEY):
            continue
        if field.name not in item_lists(cls):
            choices.append(re.escape(field.name))
            continue
        item_cls = typing.get_args(hints[field.name])[0]
        member_field = field.metadata.get(PER_MEMBER)
        if member_field:
            subs = "|".join(sub_fields(item_cls, member_field))
            members = "|".join(MEMBER_STATES)
            choices.append(rf"{field.name}\.({members})(\.({subs}))?")
            continue
        key = key_field(item_cls)
        if key is not None:
            pattern = (
                attrs.fields_dict(item_cls)[key].metadata.get(LIMITS, {}).get("pattern", "^[^.]+$")
            )
            choices.append(rf"{field.name}\.(?:{pattern.removeprefix('^').removesuffix('$')})")
    return "^(?:" + "|".join(choices) + ")$"


def facts_to_source(record: Any, skip: frozenset[str] = frozenset()) -> list[tuple[str, bool]]:
    """The paths of ``record``'s non-null facts, each with whether a path below it will do.

    A scalar fact needs its own path; each item of a list, its item path; a delegation, any of its
    paths (that the state took part), and its head and title each their own when known.
    Fields in ``skip`` (the package's own notes, say) are left out.
    """
    return [(path, below) for field, path, below in paths_of(record)[1] if field not in skip]
