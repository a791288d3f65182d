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

import attrs

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
from rok_ca_forum._layout import (
    INFERRED,
    SOURCES,
    beside,
    is_cited,
    is_record_item,
    item_classes,
    reference_field,
    sub_facts,
)
from rok_ca_forum._meta import KEY
from rok_ca_forum.dataset import Dataset
from rok_ca_forum.enums import Status
from rok_ca_forum.models import Edition, Person
from rok_ca_forum.provenance import PROVENANCE, Discrepancy, Source, item_lists, path_pattern
from rok_ca_forum.rules import CITED_NAMES, NOT_SOURCED, publishers

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
        tables = reference_tables(
            [dataset.countries, dataset.people, dataset.themes, dataset.sources]
        )
        self.keys: dict[type, list[str]] = {cls: list(table) for cls, table in tables.items()}
        self.keys.setdefault(Source, [])
        self.publishers = sorted(publishers({Source: dataset.sources}))
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
            if is_cited(cls) and name in PROVENANCE:
                continue  # written beside the facts instead (see below)
            if cls is Discrepancy and name == "field":
                root = self.root if is_cited(self.root) else Edition
                lists = "|".join(sorted(item_lists(root)))  # a list as a whole, too
                pattern = path_pattern(root).removesuffix(")$") + f"|{lists}|claims)$"
                properties[name] = {"type": "string", "pattern": pattern}
            elif limits and shape.kind == "optional":
                inner = {**self.shape_schema(shape.inner), **limits}  # type: ignore[arg-type]
                properties[name] = {"anyOf": [inner, {"type": "null"}]}
            else:
                properties[name] = {**self.shape_schema(shape), **limits}
        required = (
            [n for n, _ in record_shapes(cls)]
            if cls is self.root and self.complete
            else list(required_fields(cls))
        )
        schema = {
            "type": "object",
            "properties": properties,
            # A file's own record writes every field out, when its kind says so (editions).
            "required": [n for n in required if n in properties],
            "additionalProperties": False,
        }
        if is_cited(cls):
            self._beside_facts(cls, schema)
        return schema

    # --- citations beside the facts (see ``_layout``) and the rules on them ------------------

    def citation(self) -> dict[str, Any]:
        """A citation: a source key (full), or a source key with what the page gives (partial)."""
        if "CitedBy" not in self.defs:
            keys = {"type": "string", "enum": self.keys[Source]}
            self.defs["CitedBy"] = {
                "description": "a source key: the page states the item; or a partial citation",
                "anyOf": [
                    keys,
                    {
                        "type": "object",
                        "properties": {
                            "source": keys,
                            "partial": {"type": "string", "minLength": 1},
                        },
                        "required": ["source", "partial"],
                        "additionalProperties": False,
                    },
                ],
            }
        return {"$ref": "#/$defs/CitedBy"}

    def inference(self) -> dict[str, Any]:
        """An inference: short plain reasoning that names no publisher."""
        if "Reasoning" not in self.defs:
            names = "|".join(_ecma_escape(n) for n in self.publishers) or "(?!)"
            self.defs["Reasoning"] = {
                "type": "string",
                "minLength": 1,
                "maxLength": 300,
                "description": "the reasoning, in plain words; its partial citations name pages",
                "not": {"pattern": f"(^|[^\\w])({names})([^\\w]|$)"},
            }
        return {"$ref": "#/$defs/Reasoning"}

    def _provenance_of(self, properties: dict[str, Any], prefix: str) -> None:
        properties[beside(prefix, INFERRED)] = self.inference()
        properties[beside(prefix, SOURCES)] = {"type": "array", "items": self.citation()}

    def _beside_facts(self, cls: type, schema: dict[str, Any]) -> None:
        properties = schema["properties"]
        items = item_lists(cls)
        rules: list[dict[str, Any]] = []
        item_rules: dict[str, Any] = {}
        only = CITED_NAMES if cls is Person else None
        fields = attrs.fields_dict(cls)
        for name in list(properties):
            field = fields[name]
            if field.metadata.get(KEY):
                continue
            checked = name not in NOT_SOURCED and (only is None or name in only)
            if name not in items:
                self._provenance_of(properties, name)
                if checked:
                    rules.append(_if_known(name, _cited(name)))
                continue
            item_cls = item_classes(cls)[name]
            subs = sub_facts(field, item_cls)
            if not is_record_item(item_cls):  # a theme: {"theme": slug, "sources": [...]}
                ref = reference_field(name)
                entry: dict[str, Any] = {
                    "type": "object",
                    "properties": {ref: {"type": "string", "enum": self.keys[item_cls]}},
                    "required": [ref],
                    "additionalProperties": False,
                }
                self._provenance_of(entry["properties"], "")
                properties[name] = {"type": "array", "items": entry}
            else:
                item_def = self.defs[item_cls.__name__]
                self._provenance_of(item_def["properties"], "")
                for sub in subs:
                    self._provenance_of(item_def["properties"], sub)
            if checked:
                rule: dict[str, Any] = {"anyOf": [_cited(""), *(_cited(sub) for sub in subs)]}
                if subs:
                    rule = {"allOf": [rule, *(_if_known(sub, _cited(sub)) for sub in subs)]}
                item_rules[name] = {"items": rule}
        if item_rules:
            rules.append({"properties": item_rules})
        if not rules:
            return
        if cls is Edition:  # a planned edition may carry announced facts not yet reported
            held = {"properties": {"status": {"const": Status.HELD.value}}, "required": ["status"]}
            schema["allOf"] = [{"if": held, "then": {"allOf": rules}}]
        else:
            schema["allOf"] = rules


def _cited(prefix: str) -> dict[str, Any]:
    """A fact or item (``prefix`` "") with a full citation, or inferred with a partial one."""
    sources, inferred = beside(prefix, SOURCES), beside(prefix, INFERRED)
    return {
        "anyOf": [
            {"required": [sources], "properties": {sources: {"contains": {"type": "string"}}}},
            {
                "required": [sources, inferred],
                "properties": {sources: {"contains": {"type": "object"}}},
            },
        ]
    }


def _if_known(name: str, then: dict[str, Any]) -> dict[str, Any]:
    """``then`` applies when ``name`` is given and not null (unknown needs no citation)."""
    known = {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
    return {"if": known, "then": then}


def _ecma_escape(text: str) -> str:
    """``text`` as a literal in a regular expression that Python and ECMA-262 both read alike."""
    return "".join(f"\\{c}" if c in r".^$*+?()[]{}|\/" else c for c in text)


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
