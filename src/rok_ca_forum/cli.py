"""The ``rok-ca-forum`` command (also ``python -m rok_ca_forum``).

Exit status: 0 on success (and when the reader of the output goes away, as with ``| head``),
1 when nothing matches (message on stderr), 2 on bad usage, 3 when the output cannot be written
(a full disk, a closed standard output). Text that the output's encoding cannot hold is written
as replacement characters (``?``), never a traceback.

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


class _OutputError(Exception):
    """Standard output refused a write (not a broken pipe): one line on stderr, exit 3."""


def _write(text: str) -> None:
    """Write one block of output and a newline; every write of the command goes through here."""
    try:
        sys.stdout.write(text + "\n")
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(exc.strerror or str(exc)) from exc


def _flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(exc.strerror or str(exc)) from exc


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush cannot fail."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _print_json(data: object) -> None:
    _write(json.dumps(data, ensure_ascii=False, indent=2))


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
            _write(text)
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
            _error(f"no edition mentions {wanted[:80]!r}{tip}")
            return 1
        if args.json:
            _print_json(rcf.to_dict(found))
        elif args.lang != "en":
            rows = [(str(e.number), str(e.year), e.title_in(args.lang)) for e in found]
            _write(table(rows, ("No.", "Year", "Title")))
        else:
            _write(table([edition_row(e)[:7] for e in found], columns))
    elif args.command == "countries":
        if args.json:
            _print_json(rcf.to_dict(rcf.countries))
        else:
            names = [
                (c.alpha_2, c.alpha_3, c.name_in(args.lang), c.official_name) for c in rcf.countries
            ]
            _write(table(names, ("Code", "Alpha-3", "Name", "Official name")))
    elif args.command == "themes":
        if args.json:
            _print_json(rcf.to_dict(rcf.themes))
        else:
            _write(table([(t.slug, t.label) for t in rcf.themes], ("Slug", "Label")))
    else:  # people
        if args.json:
            _print_json(rcf.to_dict(rcf.people))
        else:
            people = [(p.id, p.name, ", ".join(p.aliases)) for p in rcf.people]
            _write(table(people, ("Id", "Name", "Also spelled")))
    return 0


def _error(message: str) -> None:
    print(f"rok-ca-forum: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    if sys.stdout is None:  # started with standard output closed (`>&-`): say so, never lose it
        _error("standard output is closed; nothing was written")
        return 3
    if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        # An ASCII pipe or a legacy console: '?' for what it cannot show, not a traceback.
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        status = _main(argv)
        _flush()  # inside the handlers: a failed write is reported here, not at exit
        return status
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        _silence_stdout()
        return 0
    except _OutputError as exc:
        _silence_stdout()
        _error(f"cannot write the output: {exc}")
        return 3


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help / --version
        return int(exc.code or 0)
    try:
        return _run(args)
    except NotFoundError as exc:
        _error(str(exc))
        return 1
    except RokCaForumError as exc:
        _error(str(exc))
        return 2
