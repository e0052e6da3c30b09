"""The command line's `--lang en|ru|tk`, defined once for every command that prints sentences, and argparse's own
words (usage, the section titles, -h's help, error) in that language.

argparse takes its words from the process-wide gettext, which would give every thread one language: instead the
parser and its help formatter put ours in their place, read when the help or the error is written (inside
`i18n.using(lang)`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from .translator import DEFAULT, LANGUAGES, N_, _

# argparse's section titles (as Python 3.10+ writes them) and the words we say instead.
SECTION_TITLES = {"options": N_("options"), "positional arguments": N_("positional arguments")}
USAGE = N_("usage: ")
HELP = N_("show this help message and exit")
ERROR = N_("{prog}: error: {message}")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help with its usage prefix and section titles in the active language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _(USAGE) if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_(SECTION_TITLES[heading]) if heading in SECTION_TITLES else heading)


class ArgumentParser(argparse.ArgumentParser):
    """An argument parser (and, through add_subparsers, its subcommands') whose own words follow the language."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(add_help=False, **kwargs)
        if add_help:  # argparse's own -h, with its help in the active language
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=_(HELP))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _(ERROR).format(prog=self.prog, message=message) + "\n")


def add_lang_argument(command: argparse.ArgumentParser, what: str) -> None:
    """`--lang` on a (sub)command: `what` (translated) says what follows the language (its findings, the pack)."""
    codes = ", ".join(LANGUAGES)
    command.add_argument(
        "--lang",
        choices=tuple(LANGUAGES),
        default=DEFAULT,
        help=_("{what}: {codes} (default {default})").format(what=what, codes=codes, default=DEFAULT),
    )
