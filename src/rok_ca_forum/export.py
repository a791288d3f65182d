"""The data for people outside Python: every tidy table as CSV, and a Frictionless descriptor.

``rok-ca-forum export DIR`` writes ``DIR/<table>.csv`` (UTF-8, a header row, ISO dates, empty
cells for unknowns) and ``DIR/datapackage.json``, a Frictionless Data Package naming each table's
columns and types, primary key and foreign keys, so R, Stata or a spreadsheet can read the data
and check its links with no Python at all.

```pycon
>>> import tempfile, rok_ca_forum as rcf
>>> with tempfile.TemporaryDirectory() as out:
...     [p.name for p in export(rcf.load(), out)][:3]
['editions.csv', 'delegations.csv', 'edition_themes.csv']

```
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rok_ca_forum.tidy import Table, tidy

if TYPE_CHECKING:
    from rok_ca_forum.dataset import Dataset

__all__ = ["descriptor", "export"]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for c in table.columns:
        field: dict[str, Any] = {"name": c.name, "type": c.type}
        if c.description:
            field["description"] = c.description
        if c.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(cols), "reference": {"resource": target, "fields": list(keys)}}
            for cols, target, keys in table.foreign_keys
        ]
    return schema


def descriptor(tables: dict[str, Table]) -> dict[str, Any]:
    """The ``datapackage.json`` of ``tables``: one tabular resource per table."""
    return {
        "name": "rok-ca-forum",
        "title": "Republic of Korea–Central Asia Cooperation Forum",
        "description": "Editions, delegations, themes, deliverables and sources of the "
        "ROK–Central Asia Cooperation Forum (2007–), from the rok-ca-forum package.",
        "homepage": "https://github.com/rok-ca-forum/rok-ca-forum",
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                **({"description": t.description} if t.description else {}),
                "schema": _schema(t),
            }
            for t in tables.values()
        ],
    }


def export(ds: Dataset, directory: str | os.PathLike[str]) -> list[Path]:
    """Write every tidy table of ``ds`` to ``directory`` as CSV, then ``datapackage.json``.

    The directory is created if missing; files of the same names are replaced. Returns the
    paths written. An unwritable directory raises the `OSError`.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    tables = tidy(ds)
    written = []
    for table in tables.values():
        path = out / f"{table.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(c.name for c in table.columns)
            writer.writerows([_text(v) for v in row] for row in table.rows)
        written.append(path)
    path = out / "datapackage.json"
    text = json.dumps(descriptor(tables), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    written.append(path)
    return written
