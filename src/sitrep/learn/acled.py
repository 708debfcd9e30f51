"""Reading ACLED export CSVs (2020 and post-2023 column sets) into typed rows.

Columns are found by name, so either set (and exports with extra or missing optional columns)
reads the same way. What differs between the sets lives in acled.json: inter codes spelled as
text, date formats, and the note artefacts removed before learning.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

CONFIG_PATH = Path(__file__).with_name("acled.json")


@lru_cache(maxsize=1)
def config() -> dict:
    return json.loads(CONFIG_PATH.read_text(encoding="utf-8"))


@dataclass
class AcledRow:
    """One coded event row, normalised across export versions."""

    event_id: str
    notes: str
    event_type: str
    sub_event_type: str
    country: str
    event_date: date | None = None
    actor1: str = ""
    assoc_actor_1: list[str] = field(default_factory=list)
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: list[str] = field(default_factory=list)
    inter2: int | None = None
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    disorder_type: str = ""
    civilian_targeting: str = ""


def parse_date(value: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    for fmt in config()["date_formats"]:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def parse_inter(value: str) -> int | None:
    """Inter code from "1" (2020 exports) or "State forces" (post-2023 exports)."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        code = int(value)
        return code if 1 <= code <= 8 else None
    return config()["inter_labels"].get(value.lower())


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _names(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _sniff_delimiter(header: str) -> str:
    # some tools re-save exports with ";" (European locales)
    return ";" if header.count(";") > header.count(",") else ","


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_acled(path: str | Path) -> Iterator[AcledRow]:
    """Rows of an ACLED export; rows without notes or sub-event type are skipped.

    Raises ValueError when a required column is missing (the message names it).
    """
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=_sniff_delimiter(header))
        columns = {name.strip().lower(): name for name in reader.fieldnames or []}
        missing = [name for name in config()["required"] if name not in columns]
        if missing:
            raise ValueError(f"{path}: not an ACLED export, missing column(s): {', '.join(missing)}")

        for raw in reader:
            row = {key.strip().lower(): (value or "").strip() for key, value in raw.items() if key}
            if not row.get("notes") or not row.get("sub_event_type"):
                continue
            yield AcledRow(
                event_id=row.get("event_id_cnty", "") or row.get("data_id", ""),
                notes=row["notes"],
                event_type=row.get("event_type", ""),
                sub_event_type=row["sub_event_type"],
                country=row.get("country", ""),
                event_date=parse_date(row.get("event_date", "")),
                actor1=row.get("actor1", ""),
                assoc_actor_1=_names(row.get("assoc_actor_1", "")),
                inter1=parse_inter(row.get("inter1", "")),
                actor2=row.get("actor2", ""),
                assoc_actor_2=_names(row.get("assoc_actor_2", "")),
                inter2=parse_inter(row.get("inter2", "")),
                iso3=row.get("iso3", ""),
                admin1=row.get("admin1", ""),
                admin2=row.get("admin2", ""),
                admin3=row.get("admin3", ""),
                location=row.get("location", ""),
                latitude=_float(row.get("latitude", "")),
                longitude=_float(row.get("longitude", "")),
                geo_precision=_int(row.get("geo_precision", "")),
                fatalities=_int(row.get("fatalities", "")),
                disorder_type=row.get("disorder_type", ""),
                civilian_targeting=row.get("civilian_targeting", ""),
            )


@lru_cache(maxsize=1)
def _note_patterns() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    cfg = config()
    patterns = [re.compile(p, re.IGNORECASE) for p in cfg["note_patterns"]]
    return patterns, re.compile(cfg["heading_pattern"])


def clean_note(text: str, strip_heading: bool = True) -> str:
    """The note without the artefacts of the note form (size tags, date clause, counts)."""
    patterns, heading = _note_patterns()
    match = heading.match(text)
    label = match.group(0).strip() if match and not strip_heading else ""
    if match:
        text = text[match.end():]
    for pattern in patterns:
        text = pattern.sub(" ", text)
    return re.sub(r"\s+", " ", f"{label} {text}").strip()
