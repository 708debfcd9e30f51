"""The error report: the N worst articles, text with spans marked, gold beside extracted."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sitrep.evaluate.score import ArticleResult, Report, get

EXCERPT = 700  # characters of text shown around the marked spans
GOLD_STYLE = "underline green"
PRED_STYLE = "bold yellow"
MAX_ROWS = 12  # per side: a geowebnews article has up to ~50 toponyms


def worst_cases(report: Report, n: int) -> list[ArticleResult]:
    """The n articles with the most unmatched gold + extracted items, then most field misses."""
    ranked = sorted(enumerate(report.articles), key=lambda item: (item[1].badness, -item[0]), reverse=True)
    return [result for _, result in ranked[:n] if result.badness > (0, 0)]


def _spans(result: ArticleResult) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(gold spans, extracted spans): toponym spans, or the evidence spans of extracted events."""
    record = result.record
    gold = [(int(t["start"]), int(t["end"])) for t in record.get("toponyms") or []]
    pred: list[tuple[int, int]] = []
    for item in result.predicted:
        if get(item, "start") is not None:
            pred.append((int(get(item, "start")), int(get(item, "end"))))
        for evidence in get(item, "evidence") or []:
            pred.append((int(get(evidence, "start")), int(get(evidence, "end"))))
    return gold, pred


def marked_excerpt(result: ArticleResult, width: int = EXCERPT) -> Text:
    """The article text around its marked spans: gold underlined green, extracted bold yellow."""
    text = result.record.get("text") or ""
    gold, pred = _spans(result)
    spans = gold + pred
    begin = max(0, min(s for s, _ in spans) - 100) if spans else 0
    end = min(len(text), begin + width)
    excerpt = Text(("…" if begin else "") + text[begin:end] + ("…" if end < len(text) else ""))
    shift = 1 if begin else 0
    for spans_, style in ((gold, GOLD_STYLE), (pred, PRED_STYLE)):
        for start, stop in spans_:
            if stop > begin and start < end:
                excerpt.stylize(style, max(start, begin) - begin + shift, min(stop, end) - begin + shift)
    return excerpt


def _event_line(event: Any) -> str:
    parts = [get(event, "sub_event_type") or get(event, "event_type") or "?",
             str(get(event, "event_date") or "-"),
             get(event, "location") or "-",
             " vs ".join(a for a in (get(event, "actor1"), get(event, "actor2")) if a) or "-"]
    dead = get(event, "fatalities")
    if dead is None and get(event, "fatalities_low") is not None:
        dead = f"{get(event, 'fatalities_low')}-{get(event, 'fatalities_high')}"
    xy = (get(event, "latitude"), get(event, "longitude"))
    where = f" ({xy[0]:.2f},{xy[1]:.2f})" if None not in xy else ""
    return f"{parts[0]} | {parts[1]} | {parts[2]}{where} | {parts[3]} | dead {dead}"


def _toponym_line(item: Any) -> str:
    xy = (get(item, "latitude"), get(item, "longitude"))
    where = f"({xy[0]:.2f},{xy[1]:.2f})" if None not in xy else "(no coordinates)"
    return f"[{get(item, 'start')}:{get(item, 'end')}] {get(item, 'text')} {where}"


def case_panel(result: ArticleResult, kind: str) -> Panel:
    """One article: excerpt, then gold and extracted side by side (paired rows marked)."""
    record = result.record
    gold = record.get("toponyms") if kind == "toponyms" else record.get("events")
    gold = list(gold or [])
    line = _toponym_line if kind == "toponyms" else _event_line
    paired_gold = {gi: pi for gi, pi in result.pairs}
    paired_pred = {pi: gi for gi, pi in result.pairs}
    table = Table(expand=True, show_lines=False)
    table.add_column(f"gold ({len(gold)})", ratio=1)
    table.add_column(f"extracted ({len(result.predicted)})", ratio=1)
    rows = max(len(gold), len(result.predicted))
    for row in range(min(rows, MAX_ROWS)):
        left = (Text((f"=x{paired_gold[row]} " if row in paired_gold else "✗ ") + line(gold[row]))
                if row < len(gold) else Text(""))
        right = (Text((f"=g{paired_pred[row]} " if row in paired_pred else "✗ ") + line(result.predicted[row]))
                 if row < len(result.predicted) else Text(""))
        table.add_row(left, right)
    if rows > MAX_ROWS:
        table.add_row(Text(f"… {len(gold) - MAX_ROWS} more" if len(gold) > MAX_ROWS else ""),
                      Text(f"… {len(result.predicted) - MAX_ROWS} more" if len(result.predicted) > MAX_ROWS else ""))
    title = f"{record['id']}  unmatched {result.badness[0]}, misses {result.badness[1]}"
    return Panel(Group(marked_excerpt(result), table), title=title, title_align="left")


def render_worst_cases(report: Report, n: int, console: Console | None = None) -> None:
    """Print the n worst articles of a report with rich."""
    console = console or Console()
    cases = worst_cases(report, n)
    console.rule(f"{len(cases)} worst of {report.n_articles} articles "
                 f"(gold {GOLD_STYLE}, extracted {PRED_STYLE}; =xN paired with extracted N, "
                 "=gN with gold N, ✗ unmatched)")
    for result in cases:
        console.print(case_panel(result, report.kind))
