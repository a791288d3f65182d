"""Where facts come from: sources, inferences and discrepancies, and which paths a source backs.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.editions[12].sources_for("participants")[0].publisher
'Ministry of Foreign Affairs, Republic of Korea'

```
"""

import datetime as dt

import attrs

from rok_ca_forum._meta import KEY, MEMBER_STATES, PER_MEMBER, REFERENCE, limits, per_class
from rok_ca_forum._record import Record
from rok_ca_forum.errors import InvalidArgumentError, InvalidTypeError

__all__ = ["Alternative", "Discrepancy", "Inference", "Source", "fact_paths", "sources_for"]


@attrs.frozen(kw_only=True, repr=False)
class Source(Record):
    """A published document that backs the fields named in ``supports``.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> src = rcf.editions[12].sources_for("participants")[0]
    >>> src.publisher
    'Ministry of Foreign Affairs, Republic of Korea'

    ```
    """

    _repr_fields = ("url", "publisher")

    url: str = attrs.field(
        metadata={KEY: True, **limits(pattern="^https?://\\S+$", description="an http(s) URL")}
    )
    publisher: str
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    supports: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Inference(Record):
    """A value that was inferred rather than read, and how.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.editions[2].inferred[0].field
    'year'

    ```
    """

    _repr_fields = ("field", "note")

    field: str
    note: str


@attrs.frozen(kw_only=True, repr=False)
class Alternative(Record):
    """A value some sources give instead of the one kept, with those sources."""

    _repr_fields = ("value",)

    value: str
    # Written as the URLs of sources listed once, in the enclosing record's own ``sources``.
    sources: tuple[Source, ...] = attrs.field(default=(), metadata={REFERENCE: True})
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Discrepancy(Record):
    """Sources disagree on ``field``: ``value`` was kept, ``alternatives`` were not.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> d = next(d for d in rcf.editions[12].discrepancies if d.field == "start_date")
    >>> d.value
    '2019-10-16'

    ```
    """

    _repr_fields = ("field", "value")

    field: str
    value: str
    alternatives: tuple[Alternative, ...] = ()
    note: str | None = None


#: Fields that are provenance rather than facts a source could back.
_PROVENANCE = frozenset({"sources", "inferred"})


@per_class
def fact_paths(cls: type) -> frozenset[str]:
    """The paths a source of a ``cls`` record may back: its data fields, derived from the model.

    Provenance fields and the record's key are not facts; a record that keeps discrepancies
    also has ``claims`` (statements about it as a whole), and one with delegations has a path
    per member state.

    ```pycon
    >>> from rok_ca_forum.models import Edition
    >>> sorted(fact_paths(Edition))[:3], "delegations.KZ" in fact_paths(Edition)
    (['agenda', 'city', 'claims'], True)

    ```
    """
    paths: set[str] = set()
    for field in attrs.fields(cls):
        if not field.init or field.name in _PROVENANCE or field.metadata.get(KEY):
            continue
        paths.add(field.name)
        if field.name == "discrepancies":
            paths.add("claims")
        if field.metadata.get(PER_MEMBER):  # one item per member state, each sourced alone
            paths.update(f"{field.name}.{code}" for code in MEMBER_STATES)
    return frozenset(paths)


def sources_for(record: object, field: str) -> tuple[Source, ...]:
    """The sources of ``record`` that back ``field``, with the documented errors for a bad one.

    A field with sub-paths (``"delegations"``) returns the sources backing any of them.
    """
    if not isinstance(field, str):
        raise InvalidTypeError(f"field must be a str, not {type(field).__name__}")
    paths = fact_paths(type(record))
    if field not in paths:
        listed = ", ".join(sorted(p for p in paths if "." not in p and p != "claims"))
        extra = " or delegations.XX" if "delegations" in paths else ""
        name = type(record).__name__
        what = f"{'an' if name[0] in 'AEIOU' else 'a'} {name} field"
        raise InvalidArgumentError(f"{field[:80]!r} is not {what}; valid: {listed}{extra}")
    sources: tuple[Source, ...] = getattr(record, "sources", ())
    prefix = field + "."
    return tuple(
        s for s in sources if field in s.supports or any(p.startswith(prefix) for p in s.supports)
    )
