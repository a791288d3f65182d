"""Reliability: broken data refused whole, nothing shared mutable, one load for all threads,
no network, no code evaluated from data."""

from __future__ import annotations

import copy
import json
import re
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rok_ca_forum as rcf
from tests.helpers import DATA_DIR, read, write

# --- Broken data refused whole ------------------------------------------------------------

_REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from([[], {}, "XX", "2019-13-45", ["no-such-theme"]]),
)
_FILES = ["editions/12.json", "editions/03.json", "people.json", "themes.json", "countries.json"]
_FILES += ["secretariat.json", "bodies.json"]
_KNOWN_FILES = {p.relative_to(DATA_DIR).as_posix() for p in DATA_DIR.rglob("*.json")} | {"editions"}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def _mutation(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(_FILES))
    data = copy.deepcopy(read(DATA_DIR / name))
    path = draw(st.sampled_from(_paths(data)))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if action == "delete":
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(_REPLACEMENTS)
    else:
        parent[path[-1]] = draw(_REPLACEMENTS)
    return name, data


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_mutation())
def test_random_damage_loads_or_raises_data_validation_error(
    tmp_path: Path, mutation: tuple[str, Any]
) -> None:
    before = rcf.to_json(rcf.editions)
    root = tmp_path / "data"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(DATA_DIR, root)
    name, data = mutation
    write(root / name, data)
    problem: rcf.DataValidationError | None = None
    try:
        dataset = rcf.load(root)
    except rcf.DataValidationError as exc:
        problem = exc
    if problem is None:
        assert len(dataset.editions) == len(rcf.editions)
    else:  # the error names a real file (a damaged vocabulary may surface in an edition)
        assert problem.file.split(": ")[0] in _KNOWN_FILES, problem.path
    assert rcf.to_json(rcf.editions) == before
    assert rcf.load() is rcf.load()


# --- Nothing shared is mutable ------------------------------------------------------------


def test_models_cannot_be_changed() -> None:
    e = rcf.editions[12]
    targets: list[Any] = [e, e.host, e.delegations[0], e.delegations[0].head, e.sources[0]]
    targets += [e.themes[0], e.deliverables[0], e.discrepancies[0], rcf.secretariat]
    for target in targets:
        field = attrs.fields(type(target))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(target, field, None)
        with pytest.raises((AttributeError, TypeError)):
            target.extra = 1
    for value in (e.delegations, e.themes, e.agenda, e.sources, e.host.aliases if e.host else ()):
        assert isinstance(value, tuple)


def test_collections_cannot_be_changed() -> None:
    collections: list[Any] = [rcf.editions, rcf.countries, rcf.themes, rcf.people]
    for collection in collections:
        with pytest.raises(TypeError):
            collection[1] = None
        with pytest.raises(TypeError):
            del collection[1]
        with pytest.raises(AttributeError):
            collection.extra = 1
    with pytest.raises(AttributeError):
        rcf.editions.append(rcf.editions[1])  # type: ignore[attr-defined]
    results = rcf.editions.filter(host="KR")
    with pytest.raises(TypeError):
        results[0] = rcf.editions[12]  # type: ignore[index]


def test_plain_data_is_a_copy() -> None:
    data = rcf.to_dict(rcf.editions[12])
    data["city"] = "Elsewhere"
    data["delegations"].clear()
    assert rcf.editions[12].city == "Nur-Sultan"
    assert rcf.to_dict(rcf.editions[12])["delegations"]


def test_results_are_fresh_tuples_of_shared_frozen_records() -> None:
    a = rcf.editions.filter(host="KR")
    b = rcf.editions.filter(host="KR")
    assert a == b
    assert all(x is y for x, y in zip(a, b, strict=True))


# --- Concurrency, network, code evaluation ------------------------------------------------


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, check=False, encoding="utf-8",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_32_threads_on_a_fresh_import_share_one_load() -> None:
    out = _run(
        """
        import threading
        import rok_ca_forum as rcf
        from rok_ca_forum import loading
        builds = []
        real = loading._build_bundled
        loading._build_bundled = lambda: builds.append(1) or real()  # count the loads
        barrier = threading.Barrier(32)
        seen = []
        def ask():
            barrier.wait()
            seen.append(id(rcf.editions))
            seen.append(id(rcf.load()))
        threads = [threading.Thread(target=ask) for _ in range(32)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(seen), len(set(seen)) <= 2, len(builds))
        """
    )
    assert out.split() == ["64", "True", "1"]


def test_import_reads_no_data_and_pulls_in_no_heavy_modules() -> None:
    out = _run(
        """
        import sys
        import rok_ca_forum
        from rok_ca_forum import loading
        heavy = [m for m in ("cattrs", "pycountry", "json", "pandas", "polars",
                             "importlib.metadata")
                 if m in sys.modules]
        print(int(loading._bundled is not None), heavy)
        """
    )
    assert out.strip() == "0 []"


def test_the_api_works_with_sockets_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    dataset = rcf.load(DATA_DIR)  # a fresh, full load with no network
    assert dataset.editions[12].city == "Nur-Sultan"
    assert rcf.editions.search("water")
    assert rcf.from_dict(rcf.Edition, rcf.to_dict(rcf.editions[3])) == rcf.editions[3]


def test_data_is_never_evaluated(data_copy: Path) -> None:
    payload = "__import__('os').system('echo pwned')"
    path = data_copy / "editions" / "12.json"
    data = read(path)
    data["notes"].append({"key": "payload", "text": payload, "sources": ["mofa-320762"]})
    data["motto"] = "{{ 7 * 7 }}"
    data["motto_sources"] = ["mofa-320762"]  # a held edition's facts are sourced
    write(path, data)
    edition = rcf.load(data_copy).editions[12]
    assert edition.notes[-1].text == payload
    assert edition.motto == "{{ 7 * 7 }}"


def test_loader_source_uses_no_code_evaluation() -> None:
    # Every module, the builders of the bundled data included.
    modules = sorted(Path(rcf.__file__).parent.glob("*.py"))
    assert len(modules) > 20
    for module in modules:
        source = module.read_text(encoding="utf-8")
        # The builtins, not re.compile(): code is never generated from text.
        assert not re.search(r"(?<![\w.])(eval|exec|compile)\(", source), module.name
        for risky in ("pickle.load", "yaml.load", "marshal"):
            assert risky not in source, (module.name, risky)


def test_json_reads_are_closed_files() -> None:
    # The suite runs with every warning as an error, ResourceWarning included; this load would
    # fail the test if a file handle were left open.
    assert json.loads(rcf.to_json(rcf.load(DATA_DIR).countries))
