"""The Python API: the CLI, the REST API and the benchmarks are thin layers over this."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language

from sitrep.mentions import mentions
from sitrep.model import Article, Event, Toponym
from sitrep.nlp import DEFAULT_MODEL, parse, shared_pipeline
from sitrep.records import doc_to_events


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def extract(text: str, published: str | date | None = None, article_id: str | None = None,
            source: str | None = None, nlp: Language | None = None) -> list[Event]:
    """The events of one report, primary first."""
    article = Article(id=article_id or Article.content_id(text), text=text,
                      published=_as_date(published), source=source)
    return next(extract_batch([article], nlp=nlp))[1]


def extract_batch(articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 32,
                  n_process: int = 1) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for many articles; the model loads once and runs with nlp.pipe."""
    nlp = nlp or shared_pipeline(DEFAULT_MODEL)
    for article, doc in parse(nlp, articles, batch_size=batch_size, n_process=n_process):
        yield article, doc_to_events(doc, article)


def geoparse_batch(articles: Iterable[Article], nlp: Language | None = None,
                   batch_size: int = 32) -> Iterator[tuple[Article, list[Toponym]]]:
    """(article, toponyms) for many articles: every place name with its resolution."""
    nlp = nlp or shared_pipeline(DEFAULT_MODEL)
    for article, doc in parse(nlp, articles, batch_size=batch_size):
        toponyms = [
            Toponym(article_id=article.id, start=m.start, end=m.end, text=m.text,
                    geonameid=m.geonameid, name=m.name, country=m.country, admin1=m.admin1,
                    admin2=m.admin2, latitude=m.latitude, longitude=m.longitude,
                    feature_code=m.feature_code)
            for m in mentions(doc, "toponyms")
        ]
        yield article, toponyms


def geoparse(text: str, nlp: Language | None = None) -> list[Toponym]:
    """Every toponym of one text."""
    article = Article(id=Article.content_id(text), text=text)
    return next(geoparse_batch([article], nlp=nlp))[1]
