"""The command line at the edges of its output: odd encodings, readers that leave, full disks.

Each runs the real command in a subprocess, since the failures only show at interpreter exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = [sys.executable, "-m", "rok_ca_forum"]


def _env(**extra: str) -> dict[str, str]:
    # Buffered output, as users have it: the failures show when the buffer is flushed at exit.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIO", "PYTHONUNBUF"))}
    env.update(extra)
    return env


def test_an_ascii_stdout_gets_replacement_characters() -> None:
    result = subprocess.run(
        [*COMMAND, "show", "12"], capture_output=True, check=False,
        env=_env(PYTHONIOENCODING="ascii"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and result.stderr == b""
    out = result.stdout.decode("ascii")  # nothing but ASCII was written
    assert out.startswith("12th ROK?Central Asia Cooperation Forum\n")


def test_a_reader_that_goes_away_stops_the_command_quietly() -> None:
    with subprocess.Popen(
        [*COMMAND, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first write reaches it
        err = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert err == b"", err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line_and_exit_3() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*COMMAND, "show", "12"], stdout=full, stderr=subprocess.PIPE, check=False, env=_env()
        )
    assert result.returncode == 3
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("rok-ca-forum: cannot write the output:")


def test_a_closed_stdout_is_an_error_not_lost_output() -> None:
    result = subprocess.run(
        ["sh", "-c", '"$0" -m rok_ca_forum show 12 >&-', sys.executable],
        stderr=subprocess.PIPE, check=False, env=_env(),
    )  # fmt: skip
    assert result.returncode == 3
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert "standard output is closed" in lines[0]
