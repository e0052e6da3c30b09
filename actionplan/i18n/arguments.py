"""The command line's `--lang en|ru|tk`, defined once for every command that prints sentences."""

from __future__ import annotations

import argparse

from .translator import DEFAULT, LANGUAGES


def add_lang_argument(command: argparse.ArgumentParser, what: str) -> None:
    """`--lang` on a (sub)command: `what` says what follows the language (its findings, the pack, the forms)."""
    codes = ", ".join(LANGUAGES)
    command.add_argument(
        "--lang", choices=tuple(LANGUAGES), default=DEFAULT, help=f"{what}: {codes} (default {DEFAULT})"
    )
