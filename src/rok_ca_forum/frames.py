"""DataFrames, pandas or polars: the tidy tables of a dataset, or any collection of records.

Each library is an optional extra (``pip install 'rok-ca-forum[pandas]'`` or ``[polars]``),
imported only when a DataFrame is asked for. Columns are typed: dates are dates, counts nullable
integers, codes and enum values strings.

```pycon
>>> import rok_ca_forum as rcf
>>> t = rcf.tables()
>>> t["delegations"].query("country == 'UZ'")[["year", "head_name"]].tail(1).to_dict("records")
[{'year': 2024, 'head_name': 'Bakhtiyor Saidov'}]

```
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rok_ca_forum.errors import InvalidArgumentError, InvalidTypeError
from rok_ca_forum.tidy import Table, record_table, tidy

if TYPE_CHECKING:
    from rok_ca_forum.dataset import Dataset

__all__ = ["BACKENDS", "tables", "to_dataframe"]

#: The DataFrame libraries supported, each an extra of the same name.
BACKENDS = ("pandas", "polars")


def _library(backend: object, what: str) -> Any:
    if not isinstance(backend, str):
        raise InvalidTypeError(f"backend must be a str, not {type(backend).__name__}")
    if backend not in BACKENDS:
        raise InvalidArgumentError(
            f"backend={backend[:40]!r} is not supported; valid: {', '.join(map(repr, BACKENDS))}"
        )
    import importlib

    try:
        return importlib.import_module(backend)
    except ImportError as exc:
        raise ImportError(
            f"{what} with backend={backend!r} needs {backend}: "
            f"pip install 'rok-ca-forum[{backend}]'"
        ) from exc


def _pandas_frame(pd: Any, table: Table) -> Any:
    frame = pd.DataFrame(table.rows, columns=[c.name for c in table.columns])
    for c in table.columns:
        if c.type == "date":
            # pandas 3 infers second resolution from dates, pandas 2 nanoseconds: pin one.
            frame[c.name] = pd.to_datetime(frame[c.name]).astype("datetime64[ns]")
        elif c.type == "integer":
            frame[c.name] = frame[c.name].astype("int64" if c.required else "Int64")
        else:
            frame[c.name] = frame[c.name].astype("string")
    return frame


def _polars_frame(pl: Any, table: Table) -> Any:
    kinds = {"date": pl.Date, "integer": pl.Int64, "string": pl.Utf8}
    schema = {c.name: kinds[c.type] for c in table.columns}
    return pl.DataFrame(table.rows, schema=schema, orient="row")


#: How each backend makes a frame from a tidy table.
_MAKERS = {"pandas": _pandas_frame, "polars": _polars_frame}


def _frame(library: Any, table: Table) -> Any:
    return _MAKERS[library.__name__](library, table)


def tables(backend: str = "pandas", dataset: Dataset | None = None) -> dict[str, Any]:
    """The tidy tables of ``dataset`` (default: the bundled data) as DataFrames, by name.

    ``editions``, ``delegations``, ``edition_themes``, ``deliverables``, ``agenda``, ``notes``,
    ``sources`` (one row per page), ``citations`` (one row per citation), ``people``,
    ``countries``, ``themes`` and ``secretariat_heads``: one row per fact, joined on keys
    (``edition`` to ``editions.number``, ``country`` to ``countries.alpha_2``, ``head_id`` to
    ``people.id``, ``theme`` to ``themes.slug``, an item table's ``item`` to ``citations.entry``,
    ``citations.source`` to ``sources.key``). ``backend`` is ``"pandas"`` or ``"polars"``.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> t = rcf.tables()
    >>> t["edition_themes"].merge(t["editions"], left_on="edition", right_on="number").shape[0] > 50
    True

    ```
    """
    from rok_ca_forum.dataset import Dataset

    if dataset is not None and not isinstance(dataset, Dataset):
        raise InvalidTypeError(f"dataset must be a Dataset, not {type(dataset).__name__}")
    library = _library(backend, "tables()")
    if dataset is None:
        from rok_ca_forum.loading import bundled

        dataset = bundled()
    return {name: _frame(library, table) for name, table in tidy(dataset).items()}


def to_dataframe(items: Iterable[object], *, backend: str = "pandas") -> Any:
    """A DataFrame with one row per record of ``items``: any collection of one kind of record.

    Editions and delegations get the columns of the tidy tables (`tables`); other records one
    column per field, linked records by their key.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> df = rcf.to_dataframe(rcf.editions[12].delegations)
    >>> list(df.columns)[:3], len(df)
    (['country', 'country_name', 'head_id'], 6)
    >>> rcf.to_dataframe(rcf.countries).loc[1, "name"]
    'Kazakhstan'

    ```
    """
    library = _library(backend, "to_dataframe()")
    return _frame(library, record_table(items))
