"""`python -m actionplan round start|status|return`: a reporting round from the command line.

round start --name "Before GC 44" --due 2027-09-30 --out forms/ [--lang ru] [PATH]
round status [--round ID] [PATH]
round return FILE... --editor NAME [--round ID] [PATH]   (the editor password is read from stdin or asked)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tomllib
from datetime import date
from pathlib import Path

from .. import i18n
from ..i18n import _, n_
from ..keeping import access
from ..keeping.faults import SaveRefused
from ..keeping.merge import MergeNeeded
from ..keeping.store import Store
from ..keeping.throttle import StoreThrottle
from ..plan.load import workbook_path
from . import glance, issue, records, returns, take
from .leads import lead_name


def add_round_command(commands: argparse._SubParsersAction, path_help: str) -> None:  # type: ignore[type-arg]
    """The `round` subcommand and its three actions."""
    command = commands.add_parser("round", help=_("a reporting round: update forms for each National lead and back"))
    actions = command.add_subparsers(dest="round_action", required=True)
    start = actions.add_parser("start", help=_("write one update form per National lead into --out"))
    start.add_argument("--name", required=True, help=_('the round\'s name, e.g. "Before GC 44"'))
    start.add_argument("--due", required=True, type=_day, help=_("when the forms are due back (YYYY-MM-DD)"))
    start.add_argument("--out", required=True, help=_("the folder to write the forms into"))
    i18n.add_lang_argument(start, _("the language of the forms and of what the command says"))
    start.add_argument("path", nargs="?", help=path_help)
    start.set_defaults(run=_start)
    status = actions.add_parser("status", help=_("who has returned their form, who has not, with reminders"))
    status.add_argument("--round", help=_("the round's ID (default: the latest)"))
    status.add_argument("path", nargs="?", help=path_help)
    i18n.add_lang_argument(status, _("the language of the listing and the reminders"))
    status.set_defaults(run=_status)
    taken = actions.add_parser("return", help=_("take returned forms into the workbook (an editor's password)"))
    taken.add_argument("files", nargs="+", help=_("the returned .xlsx forms"))
    taken.add_argument("--editor", required=True, help=_("your name, recorded in the change log"))
    taken.add_argument("--round", help=_("the round's ID (default: the latest)"))
    taken.add_argument("--secrets", default=".streamlit/secrets.toml", help=_("where the editor password hash is"))
    taken.add_argument("--path", dest="path", help=path_help)
    i18n.add_lang_argument(taken, _("the language of what the command says"))
    taken.set_defaults(run=_return)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{text}' is not a date such as 2027-09-30").format(text=text)) from None


def _fail(message: str, code: int = 1) -> int:
    print(f"round: {message}", file=sys.stderr)
    return code


def _start(args: argparse.Namespace) -> int:
    path = workbook_path(args.path)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _fail(_("{path} is not a folder").format(path=out))
    try:
        issued = issue.start_round(
            Store.beside(path), path, name=args.name, due=args.due, lang=args.lang, started_by=_who()
        )
    except (issue.NotStarted, OSError) as problem:
        return _fail(str(problem))
    warning = issue.lead_warning(issued.asked)
    if warning:
        print(warning, file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    for form, content in issued.forms:
        (out / form.filename).write_bytes(content)
        print(f"{out / form.filename}\t{len(form.activities)}\t{lead_name(form.lead)}")
    round_ = issued.round
    forms = n_("{n} form", "{n} forms", len(issued.forms)).format(n=len(issued.forms))
    started = _('Round "{name}" ({id}) started: {forms} in {folder}, due {due}.')
    print(started.format(name=round_.name, id=round_.id, forms=forms, folder=out, due=round_.due), file=sys.stderr)
    return 0


def _who() -> str:
    try:
        return f"{getpass.getuser()} (command line)"
    except (KeyError, OSError):
        return "command line"


def _round(store: Store, path: Path, wanted: str | None) -> records.Round | None:
    if wanted:
        return records.round_by_id(store, wanted)
    found = records.rounds(store, path.name)
    return found[0] if found else None


def _status(args: argparse.Namespace) -> int:
    path = workbook_path(args.path)
    store = Store.beside(path)
    round_ = _round(store, path, args.round)
    if round_ is None:
        return _fail(_("no reporting round has been started for this workbook (round start starts one)"))
    seen = glance.glance(store, round_, date.today())
    title = _('Round "{name}" ({id})').format(name=round_.name, id=round_.id)
    print(f"{title}: {seen.headline()}; {seen.news()}. {seen.due()}")
    for state in seen.forms:
        when = _returned(state) if state.latest else (_("OVERDUE") if seen.overdue else _("missing"))
        form = _("form {number}").format(number=f"{state.form.number:>2}")
        print(f"  {form}  {when:<24}  {lead_name(state.form.lead)}")
    for state in seen.missing:
        heading = _("--- reminder for {lead} ---").format(lead=lead_name(state.form.lead))
        print(f"\n{heading}\n{glance.reminder(round_, state, seen.today)}")
    return 0


def _returned(state) -> str:
    """When a form came back, and how often when more than once."""
    when = _("returned {time}").format(time=f"{state.latest.received_at:%Y-%m-%d %H:%M}")
    if state.times_returned > 1:
        times = n_("{n} time", "{n} times", state.times_returned).format(n=state.times_returned)
        when += " " + _("({times}, the latest counts)").format(times=times)
    return when


def _editor(args: argparse.Namespace, store: Store) -> access.Editor:
    section: dict[str, object] = {}
    secrets = Path(args.secrets)
    if secrets.is_file():
        with secrets.open("rb") as source:
            section = tomllib.load(source).get(access.SECRETS_SECTION) or {}
    password = getpass.getpass(_("Editor password: ")) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    throttle = StoreThrottle(store)
    return access.sign_in_with_password(args.editor, password, access.configured_hash(section, os.environ), throttle)


def _return(args: argparse.Namespace) -> int:
    path = workbook_path(args.path)
    store = Store.beside(path)
    round_ = _round(store, path, args.round)
    if round_ is None:
        return _fail(_("no reporting round has been started for this workbook"))
    try:
        editor = _editor(args, store)
    except access.SignInRefused as refused:
        return _fail(str(refused))
    forms = records.forms(store, round_.id)
    failed = 0
    for name in args.files:
        file = Path(name)
        try:
            returned = returns.read_return(round_, forms, file.name, file.read_bytes())
            if any(r.sha256 == returned.sha256 for r in records.returns(store, round_.id)):
                print(_("already taken: {file} (the same file is not taken twice)").format(file=file.name))
                continue
            taken = take.take(editor, store, path, take.prepare_taking(store, path, round_, returned))
        except returns.NotAccepted as refused:
            failed += 1
            print(_("refused: {reason}").format(reason=refused), file=sys.stderr)
            continue
        except MergeNeeded as needed:
            failed += 1
            cells = ", ".join(f"{c.key} {c.column}" for c in needed.conflicts)
            changed = _("not taken: {file}: changed since by someone else too ({cells}); choose on the Data page")
            print(changed.format(file=file.name, cells=cells))
            continue
        except (SaveRefused, OSError) as problem:
            failed += 1
            print(_("not taken: {file}: {problem}").format(file=file.name, problem=problem), file=sys.stderr)
            continue
        changed = n_("{n} activity changed", "{n} activities changed", len(taken.activities))
        took = _("taken: {file} from {lead}: {changed}")
        print(
            took.format(
                file=file.name, lead=lead_name(returned.form.lead), changed=changed.format(n=len(taken.activities))
            )
        )
    return 1 if failed else 0
