"""The events stage: a spaCy component and its data files."""
