"""The Python API: the CLI, the REST API and the benchmarks are thin layers over this."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language

from sitrep.mentions import mentions
from sitrep.model import Article, DocumentError, Event, Toponym
from sitrep.nlp import DEFAULT_MODEL, make_doc, parse, shared_pipeline
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


def run_safely(articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 32,
               n_process: int = 1) -> Iterator[tuple[Article, list[Event]] | DocumentError]:
    """Like `extract_batch`, but one failing document never stops the batch.

    A batch that raises is re-run one document at a time, component by component, so the
    error names the document and the stage that failed (dlt-style).
    """
    nlp = nlp or shared_pipeline(DEFAULT_MODEL)
    for chunk in _chunks(articles, batch_size * max(1, n_process)):
        try:
            yield from list(extract_batch(chunk, nlp=nlp, batch_size=batch_size, n_process=n_process))
        except Exception:  # noqa: BLE001 - isolate the failing document below
            for article in chunk:
                yield _extract_one_reporting_stage(nlp, article)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_one_reporting_stage(nlp: Language, article: Article) -> tuple[Article, list[Event]] | DocumentError:
    stage = "tokenizer"
    try:
        doc = make_doc(nlp, article)
        for name, component in nlp.pipeline:
            stage = name
            doc = component(doc)
        stage = "records"
        return article, doc_to_events(doc, article)
    except Exception as error:  # noqa: BLE001 - reported, the batch goes on
        return DocumentError(document=article.id, stage=stage.removeprefix("sitrep_"),
                             reason=f"{type(error).__name__}: {error}")
