"""Names of identity and communal militias, and of gangs, from the capitalised words around a
generic word ("Tiv and Ichen ethnic militias", "militias from Okpanam", "the Village de Dieu
gang"): one actor per name, named as ACLED names them."""
from __future__ import annotations

from spacy.tokens import Doc

# find.py imports this module inside find_actors, once Found is defined
from sitrep.actors.find import Found, generic_mention
from sitrep.actors.table import load_identity
from sitrep.mentions import ActorMention


# the kind word of a generic militia phrase -> the kind in ACLED's name ("Tiv Ethnic Militia")
_KINDS = {"ethnic": "Ethnic", "tribal": "Tribal", "tribesmen": "Tribal", "clan": "Clan",
          "clansmen": "Clan", "communal": "Communal"}
# lowercase particles inside names ("Al Dahshal Ba al Harith"), and what joins two names
_NAME_PARTICLES = {"al", "el", "ba", "bin", "ibn", "de", "da"}
_NAME_JOINS = {"and", ","}
_NOT_NAMES = {"the", "on", "in", "at", "between", "armed", "rival", "local", "two", "several",
              # a sentence's first word is capitalised: "Suspected gang members" names no gang
              "suspected", "alleged", "presumed", "unknown", "unidentified",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"}


def _name_tokens(doc: Doc, end: int) -> list[list[int]]:
    """Capitalised names just before token `end`, split at "and" and commas, in text order."""
    names: list[list[int]] = [[]]
    i = end - 1
    while i >= 0:
        token = doc[i]
        if token.lower_ in _NAME_JOINS and names[-1]:
            names.append([])
        elif token.is_alpha and (token.is_title or token.is_upper or token.lower_ in _NAME_PARTICLES) \
                and token.lower_ not in _NOT_NAMES:
            names[-1].insert(0, i)
        else:
            break
        i -= 1
    names = [name for name in names if any(doc[i].lower_ not in _NAME_PARTICLES for i in name)]
    return names[::-1]


def _names_after(doc: Doc, start: int) -> list[list[int]]:
    """Capitalised names from token `start` on ("Umumubu and Omor in ..."), split at "and"."""
    names: list[list[int]] = [[]]
    i = start
    while i < len(doc):
        token = doc[i]
        if token.lower_ == "and" and names[-1]:
            names.append([])
        elif token.is_alpha and token.is_title and token.lower_ not in _NOT_NAMES:
            names[-1].append(i)
        else:
            break
        i += 1
    return [name for name in names if name]


# generic militia words that "from <place>" turns into that place's communal militia
_MILITIA_WORDS = {"militia", "militias", "militiamen"}


def _communal_from(item: Found) -> list[Found]:
    """"militias from Umumubu and Omor": one communal militia per place, as ACLED names them
    ("Omor Communal Militia ({country})")."""
    span, doc = item.span, item.span.doc
    if span[-1].lower_ not in _MILITIA_WORDS or item.alias.inter not in (3, 4) or not generic_mention(item):
        return []
    at = span.end
    if at >= len(doc) or doc[at].lower_ != "from":
        return []
    at += 1 + (at + 1 < len(doc) and doc[at + 1].lower_ == "the")
    out = []
    for index, tokens in enumerate(_names_after(doc, at)):
        words = " ".join(doc[i].text for i in tokens)
        # the first name carries the militia word ("militias from Umumubu"), the others stand alone
        whole = doc[span.start if index == 0 else tokens[0]:tokens[-1] + 1]
        mention = ActorMention(whole.start_char, whole.end_char, whole.text,
                               _identity_militia(words, "Communal"), 4, item.mention.country,
                               f"{item.alias.key}:{words}")
        out.append(Found(mention, span if index == 0 else whole, item.alias, item.speaker))
    return out


def _identity_militia(words: str, kind: str) -> str:
    """"Fellata" + the report's "communal": a group identity.tsv knows keeps its own kind
    ("Fellata Ethnic Militia"), whatever word the report uses; others take the report's."""
    known = {spelling.lower(): (name, own) for spelling, name, own in load_identity()}
    name, kind = known.get(words.lower(), (words, kind))
    return f"{name} {kind} Militia ({{country}})"


def named_militias(found: list[Found]) -> list[Found]:
    """"Tiv and Ichen ethnic militias", "Al Awad tribesmen": the names before a generic
    identity militia name it, one actor per name ("Tiv Ethnic Militia ({country})"); "militias
    from Okpanam" are Okpanam's communal militia."""
    out: list[Found] = []
    for item in found:
        communal = _communal_from(item)
        if communal:
            out += communal
            continue
        kind = next((_KINDS[t.lower_] for t in item.span if t.lower_ in _KINDS), None)
        gang = item.alias.name.startswith("Unidentified Gang") and item.span[0].lower_ in ("gang", "gangs")
        if not gang and (kind is None or item.alias.inter != 4 or not item.alias.name.startswith("Unidentified")
                         or item.span[0].lower_ not in _KINDS):
            out.append(item)
            continue
        doc = item.span.doc
        names = _name_tokens(doc, item.span.start)
        if not names:
            out.append(item)
            continue
        for index, tokens in enumerate(names):
            last = index == len(names) - 1
            span = doc[tokens[0]:item.span.end] if last else doc[tokens[0]:tokens[-1] + 1]
            words = " ".join(doc[i].text for i in tokens)
            # "the Village de Dieu gang": ACLED names a gang after itself, without a country
            name, inter = (f"{words} Gang", 3) if gang else (_identity_militia(words, kind), 4)
            mention = ActorMention(span.start_char, span.end_char, span.text, name, inter,
                                   item.mention.country, f"{item.alias.key}:{words}")
            out.append(Found(mention, span, item.alias, item.speaker))
    return out
