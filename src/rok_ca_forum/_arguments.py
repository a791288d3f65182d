"""The command line's grammar: every subcommand, its flags, its help and its own examples.

```pycon
>>> parser = build_parser()
>>> sorted(parser.commands)[:3]
['bodies', 'countries', 'export']

```
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

__all__ = ["COMMAND_EXAMPLES", "EXAMPLES", "USAGE_ERROR", "Parser", "build_parser"]

#: The exit status of bad usage (argparse's own).
USAGE_ERROR = 2

EXAMPLES = """examples:
  rok-ca-forum list --since 2019 --host KZ --host UZ
  rok-ca-forum show 12             (or: 12th, twelfth, 2019, --year 2019)
  rok-ca-forum show 12 --lang ko   (title and country names in Korean)
  rok-ca-forum search water --json
  rok-ca-forum list --head Kamilov --json
  rok-ca-forum secretariat | bodies | countries | themes | people
  rok-ca-forum export out/         (CSV files and a datapackage.json)
  rok-ca-forum list --data DIR     (a directory laid out like the bundled data)
"""

#: Each subcommand's own examples, shown at the end of its --help.
COMMAND_EXAMPLES = {
    "list": ["list --since 2019 --host KZ --host UZ", "list --theme water --json",
             "list --head Kamilov", "list --lang ru   (a column of titles in Russian)"],
    "show": ["show 12", "show twelfth --lang ko", "show --year 2019 --json"],
    "search": ["search water", "search 강경화 --json", "search New Northern Policy --lang ru"],
    "countries": ["countries", "countries --lang ru", "countries --json"],
    "themes": ["themes", "themes --json"],
    "people": ["people", "people --json"],
    "secretariat": ["secretariat", "secretariat --json"],
    "bodies": ["bodies", "bodies --json"],
    "validate": ["validate DIR", "validate DIR --json", "validate --data DIR"],
    "export": ["export out/", "export out/ --json   (the files written, as JSON)",
               "export out/ --data DIR"],
}  # fmt: skip


class Parser(argparse.ArgumentParser):
    """argparse with "did you mean" for a mistyped subcommand or option."""

    commands: dict[str, Parser]

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        hint = ""
        choice = re.search(r"invalid choice: '?([^'\s]+)'?", message)
        options = re.search(r"unrecognized arguments: (\S+)", message)
        if choice and getattr(self, "commands", None):
            close = difflib.get_close_matches(choice.group(1), list(self.commands), n=2)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
            message = f"unknown command {choice.group(1)[:40]!r}"
        elif options and options.group(1).startswith("-"):
            wanted = options.group(1).split("=")[0]
            close = difflib.get_close_matches(wanted, list(self._option_string_actions), n=2)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message}{hint}\n")


def build_parser() -> Parser:
    from rok_ca_forum._version import DATA_VERSION, __version__

    parser = Parser(
        prog="rok-ca-forum",
        description="Look up editions of the ROK–Central Asia Cooperation Forum (2007–).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} (data {DATA_VERSION})"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    parser.commands = {}
    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON for machines")
    common.add_argument("--data", metavar="DIR", help="read this data directory, not the bundled")

    def command(name: str, help_text: str, lang: str = "") -> Parser:
        made: Parser = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            epilog="examples:\n"
            + "".join(f"  rok-ca-forum {example}\n" for example in COMMAND_EXAMPLES[name]),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if lang:  # only where something can be translated
            made.add_argument("--lang", default="en", metavar="LANG", help=lang)
        parser.commands[name] = made
        return made

    titles = "language of titles and country names: en (default), ko or ru; any case"
    listing = command("list", "list the editions, one line each; filters narrow it", titles)
    for flag, what in (("since", "first year"), ("until", "last year")):
        listing.add_argument(f"--{flag}", type=int, metavar="YEAR", help=what)
    for flag, what in (
        ("host", "host country: code or name"), ("country", "a country that sent a delegation"),
        ("city", "city it met in"), ("theme", "theme: slug, label or alias"),
        ("level", "ministerial or vice-ministerial"), ("format", "in-person, virtual, hybrid"),
        ("status", "held or planned"), ("head", "a head of delegation: name or id"),
    ):  # fmt: skip
        listing.add_argument(f"--{flag}", action="append", metavar=flag.upper(),
                             help=f"{what} (repeat for any of several)")  # fmt: skip
    show = command("show", "show one edition in full", titles)
    show.add_argument("edition", nargs="?", help="number, name or year: 12, 12th, twelfth, 2019")
    show.add_argument("--year", type=int, help="the edition that met in this year")
    search = command("search", "find editions mentioning some words, best first", titles)
    search.add_argument("text", nargs="+", help="the words to look for")
    command("countries", "list the six member states", "language of the names: en, ko, ru, de, …")
    command("themes", "list the theme vocabulary")
    command("people", "list everyone the data names: heads of delegation and of the Secretariat")
    command("secretariat", "show the Forum Secretariat")
    command("bodies", "list the related bodies (Business Council, summits, …)")
    check = command("validate", "check a data directory: every problem, one a line; exit 1 if any")
    check.add_argument(
        "directory", metavar="DIR", nargs="?", help="a directory laid out like data/ (or --data)"
    )
    export = command("export", "write every table as CSV, with a Frictionless datapackage.json")
    export.add_argument("directory", metavar="DIR", help="where to write (created if missing)")
    return parser
