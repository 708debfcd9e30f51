"""Less common wordings of events (trigger rows added for synonyms the dev notes never used), and the
same words used figuratively or about accidents, which must stay quiet (real English model)."""
from __future__ import annotations

from datetime import date

import pytest

from helpers import first_sub_event
from sitrep.mentions import mentions
from sitrep.model import Article
from sitrep.nlp import make_doc


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("On 6 June 2021, soldiers and Al Shabaab militants traded gunfire near Afgoye for two hours.", "Armed clash"),
    ("On 6 June 2021, government troops retook control of Palma after days of fighting.",
     "Government regains territory"),
    ("On 6 June 2021, the military dislodged militants from the village of Tora.", "Government regains territory"),
    ("On 6 June 2021, soldiers wrested back control of the district from rebels.", "Government regains territory"),
    ("On 6 June 2021, Al Shabaab militants wrested control of the town of Mahas from the army.",
     "Non-state actor overtakes territory"),
    ("On 6 June 2021, an unmanned aerial vehicle fired missiles at a house in Mirali.", "Air/drone strike"),
    ("On 6 June 2021, militants whisked away 3 aid workers in Borno.", "Abduction/forced disappearance"),
    ("On 6 June 2021, armed men snatched a businessman from his car in Port Harcourt.",
     "Abduction/forced disappearance"),
    ("On 6 June 2021, jihadists carried off 3 villagers from Djibo.", "Abduction/forced disappearance"),
    ("On 6 June 2021, angry protesters ransacked the governor's office in Kano.", "Violent demonstration"),
    ("On 6 June 2021, protesters hurled rocks at police in Santiago.", "Violent demonstration"),
    ("On 6 June 2021, a group of youths hurled bricks at a bus in Jos.", "Mob violence"),
    ("On 6 June 2021, police apprehended 3 suspected militants in Srinagar.", "Arrests"),
    ("On 6 June 2021, police nabbed two suspected kidnappers in Kano.", "Arrests"),
    ("On 6 June 2021, the army built a new outpost near the border.", "Headquarters or base established"),
    ("On 6 June 2021, militants burned down a health centre in Cabo Delgado.", "Looting/property destruction"),
    ("On 6 June 2021, militants blew up a bridge in Sukma.", "Remote explosive/landmine/IED"),
    ("On 6 June 2021, an army patrol came under fire from militants near Mopti.", "Armed clash"),
    ("On 6 June 2021, militants slit the throats of 4 villagers in Cabo Delgado.", "Attack"),
    ("On 6 June 2021, armed men burned 3 villagers alive in Ituri.", "Attack"),
    ("On 6 June 2021, militants clubbed a farmer to death in Benue.", "Attack"),
    ("On 6 June 2021, gunmen dragged a teacher from his home and took him to an unknown destination in Kogi.",
     "Abduction/forced disappearance"),
    ("On 6 June 2021, a military plane bombed a market in Tigray.", "Air/drone strike"),
    ("On 6 June 2021, security forces gunned down 6 protesters in Baghdad.", "Excessive force against protesters"),
    ("On 6 June 2021, security forces picked up a journalist in Harare.", "Arrests"),
])
def test_less_common_wordings_name_the_event(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "On 6 June 2021, the minister was pelted with questions by reporters in Nairobi.",
    "On 6 June 2021, a fire torched a warehouse in Lagos after an electrical fault.",
    "On 6 June 2021, the opposition leader shelled out millions for his campaign.",
    "On 6 June 2021, the coach was bombarded with criticism after the defeat.",
    "On 6 June 2021, the striker fired a shot past the goalkeeper in the final.",
    "On 6 June 2021, a gas cylinder exploded in a restaurant in Karachi, killing 3.",
    "On 6 June 2021, the senator blasted the government over the budget.",
    "On 6 June 2021, a wildfire set ablaze thousands of hectares of forest in Attica.",
    "On 6 June 2021, the president was ambushed by reporters' questions at the press conference.",
    "On 6 June 2021, doctors fought to save the lives of the accident victims.",
    "On 6 June 2021, a truck rammed into a market stall after its brakes failed, killing 2.",
    "On 6 June 2021, a thief snatched a phone from a woman's hand in Nairobi.",
    "On 6 June 2021, the startup overtook its rivals in market share.",
    "On 6 June 2021, the party fought a bitter election campaign in Lagos.",
    "On 6 June 2021, the government ambushed the opposition with a snap vote.",
    "On 6 June 2021, locusts destroyed crops in northern Kenya.",
    "On 6 June 2021, the minister came under fire for his remarks on the budget.",
    "On 6 June 2021, the suspects fled to an unknown destination after the robbery in Kano.",
    "On 6 June 2021, a passenger plane crashed on landing in Goma after a bird strike.",
])
def test_the_same_words_used_otherwise_name_no_event(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "NONE"


def test_the_attacker_arrested_afterwards_is_no_event_of_its_own(events_nlp):
    text = ("On 1 May 2020, a soldier fired upon a family in Dilling, killing the father and a son. "
            "The soldier has reportedly been arrested.")
    doc = events_nlp(make_doc(events_nlp, Article(id="a", text=text, published=date(2020, 5, 3))))
    assert [m.sub_event_type for m in mentions(doc, "event_mentions")] == ["Attack"]
