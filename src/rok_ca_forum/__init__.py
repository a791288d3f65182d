"""Typed, sourced data on the Republic of Korea–Central Asia Cooperation Forum (2007–).

Importing the package reads no data: the bundled JSON is loaded, validated and indexed on first
use of ``editions``, ``countries``, ``themes``, ``people``, ``secretariat`` or ``bodies``.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.editions[12].title
'12th ROK–Central Asia Cooperation Forum'
>>> head = rcf.editions[14].delegation("TJ").head
>>> head.name
'Sirojiddin Muhriddin'

```
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

# Imported now, not on first use: it registers the fork handlers before any thread can start a
# load, and a module imported on first use can be caught half-imported by a fork (it is light:
# the data and the builders are imported only when first asked for).
from rok_ca_forum import loading as _loading
from rok_ca_forum._version import DATA_AS_OF, DATA_VERSION, __version__
from rok_ca_forum.enums import DeliverableKind, Format, Grade, Level, Rank, Status
from rok_ca_forum.errors import (
    CountryNotFoundError,
    DataValidationError,
    EditionNotFoundError,
    InvalidArgumentError,
    InvalidTypeError,
    NotFoundError,
    PersonNotFoundError,
    RokCaForumError,
    ThemeNotFoundError,
)
from rok_ca_forum.loading import load
from rok_ca_forum.models import (
    Alternative,
    Citation,
    Country,
    Delegation,
    Deliverable,
    Discrepancy,
    Edition,
    Inference,
    Person,
    Source,
    Statement,
    Theme,
)

if TYPE_CHECKING:
    from rok_ca_forum.collection import Editions
    from rok_ca_forum.dataset import Dataset
    from rok_ca_forum.frames import tables, to_dataframe
    from rok_ca_forum.institutions import (
        Body,
        Meeting,
        Milestone,
        Names,
        Secretariat,
        SecretariatHead,
        WorkPlan,
    )
    from rok_ca_forum.results import Bodies, EditionResults, Records
    from rok_ca_forum.serialize import from_dict, to_dict, to_json
    from rok_ca_forum.vocabulary import Countries, People, Sources, Themes

    editions: Editions
    countries: Countries
    themes: Themes
    people: People
    sources: Sources
    secretariat: Secretariat
    bodies: Bodies

__all__ = [
    "DATA_AS_OF",
    "DATA_VERSION",
    "Alternative",
    "Bodies",
    "Body",
    "Citation",
    "Countries",
    "Country",
    "CountryNotFoundError",
    "DataValidationError",
    "Dataset",
    "Delegation",
    "Deliverable",
    "DeliverableKind",
    "Discrepancy",
    "Edition",
    "EditionNotFoundError",
    "EditionResults",
    "Editions",
    "Format",
    "Grade",
    "Inference",
    "InvalidArgumentError",
    "InvalidTypeError",
    "Level",
    "Meeting",
    "Milestone",
    "Names",
    "NotFoundError",
    "People",
    "Person",
    "PersonNotFoundError",
    "Rank",
    "Records",
    "RokCaForumError",
    "Secretariat",
    "SecretariatHead",
    "Source",
    "Sources",
    "Statement",
    "Status",
    "Theme",
    "ThemeNotFoundError",
    "Themes",
    "WorkPlan",
    "__version__",
    "bodies",
    "countries",
    "editions",
    "from_dict",
    "load",
    "people",
    "secretariat",
    "sources",
    "tables",
    "themes",
    "to_dataframe",
    "to_dict",
    "to_json",
]

# Attributes served lazily: the data on first use, the heavier modules only when asked for.
_DATA = frozenset({"editions", "countries", "themes", "people", "sources", "secretariat", "bodies"})
_LAZY = {
    "Dataset": "rok_ca_forum.dataset",
    "Editions": "rok_ca_forum.collection",
    "EditionResults": "rok_ca_forum.results",
    "Bodies": "rok_ca_forum.results",
    "Records": "rok_ca_forum.results",
    "Countries": "rok_ca_forum.vocabulary",
    **dict.fromkeys(
        ("Body", "Meeting", "Milestone", "Names", "Secretariat", "SecretariatHead", "WorkPlan"),
        "rok_ca_forum.institutions",
    ),
    "Themes": "rok_ca_forum.vocabulary",
    "People": "rok_ca_forum.vocabulary",
    "Sources": "rok_ca_forum.vocabulary",
    "to_dataframe": "rok_ca_forum.frames",
    "tables": "rok_ca_forum.frames",
    "to_dict": "rok_ca_forum.serialize",
    "to_json": "rok_ca_forum.serialize",
    "from_dict": "rok_ca_forum.serialize",
}


def __getattr__(name: str) -> Any:
    if name in _DATA:
        return getattr(_loading.bundled(), name)
    module = _LAZY.get(name)
    if module is not None:
        return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module 'rok_ca_forum' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


class _Module(types.ModuleType):
    """This module, refusing to have its data names rebound (``rcf.editions = None``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _DATA:
            raise AttributeError(f"rok_ca_forum.{name} is read-only")
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if name in _DATA:
            raise AttributeError(f"rok_ca_forum.{name} is read-only")
        super().__delattr__(name)


sys.modules[__name__].__class__ = _Module
