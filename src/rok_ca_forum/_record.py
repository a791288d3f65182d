"""What every record shares: a short ``repr`` that names it, its full text as ``str()``, and an
HTML table for notebooks.

The models inherit `Record` and are declared ``attrs.frozen(..., repr=False)``; equality and
hashing stay the ones attrs writes. Drawing lives in ``views``, imported on first use only, so
importing the models costs nothing more.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.countries["KZ"]
Country(alpha_2='KZ', name='Kazakhstan', …)

```
"""

from __future__ import annotations

from typing import ClassVar

__all__ = ["Record"]


class Record:
    """A record's ``repr`` (its ``_repr_fields``, then ``…``) and ``_repr_html_``."""

    __slots__ = ()

    #: The fields that name the record in its one-line ``repr``.
    _repr_fields: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        from rok_ca_forum.views import short_repr

        return short_repr(self, self._repr_fields)

    def __str__(self) -> str:
        """The record's full text: a heading, its facts, then each list as a section."""
        from rok_ca_forum.display import describe_record

        return describe_record(self)

    def _repr_html_(self) -> str:
        """The record as a two-column HTML table of its facts, for notebooks."""
        from rok_ca_forum.views import record_html

        return record_html(self)
