"""The actors stage: a spaCy component and its data files."""
