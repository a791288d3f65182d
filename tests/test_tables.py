"""Tidy tables: one call, keys that join, pandas and polars alike, nothing imported until asked."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import rok_ca_forum as rcf
from rok_ca_forum.tidy import tidy

pd = pytest.importorskip("pandas")
NAMES = ["editions", "delegations", "edition_themes", "deliverables", "agenda", "notes",
         "sources", "citations", "people", "countries", "themes", "secretariat_heads"]  # fmt: skip


def test_tables_are_the_twelve_tidy_tables() -> None:
    t = rcf.tables()
    assert list(t) == NAMES
    assert len(t["editions"]) == len(rcf.editions)
    assert len(t["delegations"]) == sum(len(e.delegations) for e in rcf.editions)
    assert len(t["edition_themes"]) == sum(len(e.themes) for e in rcf.editions)
    assert len(t["sources"]) == len(rcf.sources)
    assert len(t["citations"]) == sum(len(e.citations) for e in rcf.editions)
    assert len(t["agenda"]) == sum(len(e.agenda) for e in rcf.editions)
    d = t["delegations"].set_index(["edition", "country"]).loc[(12, "KZ")]
    assert (d.year, d.host, d.head_id, d.head_name) == (
        2019,
        "KZ",
        "mukhtar-tleuberdi",
        "Mukhtar Tleuberdi",
    )


def test_every_key_is_unique_and_every_link_joins() -> None:
    t = rcf.tables()
    for table in tidy(rcf.load()).values():
        frame = t[table.name]
        assert not frame.duplicated(list(table.primary_key)).any(), table.name
        for columns, target, keys in table.foreign_keys:
            values = frame[list(columns)].dropna()
            known = t[target][list(keys)]
            joined = values.merge(known, left_on=list(columns), right_on=list(keys), how="left",
                                  indicator=True)  # fmt: skip
            assert (joined["_merge"] == "both").all(), (table.name, columns)


def test_columns_are_typed() -> None:
    e = rcf.tables()["editions"]
    assert str(e["number"].dtype) == "int64" and str(e["participants"].dtype) == "Int64"
    assert str(e["start_date"].dtype) == "datetime64[ns]" and str(e["city"].dtype) == "string"


def test_polars_gives_the_same_tables() -> None:
    pl = pytest.importorskip("polars")
    in_pandas, in_polars = rcf.tables(), rcf.tables(backend="polars")
    assert list(in_polars) == NAMES
    for name in NAMES:
        assert isinstance(in_polars[name], pl.DataFrame)
        assert in_polars[name].columns == list(in_pandas[name].columns)
        assert in_polars[name].height == len(in_pandas[name])
    row = in_polars["editions"].filter(pl.col("number") == 12).row(0, named=True)
    assert row["city"] == "Nur-Sultan" and row["participants"] == 100
    assert str(in_polars["editions"].schema["start_date"]) == "Date"
    uz = rcf.to_dataframe(rcf.editions[12].delegations, backend="polars")
    assert uz.filter(pl.col("country") == "UZ")["head_name"].item() == "Abdulaziz Kamilov"


@pytest.mark.parametrize(
    "items",
    [rcf.countries, rcf.people, rcf.themes, rcf.bodies, rcf.editions[12].sources,
     rcf.editions[12].deliverables, rcf.secretariat.heads, rcf.editions.search("water")],
    ids=lambda x: type(x).__name__,
)  # fmt: skip
def test_to_dataframe_takes_any_collection_of_records(items: Any) -> None:
    frame = rcf.to_dataframe(items)
    assert len(frame) == len(tuple(items)) > 0


def test_to_dataframe_of_nothing_is_an_empty_editions_frame() -> None:
    assert list(rcf.to_dataframe([]).columns)[:2] == ["number", "year"]


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_a_missing_library_names_its_extra(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, backend, None)
    with pytest.raises(ImportError, match=rf"pip install 'rok-ca-forum\[{backend}\]'"):
        rcf.tables(backend=backend)
    with pytest.raises(ImportError, match=rf"rok-ca-forum\[{backend}\]"):
        rcf.to_dataframe(rcf.editions, backend=backend)


def test_a_bad_backend_is_the_documented_error() -> None:
    with pytest.raises(rcf.InvalidArgumentError, match="'pandas', 'polars'"):
        rcf.tables(backend="spark")
    with pytest.raises(rcf.InvalidTypeError):
        rcf.tables(backend=None)  # type: ignore[arg-type]
    with pytest.raises(rcf.InvalidTypeError, match="Dataset, not str"):
        rcf.tables(dataset="data/")  # type: ignore[arg-type]
    with pytest.raises(rcf.InvalidTypeError, match="NoneType"):
        rcf.to_dataframe(None)  # type: ignore[arg-type]


def test_importing_the_package_pulls_in_no_dataframe_library() -> None:
    code = (
        "import sys, rok_ca_forum as rcf; rcf.editions[12]; rcf.Edition; "
        "print(sorted(m for m in ('pandas', 'polars', 'numpy', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
