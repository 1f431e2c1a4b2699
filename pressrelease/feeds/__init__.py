"""Feeds and news formats: RSS, Atom, JSON Feed, IPTC ninjs and NewsML-G2."""
