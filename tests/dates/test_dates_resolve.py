"""Date expressions resolved against the publication date (no spaCy)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.dates.resolve import find_dates

MONDAY = date(2016, 1, 18)  # the seed's publication day


def one(text: str, published: date | None = MONDAY) -> tuple[str, int]:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0].date.isoformat(), found[0].precision


@pytest.mark.parametrize("text, expected", [
    ("the attack on Deir Ezzor (on Saturday)", ("2016-01-16", 1)),
    ("fighting on Monday night", ("2016-01-18", 1)),       # same weekday: the publication day
    ("clashes last Monday", ("2016-01-11", 1)),             # "last" skips the publication day
    ("On January 9, the Islamic State attacked", ("2016-01-09", 1)),
    ("killed yesterday", ("2016-01-17", 1)),
    ("shelling last night", ("2016-01-17", 1)),
    ("an air strike overnight", ("2016-01-17", 1)),
    ("this morning, gunmen", ("2016-01-18", 1)),
    ("raids last week", ("2016-01-13", 2)),                 # middle of the previous week
    ("earlier this month", ("2016-01-15", 3)),
    ("on 9th of January", ("2016-01-09", 1)),
])
def test_relative_and_partial_dates(text, expected):
    assert one(text) == expected


def test_day_without_year_is_never_after_publication():
    # 20 December is after 18 January 2016 in 2016, so it is December 2015
    assert one("On December 20, rebels") == ("2015-12-20", 1)
    assert one("On 9 May 2020, x", date(2020, 5, 11)) == ("2020-05-09", 1)


def test_explicit_date_after_publication_is_a_plan():
    assert find_dates("elections on 30 June 2016", MONDAY) == []
    # a day a few weeks ahead without a year is a deadline, not last year's event
    assert find_dates("the ban runs until May 23", date(2020, 5, 11)) == []


def test_months_and_spans():
    assert one("in December", MONDAY) == ("2015-12-15", 3)
    assert one("between 1 and 3 May", date(2020, 5, 11)) == ("2020-05-02", 2)
    assert one("from 24 April to 8 May 2020", date(2020, 5, 11))[1] == 3  # two weeks: the month
    assert one("in May 2020", date(2020, 5, 11)) == ("2020-05-11", 3)     # clamped to publication


@pytest.mark.parametrize("note, expected", [
    ("On 9 May 2020, clashes erupted", ("2020-05-09", 1)),
    ("Around 6 May 2020 (as reported), a land developer", ("2020-05-06", 2)),
    ("As reported on 28 April 2020, a man died", ("2020-04-28", 2)),
    ("Around 29 April 2020 (midweek), a man was found", ("2020-04-29", 3)),
    ("Around 4 May 2020 (3-4 May), Imbonerakure and CNL clashed", ("2020-05-04", 2)),
    ("Around 8 May 2020 (from 24 April-8 May), police arrested", ("2020-05-08", 3)),
    ("On 28 April 2020 (or around), Boko Haram claimed", ("2020-04-28", 2)),
])
def test_acled_note_openings(note, expected):
    assert one(note, date(2020, 5, 11)) == expected


def test_without_publication_relative_dates_stay_empty():
    assert find_dates("killed yesterday, on Saturday, last week", None) == []
    # a day and month borrow the year of a full date written in the same text, never today's
    found = find_dates("Published 3 June 2022. On May 26, soldiers were killed.", None)
    assert [(f.date.isoformat(), f.precision) for f in found] == [("2022-06-03", 1), ("2022-05-26", 1)]
    assert find_dates("On May 26, soldiers were killed.", None) == []


def test_lowercase_month_words_are_not_dates():
    assert find_dates("they may 2 times sue", MONDAY) == []
    assert find_dates("in march formation", MONDAY) == []


def test_years_ages_and_numbers_are_not_dates():
    assert find_dates("The Islamic State occupied Al-Bab in 2013. A 25-year-old was hurt.", MONDAY) == []
