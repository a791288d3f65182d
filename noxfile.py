"""Every check CI runs, as nox sessions: `nox` runs them all, `nox -s tests-3.12` one of them.

The interpreters come from the trove classifiers in pyproject.toml, so the matrix cannot drift from
what the package promises. A missing interpreter is an error, never a skip, and nox never
downloads one: install 3.10-3.13 (with pyenv, `pyenv shell 3.10 3.11 3.12 3.13` puts them all on
PATH). Lint, types, docs and the artifact checks run once, on the Python CI uses (`python3`).
"""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import nox

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = nox.project.python_versions(PYPROJECT)
OLDEST = PYTHONS[0]
MAIN = "3.11"  # the `python3` of CI's machine: lint, types, docs and artifacts run on it once
ROOT = Path(__file__).resolve().parent
CODE = ("src", "tests", "benchmarks", "tools", "noxfile.py")

nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"
nox.needs_version = ">=2025.5.1"


def pytest(session: nox.Session, *args: str) -> None:
    """pytest with the project's own configuration; exit 5 (nothing collected) fails the session."""
    session.run("python", "-m", "pytest", *args)


@nox.session(python=MAIN, venv_backend="uv")
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy --strict over all the code."""
    session.install("-e", ".[test,docs]", "nox")  # docs, nox: the hooks' and noxfile's types
    session.run("ruff", "check", *CODE)
    session.run("ruff", "format", "--check", *CODE)
    session.run("mypy", "--strict", *CODE)


@nox.session(python=PYTHONS, venv_backend="venv")
def tests(session: nox.Session) -> None:
    """The README's test command on every supported Python: venv, pip install -e, pytest."""
    session.install("-e", ".[test]")
    pytest(session)


@nox.session(python=OLDEST, venv_backend="uv")
def lowest(session: nox.Session) -> None:
    """The oldest Python with the lowest versions pyproject.toml allows, as uv resolves them."""
    session.install("--resolution", "lowest-direct", "-e", ".[test]")
    session.run("uv", "pip", "list", external=True)  # the versions tested, in the log
    pytest(session)


@nox.session(python=MAIN, venv_backend="uv")
def docs(session: nox.Session) -> None:
    """The site, built strictly, checked for raw markup and for leaving the checkout untouched."""
    session.install("-e", ".[docs]", "pytest")  # the [docs] extra alone must suffice
    pytest(session, "tests/test_docs_site.py")


@nox.session(python=MAIN, venv_backend="uv")
def dist(session: nox.Session) -> None:
    """Build the sdist and wheel; test the wheel as installed, and the sdist on its own."""
    session.install(".[release]", "uv")  # uv: build's isolated environments, made fast
    tmp = Path(session.create_tmp()).resolve()
    shutil.rmtree(tmp)
    built = build(session, ROOT, tmp / "dist")
    with tarfile.open(next(built.glob("*.tar.gz"))) as sdist:
        sdist.extractall(tmp / "sdist", filter="data")
    (unpacked,) = (tmp / "sdist").iterdir()

    # The wheel as users get it, tested from the sdist's files without src/: the sdist's include
    # list is the one list of what the tests read.
    outside = tmp / "installed"
    shutil.copytree(unpacked, outside, ignore=shutil.ignore_patterns("src"))
    session.install(f"{next(built.glob('*.whl'))}[test]")
    with session.chdir(outside):
        session.run("rok-ca-forum", "show", "12", silent=True)
        where = "import rok_ca_forum as r; assert 'site-packages' in r.__file__, r.__file__"
        session.run("python", "-c", where)
        pytest(session, "--import-mode=importlib", "-o", "testpaths=tests README.md docs")

    # The sdist alone, as a distribution packager gets it: install with the test extra, test,
    # and build again from it.
    session.install("-e", f"{unpacked}[test]")
    with session.chdir(unpacked):
        pytest(session)
    build(session, unpacked, tmp / "rebuilt")


def build(session: nox.Session, source: Path, outdir: Path) -> Path:
    """python -m build, twine check --strict and the wheel-content check; returns outdir."""
    session.run("python", "-m", "build", "--installer", "uv", "--outdir", str(outdir), str(source))
    artifacts = sorted(str(p) for p in outdir.iterdir())
    session.run("twine", "check", "--strict", *artifacts)
    wheels = [a for a in artifacts if a.endswith(".whl")]
    session.run("python", str(source / "tools" / "check_wheel.py"), *wheels)
    return outdir
