"""Every public entry point answers bad input with its documented exception, or a right answer.

Never an unrelated exception from deep inside: each case says which exception is expected and a
fragment of its message that names the bad value or what is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import rok_ca_forum
from rok_ca_forum.cli import main

# Deliberately untyped: these tests call the API with the wrong types on purpose.
rcf: Any = rok_ca_forum

HUGE = 10**100
MEGABYTE = "x" * 1_000_000
LOOKALIKE = "K\u0417"  # Latin K + Cyrillic Ze, looks like "K3"
CYRILLIC_KZ = "\u041a\u0417"  # Cyrillic "КЗ", looks like "KZ"

Call = Callable[[], Any]

E: Any = rcf.editions

CASES: list[tuple[str, Call, type[BaseException], str]] = [
    # editions[...]
    ("getitem str", lambda: E["12"], TypeError, "edition number"),
    ("getitem None", lambda: E[None], TypeError, "NoneType"),
    ("getitem bool", lambda: E[True], TypeError, "bool"),
    ("getitem float", lambda: E[12.0], TypeError, "float"),
    ("getitem zero", lambda: E[0], rcf.EditionNotFoundError, "no edition number 0"),
    ("getitem negative", lambda: E[-3], rcf.EditionNotFoundError, "no edition number -3"),
    ("getitem huge", lambda: E[HUGE], rcf.EditionNotFoundError, "editions run from 1"),
    ("getitem giant", lambda: E[10**5000], rcf.EditionNotFoundError, "bits"),
    ("lookup giant", lambda: E.lookup(10**5000), rcf.EditionNotFoundError, "bits"),
    ("getitem slice", lambda: E[1:3], TypeError, "slice"),
    # get
    ("get str", lambda: E.get("12"), TypeError, "number must be an int"),
    ("get bool", lambda: E.get(True), TypeError, "bool"),
    ("get year str", lambda: E.get(year="2019"), TypeError, "year must be an int"),
    ("get year float", lambda: E.get(year=2019.0), TypeError, "float"),
    ("get both", lambda: E.get(12, year=2019), ValueError, "not both"),
    # lookup
    ("lookup None", lambda: E.lookup(None), TypeError, "NoneType"),
    ("lookup float", lambda: E.lookup(12.5), TypeError, "float"),
    ("lookup empty", lambda: E.lookup(""), rcf.EditionNotFoundError, "no edition matches ''"),
    ("lookup spaces", lambda: E.lookup("   "), rcf.EditionNotFoundError, "no edition matches"),
    ("lookup megabyte", lambda: E.lookup(MEGABYTE), rcf.EditionNotFoundError, "no edition"),
    ("lookup zero", lambda: E.lookup("0th"), rcf.EditionNotFoundError, "'0th'"),
    ("lookup huge", lambda: E.lookup(str(HUGE)), rcf.EditionNotFoundError, "no edition"),
    ("lookup regex", lambda: E.lookup("1.*"), rcf.EditionNotFoundError, "'1.*'"),
    # filter
    ("filter level", lambda: E.filter(level="super"), ValueError, "valid: 'ministerial'"),
    ("filter level int", lambda: E.filter(level=3), TypeError, "level must be a Level"),
    ("filter format", lambda: E.filter(format="zoom"), ValueError, "'in-person'"),
    ("filter status", lambda: E.filter(status=""), ValueError, "'held', 'planned'"),
    ("filter year str", lambda: E.filter(year="2019"), TypeError, "year must be an int"),
    ("filter since bool", lambda: E.filter(since=True), TypeError, "since must be an int"),
    ("filter host code", lambda: E.filter(host="XX"), rcf.CountryNotFoundError, "'XX'"),
    ("filter host empty", lambda: E.filter(host=""), rcf.CountryNotFoundError, "no member state"),
    ("filter host int", lambda: E.filter(host=410), TypeError, "int"),
    ("filter host lookalike", lambda: E.filter(host=CYRILLIC_KZ), rcf.CountryNotFoundError, ""),
    ("filter theme", lambda: E.filter(theme="*"), rcf.ThemeNotFoundError, "'*'"),
    ("filter theme None-like", lambda: E.filter(theme="null"), rcf.ThemeNotFoundError, "null"),
    ("filter head", lambda: E.filter(head="Kim"), rcf.PersonNotFoundError, "more than one"),
    ("filter head list", lambda: E.filter(head=["x"]), rcf.PersonNotFoundError, "'x'"),
    ("filter empty list", lambda: E.filter(host=[]), rcf.InvalidArgumentError, "empty list"),
    ("filter nested list", lambda: E.filter(host=[["KZ"]]), rcf.InvalidTypeError, "list"),
    ("filter city", lambda: E.filter(city="Atlantis"), rcf.EditionNotFoundError, "Atlantis"),
    ("filter city typo", lambda: E.filter(city="Seuol"), rcf.EditionNotFoundError, "'Seoul'"),
    ("filter city int", lambda: E.filter(city=5), rcf.InvalidTypeError, "int"),
    ("filter level list", lambda: E.filter(level=["x"]), rcf.InvalidArgumentError, "'x'"),
    ("lookup year none", lambda: E.lookup(2017), rcf.EditionNotFoundError, "2017"),
    ("filter unknown kw", lambda: E.filter(colour="red"), TypeError, "colour"),
    # search
    ("search None", lambda: E.search(None), TypeError, "NoneType"),
    ("search int", lambda: E.search(12), TypeError, "int"),
    ("search empty", lambda: E.search(""), ValueError, "empty"),
    ("search spaces", lambda: E.search(" \t\n"), ValueError, "empty"),
    ("search megabyte", lambda: E.search(MEGABYTE), ValueError, "at most 1000"),
    # vocabularies
    ("countries getitem int", lambda: rcf.countries[410], TypeError, "int"),
    ("countries getitem name", lambda: rcf.countries["Kazakhstan"], rcf.CountryNotFoundError, ""),
    ("countries lookalike", lambda: rcf.countries.lookup(LOOKALIKE), rcf.CountryNotFoundError, ""),
    ("countries lookup None", lambda: rcf.countries.lookup(None), TypeError, "NoneType"),
    ("themes getitem", lambda: rcf.themes["Water"], rcf.ThemeNotFoundError, "did you mean"),
    ("themes glob", lambda: rcf.themes.lookup("water*"), rcf.ThemeNotFoundError, "'water*'"),
    ("people getitem", lambda: rcf.people["Kang"], rcf.PersonNotFoundError, "'Kang'"),
    ("people megabyte", lambda: rcf.people.lookup(MEGABYTE), rcf.PersonNotFoundError, ""),
    ("people bytes", lambda: rcf.people.lookup(b"park-jin"), TypeError, "bytes"),
    # load
    ("load int", lambda: rcf.load(12), TypeError, "directory path"),
    ("load bytes", lambda: rcf.load(b"/tmp"), TypeError, "bytes"),
    ("load empty", lambda: rcf.load(""), rcf.DataValidationError, "not a usable directory path"),
    ("load nul", lambda: rcf.load("a\x00b"), rcf.DataValidationError, "not a usable"),
    ("load missing", lambda: rcf.load("/nonexistent/x"), rcf.DataValidationError, "not a dir"),
    ("load a file", lambda: rcf.load(__file__), rcf.DataValidationError, "not a directory"),
    # to_dict / from_dict
    ("to_dict str", lambda: rcf.to_dict("x"), TypeError, "str"),
    ("to_dict None", lambda: rcf.to_dict(None), TypeError, "NoneType"),
    ("to_dict mixed", lambda: rcf.to_dict([E[1], 2]), TypeError, "int"),
    ("from_dict not a class", lambda: rcf.from_dict(dict, {}), TypeError, "record class"),
    ("from_dict list", lambda: rcf.from_dict(rcf.Edition, []), rcf.DataValidationError, "object"),
    ("from_dict None", lambda: rcf.from_dict(rcf.Edition, None), rcf.DataValidationError, "null"),
    ("from_dict empty", lambda: rcf.from_dict(rcf.Edition, {}), rcf.DataValidationError, "missing"),
    (
        "from_dict bad dataset",
        lambda: rcf.from_dict(rcf.Edition, {}, dataset=1),
        TypeError,
        "Dataset",
    ),
    # other methods
    ("delegation int", lambda: E[12].delegation(7), TypeError, "int"),
    ("delegation code", lambda: E[12].delegation("XX"), rcf.CountryNotFoundError, "'XX'"),
    ("sources_for", lambda: E[12].sources_for(""), ValueError, "not an Edition field"),
]


@pytest.mark.parametrize(
    ("call", "error", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_gets_the_documented_error(
    call: Call, error: type[BaseException], fragment: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, rcf.RokCaForumError) or (
        info.value.__class__ is TypeError and ("unexpected keyword" in str(info.value))
    ), f"{type(info.value).__name__} is not one of the package's errors"
    assert fragment in str(info.value)
    assert len(str(info.value)) < 600, "messages must not echo huge inputs"


GOOD: list[tuple[str, Call, Any]] = [
    ("alpha-3 code", lambda: rcf.countries["kaz"].alpha_2, "KZ"),
    ("accented name", lambda: rcf.countries.lookup("Kyrgyzstán").alpha_2, "KG"),
    ("padded name", lambda: rcf.countries.lookup("  uzbekistan ").alpha_2, "UZ"),
    ("regex chars in search", lambda: E.search("(water)"), ()),
    ("glob in search", lambda: E.search("wat*"), ()),
    ("year with no forum", lambda: E.get(year=2017), None),
    ("huge year", lambda: E.get(year=HUGE), None),
    ("negative since", lambda: len(E.filter(since=-5)), 18),
    ("enum member", lambda: [e.number for e in E.filter(format=rcf.Format.HYBRID)], [13]),
    ("enum value, any case", lambda: E.filter(level="MINISTERIAL"), E.filter(level="ministerial")),
    ("full-width digits", lambda: E.lookup("１２").number, 12),
]


@pytest.mark.parametrize(("call", "expected"), [c[1:] for c in GOOD], ids=[c[0] for c in GOOD])
def test_odd_but_valid_input_gets_the_right_answer(call: Call, expected: Any) -> None:
    assert call() == expected


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["show", "0"], 1),
        (["show", "-1"], 1),
        (["show", "x" * 10000], 1),
        (["show", "1.*"], 1),
        (["search", "[["], 1),
        (["show", "12", "--bogus"], 2),
        (["list", "extra"], 2),
    ],
)
def test_cli_bad_input(argv: list[str], status: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == status
    err = capsys.readouterr().err
    assert err.strip(), "errors go to stderr"
    assert len(err) < 2000


def test_filter_rejects_records_from_outside_the_dataset() -> None:
    france = rok_ca_forum.Country(
        alpha_2="FR", alpha_3="FRA", numeric="250", name="France", official_name="French Republic"
    )
    with pytest.raises(rok_ca_forum.CountryNotFoundError, match="not a member state of this"):
        rok_ca_forum.editions.filter(host=france)
    with pytest.raises(rok_ca_forum.ThemeNotFoundError):
        rok_ca_forum.editions.filter(theme=rok_ca_forum.Theme(slug="nope", label="Nope"))
    with pytest.raises(rok_ca_forum.PersonNotFoundError):
        rok_ca_forum.editions.filter(head=rok_ca_forum.Person(id="nobody", name="Nobody"))
    kz = rok_ca_forum.countries["KZ"]
    assert rok_ca_forum.editions.filter(host=kz) == rok_ca_forum.editions.filter(host="KZ")


def test_collections_and_module_refuse_rebinding() -> None:
    with pytest.raises(AttributeError, match="read-only"):
        rok_ca_forum.editions._items = ()
    with pytest.raises(AttributeError, match="read-only"):
        rok_ca_forum.countries._by_key = {}
    with pytest.raises(AttributeError, match="read-only"):
        rok_ca_forum.editions = None  # type: ignore[assignment]
    with pytest.raises(AttributeError, match="read-only"):
        del rok_ca_forum.themes
    with pytest.raises(AttributeError, match="read-only"):
        rok_ca_forum.load().editions = None  # type: ignore[assignment]
    assert len(rok_ca_forum.editions) == 18
    assert [e.number for e in reversed(rok_ca_forum.editions)][:2] == [18, 17]


def test_delegation_accepts_names_and_rejects_non_members() -> None:
    e = rok_ca_forum.editions[12]
    assert e.delegation("Kazakhstan") is e.delegation("KZ")
    assert e.delegation("Kyrgyz Republic") is e.delegation("KG")
    assert rok_ca_forum.editions[2].delegation("Kazakhstan") is None
    with pytest.raises(rok_ca_forum.CountryNotFoundError):
        e.delegation("France")


def test_secretariat_sources_for_checks_its_argument() -> None:
    with pytest.raises(ValueError, match="not a Secretariat field"):
        rok_ca_forum.secretariat.sources_for("bogus")
    with pytest.raises(TypeError):
        rok_ca_forum.secretariat.sources_for(5)
