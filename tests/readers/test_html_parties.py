"""Signatories from HTML pages: lines broken by <br>, signature tables, listing cards.

The people extractor reads each block with its lines as printed (as the text
reader hands it a text's lines); these pages are small and hand-written, and
every expected value was read off the page.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressrelease.model import Location, Signatory
from pressrelease.readers.html import parse_html, read_html

_TABLE_EN = """<!DOCTYPE html>
<html lang="en">
<head><title>Joint Declaration on River Cooperation</title></head>
<body>
<main>
<h1>Joint Declaration on River Cooperation</h1>
<p>Vientiane, 3 March 2025</p>
<p>The two governments agree to share river flow data every month and to meet once a year to review the arrangement.</p>
<p>They will set up a joint technical committee within six months of this declaration.</p>
<p>Signed at Vientiane on 3 March 2025.</p>
<table>
<tr><td>For the Government of the Lao People's Democratic Republic:</td><td>For the Government of the Kingdom of Thailand:</td></tr>
<tr><td>Sonexay Siphandone<br>Prime Minister</td><td>Paetongtarn Shinawatra<br>Prime Minister</td></tr>
</table>
</main>
</body>
</html>
"""


def _people(signatories: tuple[Signatory, ...]) -> list[tuple[str | None, ...]]:
    return [(s.honorific, s.name, s.role, s.organisation) for s in signatories]


def test_two_column_signature_table_gives_one_signatory_per_column() -> None:
    release = parse_html(_TABLE_EN, source="river.html")
    assert _people(release.signatories) == [
        (
            None,
            "Sonexay Siphandone",
            "Prime Minister",
            "Government of the Lao People's Democratic Republic",
        ),
        (None, "Paetongtarn Shinawatra", "Prime Minister", "Government of the Kingdom of Thailand"),
    ]
    # Each location is the cell holding the name, its source line and column.
    assert release.locations["$.signatories[0]"] == Location(
        source="river.html", line=13, column=9, element="/html/body/main/table/tr[2]/td[1]"
    )
    assert release.locations["$.signatories[1]"] == Location(
        source="river.html", line=13, column=54, element="/html/body/main/table/tr[2]/td[2]"
    )
    assert release.signatories[1].location == release.locations["$.signatories[1]"]
    # The body's paragraphs are as before: one per cell, its lines joined.
    assert [p.text for p in release.body][-2:] == [
        "Sonexay Siphandone Prime Minister",
        "Paetongtarn Shinawatra Prime Minister",
    ]


_TABLE_DE = """<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Gemeinsame Erklärung zur Forschungszusammenarbeit</title></head>
<body>
<main>
<h1>Gemeinsame Erklärung zur Forschungszusammenarbeit</h1>
<p>Die beiden Regierungen vereinbaren, gemeinsame Forschungsprogramme in der Meeresforschung aufzulegen.</p>
<p>Geschehen zu Berlin am 3. März 2025.</p>
<table class="signatures">
<tbody>
<tr><td>Für die Regierung der Bundesrepublik Deutschland</td><td>Für die Regierung der Republik Österreich</td></tr>
<tr>
  <td>Anna Schmidt<br>Bundesministerin für Bildung und Forschung</td>
  <td>Lukas Huber<br>Bundesminister für Wissenschaft</td>
</tr>
</tbody>
</table>
</main>
</body>
</html>
"""


def test_german_signature_table_with_cells_on_lines_of_their_own() -> None:
    release = parse_html(_TABLE_DE.encode(), source="forschung.html")
    assert _people(release.signatories) == [
        (
            None,
            "Anna Schmidt",
            "Bundesministerin für Bildung und Forschung",
            "Regierung der Bundesrepublik Deutschland",
        ),
        (
            None,
            "Lukas Huber",
            "Bundesminister für Wissenschaft",
            "Regierung der Republik Österreich",
        ),
    ]
    assert release.locations["$.signatories[0]"] == Location(
        source="forschung.html",
        line=13,
        column=7,
        element="/html/body/main/table/tbody/tr[2]/td[1]",
    )
    assert release.locations["$.signatories[1]"] == Location(
        source="forschung.html",
        line=14,
        column=7,
        element="/html/body/main/table/tbody/tr[2]/td[2]",
    )


_BR_FR = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Déclaration conjointe sur la coopération culturelle</title></head>
<body>
<main>
<h1>Déclaration conjointe sur la coopération culturelle</h1>
<p>Les deux ministères conviennent d’échanger chaque année des expositions et des artistes en résidence.</p>
<p>Un comité de suivi se réunira deux fois par an pour faire le point sur ces échanges.</p>
<p>Fait à Paris, le 3 mars 2025.</p>
<p>Pour le Gouvernement de la République française :<br>
Mme Claire Martin<br>
Ministre de la Culture</p>
<p>Pour le Gouvernement du Royaume de Belgique :<br>
M. Pierre Dubois<br>
Ministre des Affaires étrangères</p>
</main>
</body>
</html>
"""


