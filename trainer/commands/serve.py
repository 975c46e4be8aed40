"""`debate-trainer serve [--host H] [--port N]`: the trainer in a browser, for a computer lab.

A lab where installing Python on thirty machines is not an option still has a browser on
each. textual-serve runs the app once per browser tab, each tab a process of its own, and
every tab asks its student's name at the start (`tui --ask-student`), so each student's
attempts and review cards are kept apart in the one progress store the processes share
(SQLite in WAL mode: they queue for the write lock).

The page is textual-serve's, offline: its script and fonts come from its own wheel and the
page may load nothing from any other host (a Content-Security-Policy says so). Serving binds
to this machine alone by default; any other address gets a plain warning, since anyone who
can reach it can open the trainer. The web server (`serve_web`, textual-serve and aiohttp)
is imported only inside `run`, so `debate-trainer --help` does not pay for it.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path

from trainer.packs.safe_text import visible

DEFAULT_HOST = "127.0.0.1"
"""This machine only: a class on other machines needs `--host` given on purpose."""
DEFAULT_PORT = 8000
"""textual-serve's own default, so its documentation's examples read the same."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the trainer to browsers (a computer lab): one app per browser tab",
        description=(
            "Serve the trainer to web browsers: each tab runs an app of its own and asks its "
            "student's name, and every student's progress goes into this machine's progress "
            "store under that name. Binds to this machine only unless --host says otherwise."
        ),
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: this machine only; "
        "0.0.0.0 for every network the machine is on)",
    )
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.add_argument("--pack", metavar="PATH", help="the pack every tab opens")
    parser.add_argument("--packs-dir", metavar="DIR", help="the pack folder the tabs list")
    parser.set_defaults(run=run)


def port_number(text: str) -> int:
    """A TCP port, 1-65535; argparse turns the error into a usage message and exit 2."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {visible(text)}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {port}")
    return port


def is_loopback(host: str) -> bool | None:
    """Whether every address `host` stands for is this machine's loopback; None when the
    name does not resolve. A name ("localhost") may stand for several addresses, and the
    server listens on all of them."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return None
    return all(ipaddress.ip_address(info[4][0]).is_loopback for info in found)


def exposure_warning(host: str) -> str:
    """What a teacher is told when the trainer is reachable from other machines."""
    return (
        f"debate-trainer serve: warning: listening on {visible(host)}, not this machine "
        "alone: anyone who can reach it over the network can open the trainer and record "
        "answers under any name. Leave out --host to serve this machine only."
    )


def tab_command(pack: Path | None, packs_dir: str | None) -> str:
    """The shell command textual-serve runs for each browser tab: this Python's trainer,
    asking the tab's student for a name (never saving it: the machine is shared). `exec`:
    textual-serve starts it through a shell, and the tab's process should be the app."""
    words = [sys.executable, "-m", "trainer.commands.serve_tab", "--ask-student"]
    if pack is not None:
        words += ["--pack", str(pack)]
    if packs_dir is not None:
        words += ["--packs-dir", str(Path(packs_dir).expanduser().resolve())]
    return "exec " + shlex.join(words)


def run(args: argparse.Namespace) -> int:
    from trainer.commands._common import EXIT_INVALID, load_or_report

    pack = Path(args.pack).expanduser().resolve() if args.pack else None
    if pack is not None and load_or_report(pack) is None:
        return EXIT_INVALID  # every tab would open on the same error: say it once, here
    loopback = is_loopback(args.host)
    if loopback is None:
        print(f"debate-trainer serve: --host: cannot resolve {visible(args.host)}", file=sys.stderr)
        return EXIT_INVALID
    if not loopback:
        print(exposure_warning(args.host), file=sys.stderr)
    from trainer.commands.serve_web import serve

    try:
        serve(tab_command(pack, args.packs_dir), args.host, args.port, loopback=loopback)
    except OSError as error:  # the port is taken, or the address is not this machine's
        why = os.strerror(error.errno) if error.errno else str(error)
        where = f"{visible(args.host)}:{args.port}"
        print(f"debate-trainer serve: cannot listen on {where}: {why}", file=sys.stderr)
        return EXIT_INVALID
    return 0
