"""`debate-trainer serve`: its defaults and warnings, its page (offline, nothing from another
host), its refusals of other sites, and a tab's app talking over the WebSocket as a browser
would (no browser needed: test_serve_browser.py drives a real one)."""

from __future__ import annotations

import asyncio
import http.client
import re
import shlex
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import BROKEN_PACKS, SMALL_PACK
from tests.interop.serve_support import Served, served
from trainer.cli import build_parser, main
from trainer.commands import serve_web

ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
TAB_SECONDS = 30.0
"""How long a tab's app may take to draw what is awaited (it starts a Python process)."""


@pytest.fixture
def listens(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int, bool]]:
    """`serve` runs up to the point of listening, and records what it would have served."""
    calls: list[tuple[str, str, int, bool]] = []

    def fake_serve(command: str, host: str, port: int, *, loopback: bool) -> None:
        calls.append((command, host, port, loopback))

    monkeypatch.setattr(serve_web, "serve", fake_serve)
    return calls


def test_by_default_it_serves_this_machine_only_on_port_8000_without_a_warning(
    listens: list[tuple[str, str, int, bool]], capsys: pytest.CaptureFixture[str]
) -> None:
    args = build_parser(["serve"]).parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    assert main(["serve"]) == 0
    assert [call[1:] for call in listens] == [("127.0.0.1", 8000, True)]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7"])
