"""The dates stage: a spaCy component and its data files."""
