"""Actor aliases and state regimes learned by `sitrep train`, and the time split (--holdout date),
on a small export written here (invented groups and notes, never gold data)."""
from __future__ import annotations

import csv
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sitrep.actors.table import load_aliases
from sitrep.learn import Manifest, add_learned_stage, train_from_acled
from sitrep.learn.acled import read_acled
from sitrep.learn.aliases import candidates, is_generic, learned_aliases, learned_states
from sitrep.learn.train import split_rows

COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
           "inter1", "actor2", "assoc_actor_2", "inter2", "country", "location", "notes"]
ZLF = "ZLF: Zorbanian Liberation Front"
ARMY = "Military Forces of Zorbania (2011-)"


def row(n: int, day: int, actor1: str, inter1: int, actor2: str, inter2: int, notes: str,
        sub: str = "Armed clash", event: str = "Battles", country: str = "Zorbania") -> dict:
    return {"event_id_cnty": f"ZOR{n}", "event_date": f"2020-05-{day:02d}", "event_type": event,
            "sub_event_type": sub, "actor1": actor1, "inter1": inter1, "actor2": actor2,
            "inter2": inter2, "country": country, "location": "Kestrel", "notes": notes}


def export_rows() -> list[dict]:
    rows = []
    for n in range(4):  # the ZLF, named in full or by acronym, fighting the army
        rows.append(row(len(rows), 1 + n, ZLF, 2, ARMY, 1,
                        f"On {1 + n} May 2020, ZLF fighters clashed with the army near Kestrel ({n})."))
        rows.append(row(len(rows), 1 + n, ARMY, 1, ZLF, 2,
                        f"Soldiers attacked a Zorbanian Liberation Front camp near Kestrel ({n})."))
    # "Harrow Battalion" in 3 notes, one coding it: too few of its notes code it
    rows.append(row(len(rows), 2, "Harrow Battalion", 3, "Civilians (Zorbania)", 7,
                    "Harrow Battalion gunmen shot a farmer.", "Attack", "Violence against civilians"))
    for n in range(2):
        rows.append(row(len(rows), 3, "Protesters (Zorbania)", 6, "", 0,
                        f"Residents protested near the Harrow Battalion barracks ({n}).",
                        "Peaceful protest", "Protests"))
    # "Osprey Guard" in one note only: too few notes to judge
    rows.append(row(len(rows), 4, "Osprey Guard", 3, "Civilians (Zorbania)", 7,
                    "Osprey Guard men beat a trader.", "Attack", "Violence against civilians"))
    # a faction's regime year is its own, not the plain state's
    for n in range(2):
        rows.append(row(len(rows), 5, "Military Forces of Zorbania (2019-) Northern Command", 1, ZLF, 2,
                        f"Northern Command units clashed with ZLF fighters ({n})."))
    # a branch of the current regime's forces, at home: any country's such branch
    for n in range(2):
        rows.append(row(len(rows), 6, "Military Forces of Zorbania (2011-) Kestrel Guard", 1, ZLF, 2,
                        f"Kestrel Guard soldiers repelled a ZLF attack ({n})."))
    # after the cut
    rows.append(row(len(rows), 9, "Protesters (Zorbania)", 6, "", 0, "Students marched in Kestrel.",
                    "Peaceful protest", "Protests"))
    rows.append(row(len(rows), 9, ARMY, 1, ZLF, 2, "The army shelled ZLF positions.",
                    "Shelling/artillery/missile attack", "Explosions/Remote violence"))
    return rows


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "zorbania.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(export_rows())
    return path


def test_candidates_from_an_acled_name():
    assert candidates("NAF: United Armed Forces of Novorossiya")[:2] == ["NAF", "United Armed Forces of Novorossiya"]
    assert candidates("Hamza Division - Aleppo") == ["Hamza Division - Aleppo", "Hamza Division", "Aleppo"]
    assert candidates("Sultan Suleiman Shah Brigade (Syria)")[0] == "Sultan Suleiman Shah Brigade"
    assert candidates("Military Forces of Yemen (2012-) Security Belt Forces")[0] == "Security Belt Forces"
    assert candidates("MS-13: Mara Salvatrucha") == ["MS-13", "Mara Salvatrucha"]


def test_shorter_forms_reports_use():
    # a last word reports drop (aliases.json), and the initials of a long name
    assert candidates("National Resistance Forces") == ["National Resistance Forces", "National Resistance", "NRF"]
    assert candidates("Police Forces of Afghanistan (2014-) National Directorate of Security") == [
        "National Directorate of Security", "NDS"]
    # two words keep their last one; an acronym has no initials of its own
    assert candidates("Popular Resistance") == ["Popular Resistance"]
    assert candidates("Houthi Forces") == ["Houthi Forces"]
    assert "UAFN" in candidates("NAF: United Armed Forces of Novorossiya")
    assert candidates("SNS: Serbian Progressive Party") == ["SNS", "Serbian Progressive Party", "Serbian Progressive", "SPP"]


@pytest.mark.parametrize("name", ["Protesters (India)", "Rioters (Lebanon)", "Civilians (Mexico)",
                                  "Unidentified Armed Group (Syria)", "Police Forces of India (2014-)",
                                  "Military Forces of the United States (2017-)", "Labour Group (Chile)",
                                  "Fulani Ethnic Militia (Nigeria)", "Government of Turkey (2016-)"])
