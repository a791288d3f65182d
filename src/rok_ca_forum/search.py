"""Full-text search over editions: a word index built on first search, and its scoring.

Words match at the start of a word, case- and accent-insensitively; every part of an edition that
mentions a word adds that part's weight, and words found together as a phrase add a little more.

```pycon
>>> import rok_ca_forum as rcf
>>> index = SearchIndex(rcf.editions)
>>> [e.number for e in index.search("water")][:2]
[12, 11]

```
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from rok_ca_forum._text import fold
from rok_ca_forum.errors import InvalidArgumentError, InvalidTypeError
from rok_ca_forum.models import Edition

__all__ = ["MAX_QUERY", "SearchIndex"]

#: The longest search text accepted, in characters.
MAX_QUERY = 1000

# How much a match in each part of an edition counts; places and people outrank notes.
_WEIGHTS = {
    "title": 3, "facts": 3, "city": 5, "host": 5, "venue": 3, "motto": 3, "themes": 4, "people": 4,
    "agenda": 2, "deliverables": 2, "titles": 1, "descriptions": 1, "notes": 1,
}  # fmt: skip
_WORD = re.compile(r"\w+")

_Words = tuple[str, ...]


def _parts(edition: Edition) -> list[tuple[int, str]]:
    """(weight, folded text) for each part of an edition that has any text."""
    parts: dict[str, list[str]] = {key: [] for key in _WEIGHTS}
    parts["title"] += [edition.title, edition.ordinal, str(edition.year)]
    parts["facts"] += [
        str(value) for value in (edition.status, edition.level, edition.format) if value is not None
    ]
    if edition.city:
        parts["city"].append(edition.city)
    if edition.host:
        h = edition.host
        parts["host"] += [h.name, h.official_name, h.alpha_2, h.alpha_3, *h.aliases]
    if edition.venue:
        parts["venue"].append(edition.venue)
    if edition.motto:
        parts["motto"].append(edition.motto)
    for theme in edition.themes:
        parts["themes"] += [theme.label, theme.slug.replace("-", " "), *theme.aliases]
    for delegation in edition.delegations:
        if delegation.head:
            head = delegation.head
            spellings = (head.name, *head.aliases, head.name_ko, head.name_ru)
            parts["people"] += [name for name in spellings if name]
        if delegation.head_title:
            parts["titles"].append(delegation.head_title)
    parts["agenda"] += [statement.text for statement in edition.agenda]
    for deliverable in edition.deliverables:
        parts["deliverables"].append(deliverable.title)
        if deliverable.description:
            parts["descriptions"].append(deliverable.description)
    parts["notes"] += [statement.text for statement in edition.notes]
    return [
        (_WEIGHTS[key], " | ".join(fold(t) for t in texts)) for key, texts in parts.items() if texts
    ]


def _words(text: str, seen: dict[str, str]) -> _Words:
    # The same word in many editions is stored once (``seen`` maps each word to its one copy),
    # so the index stays small; not sys.intern, whose global table would grow for good.
    return tuple(sorted({seen.setdefault(w, w) for w in _WORD.findall(text)}))


def _starts_a_word(token: str, words: _Words) -> bool:
    i = bisect.bisect_left(words, token)
    return i < len(words) and words[i].startswith(token)


class SearchIndex:
    """The sorted words of every part of every edition, for `search`.

    Only words are kept; the rarer searches that need the text itself (a phrase, a word with
    punctuation inside) rebuild it for the editions that already matched every word.
    """

    __slots__ = ("_editions", "_entries")

    def __init__(self, editions: Iterable[Edition]) -> None:
        self._editions = tuple(editions)
        entries = []
        seen: dict[str, str] = {}
        for edition in self._editions:
            fields = tuple((weight, _words(text, seen)) for weight, text in _parts(edition))
            everything = _words(" ".join(" ".join(words) for _, words in fields), seen)
            entries.append((everything, fields))
        self._entries = tuple(entries)

    def search(self, text: str) -> list[Edition]:
        """Editions mentioning every word of ``text``, best match first, ties by number."""
        if not isinstance(text, str):
            raise InvalidTypeError(f"search() takes a str, not {type(text).__name__}")
        if len(text) > MAX_QUERY:
            raise InvalidArgumentError(
                f"search text is {len(text)} characters long; at most {MAX_QUERY} are allowed"
            )
        folded = fold(text)
        tokens = folded.split()
        if not tokens:
            raise InvalidArgumentError("search text is empty; give at least one word")
        plain = all(token.isalnum() for token in tokens)
        scored = []
        for edition, (everything, fields) in zip(self._editions, self._entries, strict=True):
            if plain:
                score = self._score_words(tokens, everything, fields)
            else:
                score = self._score_text(tokens, _parts(edition))
            if score and len(tokens) > 1 and any(folded in blob for _, blob in _parts(edition)):
                score += 2  # the words together, as a phrase
            if score:
                scored.append((-score, edition.number, edition))
        scored.sort(key=lambda item: item[:2])
        return [edition for _, _, edition in scored]

    @staticmethod
    def _score_words(
        tokens: list[str], everything: _Words, fields: tuple[tuple[int, _Words], ...]
    ) -> int:
        score = 0
        for token in tokens:
            if not _starts_a_word(token, everything):
                return 0
            # Every part that mentions the word adds its weight: an edition where water is a
            # theme, an agenda item and a deliverable outranks one that only lists the theme.
            score += sum(weight for weight, words in fields if _starts_a_word(token, words))
        return score

    @staticmethod
    def _score_text(tokens: list[str], parts: list[tuple[int, str]]) -> int:
        # A token with punctuation inside ("kyung-wha", "(water)"): taken literally, still at the
        # start of a word.
        score = 0
        for token in tokens:
            pattern = re.compile(r"(?<!\w)" + re.escape(token))
            gained = sum(weight for weight, blob in parts if pattern.search(blob))
            if not gained:
                return 0
            score += gained
        return score
