"""The command line, in one place: `python -m actionplan check|export|briefing|set-password|synth`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import briefing, words
from .plan.export import plan_csv
from .plan.load import WORKBOOK_ENV, Plan, load_plan, workbook_path


def _check(args: argparse.Namespace) -> int:
    plan = load_plan(args.path)
    path = workbook_path(args.path)
    for finding in plan.findings:
        print(finding)
    errors, warnings = len(plan.errors), len(plan.warnings)
    summary = (
        f"{path}: {len(plan.activities)} activities, {len(plan.steps)} steps, {errors} errors, {warnings} warnings"
    )
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
    from .keeping.access import set_password_command  # scrypt and getpass: only when asked

    return set_password_command(Path(args.secrets))


def _synth(args: argparse.Namespace) -> int:
    from .plan.synth import write_synth  # only when asked

    rows = write_synth(args.out, args.activities, args.seed)
    size = Path(args.out).stat().st_size
    print(
        f"Wrote {args.out}: {len(rows.activities)} activities, {len(rows.steps)} steps, "
        f"{len(rows.planted)} planted findings, {size / 2**20:.1f} MB",
        file=sys.stderr,
    )
    return 0


def _day_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day; write it as YYYY-MM-DD") from None


def _add_briefing_command(commands, path_help: str) -> None:
    """The `briefing` subcommand."""
    command = commands.add_parser(
        "briefing",
        help="write the General Conference briefing pack as Word (.docx) or Excel (.xlsx)",
        description="The briefing pack the Briefing page shows, as a file. "
        "Choose a session (--session 42) or a date range (--from/--to).",
    )
    command.add_argument("path", nargs="?", help=path_help)
    command.add_argument("--workbook", help="the workbook, as PATH (either may be given)")
    command.add_argument("--session", help="a General Conference session in Milestones: 42, 42nd or part of its name")
    command.add_argument(
        "--from", dest="start", type=_day_argument, metavar="YYYY-MM-DD", help="first day of a date range"
    )
    command.add_argument("--to", dest="end", type=_day_argument, metavar="YYYY-MM-DD", help="last day of a date range")
    command.add_argument(
        "--as-of",
        dest="as_of",
        type=_day_argument,
        metavar="YYYY-MM-DD",
        help="status as of this day (default: the eve of the session, or the range's last day)",
    )
    command.add_argument("--since", help="an earlier version of the workbook (e.g. a backup) to list changes against")
    command.add_argument("--format", choices=tuple(briefing.FORMATS), help="default: the suffix of --out, else docx")
    command.add_argument("--out", help="the file to write (default: briefing-<session>-as-of-<day>.<format>)")
    command.set_defaults(run=_briefing)


def _briefing(args: argparse.Namespace) -> int:
    """Write the pack; 0 when written, 1 when the workbook cannot be used, 2 when the request is not understood."""
    if args.path and args.workbook and args.path != args.workbook:
        return _fail("give the workbook once, as PATH or as --workbook", 2)
    plan = load_plan(args.workbook or args.path)
    if not plan.usable:
        for finding in plan.errors:
            print(finding, file=sys.stderr)
        return 1
    try:
        scope = _scope_from(plan, args)
    except ValueError as problem:
        return _fail(str(problem), 2)
    since = None
    if args.since:
        if not Path(args.since).is_file():
            return _fail(f"the earlier version {args.since} does not exist", 2)
        since = load_plan(args.since)
    suffix = Path(args.out).suffix.lstrip(".").lower() if args.out else ""
    fmt = args.format or (suffix if suffix in briefing.FORMATS else "docx")
    out = Path(args.out or f"{briefing.file_stem(scope)}.{fmt}")
    pack = briefing.build_briefing(plan, scope, since)
    out.write_bytes(briefing.render(pack, fmt))
    print(
        f"Wrote {out}: {scope.title}, {words.activities(len(pack.activities))} in scope, "
        f"as of {words.day(scope.as_of)}",
        file=sys.stderr,
    )
    return 0


def _scope_from(plan: Plan, args: argparse.Namespace) -> briefing.Scope:
    ranged = args.start is not None or args.end is not None
    if args.session and ranged:
        raise ValueError("give either --session or --from/--to, not both")
    if args.session:
        return briefing.session_scope(plan, briefing.find_session(plan, args.session), args.as_of)
    if args.start is None or args.end is None:
        listed = "; ".join(session.label for session in briefing.sessions(plan)) or "none in Milestones"
        raise ValueError(f"give --session (sessions: {listed}) or both --from and --to")
    return briefing.range_scope(plan, args.start, args.end, args.as_of)


def _fail(message: str, code: int) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return code


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="python -m actionplan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    path_help = f"the workbook (default: ${WORKBOOK_ENV}, else data/plan.xlsx)"
    check = commands.add_parser("check", help="print the findings, one a line; exit 1 when there is an error")
    check.add_argument("path", nargs="?", help=path_help)
    check.set_defaults(run=_check)
    export = commands.add_parser("export", help="write the activities as CSV to stdout")
    export.add_argument("path", nargs="?", help=path_help)
    export.set_defaults(run=_export)
    password = commands.add_parser(
        "set-password",
        help="set the editor password (stored as a salted hash in "
        "[editors] password_hash of .streamlit/secrets.toml); read from stdin if not a tty",
    )
    password.add_argument("--secrets", default=".streamlit/secrets.toml", help="the secrets file to update")
    password.set_defaults(run=_set_password)
    _add_briefing_command(commands, path_help)
    synth = commands.add_parser(
        "synth", help="write a synthetic plan workbook of any size (invented data, for benchmarks and tests)"
    )
    synth.add_argument("--activities", type=int, default=10_000, help="how many activities (default 10000)")
    synth.add_argument("--out", required=True, help="the .xlsx file to write")
    synth.add_argument("--seed", type=int, default=1, help="the same seed gives the same workbook (default 1)")
    synth.set_defaults(run=_synth)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.run(args)
