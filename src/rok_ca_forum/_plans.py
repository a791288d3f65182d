"""When a plan is overdue: its expected date, or the end of its year, lies before today.

```pycon
>>> import datetime as dt
>>> from rok_ca_forum.enums import Status
>>> plan_is_overdue(Status.PLANNED, None, 2025, dt.date(2026, 1, 1))
True

```
"""

import datetime as dt

from rok_ca_forum.enums import Status
from rok_ca_forum.errors import InvalidTypeError

__all__ = ["plan_is_overdue"]


def plan_is_overdue(
    status: Status | None, expected: dt.date | None, year: int | None, today: dt.date
) -> bool:
    """Whether a plan expected on ``expected`` (or, with no date, by the end of ``year``) is past.

    ```pycon
    >>> import datetime as dt
    >>> plan_is_overdue(Status.PLANNED, dt.date(2026, 9, 16), None, dt.date(2026, 11, 27))
    True
    >>> plan_is_overdue(Status.HELD, dt.date(2019, 10, 16), None, dt.date(2026, 11, 27))
    False

    ```
    """
    if type(today) is not dt.date:  # a datetime would compare wrongly, a str not at all
        raise InvalidTypeError(f"today must be a datetime.date, not {type(today).__name__}")
    if status is not Status.PLANNED:
        return False
    if expected is None:
        if year is None:
            return False
        expected = dt.date(year, 12, 31)
    return expected < today
