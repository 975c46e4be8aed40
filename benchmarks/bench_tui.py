"""Terminal app speed and size, printed as figures (the machine is shared and noisy).

Targets (the terminal app issue):

- start-up: from process start to the first frame that shows the pack's summary (its title
  and counts, what a student sees the app for), at most 1.3x a bare Textual "hello" app
  started the same way in the same run (medians of repeated runs). That is a returning
  student's start, with the summary kept from the last load (`trainer.packs.summary`); a
  first start (no summary kept, or the pack changed since) is printed beside it, as is the
  home screen's first frame with the app told to quit before loading anything;
- `--version`: beside `python -c pass`, not importing any command module;
- memory: resident set at most 100 MB with the built-in pack open in a quiz;
- grading: feedback within one frame (16 ms) of Enter on the built-in pack (median).

The trainer's modules are compiled to bytecode first, as installing the package does: with
PYTHONDONTWRITEBYTECODE set (as on some machines) every start would otherwise compile the
whole app from source, which no installed copy does, while Textual's own bytecode is there.

Both apps run in a pseudo-terminal of 80x24; each is timed from fork until every text it is
waited for has reached the terminal ("hello"; the home screen's "Start a quiz"; the pack's
title and "6 premises"), and quits on its first `Ready` event (the trainer through
`DEBATE_TRAINER_BENCH_EXIT=1`) or is killed once the pack's summary is drawn.

    .venv/bin/python benchmarks/bench_tui.py [--repeat 21] [--answers 30]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import fcntl
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HELLO = """\
from textual.app import App
from textual.widgets import Static


class Hello(App[None]):
    def compose(self):
        yield Static("hello")

    def on_ready(self) -> None:
        self.call_after_refresh(self.exit)


Hello().run()
"""


def run_in_pty(
    argv: list[str], env: dict[str, str], markers: tuple[bytes, ...], kill: bool = False
) -> float:
    """Seconds from fork until all of `markers` are drawn, for a program in an 80x24
    pseudo-terminal.

    The program quits on its own after its first frame, or with `kill` is killed once the
    markers are drawn; its shutdown is not timed.
    """
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(argv[0], argv, env)
    seen = b""
    drawn = 0.0
    try:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            if not drawn:
                seen += chunk
                if all(marker in seen for marker in markers):
                    drawn = time.perf_counter() - started
                    if kill:
                        os.kill(pid, 9)
    finally:
        os.close(fd)
        os.waitpid(pid, 0)
    if not drawn:
        raise RuntimeError(f"{argv[-1]} never drew {markers!r}")
    return drawn


PACK_SHOWN = (b"Long-range strikes into Russia", b"6 premises")
"""Texts of the built-in pack's summary on the home screen: its title and a count."""


def bench_startup(repeat: int) -> tuple[float, float, float, float]:
    """Medians: the bare app's first frame, the trainer's first frame, the trainer's first
    frame with the pack's summary on it, and the same on a first start (no summary kept)."""
    env = {**os.environ, "TERM": "xterm-256color"}
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as new_home:
        env["DEBATE_TRAINER_HOME"] = home
        hello = Path(home) / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        # A returning student: a first start asks for the name before the home screen.
        for folder in (home, new_home):
            (Path(folder) / "settings.json").write_text('{"student": "bench"}', encoding="utf-8")
        trainer = [str(BIN / "debate-trainer")]
        first_env = {**env, "DEBATE_TRAINER_BENCH_EXIT": "1"}
        new_env = {**env, "DEBATE_TRAINER_HOME": new_home}
        runs: list[tuple[list[str], dict[str, str], tuple[bytes, ...], bool]] = [
            ([str(BIN / "python"), str(hello)], env, (b"hello",), False),
            (trainer, first_env, (b"Start a quiz",), False),
            (trainer, env, PACK_SHOWN, True),
            (trainer, new_env, PACK_SHOWN, True),
        ]
        for run in runs:  # warm the file cache for each (and keep the pack's summary)
            run_in_pty(*run)
        times: list[list[float]] = [[], [], [], []]
        for _ in range(repeat):  # interleaved, so drift on a shared machine hits all alike
            for index, run in enumerate(runs):
                shutil.rmtree(Path(new_home) / "cache", ignore_errors=True)
                times[index].append(run_in_pty(*run))
    hello_s, first_s, pack_s, new_s = (statistics.median(t) for t in times)
    return hello_s, first_s, pack_s, new_s


