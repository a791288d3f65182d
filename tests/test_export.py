"""The export for people outside Python: CSV tables and a Frictionless package that validates."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

import rok_ca_forum as rcf
from rok_ca_forum.cli import main
from rok_ca_forum.tidy import tidy

# frictionless is a test dependency that installs on every supported Python; if an environment
# lacks it anyway, the validating test is skipped there alone, with a reason that says so.
HAS_FRICTIONLESS = importlib.util.find_spec("frictionless") is not None


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["export", str(out)]) == 0
    return out


def test_one_utf8_csv_per_table_and_a_descriptor(exported: Path) -> None:
    tables = tidy(rcf.load())
    assert sorted(p.name for p in exported.iterdir()) == sorted(
        [f"{name}.csv" for name in tables] + ["datapackage.json"]
    )
    for table in tables.values():
        with (exported / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == [c.name for c in table.columns]
        assert len(rows) == 1 + len(table.rows)
    text = (exported / "countries.csv").read_text(encoding="utf-8")
    assert "KZ,KAZ,398,Kazakhstan" in text


def test_the_descriptor_names_types_and_keys(exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    delegations = resources["delegations"]["schema"]
    assert delegations["primaryKey"] == ["edition", "country"]
    assert {"fields": ["head_id"], "reference": {"resource": "people", "fields": ["id"]}} in (
        delegations["foreignKeys"]
    )
    fields = {f["name"]: f for f in resources["editions"]["schema"]["fields"]}
    assert fields["start_date"]["type"] == "date" and fields["number"]["type"] == "integer"
    assert "approximate" in fields["participants"]["description"]


@pytest.mark.skipif(
    not HAS_FRICTIONLESS,
    reason=f"frictionless is not installed on Python {sys.version_info[:2]}: EXPORT NOT VALIDATED",
)
def test_the_export_validates_with_frictionless(exported: Path) -> None:
    import frictionless

    report = frictionless.validate(str(exported / "datapackage.json"))
    errors = [e.message for task in report.tasks for e in task.errors][:5]
    assert report.valid, errors
    assert len(report.tasks) == len(tidy(rcf.load()))


def test_frictionless_finds_a_broken_link(exported: Path, tmp_path: Path) -> None:
    if not HAS_FRICTIONLESS:
        pytest.skip("frictionless is not installed: EXPORT NOT VALIDATED")
    import shutil

    import frictionless

    broken = tmp_path / "broken"
    shutil.copytree(exported, broken)
    path = broken / "delegations.csv"
    text = path.read_text(encoding="utf-8").replace(",KZ,Kazakhstan,", ",XX,Kazakhstan,", 1)
    path.write_text(text, encoding="utf-8")
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert any(e.type == "foreign-key" for task in report.tasks for e in task.errors)
