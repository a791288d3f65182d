"""Reliability at the edges: processes, special files, from_dict, value limits, every problem.

Each test here was written to fail before its fix (issue 11): the first load and fork, errors
across process boundaries, FIFOs and links to devices, raw OS errors, from_dict's gaps, values
that break later, wrong types as TypeErrors, the documented data rules, and all problems at once.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rok_ca_forum
from rok_ca_forum import errors
from tests.helpers import DATA_DIR, read, write

# Deliberately untyped: these tests call the API with wrong types on purpose.
rcf: Any = rok_ca_forum

Edit = Callable[[str, Callable[[Any], Any]], Path]


def _python(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# 1. Fork during the first load ----------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_child_forked_during_the_first_load_can_load() -> None:
    result = _python(
        """
        import os, signal, threading, time, warnings
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads, on purpose
        import rok_ca_forum as rcf
        from rok_ca_forum import loading
        real = loading._build_bundled
        started = threading.Event()
        def slow():
            started.set()
            time.sleep(0.5)  # the parent's loader holds the lock across the fork
            return real()
        loading._build_bundled = slow
        thread = threading.Thread(target=lambda: rcf.editions)
        thread.start()
        started.wait()
        pid = os.fork()
        if pid == 0:
            signal.alarm(20)  # a hang ends here, as a failure
            os._exit(0 if len(rcf.editions) >= 18 else 3)
        _, status = os.waitpid(pid, 0)
        thread.join()
        print(os.waitstatus_to_exitcode(status))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


