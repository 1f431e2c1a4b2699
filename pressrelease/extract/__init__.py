"""Extractors shared by every reader: dates, places and zones, IDs, people, language."""
