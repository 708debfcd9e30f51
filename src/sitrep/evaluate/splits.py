"""Honest splits of the gold sets: tune on `dev`, report on `test`.

acled-2020 is split by country (a fixed hash, so it never changes between runs): rules or
models tuned on dev countries are scored on countries they never saw.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

Split = Literal["dev", "test", "all"]
TEST_SHARE = 0.3  # of countries
SEED = "sitrep-split-v1"


def country_split(country: str) -> Literal["dev", "test"]:
    digest = hashlib.sha1(f"{SEED}|{country.strip().lower()}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) / 0xFFFFFFFF < TEST_SHARE else "dev"


def article_split(record: dict) -> Literal["dev", "test"]:
    """By the country of the first gold event; articles without events split by id."""
    events = record.get("events") or []
    key = events[0].get("country") if events and events[0].get("country") else record["id"]
    return country_split(key)


def read_gold(path: str | Path, split: Split = "all") -> Iterator[dict]:
    """Gold records of one file (format: ../shared/gold/README.md), optionally one split."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if split == "all" or article_split(record) == split:
                yield record