_FORK_UNDER_LOAD = """
import os, signal, sys, threading, warnings
warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads, on purpose
import rok_ca_forum as rcf
CALLS = {
    "editions": lambda: rcf.editions[12],
    "search": lambda: rcf.editions.search("water"),
    "secretariat": lambda: rcf.secretariat.operator,
    "text": lambda: str(rcf.editions[12]) + repr(rcf.bodies),
    "filter": lambda: rcf.editions.filter(theme="water", host="KZ"),
}
call = CALLS[sys.argv[1]]
hung = 0
for _ in range(50):
    pid = os.fork()
    if pid == 0:  # a fresh process, which has not loaded yet: its thread does the first load
        thread = threading.Thread(target=call)
        thread.start()
        child = os.fork()  # while that load (and its imports) may be under way
        if child == 0:
            signal.alarm(10)  # a hang ends here, as a failure
            call()
            os._exit(0)
        _, status = os.waitpid(child, 0)
        thread.join()
        os._exit(os.waitstatus_to_exitcode(status))
    _, status = os.waitpid(pid, 0)
    hung += os.waitstatus_to_exitcode(status) != 0
print(hung)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize("first_call", ["editions", "search", "secretariat", "text", "filter"])
def test_no_child_hangs_when_forked_during_a_first_load(first_call: str) -> None:
    # Before the fork waited for imports under way, 10 to 50 children in 50 hung on an import
    # lock held by the parent's loading thread.
    result = subprocess.run(
        [sys.executable, "-c", _FORK_UNDER_LOAD, first_call],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0", f"{result.stdout.strip()} of 50 children hung"


# 2. Errors that cross process boundaries ----------------------------------------------------
def _public_errors() -> list[BaseException]:
    made: list[BaseException] = []
    for name in errors.__all__:
        cls = getattr(errors, name)
        if cls is errors.DataValidationError:
            made.append(cls("editions/07.json", "year", "too early"))
        elif issubclass(cls, errors.NotFoundError):
            made.append(cls("no such thing", suggestions=("thing",)))
        else:
            made.append(cls("bad"))
    return made


@pytest.mark.parametrize("error", _public_errors(), ids=lambda e: type(e).__name__)
def test_every_public_error_survives_pickle(error: BaseException) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_data_validation_error_keeps_every_problem_through_pickle() -> None:
    error = errors.DataValidationError.of([("a.json", "x", "bad"), ("b.json", "", "worse")])
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert (copy.file, copy.field, copy.problem, copy.path) == ("a.json", "x", "bad", "a.json: x")
    assert str(copy) == str(error)


def test_a_load_error_in_a_worker_process_arrives_as_itself(tmp_path: Path) -> None:
    (tmp_path / "editions").mkdir()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(rcf.load, str(tmp_path))
        with pytest.raises(rcf.DataValidationError) as info:
            future.result(timeout=60)
    assert info.value.file == "countries.json"


# 3. Special files and OS errors in load() ------------------------------------------------------
def _load_in_subprocess(root: Path) -> subprocess.CompletedProcess[str]:
    # In a child process, so that a hang fails the test instead of stopping the suite.
    return _python(
        f"""
        import rok_ca_forum as rcf
        try:
            rcf.load({str(root)!r})
        except rcf.DataValidationError as exc:
            print("refused:", exc)
        """,
        timeout=30,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_not_waited_on(data_copy: Path) -> None:
    target = data_copy / "editions" / "12.json"
    target.unlink()
    os.mkfifo(target)
    result = _load_in_subprocess(data_copy)
    assert "refused: editions/12.json: not a regular file" in result.stdout, result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused(data_copy: Path) -> None:
    target = data_copy / "editions" / "12.json"
    target.unlink()
    target.symlink_to("/dev/zero")
    result = _load_in_subprocess(data_copy)
    assert "refused: editions/12.json: not a regular file" in result.stdout, result.stderr


def test_a_link_out_of_the_data_directory_is_refused(data_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.json"
    outside.write_bytes((data_copy / "editions" / "12.json").read_bytes())
    target = data_copy / "editions" / "12.json"
    target.unlink()
    target.symlink_to(outside)
    with pytest.raises(rcf.DataValidationError, match="links outside the data directory"):
        rcf.load(data_copy)


def test_a_link_inside_the_data_directory_is_followed(data_copy: Path) -> None:
    kept = data_copy / "editions" / "12.json.orig"
    (data_copy / "editions" / "12.json").rename(kept)
    (data_copy / "editions" / "12.json").symlink_to(kept)
    assert rcf.load(data_copy).editions[12] == rcf.editions[12]


def test_an_oversized_file_is_refused(data_copy: Path) -> None:
    from rok_ca_forum.validate import MAX_FILE_BYTES

    path = data_copy / "editions" / "12.json"
    data = read(path)
    data["notes"] = ["x" * MAX_FILE_BYTES]
    write(path, data)
    with pytest.raises(rcf.DataValidationError, match="larger than the 16 MiB limit"):
        rcf.load(data_copy)


def test_a_very_long_path_is_refused_cleanly() -> None:
    with pytest.raises(rcf.DataValidationError, match="not a directory"):
        rcf.load("/tmp/" + "x" * 5000)


def test_an_unlistable_editions_folder_is_refused_cleanly(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root, permission bits do not stop a listing; the OS error is made by hand.
    real = Path.iterdir

    def refuse(self: Path) -> Any:
        if self.name == "editions":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(rcf.DataValidationError, match="editions: cannot be listed"):
        rcf.load(data_copy)


def test_an_unreadable_file_is_refused_cleanly(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("themes.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(rcf.DataValidationError, match="themes.json: cannot be read"):
        rcf.load(data_copy)


def test_file_names_take_ascii_digits_only(data_copy: Path) -> None:
    (data_copy / "editions" / "12.json").rename(data_copy / "editions" / "١٢.json")
    with pytest.raises(rcf.DataValidationError, match="edition files are named NN.json"):
        rcf.load(data_copy)


# 4. from_dict gaps -----------------------------------------------------------------------
def test_from_dict_with_a_non_string_key() -> None:
    data = {**rcf.to_dict(rcf.editions[7]), 5: "x"}
    with pytest.raises(rcf.DataValidationError, match="unknown field"):
        rcf.from_dict(rcf.Edition, data)


@pytest.mark.parametrize("number", [-1, 0, 10**5000], ids=["negative", "zero", "huge"])
def test_from_dict_bounds_the_edition_number(number: int) -> None:
    data = {**rcf.to_dict(rcf.editions[7]), "number": number}
    with pytest.raises(rcf.DataValidationError, match="number"):
        rcf.from_dict(rcf.Edition, data)


def test_from_dict_sources_of_the_wrong_type() -> None:
    with pytest.raises(rcf.InvalidTypeError, match="sources must be"):
        rcf.from_dict(rcf.Discrepancy, {"field": "year", "value": "x"}, sources=5)


def test_from_dict_refuses_a_script_url() -> None:
    with pytest.raises(rcf.DataValidationError, match="not an http"):
        rcf.from_dict(rcf.Source, {"key": "x", "url": "javascript:alert(1)", "publisher": "x"})


def test_from_dict_applies_the_documented_edition_rules() -> None:
    data = rcf.to_dict(rcf.editions[7])
    del data["city"]
    with pytest.raises(rcf.DataValidationError, match="city: required field missing"):
        rcf.from_dict(rcf.Edition, data)


# 5. Value limits in load() -------------------------------------------------------------------
def _set(key: str, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data[key] = value

    return change


def test_a_huge_participant_count_is_refused(edit: Edit) -> None:
    root = edit("editions/12.json", _set("participants", 10**4000))
    with pytest.raises(rcf.DataValidationError, match="participants: a number of .* above"):
        rcf.load(root)


def test_a_lone_surrogate_is_refused(data_copy: Path) -> None:
    path = data_copy / "editions" / "12.json"
    text = path.read_text(encoding="utf-8").replace('"motto": null', '"motto": "a\\ud800b"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(rcf.DataValidationError, match="motto: .*cannot be written as UTF-8"):
        rcf.load(data_copy)


def test_keys_that_differ_only_in_case_are_refused(edit: Edit) -> None:
    root = edit("themes.json", lambda t: t.append({**t[0], "slug": t[0]["slug"].upper()}))
    with pytest.raises(rcf.DataValidationError, match="themes.json"):
        rcf.load(root)


def test_a_duplicated_alpha_3_is_refused(edit: Edit) -> None:
    def twin(countries: Any) -> None:
        countries[1]["alpha_3"] = countries[0]["alpha_3"]

    root = edit("countries.json", twin)
    with pytest.raises(rcf.DataValidationError, match="duplicate alpha_3 'KOR'"):
        rcf.load(root)


# 7. Wrong types are TypeErrors --------------------------------------------------------------
@pytest.mark.parametrize(
    "call",
    [
        lambda: rcf.editions.filter(level=5),
        lambda: rcf.editions.filter(format=1.5),
        lambda: rcf.editions.filter(status=b"held"),
        lambda: rcf.to_json(rcf.editions[1], indent=object()),
        lambda: rcf.to_json(rcf.editions[1], indent=True),
    ],
)
def test_wrong_types_are_type_errors(call: Callable[[], Any]) -> None:
    with pytest.raises(rcf.InvalidTypeError):
        call()


def test_a_pathlike_that_gives_an_int_is_a_type_error() -> None:
    class Odd:
        def __fspath__(self) -> Any:
            return 5

    with pytest.raises(rcf.InvalidTypeError, match="__fspath__"):
        rcf.load(Odd())


# 9. The documented rules, enforced ---------------------------------------------------------
def _unsourced(data: Any) -> None:
    for key in [k for k in data if k.endswith(("_sources", "_inferred"))]:
        del data[key]


def _only_year_sourced(data: Any) -> None:
    _unsourced(data)
    data["year_sources"] = ["dailyt-32489"]


def _without_city(data: Any) -> None:
    del data["city"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_unsourced, "editions/11.json: year: needs a full citation"),
        (_only_year_sourced, "editions/11.json: status: needs a full citation"),
        (_without_city, "editions/11.json: city: required field missing"),
    ],
)
def test_a_held_edition_must_source_its_facts(edit: Edit, change: Any, where: str) -> None:
    # The 11th records no discrepancy, whose alternatives would point at the sources removed.
    root = edit("editions/11.json", change)
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(root)
    assert str(info.value).startswith(where)


def test_an_unsourced_fact_is_named(edit: Edit) -> None:
    def unsource_venue(data: Any) -> None:
        data["venue"] = "Somewhere"

    root = edit("editions/12.json", unsource_venue)
    with pytest.raises(rcf.DataValidationError, match="venue: needs a full citation"):
        rcf.load(root)


def test_a_planned_edition_may_leave_facts_unsourced(edit: Edit) -> None:
    root = edit("editions/18.json", lambda d: d.__setitem__("motto", "Together"))
    assert rcf.load(root).editions[18].motto == "Together"


# 10. Every problem at once ----------------------------------------------------------------------
def test_every_problem_is_reported(data_copy: Path) -> None:
    for name, key in (("07.json", "year"), ("12.json", "level")):
        path = data_copy / "editions" / name
        data = read(path)
        data[key] = "bad"
        write(path, data)
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(data_copy)
    problems = info.value.problems
    assert [(file, field) for file, field, _ in problems] == [
        ("editions/07.json", "year"),
        ("editions/12.json", "level"),
    ]
    assert str(info.value).startswith("editions/07.json: year: expected an integer")
    assert str(info.value).endswith("(and 1 more problem)")


def test_an_unknown_reference_suggests_the_nearest(edit: Edit) -> None:
    root = edit("editions/12.json", _set("themes", ["water-resource"]))
    with pytest.raises(rcf.DataValidationError, match="did you mean 'water-resources'"):
        rcf.load(root)


def test_a_missing_vocabulary_names_the_directory(data_copy: Path) -> None:
    (data_copy / "people.json").unlink()
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(data_copy)
    assert str(info.value) == f"people.json: file is missing (looked in {data_copy})"


def test_problems_of_a_json_syntax_error_name_line_and_column(data_copy: Path) -> None:
    (data_copy / "themes.json").write_text("[\n  {,\n]", encoding="utf-8")
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(data_copy)
    assert info.value.problems[0][:2] == ("themes.json", "line 2 column 4")


def test_the_bundled_data_has_no_problem() -> None:
    assert rcf.load(DATA_DIR).editions[12].city == "Nur-Sultan"
    assert json.loads(rcf.to_json(rcf.load(DATA_DIR).editions[1]))["number"] == 1


# 10. validate, the contributor's tool ------------------------------------------------------------
def test_validate_lists_every_problem_and_exits_1(data_copy: Path, capsys: Any) -> None:
    from rok_ca_forum.cli import main

    for name, key in (("07.json", "year"), ("12.json", "level")):
        path = data_copy / "editions" / name
        data = read(path)
        data[key] = "bad"
        write(path, data)
    assert main(["validate", str(data_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("editions/07.json: year: expected an integer")
    assert main(["validate", str(data_copy), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["valid"] is False and [p["file"] for p in found["problems"]] == [
        "editions/07.json",
        "editions/12.json",
    ]


def test_validate_summarises_a_valid_directory(capsys: Any) -> None:
    from rok_ca_forum.cli import main

    assert main(["validate", str(DATA_DIR)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "valid (18 editions" in out
    assert main(["validate", str(DATA_DIR), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True


# Issue 10: a plan past its date says the data is older ---------------------------------------
def test_show_and_list_mark_a_plan_past_its_date(data_copy: Path, capsys: Any) -> None:
    from rok_ca_forum.cli import main

    path = data_copy / "editions" / "18.json"
    data = read(path)
    data["start_date"] = "2026-03-01"  # before any day this test runs on
    write(path, data)
    marker = f"planned, as of {rcf.DATA_AS_OF}; no later report"
    assert main(["show", "18", "--data", str(data_copy)]) == 0
    assert marker in capsys.readouterr().out
    assert main(["list", "--data", str(data_copy)]) == 0
    assert f"18: {marker}" in capsys.readouterr().out
    edition = rcf.load(data_copy).editions[18]
    assert marker in edition._repr_html_() and marker in str(edition)
    assert main(["bodies"]) == 0  # the first summit was set for September 2026
    assert f"summit, 16 Sep 2026: {marker}" in capsys.readouterr().out


def test_a_fresh_dataset_pickles_and_comes_back_equal() -> None:
    # The bundled dataset once built its Secretariat and bodies on first access, from a closure
    # that could not be pickled: pickle.dumps failed until .secretariat had been read.
    result = _python(
        """
        import pickle
        import rok_ca_forum as rcf
        ds = rcf.load()
        back = pickle.loads(pickle.dumps(ds))
        print(list(back.editions) == list(ds.editions), back.secretariat == ds.secretariat,
              tuple(back.bodies) == tuple(ds.bodies), list(back.sources) == list(ds.sources))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"] * 4
