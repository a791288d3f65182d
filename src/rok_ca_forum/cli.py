"""The ``rok-ca-forum`` command (also ``python -m rok_ca_forum``).

Exit status: 0 on success, 1 when nothing matches (message on stderr), 2 on bad usage.

```pycon
>>> main(["show", "12"])  # doctest: +ELLIPSIS
12th ROK–Central Asia Cooperation Forum
...
0

```
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from rok_ca_forum.errors import NotFoundError, RokCaForumError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rok-ca-forum",
        description="Look up editions of the ROK–Central Asia Cooperation Forum (2007–).",
    )
    from rok_ca_forum._version import DATA_VERSION, __version__

    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} (data {DATA_VERSION})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, lang: str = "") -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--json", action="store_true", help="print JSON for machines")
        if lang:  # only where something can be translated
            sub.add_argument("--lang", default="en", metavar="LANG", help=lang)
        return sub

    titles = "language of edition titles: en (default), ko or ru"
    command("list", "list every edition, one line each", titles)
    show = command("show", "show one edition in full", titles)
    show.add_argument("edition", help="number or name: 12, 12th, twelfth")
    search = command("search", "find editions mentioning some words, best first", titles)
    search.add_argument("text", nargs="+", help="the words to look for")
    command("countries", "list the six member states", "language of the names: en, ko, ru, de, …")
    command("themes", "list the theme vocabulary")
    command("people", "list everyone the data names: heads of delegation and of the Secretariat")
    return parser


def _search_hints(rcf: Any, wanted: str) -> tuple[str, ...]:
    """Words the data does hold that are close to a search that found nothing."""
    from rok_ca_forum._text import suggest

    words: set[str] = set()
    for theme in rcf.themes:
        words.update((theme.label, *theme.aliases))
    for person in rcf.people:
        words.update((person.name, *person.aliases))
    words.update(e.city for e in rcf.editions if e.city)
    return suggest(wanted, sorted(words))


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _run(args: argparse.Namespace) -> int:
    import rok_ca_forum as rcf
    from rok_ca_forum.display import describe, edition_row, table

    lang = getattr(args, "lang", "en")
    if lang != "en":  # a bad language is bad usage, whatever the output format
        from rok_ca_forum.languages import country_name, edition_title

        if args.command == "countries":
            country_name("KR", "", lang)
        else:
            edition_title(1, "", lang)

    columns = ("No.", "Year", "Dates", "City", "Host", "Level", "Format")
    if args.command == "show":
        edition = rcf.editions.lookup(args.edition)
        if args.json:
            _print_json(rcf.to_dict(edition))
        else:
            text = describe(edition)
            if args.lang != "en":
                text = edition.title_in(args.lang) + "\n" + text
            print(text)
    elif args.command in ("list", "search"):
        found = (
            tuple(rcf.editions)
            if args.command == "list"
            else rcf.editions.search(" ".join(args.text))
        )
        if not found:
            wanted = " ".join(args.text)
            hints = _search_hints(rcf, wanted)
            tip = f"; did you mean {', '.join(map(repr, hints))}?" if hints else ""
            print(f"rok-ca-forum: no edition mentions {wanted[:80]!r}{tip}", file=sys.stderr)
            return 1
        if args.json:
            _print_json(rcf.to_dict(found))
        elif args.lang != "en":
            rows = [(str(e.number), str(e.year), e.title_in(args.lang)) for e in found]
            print(table(rows, ("No.", "Year", "Title")))
        else:
            print(table([edition_row(e)[:7] for e in found], columns))
    elif args.command == "countries":
        if args.json:
            _print_json(rcf.to_dict(rcf.countries))
        else:
            names = [
                (c.alpha_2, c.alpha_3, c.name_in(args.lang), c.official_name) for c in rcf.countries
            ]
            print(table(names, ("Code", "Alpha-3", "Name", "Official name")))
    elif args.command == "themes":
        if args.json:
            _print_json(rcf.to_dict(rcf.themes))
        else:
            print(table([(t.slug, t.label) for t in rcf.themes], ("Slug", "Label")))
    else:  # people
        if args.json:
            _print_json(rcf.to_dict(rcf.people))
        else:
            people = [(p.id, p.name, ", ".join(p.aliases)) for p in rcf.people]
            print(table(people, ("Id", "Name", "Also spelled")))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help / --version
        return int(exc.code or 0)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except NotFoundError as exc:
        print(f"rok-ca-forum: {exc}", file=sys.stderr)
        return 1
    except RokCaForumError as exc:
        print(f"rok-ca-forum: {exc}", file=sys.stderr)
        return 2
