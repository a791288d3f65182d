"""The reading stack: imports that run one way, one description of the format, exported types.

These tests read the package's source and its models; they fail when a module imports one above
it, when the fast build, the strict converter, ``to_dict`` and the schemas disagree, or when the
API hands out a type that ``rok_ca_forum`` does not export.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rok_ca_forum as rcf
from rok_ca_forum import _builder, _format, schema
from rok_ca_forum._meta import KEY, REFERENCE, limits
from rok_ca_forum.enums import Level
from rok_ca_forum.models import Country, Source
from tests.helpers import DATA_DIR, read, write

PACKAGE = Path(rcf.__file__).parent

#: The layers of the package, lowest first: a module imports only from its own layer or below.
LAYERS: dict[str, tuple[str, ...]] = {
    "foundation": ("errors", "enums", "_text", "_meta", "_readonly", "_version", "_plans",
                   "_columns", "_reading", "languages"),
    "model": ("_record", "provenance", "citing", "models", "institutions"),
    "render": ("display", "views"),
    "io": ("_format", "_layout", "_builder", "rules", "validate"),
    "query": ("search", "results", "vocabulary", "collection", "dataset", "loading"),
    "leaves": ("serialize", "schema", "tidy", "frames", "export", "_arguments", "cli",
               "__init__", "__main__"),
}  # fmt: skip
LAYER_OF = {module: rank for rank, modules in enumerate(LAYERS.values()) for module in modules}
#: The one way up: a record's text and HTML methods may call the render layer, lazily.
DRAWING_METHODS = frozenset({"__repr__", "__str__", "_repr_html_"})

Edit = Callable[[str, Callable[[Any], Any]], Path]


# Imports ----------------------------------------------------------------------------------------
def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[str]:
    """Modules of the package that ``tree`` imports when it runs, function-local ones included.

    Imports under ``if TYPE_CHECKING:`` are left out: they never run.
    """
    yield from (module for module, _ in _imports_in(tree, ""))


def _imports_in(tree: ast.AST, function: str) -> Iterator[tuple[str, str]]:
    """Each import of ``tree`` with the name of the function it is made in ("" at the top)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                yield from _imports_in(child, function)
            continue
        inner = node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
        for module in _named(node):
            yield module, function
        yield from _imports_in(node, inner)


def _named(node: ast.AST) -> Iterator[str]:
    """The package's modules one import statement names."""
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        if node.module == "rok_ca_forum":
            for alias in node.names:
                is_module = (PACKAGE / f"{alias.name}.py").exists()
                yield alias.name if is_module else "__init__"
        elif node.module.startswith("rok_ca_forum."):
            yield node.module.split(".")[1]
    elif isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == "rok_ca_forum":
                yield "__init__"
            elif alias.name.startswith("rok_ca_forum."):
                yield alias.name.split(".")[1]


def _graph() -> dict[str, set[str]]:
    """Who imports whom; a record's drawing methods calling the render layer are left out: they
    run when a record is drawn, never while a module is imported."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {
            target
            for target, function in _imports_in(tree, "")
            if target != path.stem
            and not (function in DRAWING_METHODS and target in LAYERS["render"])
        }
    # The package's lazy attributes import by name, at run time: edges too.
    lazy = {module.split(".")[1] for module in rcf._LAZY.values()} | {"loading"}
    graph["__init__"] |= lazy
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(graph.get(node, ())):
            found = visit(target)
            if found:
                return found
        path.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        found = visit(node)
        if found:
            return found
    return None


def test_the_package_imports_run_one_way() -> None:
    graph = _graph()
    assert "validate" in graph["loading"] and "display" in graph["cli"]  # the scan sees them
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_import_scan_reads_function_local_imports() -> None:
    tree = ast.parse("def f():\n    from rok_ca_forum.display import x\n")
    assert list(_imports(tree)) == ["display"]


def test_dataset_does_no_io_and_keeps_no_globals() -> None:
    tree = ast.parse((PACKAGE / "dataset.py").read_text(encoding="utf-8"))
    assert "loading" not in set(_imports(tree))
    assigned = [n for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))]
    names = {t.id for n in assigned for t in getattr(n, "targets", [getattr(n, "target", None)])
             if isinstance(t, ast.Name)}  # fmt: skip
    assert names <= {"__all__", "_Institutions"}


def test_every_module_has_a_layer() -> None:
    assert set(LAYER_OF) == {path.stem for path in PACKAGE.glob("*.py")}


def _upward(modules: Iterator[tuple[str, str]], home: str) -> list[str]:
    return [
        f"{home} -> {target} (in {function or 'the module'})"
        for target, function in modules
        if LAYER_OF[target] > LAYER_OF[home]
        and not (home in LAYERS["model"] and target in LAYERS["render"]
                 and function in DRAWING_METHODS)
    ]  # fmt: skip


def test_every_import_runs_down_the_layers() -> None:
    """Over every import, function-local ones included: nothing reaches up, except a record's
    repr, str and HTML methods calling the render layer."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += _upward(_imports_in(tree, ""), path.stem)
    assert not found, "\n".join(found)


