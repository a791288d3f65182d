"""The one door to the data: `load`, and the bundled dataset built once, under a lock.

The bundled data is read on first use only, so that ``import rok_ca_forum`` costs nothing, and
many threads asking at once get one and the same `Dataset` (the pattern of pycountry's
``db.py``). While the bundled files are exactly those validated for this release, the fast build
makes the records; otherwise (an edited file, a zipped install) the validating build does.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.load() is rcf.load()
True
>>> rcf.load("/no/such/dir")
Traceback (most recent call last):
...
rok_ca_forum.errors.DataValidationError: /no/such/dir: not a directory

```
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from rok_ca_forum.errors import DataValidationError, InvalidTypeError

if TYPE_CHECKING:
    from rok_ca_forum.dataset import Dataset

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # pragma: no cover - Python 3.10
        from importlib_resources.abc import Traversable

__all__ = ["DATA_DIR", "bundled", "load"]

#: Where the bundled data lies in an ordinary (unzipped) install. os.path, not pathlib: pathlib
#: costs more to import than building the whole dataset.
DATA_DIR = os.path.join(os.path.dirname(__file__), "data")

_lock = threading.Lock()
_bundled: Dataset | None = None


def _after_fork_in_child() -> None:
    # A process forked while another thread held the lock (multiprocessing's fork start method,
    # gunicorn --preload, Celery prefork) inherits it held, by a thread the child does not have:
    # the child's first look-up would wait forever. The child gets a fresh lock; a dataset
    # already built is kept, one half-built never existed (it is published only when complete).
    global _lock
    _lock = threading.Lock()
    _forget_half_imports()


def _forget_half_imports() -> None:
    # A module that another thread was importing at the fork stays half-imported in the child,
    # its import lock held by a thread the child does not have: the child's first import of it
    # (a look-up imports on first use) would wait forever. So the child forgets such a module
    # and its lock, and imports it afresh when it is next asked for. importlib keeps no public
    # table of its module locks: the private one (3.10-3.13) is read, and anything unexpected
    # leaves things as they are.
    try:
        from importlib import _bootstrap

        table = _bootstrap._module_locks  # type: ignore[attr-defined]
        entries = list(table.items())
    except Exception:  # pragma: no cover - a Python without the table
        return
    me = threading.get_ident()
    for name, ref in entries:
        lock = ref()
        if lock is None or getattr(lock, "owner", None) in (None, me):
            continue
        table.pop(name, None)
        spec = getattr(sys.modules.get(name), "__spec__", None)
        if getattr(spec, "_initializing", False):  # its body never finished: import it again,
            for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
                del sys.modules[loaded]  # and a package's submodules, bound to the new one


if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_after_fork_in_child)


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The dataset in directory ``path``, laid out like the bundled ``data/``.

    ``load()`` with no path is the bundled dataset, the same object as behind ``rcf.editions``.

    Raises `DataValidationError` naming the file and field if anything is wrong; then
    nothing of the attempt is kept.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> len(rcf.load().editions) >= 18
    True

    ```
    """
    if path is None:
        return bundled()
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise InvalidTypeError(
            f"load() takes a directory path (str or PathLike), not {type(path).__name__}"
        )
    try:
        text = os.fspath(path)
    except TypeError as exc:  # a PathLike whose __fspath__ gives neither str nor bytes
        raise InvalidTypeError(f"load() takes a directory path: {exc}") from None
    if not isinstance(text, str) or not text.strip() or "\x00" in text:
        raise DataValidationError(repr(text)[:120], "", "not a usable directory path")
    if not os.path.isdir(text):
        raise DataValidationError(text, "", "not a directory")
    from pathlib import Path

    return _dataset(Path(text))


def bundled() -> Dataset:
    """The bundled dataset, read on the first call only.

    ```pycon
    >>> bundled().editions[1].year
    2007

    ```
    """
    global _bundled
    dataset = _bundled
    if dataset is None:
        with _lock:
            if _bundled is None:
                _bundled = _build_bundled()  # assigned only once complete: never half-built
            dataset = _bundled
    return dataset


def _build_bundled() -> Dataset:
    # The bundled data goes through the same strict build as any data directory.
    root: Traversable
    if os.path.isdir(DATA_DIR):
        from pathlib import Path

        root = Path(DATA_DIR)
    elif sys.version_info >= (3, 11):  # pragma: no cover - a zipped install
        from importlib.resources import files

        root = files("rok_ca_forum") / "data"
    else:  # pragma: no cover - a zipped install on Python 3.10
        from importlib_resources import files

        root = files("rok_ca_forum") / "data"
    return _dataset(root)


def _dataset(root: Traversable) -> Dataset:
    """The `Dataset` of the data directory ``root``, read and validated whole."""
    from rok_ca_forum.dataset import Dataset
    from rok_ca_forum.validate import read_contents

    return Dataset(**read_contents(root))
