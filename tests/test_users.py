"""The package as users meet it: notebook tables, DataFrames, languages, the terminal."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

import pytest

import rok_ca_forum as rcf
from rok_ca_forum.cli import main

# Only the DataFrame tests need pandas: the HTML, language and CLI tests run without it.
needs_pandas = pytest.mark.skipif(
    importlib.util.find_spec("pandas") is None, reason="pandas not installed"
)


@pytest.fixture
def pd() -> Any:
    return pytest.importorskip("pandas")


def test_results_render_as_html_tables() -> None:
    for obj in (rcf.editions, rcf.editions.filter(host="KR"), rcf.editions.search("water")):
        html = obj._repr_html_()
        assert html.startswith("<table>")
        assert html.count("<tr>") == len(tuple(obj)) + 1
    single = rcf.editions[12]._repr_html_()
    assert "<th>City</th><td>Nur-Sultan</td>" in single
    assert "Mukhtar Tleuberdi" in single


def test_html_is_escaped(data_copy: object) -> None:
    from tests.helpers import read, write

    path = data_copy / "editions" / "12.json"  # type: ignore[operator]
    data = read(path)
    data["city"] = "<script>alert(1)</script>"
    write(path, data)
    edition = rcf.load(data_copy).editions[12]  # type: ignore[arg-type]
    assert "<script>" not in edition._repr_html_()
    assert "&lt;script&gt;" in edition._repr_html_()


def test_results_keep_the_tuple_contract() -> None:
    found = rcf.editions.filter(host="KR")
    assert isinstance(found, tuple)
    assert found == tuple(found)
    assert found[0] is rcf.editions[found[0].number]


def test_dataframe_of_editions_has_typed_columns(pd: Any) -> None:
    df = rcf.to_dataframe(rcf.editions)
    assert len(df) == len(rcf.editions)
    assert str(df["number"].dtype) == "int64"
    assert str(df["start_date"].dtype) == "datetime64[ns]"
    assert str(df["participants"].dtype) == "Int64"
    assert str(df["level"].dtype) == "string"
    row = df[df.number == 12].iloc[0]
    assert row.start_date == pd.Timestamp("2019-10-16")
    assert row.level == "ministerial" and row.host == "KZ" and row.participants == 100
    assert pd.isna(df[df.number == 2].iloc[0].start_date)


@needs_pandas
def test_dataframe_of_results_and_delegations() -> None:
    df = rcf.to_dataframe(rcf.editions.filter(theme="water"))
    assert list(df.number) == [e.number for e in rcf.editions.filter(theme="water")]
    dels = rcf.to_dataframe(rcf.editions[14].delegations)
    assert dels.loc[dels.country == "TJ", "head_name"].item() == "Sirojiddin Muhriddin"


@needs_pandas
def test_dataframe_rejects_other_things() -> None:
    with pytest.raises(rcf.InvalidTypeError, match="records of one kind, got Country, Edition"):
        rcf.to_dataframe([rcf.editions[1], rcf.countries["KR"]])
    with pytest.raises(rcf.InvalidTypeError):
        rcf.to_dataframe("editions")
    with pytest.raises(rcf.InvalidTypeError, match="int"):
        rcf.to_dataframe([1, 2])


def test_dataframe_without_pandas_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"rok-ca-forum\[pandas\]"):
        rcf.to_dataframe(rcf.editions)


def test_country_names_in_other_languages() -> None:
    assert rcf.countries["KR"].name_in("ko") == "대한민국"
    assert rcf.countries["KZ"].name_in("ru") == "Казахстан"
    assert rcf.countries["KR"].name_in("en") == "Republic of Korea"
    assert rcf.countries["TJ"].name_in("de") == "Tadschikistan"


def test_edition_titles_in_other_languages() -> None:
    e = rcf.editions[12]
    assert e.title_in("ko") == "제12차 한-중앙아 협력 포럼"
    assert e.title_in("ru") == "12-й Форум сотрудничества «Центральная Азия – Республика Корея»"
    assert e.title_in("en") == e.title


def test_unknown_language_lists_the_available_ones() -> None:
    with pytest.raises(ValueError, match="available: en, ko, ru"):
        rcf.editions[12].title_in("de")
    with pytest.raises(ValueError, match="available:.*ko") as info:
        rcf.countries["KR"].name_in("xx")
    assert isinstance(info.value, rcf.RokCaForumError)
    with pytest.raises(TypeError):
        rcf.countries["KR"].name_in(None)  # type: ignore[arg-type]


def test_language_is_never_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.setenv(var, "ru_RU.UTF-8")
    assert rcf.countries["KZ"].name == "Kazakhstan"
    assert rcf.editions[12].title.startswith("12th")
    assert rcf.countries["KZ"].name_in("ko") == "카자흐스탄"


def test_cli_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "12", "--lang", "ko"]) == 0
    assert capsys.readouterr().out.startswith("제12차 한-중앙아 협력 포럼\n")
    assert main(["countries", "--lang", "ru"]) == 0
    assert "Киргизия" in capsys.readouterr().out
    assert main(["list", "--lang", "xx"]) == 2
    assert "available: en, ko, ru" in capsys.readouterr().err
