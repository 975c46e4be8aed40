"""`debate-trainer headless --mode MODE [--pack PATH] [--seed N] [--limit N]`: a quiz over pipes.

The user's side comes from standard input (or `--script FILE`): one answer per line, or JSON
lines such as {"answer": "..."} and {"command": "hint"}. Events go to standard output as JSON
Lines; `--transcript FILE` also writes them as readable text. The event schema and the exit
codes are an API, documented in docs/headless.md:

    0    the session ran: to its end, to the end of the input, or until the output closed
    1    an internal error; the summary is still written, the traceback goes to stderr
    2    a bad pack, bad arguments, an unreadable --script or an unwritable --transcript
    130  interrupted (Ctrl-C), 143 terminated (SIGTERM); the summary is written first

This module imports the quiz engine and the loader only; never Textual, and the grader only
when the first answer is graded.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, BinaryIO, TextIO

from trainer.commands._common import EXIT_INVALID, EXIT_OK, load_or_report, open_store_or_report
from trainer.locations import builtin_pack_dir
from trainer.packs.safe_text import json_text, visible
from trainer.quiz.events import Event, SummaryEvent
from trainer.quiz.modes import Mode
from trainer.quiz.session import EndReason, Session
from trainer.quiz.spar import DEFAULT_SECONDS, MAX_SECONDS, MIN_SECONDS

if TYPE_CHECKING:
    from trainer.progress import ProgressStore

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class _Terminated(BaseException):
    """SIGTERM, raised where the session is, so it can still write its summary."""


class _OutputFailed(Exception):
    """An output could not be written (a full disk): the session stops, and says so."""

    def __init__(self, what: str, error: OSError) -> None:
        super().__init__(f"headless: cannot write {what}: {error.strerror}; the session stopped")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "headless",
        help="run a quiz over standard input and output, as JSON Lines (for scripts and tests)",
        description="Run a quiz without the terminal app: answers (or JSON commands) one per "
        "line on standard input, JSON Lines events on standard output. Exit 0 when the "
        "session ran, 2 for a bad pack or arguments, 130/143 when interrupted. "
        "See docs/headless.md.",
    )
    parser.add_argument("--pack", metavar="PATH", help="a pack folder (default: the built-in pack)")
    parser.add_argument(
        "--mode", required=True, choices=[mode.value for mode in Mode], help="what to ask"
    )
    parser.add_argument("--seed", type=int, metavar="N", help="same seed, same session")
    parser.add_argument(
        "--limit", type=_count, metavar="N", help="ask at most N questions (default: all)"
    )
    parser.add_argument(
        "--seconds",
        type=_seconds,
        metavar="N",
        help=f"in a spar round, seconds per point ({MIN_SECONDS}-{MAX_SECONDS}, "
        f"default {DEFAULT_SECONDS})",
    )
    parser.add_argument("--script", metavar="FILE", help="read the input from FILE, not stdin")
    parser.add_argument("--transcript", metavar="FILE", help="also write a readable transcript")
    parser.add_argument(
        "--record",
        action="store_true",
        help="save the attempts to the progress store (scripts do not touch it otherwise)",
    )
    parser.add_argument(
        "--no-linked-review",
        dest="linked_review",
        action="store_false",
        help="in a review, plain FSRS order: a lapse does not bring forward what stands on it",
    )
    parser.set_defaults(run=run)


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def _count(text: str) -> int:
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _seconds(text: str) -> int:
    value = _whole(text)
    if not MIN_SECONDS <= value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"must be {MIN_SECONDS} to {MAX_SECONDS} seconds")
    return value


def encode(event: Event) -> bytes:
    """One JSON Lines record: UTF-8, one line, nothing a terminal would act on."""
    # C1 and bidi controls are legal unescaped in JSON text but act on terminals.
    text = json_text(event.to_json())
    return (text + "\n").encode("utf-8")


class _Output:
    """Writes each event at once: JSON to `out`, text to the transcript (written first, so
    it stays complete when `out` is a closed pipe)."""

    def __init__(
        self,
        out: BinaryIO,
        transcript: TextIO | None,
        observer: Callable[[Event], None] | None = None,
    ) -> None:
        self.out = out
        self.transcript = transcript
        self.observer = observer
        self.closed = False
        self.failed = False
        """True when writing `out` failed (not a closed pipe): stdout is then discarded."""
        self.transcript_name = str(getattr(transcript, "name", ""))

    def emit(self, event: Event) -> None:
        """Write the event to every output; an output that fails (a full disk) is dropped
        after the others have the event, and `_OutputFailed` says which."""
        if self.observer is not None:
            self.observer(event)
        failure: _OutputFailed | None = None
        if self.transcript is not None:
            from trainer.quiz.transcript import render

            try:
                self.transcript.writelines(line + "\n" for line in render(event))
                self.transcript.flush()
            except OSError as error:
                self._drop_transcript()
                what = f"the transcript {visible(self.transcript_name)}".rstrip()
                failure = _OutputFailed(what, error)
        if not self.closed:
            try:
                self.out.write(encode(event))
                self.out.flush()
            except BrokenPipeError:
                self.closed = True
                raise
            except OSError as error:
                self.closed = self.failed = True
                failure = failure or _OutputFailed("the output", error)
        if failure is not None:
            raise failure

    def _drop_transcript(self) -> None:
        """Stop writing the transcript, and close it now: closing flushes, and a flush that
        fails again at exit would be a traceback."""
        assert self.transcript is not None
        with suppress(OSError):
            self.transcript.close()
        self.transcript = None


def serve(
    session: Session,
    source: IO[bytes],
    out: BinaryIO,
    transcript: TextIO | None = None,
    observer: Callable[[Event], None] | None = None,
) -> int:
    """Run the session over `source`, writing events to `out`; returns the exit code.

    Whatever stops the session (end of input, Ctrl-C, SIGTERM, a closed output, a bug), its
    summary is written before returning, to every output still open.
    """
    from trainer.quiz.inputs import drive, read_lines

    output = _Output(out, transcript, observer)
    try:
        _release_held_signals()  # one held since start-up is raised here, inside the try
        if transcript is not None:
            from trainer.quiz.transcript import header

            transcript.write(header(session.pack.id, session.mode.value, session.seed) + "\n")
        drive(session, read_lines(source), output.emit)
    except _OutputFailed as failure:
        print(failure, file=sys.stderr)
        _close(session, output, EndReason.OUTPUT_CLOSED)
        return EXIT_INVALID
    except KeyboardInterrupt:
        _close(session, output, EndReason.INTERRUPTED)
        return EXIT_INTERRUPTED
    except _Terminated:
        _close(session, output, EndReason.TERMINATED)
        return EXIT_TERMINATED
    except BrokenPipeError:
        _close(session, output, EndReason.OUTPUT_CLOSED)
        return EXIT_OK
    except Exception:
        import traceback

        traceback.print_exc()
        _close(session, output, EndReason.ERROR)
        return EXIT_ERROR
    return EXIT_OK


def _release_held_signals() -> None:
    """Let through the Ctrl-C and SIGTERM that `trainer.cli` holds back during start-up."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _close(session: Session, output: _Output, reason: EndReason) -> None:
    """End the session, writing its summary to every output that still takes it."""
    for event in session.finish(reason):
        try:
            output.emit(event)
        except BrokenPipeError:
            pass  # the transcript has it; stdout is gone
        except _OutputFailed as failure:
            print(failure, file=sys.stderr)


