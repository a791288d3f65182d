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

import datetime as dt
import enum
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from rok_ca_forum.dataset import Dataset
from rok_ca_forum.institutions import BODY_FIELDS, SECRETARIAT_FIELDS, Body, Secretariat
from rok_ca_forum.models import (
    FIELD_PATHS,
    MEMBER_STATES,
    Alternative,
    Country,
    Edition,
    Person,
    Source,
    Theme,
)

__all__ = ["schemas", "write"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ID_BASE = "urn:rok-ca-forum:schema:"

# Constraints the types alone do not carry.
_EXTRA: dict[tuple[type, str], dict[str, Any]] = {
    (Edition, "number"): {"minimum": 1},
    (Edition, "year"): {"minimum": 1990, "maximum": 2200},
    (Edition, "participants"): {"minimum": 1},
    (Source, "url"): {"pattern": "^https?://\\S+$"},
    (Country, "alpha_2"): {"enum": list(MEMBER_STATES)},
    (Country, "alpha_3"): {"pattern": "^[A-Z]{3}$"},
    (Country, "numeric"): {"pattern": "^[0-9]{3}$"},
    (Person, "id"): {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    (Theme, "slug"): {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
}


class _Builder:
    """Walks the attrs classes reachable from one record type and emits a schema."""

    def __init__(self, dataset: Dataset, supports: dict[str, Any]) -> None:
        self.refs: dict[type, dict[str, Any]] = {
            Country: {"enum": [c.alpha_2 for c in dataset.countries]},
            Person: {"enum": [p.id for p in dataset.people]},
            Theme: {"enum": [t.slug for t in dataset.themes]},
        }
        self.supports = supports
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any, owner: type | None = None) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            options = [
                self.type_schema(a, owner) for a in typing.get_args(tp) if a is not type(None)
            ]
            return {"anyOf": [*options, {"type": "null"}]}
        if origin is tuple:
            inner = typing.get_args(tp)[0]
            if owner is Alternative and inner is Source:  # written as URLs of the same file
                return {"type": "array", "items": {"type": "string", "pattern": "^https?://\\S+$"}}
            return {"type": "array", "items": self.type_schema(inner, owner)}
        if tp in self.refs:
            return {"type": "string", **self.refs[tp]}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if tp is str:
            return {"type": "string"}
        if tp is int:
            return {"type": "integer"}
        if tp is dt.date:
            return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
        if attrs.has(tp):
            self.defs.setdefault(tp.__name__, None)
            if self.defs[tp.__name__] is None:
                self.defs[tp.__name__] = self.record(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new model type

    def record(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if cls is Source and field.name == "supports":
                properties[field.name] = {"type": "array", "items": self.supports}
            else:
                properties[field.name] = {
                    **self.type_schema(hints[field.name], cls),
                    **_EXTRA.get((cls, field.name), {}),
                }
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        return {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _paths(allowed: frozenset[str], delegations: bool) -> dict[str, Any]:
    choices: list[dict[str, Any]] = [{"enum": sorted(allowed)}]
    if delegations:
        choices.append({"pattern": f"^delegations\\.({'|'.join(MEMBER_STATES)})$"})
    return {"type": "string", "anyOf": choices}


def _document(
    dataset: Dataset, name: str, cls: type, many: bool, supports: dict[str, Any], title: str
) -> dict[str, Any]:
    builder = _Builder(dataset, supports)
    record = builder.record(cls)
    body = {"type": "array", "items": record} if many else record
    return {
        "$schema": _DRAFT,
        "$id": _ID_BASE + name,
        "title": title,
        **body,
        **({"$defs": dict(sorted(builder.defs.items()))} if builder.defs else {}),
    }


def schemas(dataset: Dataset) -> dict[str, dict[str, Any]]:
    """The schema of every kind of data file, keyed by schema file name."""
    edition_paths = _paths(FIELD_PATHS, delegations=True)
    none = _paths(frozenset(), delegations=False)
    return {
        "countries.schema.json": _document(
            dataset, "countries.schema.json", Country, True, none, "Member states"
        ),
        "themes.schema.json": _document(
            dataset, "themes.schema.json", Theme, True, none, "Theme vocabulary"
        ),
        "people.schema.json": _document(
            dataset, "people.schema.json", Person, True, none, "People"
        ),
        "edition.schema.json": _document(
            dataset, "edition.schema.json", Edition, False, edition_paths, "One forum edition"
        ),
        "secretariat.schema.json": _document(
            dataset,
            "secretariat.schema.json",
            Secretariat,
            False,
            _paths(SECRETARIAT_FIELDS, delegations=False),
            "The Forum Secretariat",
        ),
        "bodies.schema.json": _document(
            dataset,
            "bodies.schema.json",
            Body,
            True,
            _paths(BODY_FIELDS, delegations=False),
            "Related bodies",
        ),
    }


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
    from rok_ca_forum.loading import load

    target = Path(__file__).parent / "data" / "schema"
    for path in write(target, load(sys.argv[1] if len(sys.argv) > 1 else None)):
        print(path)
