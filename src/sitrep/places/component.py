"""Placeholder places component: registers the factory so the pipeline builds.

The real component replaces this file (it reads and writes what mentions.py documents).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.mentions import mentions


class PlacesComponent:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("sitrep_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
