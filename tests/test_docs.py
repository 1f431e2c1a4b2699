"""The documentation covers everything users can name: rules, commands, formats, public names.

The rule catalogue page is generated from ``RULES`` at build time by
``docs/_ext/generated_pages.py``; here it is rendered the same way.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

import pressrelease
from pressrelease.cli.main import COMMANDS
from pressrelease.formats import FORMATS
from pressrelease.validation import RULES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _generator() -> ModuleType:
    path = DOCS / "_ext" / "generated_pages.py"
    spec = importlib.util.spec_from_file_location("generated_pages", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


def _page(relative: str) -> str:
    return (DOCS / relative).read_text(encoding="utf-8")


def _all_written_pages() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in DOCS.rglob("*.md")
        if "_build" not in path.parts and path.name not in {"rules.md", "_lossy.md", "_cli.md"}
    )


@pytest.fixture(scope="module")
def rules_page() -> str:
    page: str = GENERATOR.render_rules()
    return page


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_section_with_what_why_and_examples(code: str, rules_page: str) -> None:
    rule = RULES[code]
    section = rules_page.split(f"## {code} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
    assert rule.summary in section
    assert GENERATOR.REASONS[code]
    assert GENERATOR.REASONS[code] in section
    assert f"**Failing:** {rule.failing.description}" in section
    assert f"**Passing:** {rule.passing.description}" in section
    assert "Finding: `" in section
    assert f" {code} " in section


def test_reasons_name_only_real_codes() -> None:
    assert set(GENERATOR.REASONS) == set(RULES)


def test_rules_page_is_in_the_table_of_contents() -> None:
    assert "reference/rules" in _page("index.md")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented(command: str) -> None:
    cli = _page("reference/cli.md")
    assert f"`{command}`" in cli
    assert f"### `pressrelease {command}`" in GENERATOR.render_cli()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_is_documented(name: str) -> None:
    assert f"| `{name}` |" in _page("reference/cli.md")
    if FORMATS[name].writer:
        assert f"`{name}`" in _page("feeds.md")


def test_every_report_format_has_an_example() -> None:
    from pressrelease.cli.validate import _REPORT_FORMATS

    cli = GENERATOR.render_cli()
    for name in _REPORT_FORMATS:
        assert f"### `{name}`" in cli
        assert f"`{name}`" in _page("guides/ci.md")


@pytest.mark.parametrize("name", sorted(set(pressrelease.__all__) - {"__version__"}))
def test_every_public_name_is_in_the_api_reference(name: str) -> None:
    assert re.search(
        rf"\.\. (autoclass|autofunction|data):: pressrelease\.{name}\n", _page("reference/api.md")
    )


def test_every_schema_field_is_described() -> None:
    schema = json.loads((DOCS.parent / "schemas" / "pressrelease.schema.json").read_text("utf-8"))
    page = _page("reference/schema.md")
    for definition in schema["$defs"].values():
        for key in definition.get("properties", {}):
            assert f"| `{key}`" in page, key


def test_every_limit_is_described() -> None:
    import attrs

    for field in attrs.fields(pressrelease.Limits):
        assert f"`{field.name}`" in _page("reference/security.md")
        assert f"`{field.name}`" in _page("guides/errors-and-limits.md")


def test_every_config_key_is_described() -> None:
    from pressrelease.validation.config import _KEYS

    page = _page("guides/configuring-rules.md")
    for key in _KEYS:
        assert f"`{key}`" in page


def test_every_code_appears_somewhere_a_person_writes() -> None:
    # The written guides mention codes by name; none may name a code that does not exist.
    for code in set(re.findall(r"\bPR\d{3}\b", _all_written_pages())):
        assert code in RULES, code
