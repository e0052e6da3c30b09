"""Command line: `python -m actionplan check|export [PATH]` for people who automate or review a workbook."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .briefing import add_briefing_command
from .export import plan_csv
from .load import WORKBOOK_ENV, load_plan, workbook_path


def _check(args: argparse.Namespace) -> int:
    plan = load_plan(args.path)
    path = workbook_path(args.path)
    for finding in plan.findings:
        print(finding)
    errors, warnings = len(plan.errors), len(plan.warnings)
    summary = f"{path}: {len(plan.activities)} activities, {len(plan.steps)} steps, {errors} errors, {warnings} warnings"
    print(summary, file=sys.stderr)
    return 1 if errors else 0


def _export(args: argparse.Namespace) -> int:
    plan = load_plan(args.path)
    if not plan.usable:
        for finding in plan.errors:
            print(finding, file=sys.stderr)
        return 1
    sys.stdout.write(plan_csv(plan))
    return 0


def _set_password(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .access import set_password_command

    return set_password_command(Path(args.secrets))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; other modules add their subcommands through `COMMANDS`."""
    parser = argparse.ArgumentParser(prog="python -m actionplan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    path_help = f"the workbook (default: ${WORKBOOK_ENV}, else data/plan.xlsx)"
    check = commands.add_parser("check", help="print the findings, one a line; exit 1 when there is an error")
    check.add_argument("path", nargs="?", help=path_help)
    check.set_defaults(run=_check)
    export = commands.add_parser("export", help="write the activities as CSV to stdout")
    export.add_argument("path", nargs="?", help=path_help)
    export.set_defaults(run=_export)
    password = commands.add_parser("set-password", help="set the editor password (stored as a salted hash in "
                                   "[editors] password_hash of .streamlit/secrets.toml); read from stdin if not a tty")
    password.add_argument("--secrets", default=".streamlit/secrets.toml", help="the secrets file to update")
    password.set_defaults(run=_set_password)
    add_briefing_command(commands, path_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.run(args)
