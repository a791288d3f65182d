"""Citations beside their facts: how a cited record is laid out in its JSON file.

In memory a record keeps its citations and inferences in two lists, each entry naming the path
it is about. On disk they sit next to what they back, so that a person editing ``city`` sees
what supports it:

- a fact is followed by ``<fact>_sources`` and, if it was inferred, ``<fact>_inferred``;
- a list item (a deliverable, a statement, a theme, a delegation, a meeting) carries its own
  ``sources`` and ``inferred``, and a delegation also ``head_sources``, ``head_title_sources``;
- a citation is a source key (the page states the item: `Grade.FULL`) or
  ``{"source": key, "partial": "what the page gives"}`` (`Grade.PARTIAL`);
- a theme, written by reference, is an object: ``{"theme": "energy", "sources": [...]}``.

`unzip` turns the file's layout into the record's fields, `zip_record` turns them back; both
are derived from the models (`attrs.fields`, `provenance.item_lists`), so a new field or list
needs no edit here.

```pycon
>>> from rok_ca_forum.models import Person
>>> flat = unzip({"id": "x", "name": "X", "aliases": [], "name_ko": "엑스",
...               "name_ko_sources": ["page-1"], "name_ru": None}, Person)
>>> flat["citations"]
[{'item': 'name_ko', 'source': 'page-1', 'grade': 'full', 'note': None}]
>>> zip_record(flat, Person)["name_ko_sources"]
['page-1']

```
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from rok_ca_forum._format import shape_of
from rok_ca_forum._meta import KEY, PER_MEMBER, key_field, per_class
from rok_ca_forum.enums import Grade
from rok_ca_forum.provenance import PROVENANCE, fact_fields, item_lists, sub_fields

__all__ = [
    "INFERRED",
    "SOURCES",
    "Flat",
    "LayoutError",
    "beside",
    "is_cited",
    "item_classes",
    "on_disk",
    "reference_field",
    "sub_facts",
    "unzip",
    "zip_record",
]

#: The name of an item's citations, and the suffix of a fact's (``city_sources``).
SOURCES = "sources"
#: The name of an item's inference, and the suffix of a fact's (``year_inferred``).
INFERRED = "inferred"
#: The fields of a partial citation: the source's key and what the page gives.
_PARTIAL_FIELDS = frozenset({"source", "partial"})


class Flat(dict[str, Any]):
    """A record's fields as `unzip` gathers them, remembering where in the file each citation and
    inference was written (``origins``), so that a fault found later is named where it is."""

    __slots__ = ("origins",)

    def __init__(self, fields: dict[str, Any], origins: dict[str, list[str]]) -> None:
        super().__init__(fields)
        self.origins = origins


_STEP = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")


def on_disk(path: str, data: object) -> str:
    """Where in the file a fault at ``path`` of the gathered ``data`` lies: a citation found
    wrong at ``citations[15].source`` was written at ``city_sources[0]``.

    ```pycon
    >>> from rok_ca_forum.models import Person
    >>> flat = unzip({"id": "x", "name": "X", "aliases": [], "name_ko": "엑스",
    ...               "name_ko_sources": ["page-1"], "name_ru": None}, Person)
    >>> on_disk("citations[0].source", flat), on_disk("name", flat)
    ('name_ko_sources[0]', 'name')

    ```
    """
    steps = [(m.group(1), m.group(2)) for m in _STEP.finditer(path)]
    if "".join(m.group(0) for m in _STEP.finditer(path)) != path:
        return path
    built, here = "", data
    for i, (name, index) in enumerate(steps):
        if name in PROVENANCE and isinstance(here, Flat) and i + 1 < len(steps):
            position = steps[i + 1][1]
            origins = here.origins.get(name, [])
            if position is not None and int(position) < len(origins):
                return built + ("." if built else "") + origins[int(position)]
        if name is not None:
            built += ("." if built else "") + name
            here = here.get(name) if isinstance(here, dict) else None
        else:
            built += f"[{index}]"
            position = int(index)
            here = here[position] if isinstance(here, list) and position < len(here) else None
    return path


class LayoutError(ValueError):
    """Citations or inferences that are not laid out as the format says; ``problems`` holds
    ``(path in the file, what is wrong)`` pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{path}: {problem}" for path, problem in problems))
        self.problems = problems


@per_class
def is_cited(cls: type) -> bool:
    """Whether ``cls`` records carry citations (editions, the Secretariat, bodies, people)."""
    return attrs.has(cls) and "citations" in attrs.fields_dict(cls)


def beside(prefix: str, what: str) -> str:
    """The key of a fact's citations or inference (``city_sources``); an item's own: ``sources``."""
    return f"{prefix}_{what}" if prefix else what


@per_class
def item_classes(cls: type) -> dict[str, type]:
    """The record (or referenced) class of each list of ``cls`` whose items are cited alone."""
    hints = typing.get_type_hints(cls)
    return {name: typing.get_args(hints[name])[0] for name in item_lists(cls)}


@per_class
def _facts(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fact_fields(cls))


def sub_facts(field: attrs.Attribute, cls: type) -> tuple[str, ...]:  # type: ignore[type-arg]
    """The fields of a per-member item cited one by one (a delegation's head and title)."""
    member = field.metadata.get(PER_MEMBER)
    return sub_fields(cls, member) if member else ()


def reference_field(field_name: str) -> str:
    """What a referenced item is called inside its object: ``themes`` -> ``theme``."""
    return field_name.removesuffix("s")


def _item_key(field: attrs.Attribute, item_cls: type, raw: Mapping[str, Any]) -> object:  # type: ignore[type-arg]
    member = field.metadata.get(PER_MEMBER)
    if member:
        return raw.get(member)
    key = key_field(item_cls)
    return raw.get(key) if key else None


