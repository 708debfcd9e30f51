"""The casualties stage: a spaCy component and its data files."""
