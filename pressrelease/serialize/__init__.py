"""pressrelease's own JSON and XML forms of the records, lossless both ways."""