def test_french_signature_lines_separated_by_br() -> None:
    release = parse_html(_BR_FR.encode(), source="culture.html")
    assert _people(release.signatories) == [
        (
            "Mme",
            "Claire Martin",
            "Ministre de la Culture",
            "Gouvernement de la République française",
        ),
        (
            "M.",
            "Pierre Dubois",
            "Ministre des Affaires étrangères",
            "Gouvernement du Royaume de Belgique",
        ),
    ]
    # The name's line (the one after the <br>), not the paragraph's first line.
    assert release.locations["$.signatories[0]"] == Location(
        source="culture.html", line=11, column=5, element="/html/body/main/p[4]"
    )
    assert release.locations["$.signatories[1]"] == Location(
        source="culture.html", line=14, column=4, element="/html/body/main/p[5]"
    )
    # The paragraph's text is still one line.
    assert release.body[-1].text == (
        "Pour le Gouvernement du Royaume de Belgique : M. Pierre Dubois "
        "Ministre des Affaires étrangères"
    )


def test_the_same_block_flattened_gives_no_signatory() -> None:
    # The control: without its line breaks the block is one run of words, which
    # is what the extractor was given before; no signature block is read.
    flat = _BR_FR.replace("<br>", " ")
    assert parse_html(flat.encode(), source="culture.html").signatories == ()


_CARDS = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Matériel de presse</title></head>
<body>
<main>
<div class="view view-pressmaterial-filterpage"><form action="/eeas/press-material_fr" method="get"></form></div>
<div class="card"><div class="card-body">
<div class="field--name-field-category">Déclaration</div>
<h3 class="card-title"><a href="/eeas/declaration-ue-sahel_fr">Déclaration de l’Union européenne sur la situation au Sahel</a></h3>
</div><div class="card-footer">12.03.2025</div></div>
<div class="card"><div class="card-body">
<div class="field--name-field-category">Statement</div>
<h3 class="card-title"><a href="/eeas/joint-statement-japan_en">Joint Statement by the European Union and Japan on maritime security</a></h3>
</div><div class="card-footer">11.03.2025</div></div>
<div class="card"><div class="card-body">
<div class="field--name-field-category">Communiqué de presse</div>
<h3 class="card-title"><a href="/delegations/chad/journee-portes-ouvertes_fr">Journée portes ouvertes : les jeunes découvrent les métiers de la coopération</a></h3>
</div><div class="card-footer">10.03.2025</div></div>
</main>
</body>
</html>
"""


def test_listing_cards_name_their_parties_as_documents_do() -> None:
    cards = list(read_html(_CARDS.encode(), source="cards.html"))
    assert [_people(card.signatories) for card in cards] == [
        [(None, None, None, "Union européenne")],
        [(None, None, None, "European Union"), (None, None, None, "Japan")],
        # The card names no party; neither the listing's publisher (the EEAS) nor
        # its URL (a delegation's path) stands in for one.
        [],
    ]
    # A party named in the title is located at the card's title.
    assert cards[0].locations["$.signatories[0]"] == Location(
        source="cards.html", line=9, element="/html/body/main/div[2]/div[1]/h3/a"
    )
    assert cards[1].locations["$.signatories[1]"] == Location(
        source="cards.html", line=13, element="/html/body/main/div[3]/div[1]/h3/a"
    )
    assert "$.signatories[0]" not in cards[2].locations


_NEGATIVE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>New public library opens in Springfield</title></head>
<body>
<header><p>Signed at Springfield</p><p>Mary Major<br>Head of Communications</p></header>
<div class="page">
<div class="content">
<h1>New public library opens in Springfield</h1>
<p>Springfield, 3 March 2025</p>
<p>The new public library on Main Street opened its doors to the public on Monday morning after two years of building work.</p>
<p>“This library belongs to everyone in the city,” said Mayor Jane Roe, who cut the ribbon.<br>
Dr Alan Poe, President of the Library Trust, thanked the volunteers.</p>
<p>The library is open every day from 9 a.m. to 8 p.m.</p>
</div>
<div class="sidebar">
<p>Signed at Springfield on 1 March 2025.</p>
<p>John Smith<br>President<br>Friends of the Library</p>
</div>
</div>
</body>
</html>
"""


def test_quoted_people_and_sidebar_signature_blocks_are_not_signatories() -> None:
    release = parse_html(_NEGATIVE.encode(), source="library.html")
    assert release.signatories == ()
    assert release.participants == ()
    # The control: the sidebar's block, moved into the text, is read.
    inside = _NEGATIVE.replace('</div>\n<div class="sidebar">', "")
    assert [s.name for s in parse_html(inside.encode()).signatories] == ["John Smith"]


def test_a_page_laid_out_in_a_table_is_not_read_as_rows() -> None:
    # Old sites put the whole page in a table: its cells' paragraphs are blocks
    # of their own, so an opening sentence still names its speaker.
    prose = "The Council met today in Geneva and reviewed the progress made on the programme. " * 5
    page = f"""<html lang="en"><head><title>Message to the Council</title></head><body>
<table><tr><td class="nav">Home</td><td>
<h1>Message to the Council</h1>
<p>Following is UN Secretary-General António Guterres’ message to the Council:</p>
<p>{prose}</p><p>{prose}</p>
</td></tr></table></body></html>"""
    release = parse_html(page.encode(), source="old.html", issuer="un")
    assert _people(release.signatories) == [
        (None, "António Guterres", "Secretary-General", "United Nations")
    ]
    assert release.locations["$.signatories[0]"].element == "/html/body/table/tr/td[2]/p[1]"


