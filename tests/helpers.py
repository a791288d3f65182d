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
