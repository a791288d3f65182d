"""Text in columns for the terminal: cell widths, aligned tables, wrapping that keeps URLs whole.

```pycon
>>> print(table([("1", "Seoul")], ("No.", "City")))
No.  City
---  -----
1    Seoul

```
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["WIDTH", "table", "text_width", "wrap"]

#: The width text is wrapped to when no terminal says otherwise.
WIDTH = 80


def text_width(text: str) -> int:
    """The terminal cells ``text`` takes: two for wide (CJK, Hangul) characters.

    ```pycon
    >>> text_width("Seoul"), text_width("서울")
    (5, 4)

    ```
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: Sequence[Sequence[str]], columns: Sequence[str], width: int = 0) -> str:
    """Rows aligned under their column headings; with ``width``, the last column wraps to fit.

    ```pycon
    >>> print(table([("1", "a few words here")], ("No.", "Text"), width=15))
    No.  Text
    ---  ----------
    1    a few
         words here

    ```
    """
    widths = [text_width(c) for c in columns]
    for row in rows:
        widths = [max(w, text_width(cell)) for w, cell in zip(widths, row, strict=False)]
    start = sum(widths[:-1]) + 2 * (len(widths) - 1)
    if width and start + widths[-1] > width:
        widths[-1] = max(width - start, 10, text_width(columns[-1]))

    def row_lines(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - text_width(c)) for c, w in zip(cells[:-1], widths, strict=False)]
        last = wrap(cells[-1], start + widths[-1], "  ".join([*padded, ""]), " " * start)
        return "\n".join(x.rstrip() for x in last.splitlines())

    rule = ["-" * w for w in widths]
    return "\n".join([row_lines(columns), row_lines(rule), *(row_lines(r) for r in rows)])


def wrap(text: str, width: int = WIDTH, first: str = "", rest: str | None = None) -> str:
    """``text`` filled to ``width`` terminal cells, never splitting a word or a URL.

    ```pycon
    >>> print(wrap("see https://example.org/a/long/path for more", 20, "- ", "  "))
    - see
      https://example.org/a/long/path
      for more

    ```
    """
    rest = first if rest is None else rest
    out: list[str] = []
    current = first
    fresh = True
    for word in text.split():
        if not fresh and text_width(current) + 1 + text_width(word) > width:
            out.append(current)
            current, fresh = rest, True
        current += word if fresh else " " + word
        fresh = False
    out.append(current)
    return "\n".join(out)
