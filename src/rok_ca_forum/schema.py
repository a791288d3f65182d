"""JSON Schemas (draft 2020-12) for the data files, generated from the models themselves.

The schemas are derived from the attrs classes, so the two cannot drift apart; references
(country codes, person ids, theme slugs) become enumerations of the vocabulary they point into.
The shipped copies in ``data/schema/`` are rewritten with ``python -m rok_ca_forum.schema``, and a
test fails when they are stale. Rules that span fields or files (start before end, numbers
unique and contiguous) are beyond JSON Schema and are enforced by the loader alone.

```pycon
>>> import rok_ca_forum as rcf
>>> s = schemas(rcf.load())["edition.schema.json"]
>>> s["$schema"], s["properties"]["level"]["anyOf"][0]["enum"]
('https://json-schema.org/draft/2020-12/schema', ['ministerial', 'vice-ministerial'])

```
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rok_ca_forum._format import (
    FILES,
    DataFile,
    Shape,
    key_field,
    limits_of,
    record_shapes,
    reference_tables,
    required_fields,
)
from rok_ca_forum.dataset import Dataset
from rok_ca_forum.provenance import Source, path_pattern

__all__ = ["SchemaBuilder", "schemas", "write"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ID_BASE = "urn:rok-ca-forum:schema:"
_JSON_LIMITS = {
    "minimum": "minimum", "maximum": "maximum", "pattern": "pattern", "enum": "enum",
    "description": "description",
}  # fmt: skip


class SchemaBuilder:
    """Walks the records reachable from one file's record type and emits a schema."""

    def __init__(self, dataset: Dataset, root: type, *, complete: bool = False) -> None:
        # A reference is written as a key: enumerate the keys of the vocabulary it points into.
        tables = reference_tables([dataset.countries, dataset.people, dataset.themes])
        self.keys: dict[type, list[str]] = {cls: list(table) for cls, table in tables.items()}
        self.root = root
        self.complete = complete
        self.defs: dict[str, Any] = {}

    def shape_schema(self, shape: Shape) -> dict[str, Any]:
        kind = shape.kind
        if kind == "optional":
            assert shape.inner is not None
            return {"anyOf": [self.shape_schema(shape.inner), {"type": "null"}]}
        if kind == "list":
            assert shape.inner is not None
            return {"type": "array", "items": self.shape_schema(shape.inner)}
        if kind == "reference":
            if shape.cls in self.keys:
                return {"type": "string", "enum": self.keys[shape.cls]}
            # Points at a record of the same file (a source, by URL): its key field's schema.
            key = key_field(shape.cls) or ""
            return self.record(shape.cls)["properties"][key]  # type: ignore[no-any-return]
        if kind == "enum":
            return {"enum": [m.value for m in shape.cls]}
        if kind == "str":
            return {"type": "string"}
        if kind == "int":
            return {"type": "integer"}
        if kind == "date":
            return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
        cls = shape.cls
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = None  # reserved first: records may nest
            self.defs[cls.__name__] = self.record(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def record(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        for name, shape in record_shapes(cls):
            limits = {
                _JSON_LIMITS[k]: list(v) if k == "enum" else v
                for k, v in limits_of(cls, name).items()
                if k in _JSON_LIMITS  # "unique" spans records: the loader checks it
            }
            if cls is Source and name == "supports":
                paths = {"type": "string", "pattern": path_pattern(self.root)}
                properties[name] = {"type": "array", "items": paths}
            elif limits and shape.kind == "optional":
                inner = {**self.shape_schema(shape.inner), **limits}  # type: ignore[arg-type]
                properties[name] = {"anyOf": [inner, {"type": "null"}]}
            else:
                properties[name] = {**self.shape_schema(shape), **limits}
        return {
            "type": "object",
            "properties": properties,
            # A file's own record writes every field out, when its kind says so (editions).
            "required": (
                [n for n, _ in record_shapes(cls)]
                if cls is self.root and self.complete
                else list(required_fields(cls))
            ),
            "additionalProperties": False,
        }


def _document(dataset: Dataset, file: DataFile) -> dict[str, Any]:
    builder = SchemaBuilder(dataset, file.cls, complete=file.complete)
    record = builder.record(file.cls)
    body = {"type": "array", "items": record} if file.many else record
    return {
        "$schema": _DRAFT,
        "$id": _ID_BASE + file.schema,
        "title": file.title,
        **body,
        **({"$defs": dict(sorted(builder.defs.items()))} if builder.defs else {}),
    }


def schemas(dataset: Dataset) -> dict[str, dict[str, Any]]:
    """The schema of every kind of data file, keyed by schema file name."""
    return {file.schema: _document(dataset, file) for file in FILES}


def render(schema: dict[str, Any]) -> str:
    """A schema as the canonical text of a shipped file."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write(folder: Path, dataset: Dataset) -> list[Path]:
    """Write every schema into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(dataset).items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - maintenance command
    from rok_ca_forum._format import SCHEMA_DIR
    from rok_ca_forum.loading import DATA_DIR, load

    target = Path(DATA_DIR) / SCHEMA_DIR
    for path in write(target, load(sys.argv[1] if len(sys.argv) > 1 else None)):
        print(path)
