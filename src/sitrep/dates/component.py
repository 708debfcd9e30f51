"""Placeholder dates component: registers the factory so the pipeline builds.

The real component replaces this file (it reads and writes what mentions.py documents).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.mentions import mentions


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("sitrep_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
