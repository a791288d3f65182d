"""Reading one data file, safely and strictly: a regular file of bounded size, UTF-8, strict JSON.

Only regular files are read, so a FIFO is never waited on and a link to a device never read to
the end of memory; a file larger than `MAX_FILE_BYTES` is refused before it is read; a link
that leads out of the data directory is refused. Every OS error becomes a
`DataValidationError` naming the file.

```pycon
>>> from pathlib import Path
>>> from rok_ca_forum.loading import DATA_DIR
>>> read_json(Path(DATA_DIR) / "countries.json", "countries.json", Path(DATA_DIR))[0]["alpha_2"]
'KR'

```
"""

from __future__ import annotations

import json
import os
import stat
import sys
from typing import TYPE_CHECKING, Any

from rok_ca_forum.errors import DataValidationError

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # pragma: no cover - Python 3.10
        from importlib_resources.abc import Traversable

__all__ = ["MAX_FILE_BYTES", "check_inside", "read_json"]

#: The largest data file read, in bytes (16 MiB: the largest bundled file is under 50 KiB).
MAX_FILE_BYTES = 16 * 1024 * 1024
_LIMIT = f"larger than the {MAX_FILE_BYTES // 2**20} MiB limit"


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find the culprit only then
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _read_file(path: str, name: str, root: str | None) -> bytes:
    """The bytes of a regular file inside ``root``, at most `MAX_FILE_BYTES` of them."""
    try:
        info = os.lstat(path)
        linked = stat.S_ISLNK(info.st_mode)
        if linked:
            info = os.stat(path)  # what the link leads to: what would be read
    except FileNotFoundError:
        where = f" (looked in {root})" if root is not None else ""
        raise DataValidationError(name, "", f"file is missing{where}") from None
    except (OSError, ValueError) as exc:
        raise DataValidationError(name, "", f"cannot be read: {_reason(exc)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DataValidationError(name, "", "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise DataValidationError(name, "", _LIMIT)
    if linked and root is not None:  # the folders on the way are checked by the caller
        check_inside(path, root, name)
    try:
        # Non-blocking: if the file was swapped for a FIFO since the check, opening it returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise DataValidationError(name, "", "not a regular file")
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataValidationError(name, "", f"cannot be read: {_reason(exc)}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataValidationError(name, "", _LIMIT)
    return raw


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def _lone_surrogate(value: Any, path: str = "") -> tuple[str, str] | None:
    """The path and text of the first string holding a lone surrogate, if any."""
    if isinstance(value, str):
        bad = next((ch for ch in value if "\ud800" <= ch <= "\udfff"), None)
        return None if bad is None else (path, f"\\u{ord(bad):04x}")
    if isinstance(value, (dict, list)):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            where = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
            found = _lone_surrogate(item, where.removeprefix("."))
            if found:
                return found
    return None


def check_inside(path: str | os.PathLike[str], root: str | os.PathLike[str], name: str) -> None:
    """Refuse ``path`` if, links followed, it lies outside the data directory ``root``.

    ```pycon
    >>> check_inside("/etc", "/tmp", "editions")
    Traceback (most recent call last):
    ...
    rok_ca_forum.errors.DataValidationError: editions: links outside the data directory, to /etc

    ```
    """
    real, base = os.path.realpath(path), os.path.realpath(root)
    if os.path.commonpath([real, base]) != base:
        raise DataValidationError(name, "", f"links outside the data directory, to {real}")


def read_json(entry: Traversable, name: str, root: Traversable | None = None) -> Any:
    """Parse one JSON file strictly: a regular file, UTF-8, no duplicate keys, no NaN/Infinity.

    ``root`` is the data directory: a missing file's message names it, and links must stay in it.
    """
    if isinstance(entry, os.PathLike):
        base = os.fspath(root) if isinstance(root, os.PathLike) else None
        raw = _read_file(os.fspath(entry), name, base)
    else:  # pragma: no cover - a zipped install: the package's own, checked files
        try:
            raw = entry.read_bytes()
        except OSError as exc:
            raise DataValidationError(name, "", f"cannot be read: {_reason(exc)}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataValidationError(name, "", f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise DataValidationError(name, f"line {exc.lineno} column {exc.colno}", exc.msg) from None
    except (ValueError, RecursionError) as exc:
        raise DataValidationError(name, "", f"invalid JSON: {exc}") from None
    # An escaped lone surrogate ("\ud800") parses, but can never be written out as UTF-8 again.
    if "\\ud" in text or "\\uD" in text:
        found = _lone_surrogate(data)
        if found:
            where, code = found
            raise DataValidationError(
                name, where, f"holds a lone surrogate ({code}), which cannot be written as UTF-8"
            )
    return data