def test_the_layer_check_finds_an_upward_import() -> None:
    tree = ast.parse("def describe():\n    from rok_ca_forum.display import line\n")
    assert _upward(_imports_in(tree, ""), "models") == ["models -> display (in describe)"]
    drawing = ast.parse("class E:\n    def __str__(self):\n        import rok_ca_forum.display\n")
    assert _upward(_imports_in(drawing, ""), "models") == []


# One description of the format --------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Gadget:
    """A model that exists only here: what a new field or record gets from the derivation."""

    code: str = attrs.field(metadata={KEY: True})
    count: int | None = attrs.field(default=None, metadata=limits(minimum=1, maximum=9))
    level: Level | None = None
    when: dt.date | None = None
    tags: tuple[str, ...] = ()
    maker: Country | None = None
    parts: tuple[Part, ...] = ()
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Part:
    name: str
    cited: tuple[Source, ...] = attrs.field(default=(), metadata={REFERENCE: True})


def _all_records() -> Iterator[Any]:
    ds = rcf.load()
    for file in _format.FILES:
        if file is _format.EDITIONS:
            yield from ds.editions
        elif file is _format.SECRETARIAT:
            yield ds.secretariat
        elif file is _format.BODIES:
            yield from ds.bodies
        else:
            yield from getattr(ds, file.name.removesuffix(".json"))


def _references() -> dict[type, dict[str, Any]]:
    return _format.reference_tables([rcf.countries, rcf.themes, rcf.sources, rcf.people])


def test_every_bundled_record_comes_back_through_to_dict_and_the_builder() -> None:
    from rok_ca_forum._layout import unzip

    for record in _all_records():
        plain = rcf.to_dict(record)  # the file's layout: citations beside the facts
        cls = type(record)
        flat = unzip(plain, cls)  # the record's fields, citations gathered
        assert _builder.build(flat, cls, _references()) == record
        assert set(flat) == {f.name for f in attrs.fields(cls) if f.init}


@pytest.mark.parametrize("file", _format.FILES, ids=lambda f: f.name)
def test_schemas_describe_exactly_the_model_fields(file: _format.DataFile) -> None:
    document = schema.schemas(rcf.load())[file.schema]
    record = document["items"] if file.many else document
    from rok_ca_forum._layout import is_cited
    from rok_ca_forum.models import Citation, Inference
    from rok_ca_forum.provenance import PROVENANCE

    for cls in _format.records_reachable(file.cls):
        if cls in (Citation, Inference):  # written beside the facts: CitedBy, Reasoning
            continue
        described = record if cls is file.cls else document["$defs"][cls.__name__]
        # Citations and inferences are written beside the facts, not as fields of their own.
        fields = [
            f for f in attrs.fields(cls) if f.init and not (is_cited(cls) and f.name in PROVENANCE)
        ]
        names = [f.name for f in fields]
        assert list(described["properties"])[: len(names)] == names
        beside = list(described["properties"])[len(names) :]
        assert all(k.endswith(("sources", "inferred")) for k in beside), beside
        complete = file.complete and cls is file.cls  # the file writes every field out
        required = [f.name for f in fields if complete or f.default is attrs.NOTHING]
        assert described["required"] == required


def test_a_new_model_is_built_written_and_described_without_more_code() -> None:
    """One model edit reaches the builder, to_dict and the schema."""
    source = rcf.sources["mofa-320762"]
    gadget = Gadget(
        code="g1", count=3, level=Level.MINISTERIAL, when=dt.date(2020, 1, 2), tags=("a", "b"),
        maker=rcf.countries["KZ"], parts=(Part(name="p", cited=(source,)),), sources=(source,),
    )  # fmt: skip
    plain = rcf.to_dict(gadget)
    assert plain["level"] == "ministerial" and plain["maker"] == "KZ"
    assert plain["parts"] == [{"name": "p", "cited": ["mofa-320762"]}]
    references = _references()
    assert _builder.build(plain, Gadget, references) == gadget
    with pytest.raises(_builder.BuildError) as info:
        _builder.build({**plain, "count": 10, "parts": [{"name": 5}]}, Gadget, references)
    assert info.value.problems == [
        ("count", "10 is above the maximum 9"),
        ("parts[0].name", "expected a string, got int"),
    ]  # every problem, each where it is
    builder = schema.SchemaBuilder(rcf.load(), Gadget)
    described = builder.record(Gadget)
    assert described["properties"]["count"]["anyOf"][0]["maximum"] == 9
    assert described["properties"]["maker"]["anyOf"][0]["enum"] == [
        c.alpha_2 for c in rcf.countries
    ]
    jsonschema.validate(plain, {**described, "$defs": builder.defs})


@settings(max_examples=60, deadline=None)
@given(
    count=st.none() | st.integers(1, 9),
    tags=st.lists(st.text(max_size=5), max_size=3),
    when=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2200, 12, 31)),
    level=st.none() | st.sampled_from(Level),
)
def test_to_dict_and_the_builder_are_inverse(
    count: int | None, tags: list[str], when: dt.date | None, level: Level | None
) -> None:
    gadget = Gadget(code="g", count=count, tags=tuple(tags), when=when, level=level)
    assert _builder.build(rcf.to_dict(gadget), Gadget, {}) == gadget


