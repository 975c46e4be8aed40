"""A real `debate-trainer serve` for the serve tests: a subprocess on 127.0.0.1 and a free
port, in the test's own data folder, stopped (SIGTERM, then kill) when the test ends."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_SECONDS = 30.0
"""How long the server may take to listen (it imports aiohttp and textual-serve)."""
STOP_SECONDS = 10.0


@dataclass(frozen=True)
class Served:
    """A running server: where it listens, and its process."""

    port: int
    process: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def children(self) -> list[int]:
        """The server's child processes now (one per open tab), read from /proc."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue  # gone meanwhile
            ppid = next(line.split()[1] for line in status.splitlines() if line[:5] == "PPid:")
            if int(ppid) == self.process.pid:
                found.append(int(entry.name))
        return found


def free_port() -> int:
    """A port nothing on 127.0.0.1 listens on now (the server binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"serve did not listen on 127.0.0.1:{port} in {START_SECONDS} s")


@contextmanager
def served(*args: str) -> Iterator[Served]:
    """`debate-trainer serve --host 127.0.0.1 --port N ARGS...` until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "trainer", "serve", "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*command, "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        wait_until_listening(port, process)
        yield Served(port, process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
