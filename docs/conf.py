"""Sphinx configuration: MyST Markdown pages, API reference from docstrings."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

# Our extension writes the rule catalogue, the CLI help and report examples, and
# the table of what each format loses, from the code, before the sources are read.
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "pressrelease"
author = "The pressrelease developers"
copyright = "2026, The pressrelease developers"
try:
    release = importlib.metadata.version("pressrelease")
except importlib.metadata.PackageNotFoundError:  # building from a tree that was never installed
    release = "0+unknown"
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "generated_pages",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# Fragments included by other pages are not pages of their own.
exclude_patterns = ["_build", "reference/_*.md"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# No network while building: intersphinx inventories are not fetched.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
nitpicky = False
html_theme = "alabaster"
html_title = f"pressrelease {release}"
