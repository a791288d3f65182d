"""Assert that a built wheel holds what users need: py.typed, every data file, every schema."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "rok_ca_forum" / "data"


def main(wheel: str) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {"rok_ca_forum/py.typed", "rok_ca_forum/__init__.py"}
    wanted |= {f"rok_ca_forum/data/{p.relative_to(DATA).as_posix()}" for p in DATA.rglob("*.json")}
    missing = sorted(wanted - names)
    if missing:
        sys.exit(f"{wheel} lacks: {', '.join(missing)}")
    schemas = [n for n in names if n.startswith("rok_ca_forum/data/schema/")]
    editions = [n for n in names if n.startswith("rok_ca_forum/data/editions/")]
    print(f"{Path(wheel).name}: py.typed, {len(editions)} edition files, {len(schemas)} schemas")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        main(path)
