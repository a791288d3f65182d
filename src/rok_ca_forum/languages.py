"""Names and titles in other languages: countries from pycountry's catalogues, titles from ours.

The language is always an explicit argument, never read from the environment, so the same call
gives the same answer on every machine. pycountry is imported only when a translation is asked for.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.countries["KR"].name_in("ko"), rcf.countries["KG"].name_in("ru")
('대한민국', 'Киргизия')
>>> rcf.editions[12].title_in("ko")
'제12차 한-중앙아 협력 포럼'

```
"""

from __future__ import annotations

import functools
import os

from rok_ca_forum.errors import InvalidArgumentError, InvalidTypeError

__all__ = [
    "TITLE_LANGUAGES",
    "country_languages",
    "country_name",
    "edition_title",
    "resolve_language",
]

#: Edition titles we write ourselves, by language; {n} is the edition number.
_TITLES = {
    "en": None,  # built from the English ordinal by Edition.title
    "ko": "제{n}차 한-중앙아 협력 포럼",
    "ru": "{n}-й Форум сотрудничества «Центральная Азия – Республика Корея»",
}
TITLE_LANGUAGES: tuple[str, ...] = tuple(_TITLES)


#: The codes an error names first, as the ones most asked for.
_COMMON = ("en", "ko", "ru", "de")


def resolve_language(lang: object, available: tuple[str, ...], what: str) -> str:
    """``lang`` as spelled in ``available``, ignoring case (``"KO"``, ``"zh_cn"``).

    An unknown code raises `InvalidArgumentError` in one short line naming a few valid ones.

    ```pycon
    >>> resolve_language("RU", TITLE_LANGUAGES, "edition titles")
    'ru'
    >>> resolve_language("xx", TITLE_LANGUAGES, "edition titles")
    Traceback (most recent call last):
    ...
    rok_ca_forum.errors.InvalidArgumentError: no edition titles in 'xx'; available: en, ko, ru

    ```
    """
    if not isinstance(lang, str):
        raise InvalidTypeError(f"lang must be a language code (str), not {type(lang).__name__}")
    by_folded = {code.lower().replace("-", "_"): code for code in available}
    found = by_folded.get(lang.lower().replace("-", "_"))
    if found is not None:
        return found
    if len(available) <= len(_COMMON):
        names = ", ".join(available)
    else:
        first = [c for c in _COMMON if c in available]
        names = f"{', '.join(first)}, … ({len(available)} in all)"
    raise InvalidArgumentError(f"no {what} in {lang[:20]!r}; available: {names}")


@functools.cache
def country_languages() -> tuple[str, ...]:
    """Language codes pycountry carries country names for (plus ``en``).

    ```pycon
    >>> "ko" in country_languages() and "ru" in country_languages()
    True

    ```
    """
    import pycountry

    folder = pycountry.LOCALES_DIR
    found = {
        lang
        for lang in os.listdir(folder)
        if os.path.exists(os.path.join(folder, lang, "LC_MESSAGES", "iso3166-1.mo"))
    }
    return tuple(sorted(found | {"en"}))


@functools.cache
def _catalogue(lang: str) -> object:
    import gettext

    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])


def country_name(alpha_2: str, english: str, lang: str) -> str:
    """The name of country ``alpha_2`` in ``lang``; ``english`` (our own name) for ``en``."""
    if lang != "en":
        lang = resolve_language(lang, country_languages(), "country names")
    if lang == "en":
        return english
    import gettext

    import pycountry

    record = pycountry.countries.get(alpha_2=alpha_2)
    if record is None:  # pragma: no cover - every member state is in ISO 3166
        return english
    catalogue = _catalogue(lang)
    assert isinstance(catalogue, gettext.NullTranslations)
    return catalogue.gettext(record.name)


def edition_title(number: int, english: str, lang: str) -> str:
    """The title of edition ``number`` in ``lang`` (en, ko or ru)."""
    lang = resolve_language(lang, TITLE_LANGUAGES, "edition titles")
    template = _TITLES[lang]
    return english if template is None else template.format(n=number)
