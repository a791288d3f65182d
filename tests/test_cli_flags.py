"""Every flag of every subcommand acts, or is refused with a message; each help has its own
examples."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from rok_ca_forum._arguments import COMMAND_EXAMPLES, build_parser
from rok_ca_forum.cli import main
from tests.helpers import DATA_DIR

Capture = pytest.CaptureFixture[str]

#: A value for each flag that takes one, chosen so that it changes what the command prints.
VALUES = {
    "--lang": "ko", "--since": "2019", "--until": "2008", "--host": "KZ", "--country": "TJ",
    "--city": "Seoul", "--theme": "water", "--level": "vice-ministerial", "--format": "hybrid",
    "--status": "planned", "--head": "Kamilov", "--year": "2021",
}  # fmt: skip


def _flags() -> list[tuple[str, str]]:
    parser = build_parser()
    return [
        (name, action.option_strings[-1])
        for name, command in parser.commands.items()
        for action in command._actions
        if action.option_strings and not isinstance(action, argparse._HelpAction)
    ]


@pytest.fixture(scope="module")
def other_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory in which something every command prints is different."""
    root = tmp_path_factory.mktemp("other") / "data"
    shutil.copytree(DATA_DIR, root)

    def edit(name: str, change: Any) -> None:
        path = root / name
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    edit("editions/12.json", lambda e: e.update(city="Astana"))
    edit(
        "countries.json",
        lambda cs: cs[1].update(official_name="Republic of Kazakhstan (Qazaqstan)"),
    )
    edit("themes.json", lambda ts: ts[0].update(label=ts[0]["label"] + " (edited)"))
    edit("people.json", lambda ps: ps[0].update(aliases=["Somebody Else"]))
    edit("secretariat.json", lambda s: s.update(seat="Seoul (Jung-gu)"))
    edit("bodies.json", lambda bs: bs[0].update(name=bs[0]["name"] + " (edited)"))
    return root


def _run(capsys: Capture, argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _positional(command: str, tmp_path: Path) -> list[str]:
    return {
        "show": ["12"], "search": ["water"], "validate": [str(DATA_DIR)],
        "export": [str(tmp_path / "out")],
    }.get(command, [])  # fmt: skip


@pytest.mark.parametrize(("command", "flag"), _flags(), ids=lambda x: x)
def test_every_flag_acts_or_is_refused(
    command: str, flag: str, capsys: Capture, tmp_path: Path, other_data: Path
) -> None:
    plain = [command, *_positional(command, tmp_path)]
    if flag == "--data":
        value = [str(other_data)]
        with_flag = [command, *flag_free(command, tmp_path), flag, *value]
    elif flag == "--year":  # instead of the positional edition
        with_flag = [command, flag, VALUES[flag]]
    else:
        with_flag = [*plain, flag, *([VALUES[flag]] if flag in VALUES else [])]
    base = _run(capsys, plain)
    if command == "export":
        before = (tmp_path / "out" / "editions.csv").read_text(encoding="utf-8")
        shutil.rmtree(tmp_path / "out")
    status, out, err = _run(capsys, with_flag)
    if status == 2:  # refused: one clear line naming the problem
        assert err.strip(), (command, flag)
        return
    assert status in (0, 1), (command, flag, err)
    if command == "export" and flag == "--data":
        after = (tmp_path / "out" / "editions.csv").read_text(encoding="utf-8")
        assert after != before and "Astana" in after
    else:
        assert (status, out) != base[:2], f"{command} {flag} changed nothing"


def flag_free(command: str, tmp_path: Path) -> list[str]:
    """The positional arguments when --data gives the directory (validate takes either)."""
    return [] if command == "validate" else _positional(command, tmp_path)


def test_validate_refuses_two_directories(capsys: Capture) -> None:
    status, _, err = _run(capsys, ["validate", str(DATA_DIR), "--data", str(DATA_DIR)])
    assert status == 2 and "one data directory" in err


def test_export_json_lists_the_files(capsys: Capture, tmp_path: Path) -> None:
    status, out, _ = _run(capsys, ["export", str(tmp_path / "out"), "--json"])
    written = json.loads(out)
    assert status == 0 and "editions.csv" in written["files"]
    assert sorted(written["files"]) == sorted(p.name for p in (tmp_path / "out").iterdir())


@pytest.mark.parametrize("command", sorted(COMMAND_EXAMPLES))
def test_each_subcommands_help_shows_its_own_examples(command: str, capsys: Capture) -> None:
    assert main([command, "--help"]) == 0
    examples = capsys.readouterr().out.split("examples:\n", 1)[1].splitlines()
    assert examples and all(line.startswith(f"  rok-ca-forum {command}") for line in examples)


def test_every_subcommand_has_examples() -> None:
    assert set(build_parser().commands) == set(COMMAND_EXAMPLES)
