"""Query results: plain tuples of records that print as numbered lists and draw HTML tables.

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

from typing import TYPE_CHECKING, Any, Generic, SupportsIndex, TypeVar, overload

from rok_ca_forum._text import suggest
from rok_ca_forum.errors import InvalidTypeError, NotFoundError
from rok_ca_forum.models import Edition

if TYPE_CHECKING:  # the institutions' module is imported only when they are asked for
    from rok_ca_forum.institutions import Body

__all__ = ["Bodies", "EditionResults", "Records"]

T = TypeVar("T")


class Records(tuple[T, ...], Generic[T]):
    """A tuple of records (``rcf.bodies``, for one) with a numbered ``repr`` and an HTML table.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> print(repr(rcf.bodies).splitlines()[1])
      [0] Body(id='business-council', name='Korea-Central Asia Business Council', …)

    ```
    """

    __slots__ = ()
    _one, _many = "record", "records"

    def _what(self) -> str:
        return self._one if len(self) == 1 else self._many

    def __repr__(self) -> str:
        from rok_ca_forum.views import collection_repr

        header = f"{type(self).__name__}: {len(self) or 'no'} {self._what()}"
        return collection_repr(header, enumerate(self), len(self))

    def _repr_html_(self) -> str:
        from rok_ca_forum.views import records_html

        return records_html(self, self._many)


class Bodies(Records["Body"]):
    """The related bodies, a ``tuple[Body, ...]`` that also looks a body up by its id.

    An unknown id raises `NotFoundError` (a `KeyError`) with the nearest ids.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.bodies["summit"].name == rcf.bodies[-1].name, "summit" in rcf.bodies
    (True, True)
    >>> rcf.bodies["sumit"]
    Traceback (most recent call last):
    ...
    rok_ca_forum.errors.NotFoundError: no body 'sumit'; did you mean 'summit'?

    ```
    """

    __slots__ = ()
    _one, _many = "body", "bodies"

    @overload
    def __getitem__(self, key: SupportsIndex | str) -> Body: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Body, ...]: ...

    def __getitem__(self, key: Any) -> Any:
        if not isinstance(key, str):
            if isinstance(key, float):
                raise InvalidTypeError(f"a body is looked up by id (str) or position, not {key!r}")
            return super().__getitem__(key)
        for body in self:
            if body.id == key:
                return body
        ids = [body.id for body in self]
        hints = suggest(key, ids)
        tip = (
            f"; did you mean {', '.join(map(repr, hints))}?"
            if hints
            else f"; known: {', '.join(ids)}"
        )
        raise NotFoundError(f"no body {key[:80]!r}{tip}", suggestions=tuple(hints))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(body.id == item for body in self)
        return super().__contains__(item)

    def get(self, key: str, default: Body | None = None) -> Body | None:
        """The body with id ``key``, or ``default``.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.bodies.get("no-such-body") is None
        True

        ```
        """
        try:
            return self[key]
        except NotFoundError:
            return default


class EditionResults(Records[Edition]):
    """What ``filter()`` and ``search()`` return: a ``tuple[Edition, ...]`` with notebook views."""

    __slots__ = ()
    _one, _many = "edition", "editions"
