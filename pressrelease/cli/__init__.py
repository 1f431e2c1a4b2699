"""The ``pressrelease`` command line: the only layer that touches files and terminals."""
