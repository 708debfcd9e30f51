"""The embedded place index: SQLite built once from PyPI data (see build.py, query.py).

    from sitrep.gazetteer import Gazetteer
    Gazetteer.default().lookup("Dayr az-Zawr", "SY")[0].name  # 'Deir ez-Zor'
"""
from sitrep.gazetteer.normalize import name_key, skeleton
from sitrep.gazetteer.query import Candidate, Gazetteer

__all__ = ["Candidate", "Gazetteer", "name_key", "skeleton"]
