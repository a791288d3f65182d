"""Test helpers: the bundled data directory, JSON read and write, fixtures for editable copies."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rok_ca_forum

DATA_DIR = Path(rok_ca_forum.__file__).parent / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture
def edit(data_copy: Path) -> Callable[[str, Callable[[Any], Any]], Path]:
    """Apply ``change`` to the JSON of one file in a data copy; returns the copy's root."""

    def apply(name: str, change: Callable[[Any], Any]) -> Path:
        path = data_copy / name
        data = read(path)
        result = change(data)
        write(path, data if result is None else result)
        return data_copy

    return apply


def data_digest(root: Path) -> str:
    """SHA-256 over the names and bytes of every data file under ``root`` (schemas left out):
    what tests/data_digest.txt records beside the data version it belongs to."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(
        p for p in root.rglob("*.json") if "schema" not in p.relative_to(root).parts
    ):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
