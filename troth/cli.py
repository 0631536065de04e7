"""The `troth` command: serve, worker, demo, backup, restore and manage.

`troth serve` is the whole embedded deployment in one process: it migrates,
then runs a production WSGI server (waitress) in the main thread and the task
worker and its clock in background threads. Hosts that outgrow one box run
`troth serve --no-worker` behind a load balancer and `troth worker` apart.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

DESCRIPTION = "Troth: a private space for two partners to build and rebuild trust."


DEFAULT_PORT = 8000
# Addresses that mean "this machine". The URL to open names `localhost`
# rather than an IP: browsers refuse passkeys on a bare IP address. The
# wildcard addresses are only compared with here, never bound to.
LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "::", ""}  # nosec B104


def listen_url(host: str, port: int) -> str:
    """The address to open for a server listening on `host`:`port`."""
    if host in LOCAL_HOSTS:
        name = "localhost"
    elif ":" in host:
        name = f"[{host}]"
    else:
        name = host
    return f"http://{name}:{port}"


def _use_listen_url(host: str, port: int) -> str:
    """Make links (emails, the demo's sign-in address) point where Troth
    listens, unless the host set TROTH_BASE_URL. Must run before the
    settings are read. Returns the base URL in effect."""
    if not os.environ.get("TROTH_BASE_URL"):
        os.environ["TROTH_BASE_URL"] = listen_url(host, port)
    return os.environ["TROTH_BASE_URL"].rstrip("/")


# Django and Troth's own modules are imported inside each command, after
# _setup_django(): the listen address must be in the environment before the
# settings are read, and models can't be imported before django.setup().
def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "troth.settings")
    import django

    django.setup()


def _prepare(verbosity: int = 1) -> None:
    """Make the data dir ready to serve: the database migrated, the cache
    table, the static files collected."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=0)
    # Hashed, compressed copies of the static files (settings.STATIC_ROOT).
    call_command("collectstatic", interactive=False, verbosity=0)


# The background task worker is django-tasks-db's. What it runs, in both
# commands: every queue, looking for work each second, with no random delay
# at start (one worker per process, so no herd of them to spread out).
WORKER_QUEUES = "*"
WORKER_INTERVAL = 1
# How long `troth serve` lets the task in hand finish when stopping.
WORKER_STOP_TIMEOUT = 30


def _run_db_worker() -> None:
    """Run the worker in this (the main) thread until a signal stops it,
    through the library's documented `db_worker` command: it stops on
    SIGINT, SIGTERM or SIGQUIT once the task in hand is done; a second
    signal stops at once."""
    from django.core.management import call_command

    call_command(
        "db_worker",
        queue_name=WORKER_QUEUES,
        interval=WORKER_INTERVAL,
        startup_delay=False,
        reload=False,  # the autoreloader is for development, and restarts tasks
        verbosity=1,  # its start line and warnings, as `troth worker` printed them
    )


def worker_thread_start_with_library_internals() -> Callable[[float], None]:
    """Start the worker in a background thread for `troth serve`; return the
    function that stops it, letting the task in hand finish for up to
    `timeout` seconds.

    The one place Troth uses django-tasks-db beyond its documented surface.
    Its public way to run a worker, the `db_worker` command, installs signal
    handlers, and Python allows that only in the main thread, which waitress
    needs for its own Ctrl-C. So this builds the command's undocumented
    `Worker` class with the values `_run_db_worker` gives `db_worker`, and
    stops it by clearing its `running` flag. docs/upstream.md asks for a
    public way; tests/test_worker_api.py keeps every other use public and
    fails if `Worker` changes shape.
    """
    from django.utils.crypto import get_random_string
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=[WORKER_QUEUES],
        interval=WORKER_INTERVAL,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="troth-worker", daemon=True)
    thread.start()

    def stop(timeout: float) -> None:
        worker.running = False
        thread.join(timeout=timeout)

    return stop


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop_on_signals() -> None:
    """Ctrl-C (SIGINT) and SIGTERM stop Troth cleanly. Python stops on
    SIGINT by itself only if it was not ignored when Troth started, and a
    script's background job (`troth serve &`) starts with it ignored."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)


def cmd_serve(args: argparse.Namespace) -> int:
    _use_listen_url(args.host, args.port)
    _setup_django()
    from django.conf import settings
    from waitress.server import create_server

    from troth.notifications.clock import Clock

    _prepare(verbosity=0)
    # After the static files are collected: WhiteNoise lists them as it loads.
    from troth.wsgi import application

    _stop_on_signals()

    worker_stop = clock = None
    if not args.no_worker:
        worker_stop = worker_thread_start_with_library_internals()
        clock = Clock()
        clock.start()

    server = create_server(
        application,
        host=args.host,
        port=args.port,
        threads=args.threads,
        ident="Troth",
        clear_untrusted_proxy_headers=True,
    )
    # The address this server answers on, even when TROTH_BASE_URL names a
    # proxy in front of it: that is what the person at the console can open.
    url = listen_url(args.host, args.port) + "/"
    print(f"Troth is running at {url}", flush=True)
    if url != settings.BASE_URL + "/":
        print(f"Links in emails use {settings.BASE_URL}/", flush=True)
    print(f"Data directory: {settings.DATA_DIR}", flush=True)
    if worker_stop is None:
        print("The task worker is not running here (--no-worker).", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        print("\nStopping Troth...", flush=True)
        server.close()
        if clock is not None:
            clock.stop()
        if worker_stop is not None:
            worker_stop(WORKER_STOP_TIMEOUT)
        print("Stopped.", flush=True)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _setup_django()
    from troth.notifications.clock import Clock

    if args.migrate:
        _prepare(verbosity=0)
    # `db_worker` at verbosity 1 also lets Django's tasks framework log a
    # line as each task starts and ends; as before, only its warnings and
    # failures are shown.
    logging.getLogger("django.tasks").addFilter(
        lambda record: record.levelno >= logging.WARNING
    )
    clock = None
    if not args.no_clock:
        clock = Clock()
        clock.start()
    # Until `db_worker` installs its own handlers, a signal stops us here.
    _stop_on_signals()
    try:
        # Inside the try: a Ctrl-C the moment the line is out still stops cleanly.
        print("Troth worker running. Press Ctrl-C to stop.", flush=True)
        _run_db_worker()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        if clock is not None:
            clock.stop()
        print("Worker stopped.", flush=True)
    return 0


def demo_languages() -> list[str]:
    """The codes `troth demo --language` takes: settings.LANGUAGES, and any
    language with a folder in the locale path, so a catalogue being
    translated can be tried before it ships. Needs the settings."""
    from django.conf import settings

    codes = {code for code, _name in settings.LANGUAGES}
    for locale in settings.LOCALE_PATHS:
        codes.update(p.parent.name for p in Path(locale).glob("*/LC_MESSAGES"))
    return sorted(codes)


def cmd_demo(args: argparse.Namespace) -> int:
    base_url = _use_listen_url("localhost", args.port)
    _setup_django()
    languages = demo_languages()
    if args.language not in languages:
        print(
            f"troth demo: error: no language {args.language!r}; "
            f"choose one of: {', '.join(languages)}",
            file=sys.stderr,
        )
        return 2
    _prepare(verbosity=0)
    from troth.demo import demo_create

    demo = demo_create(language=args.language)
    print(f"The demo space is ready. Sign in at {base_url}/ as either partner:")
    for user in demo.partners:
        print(f"  {user.email}  (password: {demo.password})")
    print("Running `troth demo` again resets it.")
    return 0


def _passphrase(*, confirm: bool) -> str | None:
    """TROTH_BACKUP_PASSPHRASE, or asked for when someone is at the console."""
    given = os.environ.get("TROTH_BACKUP_PASSPHRASE", "")
    if given:
        return given
    if not sys.stdin.isatty():
        print(
            "troth: set TROTH_BACKUP_PASSPHRASE, or run this at a console to be "
            "asked for the passphrase.",
            file=sys.stderr,
        )
        return None
    first = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        print(
            "troth: the two passphrases differ; nothing was written.", file=sys.stderr
        )
        return None
    return first


def cmd_backup(args: argparse.Namespace) -> int:
    _setup_django()
    from django.conf import settings

    from troth.backups.services import BackupError, backup_create, backup_open, describe

    if args.check and args.path is None:
        print("troth: --check needs the archive to check.", file=sys.stderr)
        return 2
    passphrase = _passphrase(confirm=not args.check)
    if passphrase is None:
        return 2
    try:
        if args.check:
            with tempfile.TemporaryDirectory(dir=settings.DATA_DIR) as tmp:
                opened = backup_open(Path(args.path), passphrase, Path(tmp))
            print(f"{args.path} opens with this passphrase and is whole.")
            for line in describe(opened.manifest):
                print(f"  {line}")
            return 0
        path = backup_create(
            passphrase=passphrase, path=Path(args.path) if args.path else None
        )
    except BackupError as error:
        print(f"troth: {error}", file=sys.stderr)
        return 1
    print(f"Backup written to {path}")
    print("Keep the passphrase apart from it: without it the backup can't be read.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _setup_django()
    from troth.backups.services import BackupError, backup_restore, describe

    passphrase = _passphrase(confirm=False)
    if passphrase is None:
        return 2
    try:
        manifest = backup_restore(
            Path(args.path), passphrase=passphrase, force=args.force
        )
    except BackupError as error:
        print(f"troth: {error}", file=sys.stderr)
        print("troth: nothing was restored.", file=sys.stderr)
        return 1
    for line in describe(manifest):
        print(f"  {line}")
    print("Start Troth as usual (`troth serve`); it applies any newer migrations.")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "troth.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["troth manage", *args.rest])
    return 0


def _add_demo_command(sub) -> None:
    """`troth demo`: its language is checked once the settings are read
    (`demo_languages`), so argparse takes any code here."""
    demo = sub.add_parser(
        "demo",
        help="create or reset a demo space with two partners",
        description=(
            "Create (or reset) a demo space shared by alex@example.com and "
            "sam@example.com, password troth-demo, filled with months of activity, "
            "written in the language chosen with --language."
        ),
    )
    demo.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help=(
            "the language the couple use and write in, a code from the "
            "catalogues in troth/locale/ such as es or ar (default: %(default)s)"
        ),
    )
    demo.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=(
            "the port `troth serve` uses, for the address printed "
            "(default: %(default)s; TROTH_BASE_URL wins when set)"
        ),
    )
    demo.set_defaults(func=cmd_demo)


def _add_backup_commands(sub) -> None:
    """`troth backup` and `troth restore` (docs/operations.md)."""
    backup = sub.add_parser(
        "backup",
        help="write an encrypted backup of the database and the keys",
        description=(
            "Write one archive holding a consistent copy of the database (taken "
            "while Troth runs), every key Troth keeps and a manifest, encrypted "
            "with a passphrase (TROTH_BACKUP_PASSPHRASE, or asked for). With "
            "--check, verify an archive and say what it holds instead."
        ),
    )
    backup.add_argument(
        "path",
        nargs="?",
        help=(
            "the archive to write (a folder gets a dated name; default: "
            "TROTH_BACKUP_DIR or the current folder), or with --check to read"
        ),
    )
    backup.add_argument(
        "--check", action="store_true", help="verify an archive without restoring it"
    )
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser(
        "restore",
        help="restore a backup into an empty data dir and database",
        description=(
            "Check an archive whole (passphrase, checksums), then put its database "
            "and keys in place. Refuses a database that already holds tables "
            "unless --force. Stop Troth first."
        ),
    )
    restore.add_argument("path", help="the archive to restore")
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace whatever the database and the data dir hold",
    )
    restore.set_defaults(func=cmd_restore)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="troth", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser(
        "serve",
        help="migrate, then run the web server and the task worker together",
        description=(
            "Apply migrations, then serve Troth with a production WSGI server "
            "(waitress) and run the background task worker in the same process. "
            "Ctrl-C stops both."
        ),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="port to listen on (default: %(default)s)",
    )
    serve.add_argument(
        "--threads", type=int, default=8, help="request threads (default: %(default)s)"
    )
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="serve web requests only; run `troth worker` elsewhere",
    )
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser(
        "worker",
        help="run the background task worker alone",
        description=(
            "Run the task worker and its clock without the web server, for hosts "
            "that run web processes and workers apart. Several may run at once."
        ),
    )
    worker.add_argument("--migrate", action="store_true", help="apply migrations first")
    worker.add_argument(
        "--no-clock",
        action="store_true",
        help="only run queued tasks; let another worker's clock schedule them",
    )
    worker.set_defaults(func=cmd_worker)

    _add_demo_command(sub)

    _add_backup_commands(sub)

    manage = sub.add_parser(
        "manage",
        help="run a Django management command",
        description="Pass the rest of the line to Django's management commands.",
        add_help=False,
    )
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
