"""Hostile packs at the format's limits (issue 12): every command finishes in seconds.

Cases, each at several sizes so the cost can be seen to grow linearly:
- passages absent from (and present late in) a large article, against a plain `str.find`
  per passage (the loader's old way) on the same data as the baseline;
- one long text aliased many times (refused by the text budget before any work);
- `check` on the worst passage packs and on the densest 5 MB packs, each in its own process,
  with its peak memory (target: under 5 s and 500 MB).

The machine is shared and noisy: the in-process figures are medians of several runs; each
end-to-end `check` is one run (a few seconds each), so read those as rough.

    .venv/bin/python benchmarks/bench_hostile.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_load import median_seconds  # the same median as the load benchmark's

from trainer.packs import PackError, load_pack
from trainer.packs.passages import FoldedSource

ROOT = Path(__file__).resolve().parents[1]
HEAD = 'format: 1\nid: hostile\ntitle: t\nversion: "1"\n'
THESIS = "thesis:\n  id: thesis\n  text: t\n  answer:\n    canonical: c\n"


def article(words: int, rng: random.Random) -> str:
    vocabulary = [f"word{i}" for i in range(20_000)]
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def passages(text: str, count: int, present: bool, rng: random.Random) -> list[str]:
    tokens = text.split(" ")
    if present:  # from the last part of the article: the worst place for a plain search
        starts = [rng.randrange(len(tokens) * 9 // 10, len(tokens) - 9) for _ in range(count)]
        return [" ".join(tokens[s : s + 8]) for s in starts]
    return [" ".join(rng.choice(tokens) for _ in range(8)) for _ in range(count)]


def bench_search(repeat: int) -> None:
    print("passages searched: indexed vs plain str.find (median seconds)")
    rng = random.Random(1)
    for words in (150_000, 300_000, 600_000):
        text = article(words, rng)
        for present in (False, True):
            wanted = passages(text, 5_000, present, rng)

            def plain_search(text: str = text, wanted: list[str] = wanted) -> None:
                for passage in wanted:
                    text.find(passage)

            def indexed_search(text: str = text, wanted: list[str] = wanted) -> None:
                source = FoldedSource(text)  # builds its index once the scans add up
                for passage in wanted:
                    source.find(passage)

            plain = median_seconds(plain_search, repeat)
            indexed = median_seconds(indexed_search, repeat)
            kind = "present" if present else "absent "
            print(
                f"  {len(text) / 1e6:4.1f} MB, 5,000 {kind}: indexed {indexed:6.3f}  "
                f"plain {plain:6.3f}  ratio {plain / indexed:5.1f}x"
            )


def bench_aliases(repeat: int, folder: Path) -> None:
    print("one 20,000-character text aliased N times in accept (refused by the text budget)")
    long_text = ("uniforms " * 2300)[:19_999]
    for count in (1_000, 10_000, 100_000):
        pack = folder / f"alias-{count}"
        pack.mkdir()
        refs = ", ".join(["*x"] * count)
        (pack / "pack.yaml").write_text(
            HEAD + THESIS + f'    hint: &x "{long_text}"\n    accept: [{refs}]\n', "utf-8"
        )

        def load(pack: Path = pack) -> None:
            with contextlib.suppress(PackError):
                load_pack(pack, cache=False)

        print(f"  {count:>7,} aliases: {median_seconds(load, repeat):6.3f} s")


def bench_vocabulary(repeat: int) -> None:
    print("preparing a vocabulary of 100-spelling groups (the limit is 20,000 spellings)")
    from trainer.grading.normalise import normalise
    from trainer.grading.vocabulary import Rewrites
    from trainer.packs.model import Vocabulary

    for groups in (50, 100, 200):
        same = tuple(tuple(f"g{groups}s{g}x{k}word" for k in range(100)) for g in range(groups))
        vocabulary = Vocabulary(same)

        def prepare(vocabulary: Vocabulary = vocabulary) -> None:
            normalise.cache_clear()  # as in a fresh process
            Rewrites(vocabulary)

        print(f"  {groups * 100:>6,} spellings: {median_seconds(prepare, repeat):6.3f} s")


def timed_check(pack: Path) -> tuple[float, float]:
    """Seconds and peak megabytes of `debate-trainer check PACK` in its own process."""
    code = (
        "import resource, runpy, sys; sys.argv = ['debate-trainer', 'check', sys.argv[1]]\n"
        "try:\n    runpy.run_module('trainer', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(pack)], cwd=ROOT, capture_output=True, check=False
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.split()[-1]) / 1024


def verdict(seconds: float, megabytes: float) -> str:
    return "OK" if seconds <= 5 and megabytes <= 500 else "OVER"


def bench_check(folder: Path) -> None:
    print("`check` end to end, one process each (target: under 5 s and 500 MB)")
    rng = random.Random(2)
    text = article(600_000, rng)[:4_000_000]
    for present in (False, True):
        pack = folder / f"check-{present}"
        pack.mkdir()
        (pack / "article.txt").write_text(text, "utf-8")
        lines = [HEAD + "source:\n  title: s\n  file: article.txt\n" + THESIS + "premises:"]
        for index, passage in enumerate(passages(text, 20_000, present, rng)):
            lines.append(
                f'  - {{id: p{index}, text: t, passage: "{passage}", answer: {{canonical: c}}}}'
            )
        (pack / "pack.yaml").write_text("\n".join(lines) + "\n", "utf-8")
        seconds, megabytes = timed_check(pack)
        kind = "present" if present else "absent"
        print(
            f"  20,000 passages {kind:7} in a 4 MB article: {seconds:6.2f} s "
            f"{megabytes:5.0f} MB  {verdict(seconds, megabytes)}"
        )
    for items in (10_000, 50_000, 100_000):  # the densest 5 MB a pack may be
        pack = folder / f"dense-{items}"
        pack.mkdir()
        item = "  - {{id: p{}, text: t, answer: {{canonical: c}}}}\n"
        body = "".join(item.format(i) for i in range(items))
        (pack / "pack.yaml").write_text(HEAD + THESIS + "premises:\n" + body, "utf-8")
        seconds, megabytes = timed_check(pack)
        print(
            f"  {items:>7,} one-line items: {seconds:6.2f} s {megabytes:5.0f} MB  "
            f"{verdict(seconds, megabytes)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_search(args.repeat)
    bench_vocabulary(args.repeat)
    with tempfile.TemporaryDirectory() as scratch:
        bench_aliases(args.repeat, Path(scratch))
        bench_check(Path(scratch))


if __name__ == "__main__":
    main()
