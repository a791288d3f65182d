"""The ``rok-ca-forum`` command (also ``python -m rok_ca_forum``).

Exit status: 0 on success (and when the reader of the output goes away, as with ``| head``),
1 when nothing matches (message on stderr; ``[]`` on stdout under ``--json``), 2 on bad usage or
data, 3 when the output cannot be written (a full disk, a closed standard output). Text that the
output's encoding cannot hold is written as replacement characters (``?``), never a traceback.
Text is wrapped to the terminal's width (``COLUMNS``), never breaking a word or a URL.

```pycon
>>> main(["show", "12"])  # doctest: +ELLIPSIS
12th ROK–Central Asia Cooperation Forum
...
0

```
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from rok_ca_forum._arguments import USAGE_ERROR, build_parser
from rok_ca_forum.errors import NotFoundError, RokCaForumError

__all__ = ["EXIT_NOT_FOUND", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE", "main"]

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_OUTPUT = 0, 1, USAGE_ERROR, 3


class _OutputError(Exception):
    """Standard output refused a write (not a broken pipe): one line on stderr, exit 3."""


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        raise _OutputError(f"{exc.strerror or exc}{where}") from exc


def _write(text: str) -> None:
    """Write one block of output and a newline; every write of the command goes through here."""
    with _writing():
        sys.stdout.write(text + "\n")


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


def _error(message: str) -> None:
    print(f"rok-ca-forum: {message}", file=sys.stderr)


def _width() -> int:
    import shutil

    return max(shutil.get_terminal_size().columns, 40)


def _json(data: object) -> None:
    import json

    _write(json.dumps(data, ensure_ascii=False, indent=2))


def _edition_json(edition: Any, lang: str) -> dict[str, Any]:
    """``to_dict`` of an edition; with a language, localised names beside the English ones."""
    import rok_ca_forum as rcf

    data: dict[str, Any] = rcf.to_dict(edition)
    if lang != "en":
        data.update({"title": edition.title, f"title_{lang}": edition.title_in(lang)})
        if edition.host:
            data.update(
                host_name=edition.host.name, **{f"host_name_{lang}": edition.host.name_in(lang)}
            )
        for plain, d in zip(data["delegations"], edition.delegations, strict=True):
            plain.update(
                country_name=d.country.name, **{f"country_name_{lang}": d.country.name_in(lang)}
            )
    return data


def _lang(args: argparse.Namespace) -> str:
    from rok_ca_forum.languages import TITLE_LANGUAGES, country_languages, resolve_language

    lang = getattr(args, "lang", "en")
    if args.command == "countries":
        return resolve_language(lang, country_languages(), "country names")
    return resolve_language(lang, TITLE_LANGUAGES, "edition titles")


def _list(args: argparse.Namespace, ds: Any) -> tuple[Any, str]:
    """The editions a list or search asks for, and what to say when there are none."""
    if args.command == "search":
        return ds.editions.search(" ".join(args.text)), ""
    names = ("since", "until", "host", "country", "city", "theme", "level", "format", "status",
             "head")  # fmt: skip
    criteria = {n: getattr(args, n) for n in names if getattr(args, n) is not None}
    return ds.editions.filter(**criteria), "no edition matches these filters"


def _search_hints(ds: Any, wanted: str) -> tuple[str, ...]:
    """Words the data does hold that are close to a search that found nothing."""
    from rok_ca_forum._text import suggest

    words: set[str] = set()
    for theme in ds.themes:
        words.update((theme.label, *theme.aliases))
    for person in ds.people:
        words.update((person.name, *person.aliases))
    words.update(e.city for e in ds.editions if e.city)
    return suggest(wanted, sorted(words))


class _Context:
    """What every command is given: its arguments, the dataset, the language and the width."""

    __slots__ = ("args", "ds", "lang", "width")

    def __init__(self, args: argparse.Namespace, ds: Any, lang: str, width: int) -> None:
        self.args, self.ds, self.lang, self.width = args, ds, lang, width


def _show(c: _Context) -> int:
    from rok_ca_forum.display import describe

    args, ds = c.args, c.ds
    if (args.edition is None) == (args.year is None):
        raise _Usage("show takes an edition (12, 12th, 2019) or --year, one of them")
    if args.edition is not None:
        edition = ds.editions.lookup(args.edition)
    elif (by_year := ds.editions.get(year=args.year)) is not None:
        edition = by_year
    else:
        from rok_ca_forum.errors import EditionNotFoundError

        raise EditionNotFoundError(f"no edition met in {args.year}")
    if args.json:
        _json(_edition_json(edition, c.lang))
    else:
        title = f"{edition.title_in(c.lang)}\n" if c.lang != "en" else ""
        _write(title + describe(edition, width=c.width, lang=c.lang, today=dt.date.today()))
    return EXIT_OK


def _editions(c: _Context) -> int:
    """``list`` and ``search``: a table of editions, or JSON; exit 1 when none match."""
    from rok_ca_forum.display import EDITION_COLUMNS, edition_row, status_text, table

    found, empty = _list(c.args, c.ds)
    if c.args.json:
        _json([_edition_json(e, c.lang) for e in found])
    elif found:
        rows: list[tuple[str, ...]] = [edition_row(e) for e in found]
        columns: tuple[str, ...] = EDITION_COLUMNS
        if c.lang != "en":  # the titles in that language, in a column of their own
            rows = [(*row, e.title_in(c.lang)) for row, e in zip(rows, found, strict=True)]
            columns = (*columns, f"Title ({c.lang})")
        _write(table(rows, columns, c.width))
        today = dt.date.today()
        for e in found:  # a plan already past: the data is older than the plan
            if e.is_overdue(today):
                _write(f"{e.number}: {status_text(e, today)}")
    if found:
        return EXIT_OK
    if not empty:
        wanted = " ".join(c.args.text)
        hints = _search_hints(c.ds, wanted)
        tip = f"; did you mean {', '.join(map(repr, hints))}?" if hints else ""
        empty = f"no edition mentions {wanted[:80]!r}{tip}"
    _error(empty)
    return EXIT_NOT_FOUND


def _export(c: _Context) -> int:
    from rok_ca_forum.export import export

    with _writing():
        written = export(c.ds, c.args.directory)
    if c.args.json:
        _json({"directory": c.args.directory, "files": [path.name for path in written]})
    else:
        _write(f"wrote {len(written)} files to {c.args.directory}")
    return EXIT_OK


def _vocabulary(c: _Context) -> int:
    """``countries``, ``themes``, ``people``, ``secretariat``, ``bodies``: a table or JSON."""
    import rok_ca_forum as rcf
    from rok_ca_forum.display import describe_record, line, status_text, table

    command, ds, lang, width = c.args.command, c.ds, c.lang, c.width
    if command == "secretariat" and ds.secretariat is None:
        raise NotFoundError("this data directory has no secretariat.json")
    if c.args.json:
        plain: Any = rcf.to_dict(
            ds.secretariat if command == "secretariat" else getattr(ds, command)
        )
        if command == "countries" and lang != "en":
            for row, country in zip(plain, ds.countries, strict=True):
                row[f"name_{lang}"] = country.name_in(lang)
        _json(plain)
        return EXIT_OK
    if command == "countries":
        names = [(k.alpha_2, k.alpha_3, k.name_in(lang), k.official_name) for k in ds.countries]
        _write(table(names, ("Code", "Alpha-3", "Name", "Official name"), width))
    elif command == "themes":
        _write(table([(t.slug, t.label) for t in ds.themes], ("Slug", "Label"), width))
    elif command == "people":
        people = [(p.id, p.name, ", ".join(p.aliases)) for p in ds.people]
        _write(table(people, ("Id", "Name", "Also spelled"), width))
    elif command == "secretariat":
        _write(describe_record(ds.secretariat, width=width))
    else:  # bodies
        rows = [(b.id, line(b.established or ""), str(len(b.meetings)), b.name) for b in ds.bodies]
        _write(table(rows, ("Id", "Established", "Meetings", "Name"), width))
        today = dt.date.today()
        for b in ds.bodies:  # a planned meeting already past: the data is older than the plan
            for m in b.meetings:
                if m.is_overdue(today):
                    when = line(m.date) if m.date else "date unknown"
                    _write(f"{b.id}, {when}: {status_text(m, today)}")
    return EXIT_OK


#: What each subcommand runs (``validate`` reads its own directory, before any dataset).
_COMMANDS = {
    "show": _show, "list": _editions, "search": _editions, "export": _export,
    **dict.fromkeys(("countries", "themes", "people", "secretariat", "bodies"), _vocabulary),
}  # fmt: skip


def _run(args: argparse.Namespace) -> int:
    import rok_ca_forum as rcf

    if args.command == "validate":
        if (args.directory is None) == (args.data is None):
            raise _Usage("validate takes one data directory: DIR or --data DIR")
        return _validate(args, args.directory or args.data)
    lang = _lang(args)  # a bad language is bad usage, whatever the output format
    ds = rcf.load(args.data) if args.data else rcf.load()
    return _COMMANDS[args.command](_Context(args, ds, lang, _width()))


def _validate(args: argparse.Namespace, directory: str) -> int:
    """``validate DIR``: every problem in a data directory, one a line; exit 1 if any."""
    import rok_ca_forum as rcf

    try:
        ds = rcf.load(directory)
    except rcf.DataValidationError as exc:
        if args.json:
            _json({"valid": False, "problems": [
                {"file": file, "field": field, "problem": problem}
                for file, field, problem in exc.problems
            ]})  # fmt: skip
        else:
            _write("\n".join(": ".join(p for p in problem if p) for problem in exc.problems))
        return EXIT_NOT_FOUND
    counts = {"editions": len(ds.editions), "people": len(ds.people), "themes": len(ds.themes)}
    if args.json:
        _json({"valid": True, **counts})
    else:
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        _write(f"{directory}: valid ({summary})")
    return EXIT_OK


class _Usage(Exception):
    """Bad usage found after parsing: the subcommand's usage and the message, exit 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    if sys.stdout is None:  # started with standard output closed (`>&-`): say so, never lose it
        _error("standard output is closed; nothing was written")
        return EXIT_OUTPUT
    if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        # An ASCII pipe or a legacy console: '?' for what it cannot show, not a traceback.
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        status = _main(argv)
        with _writing():  # inside the handlers: a failed write is reported here, not at exit
            sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        _silence_stdout()
        return EXIT_OK
    except _OutputError as exc:
        _silence_stdout()
        _error(f"cannot write the output: {exc}")
        return EXIT_OUTPUT


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if args.command is None:  # a bare `rok-ca-forum`: what it can do
            with _writing():
                parser.print_help()
            return EXIT_OK
        if extra:
            parser.commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help / --version
        return int(exc.code or 0)
    try:
        return _run(args)
    except _Usage as exc:
        parser.commands[args.command].print_usage(sys.stderr)
        _error(str(exc))
        return EXIT_USAGE
    except NotFoundError as exc:
        if args.json and args.command in ("list", "search"):
            _write("[]")
        _error(str(exc))
        return EXIT_NOT_FOUND
    except RokCaForumError as exc:
        _error(str(exc))
        return EXIT_USAGE