@contextmanager
def _summary_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception while the session runs (main thread only)."""

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _recorder(store: ProgressStore, session: Session) -> Callable[[Event], None]:
    """Record each event as it is emitted; if the store fails, say so once and go on."""
    from trainer.progress import StoreError
    from trainer.progress.recorder import SessionRecorder

    recorder = SessionRecorder(store, session.pack, session.mode.value, f"seed-{session.seed}")
    failed = False

    def observe(event: Event) -> None:
        nonlocal failed
        if failed:
            return
        try:
            recorder.consume([event])
        except StoreError as error:
            failed = True
            print(f"headless: progress not saved from here on: {error}", file=sys.stderr)

    return observe


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist yet: not the same file
        return False


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack or builtin_pack_dir())
    if pack is None:
        return EXIT_INVALID
    with ExitStack() as stack:
        try:
            source: IO[bytes] = (
                stack.enter_context(open(args.script, "rb")) if args.script else sys.stdin.buffer
            )
        except OSError as error:
            print(f"cannot read the script {args.script}: {error.strerror}", file=sys.stderr)
            return EXIT_INVALID
        transcript: TextIO | None = None
        if args.transcript and args.script and _same_file(args.transcript, args.script):
            print(
                f"the transcript {visible(args.transcript)} is the script itself; writing it "
                "would destroy the script. Choose another file.",
                file=sys.stderr,
            )
            return EXIT_INVALID
        if args.transcript:
            try:
                transcript = stack.enter_context(open(args.transcript, "w", encoding="utf-8"))
            except OSError as error:
                print(
                    f"cannot write the transcript {args.transcript}: {error.strerror}",
                    file=sys.stderr,
                )
                return EXIT_INVALID
        store = None
        if args.record or args.mode == Mode.REVIEW:
            store = open_store_or_report("headless")
            if store is None:
                return EXIT_INVALID
            stack.enter_context(store)
        questions = None
        if args.mode == Mode.REVIEW:
            assert store is not None
            from trainer.progress.linked import review_plan
            from trainer.quiz.review import questions_for

            plan = review_plan(store, pack, datetime.now(UTC), linked=args.linked_review)
            questions = questions_for(pack, plan.items, plan.why)
            if not questions:
                print(f"nothing in {pack.id} is due for review", file=sys.stderr)
        if not args.linked_review and args.mode != Mode.REVIEW:
            print("headless: --no-linked-review is for a review (--mode review)", file=sys.stderr)
            return EXIT_INVALID
        if args.seconds is not None and args.mode != Mode.SPAR:
            print("headless: --seconds is for a spar round (--mode spar)", file=sys.stderr)
            return EXIT_INVALID
        session = Session(
            pack,
            args.mode,
            seed=args.seed,
            limit=args.limit,
            questions=questions,
            seconds=args.seconds,
        )
        if not session.questions and args.limit != 0 and args.mode != Mode.REVIEW:
            print(f"the pack {pack.id} has no questions for mode {args.mode}", file=sys.stderr)
        observer = _recorder(store, session) if args.record and store is not None else None
        with _summary_on_sigterm():
            code = serve(session, source, sys.stdout.buffer, transcript, observer)
    last = session.events[-1] if session.events else None
    if isinstance(last, SummaryEvent) and last.reason == EndReason.OUTPUT_CLOSED:
        # Python flushes stdout at exit; point it at /dev/null so that is not an error too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return code
