"""The API reference's promises: what docs/api.md shows imports from `rok_ca_forum`, and
docs/fields.md documents every field of every record, so neither can drift from the code."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import rok_ca_forum

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api.md"
FIELDS = ROOT / "docs" / "fields.md"

#: Documented on its own, as a module (docs/api.md says so); not in the top-level namespace.
OWN_MODULES = {"rok_ca_forum.schema"}
#: The data the package serves as attributes: described on the API page by their collections.
DATA_NAMES = {"editions", "countries", "themes", "people", "sources", "secretariat", "bodies"}
#: The modules whose attrs classes are the records.
RECORD_MODULES = ("rok_ca_forum.models", "rok_ca_forum.institutions")


def _members(module: ModuleType) -> list[str]:
    """The names mkdocstrings (`filters: public`) shows for a module: its __all__, else the
    classes and functions it defines without a leading underscore."""
    if hasattr(module, "__all__"):
        return list(module.__all__)
    return [
        name
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(obj) or inspect.isfunction(obj))
        and obj.__module__ == module.__name__
    ]


def documented() -> dict[str, list[str]]:
    """Each `::: identifier` of docs/api.md and the names it puts on the page."""
    shown: dict[str, list[str]] = {}
    for identifier in re.findall(r"^::: (\S+)$", API.read_text(encoding="utf-8"), re.MULTILINE):
        try:
            shown[identifier] = _members(importlib.import_module(identifier))
        except ModuleNotFoundError:
            shown[identifier] = [identifier.rsplit(".", 1)[1]]
    return shown


def _top_level_names() -> list[str]:
    return sorted({n for ident, ns in documented().items() if ident not in OWN_MODULES for n in ns})


def test_api_page_says_which_module_stands_apart() -> None:
    page = API.read_text(encoding="utf-8")
    assert "except the `rok_ca_forum.schema` module" in page
    assert set(documented()) >= OWN_MODULES


@pytest.mark.parametrize("name", _top_level_names())
def test_every_name_on_the_api_page_imports_from_the_package(name: str) -> None:
    assert hasattr(rok_ca_forum, name), f"docs/api.md documents {name}; rok_ca_forum lacks it"


def test_every_exported_name_is_on_the_api_page() -> None:
    shown = {n for names in documented().values() for n in names}
    dunder = {n for n in rok_ca_forum.__all__ if n.startswith("__")}
    constants = {"DATA_AS_OF", "DATA_VERSION"}  # described in docs/versioning.md
    missing = set(rok_ca_forum.__all__) - shown - DATA_NAMES - dunder - constants
    assert not missing, f"exported but not on docs/api.md: {sorted(missing)}"


def records() -> list[type[attrs.AttrsInstance]]:
    """The attrs classes the record modules show: every model."""
    found: list[type[attrs.AttrsInstance]] = []
    for module in map(importlib.import_module, RECORD_MODULES):
        for name in _members(module):
            obj = getattr(module, name)
            if inspect.isclass(obj) and attrs.has(obj):
                found.append(obj)
    return found


def fields_page() -> dict[str, list[str]]:
    """Each `## Record` section of docs/fields.md and the fields its table lists, in order."""
    sections = re.split(r"^## ", FIELDS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    return {
        section.split("\n", 1)[0].strip(): re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE)
        for section in sections
    }


def test_fields_page_covers_every_record_and_field_in_order() -> None:
    page = fields_page()
    assert set(page) == {r.__name__ for r in records()}
    for record in records():
        data_fields = [f.name for f in attrs.fields(record) if f.init]  # init=False: not data
        assert page[record.__name__] == data_fields, record.__name__


def test_fields_page_is_in_the_site_and_linked_from_the_api_page() -> None:
    assert "fields.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "(fields.md)" in API.read_text(encoding="utf-8")
