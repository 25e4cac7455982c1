"""Command-line verbs for HR and batch work: same entry point as the GUI (main.py)."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from pcso_interview import paths
from pcso_interview.app_args import app_parser
from pcso_interview.lifecycle import (
    INTERVIEW_LANGUAGE_NAMES,
    INTERVIEW_LANGUAGES,
    SessionRuleError,
    Status,
)
from pcso_interview.plain_text import one_line, printable
from pcso_interview.profiles import (
    BUILTIN_FILE,
    ProfileFileError,
    collect_profiles,
    load_profiles,
    profile_warnings,
    read_profile_file,
)
from pcso_interview.store import (
    CorruptDatabaseError,
    LockedSessionError,
    SessionQuery,
    Store,
    StoreError,
    UnknownSessionError,
    backup_candidates,
    restore_backup,
)
from pcso_interview.store.archive.connect import describe as describe_archive
from pcso_interview.store.archive.connect import is_archive_url
from pcso_interview.store.identity import User
from pcso_interview.store.reading import SessionReader
from pcso_interview.store.records import SORT_COLUMNS
from pcso_interview.use_cases import BatchResult

if TYPE_CHECKING:
    Verbs = argparse._SubParsersAction[argparse.ArgumentParser]


class UserError(Exception):
    """A mistake the user can fix; printed as one line on stderr, exit status 1."""


def build_parser(
    extra_verbs: Sequence[Callable[[Verbs], None]] = (),
) -> argparse.ArgumentParser:
    """The parser; ``extra_verbs`` lets outer layers (the marking sheet) add their verbs."""
    parser = app_parser(db_help=f"the sessions database (default: {paths.default_db_path()})")
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    p = verbs.add_parser("profiles", help="list every profile, or check a force file")
    p.add_argument("--check", type=Path, metavar="FILE", help="validate a force file and exit")
    p.set_defaults(handler=cmd_profiles)

    p = verbs.add_parser("sessions", help="list sessions, newest first")
    p.add_argument("--status", action="append", default=[], choices=[s.value for s in Status])
    p.add_argument("--profile", default="", help="profile id")
    p.add_argument("--outcome", default="", choices=["", "pass", "fail", "incomplete", "withdrawn"])
    p.add_argument("--from", dest="date_from", default="", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", default="", metavar="YYYY-MM-DD")
    p.add_argument("--text", default="", help="candidate, reference or panel member")
    p.add_argument("--campaign", default="", help="sessions of this campaign only")
    p.add_argument(
        "--language", default="", choices=["", *INTERVIEW_LANGUAGES], help="of the interview"
    )
    p.add_argument("--sort", default="date", choices=list(SORT_COLUMNS))
    p.add_argument("--ascending", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p.set_defaults(handler=cmd_sessions)

    p = verbs.add_parser(
        "statistics",
        help="HR insight over signed sessions: adverse impact, assessors, agreement, drift",
    )
    p.add_argument("--profile", default="", help="profile id (default: every profile)")
    p.add_argument("--campaign", default="", help="one campaign only")
    p.add_argument("--from", dest="date_from", default="", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", default="", metavar="YYYY-MM-DD")
    p.add_argument(
        "--all-assessors",
        action="store_true",
        help="list assessors with fewer than 10 compared grades too",
    )
    p.add_argument("--json", action="store_true", help="one JSON document instead of tables")
    p.set_defaults(handler=cmd_statistics)

    p = verbs.add_parser("equality", help="equality-monitoring data from the recruitment system")
    equality = p.add_subparsers(dest="equality_verb", metavar="ACTION", required=True)
    e = equality.add_parser(
        "import",
        help="import a CSV: a candidate reference column and any characteristic columns",
    )
    e.add_argument("file", type=Path, metavar="FILE")
    _add_user(e)
    e.set_defaults(handler=cmd_equality_import)

    p = verbs.add_parser("campaign", help="HR: move sessions to a campaign (audited)")
    p.add_argument("sessions", nargs="+", metavar="SESSION", help="session ids or references")
    p.add_argument("--set", dest="campaign", required=True, metavar="NAME", help="the campaign")
    _add_user(p)
    p.set_defaults(handler=cmd_campaign)

    p = verbs.add_parser("show", help="one session: details, grades, outcome, sign-off")
    p.add_argument("session", help="session id (or a unique prefix) or candidate reference")
    p.set_defaults(handler=cmd_show)

    p = verbs.add_parser("export", help="write a session file (or one member's marks)")
    p.add_argument("session")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--member", default="", help="export only this member's marks (member id)")
    p.set_defaults(handler=cmd_export)

    p = verbs.add_parser("import", help="import session files or member-marks files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _add_user(p, required=False)
    p.set_defaults(handler=cmd_import)

    p = verbs.add_parser(
        "check", help="check the whole database: audit chain, signed records, issued sheets"
    )
    p.set_defaults(handler=cmd_check)

    p = verbs.add_parser("signing-key", help="the key that signs this installation's sheets")
    keys = p.add_subparsers(dest="key_verb", metavar="ACTION", required=True)
    k = keys.add_parser("import", help="install a force's key and certificate (PKCS#12)")
    k.add_argument("file", type=Path, metavar="FILE.p12")
    k.set_defaults(handler=cmd_signing_key_import)
    k = keys.add_parser("show", help="which key signs this installation's sheets")
    k.set_defaults(handler=cmd_signing_key_show)

    p = verbs.add_parser("purge", help="delete closed sessions past their retention period")
    p.add_argument("--older-than-retention", action="store_true", required=True)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _add_user(p)
    p.set_defaults(handler=cmd_purge)

    p = verbs.add_parser("reopen", help="HR: reopen signed or withdrawn sessions, with a reason")
    p.add_argument(
        "sessions",
        nargs="+",
        metavar="SESSION",
        help="session ids, unique id prefixes or references",
    )
    p.add_argument("--reason", required=True, help="why it is reopened (kept in the audit)")
    _add_user(p)
    p.set_defaults(handler=cmd_reopen)

    p = verbs.add_parser("withdraw", help="HR: withdraw candidates' sessions, with a reason")
    p.add_argument(
        "sessions",
        nargs="+",
        metavar="SESSION",
        help="session ids, unique id prefixes or references",
    )
    p.add_argument("--reason", required=True, help="for example: did not attend")
    _add_user(p)
    p.set_defaults(handler=cmd_withdraw)

    p = verbs.add_parser("users", help="HR accounts: add, list, reset a forgotten passphrase")
    accounts = p.add_subparsers(dest="users_verb", metavar="ACTION", required=True)
    u = accounts.add_parser("add", help="add an HR account (the first one is an admin)")
    u.add_argument("name")
    u.add_argument("--role", choices=["hr", "admin"], default="hr")
    u.add_argument("--user", default="", metavar="ADMIN", help="the admin adding it")
    u.set_defaults(handler=cmd_users_add)
    u = accounts.add_parser("list", help="every account and its role")
    u.set_defaults(handler=cmd_users_list)
    u = accounts.add_parser("reset", help="an admin sets a new passphrase for a forgotten one")
    u.add_argument("name")
    _add_user(u, "ADMIN")
    u.set_defaults(handler=cmd_users_reset)

    p = verbs.add_parser("pin", help="members' PINs")
    pins = p.add_subparsers(dest="pin_verb", metavar="ACTION", required=True)
    u = pins.add_parser("reset", help="an admin clears a member's forgotten PIN")
    u.add_argument("session")
    u.add_argument("member", help="the member's id on that panel (m1, m2, ...)")
    _add_user(u, "ADMIN")
    u.set_defaults(handler=cmd_pin_reset)

    p = verbs.add_parser("archive", help="the force archive (PostgreSQL): set it up")
    archive = p.add_subparsers(dest="archive_verb", metavar="ACTION", required=True)
    a = archive.add_parser(
        "init", help="create or migrate the archive, and its uploader and HR roles (for the DBA)"
    )
    a.add_argument("url", metavar="URL", help="postgresql://USER@HOST/DATABASE (no password)")
    a.add_argument("--uploader-role", required=True, metavar="NAME")
    a.add_argument("--hr-role", required=True, metavar="NAME")
    a.set_defaults(handler=cmd_archive_init)

    p = verbs.add_parser(
        "push", help="send this laptop's signed sessions that the force archive lacks"
    )
    p.add_argument("url", metavar="URL", help="postgresql://USER@HOST/DATABASE (no password)")
    p.set_defaults(handler=cmd_push)

    p = verbs.add_parser(
        "demo", help="fill a database with invented sessions for every loaded profile"
    )
    p.add_argument(
        "--sessions",
        type=int,
        default=200,
        metavar="N",
        help="how many (at least one for each profile)",
    )
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument(
        "--profiles",
        dest="demo_profiles",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a force file whose profiles get sessions too (as --profiles before the command)",
    )
    p.add_argument(
        "--profile",
        dest="only",
        action="append",
        default=[],
        metavar="ID",
        help="only this profile (may be given more than once): a force rehearses on its own",
    )
    p.set_defaults(handler=cmd_demo)

    p = verbs.add_parser(
        "restore-backup", help="replace a damaged database by its newest good backup"
    )
    p.add_argument("--yes", action="store_true")
    p.add_argument("--force", action="store_true", help="restore even over a healthy database")
    p.set_defaults(handler=cmd_restore_backup)
    for add in extra_verbs:
        add(verbs)
    return parser


def cmd_profiles(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.check is not None:
        try:
            loaded = read_profile_file(args.check)
        except ProfileFileError as exc:
            raise UserError(str(exc)) from None
        builtin = {p.id for p in load_profiles()}
        clash = [p.id for p in loaded if p.id in builtin and args.check.resolve() != BUILTIN_FILE]
        if clash:
            raise UserError(
                f"{args.check}: profile id {clash[0]!r} is already a built-in profile;"
                " choose another id"
            )
        names = ", ".join(p.id for p in loaded)
        print(f"{args.check}: valid, {len(loaded)} profile(s): {names}", file=out)
        for index, profile in enumerate(loaded):
            for warning in profile_warnings(profile):
                print(
                    f"warning: {args.check}: at $.profiles[{index}].outcome_rule: {warning}",
                    file=err,
                )
        return 0
    profiles = collect_profiles(args.profiles)
    for error in profiles.errors:
        print(f"warning: skipped {error}", file=err)
    rows = [("ID", "FORCE", "ROLE", "GRADE", "FRAMEWORK", "AREAS", "INDICATORS")]
    rows += [
        (
            p.id,
            p.force,
            p.role_title,
            p.grade,
            p.framework,
            str(len(p.areas)),
            str(p.indicator_count),
        )
        for p in profiles
    ]
    _print_table(rows, out)
    return 0


PASSPHRASE_VARIABLE = "PCSO_PASSPHRASE"  # the signed-in user's, for scripts
NEW_PASSPHRASE_VARIABLE = "PCSO_NEW_PASSPHRASE"  # a new account's or a reset one's


def _add_user(
    parser: argparse.ArgumentParser, metavar: str = "NAME", *, required: bool = True
) -> None:
    parser.add_argument(
        "--user",
        required=required,
        default="",
        metavar=metavar,
        help=f"your HR account; the passphrase is asked for, or read from {PASSPHRASE_VARIABLE}",
    )


def _secret(variable: str, prompt: str, *, twice: bool = False) -> str:
    """A passphrase from the environment (scripts) or typed at a terminal, never an argument
    (arguments are visible to every user of the machine)."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UserError(f"give the passphrase at a terminal or in {variable}")
    value = getpass.getpass(prompt)
    if twice and getpass.getpass("Again: ") != value:
        raise UserError("the two passphrases differ; nothing was changed")
    return value


