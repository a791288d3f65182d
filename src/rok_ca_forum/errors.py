"""The package's exceptions: one base class, and each error also a familiar built-in.

Every error a caller can trigger derives from `RokCaForumError`, so ``except
RokCaForumError`` catches them all, while ``except KeyError`` / ``except ValueError`` /
``except TypeError`` keep working for code that expects the built-in kinds.

```pycon
>>> import rok_ca_forum as rcf
>>> try:
...     rcf.editions[99]
... except rcf.EditionNotFoundError as exc:
...     print(exc)
no edition number 99; editions run from 1 to 18

```
"""

from __future__ import annotations

__all__ = [
    "CountryNotFoundError",
    "DataValidationError",
    "EditionNotFoundError",
    "InvalidArgumentError",
    "InvalidTypeError",
    "NotFoundError",
    "PersonNotFoundError",
    "RokCaForumError",
    "ThemeNotFoundError",
]


class RokCaForumError(Exception):
    """Base class of every exception raised on purpose by this package.

    ```pycon
    >>> issubclass(NotFoundError, RokCaForumError)
    True

    ```
    """


class NotFoundError(RokCaForumError, KeyError):
    """A key or name matched nothing. Also a `KeyError`.

    ``suggestions`` holds close matches ("did you mean"), best first.

    ```pycon
    >>> err = NotFoundError("no such thing", suggestions=("thing",))
    >>> str(err), err.suggestions
    ('no such thing', ('thing',))

    ```
    """

    def __init__(self, message: str, *, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions

    def __str__(self) -> str:
        # KeyError.__str__ would wrap the message in quotes; a sentence reads better bare.
        return self.message


class EditionNotFoundError(NotFoundError):
    """No forum edition matches the number, year or name asked for.

    ```pycon
    >>> issubclass(EditionNotFoundError, KeyError)
    True

    ```
    """


class CountryNotFoundError(NotFoundError):
    """The code or name is not one of the six member states.

    ```pycon
    >>> issubclass(CountryNotFoundError, NotFoundError)
    True

    ```
    """


class ThemeNotFoundError(NotFoundError):
    """The slug, label or alias is not in the theme vocabulary.

    ```pycon
    >>> issubclass(ThemeNotFoundError, NotFoundError)
    True

    ```
    """


class PersonNotFoundError(NotFoundError):
    """The id, name or alias matches no person (or more than one).

    ```pycon
    >>> issubclass(PersonNotFoundError, NotFoundError)
    True

    ```
    """


class InvalidArgumentError(RokCaForumError, ValueError):
    """An argument has the right type but a value that is not allowed; also a `ValueError`.

    The message names the bad value and lists the valid ones.

    ```pycon
    >>> issubclass(InvalidArgumentError, ValueError)
    True

    ```
    """


class InvalidTypeError(RokCaForumError, TypeError):
    """An argument has the wrong type; also a `TypeError`.

    ```pycon
    >>> issubclass(InvalidTypeError, TypeError)
    True

    ```
    """


#: One problem found in a data directory: the file, the field (or ``""``), what is wrong.
Problem = tuple[str, str, str]


class DataValidationError(RokCaForumError, ValueError):
    """A data file is malformed or inconsistent. Nothing from the load is kept.

    ``problems`` holds every problem found, as ``(file, field, problem)``; ``file``, ``field``,
    ``problem`` and ``path`` describe the first, which the message names too.

    ```pycon
    >>> err = DataValidationError(
    ...     "editions/07.json", "delegations[2].country", "'XX' is not a member state"
    ... )
    >>> err.path
    'editions/07.json: delegations[2].country'
    >>> str(err)
    "editions/07.json: delegations[2].country: 'XX' is not a member state"
    >>> str(DataValidationError.of([("a.json", "", "bad"), ("b.json", "x", "worse")]))
    'a.json: bad (and 1 more problem)'

    ```
    """

    def __init__(
        self, file: str, field: str, problem: str, *, more: tuple[Problem, ...] = ()
    ) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        self.path = f"{file}: {field}" if field else file
        self.problems: tuple[Problem, ...] = ((file, field, problem), *more)
        count = len(more)
        tail = f" (and {count} more problem{'s' if count > 1 else ''})" if count else ""
        super().__init__(f"{self.path}: {problem}{tail}")

    @classmethod
    def of(cls, problems: list[Problem] | tuple[Problem, ...]) -> DataValidationError:
        """One error carrying ``problems`` (at least one), the first named in the message."""
        (file, field, problem), *more = problems
        return cls(file, field, problem, more=tuple(more))

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from the arguments, so that it crosses process boundaries (the default
        # would call the class with the message alone).
        file, field, problem = self.problems[0]
        return (_rebuild, (type(self), file, field, problem, self.problems[1:]), vars(self))


def _rebuild(
    cls: type[DataValidationError], file: str, field: str, problem: str, more: tuple[Problem, ...]
) -> DataValidationError:
    return cls(file, field, problem, more=more)
