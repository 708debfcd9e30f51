"""Time per pipeline stage: what geoparsing (sitrep_places) and the learned classifier
(sitrep_learned) add to the time per article (issues 4 and 5 ask for at most 20%).

Each column is timed in a fresh interpreter: in one process the second column found the
gazetteer's lookup caches warm from the first and showed `sitrep_places` at half its cost.

    python benchmarks/stages.py [--learned DIR] [--articles N]   # the table
    python benchmarks/stages.py --worker [--learned DIR]          # one column, as JSON
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import GOLD, ROOT  # noqa: E402

from sitrep.evaluate.run import load_records  # noqa: E402

WARM_UP = 10  # texts run before timing (model and lexicon loading), not among the timed ones


def stage_ms(nlp, texts: list[str], warm_up: list[str]) -> dict[str, float]:
    """Milliseconds per article spent in each pipeline component, run one text at a time."""
    for text in warm_up:
        nlp(text)
    total: dict[str, float] = defaultdict(float)
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            total[name] += time.perf_counter() - started
    return {name: 1000 * seconds / len(texts) for name, seconds in total.items()}


def worker(learned_dir: str | None, n_articles: int) -> dict[str, float]:
    """One column: a fresh pipeline warmed on other notes, timed over the first n notes."""
    from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

    records = load_records(GOLD / "acled-2020.jsonl", "all", n_articles + WARM_UP)
    texts = [r["text"] for r in records]
    return stage_ms(shared_pipeline(DEFAULT_MODEL, learned_dir), texts[:n_articles], texts[n_articles:])


def _column(learned_dir: str | None, n_articles: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", "--articles", str(n_articles)]
    if learned_dir:
        command += ["--learned", learned_dir]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(f"stage timing worker failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def stage_table(learned_dir: str | None, n_articles: int = 300) -> list[str]:
    timings = {"rules": _column(None, n_articles)}
    if learned_dir:
        timings["rules + learned"] = _column(learned_dir, n_articles)
    names = list(dict.fromkeys(name for t in timings.values() for name in t))
    head = " | ".join(f"{label} ms/article | {label} share" for label in timings)
    lines = [f"| stage | {head} |", "|---|" + "---|---|" * len(timings)]
    for name in names + ["total"]:
        cells = []
        for t in timings.values():
            total = sum(t.values())
            ms = total if name == "total" else t.get(name)
            cells += ["-", "-"] if ms is None else [f"{ms:.2f}", f"{100 * ms / total:.1f}%"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learned", help="a model directory from `sitrep train`")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.learned, args.articles)))
    else:
        print("\n".join(stage_table(args.learned, args.articles)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
