"""The command line: readable text, --json for machines, clear exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rok_ca_forum.cli import main


def test_show_prints_the_edition(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "12"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("12th ROK–Central Asia Cooperation Forum\n")
    assert "Nur-Sultan, Kazakhstan" in out
    assert "Mukhtar Tleuberdi" in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "twelfth", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["number"] == 12 and data["host"] == "KZ"


def test_list_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["No.", "Year", "Dates"]
    assert len(lines) == 2 + 18
    assert main(["search", "water", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["number"] == 12


@pytest.mark.parametrize("command", ["countries", "themes", "people"])
def test_vocabularies(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command]) == 0
    assert capsys.readouterr().out.count("\n") > 3
    assert main([command, "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_not_found_is_exit_1_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "twelth"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "did you mean 'twelfth'" in captured.err
    assert captured.err.count("\n") == 1
    assert main(["search", "zzzzqqq"]) == 1


def test_bad_usage_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert main(["show"]) == 2
    assert main(["search", " "]) == 2
    capsys.readouterr()


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "show" in capsys.readouterr().out
    assert main(["show", "--help"]) == 0
    assert "twelfth" in capsys.readouterr().out


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rok_ca_forum", "show", "12"],
        capture_output=True, text=True, check=False, encoding="utf-8",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "12th ROK–Central Asia Cooperation Forum" in result.stdout


def test_show_keeps_urls_whole(capsys: pytest.CaptureFixture[str]) -> None:
    import rok_ca_forum as rcf

    assert main(["show", "18"]) == 0
    out = capsys.readouterr().out
    for source in rcf.editions[18].sources:
        assert source.url in out


def test_search_miss_suggests_words_the_data_holds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "watr"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rok-ca-forum: no edition mentions 'watr'; did you mean 'water'")


def test_lang_is_checked_for_every_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--lang", "xx", "--json"]) == 2
    assert main(["countries", "--lang", "xx"]) == 2
    assert main(["themes", "--lang", "ko"]) == 2  # nothing to translate: not an option there
    capsys.readouterr()
