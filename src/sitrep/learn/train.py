"""`sitrep train`: learn a model directory from an analyst's own ACLED export.

The directory holds the sub-event classifier (classifier.npz + classifier.json), actors.tsv,
gazetteer.tsv, the learned actor aliases and regimes (aliases.tsv, states.tsv: see aliases.py)
and manifest.json. With holdout="country" (the default) everything is learned from the rows
whose country `sitrep.evaluate.splits.country_split` puts in "dev", and the manifest scores the
classifier on the "test" countries, which it never saw. With holdout="date" everything is
learned from the rows dated before `before` and scored on the rows from that date on, the way
an analyst's own export is used: coded past, news to come.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from sitrep.evaluate import splits
from sitrep.learn.acled import AcledRow, clean_note, file_sha256, read_acled
from sitrep.learn.classifier import NO_EVENT, SubEventClassifier, event_types
from sitrep.learn.aliases import write_learned_tables
from sitrep.learn.tables import write_tables

MANIFEST = "manifest.json"
NO_EVENT_PATH = Path(__file__).with_name("no_event.txt")
RARE_EVENTS_PATH = Path(__file__).with_name("rare_events.tsv")
HOLDOUTS = ("country", "date", "none")
CALIBRATION_SEED = "sitrep-calibrate-v1"
CALIBRATION_SHARE = 0.25  # of the training countries, held out once to fit the temperature
LATEST_SHARE = 0.2  # holdout="date" with no cut given: about this share of the rows, the latest


@dataclass
class Manifest:
    """What a model directory was learned from, and how well it did on data it never saw."""

    sitrep_version: str
    created: str
    training_data: dict             # path, sha256, rows
    holdout: dict                   # kind, rule, train/test countries and rows
    classifier: dict                # settings, temperature, classes
    scores: dict | None             # on the held-back split; None when nothing was held back
    tables: dict = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def save(self, directory: str | Path) -> None:
        path = Path(directory) / MANIFEST
        path.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> Manifest:
        return cls(**json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8")))


def no_event_sentences(path: str | Path = NO_EVENT_PATH) -> list[str]:
    """Ordinary news sentences (no_event.txt), learned as the "no event" class."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def rare_event_reports(path: str | Path = RARE_EVENTS_PATH) -> list[tuple[str, str, str]]:
    """(sentence, sub_event_type, event_type) of rare_events.tsv: hand-written reports of the
    sub-event types coded notes rarely show, learned beside the export's notes."""
    reports = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, sub, event = (cell.strip() for cell in line.split("\t")[:3])
            reports.append((sentence, sub, event))
    return reports


def _calibration_country(country: str) -> bool:
    digest = hashlib.sha1(f"{CALIBRATION_SEED}|{country.strip().lower()}".encode()).hexdigest()
    return int(digest[:8], 16) / 0xFFFFFFFF < CALIBRATION_SHARE


def written_texts(mapping: dict[str, str], no_event: bool = True, rare_events: bool = True,
                  strip_heading: bool = False) -> tuple[list[str], list[str]]:
    """Hand-written texts learned beside the notes, and their labels: ordinary news (no_event.txt,
    the "no event" class) and reports of rare sub-event types (rare_events.tsv). Adds their
    event types to `mapping`."""
    texts, labels = [], []
    if no_event:
        mapping[NO_EVENT] = NO_EVENT
        texts += no_event_sentences()
        labels += [NO_EVENT] * (len(texts))
    for sentence, sub, event in rare_event_reports() if rare_events else []:
        mapping.setdefault(sub, event)
        texts.append(sentence)
        labels.append(sub)
    return [clean_note(text, strip_heading=strip_heading) for text in texts], labels


def fit_calibrated(train: list[AcledRow], text: Callable[[AcledRow], str], written: list[str],
                   written_labels: list[str], mapping: dict[str, str],
                   settings: dict | None = None) -> SubEventClassifier:
    """The classifier on the training rows plus hand-written texts, its temperature fitted once
    on some training countries held out from a first fit (1.0 when there are too few)."""
    fit_rows = [row for row in train if not _calibration_country(row.country)]
    calib_rows = [row for row in train if _calibration_country(row.country)]
    temperature = 1.0
    if calib_rows and len({row.sub_event_type for row in fit_rows}) >= 2:
        probe = SubEventClassifier.fit([text(r) for r in fit_rows] + written,
                                       [r.sub_event_type for r in fit_rows] + written_labels,
                                       mapping, settings)
        temperature = probe.calibrate([text(r) for r in calib_rows],
                                      [r.sub_event_type for r in calib_rows])
    model = SubEventClassifier.fit([text(r) for r in train] + written,
                                   [r.sub_event_type for r in train] + written_labels, mapping, settings)
    model.temperature = temperature
    return model