def bench_version(repeat: int) -> tuple[float, float, int]:
    """Medians of `python -c pass` and `debate-trainer --version`, and how many command
    modules `--version` imports."""
    python = str(BIN / "python")
    runs = ([python, "-c", "pass"], [python, "-m", "trainer", "--version"])
    times: list[list[float]] = [[], []]
    for _ in range(repeat):
        for index, argv in enumerate(runs):
            began = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=True)
            times[index].append(time.perf_counter() - began)
    probe = subprocess.run(
        [python, "-X", "importtime", "-m", "trainer", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    commands = sum("trainer.commands." in line for line in probe.stderr.splitlines())
    return statistics.median(times[0]), statistics.median(times[1]), commands


MEMORY_SCRIPT = textwrap.dedent(
    """
    import asyncio, resource, sys
    from trainer.tui.app import AppOptions, TrainerApp

    async def main():
        app = TrainerApp(AppOptions(seed=1, save_settings=False, student="bench"))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            app.start_quiz("mixed")
            await pilot.pause()
            await app.screen.workers.wait_for_complete()
            await pilot.pause()
            for _ in range(5):
                await pilot.press(*"the risks outweigh the benefits", "enter")
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
            assert type(app.screen).__name__ == "QuizScreen", app.screen
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

    asyncio.run(main())
    """
)


def bench_memory() -> float:
    """Peak resident set (MB) of a process with the built-in pack open in a quiz."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DEBATE_TRAINER_HOME": home}
        out = subprocess.run(
            [str(BIN / "python"), "-c", MEMORY_SCRIPT],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


async def _grading_latency(answers: int) -> tuple[list[float], list[float]]:
    from textual.message import Message
    from textual.widgets import Input, OptionList

    from trainer.tui.app import AppOptions, TrainerApp
    from trainer.tui.screens.quiz import QuizScreen
    from trainer.tui.widgets.feedback import FeedbackPanel

    last_message: list[Message | None] = [None]
    to_update: list[float] = []
    to_frame: list[float] = []
    last_submit = [0.0]

    def hook(message: Message) -> None:
        # The first dispatch of a Submitted message is to the Input itself (it then bubbles
        # to the screen): the earliest moment the app knows Enter was pressed.
        if isinstance(message, Input.Submitted) and message is not last_message[0]:
            last_message[0] = message
            last_submit[0] = time.perf_counter()

    app = TrainerApp(AppOptions(seed=7, save_settings=False, student="bench"))
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Start the quiz with a key ("mixed" highlighted, then Enter), as a student would: the
        # screen is then created inside the app, where the message hook sees its messages.
        modes = app.screen.query_one("#modes", OptionList)
        modes.highlighted = modes.get_option_index("mixed")
        await pilot.press("enter")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await quiz.workers.wait_for_complete()
        await pilot.pause()
        panel = quiz.query_one(FeedbackPanel)
        original = panel.show_verdict

        def timed_show_verdict(content: object) -> None:
            original(content)  # type: ignore[arg-type]
            start = last_submit[0]
            to_update.append(time.perf_counter() - start)
            quiz.call_after_refresh(lambda: to_frame.append(time.perf_counter() - start))

        panel.show_verdict = timed_show_verdict  # type: ignore[method-assign]
        replies = ["the risks outweigh the benefits", "Putin", "nato", "10,000 troops"]
        for number in range(answers):
            if quiz.session is None or quiz.session.finished:
                break
            await pilot.press(*replies[number % len(replies)], "enter")
            await pilot.pause()
            if quiz.awaiting_next:
                await pilot.press("enter")
                await pilot.pause()
    return to_update, to_frame


async def _bare_latency(answers: int) -> list[float]:
    """Seconds from Enter to the frame drawn after a bare Textual app (an Input, a Static
    it writes to, a Footer) shows the answer: the floor for the grading figure."""
    from textual.app import App, ComposeResult
    from textual.binding import BindingType
    from textual.widgets import Footer, Input, Static

    to_frame: list[float] = []

    class Bare(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [("f2", "bell", "Hint"), ("f3", "bell", "Skip")]

        def compose(self) -> ComposeResult:
            yield Static(id="said")
            yield Input()
            yield Footer()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            began = time.perf_counter()
            self.query_one("#said", Static).update(f"You said: {event.value}")
            event.input.value = ""
            self.call_after_refresh(lambda: to_frame.append(time.perf_counter() - began))

    async with Bare().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(answers):
            await pilot.press(*"the risks outweigh the benefits", "enter")
            await pilot.pause()
    return to_frame


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="start-up runs of each app")
    parser.add_argument("--answers", type=int, default=30, help="answers to time")
    args = parser.parse_args()

    compileall.compile_dir(ROOT / "trainer", quiet=1)  # what `pip install` does
    hello, first, shown, new = bench_startup(args.repeat)
    print(f"start-up (median of {args.repeat}, 80x24 pty):")
    print(f"  bare Textual hello app, first frame        {hello * 1000:7.1f} ms")
    print(
        f"  debate-trainer, first frame, quits at once {first * 1000:7.1f} ms"
        f"   {first / hello:5.2f}x"
    )
    print(
        f"  debate-trainer, the pack's summary shown   {shown * 1000:7.1f} ms"
        f"   {shown / hello:5.2f}x   (target <= 1.30x) {'OK' if shown / hello <= 1.3 else 'MISSED'}"
    )
    print(
        f"  ... on a first start (no summary kept)     {new * 1000:7.1f} ms   {new / hello:5.2f}x"
    )
    bare, version, commands = bench_version(args.repeat)
    print(
        f"--version: {version * 1000:.1f} ms beside python -c pass {bare * 1000:.1f} ms "
        f"({version / bare:.1f}x); command modules imported: {commands} (target 0)"
    )

    memory = bench_memory()
    print(f"peak resident memory, built-in pack open in a quiz: {memory:.1f} MB (target <= 100 MB)")

    with tempfile.TemporaryDirectory() as home:  # the answers are recorded: not in yours
        os.environ["DEBATE_TRAINER_HOME"] = home
        to_update, to_frame = asyncio.run(_grading_latency(args.answers))
    print(f"grading feedback after Enter, built-in pack ({len(to_update)} answers):")
    print(f"  to feedback widget update  median {statistics.median(to_update) * 1000:6.2f} ms")
    print(f"  to the next frame drawn    median {statistics.median(to_frame) * 1000:6.2f} ms")
    bare = statistics.median(asyncio.run(_bare_latency(args.answers)))
    ratio = statistics.median(to_frame) / bare
    print(f"  bare Textual Input to Static app, Enter to the frame: {bare * 1000:6.2f} ms")
    print(f"  (target: within one frame, 16 ms; {ratio:.1f}x the bare app in this run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
