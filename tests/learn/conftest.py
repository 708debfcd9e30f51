"""A small ACLED export composed here (never gold data), in both column sets, and a model on it."""
from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

# dev countries train; Mexico and Lebanon are test countries of evaluate.splits.country_split
DEV = ["Yemen", "India", "Nigeria", "Syria", "Iraq", "Brazil", "Pakistan", "Kenya"]
TEST = ["Mexico", "Lebanon"]

PLACES = ["Taiz", "Patna", "Kano", "Idlib", "Mosul", "Recife", "Quetta", "Garissa", "Tijuana", "Sidon"]

KINDS = {
    "Peaceful protest": ("Protests", "Protesters ({c})", 6, "", 0, [
        "hundreds of workers protested peacefully in {p} demanding unpaid salaries.",
        "residents held a peaceful demonstration in {p} against rising food prices.",
        "students marched in {p} calling for the reopening of universities. [size=no report]",
        "teachers rallied in front of the governor's office in {p} to demand higher wages.",
    ]),
    "Armed clash": ("Battles", "Military Forces of {c}", 1, "Unidentified Armed Group ({c})", 3, [
        "soldiers clashed with gunmen near {p}; the fighting lasted several hours. 2 fatalities.",
        "an exchange of fire between the army and armed men took place in {p}.",
        "government troops and militants fought heavy battles on the outskirts of {p}.",
        "armed clashes erupted between security forces and fighters in {p}. No casualties reported.",
    ]),
    "Air/drone strike": ("Explosions/Remote violence", "Military Forces of {c}", 1, "Civilians ({c})", 7, [
        "warplanes carried out air strikes on positions in {p}.",
        "a drone strike hit a vehicle near {p}, killing its occupants.",
        "fighter jets bombed the outskirts of {p} in several air raids.",
        "military aircraft conducted airstrikes on hideouts around {p}.",
    ]),
    "Abduction/forced disappearance": ("Violence against civilians", "Unidentified Armed Group ({c})",
                                       3, "Civilians ({c})", 7, [
        "gunmen kidnapped a trader on the road to {p} and demanded a ransom.",
        "armed men abducted two farmers from their homes in {p}.",
        "a local official was kidnapped by unidentified gunmen in {p}.",
        "unknown assailants abducted a nurse near the hospital in {p}.",
    ]),
}

COLUMNS_2020 = ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
                "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
                "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1",
                "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
                "source_scale", "notes", "fatalities", "timestamp", "iso3"]
COLUMNS_2023 = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
                "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
                "source_scale", "notes", "fatalities", "tags", "timestamp"]
INTER_TEXT = {1: "State forces", 3: "Political militia", 6: "Protesters", 7: "Civilians"}
DISORDER = {"Protests": "Demonstrations", "Battles": "Political violence",
            "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence"}


def compose_rows() -> list[dict]:
    """48 rows: 4 sub-event types x 4 notes x 3 countries (two dev, one test per note)."""
    rows = []
    countries = itertools.cycle(DEV + TEST)
    number = itertools.count(1)
    for sub, (event, actor1, inter1, actor2, inter2, notes) in KINDS.items():
        for note in notes:
            for _ in range(3):
                country = next(countries)
                place = PLACES[(DEV + TEST).index(country)]
                day = 1 + next(number) % 9
                rows.append({
                    "n": len(rows) + 1, "day": day, "event_type": event, "sub_event_type": sub,
                    "actor1": actor1.format(c=country), "inter1": inter1,
                    "actor2": actor2.format(c=country), "inter2": inter2, "country": country,
                    "admin1": place + " Governorate", "location": place,
                    "latitude": 10.0 + (DEV + TEST).index(country), "longitude": 40.5,
                    "geo_precision": 1 + len(rows) % 2,
                    "notes": f"On {day} May 2020, " + note.format(p=place),
                })
    return rows


def write_2020(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS_2020)
        writer.writeheader()
        for row in rows:
            writer.writerow({
                "data_id": row["n"], "event_id_cnty": f"X{row['n']}", "event_date": f"{row['day']}-May-20",
                "year": 2020, "time_precision": 1, "event_type": row["event_type"],
                "sub_event_type": row["sub_event_type"], "actor1": row["actor1"], "inter1": row["inter1"],
                "actor2": row["actor2"], "inter2": row["inter2"], "country": row["country"],
                "admin1": row["admin1"], "location": row["location"], "latitude": row["latitude"],
                "longitude": row["longitude"], "geo_precision": row["geo_precision"],
                "notes": row["notes"], "fatalities": 0, "iso3": row["country"][:3].upper()})
    return path


def write_2023(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:  # with a BOM, as Excel saves
        writer = csv.DictWriter(handle, COLUMNS_2023)
        writer.writeheader()
        for row in rows:
            writer.writerow({
                "event_id_cnty": f"X{row['n']}", "event_date": f"2020-05-{row['day']:02d}", "year": 2020,
                "time_precision": 1, "disorder_type": DISORDER[row["event_type"]],
                "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
                "actor1": row["actor1"], "inter1": INTER_TEXT[row["inter1"]], "actor2": row["actor2"],
                "inter2": INTER_TEXT.get(row["inter2"], ""),
                "civilian_targeting": "Civilian targeting" if row["inter2"] == 7 else "",
                "country": row["country"], "admin1": row["admin1"], "location": row["location"],
                "latitude": row["latitude"], "longitude": row["longitude"],
                "geo_precision": row["geo_precision"], "notes": row["notes"], "fatalities": 0,
                "tags": "", "timestamp": 1589220519})
    return path


@pytest.fixture(scope="session")
def composed_rows() -> list[dict]:
    return compose_rows()


@pytest.fixture(scope="session")
def csv_2020(tmp_path_factory, composed_rows) -> Path:
    return write_2020(tmp_path_factory.mktemp("acled") / "export-2020.csv", composed_rows)


@pytest.fixture(scope="session")
def csv_2023(tmp_path_factory, composed_rows) -> Path:
    return write_2023(tmp_path_factory.mktemp("acled") / "export-2023.csv", composed_rows)


@pytest.fixture(scope="session")
def small_model(tmp_path_factory, csv_2020):
    """(model directory, manifest) trained on the composed 2020-style export."""
    from sitrep.learn import train_from_acled

    out = tmp_path_factory.mktemp("model") / "small"
    return out, train_from_acled(csv_2020, out)