def test_to_dict_gives_plain_json_types() -> None:
    def kinds(value: object) -> set[type]:
        if isinstance(value, dict):
            return {dict} | {t for v in value.values() for t in kinds(v)}
        if isinstance(value, list):
            return {list} | {t for v in value for t in kinds(v)}
        return {type(value)}

    found = kinds(rcf.to_dict(rcf.editions))
    assert found <= {dict, list, str, int, type(None)}, found
    assert not any(issubclass(t, enum.Enum) for t in found)


# Exports ----------------------------------------------------------------------------------------
def _returned_types() -> set[type]:
    ds = rcf.load()
    found: set[type] = {type(ds), type(ds.editions), type(ds.countries), type(ds.themes)}
    found |= {type(ds.people), type(ds.secretariat), type(rcf.editions.filter(host="KZ"))}
    found |= {type(rcf.editions.search("water"))}
    for file in _format.FILES:
        found |= set(_format.records_reachable(file.cls))
        for _, shape in (s for cls in _format.records_reachable(file.cls)
                         for s in _format.record_shapes(cls)):  # fmt: skip
            inner = shape.inner.inner if shape.inner and shape.inner.inner else shape.inner
            for part in (shape, inner):
                if part is not None and part.kind in ("enum", "reference", "record"):
                    found.add(part.cls)
    return found


def test_every_type_the_api_returns_is_exported() -> None:
    types = _returned_types()
    assert {rcf.Secretariat, rcf.Meeting, rcf.EditionResults, rcf.Dataset} <= types
    for cls in types:
        assert cls.__name__ in rcf.__all__, cls
        assert getattr(rcf, cls.__name__) is cls


# Loader rules, each on a damaged copy ------------------------------------------------------------
def _set(key: str, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data[key] = value

    return change


def _without_host_delegation(data: Any) -> None:
    data["delegations"] = [d for d in data["delegations"] if d["country"] != data["host"]]


@pytest.mark.parametrize(
    ("file", "change", "where", "problem"),
    [
        ("editions/12.json", _set("year", 1989), "editions/12.json: year", "below the minimum"),
        ("editions/12.json", _set("year", 2201), "editions/12.json: year", "above the maximum"),
        ("editions/12.json", _without_host_delegation, "editions/12.json: host", "no delegation"),
        (
            "editions/02.json",
            lambda d: d.__setitem__("colour_inferred", "x"),
            "editions/02.json: (top level)",
            "unknown field(s): colour_inferred",
        ),
        (
            "editions/12.json",
            lambda d: d["discrepancies"].append({"key": "colour", "field": "colour", "value": "x"}),
            "editions/12.json: discrepancies.colour.field",
            "'colour' is not a field",
        ),
    ],
)
def test_edition_rules(edit: Edit, file: str, change: Any, where: str, problem: str) -> None:
    root = edit(file, change)
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(root)
    assert str(info.value).startswith(where)
    assert problem in str(info.value)


def _dates(year: int) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data["year"] = year
        data["start_date"] = data["end_date"] = None
        for d in data["deliverables"]:
            d["date"] = None

    return change


def test_years_never_go_back(edit: Edit) -> None:
    root = edit("editions/12.json", _dates(2010))
    with pytest.raises(rcf.DataValidationError, match="before the previous edition's 2018"):
        rcf.load(root)


def test_a_held_edition_cannot_follow_a_planned_one(data_copy: Path) -> None:
    path = data_copy / "editions" / "16.json"
    data = read(path)
    data["status"] = "planned"
    write(path, data)
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(data_copy)
    assert str(info.value) == (
        "editions/17.json: status: a held edition cannot follow a planned one"
    )


def test_the_bundled_data_passes_the_rules_the_damaged_copies_break() -> None:
    assert rcf.load(DATA_DIR).editions[12].host == rcf.countries["KZ"]


def test_vocabulary_records_are_the_referenced_ones() -> None:
    assert {f.cls for f in _format.VOCABULARIES} == _format._REFERENCED


def _names_a_class(node: ast.AST) -> bool:
    """Whether ``node`` compares some ``x.__name__`` with a string written in the code."""
    if not isinstance(node, ast.Compare):
        return False
    sides = (node.left, *node.comparators)
    named = any(isinstance(side, ast.Attribute) and side.attr == "__name__" for side in sides)
    literal = any(
        (isinstance(side, ast.Constant) and isinstance(side.value, str))
        or (isinstance(side, (ast.Tuple, ast.List, ast.Set))
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in side.elts))
        for side in sides
    )  # fmt: skip
    return named and literal


def test_no_module_picks_behaviour_by_a_class_names_string() -> None:
    """Drawing and describing ask the record (its ``_line``) or its class, never its name."""
    offenders = [
        f"{path.name}:{getattr(node, 'lineno', 0)}"
        for path in sorted(PACKAGE.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _names_a_class(node) and path.name != "__main__.py"
    ]
    assert not offenders, offenders
    assert _names_a_class(ast.parse('type(x).__name__ == "Edition"').body[0].value)  # type: ignore[attr-defined]
