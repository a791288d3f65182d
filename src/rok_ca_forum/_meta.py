"""The vocabulary of field metadata that the data format is derived from, and shared limits.

The models mark their fields with these; ``_format``, the converter, the schemas and the
provenance checks read them, so each fact about the format is stated once, on the model.

```pycon
>>> limits(minimum=1)
{'rok_ca_forum.limits': {'minimum': 1}}

```
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")

__all__ = [
    "APPROXIMATE",
    "ITEM_KEY",
    "KEY",
    "LIMITS",
    "MEMBER_STATES",
    "PER_MEMBER",
    "REFERENCE",
    "SLUG",
    "YEAR",
    "approximate",
    "is_approximate",
    "key_field",
    "key_of",
    "limits",
    "per_class",
]

#: The six member states, the only countries the Forum has. Every other list of them is read
#: from here (the schema's enumeration, the loader's check, the delegation paths).
MEMBER_STATES: tuple[str, ...] = ("KR", "KZ", "KG", "TJ", "TM", "UZ")

# Field metadata that the data format is derived from (see ``_format``): a record's key, a field
# written as keys of records held elsewhere, and the limits a value must keep.
KEY = "rok_ca_forum.key"
REFERENCE = "rok_ca_forum.reference"
LIMITS = "rok_ca_forum.limits"
# A list with one item per member state (delegations), each sourced alone: the value names the
# item's field that holds the member state.
PER_MEMBER = "rok_ca_forum.per_member"
# A field that normalises another one of its record and is backed by that one's sources.
SOURCED_WITH = "rok_ca_forum.sourced_with"
# A reported figure, not a count we made: every view says "about".
APPROXIMATE = "rok_ca_forum.approximate"


def limits(**bounds: object) -> dict[str, object]:
    """Field metadata: the limits a value must keep.

    ``minimum``, ``maximum``, ``pattern`` and ``enum`` as in JSON Schema, ``description``, what
    a pattern means in words, and ``unique``, no two records of a file sharing the value. The
    validating loader, ``from_dict`` and the JSON Schemas all read them from here.
    """
    return {LIMITS: bounds}


#: Ids and slugs (``kang-kyung-wha``, ``water-resources``).
SLUG = limits(pattern="^[a-z0-9]+(-[a-z0-9]+)*$", description="lower-case words joined by hyphens")


#: The years a forum or a work plan can plausibly be dated to.
YEAR = limits(minimum=1990, maximum=2200)
#: The key of a list item (a deliverable, a statement, a meeting): chosen once, never changed,
#: and starting with a letter, so that no key can be mistaken for a list position.
ITEM_KEY = limits(
    pattern="^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
    description="lower-case words joined by hyphens, starting with a letter (not a position)",
)


def per_class(derive: Callable[[type], R]) -> Callable[[type], R]:
    """Remember what ``derive`` says of each class: ``functools.cache``, typed for classes.

    ```pycon
    >>> names = per_class(lambda cls: [cls.__name__])
    >>> names(int) is names(int)
    True

    ```
    """
    made: dict[type, R] = {}

    def cached(cls: type) -> R:
        try:
            return made[cls]
        except KeyError:
            made[cls] = result = derive(cls)
            return result

    cached.__doc__ = derive.__doc__
    cached.__name__ = getattr(derive, "__name__", "cached")
    return cached


def approximate(**bounds: object) -> dict[str, object]:
    """Field metadata: a reported, approximate figure (with its ``limits``).

    ```pycon
    >>> approximate(minimum=1)
    {'rok_ca_forum.limits': {'minimum': 1}, 'rok_ca_forum.approximate': True}

    ```
    """
    return {**limits(**bounds), APPROXIMATE: True}


@per_class
def _approximate_fields(cls: type) -> frozenset[str]:
    import attrs

    if not attrs.has(cls):
        return frozenset()
    return frozenset(f.name for f in attrs.fields(cls) if f.metadata.get(APPROXIMATE))


def is_approximate(cls: type, name: str) -> bool:
    """Whether field ``name`` of record class ``cls`` holds an approximate figure.

    ```pycon
    >>> from rok_ca_forum.models import Edition
    >>> is_approximate(Edition, "participants"), is_approximate(Edition, "year")
    (True, False)

    ```
    """
    return name in _approximate_fields(cls)


@per_class
def key_field(cls: type) -> str | None:
    """The name of the field that identifies a ``cls`` record (marked `KEY`), if it has one.

    The one place that says what a record's key is: the format, the paths, the views and the
    tables all ask here.

    ```pycon
    >>> from rok_ca_forum.models import Country, Delegation, Edition
    >>> key_field(Country), key_field(Edition), key_field(Delegation), key_field(str)
    ('alpha_2', 'number', None, None)

    ```
    """
    import attrs

    if not attrs.has(cls):
        return None
    return next((f.name for f in attrs.fields(cls) if f.metadata.get(KEY)), None)


def key_of(record: object) -> object:
    """The value of ``record``'s key field (a code, an id, a slug), or None if it has none.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> key_of(rcf.countries["KZ"]), key_of(rcf.editions[12].delegations[0])
    ('KZ', None)

    ```
    """
    name = key_field(type(record))
    return None if name is None else getattr(record, name)