_GIVEN = ["Anna", "Marek", "Sofia", "Tomas", "Helena", "Jonas"]
_FAMILY = ["Novak", "Berg", "Lindqvist"]
_OTHER_FAMILY = ["Moreau", "Costa", "Weber"]  # two signatories, two surnames


@given(
    first=st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY)),
    second=st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_OTHER_FAMILY)),
    indent=st.integers(0, 6),
    newline=st.booleans(),
)
def test_table_signatories_point_at_their_cell_line_and_column(
    first: tuple[str, str], second: tuple[str, str], indent: int, newline: bool
) -> None:
    one, two = " ".join(first), " ".join(second)
    gap = "\n" + " " * indent if newline else " " * indent
    page = (
        '<html lang="en"><head><title>Joint Declaration on Fisheries</title></head><body>\n'
        "<h1>Joint Declaration on Fisheries</h1>\n"
        "<p>The parties agree to share catch data every month and to review quotas.</p>\n"
        "<p>Signed at Tallinn on 3 March 2025.</p>\n"
        "<table>\n"
        "<tr><td>For the Republic of Estonia:</td><td>For the Republic of Latvia:</td></tr>\n"
        f"<tr><td>{gap}{one}<br>Minister of Fisheries</td><td>{gap}{two}<br>Minister of Agriculture</td></tr>\n"
        "</table></body></html>\n"
    )
    release = parse_html(page, source="fish.html")
    lines = page.split("\n")
    found = [(s.name, s.location) for s in release.signatories]
    assert [name for name, _ in found] == [one, two]
    for number, (name, location) in enumerate(found, start=1):
        assert location is not None
        assert location.line is not None
        assert location.element == f"/html/body/table/tr[2]/td[{number}]"
        assert location.column is not None
        line = lines[location.line - 1]
        assert line[location.column - 1 :].startswith(name)


def test_a_signature_block_of_one_paragraph_per_signer_after_a_long_text() -> None:
    # Eight paragraphs of prose, a "Signed at" line and four signers: the closing
    # blocks read go back over the short ones to the last paragraph of prose.
    prose = "".join(
        f"<p>Point {n}: the parties will exchange data on fish stocks and review the quotas "
        "they set each spring, with scientists from both sides.</p>\n"
        for n in range(1, 9)
    )
    signers = [
        ("Kaja Kallas", "Prime Minister", "Republic of Estonia"),
        ("Evika Siliņa", "Prime Minister", "Republic of Latvia"),
        ("Gitanas Nausėda", "President", "Republic of Lithuania"),
        ("Petteri Orpo", "Prime Minister", "Republic of Finland"),
    ]
    signatures = "".join(
        f"<p>{name}<br>{role}<br>{country}</p>\n" for name, role, country in signers
    )
    page = (
        '<html lang="en"><head><meta charset="utf-8"><title>Joint Declaration on the Baltic Sea'
        "</title></head><body><main>\n<h1>Joint Declaration on the Baltic Sea</h1>\n"
        f"{prose}<p>Signed at Tallinn on 3 March 2025.</p>\n{signatures}</main></body></html>"
    )
    release = parse_html(page.encode(), source="baltic.html")
    assert _people(release.signatories) == [
        (None, name, role, country) for name, role, country in signers
    ]
    # Each is located at its own paragraph, on the line where its name is.
    assert [release.locations[f"$.signatories[{n}]"].element for n in range(4)] == [
        f"/html/body/main/p[{n}]" for n in range(10, 14)
    ]
    assert {release.locations[f"$.signatories[{n}]"].column for n in range(4)} == {4}


def test_a_cell_with_more_lines_than_the_first_gives_them_to_no_one_else() -> None:
    # The second signer's organisation is on a third line the first signer's cell
    # lacks: it must not become the first signer's organisation.
    page = """<html lang="en"><head><title>Joint Declaration on Fisheries</title></head><body>
<h1>Joint Declaration on Fisheries</h1>
<p>The parties agree to share catch data every month and to review quotas.</p>
<p>Signed at Tallinn on 3 March 2025.</p>
<table>
<tr><td>Anna Novak<br>Minister of Fisheries</td><td>Marek Costa<br>Minister of Agriculture<br>Republic of Latvia</td></tr>
<tr><td>Sofia Berg<br>President<br>Fisheries Council</td><td>Tomas Weber<br>Chair</td></tr>
</table></body></html>"""
    assert _people(parse_html(page).signatories) == [
        (None, "Anna Novak", "Minister of Fisheries", None),
        (None, "Marek Costa", "Minister of Agriculture", None),
        (None, "Sofia Berg", "President", "Fisheries Council"),
        (None, "Tomas Weber", "Chair", None),
    ]