def signed_in(store: Store, args: argparse.Namespace, *, admin: bool = False) -> User:
    """The HR account named with --user, proven by its passphrase; UserError otherwise."""
    from pcso_interview.credentials import IdentityError

    if not getattr(args, "user", ""):
        raise UserError("name your HR account with --user")
    try:
        user = store.sign_in(
            args.user, _secret(PASSPHRASE_VARIABLE, f"Passphrase of {args.user}: ")
        )
    except IdentityError as exc:
        raise UserError(f"{exc} Nothing was changed.") from None
    if admin and not user.is_admin:
        raise UserError(f"{user.name} is not an HR admin; nothing was changed")
    return user


def output_file(text: str) -> Path:
    """A file to write: refused when it names a folder (Path would drop the final slash of
    "out/" and write a file called out) or nothing."""
    if not text.strip() or text.endswith(("/", os.sep)) or Path(text).is_dir():
        raise UserError(f"cannot write {text!r}: it is a folder, not a file (give the file's name)")
    return Path(text)


def db_path(args: argparse.Namespace) -> Path:
    """The laptop's database file; a UserError for the archive, which this verb cannot use."""
    if is_archive_url(args.db):
        raise UserError(
            f"`{args.verb}` works on a laptop's database, not on the force archive"
            f" ({describe_archive(args.db)}), which HR only reads: sessions, show, export, pdf,"
            " verify, check and statistics"
        )
    return Path(args.db) if args.db else paths.default_db_path()


