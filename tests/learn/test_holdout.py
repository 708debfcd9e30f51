"""What `sitrep train` holds back: the latest rows by default under --holdout date, and a clear
error where the country split would leave nothing to learn from."""
from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from sitrep.evaluate.splits import country_split
from sitrep.learn.acled import AcledRow
from sitrep.learn.train import latest_share_cut, split_rows, train_from_acled


def _row(event_date: date | None) -> AcledRow:
    return AcledRow(event_id="X1", notes="", event_type="Battles", sub_event_type="Armed clash",
                    country="Syria", event_date=event_date)


def _rows(days: list[int]) -> list[AcledRow]:
    start = date(2021, 3, 1)
    return [_row(start + timedelta(days=d)) for d in days]


def test_the_cut_holds_back_about_the_latest_fifth():
    rows = _rows(list(range(10)))
    cut = latest_share_cut(rows)
    train, test = split_rows(rows, "date", cut)
    assert (len(train), len(test)) == (8, 2)
    assert max(r.event_date for r in train) < min(r.event_date for r in test)


def test_the_cut_never_holds_back_everything_nor_nothing():
    same_day_mostly = _rows([0] * 9 + [1])
    train, test = split_rows(same_day_mostly, "date", latest_share_cut(same_day_mostly))
    assert (len(train), len(test)) == (9, 1)
    skewed = _rows([0] + [5] * 9)  # most rows on the last day: the first day is still learned
    train, test = split_rows(skewed, "date", latest_share_cut(skewed))
    assert (len(train), len(test)) == (1, 9)
    assert latest_share_cut(_rows([])) is None
    assert latest_share_cut([_row(None)]) is None


def test_an_export_of_held_back_countries_only_says_what_to_do(csv_2020, tmp_path):
    export = tmp_path / "export.csv"
    with open(csv_2020, encoding="utf-8", newline="") as source, open(export, "w", encoding="utf-8",
                                                                      newline="") as sink:
        reader = csv.DictReader(source)
        writer = csv.DictWriter(sink, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        kept = [row for row in reader if country_split(row["country"]) == "test"]
        writer.writerows(kept)
    assert kept
    with pytest.raises(ValueError, match="--holdout date"):
        train_from_acled(export, tmp_path / "m")
    manifest = train_from_acled(export, tmp_path / "d", holdout="date")
    assert manifest.holdout["train_rows"] > 0
    assert manifest.holdout["train_countries"] == sorted({row["country"] for row in kept})
