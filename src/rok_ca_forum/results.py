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

from typing import TYPE_CHECKING, Generic, TypeVar

from rok_ca_forum.models import Edition

if TYPE_CHECKING:  # the institutions' module is imported only when they are asked for
    from rok_ca_forum.institutions import Body  # noqa: F401 - the quoted base class below names it

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
    """The related bodies, a ``tuple[Body, ...]``."""

    __slots__ = ()
    _one, _many = "body", "bodies"


class EditionResults(Records[Edition]):
    """What ``filter()`` and ``search()`` return: a ``tuple[Edition, ...]`` with notebook views."""

    __slots__ = ()
    _one, _many = "edition", "editions"