def score(model: SubEventClassifier, rows: list[AcledRow], texts: list[str],
          train_labels: list[str]) -> dict:
    """Held-out figures, with the majority-class baseline beside them."""
    predicted = model.predict(texts)
    gold_sub = [row.sub_event_type for row in rows]
    gold_type = [row.event_type or model.event_type_of.get(row.sub_event_type, "") for row in rows]
    sub = [p[0] for p in predicted]
    majority = Counter(train_labels).most_common(1)[0][0]
    per_class = f1_score(gold_sub, sub, average=None, labels=sorted(set(gold_sub)), zero_division=0)
    support = Counter(gold_sub)
    return {
        "rows": len(rows),
        "event_type_accuracy": round(accuracy_score(gold_type, [p[1] for p in predicted]), 4),
        "sub_event_weighted_f1": round(f1_score(gold_sub, sub, average="weighted", zero_division=0), 4),
        "sub_event_accuracy": round(accuracy_score(gold_sub, sub), 4),
        "majority_baseline": {
            "label": majority,
            "sub_event_weighted_f1": round(f1_score(gold_sub, [majority] * len(rows),
                                                    average="weighted", zero_division=0), 4),
            "sub_event_accuracy": round(accuracy_score(gold_sub, [majority] * len(rows)), 4),
        },
        "per_class_f1": {label: {"f1": round(float(value), 4), "support": support[label]}
                         for label, value in zip(sorted(set(gold_sub)), per_class)},
    }


def split_rows(rows: list[AcledRow], holdout: str,
               before: date | None = None) -> tuple[list[AcledRow], list[AcledRow]]:
    """(training rows, held-out rows) of one holdout kind; rows without a date are never
    learned from under holdout="date" (nothing says they came before)."""
    if holdout == "country":
        return ([row for row in rows if splits.country_split(row.country) == "dev"],
                [row for row in rows if splits.country_split(row.country) == "test"])
    if holdout == "date":
        before = before or latest_share_cut(rows)
        if before is None:
            raise ValueError("no row has an event_date to split on: use holdout 'country' or 'none'")
        return ([row for row in rows if row.event_date and row.event_date < before],
                [row for row in rows if row.event_date and row.event_date >= before])
    return rows, []


def latest_share_cut(rows: list[AcledRow], share: float = LATEST_SHARE) -> date | None:
    """The cut that holds back the latest dates (about `share` of the dated rows, at least the
    last date, never every date): an export scored as news to come, whatever its countries."""
    dates = sorted(row.event_date for row in rows if row.event_date)
    if len(set(dates)) < 2:
        return dates[0] if dates else None
    cut = dates[min(len(dates) - 1, int(len(dates) * (1 - share)))]
    return cut if cut > dates[0] else sorted(set(dates))[1]


def _holdout_rule(holdout: str, before: date | None) -> str:
    if holdout == "country":
        return ("trained on rows whose country sitrep.evaluate.splits.country_split() "
                "puts in 'dev'; scored on 'test'")
    if holdout == "date":
        return f"trained on rows dated before {before}; scored on rows dated {before} or later"
    return "trained on every row; nothing held back"


