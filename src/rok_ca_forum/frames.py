"""pandas DataFrames of editions or delegations, one row each, with typed columns.

Lives behind the ``pandas`` extra (``pip install 'rok-ca-forum[pandas]'``); pandas is imported
only when `to_dataframe` is called.

```pycon
>>> import rok_ca_forum as rcf
>>> df = rcf.to_dataframe(rcf.editions)
>>> df.loc[df.number == 12, ["year", "city", "host", "level"]].to_dict("records")
[{'year': 2019, 'city': 'Nur-Sultan', 'host': 'KZ', 'level': 'ministerial'}]

```
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rok_ca_forum.errors import InvalidTypeError
from rok_ca_forum.models import Delegation, Edition

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_dataframe"]

_EDITION_COLUMNS = {
    "number": "int64",
    "year": "int64",
    "status": "string",
    "start_date": "datetime64[ns]",
    "end_date": "datetime64[ns]",
    "city": "string",
    "host": "string",
    "venue": "string",
    "level": "string",
    "format": "string",
    "participants": "Int64",
    "motto": "string",
    "themes": "string",
    "heads": "string",
    "n_deliverables": "int64",
    "n_sources": "int64",
}
_DELEGATION_COLUMNS = {
    "country": "string",
    "country_name": "string",
    "head": "string",
    "head_id": "string",
    "head_title": "string",
}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "to_dataframe() needs pandas: pip install 'rok-ca-forum[pandas]'"
        ) from exc
    return pandas


def _edition_row(e: Edition) -> dict[str, Any]:
    return {
        "number": e.number,
        "year": e.year,
        "status": e.status.value,
        "start_date": e.start_date,
        "end_date": e.end_date,
        "city": e.city,
        "host": e.host.alpha_2 if e.host else None,
        "venue": e.venue,
        "level": e.level.value if e.level else None,
        "format": e.format.value if e.format else None,
        "participants": e.participants,
        "motto": e.motto,
        "themes": "; ".join(t.slug for t in e.themes) or None,
        "heads": "; ".join(f"{d.country.alpha_2}: {d.head.name}" for d in e.delegations if d.head)
        or None,
        "n_deliverables": len(e.deliverables),
        "n_sources": len(e.sources),
    }


def _delegation_row(d: Delegation) -> dict[str, Any]:
    return {
        "country": d.country.alpha_2,
        "country_name": d.country.name,
        "head": d.head.name if d.head else None,
        "head_id": d.head.id if d.head else None,
        "head_title": d.head_title,
    }


def to_dataframe(items: Iterable[Edition] | Iterable[Delegation]) -> pd.DataFrame:
    """A DataFrame with one row per edition (or per delegation), columns typed.

    Takes ``rcf.editions``, the result of ``filter()`` / ``search()``, or a tuple of delegations.
    Dates are datetime64 columns, enums their string values, counts nullable integers.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> df = rcf.to_dataframe(rcf.editions[12].delegations)
    >>> list(df.columns)[:3], len(df)
    (['country', 'country_name', 'head'], 6)

    ```
    """
    pd = _pandas()
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidTypeError(
            f"to_dataframe() takes editions or delegations, not {type(items).__name__}"
        )
    rows: list[object] = list(items)
    records: list[dict[str, Any]]
    if all(isinstance(r, Edition) for r in rows):
        columns = _EDITION_COLUMNS
        records = [_edition_row(r) for r in rows if isinstance(r, Edition)]
    elif all(isinstance(r, Delegation) for r in rows):
        columns = _DELEGATION_COLUMNS
        records = [_delegation_row(r) for r in rows if isinstance(r, Delegation)]
    else:
        kinds = sorted({type(r).__name__ for r in rows})
        raise InvalidTypeError(
            f"to_dataframe() takes only editions or only delegations, got {', '.join(kinds)}"
        )
    frame = pd.DataFrame(records, columns=list(columns))
    for name, dtype in columns.items():
        if dtype.startswith("datetime"):
            # pandas 3 infers second resolution from dates, pandas 2 nanoseconds: pin one.
            frame[name] = pd.to_datetime(frame[name]).astype(dtype)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame
