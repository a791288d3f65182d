"""A mixin for objects that are filled in once, in ``__init__``, and read-only after.

```pycon
>>> class Box(ReadOnly):
...     __slots__ = ("value",)
...     def __init__(self) -> None:
...         self.value = 1
...         self._seal()
>>> Box().value = 2
Traceback (most recent call last):
...
AttributeError: Box is read-only; cannot set 'value'

```
"""

from __future__ import annotations

__all__ = ["ReadOnly"]


class ReadOnly:
    """Refuses attribute assignment and deletion once ``_seal()`` has been called."""

    __slots__ = ("_sealed",)

    def _seal(self) -> None:
        object.__setattr__(self, "_sealed", True)

    def _cache(self, name: str, value: object) -> None:
        """Set an internal, lazily computed attribute (the only write allowed after sealing)."""
        object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_sealed", False):
            raise AttributeError(f"{type(self).__name__} is read-only; cannot set {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only; cannot delete {name!r}")
