"""Time per pipeline stage: what geoparsing (sitrep_places) and the learned classifier
(sitrep_learned) add to the time per article (issues 4 and 5 ask for at most 20%)."""
from __future__ import annotations

import time
from collections import defaultdict

from common import GOLD

from sitrep.evaluate.run import load_records


def stage_ms(nlp, texts: list[str]) -> dict[str, float]:
    """Milliseconds per article spent in each pipeline component, run one text at a time."""
    for text in texts[:10]:  # warm caches (gazetteer, lexicons) before timing
        nlp(text)
    total: dict[str, float] = defaultdict(float)
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            total[name] += time.perf_counter() - started
    return {name: 1000 * seconds / len(texts) for name, seconds in total.items()}


def stage_table(learned_dir: str | None, n_articles: int = 300) -> list[str]:
    from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

    texts = [r["text"] for r in load_records(GOLD / "acled-2020.jsonl", "all", n_articles)]
    timings = {"rules": stage_ms(shared_pipeline(DEFAULT_MODEL, None), texts)}
    if learned_dir:
        timings["rules + learned"] = stage_ms(shared_pipeline(DEFAULT_MODEL, learned_dir), texts)
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
