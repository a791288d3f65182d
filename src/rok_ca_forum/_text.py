"""Small text helpers shared by look-ups and search: normalising, ordinals, suggestions.

```pycon
>>> fold("  Tōkyō  Ünïon ")
'tokyo union'
>>> ordinal(12), ordinal(21), ordinal(13)
('12th', '21st', '13th')

```
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

__all__ = ["ORDINAL_WORDS", "day_text", "fold", "number_text", "ordinal", "suggest", "term_text"]


def number_text(value: int) -> str:
    """A whole number as text; one too long to read as "a number of N bits".

    Python refuses to print ints of more than 4,300 digits, and nobody needs to read them anyway.

    ```pycon
    >>> number_text(12), number_text(10**5000)
    ('12', 'a number of 16610 bits')

    ```
    """
    return str(value) if abs(value) < 10**18 else f"a number of {value.bit_length()} bits"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: dt.date, *, month: bool = True, year: bool = True) -> str:
    """A date as every view writes it: ``16 Oct 2019`` (or without its month or year).

    ```pycon
    >>> import datetime as dt
    >>> day_text(dt.date(2019, 10, 16)), day_text(dt.date(2019, 10, 16), year=False)
    ('16 Oct 2019', '16 Oct')

    ```
    """
    parts = [str(day.day)] + ([_MONTHS[day.month - 1]] if month else [])
    return " ".join(parts + ([str(day.year)] if year else []))


def term_text(start: dt.date | None, end: dt.date | None) -> str | None:
    """A term of office: ``16 Nov 2016 – now``, ``? – 18 Aug 2021``; None if neither is known.

    ```pycon
    >>> import datetime as dt
    >>> term_text(dt.date(2016, 11, 15), None), term_text(None, None)
    ('15 Nov 2016 – now', None)

    ```
    """
    if start is None and end is None:
        return None
    return f"{day_text(start) if start else '?'} – {day_text(end) if end else 'now'}"


def fold(text: str) -> str:
    """Case-fold, strip accents and collapse white space, so that look-ups forgive spelling noise.

    ```pycon
    >>> fold("Kyrgyz  REPUBLIC")
    'kyrgyz republic'

    ```
    """
    if text.isascii():  # the common case, and ten times cheaper
        return " ".join(text.lower().split())
    # Decompose before and after case-folding: compatibility forms such as '𝔸' only become
    # 'A' on decomposition, and must still be folded to 'a'.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def ordinal(number: int) -> str:
    """English ordinal of a positive number.

    ```pycon
    >>> ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(112)
    ('1st', '2nd', '3rd', '11th', '112th')

    ```
    """
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
_TENS_ORDINAL = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth"}
_TENS_CARDINAL = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}


def _ordinal_word(number: int) -> str:
    if number < 10:
        return _UNITS[number]
    if number < 20:
        return _TEENS[number - 10]
    tens, unit = divmod(number, 10)
    if unit == 0:
        return _TENS_ORDINAL[tens * 10]
    return f"{_TENS_CARDINAL[tens * 10]}-{_UNITS[unit]}"


#: "first" -> 1 … "fifty-ninth" -> 59 (also spelled with a space instead of the hyphen).
ORDINAL_WORDS: dict[str, int] = {}
for _n in range(1, 60):
    ORDINAL_WORDS[_ordinal_word(_n)] = _n
    ORDINAL_WORDS[_ordinal_word(_n).replace("-", " ")] = _n


def suggest(wanted: str, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Close matches for a misspelt key, best first ("did you mean").

    ```pycon
    >>> suggest("Kyrgistan", ["Kyrgyzstan", "Kazakhstan", "Tajikistan"])
    ('Kyrgyzstan', 'Tajikistan')

    ```
    """
    import difflib  # only on a miss, never on the way to a hit

    pool = {fold(c): c for c in candidates}
    matches = difflib.get_close_matches(fold(wanted)[:200], list(pool), n=limit, cutoff=0.6)
    return tuple(pool[m] for m in matches)
