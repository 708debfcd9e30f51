"""Reading ACLED exports: both column sets give the same rows; notes lose their artefacts."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.learn.acled import clean_note, parse_date, parse_inter, read_acled


def test_both_column_sets_read_alike(csv_2020, csv_2023, composed_rows):
    old, new = list(read_acled(csv_2020)), list(read_acled(csv_2023))
    assert len(old) == len(new) == len(composed_rows)
    for a, b in zip(old, new):
        assert (a.event_date, a.sub_event_type, a.country, a.inter1, a.inter2, a.notes) == \
               (b.event_date, b.sub_event_type, b.country, b.inter1, b.inter2, b.notes)
    assert new[0].disorder_type and not old[0].disorder_type
    assert any(row.civilian_targeting for row in new)


def test_dates_and_inter_codes():
    assert parse_date("9-May-20") == parse_date("2020-05-09") == date(2020, 5, 9)
    assert parse_date("") is None and parse_date("someday") is None
    assert parse_inter("1") == parse_inter("State forces") == 1
    assert parse_inter("External/Other forces") == 8
    assert parse_inter("0") is None and parse_inter("") is None


def test_missing_required_column(tmp_path):
    path = tmp_path / "not-acled.csv"
    path.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(ValueError, match="notes"):
        list(read_acled(path))


def test_semicolon_export(tmp_path):
    path = tmp_path / "semicolon.csv"
    path.write_text("event_date;sub_event_type;event_type;country;notes;assoc_actor_1\n"
                    "2020-05-09;Armed clash;Battles;Yemen;Clashes near Taiz.;A; B\n", encoding="utf-8")
    (row,) = read_acled(path)
    assert row.country == "Yemen" and row.notes == "Clashes near Taiz."


def test_clean_note_drops_note_artefacts():
    note = ("On 9 May 2020, medical interns protested in Haifa, demanding shorter shifts. "
            "[size=no report]")
    # the crowd-size tag stays: it tells a crowd (protest, riot) from other events
    assert clean_note(note) == ("medical interns protested in Haifa, demanding shorter shifts. "
                                "[size=no report]")
    assert clean_note("Around 4 May 2020 (as reported), a man was shot dead. 1 fatality.") == \
        "a man was shot dead."
    assert clean_note("Looting: On 3 May 2020, shops were looted.") == "shops were looted."
    assert clean_note("Looting: On 3 May 2020, shops were looted.", strip_heading=False) == \
        "Looting: shops were looted."