def test_another_address_is_served_with_a_plain_warning(
    host: str, listens: list[tuple[str, str, int, bool]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", host, "--port", "8123"]) == 0
    assert [call[1:] for call in listens] == [(host, 8123, False)]
    err = capsys.readouterr().err
    assert f"warning: listening on {host}, not this machine alone" in err
    assert "anyone who can reach it" in err and "Traceback" not in err


@pytest.mark.parametrize("host", ["localhost", "127.0.0.2", "::1"])
def test_every_loopback_name_counts_as_this_machine(
    host: str, listens: list[tuple[str, str, int, bool]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", host]) == 0
    assert listens[0][3] is True
    assert "warning" not in capsys.readouterr().err


def test_a_host_that_does_not_resolve_is_refused_with_exit_2(
    listens: list[tuple[str, str, int, bool]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_such_name(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    assert main(["serve", "--host", "lab-servr"]) == 2
    assert "--host: cannot resolve lab-servr" in capsys.readouterr().err
    assert listens == []


@pytest.mark.parametrize(("port", "said"), [("0", "1 to 65535"), ("http", "not a port")])
def test_a_bad_port_is_a_usage_error(
    port: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", port])
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err


def test_an_invalid_pack_is_reported_once_before_serving(
    listens: list[tuple[str, str, int, bool]], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BROKEN_PACKS / "missing-required"
    assert main(["serve", "--pack", str(broken)]) == 2
    assert "missing-required" in capsys.readouterr().err
    assert listens == []


def test_each_tab_runs_the_app_asking_its_students_name_on_the_chosen_pack(
    listens: list[tuple[str, str, int, bool]], tmp_path: Path
) -> None:
    spaced = tmp_path / "a pack; rm -rf x"
    spaced.mkdir()
    for name in ("pack.yaml", "article.txt"):
        (spaced / name).write_bytes((SMALL_PACK / name).read_bytes())
    assert main(["serve", "--pack", str(spaced)]) == 0
    words = shlex.split(listens[0][0])
    assert words[0] == "exec"  # the tab's process is the app, not a shell around it
    assert words[2:5] == ["-m", "trainer.commands.serve_tab", "--ask-student"]
    assert words[words.index("--pack") + 1] == str(spaced.resolve())  # one word, not a command


def test_a_port_in_use_is_said_plainly_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}: " in err and "in use" in err
    assert "Traceback" not in err


def test_request_names_are_checked_as_the_server_does() -> None:
    assert serve_web.names_this_machine("127.0.0.1:8000")
    assert serve_web.names_this_machine("localhost:8000")
    assert serve_web.names_this_machine("[::1]:8000")
    assert not serve_web.names_this_machine("attacker.example:8000")
    assert not serve_web.names_this_machine("127.0.0.1.attacker.example")
    assert serve_web.same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not serve_web.same_origin("http://evil.example", "127.0.0.1:8000")
    assert not serve_web.same_origin("null", "127.0.0.1:8000")


# -- a real server, no browser ---------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[Served]:
    with served() as running:
        yield running


def _get(
    running: Served, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.mark.slow
def test_the_page_loads_nothing_from_another_host(server: Served) -> None:
    status, headers, body = _get(server, "/")
    page = body.decode()
    assert status == 200
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    addresses = re.findall(r"[a-z]+://[^\"' <]+", page)
    assert addresses == [f"ws://127.0.0.1:{server.port}/ws"]
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page) + re.findall(
        r'url\("(/static/[^"]+)"\)', page
    ):
        assert _get(server, asset)[0] == 200, asset
    assert "fonts/RobotoMono" in page and "googleapis" not in page


@pytest.mark.slow
def test_the_pages_address_is_the_one_the_browser_used(server: Served) -> None:
    _, _, body = _get(server, "/", {"Host": f"localhost:{server.port}"})
    assert f'data-session-websocket-url="ws://localhost:{server.port}/ws"' in body.decode()


@pytest.mark.slow
def test_other_sites_cannot_reach_the_trainer(server: Served) -> None:
    rebound = _get(server, "/", {"Host": f"attacker.example:{server.port}"})
    assert rebound[0] == 421
    upgrade = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
        "Origin": "http://attacker.example",
    }
    assert _get(server, "/ws", upgrade)[0] == 403
    assert server.children() == []  # no app was started for it


async def _screen_until(ws: aiohttp.ClientWebSocketResponse, wanted: str, seen: list[str]) -> str:
    """The tab's output, without terminal codes, once `wanted` is in it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TAB_SECONDS
    while wanted not in ANSI.sub("", "".join(seen)):
        message = await ws.receive(timeout=max(0.1, deadline - loop.time()))
        if message.type == aiohttp.WSMsgType.BINARY:
            seen.append(message.data.decode("utf-8", "replace"))
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            raise AssertionError(f"the tab closed before showing {wanted!r}")
    return ANSI.sub("", "".join(seen))


async def _a_student_names_themself(running: Served) -> tuple[str, int]:
    """What the tab shows once its student gave a name, and how many apps ran meanwhile."""
    url = f"ws://127.0.0.1:{running.port}/ws?width=100&height=30"
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url, origin=f"http://127.0.0.1:{running.port}") as ws,
    ):
        seen: list[str] = []
        await _screen_until(ws, "What is your name?", seen)
        await asyncio.sleep(2)  # a tab outlives the app's once-a-second terminal watch
        seen.clear()
        await ws.send_json(["stdin", "Robin\r"])
        await _screen_until(ws, "Start a quiz", seen)
        return await _screen_until(ws, "\u201cRobin\u201d", seen), len(running.children())


@pytest.mark.slow
def test_a_tab_is_an_app_of_its_own_that_asks_the_name_then_shows_home(server: Served) -> None:
    screen, apps = asyncio.run(_a_student_names_themself(server))
    assert "Your progress is kept under \u201cRobin\u201d" in screen
    assert "Premises" in screen
    assert apps == 1
    deadline = time.monotonic() + 10
    while server.children() and time.monotonic() < deadline:  # the tab closed: its app ends
        time.sleep(0.1)
    assert server.children() == []


async def _stop_with_a_tab_open(running: Served) -> tuple[list[int], int | None]:
    """The tab's app while the tab is open, and the server's exit status once stopped with
    the tab still open (the tab reads on, as a browser does, so it sees the close)."""
    url = f"ws://127.0.0.1:{running.port}/ws?width=80&height=24"
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url, origin=f"http://127.0.0.1:{running.port}") as ws,
    ):
        await _screen_until(ws, "What is your name?", [])
        apps = running.children()
        running.process.send_signal(signal.SIGTERM)
        async for _message in ws:  # until the server closes the tab
            pass
        return apps, await asyncio.to_thread(running.process.wait, 10)


@pytest.mark.slow
def test_stopping_the_server_ends_every_open_tabs_app(server: Served) -> None:
    apps, status = asyncio.run(_stop_with_a_tab_open(server))
    assert len(apps) == 1
    assert status == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in apps)