def terminal_password(prompt: str) -> str | None:
    """The archive's password typed at a terminal (libpq reads ~/.pgpass and PGPASSWORD
    itself first); None when there is no terminal to ask at."""
    return getpass.getpass(prompt) if sys.stdin.isatty() else None


@contextmanager
def opened_reader(args: argparse.Namespace) -> Iterator[SessionReader]:
    """The sessions to read: the laptop's database, or the force archive for a URL."""
    if not is_archive_url(args.db):
        with opened_store(args) as store:
            yield store
        return
    from pcso_interview.store.archive.read import ArchiveStore

    archive = ArchiveStore.open(args.db, prompt=terminal_password)
    try:
        yield archive
    finally:
        archive.close()


@contextmanager
def opened_store(args: argparse.Namespace, *, create: bool = False) -> Iterator[Store]:
    """The laptop's database. Only the verbs that bring sessions or accounts in (demo, import,
    users add) make a new one: any other verb given a mistyped --db would make an empty
    database there and report on it (0 sessions, or a genuine sheet "not in this database")."""
    path = db_path(args)
    if not create and not path.exists():
        raise UserError(
            f"no database at {path}; nothing was created. Check --db, or start the app (or run"
            " `pcso-interview demo`) to make one"
        )
    try:
        store = Store.open(path)
    except CorruptDatabaseError as exc:
        hint = " Run `pcso-interview restore-backup` to use it." if exc.newest_good_backup else ""
        raise UserError(f"{exc}{hint}") from None
    except StoreError as exc:
        raise UserError(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


def _resolve(store: SessionReader, key: str) -> str:
    try:
        return store.resolve(key)
    except UnknownSessionError as exc:
        raise UserError(str(exc)) from None


def _valid_day(text: str, what: str) -> str:
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(f"{what} {text!r} is not a date (use YYYY-MM-DD)") from None


def cmd_sessions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    query = SessionQuery(
        text=args.text,
        status=tuple(args.status),
        profile_id=args.profile,
        outcome=args.outcome,
        date_from=_valid_day(args.date_from, "--from"),
        date_to=_valid_day(args.date_to, "--to"),
        campaign=args.campaign,
        language=args.language,
        sort=args.sort,
        descending=not args.ascending,
        offset=max(0, args.offset),
        limit=max(1, args.limit),
    )
    with opened_reader(args) as store:
        page = store.query_sessions(query)
    if args.json:
        for row in page.rows:
            print(json.dumps(row._asdict(), ensure_ascii=False), file=out)
        return 0
    table = [
        ("ID", "DATE", "REFERENCE", "CANDIDATE", "FORCE", "CHAIR", "STATUS", "OUTCOME", "TOTAL")
    ]
    table += [
        (
            r.id[:12],
            r.date,
            r.candidate_ref,
            r.candidate_name,
            r.force,
            r.chair_name,
            Status(r.status).label,
            r.outcome,
            f"{r.weighted_total} ({r.percentage})" if r.percentage else "",
        )
        for r in page.rows
    ]
    _print_table(table, out)
    shown = f"{query.offset + 1}-{query.offset + len(page.rows)}" if page.rows else "0"
    print(f"{shown} of {page.total} session(s)", file=err)
    return 0


def _print_table(rows: Sequence[tuple[str, ...]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)


def cmd_statistics(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.insight import (
        Selection,
        compute,
        figures_csv_rows,
        gather,
        profile_names,
        to_json,
    )

    selection = Selection(
        profile_id=args.profile,
        campaign=one_line(args.campaign),
        date_from=_valid_day(args.date_from, "--from"),
        date_to=_valid_day(args.date_to, "--to"),
    )
    if selection.date_from and selection.date_to and selection.date_from > selection.date_to:
        raise UserError(
            f"--from {selection.date_from} is after --to {selection.date_to}: no day is in both"
        )
    with opened_reader(args) as reader:
        # A profile whose force file is gone still has its sessions: chosen by its id.
        names = profile_names(collect_profiles(args.profiles), reader.profiles_in_use())
        if args.profile and args.profile not in names:
            raise UserError(f"no profile {args.profile!r}; `profiles` lists them")
        if selection.campaign and selection.campaign not in (known := reader.campaigns()):
            close = [c for c in known if c.casefold() == selection.campaign.casefold()]
            listed = ", ".join(repr(c) for c in known[:5]) + (" ..." if len(known) > 5 else "")
            hint = f"; did you mean {close[0]!r}?" if close else f"; campaigns: {listed or 'none'}"
            raise UserError(f"no session is in campaign {selection.campaign!r}{hint}")
        insight = compute(gather(reader, selection), selection)
    if args.json:
        document = to_json(insight, every_assessor=args.all_assessors)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
        return 0
    blocks: list[list[list[str]]] = [[]]
    for row in figures_csv_rows(insight, every_assessor=args.all_assessors, profile_names=names):
        if row:
            blocks[-1].append(row)
        else:
            blocks.append([])
    for number, block in enumerate(b for b in blocks if b):
        if number:
            print(file=out)
        width = max(len(row) for row in block)
        _print_table([tuple(row + [""] * (width - len(row))) for row in block], out)
    return 0


def cmd_equality_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.equality import EqualityFileError, read_equality_file

    try:
        data = read_equality_file(args.file)
    except EqualityFileError as exc:
        raise UserError(str(exc)) from None
    with opened_store(args) as store:
        user = signed_in(store, args)
        result = store.import_equality(data, user.name)
    print(f"imported {result.describe()}, by {user.name}", file=out)
    for reference in result.unmatched:
        print(f"no session has candidate reference {reference}", file=err)
    for reference in result.repeated:
        print(f"{reference} appears more than once in {args.file}: the last row was used", file=err)
    return 0


def cmd_campaign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened_store(args) as store:
        user = signed_in(store, args)
        ids = list(dict.fromkeys(_resolve(store, key) for key in args.sessions))
        moved = store.set_campaign(ids, args.campaign, user.name)
        name = store.campaign_of(ids[0])
    print(
        f"{moved} of {len(ids)} session(s) moved to campaign {name!r}"
        f" ({len(ids) - moved} already in it), by {user.name}",
        file=out,
    )
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened_reader(args) as store:
        session = store.load(_resolve(store, args.session))
        sheets = store.sheets(session.id)
        store_campaign = store.campaign_of(session.id) or "-"
    p = session.profile
    lines = [
        f"Session    {session.id}  (version {session.version}, {session.status.label})",
        f"Candidate  {session.candidate_name}  ref {session.candidate_ref}",
        f"Date       {session.date}  at {session.venue or '-'}",
        f"Campaign   {store_campaign}",
        f"Language   {INTERVIEW_LANGUAGE_NAMES[session.interview_language]}"
        f" ({session.interview_language}): the language of the interview",
        f"Profile    {p.title} · {p.framework_label} ({p.id})",
    ]
    for m in session.panel:
        signed = session.signoff(m.id)
        state = f"signed {signed.signed_at}" if signed else "not signed"
        lines.append(f"Panel      {m.name} ({m.role}, {m.number or 'no number'}): {state}")
    lines.append("")
    scale = p.scale

    def grade_text(grade: int | None) -> str:
        return "-" if grade is None else scale.label(grade)

    for area in session.planned_areas:
        grades = ", ".join(
            f"{m.name}: {grade_text(session.grades.get((m.id, area.id)))}" for m in session.panel
        )
        agreed = session.agreed_grade(area.id)
        flag = "  [spread 2+]" if session.spread_flagged(area.id) else ""
        lines.append(f"{area.name}: agreed {grade_text(agreed)} ({grades}){flag}")
        if session.rationale(area.id):
            lines.append(f"    rationale: {session.rationale(area.id)}")
    outcome = session.outcome
    lines += [
        "",
        f"Outcome    {outcome.result.label}: {outcome.score_text},"
        f" pass mark {outcome.pass_mark_text}",
    ]
    lines += [f"           - {reason}" for reason in outcome.reasons]
    if session.withdrawn_reason:
        lines.append(f"Withdrawn  {session.withdrawn_reason}")
    lines += [
        f"Sheet v{s['version']}   signed {s['signed_at']}  sha256 {s['digest']}" for s in sheets
    ]
    print("\n".join(lines), file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview import bundle

    output = output_file(args.output)
    with opened_reader(args) as store:
        session = store.load(_resolve(store, args.session))
        if args.member:
            try:
                data = bundle.member_marks_to_dict(session, args.member)
            except SessionRuleError as exc:
                raise UserError(str(exc)) from None
        else:
            data = bundle.session_to_dict(session, store.verify(session.id).stored_digest)
    try:
        bundle.write_json(output, data)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    what = f"{args.member}'s marks" if args.member else "session"
    print(f"exported {what} {session.id} ({session.candidate_ref}) to {output}", file=out)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview import use_cases

    with opened_store(args, create=True) as store:
        actor = use_cases.acting(signed_in(store, args) if args.user else None)
        results = use_cases.import_files(store, args.files, actor)
    for result in results:
        print(
            result.message if result.ok else f"error: {result.message}",
            file=out if result.ok else err,
        )
    return 0 if all(r.ok for r in results) else 1


def verify_session(args: argparse.Namespace, key: str, out: TextIO) -> int:
    """verify ID: does the stored record still match what was signed, and is its audit intact?"""
    with opened_reader(args) as store:
        session = store.load(_resolve(store, key))
        versions = store.signed_versions(session.id)
        result = store.verify(session.id)
        problems = store.session_problems(session)
    what = f"session {session.id} ({session.candidate_ref}) version {session.version}"
    if problems:
        print(
            f"MISMATCH {what}: the record failed verification (signed"
            f" {result.stored_digest or '(none)'}, now {result.computed_digest})",
            file=out,
        )
        for problem in problems:
            print(f"  {problem}", file=out)
        return 1
    if session.status is Status.SIGNED:
        print(
            f"MATCH {what}: signed {result.stored_digest}, now {result.computed_digest}", file=out
        )
        return 0
    if session.status is Status.WITHDRAWN:
        print(f"MATCH {what}: withdrawn ({session.withdrawn_reason}); no digest", file=out)
        return 0
    if versions:
        last = versions[-1]
        print(
            f"NOT CURRENT {what}: version {last.version} was signed on {last.signed_at}"
            f" (sha256 {last.digest}); the session is {session.status.label.lower()} since",
            file=out,
        )
        return 3
    raise UserError(f"{what} is not signed, so it has no digest")


def verify_file(args: argparse.Namespace, target: Path, out: TextIO) -> int:
    """verify FILE.json: a file's digest agreeing with its content proves nothing (anyone who
    edits a grade can compute the digest again), so a consistent file is then held against
    the signed versions the database keeps of that session."""
    from pcso_interview import bundle

    try:
        data = bundle.read_bundle(target)
    except bundle.BundleError as exc:
        raise UserError(str(exc)) from None
    if data["format"] != bundle.SESSION_FORMAT:
        raise UserError(f"{target}: a member-marks file has no digest to verify")
    check = bundle.check_signed_digest(data)
    sid = data["session"]["id"]
    if check is None:
        raise UserError(f"{target}: session {sid} is not signed, so it has no digest")
    version = data["session"]["version"]
    what = f"{target}: session {sid} version {version}"
    if not check.matches:
        print(
            f"MISMATCH {what}: recorded {check.stored or '(none)'}, content gives {check.computed}",
            file=out,
        )
        return 1
    with opened_reader(args) as store:
        if not store.exists(sid):
            print(
                f"MISMATCH {what}: no session {sid} in this database, so nothing confirms the"
                f" panel signed it (the file's digest {check.computed} agrees with its content,"
                " but anyone who edits a file can compute that again)",
                file=out,
            )
            return 1
        signed = {row["version"]: row for row in store.sheets(sid)}  # digests, not contents
        current = store.load(sid)
    held = signed.get(version)
    if held is None or held["digest"] != check.computed:
        print(
            f"MISMATCH {what}: the content gives {check.computed}, but this database's signed"
            f" version {version} is {held['digest'] if held else '(none: never signed)'}",
            file=out,
        )
        return 1
    if current.version == version and current.status is Status.SIGNED:
        print(f"MATCH {what} sha256 {check.computed}", file=out)
        return 0
    print(
        f"NOT CURRENT {what}: signed on {held['signed_at']} (sha256 {check.computed}); the"
        f" session is {current.status.label.lower()} at version {current.version} since",
        file=out,
    )
    return 3


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened_reader(args) as store:
        findings = list(store.check())
        sessions = store.count_sessions()
    for finding in findings:
        print(f"PROBLEM {finding}", file=out)
    if findings:
        print(f"{len(findings)} problem(s) found in {sessions} session(s)", file=err)
        return 1
    print(
        f"OK: the audit chain is intact, every signed record matches its digest and every"
        f" issued sheet is registered ({sessions} session(s))",
        file=out,
    )
    return 0


def cmd_signing_key_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os

    from pcso_interview.signing_key import SigningKeyError, import_pkcs12

    secret = os.environ.get("PCSO_P12_PASSPHRASE")
    if secret is None and sys.stdin.isatty():
        secret = getpass.getpass(f"Passphrase of {args.file} (empty for none): ")
    try:
        key = import_pkcs12(db_path(args), args.file, secret.encode() if secret else None)
    except SigningKeyError as exc:
        raise UserError(str(exc)) from None
    print(f"signed-off sheets are now signed by {key.subject}", file=out)
    return 0


def cmd_signing_key_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.signing_key import SigningKeyError, installation_key

    try:
        key = installation_key(db_path(args))
    except SigningKeyError as exc:
        raise UserError(str(exc)) from None
    print(f"{key.subject}  ({key.path})", file=out)
    return 0


def cmd_purge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened_store(args) as store:
        user = signed_in(store, args)
        due = store.purge_candidates()
        if not due:
            print("nothing is past its retention period", file=out)
            return 0
        for row in due:
            print(f"{row.id[:12]}  {row.date}  {row.candidate_ref}  {row.status}", file=out)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(f"{len(due)} session(s) would be deleted; add --yes to confirm")
            answer = input(f"Delete these {len(due)} session(s) for good? Type yes: ")
            if answer.strip().lower() != "yes":
                raise UserError("nothing was deleted")
        try:
            result = store.purge([r.id for r in due], user.name)
        except SessionRuleError as exc:
            raise UserError(str(exc)) from None
    print(result.describe(), file=out)
    return 0


def cmd_reopen(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview import use_cases

    return _batch(args, out, err, use_cases.reopen_many, "reopened")


def cmd_withdraw(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview import use_cases

    return _batch(args, out, err, use_cases.withdraw_many, "withdrew")


def _batch(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    action: Callable[[Store, list[str], str, str], BatchResult],
    verb: str,
) -> int:
    """Reopen or withdraw every session named, each one line; exit 1 if any was refused."""
    with opened_store(args) as store:
        user = signed_in(store, args)
        ids = list(dict.fromkeys(_resolve(store, key) for key in args.sessions))
        result = action(store, ids, args.reason, user.name)
        for session_id in result.done:
            session = store.load(session_id)
            now = f": now version {session.version}" if verb == "reopened" else ""
            print(
                f"{verb} session {session.id} ({session.candidate_ref}){now}, by {user.name}",
                file=out,
            )
    for session_id, exc in result.refused:
        print(f"error: session {session_id}: {exc}", file=err)
    if len(ids) > 1:
        print(result.summary("reopened" if verb == "reopened" else "withdrawn"), file=out)
    return 0 if not result.refused else 1


def cmd_users_add(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.credentials import IdentityError

    with opened_store(args, create=True) as store:
        first = store.count_users() == 0
        by = None if first else signed_in(store, args, admin=True)
        secret = _secret(NEW_PASSPHRASE_VARIABLE, f"New passphrase for {args.name}: ", twice=True)
        try:
            user = store.add_user(args.name, args.role, secret, by)
        except IdentityError as exc:
            raise UserError(str(exc)) from None
    note = " (the first account is an admin)" if first else ""
    print(f"added {user.name}, role {user.role}{note}", file=out)
    return 0


def cmd_users_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened_store(args) as store:
        users = store.list_users()
    rows = [("NAME", "ROLE"), *((u.name, u.role) for u in users)]
    _print_table(rows, out)
    return 0


def cmd_users_reset(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.credentials import IdentityError

    with opened_store(args) as store:
        admin = signed_in(store, args, admin=True)
        secret = _secret(NEW_PASSPHRASE_VARIABLE, f"New passphrase for {args.name}: ", twice=True)
        try:
            store.reset_user(args.name, secret, admin)
        except IdentityError as exc:
            raise UserError(str(exc)) from None
    print(f"set a new passphrase for {args.name}, by {admin.name}", file=out)
    return 0


def cmd_pin_reset(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with opened_store(args) as store:
        admin = signed_in(store, args, admin=True)
        session_id = _resolve(store, args.session)
        store.reset_member_secret(session_id, args.member, admin)
        member = store.load(session_id).member(args.member)
    print(f"cleared the PIN of {member.name}: they choose a new one when next asked", file=out)
    return 0


def cmd_archive_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.store.archive.setup import init_archive

    result = init_archive(args.url, args.uploader_role, args.hr_role, prompt=terminal_password)
    print(result.describe(), file=out)
    for note in result.notes:
        print(f"note: {note}", file=err)
    print(
        f"grant the roles to logins: GRANT {args.uploader_role} TO <laptop login>;"
        f" GRANT {args.hr_role} TO <HR login>",
        file=err,
    )
    return 0


def cmd_push(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.store.archive.push import PushProgress, push

    def progress(p: PushProgress) -> None:
        print(f"{p.done}/{p.total} {p.outcome} {p.session_id[:12]} {p.candidate_ref}", file=err)

    with opened_store(args) as store:
        report = push(store, args.url, prompt=terminal_password, progress=progress)
    for refusal in report.refused:
        print(f"REFUSED {refusal}", file=out)
    print(report.describe(), file=out)
    return 1 if report.refused else 0


def cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.demo import demo_sessions

    if args.sessions < 1:
        raise UserError("--sessions must be at least 1")
    loaded = collect_profiles([*args.profiles, *args.demo_profiles])
    for error in loaded.errors:
        print(f"warning: skipped {error}", file=err)
    try:
        chosen = [loaded.get(pid) for pid in args.only] if args.only else list(loaded)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    count = max(args.sessions, len(chosen))  # every profile gets sessions of its own
    with opened_store(args, create=True) as store:
        try:
            added = store.insert_many(demo_sessions(chosen, count, seed=args.seed), "demo")
        except sqlite3.IntegrityError:
            raise UserError(
                "this database already has the demo sessions of that seed; use another --seed"
            ) from None
        names = ", ".join(p.id for p in chosen)
        print(f"added {added} invented session(s) to {store.path}", file=out)
        if args.only or args.demo_profiles or args.profiles:
            print(f"profiles: {names}", file=out)
    return 0


def cmd_restore_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pcso_interview.store.opening import check_database_file

    path = db_path(args)
    candidates = backup_candidates(path)
    print(f"Backups of {path}, newest first:", file=out)
    for c in candidates:
        state = f"{c.sessions} session(s)" if c.good else f"refused: {c.problem}"
        print(f"  {c.taken}  {c.label:<15} {state}  {c.path.name}", file=out)
    if not candidates:
        print("  (none)", file=out)
    backup = next((c for c in candidates if c.good), None)
    if backup is None:
        raise UserError(
            f"no good backup of {path} was found ({len(candidates)} backup file(s) checked)"
        )
    if path.exists() and not args.force:
        try:
            check_database_file(path, thorough=True)
        except CorruptDatabaseError:
            pass
        else:
            raise UserError(
                f"{path} is not damaged, so nothing was restored (a backup would lose what was"
                " saved since); add --force to restore anyway"
            )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(f"would restore {backup.path}; add --yes to confirm")
        if input(f"Replace {path} by {backup.path}? Type yes: ").strip().lower() != "yes":
            raise UserError("nothing was changed")
    kept = restore_backup(path, backup.path)
    print(
        f"restored {backup.path} ({backup.sessions} session(s)); the previous file is kept as"
        f" {kept}",
        file=out,
    )
    return 0


class Printable(io.TextIOBase):
    """A verb's output as a terminal may safely show it: names, notes and reasons come from
    outside (a session file, a recruitment system), and an escape sequence in one must not
    recolour, retitle or clear the terminal of whoever lists them."""

    def __init__(self, stream: TextIO):
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one verb; every failure becomes one line on stderr and exit status 1."""
    out = cast(TextIO, Printable(out or sys.stdout))
    err = cast(TextIO, Printable(err or sys.stderr))
    handler: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.handler
    try:
        return handler(args, out, err)
    except (UserError, SessionRuleError, UnknownSessionError, StoreError) as exc:
        message = str(exc)
    except BrokenPipeError:
        return 0
    except LockedSessionError as exc:
        message = f"refused by the database: {exc}"
    except sqlite3.OperationalError as exc:
        message = f"the database is busy or unavailable ({exc}); nothing was changed, try again"
    except sqlite3.DatabaseError as exc:
        message = (
            f"the database could not be read ({exc}); it may be damaged: "
            "`pcso-interview restore-backup` puts back the newest good backup"
        )
    except OSError as exc:
        message = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    except KeyboardInterrupt:
        message = "interrupted"
    print(f"error: {message}", file=err)
    return 1
