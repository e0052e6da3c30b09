"""The command line, in one place: `python -m actionplan check|export|briefing|set-password|import|synth|round`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import briefing, i18n, words
from .i18n import N_, _, n_
from .keeping import backups
from .plan.export import plan_csv
from .plan.load import WORKBOOK_ENV, Plan, load_plan, plan_in_language, workbook_path
from .rounds.command import add_round_command

DESCRIPTION = N_(
    "The Action Plan dashboard's command line: check, export, briefing, set-password, import, synth, round."
)


def _check(args: argparse.Namespace) -> int:
    plan = load_plan(args.path)
    path = workbook_path(args.path)
    for finding in plan.findings:
        print(finding)
    errors, warnings = len(plan.errors), len(plan.warnings)
    counts = ", ".join(
        (
            words.activities(len(plan.activities)),
            n_("{n} step", "{n} steps", len(plan.steps)).format(n=len(plan.steps)),
            n_("{n} error", "{n} errors", errors).format(n=errors),
            n_("{n} warning", "{n} warnings", warnings).format(n=warnings),
        )
    )
    print(f"{path}: {counts}", file=sys.stderr)
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
    steps, planted = len(rows.steps), len(rows.planted)
    counts = ", ".join(
        (
            words.activities(len(rows.activities)),
            n_("{n} step", "{n} steps", steps).format(n=steps),
            n_("{n} planted finding", "{n} planted findings", planted).format(n=planted),
            _("{size} MB").format(size=words.number(round(size / 2**20, 1))),
        )
    )
    print(_("Wrote {file}: {counts}").format(file=args.out, counts=counts), file=sys.stderr)
    return 0


def _day_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{text}' is not a day; write it as YYYY-MM-DD").format(text=text)) from None


def _add_briefing_command(commands, path_help: str) -> None:
    """The `briefing` subcommand."""
    command = commands.add_parser(
        "briefing",
        help=_("write the General Conference briefing pack as Word (.docx) or Excel (.xlsx)"),
        description=_(
            "The briefing pack the Briefing page shows, as a file. "
            "Choose a session (--session 42) or a date range (--from/--to)."
        ),
    )
    command.add_argument("path", nargs="?", help=path_help)
    command.add_argument("--workbook", help=_("the workbook, as PATH (either may be given)"))
    command.add_argument(
        "--session", help=_("a General Conference session in Milestones: 42, 42nd or part of its name")
    )
    command.add_argument(
        "--from", dest="start", type=_day_argument, metavar="YYYY-MM-DD", help=_("first day of a date range")
    )
    command.add_argument(
        "--to", dest="end", type=_day_argument, metavar="YYYY-MM-DD", help=_("last day of a date range")
    )
    command.add_argument(
        "--as-of",
        dest="as_of",
        type=_day_argument,
        metavar="YYYY-MM-DD",
        help=_("status as of this day (default: the eve of the session, or the range's last day)"),
    )
    command.add_argument(
        "--since", help=_("an earlier version of the workbook (e.g. a backup) to list changes against")
    )
    command.add_argument(
        "--format",
        choices=tuple(briefing.FORMATS),
        help=_(
            "docx (the Word pack), xlsx (the Excel pack), brief-docx or brief-pdf (the one-page brief; PDF needs "
            "LibreOffice); default: from the suffix of --out (.pdf: brief-pdf), else docx"
        ),
    )
    command.add_argument("--out", help=_("the file to write (default: briefing-<session>-as-of-<day>.<suffix>)"))
    i18n.add_lang_argument(command, _("the language of the pack"))
    command.set_defaults(run=_briefing)


def _briefing(args: argparse.Namespace) -> int:
    """Write the pack; 0 when written, 1 when the workbook or the file cannot be used, 2 when the request is not
    understood. Never a traceback: anything unexpected is one line naming what failed."""
    try:
        return _write_briefing(args)
    except briefing.PdfUnavailable as problem:
        return _fail(str(problem), 1)
    except OSError as problem:
        return _fail(_("cannot write the file ({problem})").format(problem=problem.strerror or problem), 1)
    except Exception as problem:  # noqa: BLE001  # the promise: one line, not a traceback
        return _fail(
            _("the pack could not be written ({problem})").format(problem=f"{type(problem).__name__}: {problem}"), 1
        )


def _write_briefing(args: argparse.Namespace) -> int:
    if args.path and args.workbook and args.path != args.workbook:
        return _fail(_("give the workbook once, as PATH or as --workbook"), 2)
    plan = load_plan(args.workbook or args.path)
    if not plan.usable:
        for finding in plan.errors:
            print(finding, file=sys.stderr)
        return 1
    try:
        scope = _scope_from(plan_in_language(plan, i18n.current().lang), args)  # the session named as read
    except ValueError as problem:
        return _fail(str(problem), 2)
    since = None
    if args.since:
        if not Path(args.since).is_file():
            return _fail(_("the earlier version {path} does not exist").format(path=args.since), 2)
        since = load_plan(args.since)
    suffix = Path(args.out).suffix.lstrip(".").lower() if args.out else ""
    by_suffix = {"docx": "docx", "xlsx": "xlsx", "pdf": "brief-pdf"}
    fmt = args.format or by_suffix.get(suffix, "docx")
    out = Path(args.out or briefing.file_name(scope, fmt))
    taken = backups.taken_at(since.source.path) if since is not None and since.source else None
    pack = briefing.build_briefing(plan, scope, since, since_taken=taken)
    content = briefing.render(pack, fmt)
    out.write_bytes(content)
    print(
        _("Wrote {file}: {title}, {activities} in scope, as of {day}").format(
            file=out,
            title=" ".join(scope.title.split()),
            activities=words.activities(len(pack.activities)),
            day=words.day(scope.as_of),
        ),
        file=sys.stderr,
    )
    return 0


def _scope_from(plan: Plan, args: argparse.Namespace) -> briefing.Scope:
    ranged = args.start is not None or args.end is not None
    if args.session and ranged:
        raise ValueError(_("give either --session or --from/--to, not both"))
    if args.session:
        return briefing.session_scope(plan, briefing.find_session(plan, args.session), args.as_of)
    if args.start is None or args.end is None:
        listed = "; ".join(session.label for session in briefing.sessions(plan)) or _("none in Milestones")
        raise ValueError(_("give --session (sessions: {listed}) or both --from and --to").format(listed=listed))
    return briefing.range_scope(plan, args.start, args.end, args.as_of)


def _fail(message: str, code: int) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return code


def _import(args: argparse.Namespace) -> int:
    """Import a plan document into a new workbook; 0 when written and checked, 1 when check finds an error, 2 when
    the source cannot be read or --out exists without --force."""
    from .importing import import_file, write_import  # python-docx only when importing

    source, out = Path(args.source), Path(args.out)
    if not source.is_file():
        print("import: " + _("{path} does not exist").format(path=source), file=sys.stderr)
        return 2
    if out.exists() and not args.force:
        print(
            "import: "
            + _("{path} already exists; choose another --out, or add --force to replace it").format(path=out),
            file=sys.stderr,
        )
        return 2
    try:
        result = import_file(source, suggest=not args.no_suggest)
    except Exception as problem:  # a damaged or unexpected document: say so, never a traceback  # noqa: BLE001
        print(
            "import: " + _("{path} cannot be read as a plan ({problem})").format(path=source, problem=problem),
            file=sys.stderr,
        )
        return 2
    try:
        write_import(result, out, force=args.force)
    except FileExistsError:
        print("import: " + _("{path} already exists; add --force to replace it").format(path=out), file=sys.stderr)
        return 2
    for line in result.summary():
        print(line)
    plan = load_plan(out)
    errors, warnings = len(plan.errors), len(plan.warnings)
    found = ", ".join(
        (
            n_("{n} error", "{n} errors", errors).format(n=errors),
            n_("{n} warning", "{n} warnings", warnings).format(n=warnings),
        )
    )
    print(_("Wrote {file}: check finds {found}").format(file=out, found=found))
    for finding in plan.findings:
        print(f"  {finding}")
    return 1 if plan.errors else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = i18n.ArgumentParser(prog="python -m actionplan", description=_(DESCRIPTION))
    commands = parser.add_subparsers(dest="command", required=True)
    path_help = _("the workbook (default: ${env}, else data/plan.xlsx)").format(env=WORKBOOK_ENV)
    check = commands.add_parser("check", help=_("print the findings, one a line; exit 1 when there is an error"))
    check.add_argument("path", nargs="?", help=path_help)
    i18n.add_lang_argument(check, _("the language of the findings"))
    check.set_defaults(run=_check)
    export = commands.add_parser("export", help=_("write the activities as CSV to stdout"))
    export.add_argument("path", nargs="?", help=path_help)
    i18n.add_lang_argument(export, _("the language of the errors it prints (the CSV stays as the workbook has it)"))
    export.set_defaults(run=_export)
    password = commands.add_parser(
        "set-password",
        help=_(
            "set the editor password (stored as a salted hash in "
            "[editors] password_hash of .streamlit/secrets.toml); read from stdin if not a tty"
        ),
    )
    password.add_argument("--secrets", default=".streamlit/secrets.toml", help=_("the secrets file to update"))
    i18n.add_lang_argument(password, _("the language of its questions and messages"))
    password.set_defaults(run=_set_password)
    _add_briefing_command(commands, path_help)
    plan_import = commands.add_parser(
        "import",
        help=_("read a plan document (.docx, text export, .html) into a new workbook with an import report"),
    )
    plan_import.add_argument("source", help=_("the plan document: .docx, a text export (.txt) or an HTML table"))
    plan_import.add_argument("--out", required=True, help=_("the workbook to write (.xlsx)"))
    plan_import.add_argument("--force", action="store_true", help=_("replace --out if it exists"))
    plan_import.add_argument(
        "--no-suggest", action="store_true", help=_("leave Domain, Convention and Programme blank (no suggestions)")
    )
    i18n.add_lang_argument(plan_import, _("the language of the summary and of the report's notes"))
    plan_import.set_defaults(run=_import)
    add_round_command(commands, path_help)
    synth = commands.add_parser(
        "synth", help=_("write a synthetic plan workbook of any size (invented data, for benchmarks and tests)")
    )
    synth.add_argument("--activities", type=int, default=10_000, help=_("how many activities (default 10000)"))
    synth.add_argument("--out", required=True, help=_("the .xlsx file to write"))
    synth.add_argument("--seed", type=int, default=1, help=_("the same seed gives the same workbook (default 1)"))
    i18n.add_lang_argument(synth, _("the language of its summary line"))
    synth.set_defaults(run=_synth)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line in the language asked for (--lang, where the command takes it); returns the exit code."""
    with i18n.using(_lang_asked(argv)):  # argument errors (a day not understood) in that language too
        args = build_parser().parse_args(argv)
        return args.run(args)


def _lang_asked(argv: Sequence[str] | None) -> str:
    """The --lang given anywhere on the line (English when none, or one not spoken: the parser then says so)."""
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--lang", default=i18n.DEFAULT)
    asked, _rest = first.parse_known_args(argv)
    return i18n.supported(asked.lang) or i18n.DEFAULT
