"""Helpers for stage tests on hand-built Docs (tests/ is on sys.path beside conftest.py)."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.mentions import EventMention


def event_at(doc: Doc, trigger: str, event_type: str = "Battles",
             sub_event_type: str = "Armed clash") -> EventMention:
    """An event mention at the trigger's first occurrence, spanning the trigger's sentence."""
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return EventMention(start, start + len(trigger), trigger, sent.start_char, sent.end_char,
                        event_type, sub_event_type)


def doc_with_ents(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A Doc whose entities are the given (words, label) pairs, first occurrences in order."""
    doc = nlp(text)
    spans, pos = [], 0
    for words, label in ents:
        start = text.index(words, pos)
        spans.append(doc.char_span(start, start + len(words), label=label))
        pos = start + len(words)
    doc.ents = spans
    return doc
