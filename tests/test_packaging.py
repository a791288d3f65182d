"""The package metadata's promises that no other test covers: one version in CITATION.cff,
`__version__` and the changelog (the rule is in docs/versioning.md), the Python range, the test
configuration for the whole dependency range, and the docs extra."""

from __future__ import annotations

import re
import warnings
from importlib.metadata import requires
from pathlib import Path

import rok_ca_forum

ROOT = Path(__file__).resolve().parent.parent


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_citation_version_is_the_package_version() -> None:
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    (version,) = re.findall(r"^version: *['\"]?([^'\"\s]+)", citation, re.MULTILINE)
    assert version == rok_ca_forum.__version__


def test_changelog_headings_agree_with_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](.*)$", changelog, re.MULTILINE)
    names = [name for name, _ in headings]
    released = [(name, rest) for name, rest in headings if name != "Unreleased"]
    if "Unreleased" in names:
        assert names.index("Unreleased") == 0 and names.count("Unreleased") == 1
    for name, rest in released:
        assert re.fullmatch(r"\d+\.\d+\.\d+", name), name
        assert re.fullmatch(r" - \d{4}-\d{2}-\d{2}", rest), f"## [{name}] needs ' - YYYY-MM-DD'"
    assert [n for n, _ in released] == sorted((n for n, _ in released), key=_version, reverse=True)
    version = rok_ca_forum.__version__
    if "Unreleased" in names:
        # Between releases __version__ names the release the Unreleased changes will become.
        assert not released or _version(released[0][0]) < _version(version)
    else:
        assert released, "CHANGELOG.md has neither [Unreleased] nor a release"
        assert released[0][0] == version
        citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
        assert f"date-released: {released[0][1][3:]}" in citation


def test_classifiers_start_at_requires_python() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (floor,) = re.findall(r'^requires-python = ">=(3\.\d+)"$', pyproject, re.MULTILINE)
    listed = re.findall(r'"Programming Language :: Python :: (3\.\d+)"', pyproject)
    minors = sorted(_version(v)[1] for v in listed)
    assert listed and f"3.{minors[0]}" == floor
    assert minors == list(range(minors[0], minors[-1] + 1)), "a gap in the Python classifiers"


def test_pycountry_name_fallback_warning_is_not_an_error() -> None:
    # pycountry 23.12.11, inside our range, warns when official_name falls back to name; the
    # suite's filterwarnings (else "error") must let that through whichever pycountry runs here.
    message = "Country's official_name not found. Country name provided instead."
    warnings.warn_explicit(message, UserWarning, "db.py", 51, module="pycountry.db")


def test_docs_extra_installs_a_signature_formatter() -> None:
    docs = [r for r in requires("rok-ca-forum") or [] if re.search(r"extra == .docs.", r)]
    assert any(re.match(r"(ruff|black)\b", r) for r in docs), docs
