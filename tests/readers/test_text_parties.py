"""Signatories and participants as the text and Markdown readers find them.

The readers hand the people extractor each block with its lines as printed
(signature blocks need them) and map every location back to the source: the
line and column of a signatory are where its name starts in the file.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressrelease import parse_markdown, parse_text
from pressrelease.model import PressRelease, Signatory


def _fields(signatories: tuple[Signatory, ...]) -> list[tuple[str | None, ...]]:
    return [(s.honorific, s.name, s.role, s.organisation) for s in signatories]


def _printed_at(text: str, signatory: Signatory) -> str:
    """The source text from a signatory's location on."""
    assert signatory.location is not None
    assert signatory.location.line is not None
    assert signatory.location.column is not None
    line = text.split("\n")[signatory.location.line - 1]
    return line[signatory.location.column - 1 :]


def _names_at_their_locations(text: str, record: PressRelease) -> None:
    for signatory in (*record.signatories, *record.participants):
        assert signatory.name is not None
        assert _printed_at(text, signatory).startswith(signatory.name.split()[0])


# A two-column signature block as a word processor flattens it: each cell wraps, a run of
# no-break spaces ends the left cell, the right cell goes on the next line.
NBSP_RUN = "\u00a0 " * 20
COLUMNS_MD = (
    "---\ntitle: Joint Declaration by the Prime Minister of Ruritania and the Prime Minister "
    "of Freedonia\n---\n\n"
    "We, the Prime Minister of Ruritania and the Prime Minister of Freedonia, as witnessed "
    "by the Secretary-General of the League, declare the following:\n\n"
    "1.  We agree to open the border.\n\n"
    "Signed at Geneva on 1 May 2025, in triplicate.\n\n"
    f"Anna\nBerg{NBSP_RUN}\nRufus T. Firefly\n\n"
    f"Prime Minister of{NBSP_RUN}Prime\nMinister of\n\n"
    f"Ruritania{NBSP_RUN}\nFreedonia\n\n"
    "Witnessed by:\n\n"
    "Otto **Lang**\n\n"
    "Secretary-General of the League\n"
)


def test_two_column_signature_block_in_markdown() -> None:
    record = parse_markdown(COLUMNS_MD, source="columns.md")
    assert [s.name for s in record.signatories] == ["Anna Berg", "Rufus T. Firefly"]
    assert [s.organisation for s in record.signatories] == ["Ruritania", "Freedonia"]
    # The names start where the file prints them ("Anna" on line 11, "Rufus" on line 13).
    berg, firefly = record.signatories
    assert berg.location is not None
    assert firefly.location is not None
    assert (berg.location.line, berg.location.column) == (11, 1)
    assert (firefly.location.line, firefly.location.column) == (13, 1)
    assert berg.location.source == "columns.md"
    # The witness is no signatory.
    assert "Otto Lang" not in {s.name for s in record.participants + record.signatories}


def test_locations_inside_markdown_markup_are_source_columns() -> None:
    text = (
        "---\ntitle: Gemeinsame Erklärung\n---\n\n"
        "Der Dialog wurde gemeinsam geleitet von **Frau Dr. Anna Schmidt**, Direktorin im "
        "[Auswärtigen Amt](https://example.org/aa), und von Herrn Jan Nowak, Direktor im "
        "Büro der Vereinten Nationen.\n"
    )
    record = parse_markdown(text, source="de.md")
    assert [s.name for s in record.signatories] == ["Anna Schmidt", "Jan Nowak"]
    _names_at_their_locations(text, record)


def test_locations_in_an_indented_multi_line_plain_text_block() -> None:
    text = (
        "Joint statement\n\n"
        "   The meeting was co-chaired by Ms Jane Roe, Director at the\n"
        "   Ministry of Foreign Affairs of Ruritania, and by Mr Ivo Kos,\n"
        "   Deputy Minister at the Ministry of Defence of Freedonia.\n"
    )
    record = parse_text(text, source="x.txt")
    assert [s.name for s in record.signatories] == ["Jane Roe", "Ivo Kos"]
    _names_at_their_locations(text, record)
    kos = record.signatories[1]
    assert kos.location is not None
    assert (kos.location.line, kos.location.column) == (4, text.split("\n")[3].index("Ivo") + 1)


def test_the_site_a_saved_page_title_names_is_the_single_issuer() -> None:
    text = (
        "Nouvelles règles sur les batteries | Actualités | Commission européenne\n\n"
        "La Commission a proposé aujourd’hui de nouvelles règles sur les batteries, "
        "afin de rendre leur recyclage plus facile dans toute l’Union.\n"
    )
    record = parse_text(text, source="page.txt")
    assert record.title == "Nouvelles règles sur les batteries"
    assert _fields(record.signatories) == [(None, None, None, "Commission européenne")]


def test_a_site_that_is_no_organisation_is_not_an_issuer() -> None:
    text = (
        "Ministers meet in Lima | Daily Bugle\n\n"
        "Ministers met in Lima on Monday to talk about trade, the paper's reporter wrote "
        "after the meeting.\n"
    )
    assert parse_text(text, source="page.txt").signatories == ()


def test_the_site_does_not_add_to_parties_the_text_names() -> None:
    text = (
        "Dialogue on trade | News | European Parliament\n\n"
        "The dialogue was co-chaired by Ms Jane Roe, Chair of the Committee on "
        "International Trade, and by Mr Ivo Kos, Deputy Minister of Trade of Peru.\n"
    )
    record = parse_text(text, source="page.txt")
    assert [s.name for s in record.signatories] == ["Jane Roe", "Ivo Kos"]


_NAME = st.builds(
    lambda first, last: f"{first} {last}",
    st.sampled_from(["Ann", "Tom", "Kay", "Jan", "Eva", "Luis"]),
    st.sampled_from(["Lee", "Reid", "Moss", "Novak", "Berg", "Vega"]),
)


@given(
    names=st.lists(_NAME, min_size=2, max_size=2, unique=True),
    indent=st.integers(min_value=0, max_value=6),
    emphasis=st.sampled_from(["", "**", "_"]),
    gap=st.integers(min_value=2, max_value=40),
    markdown=st.booleans(),
)
def test_signature_locations_point_at_the_names_in_the_source(
    names: list[str], indent: int, emphasis: str, gap: int, markdown: bool
) -> None:
    first, second = names
    mark = emphasis if markdown else ""
    pad = " " * indent
    text = (
        "Joint Declaration\n\n"
        "We, the Prime Minister of Malta and the Prime Minister of Peru, declare:\n\n"
        "1. Peace.\n\n"
        "Signed at Lima on 3 May 2024.\n\n"
        f"{pad}{mark}{first}{mark}{' ' * gap}{mark}{second}{mark}\n"
        f"{pad}Prime Minister of Malta{' ' * gap}Prime Minister of Peru\n"
    )
    record = (parse_markdown if markdown else parse_text)(text, source="h")
    assert [s.name for s in record.signatories] == [first, second]
    for signatory in record.signatories:
        assert signatory.name is not None
        assert _printed_at(text, signatory).startswith(signatory.name)
