"""The documentation site as built: strict, rendered as written, and leaving the checkout alone.

Runs only where the ``[docs]`` extra is installed (the nox ``docs`` session); skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_api_reference import documented

pytest.importorskip("mkdocs", reason="the docs site needs the [docs] extra")
pytest.importorskip("mkdocstrings_handlers.python", reason="the docs site needs the [docs] extra")

ROOT = Path(__file__).resolve().parent.parent

#: reST that Markdown leaves as it is: roles (:class:`X` renders as ":class:<code>X</code>") and
#: directives (".. note::").
RAW_REST = re.compile(r":(?:py:)?[a-z]+:(?:`|<code>)[^<`]*|^\s*\.\. [a-z-]+::", re.MULTILINE)


def _checkout() -> set[Path]:
    """Every file under the checkout, except the build's own caches and environments."""
    skip = {".git", ".nox", ".venv", ".mypy_cache", ".ruff_cache", "__pycache__", ".hypothesis"}
    return {
        p.relative_to(ROOT)
        for p in ROOT.rglob("*")
        if not skip.intersection(p.relative_to(ROOT).parts) and p.is_file()
    }


class Site:
    def __init__(self, directory: Path, log: str, created: set[Path]) -> None:
        self.directory, self.log, self.created = directory, log, created

    def html(self) -> dict[str, str]:
        return {
            p.relative_to(self.directory).as_posix(): p.read_text(encoding="utf-8")
            for p in self.directory.rglob("*.html")
        }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    before = _checkout()
    directory = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(directory)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(directory, result.stdout + result.stderr, _checkout() - before)


def test_site_builds_without_touching_the_checkout(site: Site) -> None:
    assert not site.created, f"the docs build wrote into the checkout: {sorted(site.created)}"
    assert (site.directory / "generated" / "timeline.svg").read_text().startswith("<svg")
    assert "api/index.html" in site.html()


def test_signatures_are_formatted(site: Site) -> None:
    # mkdocstrings only logs (at INFO, so --strict passes) when no formatter is installed.
    assert "Formatting signatures requires" not in site.log


def test_api_page_shows_exactly_the_names_the_import_test_checks(site: Site) -> None:
    shown = set(re.findall(r'id="(rok_ca_forum\.\w+\.\w+)"', site.html()["api/index.html"]))
    expected = set()
    for identifier, names in documented().items():
        module = identifier if identifier.count(".") == 1 else identifier.rsplit(".", 1)[0]
        expected |= {f"{module}.{name}" for name in names}
    assert shown == expected


def test_built_html_has_no_raw_rest_markup(site: Site) -> None:
    raw = {
        page: sorted(set(RAW_REST.findall(re.sub(r"<pre.*?</pre>", "", text, flags=re.DOTALL))))
        for page, text in site.html().items()
    }
    assert not {page: found for page, found in raw.items() if found}