class _Unzipping:
    """One record's citations and inferences, collected while its layout is undone."""

    def __init__(self) -> None:
        self.citations: list[dict[str, Any]] = []
        self.inferred: list[dict[str, Any]] = []
        self.problems: list[tuple[str, str]] = []
        self.origins: dict[str, list[str]] = {"citations": [], "inferred": []}

    def take(self, container: dict[str, Any], prefix: str, path: str, where: str) -> None:
        """Move the citations and inference beside ``prefix`` in ``container`` to ``path``."""
        inferred_key, sources_key = beside(prefix, INFERRED), beside(prefix, SOURCES)
        if inferred_key in container:
            note = container.pop(inferred_key)
            if type(note) is not str:
                self.problems.append(
                    (where + inferred_key, "an inference is a sentence or two of reasoning (text)")
                )
            else:
                self.inferred.append({"field": path, "note": note})
                self.origins["inferred"].append(where + inferred_key)
        if sources_key not in container:
            return
        cited = container.pop(sources_key)
        if type(cited) is not list:
            self.problems.append((where + sources_key, "expected a list of citations"))
            return
        for index, entry in enumerate(cited):
            at = f"{where}{sources_key}[{index}]"
            if type(entry) is str:
                self.citations.append(
                    {"item": path, "source": entry, "grade": Grade.FULL.value, "note": None}
                )
                self.origins["citations"].append(at)
            elif (
                type(entry) is dict
                and set(entry) == _PARTIAL_FIELDS
                and all(type(v) is str for v in entry.values())
            ):
                self.citations.append(
                    {"item": path, "source": entry["source"], "grade": Grade.PARTIAL.value,
                     "note": entry["partial"]}
                )  # fmt: skip
                self.origins["citations"].append(at)
            else:
                self.problems.append((
                    at,
                    'a citation is a source key, or {"source": key, "partial": "what the page '
                    'gives"}',
                ))  # fmt: skip


def unzip(raw: object, cls: type) -> Any:
    """The fields of a ``cls`` record, with ``citations`` and ``inferred``, from its file layout.

    Anything not laid out as expected is left for the converter to name, except citations and
    inferences, whose faults raise `LayoutError` naming where they are in the file.
    """
    if type(raw) is not dict or not is_cited(cls):
        return raw
    state = _Unzipping()
    flat = _unzip_into(dict(raw), cls, state)
    if state.problems:
        raise LayoutError(state.problems)
    return Flat(flat, state.origins)


def _unzip_into(raw: dict[str, Any], cls: type, state: _Unzipping) -> dict[str, Any]:
    items = item_classes(cls)
    fields = attrs.fields_dict(cls)
    for name in _facts(cls):
        if name not in items or type(raw.get(name)) is not list:
            state.take(raw, name, name, "")
            continue
        item_cls, field = items[name], fields[name]
        values = []
        for index, item in enumerate(raw[name]):
            where = f"{name}[{index}]."
            if type(item) is not dict:
                values.append(item)
                continue
            item = dict(item)
            referenced = not is_record_item(item_cls)
            key = (
                item.get(reference_field(name)) if referenced else _item_key(field, item_cls, item)
            )
            path = f"{name}.{key}" if type(key) is str else f"{name}[{index}]"
            state.take(item, "", path, where)
            for sub in sub_facts(field, item_cls):
                state.take(item, sub, f"{path}.{sub}", where)
            if referenced:
                if set(item) != {reference_field(name)}:
                    state.problems.append((
                        f"{name}[{index}]",
                        f'expected {{"{reference_field(name)}": key, "sources": [...]}}',
                    ))  # fmt: skip
                values.append(key)
            else:
                values.append(item)
        raw[name] = values
    raw["citations"] = state.citations
    raw["inferred"] = state.inferred
    return raw


@per_class
def is_record_item(item_cls: type) -> bool:
    """Whether a list's items are written as whole objects (not as references to a vocabulary)."""
    return shape_of(item_cls).kind == "record"


def zip_record(flat: Mapping[str, Any], cls: type) -> dict[str, Any]:
    """The file layout of a ``cls`` record from its fields (as ``to_dict`` unstructures them)."""
    if not is_cited(cls):
        return dict(flat)
    cited: dict[str, list[Any]] = {}
    for c in flat.get("citations", ()):
        citation = c["source"] if c["grade"] == Grade.FULL.value else {
            "source": c["source"], "partial": c["note"],
        }  # fmt: skip
        cited.setdefault(c["item"], []).append(citation)
    inferred = {i["field"]: i["note"] for i in flat.get("inferred", ())}

    def put(container: dict[str, Any], prefix: str, path: str) -> None:
        if path in inferred:
            container[beside(prefix, INFERRED)] = inferred[path]
        if path in cited:
            container[beside(prefix, SOURCES)] = cited[path]

    items = item_classes(cls)
    fields = attrs.fields_dict(cls)
    out: dict[str, Any] = {}
    for name, value in flat.items():
        if name in PROVENANCE:
            continue
        if name not in items:
            out[name] = value
            if name in fields and not fields[name].metadata.get(KEY):
                put(out, name, name)
            continue
        item_cls, field = items[name], fields[name]
        written = []
        for item in value:
            if not is_record_item(item_cls):
                path = f"{name}.{item}"
                entry: dict[str, Any] = {reference_field(name): item}
                put(entry, "", path)
                written.append(entry)
                continue
            path = f"{name}.{_item_key(field, item_cls, item)}"
            entry = {}
            subs = sub_facts(field, item_cls)
            for sub, sub_value in item.items():
                entry[sub] = sub_value
                if sub in subs:
                    put(entry, sub, f"{path}.{sub}")
            put(entry, "", path)
            written.append(entry)
        out[name] = written
    return out