def test_generic_names_give_no_alias(name):
    assert is_generic(name) and candidates(name) == []


def test_aliases_the_notes_bear_out(export):
    table = {entry["alias"]: entry for entry in learned_aliases(list(read_acled(export)))}
    assert table["ZLF"]["name"] == ZLF and table["ZLF"]["inter"] == 2
    assert table["Zorbanian Liberation Front"]["name"] == ZLF
    assert table["ZLF"]["country"] == "Zorbania" and table["ZLF"]["precision"] == 1.0
    # a faction of another regime keeps its name and state; a home branch of the current one
    # takes the report's country, as the hand table's branches do
    northern = table["Northern Command"]
    assert (northern["name"], northern["country"], northern["flags"]) == (
        "Military Forces of Zorbania (2019-) Northern Command", "Zorbania", "state")
    guard = table["Kestrel Guard"]
    assert (guard["name"], guard["country"], guard["flags"]) == (
        "Military Forces of {country} Kestrel Guard", "", "state")
    assert "Harrow Battalion" not in table   # 1 of its 3 notes codes it
    assert "Osprey Guard" not in table       # a single note
    assert not any(entry["name"].startswith(("Protesters", "Civilians", "Military Forces of Zorbania (2011"))
                   for entry in table.values())
    looser = {entry["alias"] for entry in learned_aliases(list(read_acled(export)), min_notes=1,
                                                          min_precision=0.3)}
    assert {"Harrow Battalion", "Osprey Guard"} <= looser


def test_state_regimes_from_plain_state_names(export):
    assert learned_states(read_acled(export)) == {"Zorbania": "2011"}


def test_split_by_date(export):
    rows = list(read_acled(export))
    train, test = split_rows(rows, "date", date(2020, 5, 9))
    assert len(train) + len(test) == len(rows) and len(test) == 2
    assert all(r.event_date < date(2020, 5, 9) <= t.event_date for r in train for t in test)
    # no cut given: the latest dates are held back, never all of them
    train, test = split_rows(rows, "date")
    assert train and test and max(r.event_date for r in train) < min(t.event_date for t in test)
    with pytest.raises(ValueError):
        split_rows([replace(row, event_date=None) for row in rows], "date")
    assert split_rows(rows, "none") == (rows, [])


def test_train_by_date_writes_the_learned_tables(export, tmp_path):
    manifest = train_from_acled(export, tmp_path / "m", holdout="date", before=date(2020, 5, 9))
    assert Manifest.load(tmp_path / "m") == manifest
    held = manifest.holdout
    assert held["kind"] == "date" and held["before"] == "2020-05-09"
    assert (held["train_rows"], held["test_rows"]) == (len(export_rows()) - 2, 2)
    assert manifest.scores["rows"] == 2
    assert {"aliases.tsv", "states.tsv"} <= set(manifest.files)
    assert manifest.tables["aliases"] >= 3 and manifest.tables["states"] == 1
    # the same columns as the hand table: the hand table's reader reads it
    learned = {entry.alias: entry for entry in load_aliases(str(tmp_path / "m" / "aliases.tsv"))}
    assert learned["ZLF"].name == ZLF and learned["ZLF"].inter == 2
    assert learned["Northern Command"].is_state


def test_cli_train_by_date(export, tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    runner = CliRunner()
    done = runner.invoke(app, ["train", "--acled", str(export), "--out", str(tmp_path / "m"),
                               "--holdout", "date", "--before", "2020-05-09"])
    assert done.exit_code == 0, done.output
    assert Manifest.load(tmp_path / "m").holdout["before"] == "2020-05-09"
    # no cut given: about the latest fifth of the rows is held back, whatever the countries
    auto = runner.invoke(app, ["train", "--acled", str(export), "--out", str(tmp_path / "n"),
                               "--holdout", "date"])
    assert auto.exit_code == 0, auto.output
    held = Manifest.load(tmp_path / "n").holdout
    assert held["before"] and 0 < held["test_rows"] < held["train_rows"]
    assert runner.invoke(app, ["train", "--acled", str(export), "--out", str(tmp_path / "o"),
                               "--holdout", "date", "--before", "9 May"]).exit_code != 0


def test_the_learned_stage_gives_the_actors_stage_its_tables(export, tmp_path):
    from sitrep.nlp import build_pipeline

    train_from_acled(export, tmp_path / "m", holdout="none")
    nlp = build_pipeline(None, stages=("events", "actors"))
    add_learned_stage(nlp, tmp_path / "m")
    assert nlp.pipe_names.index("sitrep_actors") > nlp.pipe_names.index("sitrep_learned")
    doc = nlp("On 10 May 2020, Northern Command units attacked Zorbanian Liberation Front fighters.")
    names = {m.name for m in doc._.actor_mentions}
    assert {"Military Forces of Zorbania (2019-) Northern Command", ZLF} <= names
    # without a learned aliases.tsv the hand table alone is used
    bare = tmp_path / "bare"
    shutil.copytree(tmp_path / "m", bare)
    (bare / "aliases.tsv").unlink()
    nlp = build_pipeline(None, stages=("events", "actors"))
    add_learned_stage(nlp, bare)
    assert ZLF not in {m.name for m in nlp("Zorbanian Liberation Front fighters attacked.")._.actor_mentions}
