"""The Python API: the CLI, the REST API and the benchmarks are thin layers over this."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from spacy.language import Language

from sitrep.mentions import mentions
from sitrep.model import Article, DocumentError, Event, Toponym
from sitrep.nlp import DEFAULT_MODEL, make_doc, parse, shared_pipeline
from sitrep.records import doc_to_events

Result = tuple[Article, list[Event]]


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
                  n_process: int = 1, learned: str | None = None) -> Iterator[Result]:
    """(article, events) for many articles; the model loads once and runs with nlp.pipe.

    With n_process > 1 each worker process loads its own pipeline and returns records
    (Docs carrying the stages' mentions do not cross process boundaries).
    """
    if n_process > 1:
        yield from _in_workers(articles, _extract_chunk, batch_size, n_process, learned)
        return
    nlp = nlp or shared_pipeline(DEFAULT_MODEL, learned)
    for article, doc in parse(nlp, articles, batch_size=batch_size):
        yield article, doc_to_events(doc, article)


def run_safely(articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 32,
               n_process: int = 1, learned: str | None = None) -> Iterator[Result | DocumentError]:
    """Like `extract_batch`, but one failing document never stops the batch.

    A batch that raises is re-run one document at a time, component by component, so the
    error names the document and the stage that failed (dlt-style).
    """
    if n_process > 1:
        yield from _in_workers(articles, _safe_chunk, batch_size, n_process, learned)
        return
    nlp = nlp or shared_pipeline(DEFAULT_MODEL, learned)
    for chunk in _chunks(articles, batch_size):
        yield from _safe_chunk(chunk, nlp)


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


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_chunk(chunk: list[Article], nlp: Language | None = None) -> list[Result]:
    return list(extract_batch(chunk, nlp=nlp or _worker_nlp()))


def _safe_chunk(chunk: list[Article], nlp: Language | None = None) -> list[Result | DocumentError]:
    nlp = nlp or _worker_nlp()
    try:
        return list(extract_batch(chunk, nlp=nlp, batch_size=len(chunk)))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        return [_extract_one_reporting_stage(nlp, article) for article in chunk]


def _extract_one_reporting_stage(nlp: Language, article: Article) -> Result | DocumentError:
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


# --- worker processes: each loads the pipeline once -------------------------------------
_WORKER_LEARNED: str | None = None


def _init_worker(learned: str | None) -> None:
    global _WORKER_LEARNED
    _WORKER_LEARNED = learned


def _worker_nlp() -> Language:
    return shared_pipeline(DEFAULT_MODEL, _WORKER_LEARNED)


def _in_workers(articles, work, batch_size: int, n_process: int, learned: str | None):
    # fork shares the parent's imported modules; results come back in input order
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                             initargs=(learned,)) as pool:
        for results in pool.map(work, _chunks(articles, batch_size), chunksize=1):
            yield from results