def train_from_acled(csv_path: str | Path, out_dir: str | Path, holdout: str = "country",
                     settings: dict | None = None, strip_heading: bool = False,
                     no_event: bool = True, rare_events: bool = True,
                     before: date | None = None) -> Manifest:
    """Learn a model directory from an ACLED export (2020 or post-2023 column set).

    holdout="country": learn from dev countries only and score on the test countries of
    `country_split`; holdout="date": learn from the rows dated before `before` and score on the
    others; holdout="none": learn from every row (no scores). no_event: also learn the
    sentences of no_event.txt as the "no event" class (the learned stage then adds an event
    only where the text reads as one). rare_events: also learn the reports of rare_events.tsv.
    """
    if holdout not in HOLDOUTS:
        raise ValueError(f"holdout must be one of {HOLDOUTS}, not {holdout!r}")
    from sitrep import __version__

    csv_path, out_dir = Path(csv_path), Path(out_dir)
    rows = list(read_acled(csv_path))
    if holdout == "date" and before is None:
        before = latest_share_cut(rows)
    train, test = split_rows(rows, holdout, before)
    if holdout == "country" and rows and not train:
        countries = sorted({row.country for row in rows})
        raise ValueError(f"{csv_path}: the country split holds back every country of this export "
                         f"({', '.join(countries[:5])}{' ...' if len(countries) > 5 else ''}), so nothing "
                         "is left to learn from: use --holdout date (learn from the earlier rows, score "
                         "on the latest) or --holdout none")
    if len({row.sub_event_type for row in train}) < 2:
        raise ValueError(f"{csv_path}: the training rows hold fewer than two sub-event types")

    def text(row: AcledRow) -> str:
        return clean_note(row.notes, strip_heading=strip_heading)

    mapping = event_types([(row.sub_event_type, row.event_type) for row in rows if row.event_type])
    labels = [row.sub_event_type for row in train]
    written, written_labels = written_texts(mapping, no_event, rare_events, strip_heading)
    model = fit_calibrated(train, text, written, written_labels, mapping, settings)
    temperature = model.temperature
    model.save(out_dir)
    table_counts = write_tables(train, out_dir)
    table_counts.update(write_learned_tables(train, out_dir))

    scores = score(model, test, [text(r) for r in test], labels) if test else None
    manifest = Manifest(
        sitrep_version=__version__,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        training_data={"path": str(csv_path), "sha256": file_sha256(csv_path), "rows": len(rows)},
        holdout={
            "kind": holdout,
            "rule": _holdout_rule(holdout, before),
            "before": before.isoformat() if holdout == "date" and before else None,
            "split_seed": splits.SEED if holdout == "country" else None,
            "test_share_of_countries": splits.TEST_SHARE if holdout == "country" else None,
            "train_rows": len(train),
            "test_rows": len(test),
            "calibration_rows": (sum(_calibration_country(row.country) for row in train)
                                 if temperature != 1.0 else 0),
            "train_countries": sorted({row.country for row in train}),
            "test_countries": sorted({row.country for row in test}),
        },
        classifier={"kind": "tfidf-word-char+linear-svm", "settings": model.settings,
                    "temperature": temperature, "classes": model.classes,
                    "no_event_sentences": written_labels.count(NO_EVENT),
                    "rare_event_reports": sum(label != NO_EVENT for label in written_labels),
                    "notes_cleaning": {"strip_heading": strip_heading}},
        scores=scores,
        tables=table_counts,
        files=sorted(p.name for p in out_dir.iterdir() if p.name != "manifest.json") + ["manifest.json"],
    )
    manifest.save(out_dir)
    return manifest


def run_train(csv_path: str | Path, out_dir: str | Path, holdout: str = "date",
              show_heldout: bool = False, before: date | None = None) -> int:
    """CLI body of `sitrep train --acled EXPORT.csv --out DIR`: trains, prints a summary.

    Holds back the latest rows by default (an analyst's own export: learn every country from
    the past, score on the latest fifth); `train_from_acled` keeps the benchmarks' country split.
    The held-out (later or test-country) scores go to the manifest; they are printed only with
    `show_heldout`, so that a look at them is a deliberate act, not a side effect of training.
    Exit codes: 0 trained, 2 unreadable or unusable export.
    """
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    try:
        with console.status(f"training on {csv_path}"):
            manifest = train_from_acled(csv_path, out_dir, holdout=holdout, before=before)
    except (OSError, ValueError) as error:
        console.print(f"[red]sitrep train: {error}[/red]")
        return 2
    held = manifest.holdout
    console.print(f"[bold]model[/bold] {out_dir}: {held['train_rows']} training rows "
                  f"({len(held['train_countries'])} countries), {manifest.tables['actors']} actors "
                  f"({manifest.tables.get('aliases', 0)} learned aliases), "
                  f"{manifest.tables['places']} places, temperature "
                  f"{manifest.classifier['temperature']:.3g}")
    if manifest.scores and not show_heldout:
        console.print(f"held-out scores ({held['test_rows']} rows) are in {out_dir}/manifest.json; "
                      "--show-heldout prints them")
    elif manifest.scores:
        scores = manifest.scores
        what = "countries" if held["kind"] == "country" else f"rows dated {held.get('before')} or later"
        table = Table(title=f"held-out {what} ({held['test_rows']} rows, "
                            f"{len(held['test_countries'])} countries)")
        for column in ("", "event_type acc", "sub-event weighted F1", "sub-event acc"):
            table.add_column(column)
        base = scores["majority_baseline"]
        table.add_row("classifier", f"{scores['event_type_accuracy']:.3f}",
                      f"{scores['sub_event_weighted_f1']:.3f}", f"{scores['sub_event_accuracy']:.3f}")
        table.add_row(f"majority ({base['label']})", "", f"{base['sub_event_weighted_f1']:.3f}",
                      f"{base['sub_event_accuracy']:.3f}")
        console.print(table)
    else:
        console.print("nothing held back: no scores (holdout='none')")
    return 0
