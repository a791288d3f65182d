"""The command line at 80 columns, with filters, new subcommands, --data, --lang and export."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import rok_ca_forum as rcf
from rok_ca_forum.cli import main
from tests.helpers import DATA_DIR

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def _run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _is_url(line: str) -> bool:
    word = line.strip().removeprefix("- ")
    return word.startswith(("http://", "https://")) and " " not in word


COMMANDS = [["list"], ["search", "water"], ["countries"], ["themes"], ["people"],
            ["secretariat"], ["bodies"], ["--help"], ["list", "--help"], []] + [
    ["show", str(e.number)] for e in rcf.editions
] + [["show", "11", "--lang", "ko"], ["show", "14", "--lang", "ru"]]  # fmt: skip


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_no_line_is_wider_than_80_columns_except_a_url(argv: list[str], capsys: Capture) -> None:
    from rok_ca_forum.display import text_width

    status, out, _ = _run(capsys, *argv)
    assert status == 0
    wide = [line for line in out.splitlines() if text_width(line) > 80 and not _is_url(line)]
    assert wide == []


def test_urls_are_never_broken(capsys: Capture) -> None:
    for e in rcf.editions:
        _, out, _ = _run(capsys, "show", str(e.number))
        lines = out.splitlines()
        for s in e.sources:
            assert any(s.url in line for line in lines), s.url


def test_the_width_comes_from_the_terminal(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, wide, _ = _run(capsys, "show", "12")
    monkeypatch.setenv("COLUMNS", "60")
    _, narrow, _ = _run(capsys, "show", "12")
    assert max(map(len, wide.splitlines())) > 100
    assert len(narrow.splitlines()) > len(wide.splitlines())


def test_str_of_an_edition_is_what_show_prints_at_80_columns(capsys: Capture) -> None:
    _, out, _ = _run(capsys, "show", "12")
    assert out == str(rcf.editions[12]) + "\n"


def test_list_dates_read_as_in_show_and_planned_is_marked(capsys: Capture) -> None:
    _, listing, _ = _run(capsys, "list")
    row = next(line for line in listing.splitlines() if line.startswith("11 "))
    _, shown, _ = _run(capsys, "show", "11")
    assert "6–7 Nov 2018" in row and "Dates         6–7 Nov 2018" in shown
    planned = [e for e in rcf.editions if e.status is rcf.Status.PLANNED]
    assert planned
    for e in planned:
        row = next(line for line in listing.splitlines() if line.startswith(f"{e.number} "))
        assert "planned" in row


@pytest.mark.parametrize("argv", [["show", "2019"], ["show", "--year", "2019"], ["show", "12th"]])
def test_show_finds_an_edition_by_year(argv: list[str], capsys: Capture) -> None:
    status, out, _ = _run(capsys, *argv)
    assert status == 0 and out.startswith("12th ROK–Central Asia Cooperation Forum\n")


def test_show_by_a_year_with_no_edition_is_not_found(capsys: Capture) -> None:
    status, out, err = _run(capsys, "show", "--year", "2017")
    assert (status, out) == (1, "") and "2017" in err


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--since", "2019", "--until", "2020"], [12, 13]),
        (["--host", "KZ", "--host", "UZ"], [12, 18]),
        (["--country", "TJ", "--since", "2021", "--until", "2021"], [14]),
        (["--theme", "water", "--level", "ministerial"], [12]),
        (["--format", "hybrid"], [13]),
        (["--status", "planned"], [18]),
        (["--head", "Tileuberdi"], [12, 13, 15]),
        (["--city", "Bishkek"], [7]),
    ],
)
def test_list_filters(flags: list[str], expected: list[int], capsys: Capture) -> None:
    status, out, _ = _run(capsys, "list", *flags, "--json")
    assert status == 0
    assert [e["number"] for e in json.loads(out)] == expected
    status, text, _ = _run(capsys, "list", *flags)
    assert [int(line.split()[0]) for line in text.splitlines()[2:]] == expected


@pytest.mark.parametrize("argv", [["search", "hydrogen"], ["list", "--since", "2030"]])
def test_nothing_found_under_json_prints_an_empty_list(argv: list[str], capsys: Capture) -> None:
    status, out, err = _run(capsys, *argv, "--json")
    assert status == 1 and json.loads(out) == [] and err.count("\n") == 1
    status, out, _ = _run(capsys, *argv)
    assert status == 1 and out == ""


def test_secretariat_and_bodies(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "secretariat")
    assert status == 0 and "Operator      Korea Foundation" in out
    status, out, _ = _run(capsys, "secretariat", "--json")
    assert json.loads(out)["operator"] == "Korea Foundation"
    status, out, _ = _run(capsys, "bodies")
    assert status == 0 and all(b.id in out for b in rcf.bodies)
    status, out, _ = _run(capsys, "bodies", "--json")
    assert [b["id"] for b in json.loads(out)] == [b.id for b in rcf.bodies]


def test_data_reads_a_directory_of_the_users(tmp_path: Path, capsys: Capture) -> None:
    mine = tmp_path / "data"
    shutil.copytree(DATA_DIR, mine)
    path = mine / "editions" / "12.json"
    edition = json.loads(path.read_text(encoding="utf-8"))
    edition["motto"] = "Our own motto"
    edition["motto_sources"] = ["mofa-320762"]  # a held edition's facts are sourced
    path.write_text(json.dumps(edition, ensure_ascii=False), encoding="utf-8")
    status, out, _ = _run(capsys, "show", "12", "--data", str(mine))
    assert status == 0 and "Our own motto" in out
    status, out, _ = _run(capsys, "show", "12")
    assert "Our own motto" not in out
    status, _, err = _run(capsys, "list", "--data", str(tmp_path / "missing"))
    assert status == 2 and err.startswith("rok-ca-forum: ") and err.count("\n") == 1


def test_bare_command_prints_help_and_exits_0(capsys: Capture) -> None:
    status, out, _ = _run(capsys)
    assert status == 0 and out.startswith("usage: rok-ca-forum") and "examples:" in out


def test_help_has_examples(capsys: Capture) -> None:
    _, out, _ = _run(capsys, "--help")
    assert "examples:" in out and "rok-ca-forum show 12" in out
    _, out, _ = _run(capsys, "list", "--help")
    assert "examples:" in out and "--host" in out


@pytest.mark.parametrize(
    ("argv", "usage", "hint"),
    [
        (["shwo", "12"], "usage: rok-ca-forum [-h]", "did you mean 'show'?"),
        (["list", "--hots", "KZ"], "usage: rok-ca-forum list", "did you mean '--host'?"),
        (["show", "12", "--jsno"], "usage: rok-ca-forum show", "did you mean '--json'?"),
        (["show"], "usage: rok-ca-forum show", "--year"),
    ],
)
def test_usage_errors_show_the_usage_and_a_suggestion(
    argv: list[str], usage: str, hint: str, capsys: Capture
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith(usage) and hint in err


def test_lang_is_case_insensitive_and_keeps_the_table_shape(capsys: Capture) -> None:
    _, english, _ = _run(capsys, "list")
    _, korean, _ = _run(capsys, "list", "--lang", "KO")
    assert korean == _run(capsys, "list", "--lang", "ko")[1] != english
    assert "Title (ko)" in korean.splitlines()[0]  # the titles in Korean, a column of their own
    _, upper, _ = _run(capsys, "countries", "--lang", "RU")
    _, lower, _ = _run(capsys, "countries", "--lang", "ru")
    assert upper == lower and "Казахстан" in upper
    assert [len(x.split("  ")) > 1 for x in upper.splitlines()] == [True] * 8


@pytest.mark.parametrize("argv", [["list", "--lang", "xx"], ["countries", "--lang", "xx"]])
def test_an_unknown_language_is_one_short_line(argv: list[str], capsys: Capture) -> None:
    status, _, err = _run(capsys, *argv)
    assert status == 2 and err.count("\n") == 1 and len(err) <= 100
    assert "'xx'" in err and "en, ko, ru" in err


def test_lang_applies_to_show_and_to_json(capsys: Capture) -> None:
    _, out, _ = _run(capsys, "show", "12", "--lang", "ko")
    assert out.startswith("제12차 한-중앙아 협력 포럼\n") and "KZ  카자흐스탄: Mukhtar" in out
    _, out, _ = _run(capsys, "show", "12", "--lang", "ru", "--json")
    data = json.loads(out)
    assert data["title"] == rcf.editions[12].title and data["title_ru"].startswith("12-й")
    assert (data["host_name"], data["host_name_ru"]) == ("Kazakhstan", "Казахстан")
    kz = next(d for d in data["delegations"] if d["country"] == "KZ")
    assert (kz["country_name"], kz["country_name_ru"]) == ("Kazakhstan", "Казахстан")
    _, out, _ = _run(capsys, "countries", "--lang", "de", "--json")
    assert json.loads(out)[1]["name_de"] == "Kasachstan"
    _, out, _ = _run(capsys, "list", "--lang", "ko", "--json")
    assert json.loads(out)[11]["title_ko"] == "제12차 한-중앙아 협력 포럼"


def test_export_to_a_file_path_is_one_line_and_exit_3(tmp_path: Path, capsys: Capture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status, _, err = _run(capsys, "export", str(blocker / "out"))
    assert status == 3 and err.count("\n") == 1 and "cannot write the output" in err


def test_the_console_script_runs_bare() -> None:
    env = {**os.environ, "COLUMNS": "80"}
    result = subprocess.run([sys.executable, "-m", "rok_ca_forum"], capture_output=True,
                            text=True, check=False, env=env, encoding="utf-8")  # fmt: skip
    assert result.returncode == 0 and result.stdout.startswith("usage:")
