"""The places stage: a spaCy component and its data files."""
