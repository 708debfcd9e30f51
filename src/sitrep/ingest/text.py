"""Bytes to checked text: encoding, binary sniffing and cheap content checks.

Every check raises `IngestError` with a reason a person can act on; the readers turn it
into a `DocumentError` naming the document, so the batch goes on.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import date, datetime

MAX_BYTES = 10 * 1024 * 1024  # one document; a bigger "article" is a dump or the wrong file

# Frequent function words per language. A text is judged "not English" when another language's
# words outnumber English ones, not by an absolute floor: terse English notes full of place
# names ("On 9 May, rebels looted crops in Nadas") score low on any absolute scale.
STOP_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the and of to in on a is was were that for with by from has have had are it this "
          "which who been said after their they he she his her its at an as be or will would "
          "into than also but not there when while about against during over killed",
    "fr": "le la les de des du et est un une dans pour par sur au aux que qui pas ont été ce "
          "se sont avec il elle",
    "es": "el la los las de del y en un una que por para con se es fue al su sus ha han lo "
          "como más",
    "de": "der die das und ist den dem des ein eine nicht mit von zu auf für im sich wurde "
          "wurden sind hat auch",
    "pt": "o os as de do da dos das e em um uma que por para com não foi no na se ao",
    "it": "il lo la gli le di del della e è un una che per con non sono stato nel alla",
    "nl": "de het een en van is op dat die te zijn met voor niet werd",
    "id": "yang dan di ke dari ini itu untuk dengan tidak pada adalah dalam oleh",
}.items()}
MIN_WORDS_FOR_LANGUAGE = 12  # shorter texts (headlines, one-line notes) are not judged
MIN_LATIN_SHARE = 0.6  # letters outside a-z: another script, or mojibake from a wrong encoding

_WORD = re.compile(r"[^\W\d_]+")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


class IngestError(ValueError):
    """A document that cannot become an Article; the message is the reason."""


def mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode(data: bytes) -> str:
    """Text from bytes: a BOM wins, then UTF-8, then cp1252, then latin-1.

    cp1252 before latin-1 because Windows-saved news (curly quotes, dashes in 0x80-0x9f) is
    the common non-UTF-8 case; latin-1 decodes anything, so binary is ruled out first.
    """
    if not data.strip():
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise IngestError(f"undecodable {encoding} text: {error.reason}") from None
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _not_utf8(data)
    if _control_share(text) > 0.01:
        raise IngestError("binary file (undecodable: control characters in the text)")
    return text


def _not_utf8(data: bytes) -> str:
    # mostly UTF-8 with a few stray bytes (a pasted fragment): keep the UTF-8, mark the strays,
    # rather than turn every curly quote of the article into cp1252 mojibake
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    if sum(1 for c in lenient if ord(c) > 127) - stray > stray:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, ...)
        return data.decode("latin-1")


def _control_share(text: str) -> float:
    sample = text[:100_000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return controls / max(1, len(sample))


def check_text(text: str, check_language: bool = True) -> str:
    """The text itself if it can be an article, else IngestError with the reason."""
    if not text.strip():
        raise IngestError("empty text")
    if not any(c.isalpha() for c in text):
        raise IngestError("text has no letters")
    if check_language:
        reason = _not_english(text[:20_000])
        if reason:
            raise IngestError(f"not English ({reason}; sitrep reads English news)")
    return text


def _not_english(sample: str) -> str | None:
    letters = [c for c in sample if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii()) / len(letters)
    if len(letters) >= 40 and latin < MIN_LATIN_SHARE:
        return f"{1 - latin:.0%} of letters are outside a-z"
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    shares = {lang: sum(1 for w in words if w in stop) / len(words)
              for lang, stop in STOP_WORDS.items()}
    best = max(shares, key=lambda lang: shares[lang])
    if best != "en" and shares[best] > 1.5 * shares["en"]:
        return f"looks like {best}: {shares[best]:.0%} {best} function words, {shares['en']:.0%} English"
    return None


def parse_published(value: object) -> date | None:
    """A date from metadata: date, datetime, 'YYYY-MM-DD' or an ISO timestamp; None if absent."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise IngestError(f"published is not a YYYY-MM-DD date: {value!r}")
