"""The dates stage on hand-built Docs: date mentions and a date for every event."""
from __future__ import annotations

from datetime import date

import pytest

import sitrep.dates.component  # noqa: F401  (registers the factory)
from helpers import event_at
from sitrep.mentions import mentions


def make(nlp, text: str, published: date | None, triggers: list[str]):
    doc = nlp(text)
    doc._.published = published
    doc._.event_mentions = [event_at(doc, trigger) for trigger in triggers]
    return nlp.get_pipe("sitrep_dates")(doc)


@pytest.fixture()
def nlp(blank_nlp):
    blank_nlp.add_pipe("sitrep_dates")
    return blank_nlp


def test_event_takes_the_date_of_its_sentence(nlp):
    doc = make(nlp, "Rebels attacked a town on Saturday. On January 9, the army shelled a village.",
               date(2016, 1, 18), ["attacked", "shelled"])
    first, second = mentions(doc, "event_mentions")
    assert (first.date.date, first.date.time_precision) == (date(2016, 1, 16), 1)
    assert first.date.text == "Saturday"
    assert second.date.date == date(2016, 1, 9)
    assert [d.text for d in doc._.date_mentions] == ["Saturday", "January 9"]


def test_leading_date_governs_the_sentence(nlp):
    text = "Around 29 April 2020 (midweek), a man was found killed, his body was found on 8 May."
    doc = make(nlp, text, date(2020, 5, 12), ["killed"])
    event = mentions(doc, "event_mentions")[0]
    assert (event.date.date, event.date.time_precision) == (date(2020, 4, 29), 3)


def test_undated_sentence_takes_the_nearest_date_before(nlp):
    doc = make(nlp, "On Saturday, rebels attacked Bab. Fighting killed 16.", date(2016, 1, 18),
               ["attacked", "Fighting"])
    assert mentions(doc, "event_mentions")[1].date.date == date(2016, 1, 16)


def test_event_before_any_date_takes_the_dominant_date(nlp):
    doc = make(nlp, "ISIS abducted 400 people. It happened on Saturday. Saturday was bloody.",
               date(2016, 1, 18), ["abducted"])
    assert mentions(doc, "event_mentions")[0].date.date == date(2016, 1, 16)


def test_undated_report_is_dated_near_publication(nlp):
    doc = make(nlp, "Rebels attacked a town.", date(2020, 5, 11), ["attacked"])
    event = mentions(doc, "event_mentions")[0]
    assert (event.date.date, event.date.time_precision) == (date(2020, 5, 11), 2)


def test_no_publication_no_guess(nlp):
    doc = make(nlp, "Rebels attacked a town yesterday.", None, ["attacked"])
    assert mentions(doc, "event_mentions")[0].date is None
    assert doc._.date_mentions == []


def test_offsets_are_character_offsets(nlp):
    text = "Clashes erupted on 9 May 2020 in Aden."
    doc = make(nlp, text, date(2020, 5, 11), ["Clashes"])
    found = doc._.date_mentions[0]
    assert text[found.start:found.end] == found.text == "9 May 2020"


def test_date_from_an_earlier_paragraph_is_approximate(nlp):
    text = ("On Saturday, rebels attacked Bab.\nClashes went on.\nThe army sent troops.\n"
            "The observatory also reported fights in Bab.")
    doc = make(nlp, text, date(2016, 1, 18), ["attacked", "Clashes", "fights"])
    first, next_paragraph, later = mentions(doc, "event_mentions")
    assert (first.date.date, first.date.time_precision) == (date(2016, 1, 16), 1)
    assert (next_paragraph.date.date, next_paragraph.date.time_precision) == (date(2016, 1, 16), 1)
    assert (later.date.date, later.date.time_precision) == (date(2016, 1, 16), 2)


def test_bylines_and_datelines_date_no_event(nlp):
    text = ("Junta detains villagers\nBy The Irrawaddy 3 June 2022\n"
            "Troops detained villagers after fighting, residents said.\nThe arrests came on Monday.")
    doc = make(nlp, text, date(2022, 6, 3), ["detained"])
    assert [d.text for d in doc._.date_mentions] == ["3 June 2022", "Monday"]
    assert mentions(doc, "event_mentions")[0].date.date == date(2022, 5, 30)
    text = "Bogota, Apr 30 (EFE).- Six rebels were killed in an operation on Friday."
    doc = make(nlp, text, date(2022, 5, 1), ["killed"])
    assert mentions(doc, "event_mentions")[0].date.date == date(2022, 4, 29)
