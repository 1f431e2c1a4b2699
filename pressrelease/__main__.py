"""``python -m pressrelease`` runs the command line."""

from pressrelease.cli.main import run

run()
