"""Docs that cannot drift from the code and data (after holidays' tests/test_docs.py)."""

from __future__ import annotations

import re
from pathlib import Path

import rok_ca_forum as rcf
from tools import data_doc

ROOT = Path(__file__).resolve().parent.parent


def test_data_page_is_fresh() -> None:
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    # Rebuilt against the day the page says its plans were checked: no clock in the test.
    assert page == data_doc.render(rcf.load(), data_doc.checked_on(page)), (
        "docs/data.md is stale: run python -m tools.data_doc"
    )


def test_the_data_page_marks_a_plan_past_its_date() -> None:
    import datetime as dt

    page = data_doc.render(rcf.load(), dt.date(2027, 1, 1))
    assert f"18 (planned, as of {rcf.DATA_AS_OF}; no later report)" in page
    assert "(2026-09-16): planned, as of" in page  # the summit
    assert "no later report" not in data_doc.render(rcf.load(), dt.date(2026, 1, 1))


def test_data_page_names_every_edition_and_source() -> None:
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for e in rcf.editions:
        assert f"### {e.title} ({e.year})" in page
        for s in e.sources:
            assert s.url in page


def test_readme_shows_the_two_setup_commands_near_the_top() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    top = readme[:1500]
    assert "pip install . && rok-ca-forum show 12" in top
    assert "pip install -e '.[test]' && python -m pytest" in top


def test_ci_runs_the_readme_test_command() -> None:
    # CI runs every nox session; the tests session is the README's command on each Python.
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^nox --non-interactive", ci, re.MULTILINE)
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    session = noxfile.split("def tests(", 1)[1].split("\n\n\n", 1)[0]
    assert '@nox.session(python=PYTHONS, venv_backend="venv")\ndef tests(' in noxfile
    assert 'session.install("-e", ".[test]")' in session
    assert "pytest(session)" in session
    assert 'session.run("python", "-m", "pytest", *args)' in noxfile


def test_changelog_has_unreleased_and_data_sections() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = changelog.split("## [Unreleased]", 1)[1].split("\n## ", 1)[0]
    assert "### Added" in unreleased
    assert "### Data" in unreleased


def test_version_is_single_sourced() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'path = "src/rok_ca_forum/_version.py"' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", rcf.__version__)
    # YYYY.MM.DD, and .N for a later change on the same day.
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}(\.[1-9]\d*)?", rcf.DATA_VERSION)


def test_data_as_of_is_the_newest_publication_among_the_sources() -> None:
    # The horizon of the evidence: not the day anyone looked, which says nothing of the world.
    ds = rcf.load()
    records = [*ds.editions, *ds.bodies, *ds.people, ds.secretariat]
    published = [s.published for r in records for s in r.sources if s.published]
    assert max(published) == rcf.DATA_AS_OF


def test_data_version_moves_with_the_data() -> None:
    from tests.helpers import DATA_DIR, data_digest

    recorded_version, recorded_digest = (ROOT / "tests" / "data_digest.txt").read_text().split()
    assert data_digest(DATA_DIR) == recorded_digest, (
        "the bundled data changed: bump DATA_VERSION (and DATA_AS_OF) in _version.py, add a Data "
        "entry to CHANGELOG.md, and record the new version and digest in tests/data_digest.txt"
    )
    assert recorded_version == rcf.DATA_VERSION, "DATA_VERSION changed without a data change"


def test_the_readme_picture_is_in_sync_with_the_data() -> None:
    from tools.timeline import README_COPY, render_svg

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"]({README_COPY})" in readme
    assert (ROOT / README_COPY).read_text(encoding="utf-8") == render_svg(), (
        "docs/timeline.svg is stale: run python -m tools.timeline"
    )


def test_readme_quickstart_says_how_to_use_a_notebook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    for needed in ("[pandas]", "[polars]", "rcf.tables()", "HTML table", "notebooks.md"):
        assert needed in quickstart, needed
