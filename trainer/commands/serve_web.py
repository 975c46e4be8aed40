"""The web server behind `debate-trainer serve`: textual-serve's, with four changes.

- The page is our offline copy of textual-serve's (`templates/app_index.html`): no font
  service, and a Content-Security-Policy that lets it load nothing from any other host.
- Its URLs come from the request, not from the address bound: a lab's browsers reach the
  teacher's machine by its network address while the server listens on 0.0.0.0, and a page
  that told them to connect to ws://0.0.0.0 would never start.
- Another site cannot drive it: a tab's connection from a page of another origin is refused
  (a browser lets any page open a WebSocket to localhost), and on a loopback bind so is any
  request naming a host other than this machine (DNS rebinding).
- Stopping it (Ctrl+C, SIGTERM) ends the open tabs' connections, so their apps are told
  to quit and are waited for, rather than left running after the server.

Imported only by `serve.run`: aiohttp and textual-serve cost the other commands nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import signal
import sys
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from aiohttp.typedefs import Handler
from aiohttp.web_runner import GracefulExit
from textual_serve.server import Server

TITLE = "debate-trainer"
TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The offline page (`app_index.html`)."""
CONTENT_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'"
)
"""Everything the page loads comes from the server that sent it (textual-serve's page starts
the terminal from an inline script); no other site may frame it."""
DEFAULT_FONT_SIZE = 16
MAX_FONT_SIZE = 64
"""`?fontsize=N` (textual-serve's) for a projector, within reason."""
TAB_QUIT_SECONDS = 5.0
"""How long a stopping server waits for its tabs' apps to quit."""


def host_name(authority: str) -> str:
    """The host of a `host[:port]` (an IPv6 address in brackets), lower case."""
    return (urlsplit(f"//{authority}").hostname or "").lower()


def names_this_machine(authority: str) -> bool:
    """Whether a Host header names this machine's loopback (`localhost`, 127.x, [::1])."""
    host = host_name(authority)
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def same_origin(origin: str, authority: str) -> bool:
    """Whether a browser's Origin header is the page's own `scheme://host[:port]`."""
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == authority.lower()


class TrainerServer(Server):
    """textual-serve's Server with the offline page, request-relative URLs and the checks
    the module's docstring gives."""

    def __init__(self, command: str, host: str, port: int, *, loopback: bool) -> None:
        super().__init__(command, host=host, port=port, title=TITLE, templates_path=TEMPLATES)
        self.loopback = loopback
        """Bound to this machine only: requests must name it (no DNS rebinding)."""
        self._tabs: set[asyncio.Task[object]] = set()
        """The open tabs' connections, ended when the server stops."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._refuse_other_sites)
        return app

    @web.middleware
    async def _refuse_other_sites(
        self, request: web.Request, handler: Handler
    ) -> web.StreamResponse:
        if self.loopback and not names_this_machine(request.host):
            raise web.HTTPMisdirectedRequest(text="This trainer serves this machine only.\n")
        origin = request.headers.get("Origin")
        if request.path == "/ws" and origin is not None and not same_origin(origin, request.host):
            raise web.HTTPForbidden(text="A trainer tab opens only from the trainer's page.\n")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, with its script, styles and terminal connection on the host the
        browser used."""
        try:
            font_size = int(request.query.get("fontsize", DEFAULT_FONT_SIZE))
        except ValueError:
            font_size = DEFAULT_FONT_SIZE
        websocket = "wss" if request.secure else "ws"
        context = {
            "title": self.title,
            "static_url": "/static/",
            "websocket_url": f"{websocket}://{request.host}/ws",
            "font_size": min(max(font_size, 6), MAX_FONT_SIZE),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = CONTENT_POLICY
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's connection, kept in `_tabs` while it lasts."""
        task = asyncio.current_task()
        assert task is not None  # aiohttp runs every handler in a task
        self._tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self._tabs.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """End every tab's connection, so each tab's app is told to quit and is waited for:
        aiohttp would otherwise wait on the open connections and leave their apps running."""
        for task in list(self._tabs):
            task.cancel()
        if self._tabs:
            await asyncio.wait(list(self._tabs), timeout=TAB_QUIT_SECONDS)

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve prints its banner here, before the port is even bound;
        `announce` speaks once it is."""

    def announce(self, *_: object) -> None:
        """Tell the teacher where the class goes (aiohttp calls it once listening)."""
        print(f"debate-trainer serve: open {self.page_url()} in a browser", flush=True)
        print("Each tab is an app of its own and asks its student's name. Ctrl+C stops.")
        sys.stdout.flush()

    def page_url(self) -> str:
        """The address to give the class (the machine's own when bound to every address)."""
        try:
            address = ipaddress.ip_address(self.host)
        except ValueError:
            return f"http://{self.host}:{self.port}/"
        if address.is_unspecified:
            return f"http://<this machine's address>:{self.port}/"
        host = f"[{address}]" if address.version == 6 else str(address)
        return f"http://{host}:{self.port}/"


def serve(command: str, host: str, port: int, *, loopback: bool) -> None:
    """Serve until Ctrl+C or SIGTERM, on a loop of our own (textual-serve's `serve` asks for
    the thread's current loop, which Python 3.12 no longer makes on demand). An address
    that cannot be bound raises OSError before anything is served."""
    server = TrainerServer(command, host, port, loopback=loopback)
    loop = asyncio.new_event_loop()

    def stop() -> None:
        raise GracefulExit

    for number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not POSIX: Ctrl+C still stops it
            loop.add_signal_handler(number, stop)
    web.run_app(
        server._make_app(),
        host=host,
        port=port,
        handle_signals=False,
        loop=loop,
        print=server.announce,
        shutdown_timeout=TAB_QUIT_SECONDS,
    )
